import { describe, expect, it } from "vitest";
import {
  addSpan,
  checkHours,
  draftFromRules,
  hoursBody,
  hoursFieldFor,
  plannedChanges,
  spanFieldId,
  spansOf,
  VALID_FROM_ID,
  type HoursDraft,
} from "../../kiosk/staff/admin/hours";
import { createSettingsStore } from "../../kiosk/staff/admin/settings";
import type { OpeningRuleView } from "../../schemas/staff-settings";
import { OpeningHoursUpdate } from "../../schemas/staff-settings";
import { fakeAdminApi, invalid, settings } from "./admin-fakes";

/*
 * The opening-hours editor: the draft from the stored rules, the page's quick check (which must agree
 * with the server's schema on every case here: the test runs both), the body and where the API's
 * refusal of rule N lands.
 */

const draft = (spans: [number, string, string][], validFrom = "2026-11-30"): HoursDraft => ({
  validFrom,
  spans: spans.map(([weekday, opens, closes], i) => ({ key: 100 + i, weekday, opens, closes })),
});

describe("draftFromRules", () => {
  const rules: OpeningRuleView[] = [
    { id: 3, weekday: 3, opens: "09:00", closes: "13:00", validFrom: "2020-01-01", validUntil: null },
    { id: 1, weekday: 1, opens: "15:00", closes: "17:30", validFrom: "2020-01-01", validUntil: null },
    { id: 2, weekday: 1, opens: "09:00", closes: "12:00", validFrom: "2020-01-01", validUntil: null },
    { id: 4, weekday: 5, opens: "09:00", closes: "12:00", validFrom: "2020-01-01", validUntil: "2026-11-29" },
    { id: 5, weekday: 2, opens: "10:00", closes: "11:00", validFrom: "2027-01-04", validUntil: null },
  ];

  it("takes the rules in force today, by weekday and time; ended and future ones stay out", () => {
    const d = draftFromRules(rules, "2026-11-30");
    expect(d.validFrom).toBe("2026-11-30");
    expect(d.spans.map((s) => [s.weekday, s.opens, s.closes])).toEqual([
      [1, "09:00", "12:00"],
      [1, "15:00", "17:30"],
      [3, "09:00", "13:00"],
    ]);
    expect(new Set(d.spans.map((s) => s.key)).size).toBe(3);
  });

  it("names the days of changes already planned", () => {
    expect(plannedChanges(rules, "2026-11-30")).toEqual(["2027-01-04"]);
    expect(plannedChanges(rules, "2027-01-04")).toEqual([]);
  });

  it("adds a span after the day's last one, or 09:00–12:00 on a closed day", () => {
    const d = draft([[1, "09:00", "12:00"]]);
    expect(spansOf(addSpan(d, 1), 1).map((s) => [s.opens, s.closes])).toEqual([
      ["09:00", "12:00"],
      ["12:00", "13:00"],
    ]);
    expect(spansOf(addSpan(d, 6), 6).map((s) => [s.opens, s.closes])).toEqual([["09:00", "12:00"]]);
    expect(checkHours(addSpan(addSpan(d, 1), 1), "2026-11-30")).toEqual({});
  });
});

describe("checkHours agrees with the server's schema", () => {
  const cases: [string, [number, string, string][], string | null, string | null][] = [
    ["the Kempten hours", [[1, "13:00", "17:30"], [3, "09:00", "13:00"]], null, null],
    ["no spans: by arrangement only", [], null, null],
    ["two spans that touch", [[1, "09:00", "12:00"], [1, "12:00", "17:00"]], null, null],
    ["until midnight", [[5, "18:00", "24:00"]], null, null],
    ["the same times on two weekdays", [[1, "09:00", "12:00"], [2, "09:00", "12:00"]], null, null],
    ["off the 5-minute raster", [[1, "09:03", "12:00"]], "opens", "raster"],
    ["closing off the raster", [[1, "09:00", "12:01"]], "closes", "raster"],
    ["closes before it opens", [[1, "14:00", "13:00"]], "closes", "opensBeforeCloses"],
    ["closes when it opens", [[1, "14:00", "14:00"]], "closes", "opensBeforeCloses"],
    ["overlapping spans: the later one is marked", [[1, "09:00", "12:00"], [1, "11:30", "14:00"]], "opens#1", "overlap"],
    ["overlap in any order of entry", [[1, "11:30", "14:00"], [1, "09:00", "12:00"]], "opens#0", "overlap"],
    ["not a time", [[1, "9 Uhr", "12:00"]], "opens", "notATime"],
    ["24:00 cannot open", [[1, "24:00", "24:00"]], "opens", "notATime"],
    ["empty", [[1, "", "12:00"]], "opens", "required"],
  ];

  it.each(cases)("%s", (_, spans, at, problem) => {
    const d = draft(spans);
    const errors = checkHours(d, "2026-11-30");
    const server = OpeningHoursUpdate.safeParse(hoursBody(d).body);
    if (problem === null) {
      expect(errors).toEqual({});
      expect(server.success).toBe(true);
      return;
    }
    const [field, index] = at!.split("#") as ["opens" | "closes", string | undefined];
    const key = d.spans[Number(index ?? 0)]!.key;
    expect(errors[spanFieldId(key, field)]).toEqual({ kind: "client", key: problem });
    // The server refuses it too (its words differ; where it points is checked below).
    expect(server.success).toBe(false);
  });

  it("refuses a day in the past and a missing day, before asking the server", () => {
    expect(checkHours(draft([], "2026-11-29"), "2026-11-30")[VALID_FROM_ID]).toEqual({ kind: "client", key: "dateInPast" });
    expect(checkHours(draft([], ""), "2026-11-30")[VALID_FROM_ID]).toEqual({ kind: "client", key: "dateMissing" });
  });
});

