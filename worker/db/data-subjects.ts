import { z } from "zod";
import { BookingSource, BookingStatus } from "../../schemas/bookings";
import { Erased } from "../../schemas/data-subjects";
import { BookingRow, OutboxRow, StoredTexts } from "../../schemas/rows";

/*
 * What requests of data subjects read (Art. 15, 17 DSGVO): the office's rows that are not erased, to
 * find a person; and everything stored about the bookings and mails found. Erasing goes through
 * db/erasure.ts, the one eraser. Every read is bounded by the office (`location_id`), so an admin of one
 * office never sees another office's rows, whatever ids they name.
 */

/** The fields a person is found by, with the rowid to page on and what orders the finds (UTC instants). */
const CandidateRow = z.object({
  rid: z.number().int(),
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  code: z.string(),
  status: BookingStatus,
  starts_at: z.string().nullable(),
  created_at: z.string(),
});
export type CandidateRow = z.infer<typeof CandidateRow>;

/** Rows per page of the scan: small enough for one D1 answer, large enough for few round trips. */
const SCAN_PAGE = 5_000;

/**
 * One page of the scan; ?1 office, ?2 the last rowid read, ?3 the page size. Walks the partial index
 * bookings_not_erased (migration 0005), whose entries are ordered by (location_id, rowid): each page is
 * a range read of the office's rows that are not erased, never an erased row nor a sort. Exported so a
 * test can count its rows read.
 */
export const SCAN_SQL = `SELECT rowid AS rid, id, name, email, phone, code, status, starts_at, created_at FROM bookings INDEXED BY bookings_not_erased
                         WHERE location_id = ?1 AND erased_at IS NULL AND rowid > ?2 ORDER BY rowid LIMIT ?3`;

/**
 * Every booking and request of the office that is not erased, page by page in rowid order, handed to
 * `visit`. For the keys that cannot be compared in SQL (a phone number in any notation, a name with or
 * without accents). Once retention runs, only rows within `retention_days` of their end (and future
 * ones) are left to read.
 */
export async function scanCandidates(db: D1Database, locationId: number, visit: (rows: CandidateRow[]) => void): Promise<void> {
  let after = 0;
  for (;;) {
    const { results } = await db.prepare(SCAN_SQL).bind(locationId, after, SCAN_PAGE).all();
    const rows = results.map((r) => CandidateRow.parse(r));
    visit(rows);
    if (rows.length < SCAN_PAGE) return;
    after = rows[rows.length - 1]!.rid;
  }
}

/** The office's rows (not erased) with exactly this canonical address or check-in code: no scan needed. */
export async function candidatesByEmailOrCode(
  db: D1Database,
  locationId: number,
  email: string | null,
  code: string | null,
): Promise<CandidateRow[]> {
  const { results } = await db
    .prepare(
      `SELECT rowid AS rid, id, name, email, phone, code, status, starts_at, created_at FROM bookings
       WHERE location_id = ?1 AND erased_at IS NULL AND (email = ?2 OR code = ?3)`,
    )
    .bind(locationId, email, code)
    .all();
  return results.map((r) => CandidateRow.parse(r));
}

const BookingDetailRow = z.object({
  id: z.string(),
  kind: z.enum(["slot", "request"]),
  status: BookingStatus,
  source: BookingSource,
  topic_key: z.string(),
  topic_label: StoredTexts,
  starts_at: z.string().nullable(),
  ends_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  locale: z.enum(["de", "en"]),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  wish: z.string().nullable(),
  preferred_weekdays: BookingRow.shape.preferred_weekdays,
  preferred_times: BookingRow.shape.preferred_times,
  code: z.string(),
  invite_sequence: z.number().int(),
  idempotency_key: z.string().nullable(),
  request_hash: z.string().nullable(),
  manage_links: z.number().int(),
});
export type BookingDetailRow = z.infer<typeof BookingDetailRow>;

