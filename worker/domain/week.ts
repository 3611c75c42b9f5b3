import type { Day } from "../../schemas/slots";
import type { WeekDay } from "../../schemas/staff-week";
import { addDays, isoWeekday, localDate } from "../../common/time";
import { openingOf } from "./board";

/*
 * The staff board's week at a glance, from the one slot computation's days and the week's appointments.
 * Pure: the office's time zone is an argument.
 */

/** Monday and Sunday (local days) of the ISO week that holds `day`. */
export function weekOf(day: string): { from: string; to: string } {
  const from = addDays(day, 1 - isoWeekday(day));
  return { from, to: addDays(from, 6) };
}

/**
 * Each day of `days` (the slot computation's, one per local day) with its status, reason, free slot
 * starts, and the appointments that start on it: `bookedStarts` are UTC instants, counted on their local
 * day in `zone` (a start at 00:30 in summer is its own day, not the UTC day before).
 */
export function summariseWeek(days: readonly Day[], bookedStarts: readonly string[], zone: string): WeekDay[] {
  const booked = new Map<string, number>();
  for (const start of bookedStarts) {
    const day = localDate(new Date(start), zone);
    booked.set(day, (booked.get(day) ?? 0) + 1);
  }
  return days.map((d) => {
    const { status, reason, freeSlots } = openingOf(d);
    return { date: d.date, status, reason, free: freeSlots, booked: booked.get(d.date) ?? 0 };
  });
}
