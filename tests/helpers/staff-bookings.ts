import { env } from "cloudflare:workers";
import { BookingCreated, RequestCreated } from "../../schemas/bookings";
import type { AppDeps } from "../../worker/context";
import { bookingBody, NOW, post } from "./bookings";
import type { Office, StaffMember } from "./fixtures";

/*
 * Calls of the staff board's booking, request, outbox and calendar-feed routes (issue 5), and the data
 * they act on, made through the public routes as a resident would.
 */

export interface StaffCall {
  now?: Date;
  deps?: Partial<AppDeps>;
}

/** A staff route of `office` (`/api/staff/<slug><path>`) as `member`, JSON body if given. */
export function staffCall(
  office: Office,
  member: StaffMember | null,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
  options: StaffCall = {},
): Promise<Response> {
  const headers: Record<string, string> = { Origin: "http://localhost" };
  if (member) headers.Cookie = member.cookie;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return office.request(
    `http://localhost/api/staff/${office.slug}${path}`,
    { method, headers, ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}) },
    options.now ?? NOW,
    options.deps,
  );
}

/** A booking made online (Monday 30 November 13:00 unless `overrides` say otherwise). */
export async function bookedOnline(office: Office, overrides: Record<string, unknown> = {}): Promise<BookingCreated> {
  const res = await post(office, "/api/bookings", bookingBody(overrides));
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${await res.text()}`);
  return BookingCreated.parse(await res.json());
}

/** A request "nach Vereinbarung" made online. */
export async function requestedOnline(office: Office, overrides: Record<string, unknown> = {}): Promise<RequestCreated> {
  const res = await post(office, "/api/requests", {
    topic: "fragen",
    name: "Ayşe Yılmaz",
    email: `ayse.${crypto.randomUUID().slice(0, 8)}@example.org`,
    preferredWeekdays: [4],
    preferredTimes: ["evening"],
    wish: "Nach der Arbeit",
    consent: true,
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`request failed: ${res.status} ${await res.text()}`);
  return RequestCreated.parse(await res.json());
}

/** The booking's stored state (what the routes must have changed, or left alone). */
export async function bookingState(id: string) {
  const row = await env.DB.prepare(
    `SELECT kind, status, starts_at, ends_at, invite_sequence, source, email,
            (SELECT count(*) FROM booking_seats WHERE booking_id = b.id) AS seats,
            (SELECT count(*) FROM booking_tokens WHERE booking_id = b.id) AS tokens
     FROM bookings AS b WHERE id = ?1`,
  )
    .bind(id)
    .first<{
      kind: string;
      status: string;
      starts_at: string | null;
      ends_at: string | null;
      invite_sequence: number;
      source: string;
      email: string | null;
      seats: number;
      tokens: number;
    }>();
  return row!;
}

/** The booking's history: sequence, status and actor, in order. */
export async function eventsOf(id: string) {
  const { results } = await env.DB.prepare("SELECT sequence, status, actor FROM booking_events WHERE booking_id = ?1 ORDER BY sequence")
    .bind(id)
    .all<{ sequence: number; status: string; actor: string }>();
  return results;
}

/** The office's audit rows (oldest first). */
export async function auditOf(office: Office) {
  const { results } = await env.DB.prepare(
    "SELECT actor_kind, actor_id, action, subject_kind, subject_id, detail FROM audit_events WHERE location_id = ?1 ORDER BY id",
  )
    .bind(office.id)
    .all<{ actor_kind: string; actor_id: string; action: string; subject_kind: string; subject_id: string | null; detail: string | null }>();
  return results;
}
