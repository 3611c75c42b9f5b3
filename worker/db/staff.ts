import { z } from "zod";
import { StaffRole } from "../../schemas/auth";
import { SIGN_IN_LINK_MINUTES } from "../../common/limits";

/*
 * Staff accounts and their sessions. A session is a random cookie value (256 bits) of which only the
 * SHA-256 hash is stored; it ends on sign-out, after 2 hours without use, or 10 hours after sign-in.
 * Sign-in links and WebAuthn challenges are single use: each is taken by one conditional UPDATE/DELETE …
 * RETURNING, so two requests racing with the same secret cannot both succeed. Instants are UTC ISO text.
 */

/** Minutes without a request after which a session ends. */
export const SESSION_IDLE_MINUTES = 120;
/** Hours after sign-in after which a session ends, used or not. */
export const SESSION_ABSOLUTE_HOURS = 10;

export { StaffRole };

const SessionStaff = z.object({
  staff_id: z.number().int(),
  name: z.string(),
  role: StaffRole,
  location_id: z.number().int(),
  location_slug: z.string(),
  office_name: z.string(),
  time_zone: z.string(),
  checkin_closes_minutes: z.number().int(),
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
      `SELECT s.id AS staff_id, s.name, s.role, s.location_id, l.slug AS location_slug, l.name AS office_name,
              l.time_zone, l.checkin_closes_minutes, x.last_seen_at
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

// ---------------------------------------------------------------------------------------------------
// Accounts

const Account = z.object({
  id: z.number().int(),
  location_id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: StaffRole,
  active: z.number().int(),
  created_at: z.string(),
  passkeys: z.number().int(),
});
export type Account = z.infer<typeof Account>;

const accountColumns = `s.id, s.location_id, s.email, s.name, s.role, s.active, s.created_at,
  (SELECT count(*) FROM staff_credentials AS k WHERE k.staff_id = s.id) AS passkeys`;

/** An active account by its e-mail address (case-insensitive), of any office. */
export async function activeStaffByEmail(db: D1Database, email: string): Promise<Account | null> {
  const row = await db.prepare(`SELECT ${accountColumns} FROM staff AS s WHERE s.email = ?1 AND s.active = 1`).bind(email).first();
  return row ? Account.parse(row) : null;
}

/** An account of one office by id, active or not; null for another office's. */
export async function staffOfLocation(db: D1Database, locationId: number, id: number): Promise<Account | null> {
  const row = await db
    .prepare(`SELECT ${accountColumns} FROM staff AS s WHERE s.id = ?1 AND s.location_id = ?2`)
    .bind(id, locationId)
    .first();
  return row ? Account.parse(row) : null;
}

/** The accounts of an office, active first, then by name. */
export async function listStaff(db: D1Database, locationId: number): Promise<Account[]> {
  const { results } = await db
    .prepare(`SELECT ${accountColumns} FROM staff AS s WHERE s.location_id = ?1 ORDER BY s.active DESC, s.name, s.id`)
    .bind(locationId)
    .all();
  return results.map((r) => Account.parse(r));
}

/**
 * Why `upsertStaff` changed nothing: the address belongs to another office's account, the admin tried to
 * change their own role, or the change would leave the office without an active admin.
 */
export type UpsertRefusal = "other_office" | "own_role" | "last_admin";

/**
 * Creates an account, or makes an existing one of the same office active again with the given name and
 * role, as `actorId` (the admin doing it). Returns its id, or why it was refused: the address belongs to
 * another office's account (addresses are unique across the deployment), it is the actor's own account
 * with another role, or it would demote the office's last active admin. The conditions sit inside the
 * one statement, so two admins demoting each other at once cannot leave the office without one.
 */
export async function upsertStaff(
  db: D1Database,
  a: { locationId: number; email: string; name: string; role: StaffRole; actorId: number; now: Date },
): Promise<{ id: number } | { refused: UpsertRefusal }> {
  const row = await db
    .prepare(
      `INSERT INTO staff (location_id, email, name, role, active, created_at) VALUES (?1, ?2, ?3, ?4, 1, ?5)
       ON CONFLICT (email) DO UPDATE SET name = excluded.name, role = excluded.role, active = 1
         WHERE staff.location_id = excluded.location_id
           AND (staff.id <> ?6 OR staff.role = excluded.role)
           AND (excluded.role = 'admin' OR staff.role <> 'admin' OR staff.active = 0
                OR EXISTS (SELECT 1 FROM staff AS o
                           WHERE o.location_id = excluded.location_id AND o.role = 'admin' AND o.active = 1 AND o.id <> staff.id))
       RETURNING id`,
    )
    .bind(a.locationId, a.email, a.name, a.role, a.now.toISOString(), a.actorId)
    .first<{ id: number }>();
  if (row) return { id: row.id };
  // Refused: read afterwards only to say why (the decision was the statement's).
  const existing = await db.prepare("SELECT id, location_id FROM staff WHERE email = ?1").bind(a.email).first<{ id: number; location_id: number }>();
  if (!existing || existing.location_id !== a.locationId) return { refused: "other_office" };
  return { refused: existing.id === a.actorId ? "own_role" : "last_admin" };
}

/**
 * Deactivates an account of one office: it can no longer sign in. Refused (no change) when it is the
 * office's last active admin, decided inside the statement. The other statements of
 * `deactivationCleanup` apply only when this one did.
 */
export function deactivateStaff(db: D1Database, locationId: number, id: number): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE staff SET active = 0
       WHERE id = ?1 AND location_id = ?2
         AND (role <> 'admin' OR EXISTS (SELECT 1 FROM staff AS o
                                         WHERE o.location_id = ?2 AND o.role = 'admin' AND o.active = 1 AND o.id <> ?1))`,
    )
    .bind(id, locationId);
}

