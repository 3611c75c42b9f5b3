/*
 * Date and time formatting for the front ends. Pure: the zone is always an argument and nothing here
 * reads the clock or the browser's own zone (the tests run under TZ=UTC and TZ=Pacific/Kiritimati).
 * Calendar days are `YYYY-MM-DD` strings in the office's zone; instants are ISO strings with an offset.
 * Calendar arithmetic (days, weekdays, local dates) is the one the Worker uses too, in common/time.ts.
 */
import { direction, intlLocale, type Locale } from "../../common/i18n/languages";
import { localDate } from "../../common/time";
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per locale, zone and options: building one costs far more than using it. */
function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

function partsOf(f: Intl.DateTimeFormat, instant: Date): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(instant)) parts[p.type] = p.value;
  return parts;
}

function parseDate(date: string): [number, number, number] {
  return date.split("-").map(Number) as [number, number, number];
}

/** A calendar day as a UTC midnight, for arithmetic and for naming it without any zone shifting it. */
function utcDay(date: string): Date {
  const [y, m, d] = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d));
}

/*
 * Unicode's "left-to-right isolate": a time range ("13:30–14:00") inside right-to-left text keeps its
 * order (without it, Arabic text shows "14:00–13:30"). Where the markup can, it uses <bdi dir="ltr">
 * instead (see `When` in ./Summary.tsx); these are for plain strings (titles, labels).
 */
const LRI = "\u2066";
const PDI = "\u2069";

/** `text` isolated left to right in a right-to-left language, unchanged otherwise. */
export function isolateLtr(text: string, locale: Locale): string {
  return direction(locale) === "rtl" ? `${LRI}${text}${PDI}` : text;
}

/** How a language joins a day and a time, or the items of a list: Arabic with its own comma. */
export function listComma(locale: Locale): string {
  return locale === "ar" ? "، " : ", ";
}

/**
 * A calendar day in words: "Montag, 30. November 2026" / "Monday, 30 November 2026" / "30 Kasım 2026
 * Pazartesi" / "понедельник, 30 ноября 2026 г." / "الاثنين، 30 نوفمبر 2026" (Latin digits).
 */
export function formatDate(date: string, locale: Locale): string {
  const options = { weekday: "long", day: "numeric", month: "long", year: "numeric" } as const;
  // The day is named in UTC on purpose: it is already a day of the office's calendar, not an instant.
  const f = formatter(intlLocale(locale), "UTC", options);
  // German and English are assembled from parts, so their punctuation does not change with the ICU
  // version of the browser (the mails and tests quote them); the other languages take Intl's own order.
  if (locale !== "de" && locale !== "en") return f.format(utcDay(date));
  const p = partsOf(f, utcDay(date));
  return locale === "de"
    ? `${p.weekday}, ${p.day}. ${p.month} ${p.year}`
    : `${p.weekday}, ${p.day} ${p.month} ${p.year}`;
}

/** The wall-clock time of an instant in `timeZone`, 24-hour, Latin digits, in every language: "13:00". */
export function formatTime(instant: string, timeZone: string): string {
  const options = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
  const p = partsOf(formatter("en-GB", timeZone, options), new Date(instant));
  return `${p.hour}:${p.minute}`;
}

/** The name of an ISO weekday (1 = Monday): "Montag" / "Monday". */
export function weekdayName(weekday: number, locale: Locale): string {
  // 2024-01-01 was a Monday.
  const monday = Date.UTC(2024, 0, 1);
  return formatter(intlLocale(locale), "UTC", { weekday: "long" }).format(new Date(monday + (weekday - 1) * DAY_MS));
}

/**
 * An opening span from two `HH:MM` times: "13–17:30 Uhr" (German drops ":00" and leading zeros, as
 * signs on office doors do) / "13:00–17:30" in the other languages (isolated left to right in Arabic).
 */
export function formatHours(opens: string, closes: string, locale: Locale): string {
  if (locale !== "de") return isolateLtr(`${opens}–${closes}`, locale);
  const short = (time: string) => time.replace(/^0(\d)/, "$1").replace(/:00$/, "");
  return `${short(opens)}–${short(closes)} Uhr`;
}

/** A `tel:` link for a phone number as published ("0172 / 2315911" → "tel:01722315911"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

/** One weekday's opening hours: "Montag 13–17:30 Uhr" / "Monday 13:00–17:30". */
export function formatWeekdayHours(
  weekday: number,
  spans: readonly { opens: string; closes: string }[],
  locale: Locale,
): string {
  return `${weekdayName(weekday, locale)} ${spans.map((s) => formatHours(s.opens, s.closes, locale)).join(listComma(locale))}`;
}

/**
 * A slot's start in words, as a screen reader should hear it and as the review shows it:
 * "Montag, 30. November 2026, 13:30 Uhr" / "Monday, 30 November 2026, 13:30".
 */
export function formatSlotName(start: string, timeZone: string, locale: Locale): string {
  const suffix = locale === "de" ? " Uhr" : "";
  return `${formatDate(localDate(new Date(start), timeZone), locale)}${listComma(locale)}${formatTime(start, timeZone)}${suffix}`;
}

/** An appointment's day and times apart, for markup that isolates the times (`When` in ./Summary.tsx). */
export interface WhenParts {
  readonly day: string;
  /** Between the day and the times: ", " (Arabic "، "). */
  readonly comma: string;
  /** "13:30 bis 14:00 Uhr" / "13:30 to 14:00" / "13:30–14:00". */
  readonly times: string;
}

export function whenParts(start: string, end: string, timeZone: string, locale: Locale): WhenParts {
  const day = formatDate(localDate(new Date(start), timeZone), locale);
  const from = formatTime(start, timeZone);
  const to = formatTime(end, timeZone);
  const times = locale === "de" ? `${from} bis ${to} Uhr` : locale === "en" ? `${from} to ${to}` : `${from}–${to}`;
  return { day, comma: listComma(locale), times };
}

/**
 * An appointment in words: "Montag, 30. November 2026, 13:30 bis 14:00 Uhr" /
 * "Monday, 30 November 2026, 13:30 to 14:00" / "…، 13:30–14:00" (the times isolated in Arabic).
 */
export function formatWhen(start: string, end: string, timeZone: string, locale: Locale): string {
  const { day, comma, times } = whenParts(start, end, timeZone, locale);
  return `${day}${comma}${isolateLtr(times, locale)}`;
}

/** A month heading for a `YYYY-MM-DD` day: "Dezember 2026" / "December 2026". */
export function formatMonth(date: string, locale: Locale): string {
  const options = { month: "long", year: "numeric" } as const;
  const month = formatter(intlLocale(locale), "UTC", options).format(utcDay(date));
  // Russian and Ukrainian name a month in lower case ("ноябрь 2026 г."); as a heading it starts upper case.
  return month.charAt(0).toLocaleUpperCase(intlLocale(locale)) + month.slice(1);
}

/** An office address on one line: "Anton-Fehr-Str. 6, Kempten (Allgäu)". */
export function formatAddress(a: { street: string; postalCode: string | null; city: string }): string {
  return `${a.street}, ${[a.postalCode, a.city].filter(Boolean).join(" ")}`;
}
