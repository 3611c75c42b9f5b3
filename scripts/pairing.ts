/*
 * Pairing codes for kiosks and call displays, made on the Node side (the device CLI, `npm start` and
 * the browser tests' offices). The database keeps only the SHA-256 hash, as the Worker looks it up.
 */
import { createHash } from "node:crypto";

// The same code generator as the Worker's admin panel uses (POST /api/staff/:office/admin/devices).
export { newPairingCode } from "../common/limits.ts";

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A string as an SQL literal (wrangler's --command takes no bound parameters). */
export function sqlText(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * SQL that creates (or, for a known id, renews) a device awaiting pairing with `code` until `expiresAt`.
 * Renewing keeps a device's id and label but unpairs it: the new code pairs it afresh.
 */
export function pairingSql(d: { id: string; locationSlug: string; kind: "kiosk" | "display"; label: string; code: string; expiresAt: Date; now: Date }): string {
  return `INSERT INTO devices (id, location_id, kind, label, pairing_code_hash, pairing_expires_at, created_at)
SELECT ${sqlText(d.id)}, id, ${sqlText(d.kind)}, ${sqlText(d.label)}, ${sqlText(sha256Hex(d.code))}, ${sqlText(d.expiresAt.toISOString())}, ${sqlText(d.now.toISOString())}
FROM locations WHERE slug = ${sqlText(d.locationSlug)}
ON CONFLICT (id) DO UPDATE SET pairing_code_hash = excluded.pairing_code_hash, pairing_expires_at = excluded.pairing_expires_at,
  token_hash = NULL, paired_at = NULL, revoked_at = NULL;`;
}
