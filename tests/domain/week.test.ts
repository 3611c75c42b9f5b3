import { describe, expect, it } from "vitest";
import { nearestFirst } from "../../worker/domain/search-order";
import { summariseWeek, weekOf } from "../../worker/domain/week";

/*
 * The staff board's week and the order of its search hits, without a runtime: Monday to Sunday around
 * any day (the turn of the year, a leap day), appointments counted on their local day across both DST
 * changes, and "nearest first" with the office's own today.
 */

const TZ = "Europe/Berlin";

describe("weekOf", () => {
  it.each([
    ["2026-11-30", "2026-11-30", "2026-12-06"], // a Monday is its own start
    ["2026-12-06", "2026-11-30", "2026-12-06"], // a Sunday is its week's end
    ["2027-01-01", "2026-12-28", "2027-01-03"], // across the turn of the year
    ["2028-02-29", "2028-02-28", "2028-03-05"], // a leap day
  ])("%s lies in %s … %s", (day, from, to) => {
    expect(weekOf(day)).toEqual({ from, to });
  });
});

describe("summariseWeek", () => {
  it("counts each appointment on its local day, also when its UTC day is another (both DST changes)", () => {
    const days = ["2026-03-28", "2026-03-29", "2026-03-30"].map((date) => ({ date, status: "open" as const, slots: [] }));
    const starts = ["2026-03-28T22:59:00.000Z", "2026-03-28T23:00:00.000Z", "2026-03-29T21:59:00.000Z", "2026-03-29T22:00:00.000Z"];
    expect(summariseWeek(days, starts, TZ).map((d) => [d.date, d.booked])).toEqual([
      ["2026-03-28", 1],
      ["2026-03-29", 2],
      ["2026-03-30", 1],
    ]);
    const october = ["2026-10-24", "2026-10-25", "2026-10-26"].map((date) => ({ date, status: "closed" as const, slots: [] }));
    expect(summariseWeek(october, ["2026-10-24T21:59:00.000Z", "2026-10-24T22:00:00.000Z", "2026-10-25T22:59:00.000Z", "2026-10-25T23:00:00.000Z"], TZ).map((d) => d.booked)).toEqual([1, 2, 1]);
  });

  it("takes status, reason and the number of free starts from the slot computation's day", () => {
    const slot = { start: "2026-12-02T09:00:00+01:00", end: "2026-12-02T09:30:00+01:00", free: 2 };
    expect(
      summariseWeek(
        [
          { date: "2026-12-02", status: "open", slots: [slot, slot, slot] },
          { date: "2026-12-03", status: "closure", reason: { de: "Fortbildung" }, slots: [] },
        ],
        [],
        TZ,
      ),
    ).toEqual([
      { date: "2026-12-02", status: "open", reason: null, free: 3, booked: 0 },
      { date: "2026-12-03", status: "closure", reason: { de: "Fortbildung" }, free: 0, booked: 0 },
    ]);
  });
});

describe("nearestFirst", () => {
  const row = (id: string, starts_at: string | null, status = "confirmed", created_at = "2026-01-01T00:00:00.000Z") => ({ id, starts_at, status, created_at });

  it("today (by the office's clock) and later soonest first, open requests newest first, the rest newest first", () => {
    // 00:30 on 1 December in Kempten is still 30 November in UTC: "today" is the office's day.
    const now = new Date("2026-11-30T23:30:00.000Z");
    const rows = [
      row("past", "2026-11-30T22:00:00.000Z", "completed"), // 23:00 on the 30th: yesterday in Kempten
      row("later", "2026-12-03T08:00:00.000Z"),
      row("tonight", "2026-11-30T23:15:00.000Z", "completed"), // 00:15 on the 1st: today, though begun
      row("asked", null, "requested", "2026-11-02T00:00:00.000Z"),
      row("asked-newer", null, "requested", "2026-11-20T00:00:00.000Z"),
      row("declined", null, "declined", "2026-11-29T00:00:00.000Z"),
      row("long-ago", "2025-01-01T08:00:00.000Z", "no_show"),
    ];
    expect(nearestFirst(rows, now, TZ).map((r) => r.id)).toEqual(["tonight", "later", "asked-newer", "asked", "past", "declined", "long-ago"]);
  });
});
