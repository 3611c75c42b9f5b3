/*
 * Rules of admin changes to an office, pure: what a change touches and how it is recorded.
 * Instants are UTC; days and times are local to the office's zone, passed in.
 */
import { openingSpansOn, type OpeningRule } from "../../common/opening-hours";
import { addDays, localDate, localTime, minutesOfDay, zonedInstant } from "../../common/time";

/** `{ field: { from, to } }` of the fields whose value differs; empty when nothing changed. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (before[key] !== after[key]) out[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return out;
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

/**
 * How many appointments lie outside the opening hours that `rules` give their day: a booking counts
 * unless one opening span of its local day holds it from start to end. Used to tell staff, after a
 * change of hours, how many existing bookings they may want to move (they are kept, not cancelled).
 */
export function bookingsOutsideHours(
  bookings: readonly { startsAt: Date; endsAt: Date }[],
  rules: readonly OpeningRule[],
  timeZone: string,
): number {
  return bookings.filter((b) => {
    const day = localDate(b.startsAt, timeZone);
    const start = minutesOfDay(localTime(b.startsAt, timeZone));
    // An appointment ending at midnight or later ends at minute 1440 of its day.
    const end = localDate(b.endsAt, timeZone) === day ? minutesOfDay(localTime(b.endsAt, timeZone)) : 1440;
    return !openingSpansOn(day, rules).some((s) => minutesOfDay(s.opens) <= start && end <= minutesOfDay(s.closes));
  }).length;
}
