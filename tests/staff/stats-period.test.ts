import { describe, expect, it } from "vitest";
import type { Statistics } from "../../schemas/statistics";
import { ApiError } from "../../kiosk/shared/api";
import { customProblem, lastFullMonth, monthOptions, quarterOptions, yearOptions } from "../../kiosk/staff/stats/period";
import { heatLevel, shownHours, weekLabeller } from "../../kiosk/staff/stats/chart";
import { createStatsStore, csvUrl } from "../../kiosk/staff/stats/store";
import { weekText } from "../../kiosk/staff/i18n/stats";
import { STATS_STRINGS } from "./catalogs";

/*
 * The statistics section without a DOM: the periods it offers (the last full month by default, across
 * the turn of the year and February of a leap year), its check of typed-in days, the store asking the
 * API for the chosen period, and the heat map's shades.
 */

describe("periods", () => {
  it.each([
    ["2026-12-02", "2026-11", "2026-11-01", "2026-11-30"],
    ["2027-01-15", "2026-12", "2026-12-01", "2026-12-31"],
    ["2028-03-01", "2028-02", "2028-02-01", "2028-02-29"],
    ["2026-03-31", "2026-02", "2026-02-01", "2026-02-28"],
  ])("on %s the last full month is %s (%s to %s)", (today, value, from, to) => {
    expect(lastFullMonth(today)).toEqual({ value, from, to });
  });

  it("lists months, quarters and years newest first, across the turn of the year", () => {
    expect(monthOptions("2027-01-15", 3).map((o) => o.value)).toEqual(["2027-01", "2026-12", "2026-11"]);
    expect(quarterOptions("2027-02-01", 3)).toEqual([
      { value: "2027-Q1", from: "2027-01-01", to: "2027-03-31" },
      { value: "2026-Q4", from: "2026-10-01", to: "2026-12-31" },
      { value: "2026-Q3", from: "2026-07-01", to: "2026-09-30" },
    ]);
    expect(yearOptions("2026-06-01", 2)).toEqual([
      { value: "2026", from: "2026-01-01", to: "2026-12-31" },
      { value: "2025", from: "2025-01-01", to: "2025-12-31" },
    ]);
  });

  it.each([
    [{ from: "", to: "2026-11-30" }, "missing"],
    [{ from: "2026-11-30", to: "2026-11-01" }, "order"],
    [{ from: "2026-01-01", to: "2027-01-02" }, "tooLong"],
    [{ from: "2028-01-01", to: "2028-12-31" }, null],
    [{ from: "2026-11-30", to: "2026-11-30" }, null],
    [{ from: "1999-12-31", to: "2000-01-05" }, "range"],
    [{ from: "2100-12-01", to: "2101-01-01" }, "range"],
    [{ from: "0099-01-01", to: "0099-12-31" }, "range"],
    [{ from: "2000-01-01", to: "2000-12-31" }, null],
  ] as const)("typed-in days %o: %s", (period, problem) => {
    expect(customProblem(period)).toBe(problem);
  });
});

describe("the store", () => {
  const answer = { period: { from: "x", to: "y", days: 1 } } as unknown as Statistics;

  it("loads the last full month first, then what is chosen; typed-in days that are no period load nothing", async () => {
    const asked: { from: string; to: string }[] = [];
    const store = createStatsStore({ statistics: async (p) => (asked.push(p), answer) }, "2026-12-02");
    await store.show();
    store.setKind("quarter");
    await store.show();
    store.setKind("custom");
    store.custom.value = { from: "2026-11-30", to: "2026-11-01" };
    await store.show();
    expect(store.problem.value).toBe("order");
    store.custom.value = { from: "2026-11-01", to: "2026-11-15" };
    await store.show();
    expect(store.problem.value).toBe(null);
    expect(asked).toEqual([
      { from: "2026-11-01", to: "2026-11-30" },
      { from: "2026-10-01", to: "2026-12-31" },
      { from: "2026-11-01", to: "2026-11-15" },
    ]);
    expect(store.numbers.data.value).toBe(answer);
  });

  it("keeps the API's words of a failed load beside its failure, and forgets them once a load succeeds", async () => {
    let refuse = true;
    const store = createStatsStore(
      { statistics: async () => (refuse ? Promise.reject(new ApiError("invalid_request", "to: a period is at most 366 days", 400, "to")) : answer) },
      "2026-12-02",
    );
    await store.show();
    expect(store.numbers.failure.value).toBe("invalid");
    expect(store.failureMessage.value).toBe("to: a period is at most 366 days");
    refuse = false;
    await store.show();
    expect([store.numbers.failure.value, store.failureMessage.value, store.numbers.data.value]).toEqual([null, null, answer]);
    // A failure after numbers were shown is a failure all the same (the section then hides the old ones).
    refuse = true;
    await store.show();
    expect(store.numbers.failure.value).toBe("invalid");
  });

  it("builds the export's address for both dialects", () => {
    expect(csvUrl("kempten-ost", { from: "2026-11-01", to: "2026-11-30" }, "excel")).toBe(
      "/api/staff/kempten-ost/statistics.csv?from=2026-11-01&to=2026-11-30&format=excel",
    );
  });
});

describe("charts", () => {
  it.each([
    [0, 10, 0],
    ["< 3", 10, 1],
    [3, 20, 1],
    [4, 10, 2],
    [7, 10, 3],
    [10, 10, 4],
  ] as const)("a cell of %s with a maximum of %s has shade %s", (cell, max, level) => {
    expect(heatLevel(cell, max)).toBe(level);
  });

  it("shows at least 8 to 17 o'clock, widened to the hours with visits", () => {
    const day = (hours: Record<number, number>) => ({ hours: Array.from({ length: 24 }, (_, h) => hours[h] ?? 0) });
    expect(shownHours([day({})])).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(shownHours([day({ 7: 3 }), day({ 19: 1 })])).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it.each([
    // One year: the week number alone.
    [{ from: "2026-11-01", to: "2026-11-30" }, ["2026-W44", "2026-W49"], ["KW 44", "KW 49"], ["Week 44", "Week 49"]],
    // Across the turn of the year: week 53 of 2026 and week 1 of 2027 say their year.
    [{ from: "2026-12-01", to: "2027-01-31" }, ["2026-W53", "2027-W01"], ["KW 53/2026", "KW 1/2027"], ["Week 53 2026", "Week 1 2027"]],
    // January 2027 starts in ISO week 53 of 2026.
    [{ from: "2027-01-01", to: "2027-01-31" }, ["2026-W53", "2027-W05"], ["KW 53/2026", "KW 5/2027"], ["Week 53 2026", "Week 5 2027"]],
  ])("labels the weeks of %o with their year where it changes", (period, weeks, de, en) => {
    const data = { period, byWeek: weeks.map((week) => ({ week })) };
    expect(weeks.map(weekLabeller(data, weekText(STATS_STRINGS.de)))).toEqual(de);
    expect(weeks.map(weekLabeller(data, weekText(STATS_STRINGS.en)))).toEqual(en);
  });

  it("has every word in both languages", () => {
    expect(Object.keys(STATS_STRINGS.en).sort()).toEqual(Object.keys(STATS_STRINGS.de).sort());
  });
});
