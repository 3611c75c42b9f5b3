import { describe, expect, it } from "vitest";
import { checkinRefusal, openingState, ticketLabel } from "../../worker/domain/queue";
import { zonedInstant } from "../../common/time";
import type { ExtraSpan } from "../../common/opening-hours";

const TZ = "Europe/Berlin";
const at = (date: string, time: string) => zonedInstant(date, time, TZ);

describe("checkinRefusal (window 30 before to 15 after, Europe/Berlin)", () => {
  const win = { opensMinutes: 30, closesMinutes: 15, timeZone: TZ };
  const start = at("2026-11-30", "14:00");
  it.each([
    ["confirmed", "13:29", "too_early"],
    ["confirmed", "13:30", null],
    ["confirmed", "14:15", null],
    ["confirmed", "14:16", "too_late"],
    ["cancelled", "14:00", "cancelled"],
    ["checked_in", "14:00", "already_checked_in"],
    ["requested", "14:00", "not_bookable"],
  ])("%s at %s → %s", (status, time, refusal) => {
    expect(checkinRefusal({ status, startsAt: start }, at("2026-11-30", time), win)).toBe(refusal);
  });

  it("knows another local day even at 00:30 (UTC still the day before)", () => {
    expect(checkinRefusal({ status: "confirmed", startsAt: at("2026-07-16", "00:40") }, at("2026-07-15", "23:59"), win)).toBe("other_day");
  });
});

describe("openingState", () => {
  const basis = {
    settings: { timeZone: TZ, holidayRegion: "BY" as const, slotMinutes: 30, seatsPerSlot: 1, minNoticeMinutes: 120, horizonDays: 56 },
    rules: [
      { weekday: 1, opens: "13:00", closes: "17:30", validFrom: "2020-01-01", validUntil: null },
      { weekday: 3, opens: "09:00", closes: "13:00", validFrom: "2020-01-01", validUntil: null },
    ],
    closures: [{ firstDay: "2026-12-07", lastDay: "2026-12-09", reason: { de: "Fortbildung", en: "Training" } }],
    extraHours: [] as ExtraSpan[],
  };
  it("is open at 23:58 when the day's span runs until 24:00", () => {
    const allDay = { ...basis, rules: [{ weekday: 1, opens: "00:00", closes: "24:00", validFrom: "2020-01-01", validUntil: null }] };
    expect(openingState(at("2026-11-30", "23:58"), allDay).open).toBe(true);
  });

  it.each([
    ["2026-11-30", "13:00", true, null],
    ["2026-11-30", "17:29", true, null],
    ["2026-11-30", "17:30", false, "2026-12-02T08:00:00.000Z"],
    ["2026-11-30", "12:59", false, "2026-11-30T12:00:00.000Z"],
    ["2026-12-04", "10:00", false, "2026-12-14T12:00:00.000Z"], // the closure takes Monday 7th and Wednesday 9th
    ["2026-03-27", "10:00", false, "2026-03-30T11:00:00.000Z"], // across the spring change: 13:00 CEST
  ])("%s %s → open %s, next %s", (date, time, open, next) => {
    const state = openingState(at(date, time), basis);
    expect(state.open).toBe(open);
    expect(state.nextOpening?.toISOString() ?? null).toBe(next);
  });
  it("knows extra hours: open on the extra Saturday, and it is the next opening; not on a closure day", () => {
    const saturday: ExtraSpan = { day: "2026-12-05", opens: "10:00", closes: "14:00", note: { de: "Aktionstag", en: "" } };
    const onClosure: ExtraSpan = { day: "2026-12-08", opens: "10:00", closes: "14:00", note: { de: "", en: "" } };
    const withExtra = { ...basis, extraHours: [saturday, onClosure] };
    expect(openingState(at("2026-12-05", "11:00"), withExtra)).toEqual({ open: true, nextOpening: null });
    expect(openingState(at("2026-12-04", "10:00"), withExtra).nextOpening?.toISOString()).toBe("2026-12-05T09:00:00.000Z");
    // After the Saturday the closure (7th–9th) still wins over the extra hours of Tuesday 8th.
    expect(openingState(at("2026-12-05", "15:00"), withExtra).nextOpening?.toISOString()).toBe("2026-12-14T12:00:00.000Z");
  });
});

it("labels numbers with prefix and number", () => {
  expect(ticketLabel("W", 7)).toBe("W 7");
});
