import { describe, expect, it } from "vitest";
import { bind } from "../../common/i18n/messages";
import type { Locale } from "../../common/i18n/languages";
import de from "../../kiosk/kiosk/i18n/kiosk/de";
import en from "../../kiosk/kiosk/i18n/kiosk/en";
import tr from "../../kiosk/kiosk/i18n/kiosk/tr";
import ru from "../../kiosk/kiosk/i18n/kiosk/ru";
import uk from "../../kiosk/kiosk/i18n/kiosk/uk";
import ar from "../../kiosk/kiosk/i18n/kiosk/ar";
import { nextOpeningWords } from "../../kiosk/kiosk/opening";

const CATALOGS = { de, en, tr, ru, uk, ar } as const;

/** The words as the start screen puts them together in `locale`. */
function words(next: string, now: Date, locale: Locale): string {
  const s = bind(de, CATALOGS[locale], locale);
  return nextOpeningWords(next, now, BERLIN, locale, { at: s.openingAt, date: s.openingDate });
}

// The suite runs under TZ=UTC and TZ=Pacific/Kiritimati (UTC+14): only the office's zone may count.
const BERLIN = "Europe/Berlin";

describe("the next opening in words", () => {
  it.each([
    ["2026-11-30T16:30:00Z", "2026-12-02T09:00:00+01:00", "Mittwoch, 9:00 Uhr", "Wednesday, 9:00", "Monday after closing"],
    ["2026-11-30T11:59:00Z", "2026-11-30T13:00:00+01:00", "heute, 13:00 Uhr", "today, 13:00", "Monday before opening"],
    ["2026-12-01T09:00:00Z", "2026-12-02T09:00:00+01:00", "morgen, 9:00 Uhr", "tomorrow, 9:00", "Tuesday"],
    ["2026-11-30T23:30:00Z", "2026-12-02T09:00:00+01:00", "morgen, 9:00 Uhr", "tomorrow, 9:00", "00:30 on Tuesday in Berlin, still Monday in UTC"],
    ["2026-12-24T09:00:00Z", "2026-12-28T13:00:00+01:00", "Montag, 13:00 Uhr", "Monday, 13:00", "Christmas Eve: the holidays in between"],
    ["2026-12-24T09:00:00Z", "2027-01-07T09:00:00+01:00", "Donnerstag, 7. Januar, 9:00 Uhr", "Thursday, 7 January, 9:00", "two weeks away: with the date"],
    ["2026-12-31T12:00:00Z", "2027-01-07T09:00:00+01:00", "Donnerstag, 7. Januar, 9:00 Uhr", "Thursday, 7 January, 9:00", "exactly a week: the date, not 'Thursday'"],
    ["2026-03-28T20:00:00Z", "2026-03-30T13:00:00+02:00", "Montag, 13:00 Uhr", "Monday, 13:00", "across the start of summer time"],
    ["2026-10-24T20:00:00Z", "2026-10-26T13:00:00+01:00", "Montag, 13:00 Uhr", "Monday, 13:00", "across the end of summer time"],
    ["2026-11-30T16:30:00Z", "2026-12-02T08:00:00Z", "Mittwoch, 9:00 Uhr", "Wednesday, 9:00", "an instant written in UTC"],
  ])("at %s, %s is %j / %j (%s)", (now, next, deWords, enWords) => {
    expect(words(next, new Date(now), "de")).toBe(deWords);
    expect(words(next, new Date(now), "en")).toBe(enWords);
  });

  it.each([
    ["tr", "2026-11-30T11:59:00Z", "2026-11-30T13:00:00+01:00", "bugün, saat 13:00"],
    ["ru", "2026-12-01T09:00:00Z", "2026-12-02T09:00:00+01:00", "завтра, 9:00"],
    ["uk", "2026-11-30T16:30:00Z", "2026-12-02T09:00:00+01:00", "середа, 9:00"],
    ["ar", "2026-12-24T09:00:00Z", "2027-01-07T09:00:00+01:00", "الخميس، 7 يناير، الساعة 9:00"],
  ] as const)("in %s: at %s, %s is %j (Intl's words, Latin digits)", (locale, now, next, expected) => {
    expect(words(next, new Date(now), locale)).toBe(expected);
  });
});
