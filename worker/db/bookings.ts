import { z } from "zod";
import { BookingSource } from "../../schemas/bookings";
import { BookingRow } from "../../schemas/rows";
import type { Locale } from "../../schemas/common";
import { AppError } from "../errors";

/*
 * Bookings, the seats they hold, their manage tokens and their history. Writes are prepared statements
 * for one `batch()` (one transaction): the caller adds the outbox rows of the same change.
 *
 * Concurrency without read-then-write:
 *   - a seat of each 5-minute unit is taken by an INSERT whose seat number is the lowest free one,
 *     computed in the same statement; when none is free the number is NULL and the NOT NULL
 *     constraint fails the whole batch;
 *   - the per-address cap is a condition of the booking INSERT itself, and every other statement of the
 *     batch acts only if that row exists, so a refused booking leaves nothing behind; it compares
 *     addresses by equality, which holds because every address is stored in its one canonical form
 *     (common/field-rules.ts canonicalEmail: `User@Example.ORG` is stored as `user@example.org`);
 *   - every change appends a booking_events row with the booking's next sequence first; UNIQUE
 *     (booking_id, sequence) fails a batch that raced another change from the same state.
 */

/** Statuses that hold a place: they count for the per-address cap and can be changed by the holder. */
const ACTIVE = "('requested', 'confirmed')";

export interface NewBooking {
  id: string;
  locationId: number;
  kind: "slot" | "request";
  status: "confirmed" | "requested";
  topicId: number;
  /** UTC ISO instants; null for requests. */
  startsAt: string | null;
  endsAt: string | null;
  source: "online" | "kiosk" | "staff";
  /** Who made it, for booking_events: 'resident' (the default) or 'staff:<id>'. */
  actor?: string;
  name: string;
  /** Canonical (schemas/fields.ts Email); null: a phone booking without an address (no mail goes out). */
  email: string | null;
  phone: string | null;
  note: string | null;
  locale: Locale;
  preferredWeekdays: number[] | null;
  preferredTimes: string[] | null;
  wish: string | null;
  code: string;
  idempotencyKey: string | null;
  requestHash: string | null;
}

export interface SeatRequest {
  /** UTC ISO starts of the 5-minute units to hold a seat in. */
  units: string[];
  seatsPerSlot: number;
}

/**
 * Creates a booking with its first manage token, its seats and its first history event. The booking is
 * inserted only while the address has fewer than `maxActivePerEmail` active future bookings; check
 * `meta.changes` of the first result (0: refused by the cap, nothing written).
 */
export function createBooking(
  db: D1Database,
  b: NewBooking,
  tokenHash: string,
  seats: SeatRequest | null,
  maxActivePerEmail: number,
  now: Date,
): D1PreparedStatement[] {
  const at = now.toISOString();
  return [
    db
      .prepare(
        `INSERT INTO bookings (id, location_id, kind, status, topic_id, starts_at, ends_at, source, name, email, phone,
                               note, locale, preferred_weekdays, preferred_times, wish, code, idempotency_key,
                               request_hash, created_at, updated_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?20
         WHERE (SELECT count(*) FROM bookings
                WHERE location_id = ?2 AND email = ?10 AND status IN ${ACTIVE}
                  AND (starts_at IS NULL OR starts_at > ?20)) < ?21`,
      )
      .bind(
        b.id, b.locationId, b.kind, b.status, b.topicId, b.startsAt, b.endsAt, b.source, b.name, b.email, b.phone,
        b.note, b.locale, b.preferredWeekdays ? JSON.stringify(b.preferredWeekdays) : null,
        b.preferredTimes ? JSON.stringify(b.preferredTimes) : null, b.wish, b.code, b.idempotencyKey, b.requestHash,
        at, maxActivePerEmail,
      ),
    addToken(db, b.id, tokenHash, now),
    appendEvent(db, b.id, 0, b.status, b.actor ?? "resident", now),
    ...(seats ? takeSeats(db, b.locationId, b.id, seats) : []),
  ];
}

/** Another manage token for a booking (an idempotent replay answers with a fresh, working link). */
export function addToken(db: D1Database, bookingId: string, tokenHash: string, now: Date): D1PreparedStatement {
  return db
    .prepare("INSERT INTO booking_tokens (token_hash, booking_id, created_at) SELECT ?1, id, ?3 FROM bookings WHERE id = ?2")
    .bind(tokenHash, bookingId, now.toISOString());
}

/**
 * The history event of a change to `sequence`. Put it first in the change's batch: if another change
 * already took this sequence, the batch fails with `booking_changed` before anything else is written.
 */
