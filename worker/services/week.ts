import type { StaffWeek } from "../../schemas/staff-week";
import type { StaffScope } from "../context";
import { bookedStarts } from "../db/board";
import { daysWindow } from "../domain/settings";
import { summariseWeek, weekOf } from "../domain/week";
import { localDate } from "../../common/time";
import { freeSlots } from "./slots";

/**
 * The week (Monday to Sunday) that holds `day` (default: today in the office's zone): each day's
 * opening, its free times by the one slot computation and the appointments booked on it.
 *
 * Free times by the phone booking's rules (`freeSlots(…, "staff")`): the week view is where staff plan
 * and book for callers, so it counts what they can still give out (no minimum notice, any time from now
 * on), as the phone booking dialog that a day opens offers it. The online rules would hide today's next
 * hours behind the minimum notice. Both stop at the booking horizon.
 */
export async function staffWeek(s: StaffScope, day: string | undefined): Promise<StaffWeek> {
  const now = s.deps.now();
  const zone = s.staff.timeZone;
  const today = localDate(now, zone);
  const { from, to } = weekOf(day ?? today);
  const [slots, starts] = await Promise.all([
    freeSlots(s.db, now, s.staff.office, { from, to }, "staff"),
    bookedStarts(s.db, s.staff.locationId, daysWindow(from, to, zone)),
  ]);
  return { from, to, today, days: summariseWeek(slots.days, starts, zone) };
}
