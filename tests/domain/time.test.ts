import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  isoWeekday,
  localDate,
  offsetMinutes,
  toOffsetIso,
  zonedInstant,
} from "../../common/time";

const BERLIN = "Europe/Berlin";

describe("zonedInstant: local wall time in Europe/Berlin to UTC", () => {
  it.each([
    // date, time, expected UTC instant
    ["2026-03-30", "13:00", "2026-03-30T11:00:00.000Z", "Monday after spring forward: +02:00"],
    ["2026-03-27", "13:00", "2026-03-27T12:00:00.000Z", "Friday before spring forward: +01:00"],
    ["2026-10-26", "13:00", "2026-10-26T12:00:00.000Z", "Monday after fall back: +01:00"],
    ["2026-10-23", "13:00", "2026-10-23T11:00:00.000Z", "Friday before fall back: +02:00"],
    ["2026-03-29", "01:59", "2026-03-29T00:59:00.000Z", "just before the gap"],
    ["2026-03-29", "02:30", "2026-03-29T01:30:00.000Z", "inside the gap: moved past it (03:30 CEST)"],
    ["2026-03-29", "03:00", "2026-03-29T01:00:00.000Z", "first minute after the gap"],
    ["2026-10-25", "02:30", "2026-10-25T00:30:00.000Z", "the doubled hour: the earlier one (CEST)"],
    ["2026-10-25", "03:00", "2026-10-25T02:00:00.000Z", "after the doubled hour"],
    ["2026-12-31", "23:30", "2026-12-31T22:30:00.000Z", "new year's eve"],
    ["2027-01-01", "00:00", "2026-12-31T23:00:00.000Z", "midnight belongs to the new day"],
  ])("%s %s → %s (%s)", (date, time, expected) => {
    expect(zonedInstant(date, time, BERLIN).toISOString()).toBe(expected);
  });

  it("round-trips every half hour of a DST week through localDate and toOffsetIso", () => {
    for (let day = 0; day < 7; day++) {
      const date = addDays("2026-10-22", day);
      for (let m = 6 * 60; m < 22 * 60; m += 30) {
        const time = `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
        const instant = zonedInstant(date, time, BERLIN);
        expect(localDate(instant, BERLIN)).toBe(date);
        expect(toOffsetIso(instant, BERLIN).slice(0, 16)).toBe(`${date}T${time}`);
      }
    }
  });
});

describe("local days and offsets", () => {
  it.each([
    ["2026-07-15T21:59:59.000Z", "2026-07-15", "+02:00"],
    ["2026-07-15T23:30:00.000Z", "2026-07-16", "+02:00"], // 23:30 UTC in summer is already tomorrow in Berlin
    ["2026-01-15T23:30:00.000Z", "2026-01-16", "+01:00"],
    ["2026-01-15T22:59:00.000Z", "2026-01-15", "+01:00"],
  ])("%s is local day %s at %s", (iso, date, offset) => {
    const instant = new Date(iso);
    expect(localDate(instant, BERLIN)).toBe(date);
    expect(toOffsetIso(instant, BERLIN).endsWith(offset)).toBe(true);
  });

  it("knows offsets of other zones too", () => {
    expect(offsetMinutes(new Date("2026-07-01T00:00:00Z"), "Pacific/Kiritimati")).toBe(14 * 60);
    expect(offsetMinutes(new Date("2026-07-01T00:00:00Z"), "America/St_Johns")).toBe(-150);
    expect(toOffsetIso(new Date("2026-07-01T12:00:00Z"), "America/St_Johns")).toBe("2026-07-01T09:30:00-02:30");
  });
});

describe("calendar arithmetic", () => {
  it.each([
    ["2026-11-30", 1, "2026-12-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-03-29", 1, "2026-03-30"], // the 23-hour day
    ["2026-10-25", 1, "2026-10-26"], // the 25-hour day
    ["2026-01-01", -1, "2025-12-31"],
    ["2026-11-24", 56, "2027-01-19"],
  ])("addDays(%s, %i) = %s", (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(n);
  });

  it.each([
    ["2026-11-30", 1],
    ["2026-12-02", 3],
    ["2026-12-06", 7],
    ["2029-08-15", 3],
    ["2027-11-01", 1],
  ])("%s is ISO weekday %i", (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });
});
