/*
 * Calendar and time-zone arithmetic. Pure: the zone is always an argument, and nothing here reads the
 * clock or the host's own time zone (the suite runs under TZ=UTC and TZ=Pacific/Kiritimati to prove it).
 * Local days are `YYYY-MM-DD`, local times `HH:MM`; instants are `Date`s (UTC underneath).
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year!,
    month: fields.month!,
    day: fields.day!,
    hour: fields.hour!,
    minute: fields.minute!,
    second: fields.second!,
  };
}

/** The zone's offset from UTC at an instant, in minutes (Europe/Berlin: 60 in winter, 120 in summer). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  return offsetOf(instant, wallClock(instant, timeZone));
}

function offsetOf(instant: Date, w: WallClock): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / MINUTE_MS);
}

// Offset of days without a transition, by zone and day; null marks a day with one. Bounded: cleared
// when full, since a request touches at most a few dozen days.
const steadyOffsets = new Map<string, number | null>();

function steadyOffset(date: string, naive: number, timeZone: string): number | null {
  const key = `${timeZone}|${date}`;
  let offset = steadyOffsets.get(key);
  if (offset === undefined) {
    const before = offsetMinutes(new Date(naive - DAY_MS), timeZone);
    const after = offsetMinutes(new Date(naive + DAY_MS), timeZone);
    offset = before === after ? before : null;
    if (steadyOffsets.size >= 4096) steadyOffsets.clear();
    steadyOffsets.set(key, offset);
  }
  return offset;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time`.
 * In the spring-forward gap (a local time that does not exist) the later offset is used, so the
 * result lies after the gap; in the autumn overlap (a local time that occurs twice) the earlier one.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = parseDate(date);
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // No transition within a day either side (nearly always): the offset is that one.
  const steady = steadyOffset(date, Date.UTC(y, m - 1, d, 12), timeZone);
  if (steady !== null) return new Date(naive - steady * MINUTE_MS);
  // Try the offsets in force a day either side; one of them is right for any real zone.
  const before = offsetMinutes(new Date(naive - DAY_MS), timeZone);
  const after = offsetMinutes(new Date(naive + DAY_MS), timeZone);
  const candidates = [...new Set([before, after])]
    .sort((a, b) => b - a)
    .map((offset) => naive - offset * MINUTE_MS)
    .filter((t) => offsetMinutes(new Date(t), timeZone) * MINUTE_MS === naive - t);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // A gap: the wall time never occurs; move past it with the offset from before the jump.
  return new Date(naive - before * MINUTE_MS);
}

/** The local calendar day of an instant in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return formatDate(w.year, w.month, w.day);
}

/** The local wall-clock time (`HH:MM`) of an instant in `timeZone`. */
export function localTime(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** An instant as local time with its offset, seconds included: `2026-11-30T13:00:00+01:00`. */
export function toOffsetIso(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const offset = offsetOf(instant, w);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return (
    `${formatDate(w.year, w.month, w.day)}T${pad2(w.hour)}:${pad2(w.minute)}:${pad2(w.second)}` +
    `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
  );
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parseDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return formatDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parseDate(from);
  const [y2, m2, d2] = parseDate(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

/** ISO 8601 weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = parseDate(date);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Minutes since local midnight of an `HH:MM` time. */
export function minutesOfDay(time: string): number {
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return hh * 60 + mm;
}

/** `HH:MM` for minutes since local midnight (0 ≤ minutes < 1440). */
export function timeOfMinutes(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** Adds minutes to an instant. */
export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * MINUTE_MS);
}

function parseDate(date: string): [number, number, number] {
  return date.split("-").map(Number) as [number, number, number];
}

function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
