/*
 * The display's rules, pure: which calls are new (each new call chimes, a repeat too, since a repeated
 * call is a call of its own with a new id), and what is announced. Tested in Node.
 */
import type { DisplayCall } from "../../schemas/display";
import { PAIRING_CODE_LENGTH } from "../../common/limits";
import { codeChar } from "../shared/codes";
import { display, type Bi } from "./i18n/display";
import { intlLocale } from "../../common/i18n/languages";
import { daysBetween, localDate, localTime } from "../../common/time";

/**
 * The calls in `calls` (newest first, as the API lists them) that were not there before, oldest first:
 * the order in which to chime and announce them. `seen` is null before the first answer: the calls a
 * display finds when it starts (or reloads) are history, not news, and do not chime.
 */
export function newCalls(seen: ReadonlySet<number> | null, calls: readonly DisplayCall[]): DisplayCall[] {
  if (seen === null) return [];
  return calls.filter((c) => !seen.has(c.id)).reverse();
}

/**
 * The calls listed below the current one: each number once, at its latest call, and not the number on
 * show above (a repeated call must not make the list look like two people).
 */
export function earlierCalls(calls: readonly DisplayCall[]): DisplayCall[] {
  const [current, ...rest] = calls;
  const shown = new Set(current ? [current.label] : []);
  return rest.filter((call) => !shown.has(call.label) && shown.add(call.label));
}

/** What the speech announcement says, in German: "Nummer W 7, bitte in Raum 2." */
export function spokenText(call: Pick<DisplayCall, "label" | "room">): string {
  return display.announce(call).de;
}

/** What the screen reader's live region says (German, then English). */
export function liveText(call: Pick<DisplayCall, "label" | "room">): string {
  const { de, en } = display.announce(call);
  return `${de} ${en}`;
}

/** A typed or pasted pairing code as the API takes it: code characters only, upper case, 8 at most. */
export function cleanPairingCode(input: string): string {
  return [...input]
    .map(codeChar)
    .filter((c): c is string => c !== null)
    .join("")
    .slice(0, PAIRING_CODE_LENGTH);
}

/** How many days ahead a weekday alone names the day; from then on the date is added ("Mittwoch, 23. Dezember"). */
const WEEKDAY_ALONE_DAYS = 7;

/**
 * When a closed office opens again, as its door sign says it, German and English: "Geöffnet ab 13:00"
 * (today), "… ab morgen, 9:00", "… ab Mittwoch, 9:00", with the date from a week ahead. `nextOpening`
 * is an instant with offset (the API's), `now` the server's clock; days and times in the office's zone.
 */
export function openingWords(nextOpening: string, now: Date, timeZone: string): Bi {
  const at = new Date(nextOpening);
  const date = localDate(at, timeZone);
  const days = daysBetween(localDate(now, timeZone), date);
  // "9:00", not "09:00": clocks on doors have no leading zero (in both languages).
  const time = localTime(at, timeZone).replace(/^0(\d)/, "$1");
  if (days <= 0) return display.opensToday(time);
  if (days === 1) return display.opensTomorrow(time);
  const options: Intl.DateTimeFormatOptions =
    days < WEEKDAY_ALONE_DAYS ? { weekday: "long", timeZone: "UTC" } : { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" };
  // The local date at noon UTC names that date's weekday in any zone.
  const noon = new Date(`${date}T12:00:00Z`);
  const day = (lang: "de" | "en") => new Intl.DateTimeFormat(intlLocale(lang), options).format(noon);
  return display.opensOn({ de: day("de"), en: day("en") }, time);
}
