import { z } from "zod";

/*
 * The audit log: who changed what, when. One statement per event, returned unrun, so a caller puts it
 * into the same `batch()` as the change it records: a change is never stored without its audit row,
 * nor the other way round. `detail` is JSON and must hold no personal data: ids instead of names and
 * addresses, and no hashes of addresses either (an unsalted hash of an IP or e-mail address is reversed
 * by hashing candidates, and this log is kept).
 */

export type AuditActorKind = "staff" | "device" | "system" | "public";

export interface AuditEvent {
  /** The office the event belongs to; null for events before an office is known (e.g. a failed sign-in). */
  locationId: number | null;
  actorKind: AuditActorKind;
  /** Staff id, device id …; null for the system or an anonymous caller. */
  actorId: string | number | null;
  /** What happened, dotted lower case: `settings.office.update`, `device.revoke`, `auth.sign_in`. */
  action: string;
  /** What it happened to: `location`, `topic`, `room`, `closure`, `device`, `staff` …; null when nothing in particular. */
  subjectKind: string | null;
  subjectId: string | number | null;
  /** What changed, e.g. `{ "seats_per_slot": { "from": 1, "to": 2 } }`. No personal data, no hash of any. */
  detail?: Record<string, unknown> | null;
  /** When it happened (UTC). */
  at: Date;
}

/** The INSERT of one audit event, to be run in the batch of the change it records. */
export function audit(db: D1Database, e: AuditEvent): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO audit_events (location_id, at, actor_kind, actor_id, action, subject_kind, subject_id, detail)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
    )
    .bind(...values(e));
}

/** The event as the parameters ?1 … ?8 of the INSERTs here, in column order (ids as text, detail as JSON). */
function values(e: AuditEvent): (string | number | null)[] {
  return [
    e.locationId,
    e.at.toISOString(),
    e.actorKind,
    e.actorId === null ? null : String(e.actorId),
    e.action,
    e.subjectKind,
    e.subjectId === null ? null : String(e.subjectId),
    e.detail ? JSON.stringify(e.detail) : null,
  ];
}

export const AuditEventRow = z.object({
  id: z.number().int(),
  at: z.string(),
  actor_kind: z.enum(["staff", "device", "system", "public"]),
  actor_id: z.string().nullable(),
  /** The staff member's display name when the actor is staff (joined; staff see each other's names). */
  actor_name: z.string().nullable(),
  action: z.string(),
  subject_kind: z.string().nullable(),
  subject_id: z.string().nullable(),
  detail: z.string().nullable(),
});
export type AuditEventRow = z.infer<typeof AuditEventRow>;

/**
 * The latest `limit` audit events of a location, newest first (uses audit_events_by_location).
 */
export async function latestAuditEvents(db: D1Database, locationId: number, limit: number): Promise<AuditEventRow[]> {
  const { results } = await db
    .prepare(
      `SELECT a.id, a.at, a.actor_kind, a.actor_id, s.name AS actor_name, a.action, a.subject_kind, a.subject_id, a.detail
       FROM audit_events AS a
       LEFT JOIN staff AS s ON a.actor_kind = 'staff' AND s.id = CAST(a.actor_id AS INTEGER) AND s.location_id = a.location_id
       WHERE a.location_id = ?1
       ORDER BY a.at DESC, a.id DESC
       LIMIT ?2`,
    )
    .bind(locationId, limit)
    .all();
  return results.map((r) => AuditEventRow.parse(r));
}

/**
 * The audit event of the INSERT run right before it in the same batch: its subject id is that new row's
 * id (`last_insert_rowid()`; a batch runs its statements in order on one connection).
 */
export function auditInsert(db: D1Database, e: Omit<AuditEvent, "subjectId">): D1PreparedStatement {
  // ?7 is bound (null) but not used: the subject id is the row id of the INSERT before this one.
  return db
    .prepare(
      `INSERT INTO audit_events (location_id, at, actor_kind, actor_id, action, subject_kind, subject_id, detail)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(last_insert_rowid() AS TEXT), ?8)`,
    )
    .bind(...values({ ...e, subjectId: null }));
}

/**
 * The audit event of the UPDATE run right before it in the same batch, written only if that UPDATE
 * changed a row (`changes()`; a batch runs its statements in order on one connection). For conditional
 * updates that a concurrent request may win: the loser's batch then records nothing.
 */
export function auditIfChanged(db: D1Database, e: AuditEvent): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO audit_events (location_id, at, actor_kind, actor_id, action, subject_kind, subject_id, detail)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE changes() > 0`,
    )
    .bind(...values(e));
}
