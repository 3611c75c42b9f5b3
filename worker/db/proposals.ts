import { z } from "zod";
import { ProposalRow } from "../../schemas/rows";
import { takeSeats, type SeatRequest } from "./bookings";

/*
 * Proposals: times staff propose for a request "nach Vereinbarung" (migration 0008). Writes are prepared
 * statements for one `batch()` (one transaction) with the request's history, its mails and its audit row.
 *
 * Concurrency without read-then-write:
 *   - an open proposal holds its seats as booking_seats rows (takeSeats with the proposal's id), so the
 *     primary key of booking_seats refuses a second holder of a seat, whoever it is;
 *   - every change to a request's proposals appends its history event first (guardedEvent): the UNIQUE
 *     (booking_id, sequence) fails a batch that raced another change from the same state, and the guard
 *     fails one whose proposals are no longer what it needs (answered, withdrawn, past their deadline at
 *     the batch's `now`), before anything else is written;
 *   - the scheduled expiry decides inside its statements which proposals are due, and raises the
 *     request's sequence in the same batch, so an answer racing it loses the one way or the other.
 */

const selectProposal = `SELECT p.id, p.booking_id, p.round, p.starts_at, p.ends_at, p.hold_until, p.status, p.decided_at FROM proposals AS p`;

/** The latest round of proposals of request `bookingId`, by time; empty when it never had one. */
export async function latestRound(db: D1Database, bookingId: string): Promise<ProposalRow[]> {
  const { results } = await db
    .prepare(`${selectProposal} WHERE p.booking_id = ?1 AND p.round = (SELECT max(q.round) FROM proposals AS q WHERE q.booking_id = ?1) ORDER BY p.starts_at`)
    .bind(bookingId)
    .all();
  return results.map((r) => ProposalRow.parse(r));
}

/**
 * For the board's batch: the latest round of every open request of the office (by request, then time).
 * Reads the office's open requests through bookings_open_requests (migration 0009), not every booking of
 * the office, and, through proposals_by_booking, their proposals only.
 */
export function latestRoundsOfOpenRequests(db: D1Database, locationId: number): D1PreparedStatement {
  return db
    .prepare(
      `${selectProposal}
       WHERE p.booking_id IN (SELECT b.id FROM bookings AS b INDEXED BY bookings_open_requests
                              WHERE b.location_id = ?1 AND b.kind = 'request' AND b.status = 'requested' AND b.erased_at IS NULL)
         AND p.round = (SELECT max(q.round) FROM proposals AS q WHERE q.booking_id = p.booking_id)
       ORDER BY p.booking_id, p.starts_at`,
    )
    .bind(locationId);
}

/** For the board's batch: proposals of the office accepted since `since` (UTC), newest first, at most `limit`. */
export function acceptedSince(db: D1Database, locationId: number, since: Date, limit: number): D1PreparedStatement {
  return db
    .prepare(
      `SELECT p.id, p.booking_id, p.starts_at, p.ends_at, p.decided_at, b.status, b.name,
              t.key AS topic_key, t.label AS topic_label
       FROM proposals AS p INDEXED BY proposals_accepted
       JOIN bookings AS b ON b.id = p.booking_id JOIN topics AS t ON t.id = b.topic_id
       WHERE p.location_id = ?1 AND p.status = 'accepted' AND p.decided_at >= ?2 AND b.erased_at IS NULL
       ORDER BY p.decided_at DESC LIMIT ?3`,
    )
    .bind(locationId, since.toISOString(), limit);
}

// ---------------------------------------------------------------------------------------------------
// Writes

export interface NewProposal {
  id: string;
  locationId: number;
  bookingId: string;
  round: number;
  /** UTC ISO instants. */
  startsAt: string;
  endsAt: string;
  holdUntil: string;
  createdBy: number | null;
  /** The units inside the opening hours, which hold a seat (may be none). */
  seats: SeatRequest;
}

