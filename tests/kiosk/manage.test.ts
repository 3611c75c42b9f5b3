import { describe, expect, it } from "vitest";
import type { ManagedBooking } from "../../schemas/bookings";
import type { Erased } from "../../schemas/data-subjects";
import { createEraseStore } from "../../kiosk/manage/erase";
import { choiceFailure, erasedItems, factsOf, manageFailure, previousManageStep, resolveManageStep, type ManageFailure, type ManageStep } from "../../kiosk/manage/view";
import { ApiError, type ApiErrorCode } from "../../kiosk/shared/api";

const booking = (over: Partial<ManagedBooking>): ManagedBooking => ({
  id: "b1",
  kind: "slot",
  status: "confirmed",
  code: "ACDEFG",
  start: "2026-11-30T13:00:00+01:00",
  end: "2026-11-30T13:30:00+01:00",
  topic: { key: "fragen", label: { de: "Allgemeine Fragen", en: "General questions" }, durationMinutes: 30 },
  name: "Ayşe Yılmaz",
  email: "ayse@example.org",
  phone: null,
  note: null,
  locale: "de",
  preferredWeekdays: null,
  preferredTimes: null,
  wish: null,
  canCancel: true,
  canReschedule: true,
  canErase: false,
  inviteUrl: "/api/bookings/manage/t/invite.ics",
  office: { slug: "kempten-ost", name: "Büro", street: "Anton-Fehr-Str. 6", postalCode: null, city: "Kempten (Allgäu)", phone: null, timezone: "Europe/Berlin" },
  proposals: [],
  ...over,
});

describe("resolveManageStep", () => {
  const active = booking({});
  const cancelled = booking({ status: "cancelled", canCancel: false, canReschedule: false, canErase: true });
  const request = booking({ kind: "request", status: "requested", start: null, end: null, canReschedule: false, inviteUrl: null });

  it.each<[string, string | null, ManagedBooking | null, boolean, boolean, ManageStep]>([
    ["a fresh page shows the overview", null, active, false, false, "view"],
    ["before the booking has loaded, only the overview", "cancel", null, false, false, "view"],
    ["the question while the booking can be cancelled", "cancel", active, false, false, "cancel"],
    ["no question once it is cancelled (back after cancelling)", "cancel", cancelled, false, false, "view"],
    ["a cancelled booking cannot be moved", "confirmMove", cancelled, true, true, "view"],
    ["the times need a day", "time", active, false, false, "day"],
    ["the confirmation needs a time", "confirmMove", active, true, false, "time"],
    ["moving, all chosen", "confirmMove", active, true, true, "confirmMove"],
    ["a request can be withdrawn", "cancel", request, false, false, "cancel"],
    ["a request cannot be moved", "day", request, false, false, "view"],
    ["the erase question once it is cancelled", "erase", cancelled, false, false, "erase"],
    ["no erase question while it is active", "erase", active, false, false, "view"],
  ])("%s", (_, wanted, b, day, slot, expected) => {
    expect(resolveManageStep(wanted, factsOf(b, day, slot))).toBe(expected);
  });

  it.each<[ManageStep, ManageStep | null]>([
    ["view", null],
    ["cancel", "view"],
    ["day", "view"],
    ["time", "day"],
    ["confirmMove", "time"],
    ["erase", "view"],
  ])("back from %s leads to %s", (step, expected) => {
    expect(previousManageStep(step)).toBe(expected);
  });
});

describe("manageFailure", () => {
  it.each<[ApiErrorCode, ManageFailure]>([
    ["slot_full", "slotGone"],
    ["slot_unavailable", "slotGone"],
    ["too_short_notice", "slotGone"],
    ["beyond_horizon", "slotGone"],
    ["booking_past", "past"],
    ["booking_changed", "changed"],
    ["booking_active", "changed"],
    ["booking_cancelled", "cancelled"],
    ["proposal_expired", "expired"],
    ["proposal_closed", "changed"],
    ["not_found", "notFound"],
    ["rate_limited", "rateLimited"],
    ["network", "network"],
    ["internal", "other"],
  ])("%s → %s", (code, expected) => {
    expect(manageFailure(code)).toBe(expected);
  });

  it("accepting a proposed time: slot_unavailable says the office is closed that day; the rest as above", () => {
    expect(["slot_unavailable", "slot_full", "proposal_expired", "proposal_closed"].map((c) => choiceFailure(c as ApiErrorCode))).toEqual([
      "closedDay",
      "slotGone",
      "expired",
      "changed",
    ]);
  });
});

describe("erasedItems: what the page says went", () => {
  it("lists the fields the booking had, its code, its mails and the link", () => {
    expect(erasedItems(booking({ phone: "0831 12345", note: "Lebenslauf" }), 3)).toEqual(["name", "email", "phone", "note", "code", "mails", "link"]);
  });

  it("leaves out what was never given, and mails when there were none", () => {
    expect(erasedItems(booking({ kind: "request", wish: "abends" }), 0)).toEqual(["name", "email", "wish", "code", "link"]);
  });
});

describe("the erase store", () => {
  function held() {
    const calls: { token: string; resolve(e: Erased): void; reject(e: unknown): void }[] = [];
    const store = createEraseStore({
      erase: (token) => new Promise<Erased>((resolve, reject) => void calls.push({ token, resolve, reject })),
    });
    return { store, calls };
  }

  it("sends one request however often it is tapped, and ends in done with what the API erased", async () => {
    const { store, calls } = held();
    const first = store.confirm("tok");
    void store.confirm("tok");
    expect(store.state.value).toEqual({ kind: "busy" });
    expect(calls.map((c) => c.token)).toEqual(["tok"]);
    calls[0]!.resolve({ bookings: 1, mails: 3, mailsOnTheirWay: 0 });
    expect(await first).toEqual({ kind: "done", erased: { bookings: 1, mails: 3, mailsOnTheirWay: 0 } });
    // Done is final: nothing is sent again, and going back does not undo what the page says.
    await store.confirm("tok");
    store.reset();
    expect(calls).toHaveLength(1);
    expect(store.state.value.kind).toBe("done");
  });

  it.each<[ApiError, ManageFailure]>([
    [new ApiError("booking_active", "x", 409), "changed"],
    [new ApiError("not_found", "x", 404), "notFound"],
    [new ApiError("rate_limited", "x", 429), "rateLimited"],
    [new ApiError("network", "x", 0), "network"],
  ])("a refusal (%s) becomes the failure %s, and the holder may try again", async (error, failure) => {
    const { store, calls } = held();
    const result = store.confirm("tok");
    calls[0]!.reject(error);
    expect(await result).toEqual({ kind: "failed", failure });
    store.reset();
    expect(store.state.value).toEqual({ kind: "idle" });
    void store.confirm("tok");
    expect(calls).toHaveLength(2);
  });
});
