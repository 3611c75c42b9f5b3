import { describe, expect, it } from "vitest";
import {
  formatAddress,
  formatDate,
  formatMonth,
  formatSlotName,
  formatWhen,
  formatHours,
  formatTime,
  formatWeekdayHours,
  telHref,
  weekdayName,
} from "../../kiosk/shared/format";

// The suite runs under TZ=UTC and TZ=Pacific/Kiritimati (UTC+14): nothing may depend on the host's zone.
const BERLIN = "Europe/Berlin";

describe("formatDate", () => {
  it.each([
    ["2026-11-30", "de", "Montag, 30. November 2026"],
    ["2026-11-30", "en", "Monday, 30 November 2026"],
    ["2027-01-01", "de", "Freitag, 1. Januar 2027"],
    ["2027-01-01", "en", "Friday, 1 January 2027"],
    ["2026-03-29", "de", "Sonntag, 29. März 2026"],
    ["2026-10-25", "en", "Sunday, 25 October 2026"],
  ] as const)("%s in %s is %s", (date, locale, expected) => {
    expect(formatDate(date, locale)).toBe(expected);
  });
});

describe("formatTime", () => {
  it.each([
    ["2026-11-30T13:00:00+01:00", "13:00", "as the API writes it"],
    ["2026-11-30T12:00:00Z", "13:00", "the same instant in UTC"],
    ["2026-06-01T09:00:00+02:00", "09:00", "summer, leading zero kept"],
    ["2026-03-29T13:00:00+02:00", "13:00", "the day DST starts"],
    ["2026-10-25T00:30:00Z", "02:30", "first 02:30 on the day DST ends (UTC+2)"],
    ["2026-10-25T01:30:00Z", "02:30", "second 02:30 on the day DST ends (UTC+1)"],
    ["2026-11-30T23:00:00Z", "00:00", "midnight is 00:00, never 24:00"],
  ])("%s shows %s (%s)", (instant, expected) => {
    expect(formatTime(instant, BERLIN)).toBe(expected);
  });
});

describe("weekdayName", () => {
  it.each([
    [1, "Montag", "Monday"],
    [3, "Mittwoch", "Wednesday"],
    [5, "Freitag", "Friday"],
    [7, "Sonntag", "Sunday"],
  ])("weekday %d is %s / %s", (weekday, de, en) => {
    expect(weekdayName(weekday, "de")).toBe(de);
    expect(weekdayName(weekday, "en")).toBe(en);
  });
});

describe("formatHours", () => {
  it.each([
    ["13:00", "17:30", "de", "13–17:30 Uhr"],
    ["09:00", "13:00", "de", "9–13 Uhr"],
    ["08:30", "10:00", "de", "8:30–10 Uhr"],
    ["10:00", "20:00", "de", "10–20 Uhr"],
    ["13:00", "17:30", "en", "13:00–17:30"],
    ["09:00", "13:00", "en", "09:00–13:00"],
  ] as const)("%s–%s in %s is %s", (opens, closes, locale, expected) => {
    expect(formatHours(opens, closes, locale)).toBe(expected);
  });

  it("names the weekday before its spans", () => {
    expect(formatWeekdayHours(1, [{ opens: "13:00", closes: "17:30" }], "de")).toBe("Montag 13–17:30 Uhr");
    expect(
      formatWeekdayHours(3, [{ opens: "09:00", closes: "12:00" }, { opens: "13:00", closes: "15:00" }], "en"),
    ).toBe("Wednesday 09:00–12:00, 13:00–15:00");
  });
});

describe("telHref", () => {
  it.each([
    ["0172 / 2315911", "tel:01722315911"],
    ["+49 831 123-45", "tel:+4983112345"],
    ["(0831) 2525-0", "tel:083125250"],
  ])("%s dials %s", (phone, href) => {
    expect(telHref(phone)).toBe(href);
  });
});

describe("formatSlotName", () => {
  it.each([
    ["2026-11-30T13:30:00+01:00", "de", "Montag, 30. November 2026, 13:30 Uhr"],
    ["2026-11-30T13:30:00+01:00", "en", "Monday, 30 November 2026, 13:30"],
    ["2026-11-30T23:30:00Z", "de", "Dienstag, 1. Dezember 2026, 00:30 Uhr"],
    ["2026-03-29T01:30:00Z", "de", "Sonntag, 29. März 2026, 03:30 Uhr"],
  ] as const)("%s in %s is %s", (start, locale, expected) => {
    expect(formatSlotName(start, BERLIN, locale)).toBe(expected);
  });
});

