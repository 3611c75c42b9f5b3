import { env } from "cloudflare:workers";
import type { AppDeps } from "../../worker/context";
import type { Office } from "./fixtures";

/** Tuesday 24 November 2026, 08:00 in Kempten: the clock most booking tests hold still. */
export const NOW = new Date("2026-11-24T07:00:00Z");

/** A valid booking of Monday 30 November, 13:00 (or what `overrides` says), from a fresh address. */
export function bookingBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    start: "2026-11-30T13:00:00+01:00",
    topic: "fragen",
    name: "Erika Müller",
    email: `erika.${crypto.randomUUID().slice(0, 8)}@example.org`,
    phone: "0831 / 12345",
    note: "Ich bringe meinen Lebenslauf mit.",
    locale: "de",
    consent: true,
    ...overrides,
  };
}

export interface PostOptions {
  now?: Date;
  headers?: Record<string, string>;
  deps?: Partial<AppDeps>;
}

/** POSTs JSON as the booking page does (same origin). */
export function post(office: Office, path: string, body: unknown, options: PostOptions = {}): Promise<Response> {
  return office.request(
    `http://localhost${path}`,
    {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "http://localhost", ...options.headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    },
    options.now ?? NOW,
    options.deps,
  );
}

/** The manage token of a manage URL (it rides in the fragment). */
export function tokenOf(manageUrl: string): string {
  return new URL(manageUrl).hash.slice(1);
}

/** Rows of a table that belong to one office, for "the database agrees" checks. */
export async function countRows(office: Office) {
  const row = await env.DB.prepare(
    `SELECT
       (SELECT count(*) FROM bookings WHERE location_id = ?1) AS bookings,
       (SELECT count(*) FROM bookings WHERE location_id = ?1 AND status = 'confirmed') AS confirmed,
       (SELECT count(*) FROM booking_seats WHERE location_id = ?1) AS seats,
       (SELECT count(*) FROM mail_outbox WHERE location_id = ?1) AS mails,
       (SELECT count(*) FROM booking_tokens k JOIN bookings b ON b.id = k.booking_id WHERE b.location_id = ?1) AS tokens`,
  )
    .bind(office.id)
    .first<{ bookings: number; confirmed: number; seats: number; mails: number; tokens: number }>();
  return row!;
}

/** The outbox rows of a booking, oldest first. */
export async function mailsOf(bookingId: string) {
  const { results } = await env.DB.prepare(
    "SELECT kind, status, to_address, subject, ics, ics_method, dedupe_key, next_attempt_at FROM mail_outbox WHERE booking_id = ?1 ORDER BY rowid",
  )
    .bind(bookingId)
    .all<{ kind: string; status: string; to_address: string; subject: string; ics: string | null; ics_method: string | null; dedupe_key: string | null; next_attempt_at: string }>();
  return results;
}