/**
 * What a deactivated account leaves behind, removed in the batch of `deactivateStaff`: its sessions end,
 * its unused sign-in links, passkeys and WebAuthn challenges go, its calendar feeds are revoked. Adding
 * the address again later must not bring back an old feed URL (it shows residents' names and codes) or
 * a passkey on a PC the person may no longer control. Each statement applies only while the account is
 * inactive, so a refused deactivation (last admin) removes nothing.
 */
export function deactivationCleanup(db: D1Database, staffId: number, now: Date): D1PreparedStatement[] {
  const inactive = "EXISTS (SELECT 1 FROM staff WHERE id = ?1 AND active = 0)";
  const at = now.toISOString();
  return [
    db.prepare(`UPDATE staff_sessions SET ended_at = ?2 WHERE staff_id = ?1 AND ended_at IS NULL AND ${inactive}`).bind(staffId, at),
    db.prepare(`DELETE FROM staff_sign_in_links WHERE staff_id = ?1 AND used_at IS NULL AND ${inactive}`).bind(staffId),
    db.prepare(`DELETE FROM staff_credentials WHERE staff_id = ?1 AND ${inactive}`).bind(staffId),
    db.prepare(`DELETE FROM webauthn_challenges WHERE staff_id = ?1 AND ${inactive}`).bind(staffId),
    db.prepare(`UPDATE staff_calendar_feeds SET revoked_at = ?2 WHERE staff_id = ?1 AND revoked_at IS NULL AND ${inactive}`).bind(staffId, at),
  ];
}

const MeRow = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  role: StaffRole,
  location_id: z.number().int(),
  slug: z.string(),
  office_name: z.string(),
  time_zone: z.string(),
  checkin_closes_minutes: z.number().int(),
});
export type MeRow = z.infer<typeof MeRow>;

/** An active staff member with their office's slug and name (for `/api/auth/me`). */
export async function staffWithOffice(db: D1Database, staffId: number): Promise<MeRow | null> {
  const row = await db
    .prepare(
      `SELECT s.id, s.name, s.email, s.role, s.location_id, l.slug, l.name AS office_name, l.time_zone,
              l.checkin_closes_minutes
       FROM staff AS s JOIN locations AS l ON l.id = s.location_id
       WHERE s.id = ?1 AND s.active = 1`,
    )
    .bind(staffId)
    .first();
  return row ? MeRow.parse(row) : null;
}

// ---------------------------------------------------------------------------------------------------
// Sign-in links

/** A one-time sign-in link for a staff member, valid `SIGN_IN_LINK_MINUTES` from `now`; only its hash is stored. */
export function createSignInLink(db: D1Database, tokenHash: string, staffId: number, now: Date): D1PreparedStatement {
  const expires = new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000);
  return db
    .prepare("INSERT INTO staff_sign_in_links (token_hash, staff_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)")
    .bind(tokenHash, staffId, now.toISOString(), expires.toISOString());
}

/**
 * Removes a staff member's unused sign-in links; run in the batch that makes a new one, so only the
 * latest mailed link works and older mails in the inbox hold no live secret.
 */
export function dropUnusedLinks(db: D1Database, staffId: number): D1PreparedStatement {
  return db.prepare("DELETE FROM staff_sign_in_links WHERE staff_id = ?1 AND used_at IS NULL").bind(staffId);
}

/**
 * Uses a sign-in link: marks it used if it is unused, unexpired and its account active, in one
 * statement, and returns the staff id; null for an unknown, used or expired link.
 */
