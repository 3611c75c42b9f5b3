import { describe, expect, it } from "vitest";
import { bookingsOutsideHours, changedFields, daysWindow, rulesAfterChange } from "../../worker/domain/settings";

const TZ = "Europe/Berlin";
const rules = [
  { weekday: 1, opens: "13:00", closes: "17:30", validFrom: "2020-01-01", validUntil: null },
  { weekday: 7, opens: "20:00", closes: "24:00", validFrom: "2020-01-01", validUntil: null },
  { weekday: 3, opens: "09:00", closes: "13:00", validFrom: "2020-01-01", validUntil: "2026-12-01" },
];
const booking = (start: string, minutes: number) => ({ startsAt: new Date(start), endsAt: new Date(Date.parse(start) + minutes * 60_000) });

describe("bookingsOutsideHours", () => {
  it.each([
    ["inside a span, Monday 13:00 CET", booking("2026-11-30T12:00:00Z", 30), 0],
    ["ending exactly at closing", booking("2026-11-30T16:00:00Z", 30), 0],
    ["running past closing", booking("2026-11-30T16:00:00Z", 60), 1],
    ["before opening", booking("2026-11-30T11:30:00Z", 30), 1],
    ["a weekday without hours", booking("2026-12-01T12:00:00Z", 30), 1],
    ["a rule no longer in force (Wednesday 9 December)", booking("2026-12-09T08:00:00Z", 30), 1],
    ["a rule still in force (Wednesday 25 November)", booking("2026-11-25T08:00:00Z", 30), 0],
    ["until midnight (Sunday 23:30–24:00)", booking("2026-11-29T22:30:00Z", 30), 0],
    ["summer time: Monday 13:00 CEST", booking("2026-06-29T11:00:00Z", 30), 0],
    ["summer time: 12:00 UTC is 14:00 CEST", booking("2026-06-29T12:00:00Z", 240), 1],
  ])("%s", (_, b, expected) => {
    expect(bookingsOutsideHours([b], rules, TZ)).toBe(expected);
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
