import type { Texts } from "../../schemas/common";
import { AdminClosureRow, OpenProposalOnDay } from "../../schemas/rows";
import { compactTexts } from "../../common/texts";
import { selectBooking, StaffBookingRow } from "./bookings";
import { openProposalsStarting } from "./proposals";

/*
 * Closures, and the appointments that a change of days or hours touches. Writes are prepared statements
 * for one `batch()`. Two rules are the database's own (migration 0007): a closure sharing a day with
 * another of its office is refused by its INSERT (`closure_overlap`), and no seat can be taken on a day
 * a stored closure covers (`closed_day`), so a booking that read the schedule before the closure fails.
 */

/** Statuses of an appointment that still holds its time. */
const ACTIVE = "('confirmed', 'checked_in')";

/**
 * A new closure of local days `firstDay`…`lastDay`; `from`/`until` are those days' bounds as UTC
 * instants in the office's zone (domain/settings.ts `daysWindow`), which the seat rule compares with.
 * Run it right before an `auditInsert` so the audit row names its id. Fails the batch with
 * `closure_overlap` when the office has a closure on one of these days.
 */
export function insertClosure(
  db: D1Database,
  c: {
    locationId: number;
    firstDay: string;
    lastDay: string;
    from: Date;
    until: Date;
    reason: Texts;
    staffId: number;
    now: Date;
  },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO closures (location_id, first_day, last_day, starts_at, ends_at, reason, created_by, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
    )
    .bind(c.locationId, c.firstDay, c.lastDay, c.from.toISOString(), c.until.toISOString(), JSON.stringify(compactTexts(c.reason)), c.staffId, c.now.toISOString());
}

/** Whether a batch failed on the closures' overlap rule (the trigger `closures_no_overlap`). */
export function isClosureOverlap(error: unknown): boolean {
  return /closure_overlap/.test(String(error));
}

/** The office's closure sharing a day with `firstDay`…`lastDay` (local days), the earliest; null when none. */
export async function overlappingClosure(db: D1Database, locationId: number, firstDay: string, lastDay: string): Promise<AdminClosureRow | null> {
  const row = await db
    .prepare(
      `SELECT id, first_day, last_day, reason FROM closures
       WHERE location_id = ?1 AND last_day >= ?2 AND first_day <= ?3
       ORDER BY first_day, id LIMIT 1`,
    )
    .bind(locationId, firstDay, lastDay)
    .first();
  return row ? AdminClosureRow.parse(row) : null;
}

/** A closure of this location, or null (also for another office's id). */
export async function closureById(db: D1Database, locationId: number, id: number): Promise<AdminClosureRow | null> {
  const row = await db
    .prepare("SELECT id, first_day, last_day, reason FROM closures WHERE id = ?1 AND location_id = ?2")
    .bind(id, locationId)
    .first();
  return row ? AdminClosureRow.parse(row) : null;
}

/** Deletes a closure of this location. */
export function deleteClosure(db: D1Database, locationId: number, id: number): D1PreparedStatement {
  return db.prepare("DELETE FROM closures WHERE id = ?1 AND location_id = ?2").bind(id, locationId);
}

// ---------------------------------------------------------------------------------------------------
// The appointments and open proposals a change touches

export interface Touched {
  /** Active appointments (confirmed or checked in), earliest first, with what their cancel mail needs. */
  bookings: StaffBookingRow[];
  /** Proposals open at the time of reading (deadline ahead), earliest first, with their request's person and sequence. */
  proposals: OpenProposalOnDay[];
  /** The office's schedule version read with them (raised by every seat taken, held or given back since). */
  scheduleVersion: number;
}

/**
 * The office's active appointments (slot bookings confirmed or checked in) and open proposals (deadline
 * after `now`) starting in [`from`, `until`) (UTC instants; `until` null: no end), and its schedule
 * version, read in one transaction. The one read behind every "these are touched" list: closures,
 * changed hours, removed extra hours. Uses bookings_by_location_start and proposals_open_by_start.
 */
