import type { ManagedBooking } from "../../../schemas/bookings";
import type { Erased } from "../../../schemas/data-subjects";
import type { BookingRow } from "../../../schemas/rows";
import type { Scope } from "../../context";
import { findByTokenHash, runBookingBatch } from "../../db/bookings";
import { loadLocation, loadScheduleAround, scheduleBasis, type LocationData } from "../../db/locations";
import { audit } from "../../db/audit";
import { erasedNow } from "../../db/data-subjects";
import { eraseBookings } from "../../db/erasure";
import { latestRound } from "../../db/proposals";
import { bookableSlot, canCancel, canReschedule } from "../../domain/booking";
import { holdsPlace } from "../../domain/erasable";
import { AppError } from "../../errors";
import { composeMail } from "../../mail/compose";
import type { MailKind } from "../../mail/types";
import { sha256Hex } from "../../random";
import { commit } from "../commit";
import { mailContext, mailStatements } from "./mail";
import { holderView, presentManaged } from "./present";
import { cancelWrites, cancelledMeanwhile, moveWrites, wasCancelled } from "./writes";

/*
 * What the holder of a manage link can do: see the booking, cancel it, move it, take its invite. The
 * token is the only key; anything it does not open is a 404 that says nothing more.
 */

/** The booking the manage token opens, and its office; 404 for anything else. */
export async function holderBooking(s: Scope, token: string): Promise<{ booking: BookingRow; office: LocationData }> {
  const booking = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await findByTokenHash(s.db, await sha256Hex(token)) : null;
  if (!booking) throw new AppError("not_found", "This link does not open a booking. It may be mistyped or expired.");
  const office = await loadLocation(s.db, booking.location_slug);
  if (!office) throw new AppError("unknown_location", "This office is not set up any more.");
  return { booking, office };
}

/** The booking as its holder sees it at `now`, with the latest round of times proposed for it as stored now. */
export async function answer(s: Scope, booking: BookingRow, office: LocationData, token: string, now: Date): Promise<ManagedBooking> {
  return presentManaged(booking, office, token, now, await latestRound(s.db, booking.id));
}

/** The booking behind `token` as its holder sees it. */
export async function managedBooking(s: Scope, token: string): Promise<ManagedBooking> {
  const { booking, office } = await holderBooking(s, token);
  return answer(s, booking, office, token, s.deps.now());
}

/** Cancels the booking or request behind `token`; cancelling twice (also at the same moment) is harmless. */
export async function cancelByHolder(s: Scope, token: string): Promise<ManagedBooking> {
  const { booking, office } = await holderBooking(s, token);
  const now = s.deps.now();
  if (booking.status === "cancelled") return answer(s, booking, office, token, now);
  if (!canCancel(holderView(booking), now)) {
    throw new AppError("booking_past", "This appointment can no longer be cancelled here. Please call us.");
  }
  const sequence = booking.invite_sequence + 1;
  const cancelled: BookingRow = { ...booking, status: "cancelled", invite_sequence: sequence };
  // A withdrawn request had no time and no invite: the page confirms it, no mail is needed.
  const mails = booking.kind === "slot" ? mailStatements(s, office, cancelled, token, ["booking_cancelled"]) : [];
  try {
    await commit(s, {
      batch: [...cancelWrites(s.db, booking.id, sequence, "resident", now), ...mails],
      run: runBookingBatch,
      mail: mails.length > 0,
      live: { office: booking.location_slug, changes: booking.kind === "slot" ? ["bookings", "outbox"] : ["requests"] },
    });
  } catch (error) {
    const current = await cancelledMeanwhile(error, async () => (await holderBooking(s, token)).booking);
    return answer(s, current, office, token, now);
  }
  return answer(s, cancelled, office, token, now);
}

/**
 * Moves the booking behind `token` to `start` (the same rules as booking it online), with the update
 * invite and a new reminder. A booking that was cancelled, before or while this ran, says so.
 */
export async function rescheduleByHolder(s: Scope, token: string, start: Date): Promise<ManagedBooking> {
  const { booking, office } = await holderBooking(s, token);
  const now = s.deps.now();
  if (booking.status === "cancelled") throw wasCancelled();
  if (!canReschedule(holderView(booking), now)) {
    throw new AppError("booking_past", "This appointment can no longer be moved here. Please call us.");
  }
  if (start.getTime() === Date.parse(booking.starts_at!)) return answer(s, booking, office, token, now);

  const data = await loadScheduleAround(s.db, booking.location_slug, start);
  if (!data) throw new AppError("unknown_location", "This office is not set up yet.");
  const slot = bookableSlot({ start, now, durationMinutes: booking.topic_duration_minutes, ...scheduleBasis(data) });
  const sequence = booking.invite_sequence + 1;
  const moved: BookingRow = { ...booking, starts_at: slot.start.toISOString(), ends_at: slot.end.toISOString(), invite_sequence: sequence };
  const mails = mailStatements(s, office, moved, token, ["booking_rescheduled", "booking_reminder"]);
  try {
    await commit(s, {
      batch: [...moveWrites(s.db, moved, { units: slot.units, seatsPerSlot: data.location.seats_per_slot }, "resident", now), ...mails],
      run: runBookingBatch,
      mail: mails.length > 0,
      live: { office: booking.location_slug, changes: ["bookings", "outbox"] },
    });
  } catch (error) {
    await cancelledMeanwhile(error, async () => (await holderBooking(s, token)).booking);
    throw wasCancelled();
  }
  return answer(s, moved, office, token, now);
}

/**
 * Erases the personal data of the booking behind `token` now ("Meine Daten jetzt löschen"), through
 * the one eraser, with an audit row (actor public, the booking's id). Only once it is cancelled or over:
 * a booking that still holds a place is refused (409 `booking_active`); its holder cancels it first.
 * Afterwards the link opens nothing (the erasure removes its manage links): a second try is a 404.
 */
export async function eraseByHolder(s: Scope, token: string): Promise<Erased> {
  const { booking, office } = await holderBooking(s, token);
  const now = s.deps.now();
  if (holdsPlace(booking, now, office.location.time_zone)) {
    throw new AppError("booking_active", "This booking is still active. Please cancel it first, then delete your data.");
  }
  await commit(s, {
    batch: [
      ...eraseBookings(s.db, [booking.id], now),
      audit(s.db, {
        locationId: booking.location_id,
        actorKind: "public",
        actorId: null,
        action: "booking.erase_by_holder",
        subjectKind: "booking",
        subjectId: booking.id,
        at: now,
      }),
    ],
    mail: false,
    live: { office: booking.location_slug, changes: booking.kind === "slot" ? ["bookings", "outbox"] : ["requests", "outbox"] },
  });
  return erasedNow(s.db, booking.location_id, [booking.id], [], now);
}

/** The calendar file of the booking behind `token`: its invite, or the cancellation once cancelled. */
export async function holderInvite(s: Scope, token: string): Promise<string> {
  const { booking, office } = await holderBooking(s, token);
  if (booking.kind !== "slot") throw new AppError("not_found", "A request has no time yet, so there is no calendar entry.");
  const kind: MailKind = booking.status === "cancelled" ? "booking_cancelled" : "booking_confirmed";
  return composeMail(kind, mailContext(s, office, booking, token, "invite")).ics!;
}