/** Bookings and requests `ids` of the office, not erased, with every stored column; newest first. */
export async function bookingDetails(db: D1Database, locationId: number, ids: readonly string[]): Promise<BookingDetailRow[]> {
  if (ids.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT b.id, b.kind, b.status, b.source, t.key AS topic_key, t.label AS topic_label,
              b.starts_at, b.ends_at, b.created_at, b.updated_at, b.locale, b.name, b.email, b.phone, b.note, b.wish,
              b.preferred_weekdays, b.preferred_times, b.code, b.invite_sequence, b.idempotency_key, b.request_hash,
              (SELECT count(*) FROM booking_tokens AS k WHERE k.booking_id = b.id) AS manage_links
       FROM bookings AS b JOIN topics AS t ON t.id = b.topic_id
       WHERE b.id IN (SELECT value FROM json_each(?2)) AND b.location_id = ?1 AND b.erased_at IS NULL
       ORDER BY coalesce(b.starts_at, b.created_at) DESC, b.id`,
    )
    .bind(locationId, JSON.stringify(ids))
    .all();
  return results.map((r) => BookingDetailRow.parse(r));
}

const EventRow = z.object({
  booking_id: z.string(),
  sequence: z.number().int(),
  at: z.string(),
  status: z.string(),
  actor: z.string(),
  detail: z.string().nullable(),
});
export type EventRow = z.infer<typeof EventRow>;

/** The status history of bookings `ids` (already checked to be the office's), oldest first. */
export async function eventsOf(db: D1Database, ids: readonly string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT booking_id, sequence, at, status, actor, detail FROM booking_events
       WHERE booking_id IN (SELECT value FROM json_each(?1)) ORDER BY booking_id, sequence`,
    )
    .bind(JSON.stringify(ids))
    .all();
  return results.map((r) => EventRow.parse(r));
}

const TicketRow = z.object({
  id: z.string(),
  booking_id: z.string(),
  local_day: z.string(),
  prefix: z.string(),
  number: z.number().int(),
  status: z.enum(["waiting", "called", "in_progress", "done", "no_show", "cancelled"]),
  issued_at: z.string(),
  called_at: z.string().nullable(),
  started_at: z.string().nullable(),
  ended_at: z.string().nullable(),
  status_links: z.number().int(),
});
export type TicketRow = z.infer<typeof TicketRow>;

/** The queue numbers of bookings `ids` (an appointment's check-in), with how many status links each has. */
export async function ticketsOf(db: D1Database, ids: readonly string[]): Promise<TicketRow[]> {
  if (ids.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT q.id, q.booking_id, q.local_day, q.prefix, q.number, q.status, q.issued_at, q.called_at, q.started_at, q.ended_at,
              (SELECT count(*) FROM ticket_tokens AS k WHERE k.ticket_id = q.id) AS status_links
       FROM queue_tickets AS q WHERE q.booking_id IN (SELECT value FROM json_each(?1)) ORDER BY q.issued_at`,
    )
    .bind(JSON.stringify(ids))
    .all();
  return results.map((r) => TicketRow.parse(r));
}

/** The office's mails not erased: those of bookings `bookingIds` and mails `mailIds`, oldest first, bodies included. */
export async function mailsOf(
  db: D1Database,
  locationId: number,
  bookingIds: readonly string[],
  mailIds: readonly string[],
): Promise<OutboxRow[]> {
  if (bookingIds.length + mailIds.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT id, location_id, booking_id, kind, to_address, subject, text_body, html_body, ics, ics_method, message_id,
              dedupe_key, status, attempts, next_attempt_at, last_error, created_at, sent_at, erased_at
       FROM mail_outbox
       WHERE location_id = ?1 AND erased_at IS NULL
         AND (booking_id IN (SELECT value FROM json_each(?2)) OR id IN (SELECT value FROM json_each(?3)))
       ORDER BY created_at, id`,
    )
    .bind(locationId, JSON.stringify(bookingIds), JSON.stringify(mailIds))
    .all();
  return results.map((r) => OutboxRow.parse(r));
}

const MailHeadRow = z.object({
  id: z.string(),
  booking_id: z.string().nullable(),
  kind: z.string(),
  status: OutboxRow.shape.status,
  to_address: z.string(),
  subject: z.string(),
  created_at: z.string(),
});
export type MailHeadRow = z.infer<typeof MailHeadRow>;

