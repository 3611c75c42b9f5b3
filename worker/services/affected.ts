import type { Locale } from "../../schemas/common";
import type { AffectedBooking } from "../../schemas/staff-settings";
import type { StaffScope } from "../context";
import type { StaffBookingRow } from "../db/bookings";
import { isGuardFailure } from "../db/closures";
import type { LocationData } from "../db/locations";
import { topicLabel } from "../domain/booking";
import { localDate, toOffsetIso } from "../../common/time";
import { AppError } from "../errors";
import { staffCancelWrites } from "./booking/staff";
import { commit } from "./commit";

/*
 * Changes that touch appointments: a closure, changed opening hours, removed extra hours. Each is
 * decided on the list of the appointments it touches (db/closures.ts `activeBookingsBetween`): without
 * a decision the change is refused with that list (409 `bookings_affected`), and staff choose "cancel
 * all" or "keep" (schemas/staff-settings.ts `BookingsDecision`). The change, the cancels with their
 * mails and the audit rows are one batch, whose guard fails it when the list is out of date by the
 * time it runs; the answer is then the same 409 with the list as it is now.
 */

/** A change of days or hours, as its service built it, to be finished by `commitAffecting`. */
export interface AffectingChange {
  office: LocationData;
  /** The appointments the change touches, as just read: the list staff decide on. */
  affected: StaffBookingRow[];
  /** Fails the batch when `affected` is not exact any more (db/closures.ts `affectedUnchanged`); runs first. */
  guard: D1PreparedStatement;
  /** The change itself with its audit row. */
  writes: D1PreparedStatement[];
  decision: { action: "cancel" | "keep"; ids: string[] } | undefined;
  /** What the office tells each person whose appointment it cancels, in the booking's language. */
  message: (locale: Locale) => string;
  cause: "closure" | "hours";
  /** The touched appointments read again: for the 409 after a lost race, and for the answer to "keep". */
  reread: () => Promise<StaffBookingRow[]>;
}

export interface AffectingOutcome {
  /** The results of the change's own `writes`, in their order (an INSERT's `meta.last_row_id`). */
  written: D1Result[];
  /** The touched appointments still active: all of them when kept, the checked-in ones when cancelled. */
  kept: StaffBookingRow[];
  cancelled: number;
  mailed: number;
}

/**
 * Finishes a change that touches appointments: refuses it with the list (409 `bookings_affected`) when
 * there are some and no decision, or when a "cancel" was decided on another list than the one read now;
 * otherwise one batch: the guard (unless they are kept: then nothing depends on the list), the change,
 * and for "cancel" each confirmed appointment cancelled the way staff cancel one (services/booking/staff.ts
 * `staffCancelWrites`: event, seats, reminders withdrawn, the cancel mail with `message` and the
 * invite, an audit row). An appointment whose person has checked in is left to staff: they are in the
 * office. Open proposals (issue 11 item 7) join here once they exist: one list, one cancel-all.
 */
export async function commitAffecting(s: StaffScope, change: AffectingChange): Promise<AffectingOutcome> {
  const { office, affected, decision } = change;
  const tz = office.location.time_zone;
  if (affected.length > 0 && !decision) throw bookingsAffected(affected, tz);
  if (decision?.action === "cancel" && !sameBookings(decision.ids, affected)) throw bookingsAffected(affected, tz);

  const cancelling = decision?.action === "cancel" ? affected.filter((b) => b.status === "confirmed") : [];
  const cancels = cancelling.map((b) => staffCancelWrites(s, office, b, { by: "office", message: change.message(b.locale), cause: change.cause }));
  const mailed = cancels.filter((c) => c.mailed).length;
  const guarded = decision?.action !== "keep";
  let result: D1Result[];
  try {
    ({ result } = await commit(s, {
      batch: [...(guarded ? [change.guard] : []), ...change.writes, ...cancels.flatMap((c) => c.statements)],
      mail: mailed > 0,
      live: { office: office.location.slug, changes: cancels.length > 0 ? ["settings", "bookings", "outbox"] : ["settings"] },
    }));
  } catch (error) {
    // The list is out of date: an appointment was booked, moved, cancelled or checked in meanwhile (the
    // last one fails its cancel's history event, which another change took first).
    if (isGuardFailure(error) || /UNIQUE constraint failed: booking_events\./.test(String(error))) {
      throw bookingsAffected(await change.reread(), tz);
    }
    throw error;
  }
  const kept = decision?.action === "keep" ? await change.reread() : affected.filter((b) => !cancelling.includes(b));
  const first = guarded ? 1 : 0;
  return { written: result.slice(first, first + change.writes.length), kept, cancelled: cancels.length, mailed };
}

/** The refusal with the list: the change touches these appointments (as they are now). */
export function bookingsAffected(bookings: readonly StaffBookingRow[], timeZone: string): AppError {
  const n = bookings.length;
  return new AppError(
    "bookings_affected",
    n === 0
      ? "The appointments this change touches have changed meanwhile; there are none now. Please confirm the change again."
      : `This change touches ${n} appointment${n === 1 ? "" : "s"} (or they changed meanwhile). Please say whether to cancel them all or keep them.`,
    "bookings",
    {},
    { bookings: presentAffected(bookings, timeZone) },
  );
}

/** The touched appointments as staff see them in the dialog, with their local day for the board link. */
export function presentAffected(bookings: readonly StaffBookingRow[], timeZone: string): AffectedBooking[] {
  return bookings.map((b) => {
    const start = new Date(b.starts_at!);
    return {
      id: b.id,
      day: localDate(start, timeZone),
      start: toOffsetIso(start, timeZone),
      end: toOffsetIso(new Date(b.ends_at!), timeZone),
      status: b.status === "checked_in" ? "checked_in" : "confirmed",
      name: b.name ?? "",
      topic: topicLabel(b),
      code: b.code,
      mail: Boolean(b.email),
      phone: b.phone,
    };
  });
}

/** Whether staff decided on exactly these appointments (ids in any order). */
function sameBookings(ids: readonly string[], bookings: readonly StaffBookingRow[]): boolean {
  const listed = new Set(ids);
  return listed.size === ids.length && ids.length === bookings.length && bookings.every((b) => listed.has(b.id));
}
