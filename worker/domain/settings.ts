/*
 * Rules of admin changes to an office, pure: what a change touches and how it is recorded.
 * Instants are UTC; days and times are local to the office's zone, passed in.
 */
import { spansOfDay, type ExtraSpan, type OpeningRule } from "../../common/opening-hours";
import { addDays, localDate, localTime, minutesOfDay, zonedInstant } from "../../common/time";

/** `{ field: { from, to } }` of the fields whose value differs; empty when nothing changed. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (!same(before[key], after[key])) out[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return out;
}

/** Equal values; a plain object (an office text, common/texts.ts) by its entries, whatever their order. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * The weekly rules as they are after replacing the hours from local day `validFrom` on (what
 * db/settings.ts `replaceOpeningRules` stores): earlier rules end the day before, rules that would only
 * have started on or after it are gone, the new ones start on it, open-ended.
 */
export function rulesAfterChange(
  current: readonly OpeningRule[],
  validFrom: string,
  next: readonly { weekday: number; opens: string; closes: string }[],
): OpeningRule[] {
  const dayBefore = addDays(validFrom, -1);
  return [
    ...current
      .filter((r) => r.validFrom < validFrom)
      .map((r) => ({ ...r, validUntil: r.validUntil === null || r.validUntil >= validFrom ? dayBefore : r.validUntil })),
    ...next.map((r) => ({ weekday: r.weekday, opens: r.opens, closes: r.closes, validFrom, validUntil: null })),
  ];
}

/** The UTC instants bounding local days `first`…`last` (inclusive): [start of first, start of the day after last). */
export function daysWindow(first: string, last: string, timeZone: string): { from: Date; until: Date } {
  return { from: zonedInstant(first, "00:00", timeZone), until: zonedInstant(addDays(last, 1), "00:00", timeZone) };
}

/** The hours a change of hours is about: weekly rules and one-day extra hours (holidays and closures aside). */
export interface Hours {
  rules: readonly OpeningRule[];
  extraHours: readonly ExtraSpan[];
}

/**
 * Whether an appointment lies inside the hours: one opening span of its local day (weekly and extra
 * hours together) holds it from start to end. An appointment ending at midnight or later ends at minute
 * 1440 of its day.
 */
export function insideHours(b: { startsAt: Date; endsAt: Date }, hours: Hours, timeZone: string): boolean {
  const day = localDate(b.startsAt, timeZone);
  const start = minutesOfDay(localTime(b.startsAt, timeZone));
  const end = localDate(b.endsAt, timeZone) === day ? minutesOfDay(localTime(b.endsAt, timeZone)) : 1440;
  return spansOfDay(day, hours.rules, hours.extraHours).some((s) => minutesOfDay(s.opens) <= start && end <= minutesOfDay(s.closes));
}

/**
 * The appointments a change of hours puts outside them: inside the hours `before`, and inside none
 * `after`. An appointment that already lay outside the hours (a time staff agreed with the person "nach
 * Vereinbarung", e.g. a proposal on a Thursday evening) is none of the change's doing, so unchanged
 * hours list nothing. Staff then cancel or move the listed ones; none is changed here.
 */
export function bookingsPutOutside<B extends { startsAt: Date; endsAt: Date }>(
  bookings: readonly B[],
  before: Hours,
  after: Hours,
  timeZone: string,
): B[] {
  return bookings.filter((b) => insideHours(b, before, timeZone) && !insideHours(b, after, timeZone));
}
