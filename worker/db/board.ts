import { AcceptedRow, AppointmentRow, BoardOfficeRow, BoardRoomRow, ProposalRow, RequestRow, type BoardData } from "../../schemas/rows";
import { BOARD_ACCEPTED_DAYS, BOARD_ACCEPTED_MAX, BOARD_CALLS } from "../../schemas/staff-board";
import { acceptedSince, latestRoundsOfOpenRequests } from "./proposals";
import { callRows, recentCallsOf } from "./display";
import { staffTicketRows, staffTicketsOfDay } from "./tickets";

/*
 * What the staff board shows of one local day, read in one batch (one round trip to D1): the office,
 * its rooms, the day's tickets, slot bookings and last calls, and the open requests. Personal data
 * (names, contacts) is read here for signed-in staff only.
 */

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
  const [office, rooms, tickets, appointments, requests, calls, proposals, accepted] = await db.batch([
    db.prepare("SELECT slug, name, time_zone, checkin_closes_minutes FROM locations WHERE id = ?1").bind(locationId),
    db.prepare("SELECT id, name FROM rooms WHERE location_id = ?1 AND active = 1 ORDER BY sort_order, id").bind(locationId),
    staffTicketsOfDay(db, locationId, localDay),
    // Uses bookings_by_location_start.
    db
      .prepare(
        `SELECT b.id, b.code, b.status, b.starts_at, b.ends_at, b.source, b.name, b.email, b.phone, b.note,
                t.key AS topic_key, t.label_de AS topic_label_de, t.label_en AS topic_label_en
         FROM bookings AS b JOIN topics AS t ON t.id = b.topic_id
         WHERE b.location_id = ?1 AND b.kind = 'slot' AND b.starts_at >= ?2 AND b.starts_at < ?3
         ORDER BY b.starts_at, b.created_at, b.id`,
      )
      .bind(locationId, window.from.toISOString(), window.until.toISOString()),
    // The open requests only, not every booking of the office (migration 0009); the literal `kind` and
    // `status` terms are what let SQLite use the partial index.
    db
      .prepare(
        `SELECT b.id, t.key AS topic_key, t.label_de AS topic_label_de, t.label_en AS topic_label_en, b.name, b.email,
                b.phone, b.preferred_weekdays, b.preferred_times, b.wish, b.created_at
         FROM bookings AS b INDEXED BY bookings_open_requests JOIN topics AS t ON t.id = b.topic_id
         WHERE b.location_id = ?1 AND b.kind = 'request' AND b.status = 'requested' AND b.erased_at IS NULL
         ORDER BY b.created_at, b.id`,
      )
      .bind(locationId),
    recentCallsOf(db, locationId, localDay, window, BOARD_CALLS),
    latestRoundsOfOpenRequests(db, locationId),
    acceptedSince(db, locationId, new Date(now.getTime() - BOARD_ACCEPTED_DAYS * 86_400_000), BOARD_ACCEPTED_MAX),
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
  };
}
