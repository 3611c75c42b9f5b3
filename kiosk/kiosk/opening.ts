/*
 * The next opening in words, as a sign on the door would say it: "heute, 13:00 Uhr", "morgen, 9:00 Uhr",
 * "Mittwoch, 9:00 Uhr", and with the date once it is more than a week away. Pure: "now" and the zone
 * are arguments (the tests run under TZ=UTC and TZ=Pacific/Kiritimati).
 */
import type { Locale } from "../../schemas/common";
import { formatDate, weekdayName } from "../shared/format";
import { daysBetween, isoWeekday, localDate, localTime } from "../../common/time";

/** "9:00" from "09:00": clocks on doors have no leading zero. */
function shortTime(time: string): string {
  return time.replace(/^0(\d)/, "$1");
}

/** `nextOpening` (an instant with offset) in words, seen from `now` in the office's zone. */
export function nextOpeningWords(nextOpening: string, now: Date, timeZone: string, locale: Locale): string {
  const at = new Date(nextOpening);
  const date = localDate(at, timeZone);
  const days = daysBetween(localDate(now, timeZone), date);
  const time = shortTime(localTime(at, timeZone));
  const clock = locale === "de" ? `${time} Uhr` : time;
  let day: string;
  if (days <= 0) day = locale === "de" ? "heute" : "today";
  else if (days === 1) day = locale === "de" ? "morgen" : "tomorrow";
  else if (days < 7) day = weekdayName(isoWeekday(date), locale);
  // A week or more away: the weekday alone would be ambiguous, so the date without the year.
  else day = formatDate(date, locale).replace(/ \d{4}$/, "");
  return `${day}, ${clock}`;
}
