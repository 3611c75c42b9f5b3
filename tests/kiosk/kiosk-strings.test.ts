import { describe, expect, it } from "vitest";
import { kioskStrings } from "../../kiosk/shared/i18n-kiosk";

/** Every key path of a strings table, functions and nested tables included. */
function shape(value: unknown, path = ""): string[] {
  if (typeof value !== "object" || value === null) return [`${path}:${typeof value}`];
  return Object.entries(value).flatMap(([key, v]) => shape(v, `${path}.${key}`));
}

describe("the kiosk's words", () => {
  it("has the same keys in German and English", () => {
    expect(shape(kioskStrings.en)).toEqual(shape(kioskStrings.de));
  });

  it.each([
    ["de", [0, 1, 3], ["Vor Ihnen ist niemand.", "Vor Ihnen ist 1 Person.", "Vor Ihnen sind 3 Personen."]],
    ["en", [0, 1, 3], ["Nobody is before you.", "1 person is before you.", "3 people are before you."]],
  ] as const)("counts the people ahead in %s", (locale, counts, expected) => {
    expect(counts.map((n) => kioskStrings[locale].ahead(n))).toEqual(expected);
  });

  it.each([
    [0, 0, "Sie sind gleich dran."],
    [0, 30, "Wartezeit: bis zu 30 Minuten."],
    [15, 60, "Wartezeit: etwa 15 bis 60 Minuten."],
  ])("gives the wait range %d–%d as a range, never a promise: %j", (low, high, expected) => {
    expect(kioskStrings.de.estimate(low, high)).toBe(expected);
  });

  it("explains each refusal in its own words", () => {
    for (const s of Object.values(kioskStrings)) {
      const texts = Object.values(s.refusals).map((r) => r.text);
      expect(new Set(texts).size).toBe(texts.length);
      const headings = Object.values(s.refusals).map((r) => r.heading);
      expect(new Set(headings).size).toBe(headings.length);
    }
  });

  it("asks for staff when the network is gone, in the issue's words", () => {
    expect(kioskStrings.de.noConnectionHeading).toBe("Bitte wenden Sie sich an das Personal.");
  });
});
