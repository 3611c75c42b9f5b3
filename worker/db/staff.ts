import { z } from "zod";

/*
 * Staff accounts and their sessions. A session is a random cookie value (256 bits) of which only the
 * SHA-256 hash is stored; it ends on sign-out, after 2 hours without use, or 10 hours after sign-in.
 */

/** Minutes without a request after which a session ends. */
export const SESSION_IDLE_MINUTES = 120;
/** Hours after sign-in after which a session ends, used or not. */
export const SESSION_ABSOLUTE_HOURS = 10;

export const StaffRole = z.enum(["staff", "admin"]);
export type StaffRole = z.infer<typeof StaffRole>;

const SessionStaff = z.object({
  staff_id: z.number().int(),
  name: z.string(),
  role: StaffRole,
  location_id: z.number().int(),
  location_slug: z.string(),
  last_seen_at: z.string(),
});
export type SessionStaff = z.infer<typeof SessionStaff>;

/** A new session for a staff member, ending at the latest `SESSION_ABSOLUTE_HOURS` after `now`. */
export function createSession(db: D1Database, tokenHash: string, staffId: number, now: Date): D1PreparedStatement {
  const expires = new Date(now.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000);
  return db
    .prepare(
      `INSERT INTO staff_sessions (token_hash, staff_id, created_at, last_seen_at, expires_at)
       VALUES (?1, ?2, ?3, ?3, ?4)`,
    )
    .bind(tokenHash, staffId, now.toISOString(), expires.toISOString());
}

/**
 * The active staff member behind a session hash: the session not ended, used within the idle timeout,
 * before its absolute end, and the account active. Null otherwise.
 */
export async function sessionStaff(db: D1Database, tokenHash: string, now: Date): Promise<SessionStaff | null> {
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000).toISOString();
  const row = await db
    .prepare(
      `SELECT s.id AS staff_id, s.name, s.role, s.location_id, l.slug AS location_slug, x.last_seen_at
       FROM staff_sessions AS x
       JOIN staff AS s ON s.id = x.staff_id AND s.active = 1
       JOIN locations AS l ON l.id = s.location_id
       WHERE x.token_hash = ?1 AND x.ended_at IS NULL AND x.expires_at > ?2 AND x.last_seen_at > ?3`,
    )
    .bind(tokenHash, now.toISOString(), idleSince)
    .first();
  return row ? SessionStaff.parse(row) : null;
}

/** Marks the session as used now (keeps it from the idle timeout). */
export function touchSession(db: D1Database, tokenHash: string, now: Date): D1PreparedStatement {
  return db
    .prepare("UPDATE staff_sessions SET last_seen_at = ?2 WHERE token_hash = ?1 AND ended_at IS NULL")
    .bind(tokenHash, now.toISOString());
}

/** Ends a session at once (sign-out, or replaced by a new sign-in). Harmless when it has ended already. */
export function endSession(db: D1Database, tokenHash: string, now: Date): D1PreparedStatement {
  return db
    .prepare("UPDATE staff_sessions SET ended_at = ?2 WHERE token_hash = ?1 AND ended_at IS NULL")
    .bind(tokenHash, now.toISOString());
}
