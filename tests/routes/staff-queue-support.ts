import { env } from "cloudflare:workers";
import { post } from "../helpers/bookings";
import { staffMember, takeSeats, type Office } from "../helpers/fixtures";

/*
 * Test data for the staff queue routes: waiting tickets written straight into D1 (so each test chooses
 * issue times), and a staff member's client with a held clock.
 */

/** Monday 30 November 2026, 14:00 in Kempten: the office is open (13:00–17:30). */
export const OPEN = new Date("2026-11-30T13:00:00Z");
export const DAY = "2026-11-30";

/** `minutes` after OPEN (negative: before). */
export const after = (minutes: number) => new Date(OPEN.getTime() + minutes * 60_000);

export interface Staff {
  id: number;
  get(path: string, now?: Date): Promise<Response>;
  post(path: string, body?: unknown, now?: Date, headers?: Record<string, string>): Promise<Response>;
}

/** A signed-in staff member of `office`, calling `/api/staff/<slug>/…` with paths relative to it. */
export async function signedIn(office: Office, now = OPEN): Promise<Staff> {
  const member = await staffMember(office, "staff", now);
  const base = `/api/staff/${office.slug}`;
  return {
    id: member.id,
    get: (path, at = now) => office.request(`http://localhost${base}${path}`, { headers: { Cookie: member.cookie } }, at),
    post: (path, body = {}, at = now, headers = {}) => post(office, `${base}${path}`, body, { now: at, headers: { Cookie: member.cookie, ...headers } }),
  };
}

let numbers = 0;

/** A waiting walk-in number of DAY issued at `issuedAt`; returns its id. */
export async function walkIn(office: Office, issuedAt: Date, topic = "fragen"): Promise<string> {
  const id = crypto.randomUUID();
  await env.DB.prepare(
    `INSERT INTO queue_tickets (id, location_id, local_day, prefix, number, kind, topic_id, status, issued_at)
     SELECT ?1, ?2, ?3, 'W', ?4, 'walk_in', t.id, 'waiting', ?5 FROM topics AS t WHERE t.location_id = ?2 AND t.key = ?6`,
  )
    .bind(id, office.id, DAY, ++numbers, issuedAt.toISOString(), topic)
    .run();
  return id;
}

/** A booking starting at `start`, checked in at `checkedInAt` with a waiting 'T' ticket; ids of both. */
export async function checkedIn(office: Office, start: Date, checkedInAt: Date): Promise<{ bookingId: string; ticketId: string }> {
  const bookingId = await takeSeats(office, start.toISOString());
  const ticketId = crypto.randomUUID();
  await env.DB.batch([
    env.DB.prepare("UPDATE bookings SET status = 'checked_in', invite_sequence = 1 WHERE id = ?1").bind(bookingId),
    env.DB.prepare(
      `INSERT INTO booking_events (booking_id, sequence, at, status, actor) VALUES (?1, 1, ?2, 'checked_in', 'device:test')`,
    ).bind(bookingId, checkedInAt.toISOString()),
    env.DB.prepare(
      `INSERT INTO queue_tickets (id, location_id, local_day, prefix, number, kind, booking_id, status, issued_at)
       VALUES (?1, ?2, ?3, 'T', ?4, 'appointment', ?5, 'waiting', ?6)`,
    ).bind(ticketId, office.id, DAY, ++numbers, bookingId, checkedInAt.toISOString()),
  ]);
  return { bookingId, ticketId };
}

/** The office's rooms by name. */
export async function roomsOf(office: Office): Promise<Record<string, number>> {
  const { results } = await env.DB.prepare("SELECT id, name FROM rooms WHERE location_id = ?1").bind(office.id).all<{ id: number; name: string }>();
  return Object.fromEntries(results.map((r) => [r.name, r.id]));
}

export interface TicketState {
  status: string;
  room_id: number | null;
  call_count: number;
  called_at: string | null;
  started_at: string | null;
  ended_at: string | null;
}

export async function ticketRow(id: string): Promise<TicketState> {
  return (await env.DB.prepare("SELECT status, room_id, call_count, called_at, started_at, ended_at FROM queue_tickets WHERE id = ?1")
    .bind(id)
    .first<TicketState>())!;
}

/** The queue_calls rows of a ticket, oldest first. */
export async function callsOf(ticketId: string) {
  const { results } = await env.DB.prepare("SELECT room_id, at, by_staff_id FROM queue_calls WHERE ticket_id = ?1 ORDER BY id")
    .bind(ticketId)
    .all<{ room_id: number; at: string; by_staff_id: number | null }>();
  return results;
}

/** A booking's status and its history, oldest first. */
export async function bookingState(bookingId: string) {
  const booking = await env.DB.prepare("SELECT status, invite_sequence FROM bookings WHERE id = ?1").bind(bookingId).first<{ status: string; invite_sequence: number }>();
  const { results } = await env.DB.prepare("SELECT sequence, status, actor FROM booking_events WHERE booking_id = ?1 ORDER BY sequence")
    .bind(bookingId)
    .all<{ sequence: number; status: string; actor: string }>();
  return { ...booking!, events: results };
}