describe("hoursBody and the API's field paths", () => {
  it("sends the rules sorted and remembers which row each came from", () => {
    const d = draft([[3, "09:00", "13:00"], [1, "15:00", "17:00"], [1, "09:00", "12:00"]]);
    const { body, keys } = hoursBody(d);
    expect(body).toEqual({
      validFrom: "2026-11-30",
      rules: [
        { weekday: 1, opens: "09:00", closes: "12:00" },
        { weekday: 1, opens: "15:00", closes: "17:00" },
        { weekday: 3, opens: "09:00", closes: "13:00" },
      ],
    });
    expect(keys).toEqual([102, 101, 100]);
    expect(hoursFieldFor("rules.0.closes", keys)).toBe(spanFieldId(102, "closes"));
    expect(hoursFieldFor("rules.2.opens", keys)).toBe(spanFieldId(100, "opens"));
    expect(hoursFieldFor("rules.2.weekday", keys)).toBe(spanFieldId(100, "opens"));
    expect(hoursFieldFor("validFrom", keys)).toBe(VALID_FROM_ID);
    expect(hoursFieldFor("rules.9.opens", keys)).toBeNull();
    expect(hoursFieldFor("rules", keys)).toBeNull();
  });

  it("points where the server's schema points for an overlap", () => {
    const d = draft([[1, "11:30", "14:00"], [2, "09:00", "10:00"], [1, "09:00", "12:00"]]);
    const { body, keys } = hoursBody(d);
    const result = OpeningHoursUpdate.safeParse(body);
    expect(result.success).toBe(false);
    const path = result.error!.issues[0]!.path.join(".");
    const client = Object.keys(checkHours(d, "2026-11-30"));
    expect(client).toEqual([hoursFieldFor(path, keys)]);
  });
});

describe("the hours section of the settings store", () => {
  it("saves, reports the appointments outside the new hours, and shows what the server stored", async () => {
    let stored = settings();
    const api = fakeAdminApi({
      settings: () => stored,
      saveOpeningHours: (body) => {
        stored = settings({
          openingRules: body.rules.map((r, i) => ({ id: 10 + i, ...r, validFrom: body.validFrom!, validUntil: null })),
        });
        return { validFrom: body.validFrom!, rules: stored.openingRules, bookings: [], proposals: [], cancelled: 0, withdrawn: 0, mailed: 0 };
      },
    });
    const store = createSettingsStore(api);
    await store.load();
    const monday = spansOf(store.hours.value!, 1)[0]!;
    store.hoursActions.set(monday.key, "closes", "16:00");
    expect(await store.hoursActions.save()).toBe(true);
    expect(api.calls.find((c) => c.name === "saveOpeningHours")!.args[0]).toEqual({
      validFrom: "2026-11-30",
      rules: [
        { weekday: 1, opens: "13:00", closes: "16:00" },
        { weekday: 3, opens: "09:00", closes: "13:00" },
      ],
    });
    expect(store.hoursFlow.result.value).toEqual({ action: null, kept: { bookings: [], proposals: [] }, cancelled: 0, withdrawn: 0, mailed: 0, toCall: { bookings: [], proposals: [] } });
    expect(store.hoursSaver.saved.value).toBe(1);
    expect(spansOf(store.hours.value!, 1).map((s) => s.closes)).toEqual(["16:00"]);
  });

  it("does not call the API when its own check fails", async () => {
    const api = fakeAdminApi({ settings: () => settings() });
    const store = createSettingsStore(api);
    await store.load();
    const monday = spansOf(store.hours.value!, 1)[0]!;
    store.hoursActions.set(monday.key, "opens", "18:00");
    expect(await store.hoursActions.save()).toBe(false);
    expect(api.calls.map((c) => c.name)).toEqual(["settings"]);
    expect(store.hoursSaver.fieldErrors.value).toEqual({ [spanFieldId(monday.key, "closes")]: { kind: "client", key: "opensBeforeCloses" } });
    expect(store.hoursSaver.failure.value).toBe("invalid");
  });

  it("puts the server's refusal of rule N at that row's field, without the path prefix", async () => {
    const api = fakeAdminApi({
      settings: () => settings(),
      saveOpeningHours: () => {
        throw invalid("rules.1.closes", "must be after opens");
      },
    });
    const store = createSettingsStore(api);
    await store.load();
    const wednesday = spansOf(store.hours.value!, 3)[0]!;
    expect(await store.hoursActions.save()).toBe(false);
    expect(store.hoursSaver.fieldErrors.value).toEqual({
      [spanFieldId(wednesday.key, "closes")]: { kind: "server", message: "must be after opens" },
    });
    expect(store.hoursSaver.saving.value).toBe(false);
    expect(store.hoursFlow.result.value).toBeNull();
  });
});