export async function redeemSignInLink(db: D1Database, tokenHash: string, now: Date): Promise<number | null> {
  const row = await db
    .prepare(
      `UPDATE staff_sign_in_links SET used_at = ?2
       WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2
         AND staff_id IN (SELECT id FROM staff WHERE active = 1)
       RETURNING staff_id`,
    )
    .bind(tokenHash, now.toISOString())
    .first<{ staff_id: number }>();
  return row?.staff_id ?? null;
}

// ---------------------------------------------------------------------------------------------------
// Passkeys and WebAuthn challenges

/** Minutes a WebAuthn challenge waits for its answer. */
export const CHALLENGE_MINUTES = 5;

/** Stores a challenge (purpose 'register' with the staff member it is for, 'authenticate' with null). */
export function createChallenge(
  db: D1Database,
  c: { id: string; staffId: number | null; challenge: string; purpose: "register" | "authenticate"; now: Date },
): D1PreparedStatement {
  const expires = new Date(c.now.getTime() + CHALLENGE_MINUTES * 60_000);
  return db
    .prepare("INSERT INTO webauthn_challenges (id, staff_id, challenge, purpose, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)")
    .bind(c.id, c.staffId, c.challenge, c.purpose, expires.toISOString());
}

/**
 * Takes a challenge (deletes it, so it answers once) if it exists, has this purpose, is unexpired and, for
 * 'register', belongs to `staffId`. Returns the challenge text, or null.
 */
export async function takeChallenge(
  db: D1Database,
  id: string,
  purpose: "register" | "authenticate",
  staffId: number | null,
  now: Date,
): Promise<string | null> {
  const row = await db
    .prepare(
      `DELETE FROM webauthn_challenges
       WHERE id = ?1 AND purpose = ?2 AND staff_id IS ?3 AND expires_at > ?4
       RETURNING challenge`,
    )
    .bind(id, purpose, staffId, now.toISOString())
    .first<{ challenge: string }>();
  return row?.challenge ?? null;
}

const Credential = z.object({
  id: z.string(),
  staff_id: z.number().int(),
  // D1 gives a BLOB back as an array of bytes.
  public_key: z.union([z.array(z.number().int()), z.instanceof(ArrayBuffer)]).transform((v) => new Uint8Array(v)),
  counter: z.number().int(),
  transports: z.string().nullable(),
  label: z.string(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
});
export type Credential = z.infer<typeof Credential>;

/** A passkey of an active account by its credential id (base64url). */
export async function activeCredential(db: D1Database, id: string): Promise<Credential | null> {
  const row = await db
    .prepare(
      `SELECT k.id, k.staff_id, k.public_key, k.counter, k.transports, k.label, k.created_at, k.last_used_at
       FROM staff_credentials AS k JOIN staff AS s ON s.id = k.staff_id AND s.active = 1
       WHERE k.id = ?1`,
    )
    .bind(id)
    .first();
  return row ? Credential.parse(row) : null;
}

/** A staff member's passkeys, oldest first. */
export async function credentialsOf(db: D1Database, staffId: number): Promise<Credential[]> {
  const { results } = await db
    .prepare(
      `SELECT id, staff_id, public_key, counter, transports, label, created_at, last_used_at
       FROM staff_credentials WHERE staff_id = ?1 ORDER BY created_at, id`,
    )
    .bind(staffId)
    .all();
  return results.map((r) => Credential.parse(r));
}

/** Stores a verified new passkey. Fails (PRIMARY KEY) when the credential id is known already. */
export function insertCredential(
  db: D1Database,
  k: { id: string; staffId: number; publicKey: Uint8Array; counter: number; transports: string[] | undefined; label: string; now: Date },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO staff_credentials (id, staff_id, public_key, counter, transports, label, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
    )
    // A copy in an ArrayBuffer of its own: the key arrives as a view into the whole attestation object.
    .bind(k.id, k.staffId, k.publicKey.slice().buffer, k.counter, k.transports ? JSON.stringify(k.transports) : null, k.label, k.now.toISOString());
}

/** After a verified sign-in: the authenticator's new signature counter and the time of use. */
export function markCredentialUsed(db: D1Database, id: string, counter: number, now: Date): D1PreparedStatement {
  return db
    .prepare("UPDATE staff_credentials SET counter = ?2, last_used_at = ?3 WHERE id = ?1")
    .bind(id, counter, now.toISOString());
}

/** Removes one of a staff member's passkeys; answers whether there was one. */
export async function deleteCredential(db: D1Database, staffId: number, id: string): Promise<boolean> {
  const result = await db.prepare("DELETE FROM staff_credentials WHERE id = ?1 AND staff_id = ?2").bind(id, staffId).run();
  return result.meta.changes === 1;
}