/** The office's mails (not erased) to exactly this canonical address, newest first, at most `limit`. */
export async function mailsToAddress(db: D1Database, locationId: number, address: string, limit: number): Promise<MailHeadRow[]> {
  const { results } = await db
    .prepare(
      `SELECT id, booking_id, kind, status, to_address, subject, created_at FROM mail_outbox
       WHERE location_id = ?1 AND erased_at IS NULL AND to_address = ?2 ORDER BY created_at DESC LIMIT ?3`,
    )
    .bind(locationId, address, limit)
    .all();
  return results.map((r) => MailHeadRow.parse(r));
}

const FeedbackMailRow = MailHeadRow.extend({ text_body: z.string() });
export type FeedbackMailRow = z.infer<typeof FeedbackMailRow>;

/**
 * The office's newest `limit` accessibility feedback mails that are not erased, with their text (the
 * sender's name and contact are only there). Uses mail_outbox_without_booking (migration 0005): reads the
 * mails without a booking only, newest first.
 */
export async function feedbackMails(db: D1Database, locationId: number, limit: number): Promise<FeedbackMailRow[]> {
  const { results } = await db
    .prepare(
      `SELECT id, booking_id, kind, status, to_address, subject, created_at, text_body FROM mail_outbox INDEXED BY mail_outbox_without_booking
       WHERE location_id = ?1 AND booking_id IS NULL AND erased_at IS NULL AND kind = 'accessibility_feedback'
       ORDER BY created_at DESC LIMIT ?2`,
    )
    .bind(locationId, limit)
    .all();
  return results.map((r) => FeedbackMailRow.parse(r));
}

const SelectedRow = z.object({ id: z.string(), status: BookingStatus, ends_at: z.string().nullable(), erased_at: z.string().nullable() });
export type SelectedRow = z.infer<typeof SelectedRow>;

/** Bookings `ids` of the office, erased ones included (erasing again is harmless), with what decides whether they may go. */
export async function selectedBookings(db: D1Database, locationId: number, ids: readonly string[]): Promise<SelectedRow[]> {
  if (ids.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT id, status, ends_at, erased_at FROM bookings
       WHERE id IN (SELECT value FROM json_each(?2)) AND location_id = ?1`,
    )
    .bind(locationId, JSON.stringify(ids))
    .all();
  return results.map((r) => SelectedRow.parse(r));
}

/** Which of mails `ids` are the office's (erased ones included). */
export async function selectedMailIds(db: D1Database, locationId: number, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const { results } = await db
    .prepare("SELECT id FROM mail_outbox WHERE id IN (SELECT value FROM json_each(?2)) AND location_id = ?1")
    .bind(locationId, JSON.stringify(ids))
    .all();
  return results.map((r) => z.object({ id: z.string() }).parse(r).id);
}

/**
 * How many of the selection an erasure at `now` emptied: bookings and mails whose `erased_at` is `now`
 * (db/erasure.ts stamps it), read after the batch so the answer is what the database says; and how many
 * of the bookings' mails are still on their way (emptied once they are sent).
 */
export async function erasedNow(
  db: D1Database,
  locationId: number,
  bookingIds: readonly string[],
  mailIds: readonly string[],
  now: Date,
): Promise<Erased> {
  const row = await db
    .prepare(
      `SELECT (SELECT count(*) FROM bookings WHERE id IN (SELECT value FROM json_each(?2)) AND location_id = ?1 AND erased_at = ?4) AS bookings,
              (SELECT count(*) FROM mail_outbox WHERE location_id = ?1 AND erased_at = ?4
                 AND (booking_id IN (SELECT value FROM json_each(?2)) OR id IN (SELECT value FROM json_each(?3)))) AS mails,
              (SELECT count(*) FROM mail_outbox WHERE location_id = ?1 AND erased_at IS NULL AND status IN ('pending', 'sending')
                 AND booking_id IN (SELECT value FROM json_each(?2))) AS mailsOnTheirWay`,
    )
    .bind(locationId, JSON.stringify(bookingIds), JSON.stringify(mailIds), now.toISOString())
    .first();
  return Erased.parse(row);
}

/** A location's name, zone and retention period for the record's header. */
export async function recordOffice(db: D1Database, locationId: number) {
  const row = await db
    .prepare("SELECT slug, name, time_zone, retention_days FROM locations WHERE id = ?1")
    .bind(locationId)
    .first();
  return z.object({ slug: z.string(), name: z.string(), time_zone: z.string(), retention_days: z.number().int() }).parse(row);
}
