/*
 * Staff accounts and one-time sign-in links made on the Node side: `npm run staff`, the development
 * admin of `npm start` and the browser tests' accounts. Like the Worker, the database keeps only the
 * SHA-256 hash of a link's token; the token itself is printed once.
 */
import { randomBytes } from "node:crypto";
import { SIGN_IN_LINK_MINUTES } from "../common/limits.ts";
export { signInUrl } from "../worker/auth/sign-in-url.ts";
import { sha256Hex, sqlText } from "./pairing.ts";

/** A link token: 256 random bits, base64url, as the Worker makes them. */
export function newSignInToken(): string {
  return randomBytes(32).toString("base64url");
}

export interface AccountSql {
  email: string;
  name: string;
  /** The role to give; null keeps an existing account's role (a new account gets 'staff'). */
  role: "staff" | "admin" | null;
  locationSlug: string;
  now: Date;
}

/**
 * SQL that creates the account, or makes an existing one of the same office active again with this
 * name (and role, when one is given). An address that belongs to another office is left alone, and so
 * is the office's last active admin when the role would demote them: the same conditions as the
 * Worker's `upsertStaff` (worker/db/staff.ts), inside the statement. Check the outcome with
 * accountCheckSql.
 */
export function accountSql(a: AccountSql): string {
  const role = a.role === null ? "staff.role" : "excluded.role";
  return `INSERT INTO staff (location_id, email, name, role, active, created_at)
SELECT id, ${sqlText(a.email.trim().toLowerCase())}, ${sqlText(a.name)}, ${sqlText(a.role ?? "staff")}, 1, ${sqlText(a.now.toISOString())}
FROM locations WHERE slug = ${sqlText(a.locationSlug)}
ON CONFLICT (email) DO UPDATE SET name = excluded.name, role = ${role}, active = 1
  WHERE staff.location_id = excluded.location_id
    AND (${role} = 'admin' OR staff.role <> 'admin' OR staff.active = 0
         OR EXISTS (SELECT 1 FROM staff AS o
                    WHERE o.location_id = staff.location_id AND o.role = 'admin' AND o.active = 1 AND o.id <> staff.id));`;
}

/** SQL that stores a sign-in link (its hash) for the account with `email`, valid until `expiresAt`. */
export function signInLinkSql(l: { email: string; token: string; now: Date; expiresAt?: Date }): string {
  const expiresAt = l.expiresAt ?? new Date(l.now.getTime() + SIGN_IN_LINK_MINUTES * 60_000);
  return `INSERT INTO staff_sign_in_links (token_hash, staff_id, created_at, expires_at)
SELECT ${sqlText(sha256Hex(l.token))}, id, ${sqlText(l.now.toISOString())}, ${sqlText(expiresAt.toISOString())}
FROM staff WHERE email = ${sqlText(l.email.trim().toLowerCase())} AND active = 1;`;
}

/** SQL answering the account's office and role, to confirm what accountSql did. */
export function accountCheckSql(email: string): string {
  return `SELECT s.id, s.name, s.role, s.active, l.slug FROM staff AS s JOIN locations AS l ON l.id = s.location_id
WHERE s.email = ${sqlText(email.trim().toLowerCase())};`;
}
