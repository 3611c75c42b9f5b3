import { AcceptedRow, AppointmentRow, BoardMailRow, BoardOfficeRow, BoardRoomRow, ProposalRow, RequestRow, type BoardData } from "../../schemas/rows";
import { BOARD_ACCEPTED_DAYS, BOARD_ACCEPTED_MAX, BOARD_CALLS } from "../../schemas/staff-board";
import { acceptedSince, latestRoundsOfOpenRequests } from "./proposals";
import { callRows, recentCallsOf } from "./display";
import { RESENDABLE } from "./outbox";
import { staffTicketRows, staffTicketsOfDay } from "./tickets";

/*
 * What the staff board shows of one local day, read in one batch (one round trip to D1): the office,
 * its rooms, the day's tickets, slot bookings (with the newest mail about each) and last calls, and the
 * open requests; and the week's appointment starts for the week at a glance. Personal data
 * (names, contacts) is read here for signed-in staff only.
 */

/**
 * The mails about the state of the day's bookings (?1 office, ?2 and ?3 the day's UTC window), newest first
 * per booking (two of one millisecond: the later insert first). The bookings by bookings_by_location_start,
 * their mails by mail_outbox_by_booking: reads the day's mails only, whatever the office's history.
 * Exported for the test of its query plan.
 */
export const BOARD_MAILS_SQL = `SELECT m.booking_id, m.id, m.kind, m.status, m.erased_at FROM mail_outbox AS m
  WHERE m.booking_id IN (SELECT b.id FROM bookings AS b
                         WHERE b.location_id = ?1 AND b.kind = 'slot' AND b.starts_at >= ?2 AND b.starts_at < ?3)
    AND m.kind IN ('booking_confirmed', 'booking_rescheduled', 'booking_cancelled')
  ORDER BY m.booking_id, m.created_at DESC, m.rowid DESC`;

/**
 * The board's data of local day `localDay` (`YYYY-MM-DD`), whose instants run from `window.from`
 * (inclusive) to `window.until` (exclusive, UTC; domain/board.ts `boardDay`).
 */
export async function loadBoard(
  db: D1Database,
  locationId: number,
  localDay: string,
  window: { from: Date; until: Date },
  now: Date,
): Promise<BoardData | null> {
  const from = window.from.toISOString();
  const until = window.until.toISOString();
  const [office, rooms, tickets, appointments, requests, calls, proposals, accepted, mails] = await db.batch([
    db.prepare("SELECT slug, name, time_zone, checkin_closes_minutes FROM locations WHERE id = ?1").bind(locationId),
    db.prepare("SELECT id, name FROM rooms WHERE location_id = ?1 AND active = 1 ORDER BY sort_order, id").bind(locationId),
    staffTicketsOfDay(db, locationId, localDay),
    // Uses bookings_by_location_start.
    db
      .prepare(
        `SELECT b.id, b.code, b.status, b.starts_at, b.ends_at, b.source, b.name, b.email, b.phone, b.note,
                t.key AS topic_key, t.label AS topic_label
         FROM bookings AS b JOIN topics AS t ON t.id = b.topic_id
         WHERE b.location_id = ?1 AND b.kind = 'slot' AND b.starts_at >= ?2 AND b.starts_at < ?3
         ORDER BY b.starts_at, b.created_at, b.id`,
      )
      .bind(locationId, from, until),
    // The open requests only, not every booking of the office (migration 0009); the literal `kind` and
    // `status` terms are what let SQLite use the partial index.
    db
      .prepare(
        `SELECT b.id, t.key AS topic_key, t.label AS topic_label, b.name, b.email,
                b.phone, b.preferred_weekdays, b.preferred_times, b.wish, b.created_at
         FROM bookings AS b INDEXED BY bookings_open_requests JOIN topics AS t ON t.id = b.topic_id
         WHERE b.location_id = ?1 AND b.kind = 'request' AND b.status = 'requested' AND b.erased_at IS NULL
         ORDER BY b.created_at, b.id`,
      )
      .bind(locationId),
    recentCallsOf(db, locationId, localDay, window, BOARD_CALLS),
    latestRoundsOfOpenRequests(db, locationId),
    acceptedSince(db, locationId, new Date(now.getTime() - BOARD_ACCEPTED_DAYS * 86_400_000), BOARD_ACCEPTED_MAX),
    db.prepare(BOARD_MAILS_SQL).bind(locationId, from, until),
  ]);
  const [officeRow] = office!.results.map((r) => BoardOfficeRow.parse(r));
  if (!officeRow) return null;
  return {
    day: localDay,
    office: officeRow,
    rooms: rooms!.results.map((r) => BoardRoomRow.parse(r)),
    tickets: staffTicketRows(tickets!),
    appointments: appointments!.results.map((r) => AppointmentRow.parse(r)),
    requests: requests!.results.map((r) => RequestRow.parse(r)),
    calls: callRows(calls!),
    proposals: proposals!.results.map((r) => ProposalRow.parse(r)),
    accepted: accepted!.results.map((r) => AcceptedRow.parse(r)),
    mails: newestPerBooking(mails!.results.map((r) => BoardMailRow.parse(r))),
  };
}

/** The first (newest) mail of each booking, rows ordered by booking; resendable by the outbox's rule. */
function newestPerBooking(rows: Omit<BoardMailRow, "resendable">[]): BoardMailRow[] {
  const newest = new Map<string, BoardMailRow>();
  for (const row of rows) {
    if (newest.has(row.booking_id)) continue;
    const resendable = row.erased_at === null && (RESENDABLE as readonly string[]).includes(row.status);
    newest.set(row.booking_id, { ...row, resendable });
  }
  return [...newest.values()];
}

/** ?1 office, ?2 and ?3 the UTC window; uses bookings_by_location_start. Exported for the test of its query plan. */
export const BOOKED_STARTS_SQL = `SELECT starts_at FROM bookings
  WHERE location_id = ?1 AND starts_at >= ?2 AND starts_at < ?3 AND kind = 'slot' AND status NOT IN ('cancelled', 'declined')`;

/**
 * The start instants (UTC ISO) of the office's appointments from `window.from` (inclusive) to
 * `window.until` (exclusive) that are not cancelled: booked, checked in, done or not come. Reads the
 * window's bookings only (BOOKED_STARTS_SQL).
 */
export async function bookedStarts(db: D1Database, locationId: number, window: { from: Date; until: Date }): Promise<string[]> {
  const { results } = await db
    .prepare(BOOKED_STARTS_SQL)
    .bind(locationId, window.from.toISOString(), window.until.toISOString())
    .all<{ starts_at: string }>();
  return results.map((r) => r.starts_at);
}
