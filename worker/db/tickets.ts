import { z } from "zod";
import { StaffTicketRow, TicketColumns } from "../../schemas/rows";
import { TicketKind, type TicketSource } from "../../schemas/staff-board";
import { NO_SHOW_AFTER_CALLS } from "../../common/call-rules";
import type { Locale } from "../../common/i18n/languages";
import { localDate } from "../../common/time";
import type { Candidate } from "../domain/call-next";
import { staffedRooms, type MeasuredConversation, type QueueSnapshot, type ServingTicket, type WaitingTicket } from "../domain/estimate";

/*
 * Queue tickets. The number is the day's highest for the prefix plus one, computed in the INSERT itself:
 * D1 runs one statement at a time, so concurrent issues get 1, 2, 3 … without gaps or repeats, and
 * UNIQUE (location_id, local_day, prefix, number) backs it.
 */

export interface NewTicket {
  id: string;
  locationId: number;
  localDay: string;
  prefix: string;
  kind: TicketKind;
  bookingId: string | null;
  topicId: number | null;
  source: TicketSource;
  idempotencyKey: string | null;
  /** The language chosen at the kiosk, for the status page; German where none was chosen (the staff desk). */
  locale?: Locale;
  now: Date;
}

/**
 * Issues the next number. For an appointment ticket the booking must still be confirmed when the
 * statement runs (put it before the check-in UPDATE in the same batch), so one booking gets one ticket.
 * `tokenHash`: the status link's hash; null issues a number without a link (added at the staff desk).
 */