export function appendEvent(
  db: D1Database,
  bookingId: string,
  sequence: number,
  status: string,
  actor: string,
  now: Date,
  detail?: Record<string, unknown>,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO booking_events (booking_id, sequence, at, status, actor, detail)
       SELECT id, ?2, ?3, ?4, ?5, ?6 FROM bookings WHERE id = ?1`,
    )
    .bind(bookingId, sequence, now.toISOString(), status, actor, detail ? JSON.stringify(detail) : null);
}

/**
 * One seat in each unit, the lowest free number each; fails the batch when a unit is full. With
 * `proposalId` the seats are held for that proposal of request `bookingId` (db/proposals.ts): the same
 * rule, so a proposal and a booking can never hold one seat twice.
 */
export function takeSeats(
  db: D1Database,
  locationId: number,
  bookingId: string,
  seats: SeatRequest,
  proposalId: string | null = null,
): D1PreparedStatement[] {
  return seats.units.map((unit) =>
    db
      .prepare(
        `INSERT INTO booking_seats (location_id, unit_start_at, seat, booking_id, proposal_id)
         SELECT ?1, ?2, (
           WITH RECURSIVE seat(n) AS (SELECT 1 WHERE ?3 >= 1 UNION ALL SELECT n + 1 FROM seat WHERE n < ?3)
           SELECT n FROM seat
           WHERE n NOT IN (SELECT s.seat FROM booking_seats AS s WHERE s.location_id = ?1 AND s.unit_start_at = ?2)
           ORDER BY n LIMIT 1
         ), b.id, ?5
         FROM bookings AS b WHERE b.id = ?4`,
      )
      .bind(locationId, unit, seats.seatsPerSlot, bookingId, proposalId),
  );
}

/** Cancels a booking at `sequence` and frees its seats (append the event and the mail to the batch). */
export function cancelBooking(db: D1Database, bookingId: string, sequence: number, now: Date): D1PreparedStatement[] {
  return [
    db
      .prepare("UPDATE bookings SET status = 'cancelled', invite_sequence = ?2, updated_at = ?3 WHERE id = ?1")
      .bind(bookingId, sequence, now.toISOString()),
    db.prepare("DELETE FROM booking_seats WHERE booking_id = ?1").bind(bookingId),
  ];
}

/** Moves a slot booking: gives up its seats and takes new ones in the same transaction. */
export function moveBooking(
  db: D1Database,
  booking: { id: string; locationId: number },
  startsAt: string,
  endsAt: string,
  seats: SeatRequest,
  sequence: number,
  now: Date,
): D1PreparedStatement[] {
  return [
    db
      .prepare("UPDATE bookings SET starts_at = ?2, ends_at = ?3, invite_sequence = ?4, updated_at = ?5 WHERE id = ?1")
      .bind(booking.id, startsAt, endsAt, sequence, now.toISOString()),
    db.prepare("DELETE FROM booking_seats WHERE booking_id = ?1").bind(booking.id),
    ...takeSeats(db, booking.locationId, booking.id, seats),
  ];
}

/** A booking with its topic and office, as BookingRow reads it; add the WHERE (db/closures.ts reads the same rows). */
export const selectBooking = `
  SELECT b.id, b.location_id, l.slug AS location_slug, b.kind, b.status, b.source,
         t.key AS topic_key, t.label AS topic_label,
         t.duration_minutes AS topic_duration_minutes,
         b.starts_at, b.ends_at, b.name, b.email, b.phone, b.note, b.locale, b.preferred_weekdays,
         b.preferred_times, b.wish, b.code, b.invite_sequence, b.request_hash, b.erased_at
  FROM bookings AS b
  JOIN topics AS t ON t.id = b.topic_id
  JOIN locations AS l ON l.id = b.location_id`;

/**
 * The active bookings of an address at an office ("Link verloren?"): confirmed ones still ahead and
 * requests, newest first, at most `limit`. Found by bookings_by_location_email, whose partial condition
 * is the status test here word for word (`+created_at`: sorting the few found, not walking the office's
 * bookings by date, which the planner would otherwise pick for the ORDER BY).
 */
export async function activeBookingsOf(db: D1Database, locationId: number, email: string, now: Date, limit: number): Promise<BookingRow[]> {
  const { results } = await db
    .prepare(
      `${selectBooking}
       WHERE b.location_id = ?1 AND b.email = ?2 AND b.status IN ('requested', 'confirmed') AND b.erased_at IS NULL
         AND (b.kind = 'request' OR b.ends_at > ?3)
       ORDER BY +b.created_at DESC, b.rowid DESC LIMIT ?4`,
    )
    .bind(locationId, email, now.toISOString(), limit)
    .all();
  return results.map((r) => BookingRow.parse(r));
}

/** The booking a manage token (its SHA-256 hash) opens; null for unknown tokens and erased bookings. */
export async function findByTokenHash(db: D1Database, tokenHash: string): Promise<BookingRow | null> {
  const row = await db
    .prepare(`${selectBooking} JOIN booking_tokens AS k ON k.booking_id = b.id WHERE k.token_hash = ?1 AND b.erased_at IS NULL`)
    .bind(tokenHash)
    .first();
  return row ? BookingRow.parse(row) : null;
}

/** The booking with this check-in code at this location (codes are unique per location). */
export async function findByCode(db: D1Database, locationId: number, code: string): Promise<BookingRow | null> {
  const row = await db.prepare(`${selectBooking} WHERE b.location_id = ?1 AND b.code = ?2 AND b.erased_at IS NULL`).bind(locationId, code).first();
  return row ? BookingRow.parse(row) : null;
}

/** Marks a confirmed booking checked in at `sequence`; no change when it is not confirmed any more. */
export function markCheckedIn(db: D1Database, bookingId: string, sequence: number, now: Date): D1PreparedStatement {
  return db
    .prepare("UPDATE bookings SET status = 'checked_in', invite_sequence = ?2, updated_at = ?3 WHERE id = ?1 AND status = 'confirmed'")
    .bind(bookingId, sequence, now.toISOString());
}

/** The booking created earlier with this Idempotency-Key at this location, if any. */
export async function findByIdempotencyKey(db: D1Database, locationId: number, key: string): Promise<BookingRow | null> {
  const row = await db
    .prepare(`${selectBooking} WHERE b.location_id = ?1 AND b.idempotency_key = ?2`)
    .bind(locationId, key)
    .first();
  return row ? BookingRow.parse(row) : null;
}

/**
 * Runs a booking batch and turns the constraint failures it is built to provoke into their errors:
 * a full slot (`slot_full`), a day closed meanwhile (`slot_unavailable`), a change that raced another
 * (`booking_changed`), and the two unique keys a
 * retry can resolve, reported as `"duplicate_idempotency_key"` / `"duplicate_code"` for the caller.
 */
export async function runBookingBatch(
  db: D1Database,
  statements: D1PreparedStatement[],
): Promise<D1Result[] | "duplicate_idempotency_key" | "duplicate_code"> {
  try {
    return await db.batch(statements);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/NOT NULL constraint failed: booking_seats\.seat|UNIQUE constraint failed: booking_seats\./.test(message)) {
      throw new AppError("slot_full", "This time has just been taken. Please choose another time.");
    }
    // A closure stored after the schedule was read (migration 0007: no seat on a closed day).
    if (/closed_day/.test(message)) {
      throw new AppError("slot_unavailable", "The office is closed on this day. Please choose another day.");
    }
    // A second change from the same state, or a change whose guard found its state gone (db/proposals.ts
    // guardedEvent writes no sequence then).
    if (/UNIQUE constraint failed: booking_events\.booking_id, booking_events\.sequence|NOT NULL constraint failed: booking_events\.sequence/.test(message)) {
      throw new AppError("booking_changed", "This booking was changed at the same moment. Please look at it again.");
    }
    if (/UNIQUE constraint failed: bookings\.location_id, bookings\.idempotency_key/.test(message)) {
      return "duplicate_idempotency_key";
    }
    if (/UNIQUE constraint failed: bookings\.location_id, bookings\.code/.test(message)) return "duplicate_code";
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------
// Staff: any booking of the office, by id

/** A booking as staff see it: BookingRow and where it came from (selectBooking reads `source` for this). */
export const StaffBookingRow = BookingRow.extend({ source: BookingSource });
export type StaffBookingRow = z.infer<typeof StaffBookingRow>;

/**
 * A booking or request of this location by id (not erased); null for an unknown id and for a booking
 * of another location, so staff of one office cannot tell another office's ids from unknown ones.
 */
export async function findForLocation(db: D1Database, locationId: number, id: string): Promise<StaffBookingRow | null> {
  const row = await db
    .prepare(`${selectBooking} WHERE b.id = ?1 AND b.location_id = ?2 AND b.erased_at IS NULL`)
    .bind(id, locationId)
    .first();
  return row ? StaffBookingRow.parse(row) : null;
}

/** Declines a request at `sequence` (append the event first and the mail to the batch). */
export function declineRequest(db: D1Database, bookingId: string, sequence: number, now: Date): D1PreparedStatement {
  return db
    .prepare("UPDATE bookings SET status = 'declined', invite_sequence = ?2, updated_at = ?3 WHERE id = ?1 AND status = 'requested'")
    .bind(bookingId, sequence, now.toISOString());
}
