import { z } from "zod";
import { Texts, LocalDate } from "./common";
import { DayStatus } from "./slots";

/*
 * The week at a glance on the staff board (`GET /api/staff/:office/week?day=`, a staff session of the
 * office): Monday to Sunday of the week holding `day`, each day with how it opens, how many times are
 * still free and how many appointments are booked.
 */

/** `?day=YYYY-MM-DD`: any day of the week wanted (default: today in the office's zone). */
export const WeekQuery = z.object({ day: LocalDate.optional() }).strict();
export type WeekQuery = z.infer<typeof WeekQuery>;

export const WeekDay = z.object({
  date: LocalDate,
  status: DayStatus,
  reason: Texts.nullable(),
  /**
   * Slot starts (of the office's slot length) with a free seat, by the one slot computation
   * (services/slots.ts `freeSlots`) with the phone booking's rules: no minimum notice, never before now,
   * up to the booking horizon. 0 on days past.
   */
  free: z.number().int().nonnegative(),
  /** Appointments of the day that are not cancelled (booked, checked in, done or not come). */
  booked: z.number().int().nonnegative(),
});
export type WeekDay = z.infer<typeof WeekDay>;

/** `200` of `GET /api/staff/:office/week`. */
export const StaffWeek = z.object({
  /** The Monday. */
  from: LocalDate,
  /** The Sunday. */
  to: LocalDate,
  /** Today in the office's zone. */
  today: LocalDate,
  days: z.array(WeekDay).length(7),
});
export type StaffWeek = z.infer<typeof StaffWeek>;