describe("formatWhen", () => {
  it("names the day once and both times", () => {
    expect(formatWhen("2026-11-30T13:00:00+01:00", "2026-11-30T14:00:00+01:00", BERLIN, "de")).toBe(
      "Montag, 30. November 2026, 13:00 bis 14:00 Uhr",
    );
    expect(formatWhen("2026-06-03T09:00:00+02:00", "2026-06-03T09:30:00+02:00", BERLIN, "en")).toBe(
      "Wednesday, 3 June 2026, 09:00 to 09:30",
    );
  });
});

describe("formatMonth and formatAddress", () => {
  it.each([
    ["2026-12-01", "de", "Dezember 2026"],
    ["2027-01-31", "en", "January 2027"],
    ["2026-03-01", "de", "März 2026"],
  ] as const)("%s in %s is %s", (date, locale, expected) => {
    expect(formatMonth(date, locale)).toBe(expected);
  });

  it("leaves out a missing postal code", () => {
    expect(formatAddress({ street: "Anton-Fehr-Str. 6", postalCode: null, city: "Kempten (Allgäu)" })).toBe(
      "Anton-Fehr-Str. 6, Kempten (Allgäu)",
    );
    expect(formatAddress({ street: "Rathausplatz 29", postalCode: "87435", city: "Kempten" })).toBe("Rathausplatz 29, 87435 Kempten");
  });
});

describe("the other languages: Intl's words, Latin digits, times isolated in Arabic", () => {
  const LRI = "\u2066";
  const PDI = "\u2069";

  it.each([
    ["tr", "30 Kasım 2026 Pazartesi"],
    ["ru", "понедельник, 30 ноября 2026 г."],
    ["uk", "понеділок, 30 листопада 2026 р."],
    ["ar", "الاثنين، 30 نوفمبر 2026"],
  ] as const)("a day in %s is %s", (locale, expected) => {
    expect(formatDate("2026-11-30", locale)).toBe(expected);
  });

  it.each([
    ["tr", "Aralık 2026"],
    ["ru", "Декабрь 2026 г."],
    ["uk", "Грудень 2026 р."],
    ["ar", "ديسمبر 2026"],
  ] as const)("a month heading in %s is %s (upper case first)", (locale, expected) => {
    expect(formatMonth("2026-12-01", locale)).toBe(expected);
  });

  it("weekday names come from Intl in each language", () => {
    expect(weekdayName(1, "tr")).toBe("Pazartesi");
    expect(weekdayName(1, "ru")).toBe("понедельник");
    expect(weekdayName(1, "uk")).toBe("понеділок");
    expect(weekdayName(1, "ar")).toBe("الاثنين");
  });

  it("an appointment: the day in words, the times as digits with a dash; Arabic isolates them left to right", () => {
    const start = "2026-11-30T13:00:00+01:00";
    const end = "2026-11-30T14:30:00+01:00";
    expect(formatWhen(start, end, BERLIN, "tr")).toBe("30 Kasım 2026 Pazartesi, 13:00–14:30");
    expect(formatWhen(start, end, BERLIN, "uk")).toBe("понеділок, 30 листопада 2026 р., 13:00–14:30");
    expect(formatWhen(start, end, BERLIN, "ar")).toBe(`الاثنين، 30 نوفمبر 2026، ${LRI}13:00–14:30${PDI}`);
    expect(formatHours("09:00", "13:00", "ar")).toBe(`${LRI}09:00–13:00${PDI}`);
    expect(formatHours("09:00", "13:00", "ru")).toBe("09:00–13:00");
  });

  it("no language writes other digits than 0–9", () => {
    for (const locale of ["tr", "ru", "uk", "ar"] as const) {
      const text = formatSlotName("2026-11-30T13:30:00+01:00", BERLIN, locale) + formatMonth("2026-11-01", locale);
      expect(text.replace(/[^\p{Nd}]/gu, "")).toMatch(/^[0-9]+$/);
    }
  });
});
