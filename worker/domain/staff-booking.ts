import { AppError } from "../errors";
import { bookableSlot, type BookableInput, type BookableSlot } from "./booking";
import { dayStatus, SEAT_UNIT_MINUTES, seatUnits, type OpeningBasis, type ScheduleSettings } from "./schedule";
import { localDate, localTime, minutesOfDay } from "../../common/time";

/*
 * What staff may book that a resident may not. Pure: `now` is an argument; whether a seat is still free
 * is decided by the database in the statement that takes it.
 */

/**
 * The schedule settings staff book by: the office's own, without the minimum notice (a caller may come in
 * ten minutes). With notice 0 the schedule still offers no start before `now`.
 */
export function staffSettings(settings: ScheduleSettings): ScheduleSettings {
  return { ...settings, minNoticeMinutes: 0 };
}

/**
 * A slot staff book on behalf of a caller (or move a booking to): the schedule's rules as online, with
 * the opening hours, the grid, closures, holidays and the horizon, but without the minimum notice (a
 * caller may come in ten minutes). Throws `booking_past` for a past start, else like `bookableSlot`.
 */
export function staffBookableSlot(input: BookableInput): BookableSlot {
  // Said plainly here: bookableSlot would call a past time "too soon to book online".
  if (input.start.getTime() < input.now.getTime()) {
    throw new AppError("booking_past", "This time has passed. Please choose a time in the future.");
  }
  return bookableSlot({ ...input, settings: staffSettings(input.settings) });
}

export interface Proposal {
  start: Date;
  end: Date;
  /** UTC ISO starts of the 5-minute units that lie inside the opening hours: these hold a seat. */
  seatUnits: string[];
}

/**
 * How far ahead staff may propose a time, in days. Not the office's booking horizon: a proposal is by
 * agreement and may lie beyond what residents can book online (a course that starts in three months),
 * but a year catches a typo (2099 for 2026) before the resident gets an invite for it.
 */
export const PROPOSAL_MAX_DAYS = 366;

/**
 * A time staff propose for a request "nach Vereinbarung": any future time up to `PROPOSAL_MAX_DAYS`
 * after `now`, on the 5-minute grid, for
 * `minutes`, also outside the opening hours, on holidays and closure days. Seats are the capacity of the
 * opening hours, so only the units inside the opening spans of an open day hold one (the same units a
 * booking online would take, so the two can never overfill a slot); a proposal outside the hours holds
 * none. Throws `booking_past` for a start not after `now`, `beyond_horizon` for one more than
 * `PROPOSAL_MAX_DAYS` after it, `slot_unavailable` off the 5-minute grid.
 */
export function proposal(
  start: Date,
  minutes: number,
  now: Date,
  basis: OpeningBasis,
): Proposal {
  if (start.getTime() <= now.getTime()) {
    throw new AppError("booking_past", "This time has passed. Please choose a time in the future.");
  }
  if (start.getTime() > now.getTime() + PROPOSAL_MAX_DAYS * 86_400_000) {
    throw new AppError("beyond_horizon", `A time can be proposed up to ${PROPOSAL_MAX_DAYS} days ahead.`, "start");
  }
  if (start.getTime() % (SEAT_UNIT_MINUTES * 60_000) !== 0) {
    throw new AppError("slot_unavailable", `Please choose a time on the ${SEAT_UNIT_MINUTES}-minute grid (e.g. 14:05).`, "start");
  }
  const end = new Date(start.getTime() + minutes * 60_000);
  const zone = basis.settings.timeZone;
  const inside = seatUnits(start, end).filter((unit) => {
    const at = new Date(unit);
    const day = dayStatus(localDate(at, zone), basis);
    const minute = minutesOfDay(localTime(at, zone));
    return day.status === "open" && day.spans.some((s) => minutesOfDay(s.opens) <= minute && minute < minutesOfDay(s.closes));
  });
  return { start, end, seatUnits: inside };
}
