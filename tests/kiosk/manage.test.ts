import { describe, expect, it } from "vitest";
import type { ManagedBooking } from "../../schemas/bookings";
import { factsOf, manageFailure, previousManageStep, resolveManageStep, type ManageFailure, type ManageStep } from "../../kiosk/manage/view";
import type { ApiErrorCode } from "../../kiosk/shared/api";

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
  inviteUrl: "/api/bookings/manage/t/invite.ics",
  office: { name: "Büro", street: "Anton-Fehr-Str. 6", postalCode: null, city: "Kempten (Allgäu)", phone: null, timezone: "Europe/Berlin" },
  ...over,
});

describe("resolveManageStep", () => {
  const active = booking({});
  const cancelled = booking({ status: "cancelled", canCancel: false, canReschedule: false });
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
  ])("%s", (_, wanted, b, day, slot, expected) => {
    expect(resolveManageStep(wanted, factsOf(b, day, slot))).toBe(expected);
  });

  it.each<[ManageStep, ManageStep | null]>([
    ["view", null],
    ["cancel", "view"],
    ["day", "view"],
    ["time", "day"],
    ["confirmMove", "time"],
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
    ["booking_cancelled", "cancelled"],
    ["not_found", "notFound"],
    ["rate_limited", "rateLimited"],
    ["network", "network"],
    ["internal", "other"],
  ])("%s → %s", (code, expected) => {
    expect(manageFailure(code)).toBe(expected);
  });
});
