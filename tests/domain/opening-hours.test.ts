import { describe, expect, it } from "vitest";
import { openingSpansOn, type OpeningRule } from "../../common/opening-hours";

// The office's week, plus a Friday rule that ended and one that starts in the new year: rules count only
// while they are in force, on both of their boundary days.
const RULES: OpeningRule[] = [
  { weekday: 3, opens: "09:00", closes: "13:00", validFrom: "2020-06-01", validUntil: null },
  { weekday: 1, opens: "13:00", closes: "17:30", validFrom: "2020-06-01", validUntil: null },
  { weekday: 1, opens: "09:00", closes: "11:00", validFrom: "2020-06-01", validUntil: null },
  { weekday: 5, opens: "09:00", closes: "11:00", validFrom: "2020-06-01", validUntil: "2026-11-27" },
  { weekday: 5, opens: "10:00", closes: "12:00", validFrom: "2027-01-01", validUntil: null },
];

describe("openingSpansOn", () => {
  it("keeps a span that runs until midnight (24:00)", () => {
    const rules: OpeningRule[] = [{ weekday: 2, opens: "00:00", closes: "24:00", validFrom: "2020-01-01", validUntil: null }];
    expect(openingSpansOn("2026-12-01", rules).map((s) => `${s.opens}-${s.closes}`)).toEqual(["00:00-24:00"]);
  });

  it.each([
    ["2026-11-30", ["09:00", "13:00"], "Monday: two spans, earliest first"],
    ["2026-12-01", [], "Tuesday: none"],
    ["2026-12-02", ["09:00"], "Wednesday"],
    ["2026-11-27", ["09:00"], "last day of the old Friday rule"],
    ["2026-12-04", [], "a Friday between the two rules"],
    ["2027-01-01", ["10:00"], "first day of the new Friday rule"],
  ])("%s opens at %j (%s)", (date, opens) => {
    expect(openingSpansOn(date, RULES).map((s) => s.opens)).toEqual(opens);
  });
});
