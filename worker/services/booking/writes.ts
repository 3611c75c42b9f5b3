import type { BookingRow } from "../../../schemas/rows";
import { appendEvent, cancelBooking, moveBooking, type SeatRequest } from "../../db/bookings";
import { cancelUnsentReminders } from "../../db/outbox";
import { endOpenProposals } from "../../db/proposals";
import { AppError } from "../../errors";

/*
 * What a change to a booking writes, whoever makes it (its holder or staff). Its history event comes
 * first: if another change already took `sequence`, the batch fails with `booking_changed` before
 * anything else is written. The caller adds the mails (mail.ts) and commits (services/commit.ts).
 */

/**
 * Cancelling: the event, the status with its seats freed, its unsent reminder withdrawn, and (a request
 * withdrawn by its holder) its open proposals withdrawn with theirs.
 */
export function cancelWrites(
  db: D1Database,
  bookingId: string,
  sequence: number,
  actor: string,
  now: Date,
  detail?: Record<string, unknown>,
): D1PreparedStatement[] {
  return [
    appendEvent(db, bookingId, sequence, "cancelled", actor, now, detail),
    ...cancelBooking(db, bookingId, sequence, now),
    cancelUnsentReminders(db, bookingId, now),
    ...endOpenProposals(db, { request: bookingId }, "withdrawn", now),
  ];
}

/**
 * Moving a confirmed booking to `moved`'s new times and sequence: the event, the new times with new
 * seats, and the reminder of the old time withdrawn (the caller's mails bring a new one).
 */
export function moveWrites(db: D1Database, moved: BookingRow, seats: SeatRequest, actor: string, now: Date): D1PreparedStatement[] {
  const sequence = moved.invite_sequence;
  return [
    appendEvent(db, moved.id, sequence, "confirmed", actor, now, { rescheduled: true }),
    ...moveBooking(db, { id: moved.id, locationId: moved.location_id }, moved.starts_at!, moved.ends_at!, seats, sequence, now),
    cancelUnsentReminders(db, moved.id, now),
  ];
}

/** The refusal of a move of a booking that was cancelled: said as it is, not as "past" or "changed". */
export function wasCancelled(): AppError {
  return new AppError("booking_cancelled", "This appointment was cancelled.");
}

/**
 * After a change's batch failed with `error`: the booking as `current` reads it now, when the batch lost
 * the race to a cancel (`booking_changed`, and the booking is cancelled now); otherwise `error` again.
 * A cancel that lost to a cancel is done all the same; a move that lost to one says it was cancelled.
 */
export async function cancelledMeanwhile<B extends { status: string }>(error: unknown, current: () => Promise<B | null>): Promise<B> {
  if (error instanceof AppError && error.code === "booking_changed") {
    const booking = await current();
    if (booking?.status === "cancelled") return booking;
  }
  throw error;
}
