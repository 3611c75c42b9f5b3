/*
 * Staff accounts and one-time sign-in links made on the Node side: `npm run staff`, the development
 * admin of `npm start` and the browser tests' accounts. Like the Worker, the database keeps only the
 * SHA-256 hash of a link's token; the token itself is printed once.
 */
import { randomBytes } from "node:crypto";
import { SIGN_IN_LINK_MINUTES } from "../schemas/limits.ts";
import { sha256Hex, sqlText } from "./pairing.ts";

/** A link token: 256 random bits, base64url, as the Worker makes them. */
export function newSignInToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The link that signs in with `token` on the staff board at `baseUrl` (the token rides in the fragment). */
export function signInUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/staff#link=${token}`;
}

export interface AccountSql {
  email: string;
  name: string;
  role: "staff" | "admin";
  locationSlug: string;
  now: Date;
}

/**
 * SQL that creates the account, or makes an existing one of the same office active again with this
 * name and role. An address that belongs to another office is left alone (check with accountCheckSql).
 */
export function accountSql(a: AccountSql): string {
  return `INSERT INTO staff (location_id, email, name, role, active, created_at)
SELECT id, ${sqlText(a.email.trim().toLowerCase())}, ${sqlText(a.name)}, ${sqlText(a.role)}, 1, ${sqlText(a.now.toISOString())}
FROM locations WHERE slug = ${sqlText(a.locationSlug)}
ON CONFLICT (email) DO UPDATE SET name = excluded.name, role = excluded.role, active = 1
  WHERE staff.location_id = excluded.location_id;`;
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
