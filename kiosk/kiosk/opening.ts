/*
 * The next opening in words, as a sign on the door would say it: "heute, 13:00 Uhr", "morgen, 9:00 Uhr",
 * "Mittwoch, 9:00 Uhr", and with the date once it is more than a week away. Pure: "now" and the zone
 * are arguments (the tests run under TZ=UTC and TZ=Pacific/Kiritimati). The words for "today",
 * "tomorrow", weekdays and months come from Intl in the visitor's language; how they are put together
 * ("{day}, {time} Uhr") from the kiosk's catalog.
 */
import { intlLocale, type Locale } from "../../common/i18n/languages";
import { daysBetween, isoWeekday, localDate, localTime } from "../../common/time";

/** The catalog's messages that put the parts together (kiosk/kiosk/i18n/kiosk: openingAt, openingDate). */
export interface OpeningWords {
  at: (values: { day: string; time: string }) => string;
  date: (values: { weekday: string; date: string }) => string;
}

/** "9:00" from "09:00": clocks on doors have no leading zero. */
function shortTime(time: string): string {
  return time.replace(/^0(\d)/, "$1");
}

/** A calendar day as a UTC midnight, so naming it in UTC never shifts it. */
function utcDay(date: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** `nextOpening` (an instant with offset) in words, seen from `now` in the office's zone. */
export function nextOpeningWords(nextOpening: string, now: Date, timeZone: string, locale: Locale, words: OpeningWords): string {
  const intl = intlLocale(locale);
  const at = new Date(nextOpening);
  const date = localDate(at, timeZone);
  const days = daysBetween(localDate(now, timeZone), date);
  const time = shortTime(localTime(at, timeZone));
  const weekday = () => new Intl.DateTimeFormat(intl, { weekday: "long", timeZone: "UTC" }).format(utcDay(date));
  let day: string;
  // "heute", "morgen": Intl's own words for the nearest days ("today", "yarın", "завтра" …).
  if (days <= 1) day = new Intl.RelativeTimeFormat(intl, { numeric: "auto" }).format(Math.max(0, days), "day");
  else if (days < 7) day = weekday();
  // A week or more away: the weekday alone would be ambiguous, so the date without the year.
  else day = words.date({ weekday: weekday(), date: new Intl.DateTimeFormat(intl, { day: "numeric", month: "long", timeZone: "UTC" }).format(utcDay(date)) });
  return words.at({ day, time });
}