export async function touchedBetween(db: D1Database, locationId: number, from: Date, until: Date | null, now: Date): Promise<Touched> {
  const [bookings, proposals, version] = await db.batch([
    db
      .prepare(
        `${selectBooking}
         WHERE b.location_id = ?1 AND b.kind = 'slot' AND b.status IN ${ACTIVE}
           AND b.starts_at >= ?2 AND (?3 IS NULL OR b.starts_at < ?3)
         ORDER BY b.starts_at, b.id`,
      )
      .bind(locationId, from.toISOString(), until?.toISOString() ?? null),
    openProposalsStarting(db, locationId, from, until, now),
    db.prepare("SELECT schedule_version FROM locations WHERE id = ?1").bind(locationId),
  ]);
  return {
    bookings: bookings!.results.map((r) => StaffBookingRow.parse(r)),
    proposals: proposals!.results.map((r) => OpenProposalOnDay.parse(r)),
    scheduleVersion: (version!.results[0] as { schedule_version: number } | undefined)?.schedule_version ?? 0,
  };
}

/**
 * The guard of a change decided on a list of appointments and proposals: put it FIRST in the change's
 * batch. It fails the whole batch (`batch_guards`, migration 0007) unless, at the batch's `now`,
 *   - every listed appointment is still active at the version (invite_sequence) it was listed with;
 *   - every listed proposal is still open with its deadline ahead, and its request still an open request
 *     at the sequence it was listed with (so nothing was answered, withdrawn or proposed for it since);
 *   - `between` given: the office has no other active appointment and no other open proposal starting
 *     in [from, until), so the list is exactly what those days hold (a closure);
 *   - `scheduleVersion` given: no seat was taken, held or given back since the list was read, so no
 *     appointment was booked, moved or cancelled and no time proposed inside the hours meanwhile (a
 *     change of hours, whose list is a subset that only the Worker can compute).
 */
export function affectedUnchanged(
  db: D1Database,
  g: {
    locationId: number;
    bookings: readonly { id: string; invite_sequence: number }[];
    proposals: readonly { id: string; request_sequence: number }[];
    now: Date;
    between?: { from: Date; until: Date | null };
    scheduleVersion?: number;
  },
): D1PreparedStatement {
  // The listed ids lead (CROSS JOIN keeps SQLite's join order): each is looked up by its key, instead of
  // the planner walking every booking of the office by location_id to match them.
  const listed = JSON.stringify(g.bookings.map((b) => ({ id: b.id, sequence: b.invite_sequence })));
  const proposed = JSON.stringify(g.proposals.map((p) => ({ id: p.id, sequence: p.request_sequence })));
  return db
    .prepare(
      `INSERT INTO batch_guards (guard)
       SELECT 'affected_bookings' WHERE NOT (
         (SELECT count(*) FROM json_each(?2) AS e
            CROSS JOIN bookings AS b ON b.id = json_extract(e.value, '$.id') AND b.invite_sequence = json_extract(e.value, '$.sequence')
          WHERE b.location_id = ?1 AND b.kind = 'slot' AND b.status IN ${ACTIVE}) = json_array_length(?2)
         AND (SELECT count(*) FROM json_each(?6) AS e
                CROSS JOIN proposals AS p ON p.id = json_extract(e.value, '$.id')
                CROSS JOIN bookings AS b ON b.id = p.booking_id AND b.invite_sequence = json_extract(e.value, '$.sequence')
              WHERE p.location_id = ?1 AND p.status = 'open' AND p.hold_until > ?7
                AND b.kind = 'request' AND b.status = 'requested' AND b.erased_at IS NULL) = json_array_length(?6)
         AND (?3 IS NULL OR (SELECT count(*) FROM bookings
                             WHERE location_id = ?1 AND kind = 'slot' AND status IN ${ACTIVE}
                               AND starts_at >= ?3 AND (?4 IS NULL OR starts_at < ?4)) = json_array_length(?2))
         AND (?3 IS NULL OR (SELECT count(*) FROM proposals INDEXED BY proposals_open_by_start
                             WHERE location_id = ?1 AND status = 'open' AND starts_at >= ?3 AND (?4 IS NULL OR starts_at < ?4)
                               AND hold_until > ?7) = json_array_length(?6))
         AND (?5 IS NULL OR (SELECT schedule_version FROM locations WHERE id = ?1) = ?5)
       )`,
    )
    .bind(
      g.locationId,
      listed,
      g.between?.from.toISOString() ?? null,
      g.between?.until?.toISOString() ?? null,
      g.scheduleVersion ?? null,
      proposed,
      g.now.toISOString(),
    );
}

/** Whether a batch failed on its guard (`affectedUnchanged`): the list it was decided on is out of date. */
export function isGuardFailure(error: unknown): boolean {
  return /batch_guard_failed/.test(String(error));
}
