import type { Texts } from "../../schemas/common";
import type { DayStatus } from "../../schemas/slots";
import { holidayOn, type HolidayRegion } from "./holidays";
import { spansOfDay, type ExtraSpan, type OpeningRule, type Span } from "../../common/opening-hours";
import {
  addDays,
  addMinutes,
  daysBetween,
  localDate,
  minutesOfDay,
  timeOfMinutes,
  zonedInstant,
} from "../../common/time";

/** Days the office is closed (local, inclusive) and why, in German and where written other languages. */
export interface Closure {
  firstDay: string;
  lastDay: string;
  reason: Texts;
}

export type { ExtraSpan, OpeningRule };

export interface ScheduleSettings {
  timeZone: string;
  holidayRegion: HolidayRegion;
  /** Length of one slot of the booking grid, minutes. */
  slotMinutes: number;
  /** How many bookings one slot takes at once. */
  seatsPerSlot: number;
  /** The earliest bookable start is this many minutes after now. */
  minNoticeMinutes: number;
  /** The last bookable local day is today (local) plus this many days. */
  horizonDays: number;
}

export interface ScheduleInput {
  /** First and last local day of the range, inclusive. */
  from: string;
  to: string;
  now: Date;
  settings: ScheduleSettings;
  rules: readonly OpeningRule[];
  closures: readonly Closure[];
  /** One-day extra hours ("Sondertermin") of the range; holidays and closures still win over them. */
  extraHours: readonly ExtraSpan[];
  /** Length of the appointment asked for (the topic's duration), minutes; at least one grid slot is held. */
  durationMinutes: number;
  /** Seats already taken, keyed by the 5-minute unit's start as a UTC ISO string (`toISOString()`). */
  taken: ReadonlyMap<string, number>;
}

export interface FreeSlot {
  start: Date;
  end: Date;
  free: number;
}

export interface ScheduleDay {
  date: string;
  status: DayStatus;
  reason?: Texts;
  slots: FreeSlot[];
}

/**
 * Every local day from `from` to `to` with its status and its bookable slots.
 *
 * A day is a `holiday` (public holiday of the region), else a `closure` (entered by staff), else
 * `closed` (no opening rule that weekday and no extra hours that day), else `open`. On an open day
 * each opening span (weekly and extra hours together, see `spansOfDay`) yields
 * starts every `slotMinutes` from its opening time, as long as the whole appointment fits before
 * closing. A start is bookable when it is at least `minNoticeMinutes` after `now`, on or before the
 * horizon day, and every grid slot the appointment covers still has a free seat; `free` is the
 * smallest number of free seats among them. Wall-clock times are turned into instants one by one in
 * the location's zone, so a Monday in a DST week keeps 13:00 local with the right offset.
 */
export function scheduleDays(input: ScheduleInput): ScheduleDay[] {
  const { settings, now } = input;
  const earliest = addMinutes(now, settings.minNoticeMinutes).getTime();
  const lastDay = addDays(localDate(now, settings.timeZone), settings.horizonDays);
  const days: ScheduleDay[] = [];

  for (let date = input.from; daysBetween(date, input.to) >= 0; date = addDays(date, 1)) {
    const day = dayStatus(date, input);
    if (day.status !== "open") {
      days.push({ date, status: day.status, ...(day.reason ? { reason: day.reason } : {}), slots: [] });
      continue;
    }
    const spans = day.spans;

    const slots: FreeSlot[] = [];
    if (date <= lastDay) {
      const instants = new Map<number, Date>();
      const at = (minutes: number): Date => {
        let instant = instants.get(minutes);
        if (!instant) {
          instant = zonedInstant(date, timeOfMinutes(minutes), settings.timeZone);
          instants.set(minutes, instant);
        }
        return instant;
      };
      for (const span of spans) {
        const closes = minutesOfDay(span.closes);
        for (let m = minutesOfDay(span.opens); m + input.durationMinutes <= closes; m += settings.slotMinutes) {
          const start = at(m);
          if (start.getTime() < earliest) continue;
          const end = addMinutes(start, input.durationMinutes);
          let taken = 0;
          for (const unit of seatUnits(start, end)) taken = Math.max(taken, input.taken.get(unit) ?? 0);
          const free = settings.seatsPerSlot - taken;
          if (free > 0) slots.push({ start, end, free });
        }
      }
    }
    days.push({ date, status: "open", slots });
  }
  return days;
}

/**
 * The instant from which `days`, what `scheduleDays` answered at `now` with `settings`, may stop being
 * the answer although nothing stored changed: the earliest listed start passes the minimum notice (it
 * leaves the list one millisecond after start − notice), or the next local midnight (today, and so
 * the horizon's last day, moves on). These are `scheduleDays`' only uses of `now`; a new one belongs
 * here too. For any later `now` before this instant `scheduleDays` gives the same days; an earlier
 * `now` may not (it would still offer starts that `days` had dropped).
 */
export function scheduleChangesAt(days: readonly ScheduleDay[], now: Date, settings: ScheduleSettings): Date {
  const tomorrow = addDays(localDate(now, settings.timeZone), 1);
  let changesAt = zonedInstant(tomorrow, "00:00", settings.timeZone).getTime();
  for (const day of days) {
    for (const slot of day.slots) {
      changesAt = Math.min(changesAt, slot.start.getTime() - settings.minNoticeMinutes * 60_000 + 1);
    }
  }
  return new Date(changesAt);
}

/** Seats are held on fixed 5-minute units of time (see booking_seats in the migration). */
export const SEAT_UNIT_MINUTES = 5;

/**
 * The UTC ISO starts of the 5-minute units an appointment from `start` to `end` covers. Units are fixed
 * instants, so appointments overlap in time exactly when they share a unit, whatever grid they were on.
 */
export function seatUnits(start: Date, end: Date): string[] {
  const units: string[] = [];
  for (let t = start.getTime(); t < end.getTime(); t += SEAT_UNIT_MINUTES * 60_000) units.push(new Date(t).toISOString());
  return units;
}

export interface DayOpening {
  status: ScheduleDay["status"];
  reason?: Texts;
  /** The opening spans of an open day, earliest first; empty otherwise. */
  spans: Span[];
}

/** What decides whether and when the office opens on a day. */
export type OpeningBasis = Pick<ScheduleInput, "settings" | "rules" | "closures" | "extraHours">;

/**
 * Whether the office opens on a local day: a public holiday of the region, else a closure, else
 * `closed` without an opening rule that weekday and without extra hours that day, else `open` with its
 * spans.
 */
export function dayStatus(date: string, input: OpeningBasis): DayOpening {
  const holiday = holidayOn(date, input.settings.holidayRegion);
  if (holiday) return { status: "holiday", reason: holiday.name, spans: [] };
  const closure = input.closures.find((c) => c.firstDay <= date && date <= c.lastDay);
  if (closure) return { status: "closure", reason: closure.reason, spans: [] };
  const spans = spansOfDay(date, input.rules, input.extraHours);
  return spans.length > 0 ? { status: "open", spans } : { status: "closed", spans: [] };
}