/** A proposal and the seats it holds (the batch fails with `slot_full` when one is taken). */
export function insertProposal(db: D1Database, p: NewProposal, now: Date): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO proposals (id, location_id, booking_id, round, starts_at, ends_at, hold_until, status, created_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'open', ?8, ?9)`,
      )
      .bind(p.id, p.locationId, p.bookingId, p.round, p.startsAt, p.endsAt, p.holdUntil, now.toISOString(), p.createdBy),
    ...takeSeats(db, p.locationId, p.bookingId, p.seats, p.id),
  ];
}

/**
 * What a change to a request's proposals needs to find, at the batch's `now`:
 *   `none`     no proposal open (a new round may start; open ones past their deadline do not count)
 *   `any`      some proposal open ("keiner passt" answers the round)
 *   `these`    every one of `ids` open (accept one, withdraw some)
 */
export type ProposalGuard =
  | { open: "none" }
  | { open: "any" }
  | { open: "these"; ids: readonly string[]; onOpenDays?: LocalDays };

/**
 * The local days a proposed time lies on (first and last, `YYYY-MM-DD` in the office's zone): a guard
 * `onOpenDays` also needs no closure of the office on them (accepting a time: the seats it holds move to
 * the booking by UPDATE, which the INSERT trigger of migration 0007 never sees).
 */
export interface LocalDays {
  first: string;
  last: string;
}

/**
 * A closure of request b's office covers the time of a proposal in json `ids`: by the closed days' UTC
 * bounds (migration 0007), or, for a closure stored before them, by its local days `first`…`last`.
 */
const onClosure = (ids: string, first: string, last: string) => `EXISTS (SELECT 1 FROM closures AS c
  JOIN proposals AS q ON q.id IN (SELECT value FROM json_each(${ids}))
  WHERE c.location_id = b.location_id
    AND (CASE WHEN c.starts_at IS NOT NULL THEN c.starts_at < q.ends_at AND c.ends_at > q.starts_at
              ELSE c.first_day <= ${last} AND c.last_day >= ${first} END))`;

/** Whether proposal `proposalId` of request `bookingId` lies on a day its office is closed (for saying why an accept failed). */
export async function proposalOnClosure(db: D1Database, bookingId: string, proposalId: string, days: LocalDays): Promise<boolean> {
  const row = await db
    .prepare(`SELECT ${onClosure("?2", "?3", "?4")} AS closed FROM bookings AS b WHERE b.id = ?1`)
    .bind(bookingId, JSON.stringify([proposalId]), days.first, days.last)
    .first<{ closed: number }>();
  return row?.closed === 1;
}

const OPEN_AT = "p.booking_id = b.id AND p.status = 'open' AND p.hold_until > ?3";

/**
 * The history event of a change to request `bookingId`'s proposals, at `sequence`. Put it first in the
 * batch. Its sequence is written only while the request is an open request (not erased) and `guard`
 * holds (with `onOpenDays`: and the times lie on no closed day); else it is NULL and the NOT NULL
 * constraint fails the whole batch (runBookingBatch: `booking_changed`), as does a second change from the
 * same sequence (UNIQUE). The caller then reads what happened and says so.
 */
export function guardedEvent(
  db: D1Database,
  bookingId: string,
  sequence: number,
  status: "requested" | "confirmed",
  actor: string,
  now: Date,
  detail: Record<string, unknown>,
  guard: ProposalGuard,
): D1PreparedStatement {
  const condition =
    guard.open === "none"
      ? `NOT EXISTS (SELECT 1 FROM proposals AS p WHERE ${OPEN_AT})`
      : guard.open === "any"
        ? `EXISTS (SELECT 1 FROM proposals AS p WHERE ${OPEN_AT})`
        : `(SELECT count(*) FROM proposals AS p WHERE ${OPEN_AT} AND p.id IN (SELECT value FROM json_each(?7))) = json_array_length(?7)` +
          (guard.onOpenDays ? ` AND NOT ${onClosure("?7", "?8", "?9")}` : "");
  const binds = guard.open !== "these" ? [] : [JSON.stringify(guard.ids), ...(guard.onOpenDays ? [guard.onOpenDays.first, guard.onOpenDays.last] : [])];
  return db
    .prepare(
      `INSERT INTO booking_events (booking_id, sequence, at, status, actor, detail)
       VALUES (?1, (SELECT ?2 FROM bookings AS b
                    WHERE b.id = ?1 AND b.kind = 'request' AND b.status = 'requested' AND b.erased_at IS NULL AND ${condition}),
               ?3, ?4, ?5, ?6)`,
    )
    .bind(bookingId, sequence, now.toISOString(), status, actor, JSON.stringify(detail), ...binds);
}

/** The request's sequence raised to `sequence` (every change of its proposals is one, like a booking's). */
export function raiseSequence(db: D1Database, bookingId: string, sequence: number, now: Date): D1PreparedStatement {
  return db.prepare("UPDATE bookings SET invite_sequence = ?2, updated_at = ?3 WHERE id = ?1").bind(bookingId, sequence, now.toISOString());
}

/** Which open proposals a change ends: those of request `request`, or only `ids` of them. */
export interface ProposalScope {
  request: string;
  ids?: readonly string[];
}

/**
 * Ends the open proposals in `scope` as `status` at `now`: their seats freed (through
 * booking_seats_by_proposal), then their state. Proposals that are no longer open are left as they are.
 */
export function endOpenProposals(
  db: D1Database,
  scope: ProposalScope,
  status: "not_chosen" | "declined" | "withdrawn",
  now: Date,
): D1PreparedStatement[] {
  const where = "booking_id = ?1 AND status = 'open' AND (?2 IS NULL OR id IN (SELECT value FROM json_each(?2)))";
  const ids = scope.ids ? JSON.stringify(scope.ids) : null;
  return [
    db.prepare(`DELETE FROM booking_seats WHERE proposal_id IN (SELECT id FROM proposals WHERE ${where})`).bind(scope.request, ids),
    db.prepare(`UPDATE proposals SET status = ?3, decided_at = ?4 WHERE ${where}`).bind(scope.request, ids, status, now.toISOString()),
  ];
}

/**
 * The resident's choice: proposal `proposalId` of request `bookingId` is accepted, its seats become the
 * booking's, the round's other open proposals are not chosen (seats freed), and the request turns into a
 * confirmed slot booking at the proposal's time and `sequence`. After guardedEvent ({open: these, [id]}).
 */
export function acceptProposal(
  db: D1Database,
  booking: { id: string; startsAt: string; endsAt: string },
  proposalId: string,
  sequence: number,
  now: Date,
): D1PreparedStatement[] {
  const at = now.toISOString();
  return [
    db.prepare("UPDATE booking_seats SET proposal_id = NULL WHERE proposal_id = ?1").bind(proposalId),
    db.prepare("UPDATE proposals SET status = 'accepted', decided_at = ?2 WHERE id = ?1 AND status = 'open'").bind(proposalId, at),
    ...endOpenProposals(db, { request: booking.id }, "not_chosen", now),
    db
      .prepare(
        `UPDATE bookings SET kind = 'slot', status = 'confirmed', starts_at = ?2, ends_at = ?3, invite_sequence = ?4, updated_at = ?5
         WHERE id = ?1 AND status = 'requested'`,
      )
      .bind(booking.id, booking.startsAt, booking.endsAt, sequence, at),
  ];
}

// ---------------------------------------------------------------------------------------------------
// The deadline (the scheduled work, services/proposal-expiry.ts)

/** The open proposals past their deadline at ?1, oldest deadline first; exported as text so a test can EXPLAIN it. */
export const DUE_EXPIRY_SQL = `SELECT p.booking_id, p.location_id, l.slug FROM proposals AS p INDEXED BY proposals_open_due
  JOIN locations AS l ON l.id = p.location_id
  WHERE p.status = 'open' AND p.hold_until <= ?1 ORDER BY p.hold_until LIMIT ?2`;

const DueRow = z.object({ booking_id: z.string(), location_id: z.number().int(), slug: z.string() });

/** Requests (with their office) that have open proposals past their deadline at `now`; at most `limit` proposals are read. */
export async function dueExpiries(db: D1Database, now: Date, limit: number): Promise<{ bookingId: string; locationId: number; slug: string }[]> {
  const { results } = await db.prepare(DUE_EXPIRY_SQL).bind(now.toISOString(), limit).all();
  const seen = new Map<string, { bookingId: string; locationId: number; slug: string }>();
  for (const r of results.map((x) => DueRow.parse(x))) seen.set(r.booking_id, { bookingId: r.booking_id, locationId: r.location_id, slug: r.slug });
  return [...seen.values()];
}

/**
 * Ends the rounds of requests `bookingIds` whose deadline has passed at `now`: per such request a history
 * event by the system at the next sequence and an audit row `proposal.expire`, the sequence raised, the
 * seats freed and the proposals marked expired (as of their deadline). Every statement decides by itself
 * which requests still have such proposals, so a request answered meanwhile is left alone, and running it
 * twice changes nothing more.
 */
export function expireProposals(db: D1Database, bookingIds: readonly string[], now: Date): D1PreparedStatement[] {
  const list = JSON.stringify(bookingIds);
  const at = now.toISOString();
  const due = "EXISTS (SELECT 1 FROM proposals AS p WHERE p.booking_id = b.id AND p.status = 'open' AND p.hold_until <= ?2)";
  const ofList = "b.id IN (SELECT value FROM json_each(?1))";
  return [
    db
      .prepare(
        `INSERT INTO booking_events (booking_id, sequence, at, status, actor, detail)
         SELECT b.id, b.invite_sequence + 1, ?2, b.status, 'system', '{"proposals":"expired"}' FROM bookings AS b WHERE ${ofList} AND ${due}`,
      )
      .bind(list, at),
    db
      .prepare(
        `INSERT INTO audit_events (location_id, at, actor_kind, actor_id, action, subject_kind, subject_id, detail)
         SELECT b.location_id, ?2, 'system', NULL, 'proposal.expire', 'booking', b.id,
                json_object('sequence', b.invite_sequence + 1)
         FROM bookings AS b WHERE ${ofList} AND ${due}`,
      )
      .bind(list, at),
    db.prepare(`UPDATE bookings AS b SET invite_sequence = b.invite_sequence + 1, updated_at = ?2 WHERE ${ofList} AND ${due}`).bind(list, at),
    db
      .prepare(
        `DELETE FROM booking_seats WHERE proposal_id IN (SELECT id FROM proposals
           WHERE booking_id IN (SELECT value FROM json_each(?1)) AND status = 'open' AND hold_until <= ?2)`,
      )
      .bind(list, at),
    db
      .prepare(
        `UPDATE proposals SET status = 'expired', decided_at = hold_until
         WHERE booking_id IN (SELECT value FROM json_each(?1)) AND status = 'open' AND hold_until <= ?2`,
      )
      .bind(list, at),
  ];
}

// ---------------------------------------------------------------------------------------------------
// For closing days and changed hours (issue 11 items 4 and 5): the open proposals a change touches

/**
 * The office's proposals still open at `now` (their deadline ahead) whose time starts in [`from`,
 * `until`) (UTC instants; `until` null: no end), by time, with their request's person and sequence;
 * through proposals_open_by_start, which holds open proposals only. A statement for the batch that reads
 * the appointments a change touches (db/closures.ts `touchedBetween`); its rows parse as OpenProposalOnDay.
 */
export function openProposalsStarting(db: D1Database, locationId: number, from: Date, until: Date | null, now: Date): D1PreparedStatement {
  return db
    .prepare(
      `SELECT p.id, p.booking_id, p.starts_at, p.ends_at, p.hold_until, b.name, b.email, b.phone, b.invite_sequence AS request_sequence,
              t.key AS topic_key, t.label AS topic_label
       FROM proposals AS p INDEXED BY proposals_open_by_start
       JOIN bookings AS b ON b.id = p.booking_id JOIN topics AS t ON t.id = b.topic_id
       WHERE p.location_id = ?1 AND p.status = 'open' AND p.starts_at >= ?2 AND (?3 IS NULL OR p.starts_at < ?3) AND p.hold_until > ?4
       ORDER BY p.starts_at, p.id`,
    )
    .bind(locationId, from.toISOString(), until?.toISOString() ?? null, now.toISOString());
}