export function issueTicket(db: D1Database, t: NewTicket, tokenHash: string | null): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO queue_tickets (id, location_id, local_day, prefix, number, kind, booking_id, topic_id, status,
                                    issued_at, source, idempotency_key, locale)
         SELECT ?1, ?2, ?3, ?4, COALESCE(MAX(number), 0) + 1, ?5, ?6, ?7, 'waiting', ?8, ?9, ?10, ?11
         FROM queue_tickets WHERE location_id = ?2 AND local_day = ?3 AND prefix = ?4
         HAVING ?6 IS NULL OR EXISTS (SELECT 1 FROM bookings WHERE id = ?6 AND status = 'confirmed')`,
      )
      .bind(t.id, t.locationId, t.localDay, t.prefix, t.kind, t.bookingId, t.topicId, t.now.toISOString(), t.source, t.idempotencyKey, t.locale ?? "de"),
    ...(tokenHash === null ? [] : [addTicketToken(db, t.id, tokenHash, t.now)]),
  ];
}

/** Another status link for a ticket (an idempotent replay answers with a fresh, working link). */
export function addTicketToken(db: D1Database, ticketId: string, tokenHash: string, now: Date): D1PreparedStatement {
  return db
    .prepare("INSERT INTO ticket_tokens (token_hash, ticket_id, location_id, created_at) SELECT ?1, id, location_id, ?3 FROM queue_tickets WHERE id = ?2")
    .bind(tokenHash, ticketId, now.toISOString());
}

const TicketRow = TicketColumns.extend({
  room: z.string().nullable(),
  /** The office's slug: the status page follows this office's live updates. */
  location_slug: z.string(),
  /** Who ended a 'cancelled' number: 'visitor' (left by the status page) or 'staff'; null otherwise. */
  ended_by: z.enum(["visitor", "staff"]).nullable(),
});
export type TicketRow = z.infer<typeof TicketRow>;

const selectTicket = `
  SELECT t.id, t.location_id, t.local_day, t.prefix, t.number, t.kind, t.booking_id, t.status, r.name AS room, t.issued_at, t.locale, t.ended_by,
         (SELECT slug FROM locations WHERE id = t.location_id) AS location_slug
  FROM queue_tickets AS t LEFT JOIN rooms AS r ON r.id = t.room_id`;

export async function ticketById(db: D1Database, id: string): Promise<TicketRow | null> {
  const row = await db.prepare(`${selectTicket} WHERE t.id = ?1`).bind(id).first();
  return row ? TicketRow.parse(row) : null;
}

/** Whether a failed issue hit queue_tickets_idempotency: a racing request with the same key issued first. */
export function isDuplicateTicketKey(error: unknown): boolean {
  return /UNIQUE constraint failed: queue_tickets\.location_id, queue_tickets\.idempotency_key/.test(String(error));
}

/**
 * The ticket issued with this Idempotency-Key at this location: a walk-in number or a check-in's ticket.
 * Both kinds share one key index (queue_tickets_idempotency), so callers check `kind` (and `booking_id`)
 * before replaying it.
 */
export async function ticketByIdempotencyKey(db: D1Database, locationId: number, key: string): Promise<TicketRow | null> {
  const row = await db.prepare(`${selectTicket} WHERE t.location_id = ?1 AND t.idempotency_key = ?2`).bind(locationId, key).first();
  return row ? TicketRow.parse(row) : null;
}

export async function ticketByTokenHash(db: D1Database, tokenHash: string): Promise<TicketRow | null> {
  const row = await db
    .prepare(`${selectTicket} JOIN ticket_tokens AS k ON k.ticket_id = t.id WHERE k.token_hash = ?1`)
    .bind(tokenHash)
    .first();
  return row ? TicketRow.parse(row) : null;
}

const Count = z.object({ n: z.number().int() });

/**
 * The statement counting the waiting tickets of local day `localDay` (walk-ins and checked-in
 * appointments); its count via `countOf`.
 */
export function waitingCountOf(db: D1Database, locationId: number, localDay: string): D1PreparedStatement {
  // Uses queue_tickets_by_day_status.
  return db
    .prepare("SELECT count(*) AS n FROM queue_tickets WHERE location_id = ?1 AND local_day = ?2 AND status = 'waiting'")
    .bind(locationId, localDay);
}

/** The count of a `SELECT count(*) AS n` result. */
export function countOf(result: D1Result): number {
  return Count.parse(result.results[0]).n;
}

/** The day's queue in brief: how many wait (the kiosk's start screen). */
export async function queueToday(db: D1Database, locationId: number, localDay: string) {
  const [waiting] = await db.batch([waitingCountOf(db, locationId, localDay)]);
  return { waiting: countOf(waiting!) };
}

const SnapshotOffice = z.object({ time_zone: z.string() });
const SnapshotTicket = z.object({
  id: z.string(),
  kind: TicketKind,
  status: z.enum(["waiting", "called", "in_progress", "done", "no_show"]),
  room_id: z.number().int().nullable(),
  issued_at: z.string(),
  seq: z.number().int(),
  called_at: z.string().nullable(),
  started_at: z.string().nullable(),
  ended_at: z.string().nullable(),
  appointment_start: z.string().nullable(),
  topic_id: z.number().int().nullable(),
});
const SnapshotBooking = z.object({ id: z.string(), starts_at: z.string(), topic_id: z.number().int() });
const SnapshotTopic = z.object({ id: z.number().int(), duration_minutes: z.number().int() });

/**
 * The waiting walk-ins read for an estimate, first issued first: one behind them is never called before
 * them, so a queue longer than this is estimated from the last one read (domain/estimate.ts
 * `estimateAsked`), and a burst of numbers does not read the whole queue for each.
 */
export const LISTED_WALK_INS = 60;

/** How far back and ahead of now the appointments not yet checked in are read (filtered to the day). */
const EXPECTED_WINDOW = { backMinutes: 60, aheadHours: 12 };

/**
 * The day's queue as the call rule sees it, for the wait estimate (domain/estimate.ts), in one batch:
 * the active rooms; the day's numbers waiting, in a room now (called or in progress) and finished
 * (their conversation lengths; with the not-come, their rooms' last calls, for the rooms staffed now);
 * the appointments of the day not yet checked in; the topics' durations.
 * Topics are named by their id. Waiting walk-ins: the first LISTED_WALK_INS, and how many wait before
 * `ticketId` (0 without one: a screen that lists the whole queue knows the order itself). Reads the
 * day's present only: the numbers by queue_tickets_by_day_status, the appointments by
 * bookings_by_location_start.
 */
export async function queueSnapshot(
  db: D1Database,
  locationId: number,
  localDay: string,
  ticketId: string | null,
  now: Date,
): Promise<{ snapshot: QueueSnapshot; walkInsBefore: number }> {
  const from = new Date(now.getTime() - EXPECTED_WINDOW.backMinutes * 60_000).toISOString();
  const until = new Date(now.getTime() + EXPECTED_WINDOW.aheadHours * 3_600_000).toISOString();
  const columns = `SELECT t.id, t.kind, t.status, t.room_id, t.issued_at, t.rowid AS seq, t.called_at, t.started_at, t.ended_at,
                b.starts_at AS appointment_start, COALESCE(t.topic_id, b.topic_id) AS topic_id
         FROM queue_tickets AS t LEFT JOIN bookings AS b ON b.id = t.booking_id
         WHERE t.location_id = ?1 AND t.local_day = ?2`;
  const [office, rooms, tickets, walkIns, bookings, topics, before] = await db.batch([
    db.prepare("SELECT time_zone FROM locations WHERE id = ?1").bind(locationId),
    db.prepare("SELECT count(*) AS n FROM rooms WHERE location_id = ?1 AND active = 1").bind(locationId),
    db
      .prepare(`${columns} AND t.status IN ('waiting', 'called', 'in_progress', 'done', 'no_show') AND NOT (t.status = 'waiting' AND t.kind = 'walk_in')`)
      .bind(locationId, localDay),
    db.prepare(`${columns} AND t.status = 'waiting' AND t.kind = 'walk_in' ORDER BY t.issued_at, t.rowid LIMIT ?3`).bind(locationId, localDay, LISTED_WALK_INS),
    db
      .prepare(
        `SELECT id, starts_at, topic_id FROM bookings
         WHERE location_id = ?1 AND starts_at >= ?2 AND starts_at < ?3 AND kind = 'slot' AND status = 'confirmed'`,
      )
      .bind(locationId, from, until),
    db.prepare("SELECT id, duration_minutes FROM topics WHERE location_id = ?1").bind(locationId),
    ...(ticketId === null
      ? []
      : [
          db
            .prepare(
              `SELECT count(*) AS n FROM queue_tickets AS t, queue_tickets AS o
               WHERE t.id = ?3 AND o.location_id = ?1 AND o.local_day = ?2 AND o.status = 'waiting' AND o.kind = 'walk_in'
                 AND (o.issued_at < t.issued_at OR (o.issued_at = t.issued_at AND o.rowid < t.rowid))`,
            )
            .bind(locationId, localDay, ticketId),
        ]),
  ]);
  const timeZone = SnapshotOffice.parse(office!.results[0]).time_zone;
  const topicOf = (id: number | null) => (id === null ? null : String(id));
  const waiting: WaitingTicket[] = [];
  const serving: ServingTicket[] = [];
  const measured: MeasuredConversation[] = [];
  const worked: { room: number; at: Date }[] = [];
  for (const t of [...tickets!.results, ...walkIns!.results].map((row) => SnapshotTicket.parse(row))) {
    const topic = topicOf(t.topic_id);
    // Staff often finish without pressing "start": the call then stands in for the start.
    const began = t.started_at ?? t.called_at;
    const inRoom = t.status === "called" || t.status === "in_progress";
    // When each room last worked: a conversation now is now; else its last call or end.
    if (t.room_id !== null && t.called_at) worked.push({ room: t.room_id, at: inRoom ? now : new Date(t.ended_at ?? t.called_at) });
    if (t.status === "waiting") {
      waiting.push({
        id: t.id, kind: t.kind, topic, seq: t.seq, issuedAt: new Date(t.issued_at),
        appointmentStart: t.appointment_start === null ? null : new Date(t.appointment_start),
      });
    } else if (t.status === "done" && began && t.ended_at) {
      measured.push({ topic, minutes: (Date.parse(t.ended_at) - Date.parse(began)) / 60_000 });
    } else if (inRoom && began) {
      serving.push({ topic, since: new Date(began) });
    }
  }
  const snapshot: QueueSnapshot = {
    rooms: staffedRooms(countOf(rooms!), worked, now),
    waiting,
    serving,
    expected: bookings!.results
      .map((row) => SnapshotBooking.parse(row))
      .filter((b) => localDate(new Date(b.starts_at), timeZone) === localDay)
      .map((b) => ({ id: b.id, start: new Date(b.starts_at), topic: topicOf(b.topic_id) })),
    topicMinutes: Object.fromEntries(topics!.results.map((row) => SnapshotTopic.parse(row)).map((t) => [String(t.id), t.duration_minutes])),
    measured,
  };
  return { snapshot, walkInsBefore: before ? countOf(before) : 0 };
}

// ---------------------------------------------------------------------------------------------------
// The staff side: tickets with what the board shows, the call-next candidates, and the queue actions.
// Every action is one batch whose statements all carry the same condition on the ticket's current
// status, so a racing action changes nothing and the caller sees 0 changes on the ticket's UPDATE
// (always the last statement, with RETURNING).

// A walk-in's topic is its own; an appointment ticket's is its booking's.
const selectStaffTicket = `
  SELECT t.id, t.location_id, t.local_day, t.prefix, t.number, t.kind, t.status, t.room_id, r.name AS room_name,
         t.issued_at, t.locale, t.called_at, t.call_count, t.booking_id, b.starts_at AS appointment_start, t.rowid AS seq,
         (SELECT min(q.at) FROM queue_calls AS q WHERE q.ticket_id = t.id) AS first_call_at,
         COALESCE(tp.key, bt.key) AS topic_key,
         COALESCE(tp.label, bt.label) AS topic_label
  FROM queue_tickets AS t
  LEFT JOIN rooms AS r ON r.id = t.room_id
  LEFT JOIN bookings AS b ON b.id = t.booking_id
  LEFT JOIN topics AS tp ON tp.id = t.topic_id
  LEFT JOIN topics AS bt ON bt.id = b.topic_id`;

/** A ticket of this location as staff see it; null when unknown or another location's. */
export async function staffTicket(db: D1Database, locationId: number, id: string): Promise<StaffTicketRow | null> {
  const row = await db.prepare(`${selectStaffTicket} WHERE t.id = ?1 AND t.location_id = ?2`).bind(id, locationId).first();
  return row ? StaffTicketRow.parse(row) : null;
}

/** The statement for every ticket of a local day (`YYYY-MM-DD`), in issue order; rows via `staffTicketRows`. */
export function staffTicketsOfDay(db: D1Database, locationId: number, localDay: string): D1PreparedStatement {
  // Uses queue_tickets_by_day_status.
  return db
    .prepare(`${selectStaffTicket} WHERE t.location_id = ?1 AND t.local_day = ?2 ORDER BY t.issued_at, t.rowid`)
    .bind(locationId, localDay);
}

/** The rows of a `staffTicketsOfDay` result, parsed. */
export function staffTicketRows(result: D1Result): StaffTicketRow[] {
  return result.results.map((row) => StaffTicketRow.parse(row));
}

/** A waiting ticket as the call rule (domain/call-next.ts rankForCall) sees it. */
export function callCandidate(t: StaffTicketRow): Candidate {
  return {
    id: t.id,
    kind: t.kind,
    issuedAt: new Date(t.issued_at),
    appointmentStart: t.appointment_start ? new Date(t.appointment_start) : null,
    seq: t.seq,
  };
}

/** The day's waiting tickets (walk-ins and checked-in appointments): the candidates of call-next. */
export async function waitingTickets(db: D1Database, locationId: number, localDay: string): Promise<StaffTicketRow[]> {
  const { results } = await db
    .prepare(`${selectStaffTicket} WHERE t.location_id = ?1 AND t.local_day = ?2 AND t.status = 'waiting'`)
    .bind(locationId, localDay)
    .all();
  return results.map((row) => StaffTicketRow.parse(row));
}

/** An active room of this location; null otherwise. */
export async function activeRoom(db: D1Database, locationId: number, roomId: number): Promise<{ id: number; name: string } | null> {
  return db
    .prepare("SELECT id, name FROM rooms WHERE id = ?1 AND location_id = ?2 AND active = 1")
    .bind(roomId, locationId)
    .first<{ id: number; name: string }>();
}

export interface TicketAction {
  ticketId: string;
  locationId: number;
  staffId: number;
  now: Date;
}

/**
 * Calls a waiting ticket of `localDay` (today, `YYYY-MM-DD` in the office's zone) into a room: one
 * batch, every statement conditional on
 *   - the ticket still being 'waiting' and of `localDay` (an earlier day's number is not called today),
 *   - no ticket of `localDay` being 'called' in that room: someone called but not yet taken in blocks the
 *     room until staff start, mark no-show or requeue them. The condition sits in each statement, so of
 *     two calls into one room (double click, two tabs) exactly one succeeds. Earlier days do not count:
 *     the board shows only today, and a forgotten number from yesterday must not block the room unseen.
 * So of two staff members claiming the same ticket exactly one gets it; the other's batch changes
 * nothing and its last statement returns no row.
 *
 * The room's conversation still 'in_progress' is finished first ('done', ended_at = now; an
 * appointment's booking → 'completed' with its event, sequence computed in SQL): calling the next
 * person means the conversation in my room is over. A 'called' ticket is never finished this way: that
 * person was not seen. The call is recorded in queue_calls (for the display).
 * Statements: [room state, event, booking, previous's subscription, previous → done, queue_calls, claim …
 * RETURNING id]; the first
 * reads, inside the same transaction, who is 'called' in the room (`roomBusy` reads it).
 */
export function claimTicket(db: D1Database, a: TicketAction & { roomId: number; localDay: string }): D1PreparedStatement[] {
  const at = a.now.toISOString();
  const roomFree = `NOT EXISTS (SELECT 1 FROM queue_tickets
                                WHERE location_id = ?2 AND room_id = ?3 AND local_day = ?6 AND status = 'called')`;
  const stillWaiting = `EXISTS (SELECT 1 FROM queue_tickets WHERE id = ?1 AND location_id = ?2 AND local_day = ?6 AND status = 'waiting')
                        AND ${roomFree}`;
  const inRoom = "location_id = ?2 AND room_id = ?3 AND status = 'in_progress' AND id <> ?1";
  return [
    db
      .prepare(
        `SELECT prefix, number FROM queue_tickets WHERE location_id = ?1 AND room_id = ?2 AND local_day = ?3 AND status = 'called'
         ORDER BY called_at, rowid LIMIT 1`,
      )
      .bind(a.locationId, a.roomId, a.localDay),
    db
      .prepare(
        `INSERT INTO booking_events (booking_id, sequence, at, status, actor)
         SELECT b.id, b.invite_sequence + 1, ?4, 'completed', ?5
         FROM bookings AS b
         WHERE b.status = 'checked_in' AND b.id IN (SELECT booking_id FROM queue_tickets WHERE ${inRoom}) AND ${stillWaiting}`,
      )
      .bind(a.ticketId, a.locationId, a.roomId, at, `staff:${a.staffId}`, a.localDay),
    db
      .prepare(
        `UPDATE bookings SET status = 'completed', invite_sequence = invite_sequence + 1, updated_at = ?4
         WHERE status = 'checked_in' AND id IN (SELECT booking_id FROM queue_tickets WHERE ${inRoom}) AND ${stillWaiting}`,
      )
      .bind(a.ticketId, a.locationId, a.roomId, at, null, a.localDay),
    // The finished number's push subscription goes with it.
    db
      .prepare(`DELETE FROM push_subscriptions WHERE ticket_id IN (SELECT id FROM queue_tickets WHERE ${inRoom}) AND ${stillWaiting}`)
      .bind(a.ticketId, a.locationId, a.roomId, null, null, a.localDay),
    db
      .prepare(`UPDATE queue_tickets SET status = 'done', ended_at = ?4 WHERE ${inRoom} AND ${stillWaiting}`)
      .bind(a.ticketId, a.locationId, a.roomId, at, null, a.localDay),
    db
      .prepare(
        `INSERT INTO queue_calls (location_id, ticket_id, room_id, at, by_staff_id)
         SELECT location_id, id, ?3, ?4, ?5 FROM queue_tickets
         WHERE id = ?1 AND location_id = ?2 AND local_day = ?6 AND status = 'waiting' AND ${roomFree}`,
      )
      .bind(a.ticketId, a.locationId, a.roomId, at, a.staffId, a.localDay),
    db
      .prepare(
        `UPDATE queue_tickets
         SET status = 'called', room_id = ?3, called_at = ?4, call_count = call_count + 1, started_at = NULL, ended_at = NULL
         WHERE id = ?1 AND location_id = ?2 AND local_day = ?6 AND status = 'waiting' AND ${roomFree}
         RETURNING id`,
      )
      .bind(a.ticketId, a.locationId, a.roomId, at, null, a.localDay),
  ];
}

/**
 * The label parts of the ticket that was 'called' in the room when a `claimTicket` batch ran (its first
 * result); null when the room was free, so a failed claim lost its ticket to someone else instead.
 */
export function roomBusy(results: D1Result[]): { prefix: string; number: number } | null {
  return (results[0]?.results[0] as { prefix: string; number: number } | undefined) ?? null;
}

/**
 * Calls a 'called' ticket of `localDay` (today) again (same room): call_count + 1, a new queue_calls
 * row; last statement RETURNING id. An earlier day's number is not announced on today's display.
 */
export function recallTicket(db: D1Database, a: TicketAction & { localDay: string }): D1PreparedStatement[] {
  const at = a.now.toISOString();
  return [
    db
      .prepare(
        `INSERT INTO queue_calls (location_id, ticket_id, room_id, at, by_staff_id)
         SELECT location_id, id, room_id, ?3, ?4 FROM queue_tickets
         WHERE id = ?1 AND location_id = ?2 AND local_day = ?5 AND status = 'called' AND room_id IS NOT NULL`,
      )
      .bind(a.ticketId, a.locationId, at, a.staffId, a.localDay),
    db
      .prepare(
        `UPDATE queue_tickets SET call_count = call_count + 1, called_at = ?3
         WHERE id = ?1 AND location_id = ?2 AND local_day = ?5 AND status = 'called' AND room_id IS NOT NULL
         RETURNING id`,
      )
      .bind(a.ticketId, a.locationId, at, null, a.localDay),
  ];
}

/**
 * The conversation begins: 'called' → 'in_progress', started_at = now; only for a number of `localDay`
 * (today). Finish, no-show and requeue stay open for earlier days' leftovers: they tidy up.
 */
export function startTicket(db: D1Database, a: TicketAction & { localDay: string }): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `UPDATE queue_tickets SET status = 'in_progress', started_at = ?3
         WHERE id = ?1 AND location_id = ?2 AND local_day = ?4 AND status = 'called'
         RETURNING id`,
      )
      .bind(a.ticketId, a.locationId, a.now.toISOString(), a.localDay),
  ];
}

/**
 * Ends a ticket and, for an appointment, its checked-in booking (event first, sequence computed in SQL):
 *   finish:  'called' | 'in_progress' → 'done',   booking → 'completed'
 *   no-show: 'called' with call_count ≥ NO_SHOW_AFTER_CALLS (2) → 'no_show', booking → 'no_show'
 * The number's push subscription goes with it (nothing more will be said to that phone).
 * Statements: [event, booking, subscription, ticket … RETURNING id].
 */
export function endTicket(db: D1Database, a: TicketAction, outcome: "done" | "no_show"): D1PreparedStatement[] {
  const at = a.now.toISOString();
  // Two fixed conditions, chosen here; nothing from input goes into the SQL text. ?6: how often the
  // ticket must have been called (finish: no minimum; ?5 is bound as null where a statement has no actor).
  const status = outcome === "done" ? "status IN ('called', 'in_progress')" : "status = 'called'";
  const allowed = `id = ?1 AND location_id = ?2 AND ${status} AND call_count >= ?6`;
  const minCalls = outcome === "done" ? 0 : NO_SHOW_AFTER_CALLS;
  const bookingStatus = outcome === "done" ? "completed" : "no_show";
  return [
    db
      .prepare(
        `INSERT INTO booking_events (booking_id, sequence, at, status, actor)
         SELECT b.id, b.invite_sequence + 1, ?3, ?4, ?5
         FROM bookings AS b
         WHERE b.status = 'checked_in' AND b.id = (SELECT booking_id FROM queue_tickets WHERE ${allowed})`,
      )
      .bind(a.ticketId, a.locationId, at, bookingStatus, `staff:${a.staffId}`, minCalls),
    db
      .prepare(
        `UPDATE bookings SET status = ?4, invite_sequence = invite_sequence + 1, updated_at = ?3
         WHERE status = 'checked_in' AND id = (SELECT booking_id FROM queue_tickets WHERE ${allowed})`,
      )
      .bind(a.ticketId, a.locationId, at, bookingStatus, null, minCalls),
    db
      .prepare(`DELETE FROM push_subscriptions WHERE ticket_id = ?1 AND EXISTS (SELECT 1 FROM queue_tickets WHERE ${allowed})`)
      .bind(a.ticketId, a.locationId, null, null, null, minCalls),
    db
      .prepare(`UPDATE queue_tickets SET status = ?4, ended_at = ?3 WHERE ${allowed} RETURNING id`)
      .bind(a.ticketId, a.locationId, at, outcome, null, minCalls),
  ];
}

/**
 * Puts a called or started ticket back in the queue: 'waiting', no room, not called now. It keeps its
 * issued_at, so it keeps its place; call_count stays (no-show stays possible after enough calls). Its
 * calls are withdrawn (queue_calls.withdrawn_at, migration 0014): the display drops them at once.
 * Statements: [calls withdrawn, ticket … RETURNING id], both on the same condition.
 */
export function requeueTicket(db: D1Database, a: TicketAction): D1PreparedStatement[] {
  return [
    // Uses queue_calls_by_ticket.
    db
      .prepare(
        `UPDATE queue_calls SET withdrawn_at = ?3
         WHERE ticket_id = ?1 AND withdrawn_at IS NULL
           AND EXISTS (SELECT 1 FROM queue_tickets WHERE id = ?1 AND location_id = ?2 AND status IN ('called', 'in_progress'))`,
      )
      .bind(a.ticketId, a.locationId, a.now.toISOString()),
    db
      .prepare(
        `UPDATE queue_tickets SET status = 'waiting', room_id = NULL, called_at = NULL, started_at = NULL
         WHERE id = ?1 AND location_id = ?2 AND status IN ('called', 'in_progress')
         RETURNING id`,
      )
      .bind(a.ticketId, a.locationId),
  ];
}

/**
 * Marks a booked appointment that never checked in as not come: booking → 'no_show' at `sequence`
 * (its invite_sequence + 1, read by the caller) with its booking_events row first. Both statements carry
 * the whole rule, so nothing is written unless, when the batch runs, the booking is a confirmed slot
 * booking of this location, it began `graceMinutes` or more before `now` (the kiosk's check-in has
 * closed, so the person cannot turn up and check in any more), and it has no queue ticket. A change that
 * raced this one took the sequence first: the event's UNIQUE (booking_id, sequence) fails the batch
 * (`booking_changed` from runBookingBatch). Statements: [event, booking … RETURNING id].
 */
export function markBookingNoShow(
  db: D1Database,
  b: { bookingId: string; locationId: number; sequence: number; graceMinutes: number; staffId: number; now: Date },
): D1PreparedStatement[] {
  const at = b.now.toISOString();
  // starts_at and ?3 are both UTC ISO text; julianday compares them as instants with the grace added.
  const allowed = `id = ?1 AND location_id = ?2 AND kind = 'slot' AND status = 'confirmed' AND starts_at IS NOT NULL
                   AND julianday(starts_at) + ?6 / 1440.0 <= julianday(?3)
                   AND NOT EXISTS (SELECT 1 FROM queue_tickets AS t WHERE t.booking_id = ?1)`;
  return [
    db
      .prepare(
        `INSERT INTO booking_events (booking_id, sequence, at, status, actor)
         SELECT id, ?4, ?3, 'no_show', ?5 FROM bookings WHERE ${allowed}`,
      )
      .bind(b.bookingId, b.locationId, at, b.sequence, `staff:${b.staffId}`, b.graceMinutes),
    db
      .prepare(`UPDATE bookings SET status = 'no_show', invite_sequence = ?4, updated_at = ?3 WHERE ${allowed} RETURNING id`)
      .bind(b.bookingId, b.locationId, at, b.sequence, null, b.graceMinutes),
  ];
}
