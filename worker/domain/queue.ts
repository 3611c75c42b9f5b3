import { dayStatus, type OpeningBasis } from "./schedule";
import { addDays, localDate, minutesOfDay, localTime, zonedInstant } from "../../common/time";

/*
 * The waiting room: queue numbers, the check-in window and whether the office is open (the wait
 * estimate is estimate.ts). Pure: `now` is an argument.
 */

/** Walk-in numbers and appointment numbers, counted separately per local day. */
export const WALK_IN_PREFIX = "W";
export const APPOINTMENT_PREFIX = "T";

/** "W 7": prefix and number as screens and the call display show them. */
export function ticketLabel(prefix: string, number: number): string {
  return `${prefix} ${number}`;
}

export type CheckinRefusal = "too_early" | "too_late" | "other_day" | "cancelled" | "already_checked_in" | "not_bookable";

export interface CheckinWindow {
  /** Minutes before the start when check-in opens. */
  opensMinutes: number;
  /** Minutes after the start when it closes. */
  closesMinutes: number;
  timeZone: string;
}

/**
 * Whether a booking can check in now: confirmed, today (local), from `opensMinutes` before its start to
 * `closesMinutes` after it. Returns the reason it cannot, or null when it can.
 */
export function checkinRefusal(
  booking: { status: string; startsAt: Date | null },
  now: Date,
  window: CheckinWindow,
): CheckinRefusal | null {
  if (booking.status === "cancelled" || booking.status === "declined") return "cancelled";
  if (booking.status === "checked_in" || booking.status === "completed") return "already_checked_in";
  if (booking.status !== "confirmed" || !booking.startsAt) return "not_bookable";
  if (localDate(booking.startsAt, window.timeZone) !== localDate(now, window.timeZone)) return "other_day";
  const minutes = (now.getTime() - booking.startsAt.getTime()) / 60_000;
  if (minutes < -window.opensMinutes) return "too_early";
  if (minutes > window.closesMinutes) return "too_late";
  return null;
}

/** When check-in opens for an appointment starting at `startsAt`: the refusal "too early" says it. */
export function checkinOpensAt(startsAt: Date, window: Pick<CheckinWindow, "opensMinutes">): Date {
  return new Date(startsAt.getTime() - window.opensMinutes * 60_000);
}

/** How many days ahead `openingState` looks for the next opening. */
export const OPENING_LOOKAHEAD_DAYS = 60;

/**
 * Whether the office is open at `now`, and if not, when it next opens (looking up to
 * `OPENING_LOOKAHEAD_DAYS` ahead; null when no opening is in sight). `basis` must hold the closures and
 * extra hours of those days (db/locations.ts `loadScheduleAround` with `openingDays`).
 */
export function openingState(
  now: Date,
  basis: OpeningBasis,
): { open: boolean; nextOpening: Date | null } {
  const zone = basis.settings.timeZone;
  const today = localDate(now, zone);
  const nowMinutes = minutesOfDay(localTime(now, zone));
  for (let i = 0; i <= OPENING_LOOKAHEAD_DAYS; i++) {
    const date = addDays(today, i);
    for (const span of dayStatus(date, basis).spans) {
      const opens = minutesOfDay(span.opens);
      const closes = minutesOfDay(span.closes);
      if (i === 0 && opens <= nowMinutes && nowMinutes < closes) return { open: true, nextOpening: null };
      if (i > 0 || opens > nowMinutes) return { open: false, nextOpening: zonedInstant(date, span.opens, zone) };
    }
  }
  return { open: false, nextOpening: null };
}
