import { z } from "zod";

/*
 * Paired kiosks and call displays. A pairing code (valid 15 minutes, used once) turns into a device token;
 * only the SHA-256 hashes of both are stored.
 */

const DeviceRow = z.object({
  id: z.string(),
  location_id: z.number().int(),
  location_slug: z.string(),
  kind: z.enum(["kiosk", "display"]),
  label: z.string(),
  /** When the device last used its token (UTC ISO), written at most every few minutes; null before. */
  last_seen_at: z.string().nullable(),
  /** A display's chime and spoken announcement, 1 on, 0 off (migration 0014; a kiosk ignores them). */
  sound: z.number().int(),
  speech: z.number().int(),
  /** A kiosk prints each new number (migration 0016; 1 on, 0 off; a display ignores it). */
  print_ticket: z.number().int(),
});
export type DeviceRow = z.infer<typeof DeviceRow>;

/** A new device awaiting pairing; its code expires at `expiresAt`. */
export function createPairing(
  db: D1Database,
  d: { id: string; locationId: number; kind: "kiosk" | "display"; label: string; codeHash: string; expiresAt: Date; now: Date },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO devices (id, location_id, kind, label, pairing_code_hash, pairing_expires_at, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
    )
    .bind(d.id, d.locationId, d.kind, d.label, d.codeHash, d.expiresAt.toISOString(), d.now.toISOString());
}

/**
 * Pairs the device whose unexpired, unused code has this hash: sets its token and uses the code up, in
 * one statement, so a code pairs one device once. Null when no such code is waiting.
 */
export async function pairDevice(db: D1Database, codeHash: string, tokenHash: string, now: Date): Promise<DeviceRow | null> {
  const row = await db
    .prepare(
      `UPDATE devices SET token_hash = ?2, paired_at = ?3, last_seen_at = ?3, pairing_code_hash = NULL, pairing_expires_at = NULL
       WHERE pairing_code_hash = ?1 AND pairing_expires_at > ?3 AND revoked_at IS NULL
       RETURNING id, location_id, (SELECT slug FROM locations WHERE id = location_id) AS location_slug, kind, label, last_seen_at,
                 sound, speech, print_ticket`,
    )
    .bind(codeHash, tokenHash, now.toISOString())
    .first();
  return row ? DeviceRow.parse(row) : null;
}

/** The paired, unrevoked device with this token hash. */
export async function deviceByToken(db: D1Database, tokenHash: string): Promise<DeviceRow | null> {
  const row = await db
    .prepare(
      `SELECT d.id, d.location_id, l.slug AS location_slug, d.kind, d.label, d.last_seen_at, d.sound, d.speech,
              d.print_ticket
       FROM devices AS d JOIN locations AS l ON l.id = d.location_id
       WHERE d.token_hash = ?1 AND d.revoked_at IS NULL`,
    )
    .bind(tokenHash)
    .first();
  return row ? DeviceRow.parse(row) : null;
}

/**
 * Records that a device used its token at `now`, unless it did so since `cutoff` already: the condition
 * is in the statement, so racing requests of one device write once. Callers skip it when the row they
 * read is fresh, so most requests write nothing.
 */
export function markDeviceSeen(db: D1Database, id: string, now: Date, cutoff: Date): D1PreparedStatement {
  return db
    .prepare("UPDATE devices SET last_seen_at = ?2 WHERE id = ?1 AND (last_seen_at IS NULL OR last_seen_at < ?3)")
    .bind(id, now.toISOString(), cutoff.toISOString());
}

const DeviceListRow = z.object({
  id: z.string(),
  kind: z.enum(["kiosk", "display"]),
  label: z.string(),
  created_at: z.string(),
  paired_at: z.string().nullable(),
  last_seen_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  pairing_expires_at: z.string().nullable(),
  sound: z.number().int(),
  speech: z.number().int(),
  print_ticket: z.number().int(),
});
export type DeviceListRow = z.infer<typeof DeviceListRow>;

/** The devices of a location, oldest first, revoked ones included (for the admin panel). */
export async function listDevices(db: D1Database, locationId: number): Promise<DeviceListRow[]> {
  const { results } = await db
    .prepare(
      `SELECT id, kind, label, created_at, paired_at, last_seen_at, revoked_at, pairing_expires_at, sound, speech,
              print_ticket
       FROM devices WHERE location_id = ?1 ORDER BY created_at, id`,
    )
    .bind(locationId)
    .all();
  return results.map((r) => DeviceListRow.parse(r));
}

/** A device of this location by id, or null (also for another office's id). */
export async function deviceOfLocation(db: D1Database, locationId: number, id: string): Promise<DeviceListRow | null> {
  const row = await db
    .prepare(
      `SELECT id, kind, label, created_at, paired_at, last_seen_at, revoked_at, pairing_expires_at, sound, speech,
              print_ticket
       FROM devices WHERE id = ?1 AND location_id = ?2`,
    )
    .bind(id, locationId)
    .first();
  return row ? DeviceListRow.parse(row) : null;
}

/**
 * Revokes a device of this location: its token stops working at once (deviceByToken skips revoked
 * devices) and a waiting pairing code is withdrawn. A device already revoked keeps its first date.
 */
export function revokeDevice(db: D1Database, locationId: number, id: string, now: Date): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE devices SET revoked_at = ?3, pairing_code_hash = NULL, pairing_expires_at = NULL
       WHERE id = ?1 AND location_id = ?2 AND revoked_at IS NULL`,
    )
    .bind(id, locationId, now.toISOString());
}

/**
 * Changes a display's settings (only those given): one statement, for an unrevoked display of this
 * location only; RETURNING id, so the caller knows whether it applied. A kiosk has no such settings.
 */
export function setDisplaySettings(
  db: D1Database,
  locationId: number,
  id: string,
  settings: { sound?: boolean | undefined; speech?: boolean | undefined },
): D1PreparedStatement {
  const flag = (on: boolean | undefined) => (on === undefined ? null : on ? 1 : 0);
  return db
    .prepare(
      `UPDATE devices SET sound = COALESCE(?3, sound), speech = COALESCE(?4, speech)
       WHERE id = ?1 AND location_id = ?2 AND kind = 'display' AND revoked_at IS NULL
       RETURNING id`,
    )
    .bind(id, locationId, flag(settings.sound), flag(settings.speech));
}

/**
 * Turns a kiosk's printed ticket on or off: one statement, for an unrevoked kiosk of this location only,
 * and only when it changes (RETURNING id: whether it applied, so a repeat records and announces nothing).
 * A display has no printer.
 */
export function setKioskPrint(db: D1Database, locationId: number, id: string, print: boolean): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE devices SET print_ticket = ?3
       WHERE id = ?1 AND location_id = ?2 AND kind = 'kiosk' AND revoked_at IS NULL AND print_ticket <> ?3
       RETURNING id`,
    )
    .bind(id, locationId, print ? 1 : 0);
}
