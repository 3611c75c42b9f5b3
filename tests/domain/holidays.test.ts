import { describe, expect, it } from "vitest";
import { holidayOn, holidaysOfYear } from "../../worker/domain/holidays";

// The Bavarian holiday law (Feiertagsgesetz, Art. 1) as it applies in Kempten: Easter and Whit Sunday are
// not on the list (Sundays anyway); Mariä Himmelfahrt is a
// holiday there (predominantly Catholic), the Augsburger Friedensfest only in the city of Augsburg.
const BAVARIA_2026 = [
  ["2026-01-01", "Neujahrstag"],
  ["2026-01-06", "Heilige Drei Könige"],
  ["2026-04-03", "Karfreitag"],
  ["2026-04-06", "Ostermontag"],
  ["2026-05-01", "Tag der Arbeit"],
  ["2026-05-14", "Christi Himmelfahrt"],
  ["2026-05-25", "Pfingstmontag"],
  ["2026-06-04", "Fronleichnam"],
  ["2026-08-15", "Mariä Himmelfahrt"],
  ["2026-10-03", "Tag der Deutschen Einheit"],
  ["2026-11-01", "Allerheiligen"],
  ["2026-12-25", "1. Weihnachtstag"],
  ["2026-12-26", "2. Weihnachtstag"],
] as const;

describe("Bavarian public holidays (feiertagejs, region BY)", () => {
  it("gives exactly the Bavarian holidays of 2026, no more and no fewer", () => {
    const dates = [...holidaysOfYear(2026, "BY").keys()].sort();
    expect(dates).toEqual(BAVARIA_2026.map(([date]) => date));
  });

  it.each(BAVARIA_2026)("%s is %s", (date, name) => {
    expect(holidayOn(date, "BY")?.name.de).toBe(name);
  });

  it.each([
    ["2027-03-29", "Ostermontag 2027"],
    ["2027-05-17", "Pfingstmontag 2027"],
    ["2027-11-01", "Allerheiligen 2027 (a Monday)"],
    ["2029-08-15", "Mariä Himmelfahrt 2029 (a Wednesday)"],
    ["2030-06-20", "Fronleichnam 2030"],
  ])("%s is a holiday (%s)", (date) => {
    expect(holidayOn(date, "BY")).toBeDefined();
  });

  it.each([
    ["2026-08-08", "Augsburger Friedensfest: Augsburg only"],
    ["2026-11-18", "Buß- und Bettag: a school holiday in Bavaria, not a public one"],
    ["2026-02-16", "Rosenmontag: no holiday"],
    ["2026-10-31", "Reformationstag: not in Bavaria"],
    ["2026-09-20", "Weltkindertag: Thuringia only"],
    ["2026-12-24", "Heiligabend: no public holiday"],
  ])("%s is a working day (%s)", (date) => {
    expect(holidayOn(date, "BY")).toBeUndefined();
  });

  it("has English names too", () => {
    expect(holidayOn("2026-12-25", "BY")?.name.en).toMatch(/Christmas/);
  });

  it("keeps none in the region NONE (an office that enters every closed day as a closure)", () => {
    expect(["2026-01-01", "2026-04-06", "2026-12-25", "2026-12-26"].map((day) => holidayOn(day, "NONE"))).toEqual([
      undefined, undefined, undefined, undefined,
    ]);
  });
});
