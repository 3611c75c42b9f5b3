import { describe, expect, it } from "vitest";
import { bookingsPutOutside, changedFields, daysWindow, insideHours, rulesAfterChange } from "../../worker/domain/settings";

const TZ = "Europe/Berlin";
const rules = [
  { weekday: 1, opens: "13:00", closes: "17:30", validFrom: "2020-01-01", validUntil: null },
  { weekday: 7, opens: "20:00", closes: "24:00", validFrom: "2020-01-01", validUntil: null },
  { weekday: 3, opens: "09:00", closes: "13:00", validFrom: "2020-01-01", validUntil: "2026-12-01" },
];
const booking = (start: string, minutes: number) => ({ startsAt: new Date(start), endsAt: new Date(Date.parse(start) + minutes * 60_000) });

describe("insideHours", () => {
  const hours = { rules, extraHours: [] };
  it.each([
    ["inside a span, Monday 13:00 CET", booking("2026-11-30T12:00:00Z", 30), true],
    ["ending exactly at closing", booking("2026-11-30T16:00:00Z", 30), true],
    ["running past closing", booking("2026-11-30T16:00:00Z", 60), false],
    ["before opening", booking("2026-11-30T11:30:00Z", 30), false],
    ["a weekday without hours", booking("2026-12-01T12:00:00Z", 30), false],
    ["a rule no longer in force (Wednesday 9 December)", booking("2026-12-09T08:00:00Z", 30), false],
    ["a rule still in force (Wednesday 25 November)", booking("2026-11-25T08:00:00Z", 30), true],
    ["until midnight (Sunday 23:30–24:00)", booking("2026-11-29T22:30:00Z", 30), true],
    ["summer time: Monday 13:00 CEST", booking("2026-06-29T11:00:00Z", 30), true],
    ["summer time: 12:00 UTC is 14:00 CEST", booking("2026-06-29T12:00:00Z", 240), false],
  ])("%s", (_, b, expected) => {
    expect(insideHours(b, hours, TZ)).toBe(expected);
  });

  it("counts extra hours of the booking's own day, joined with the weekly span they overlap", () => {
    const saturday = { day: "2026-12-12", opens: "10:00", closes: "14:00", note: { de: "", en: "" } };
    const monday = { day: "2026-11-30", opens: "17:00", closes: "19:00", note: { de: "", en: "" } };
    const withExtra = { rules, extraHours: [saturday, monday] };
    expect(insideHours(booking("2026-12-12T09:00:00Z", 60), withExtra, TZ)).toBe(true); // Saturday 10:00–11:00
    expect(insideHours(booking("2026-12-19T09:00:00Z", 60), withExtra, TZ)).toBe(false); // the Saturday after
    // Monday 17:00–18:00 runs across the weekly closing 17:30 into the extra span 17:00–19:00.
    expect(insideHours(booking("2026-11-30T16:00:00Z", 60), withExtra, TZ)).toBe(true);
    expect(insideHours(booking("2026-11-30T16:00:00Z", 60), hours, TZ)).toBe(false);
  });
});

describe("bookingsPutOutside", () => {
  const monday = (time: string, minutes = 30) => booking(`2026-11-30T${time}:00Z`, minutes);
  const before = { rules, extraHours: [] };
  it("lists exactly the appointments inside the old hours and outside the new", () => {
    const early = monday("12:00"); // 13:00 local
    const late = monday("16:00"); // 17:00 local
    const proposal = booking("2026-11-26T17:00:00Z", 45); // Thursday 18:00: agreed outside the hours
    const after = { rules: [{ weekday: 1, opens: "13:00", closes: "15:00", validFrom: "2020-01-01", validUntil: null }, ...rules.slice(1)], extraHours: [] };
    expect(bookingsPutOutside([early, late, proposal], before, after, TZ)).toEqual([late]);
  });

  it("lists none for unchanged hours, not even an appointment already outside them", () => {
    const proposal = monday("16:00", 60); // 17:00–18:00 local, across the closing time
    expect(insideHours(proposal, before, TZ)).toBe(false);
    expect(bookingsPutOutside([monday("12:00"), proposal], before, before, TZ)).toEqual([]);
  });

  it("lists the appointments of removed extra hours", () => {
    const extra = { day: "2026-12-12", opens: "10:00", closes: "14:00", note: { de: "", en: "" } };
    const saturday = booking("2026-12-12T09:00:00Z", 30);
    expect(bookingsPutOutside([saturday], { rules, extraHours: [extra] }, { rules, extraHours: [] }, TZ)).toEqual([saturday]);
  });
});

describe("daysWindow", () => {
  it("spans local days, 25 hours on the day the clocks go back", () => {
    const { from, until } = daysWindow("2026-10-25", "2026-10-25", TZ);
    expect([from.toISOString(), until.toISOString()]).toEqual(["2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z"]);
  });
});

describe("changedFields", () => {
  it("lists only what differs, with from and to", () => {
    expect(changedFields({ a: 1, b: "x", c: null }, { a: 2, b: "x", c: "y" })).toEqual({ a: { from: 1, to: 2 }, c: { from: null, to: "y" } });
  });
});

describe("rulesAfterChange", () => {
  it("ends the rules in force the day before, drops those not yet begun, keeps ended ones", () => {
    const current = [
      { weekday: 1, opens: "13:00", closes: "17:30", validFrom: "2020-01-01", validUntil: null },
      { weekday: 2, opens: "09:00", closes: "10:00", validFrom: "2020-01-01", validUntil: "2025-12-31" },
      { weekday: 3, opens: "09:00", closes: "13:00", validFrom: "2026-12-15", validUntil: null },
      { weekday: 4, opens: "09:00", closes: "13:00", validFrom: "2026-01-01", validUntil: "2027-03-01" },
    ];
    expect(rulesAfterChange(current, "2026-12-01", [{ weekday: 5, opens: "08:00", closes: "12:00" }])).toEqual([
      { weekday: 1, opens: "13:00", closes: "17:30", validFrom: "2020-01-01", validUntil: "2026-11-30" },
      { weekday: 2, opens: "09:00", closes: "10:00", validFrom: "2020-01-01", validUntil: "2025-12-31" },
      { weekday: 4, opens: "09:00", closes: "13:00", validFrom: "2026-01-01", validUntil: "2026-11-30" },
      { weekday: 5, opens: "08:00", closes: "12:00", validFrom: "2026-12-01", validUntil: null },
    ]);
  });
});
