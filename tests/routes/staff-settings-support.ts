import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { ErrorBody } from "../../schemas/common";
import { LocationResponse } from "../../schemas/location";
import { SlotsResponse } from "../../schemas/slots";
import type { LiveChange } from "../../schemas/live";
import type { AppDeps } from "../../worker/context";
import type { LiveNotifier } from "../../worker/live/notifier";
import { staffMember, type Office } from "../helpers/fixtures";

/*
 * An admin's client for /api/staff/<slug>/admin/… with a held clock, and the checks the settings tests
 * share: the audit rows of an office, a snapshot of everything the settings routes write (to prove a
 * refusal changed nothing), and the public answers that must reflect a change.
 */

/** Tuesday 24 November 2026, 08:00 in Kempten. */
export const NOW = new Date("2026-11-24T07:00:00Z");
export const TODAY = "2026-11-24";

export interface Admin {
  id: number;
  /** The Cookie header of this member's session. */
  cookie: string;
  get(path: string, now?: Date): Promise<Response>;
  post(path: string, body?: unknown, now?: Date): Promise<Response>;
  put(path: string, body?: unknown, now?: Date): Promise<Response>;
}

/** A signed-in member of `office` (an admin unless `role` says otherwise); paths are relative to `/api/staff/<slug>`. */
export async function signedInAdmin(
  office: Office,
  role: "admin" | "staff" = "admin",
  now = NOW,
  deps: Partial<AppDeps> = {},
): Promise<Admin> {
  const member = await staffMember(office, role, now);
  const base = `http://localhost/api/staff/${office.slug}`;
  const send = (method: string) => (path: string, body: unknown = {}, at = now) =>
    office.request(
      `${base}${path}`,
      {
        method,
        headers: { "Content-Type": "application/json", Origin: "http://localhost", Cookie: member.cookie },
        body: typeof body === "string" ? body : JSON.stringify(body),
      },
      at,
      deps,
    );
  return {
    id: member.id,
    cookie: member.cookie,
    get: (path, at = now) => office.request(`${base}${path}`, { headers: { Cookie: member.cookie } }, at, deps),
    post: send("POST"),
    put: send("PUT"),
  };
}

export interface AuditRow {
  actor_kind: string;
  actor_id: string | null;
  action: string;
  subject_kind: string | null;
  subject_id: string | null;
  detail: Record<string, unknown> | null;
}

/** The office's audit rows, oldest first, detail parsed. */
export async function auditRows(office: Office): Promise<AuditRow[]> {
  const { results } = await env.DB.prepare(
    "SELECT actor_kind, actor_id, action, subject_kind, subject_id, detail FROM audit_events WHERE location_id = ?1 ORDER BY id",
  )
    .bind(office.id)
    .all<Omit<AuditRow, "detail"> & { detail: string | null }>();
  return results.map((r) => ({ ...r, detail: r.detail === null ? null : (JSON.parse(r.detail) as Record<string, unknown>) }));
}

/**
 * Every row the settings and device routes write for an office (and the bookings, seats and mails a
 * closure or a change of hours may cancel), to compare before and after a refusal.
 */
export async function snapshot(office: Office): Promise<unknown[]> {
  const tables = [
    "SELECT * FROM locations WHERE id = ?1",
    "SELECT * FROM opening_rules WHERE location_id = ?1 ORDER BY id",
    "SELECT * FROM closures WHERE location_id = ?1 ORDER BY id",
    "SELECT * FROM extra_hours WHERE location_id = ?1 ORDER BY id",
    "SELECT * FROM topics WHERE location_id = ?1 ORDER BY id",
    "SELECT * FROM rooms WHERE location_id = ?1 ORDER BY id",
    "SELECT * FROM devices WHERE location_id = ?1 ORDER BY id",
    "SELECT * FROM audit_events WHERE location_id = ?1 ORDER BY id",
    "SELECT id, status, invite_sequence, updated_at FROM bookings WHERE location_id = ?1 ORDER BY id",
    "SELECT * FROM booking_seats WHERE location_id = ?1 ORDER BY unit_start_at, seat",
    "SELECT id, kind, status FROM mail_outbox WHERE location_id = ?1 ORDER BY id",
  ];
  const results = await env.DB.batch(tables.map((sql) => env.DB.prepare(sql).bind(office.id)));
  return results.map((r) => r.results);
}

/** Asserts an error answer: status, code and (when given) the field it names. */
export async function expectError(res: Response, status: number, code: string, field?: string): Promise<void> {
  const body = ErrorBody.parse(await res.json());
  expect({ status: res.status, code: body.error.code, field: body.error.field }).toEqual({ status, code, field });
}

/** The public `/api/location` of the office, parsed. */
export async function publicLocation(office: Office, now = NOW): Promise<LocationResponse> {
  const res = await office.request("http://localhost/api/location", {}, now);
  expect(res.status).toBe(200);
  return LocationResponse.parse(await res.json());
}

/** The public `/api/slots` of the office for local days `from`…`to`, parsed. */
export async function publicSlots(office: Office, from: string, to = from, topic?: string, now = NOW): Promise<SlotsResponse> {
  const res = await office.request(`http://localhost/api/slots?from=${from}&to=${to}${topic ? `&topic=${topic}` : ""}`, {}, now);
  expect(res.status).toBe(200);
  return SlotsResponse.parse(await res.json());
}

/** A live notifier that remembers what it was told. */
export function recordingNotifier(): LiveNotifier & { told: [string, LiveChange[]][] } {
  const told: [string, LiveChange[]][] = [];
  return { told, changed: async (office, changes) => void told.push([office, changes]) };
}
