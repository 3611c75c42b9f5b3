import { env } from "cloudflare:workers";
import { ManagedBooking } from "../../schemas/bookings";
import { ProposalsAnswer } from "../../schemas/staff-bookings";
import { NOW, post } from "./bookings";
import type { Office, StaffMember } from "./fixtures";
import { requestedOnline, staffCall } from "./staff-bookings";

/*
 * Proposals for requests "nach Vereinbarung" (issue 11 item 7): staff propose, the resident answers
 * through the links of the proposal mail, and what the database holds of them.
 */

/** Staff propose `times` for request `requestId` (201 expected; use staffCall directly for refusals). */
export async function proposed(office: Office, member: StaffMember, requestId: string, times: string[], now = NOW, message?: string): Promise<ProposalsAnswer> {
  const res = await staffCall(office, member, "POST", `/requests/${requestId}/propose`, { times, ...(message ? { message } : {}) }, { now });
  if (res.status !== 201) throw new Error(`propose failed: ${res.status} ${await res.text()}`);
  return ProposalsAnswer.parse(await res.json());
}

/** A request made online, and the resident's links from the proposal mail staff sent for `times`. */
export async function requestWithProposals(office: Office, member: StaffMember, times: string[], request: Record<string, unknown> = {}, now = NOW) {
  const req = await requestedOnline(office, request);
  const answer = await proposed(office, member, req.id, times, now);
  const links = linksOf(await proposalMailText(req.id));
  return { request: req, answer, links };
}

/** The text of the request's latest mail of `kind` (the proposal mail unless said otherwise). */
export async function proposalMailText(bookingId: string, kind = "request_proposals"): Promise<string> {
  const row = await env.DB.prepare("SELECT text_body FROM mail_outbox WHERE booking_id = ?1 AND kind = ?2 ORDER BY rowid DESC LIMIT 1")
    .bind(bookingId, kind)
    .first<{ text_body: string }>();
  if (!row) throw new Error(`no ${kind} mail for ${bookingId}`);
  return row.text_body;
}

/** The links of a proposal mail, as the resident clicks them: per time (in the mail's order), and "keiner passt". */
export function linksOf(text: string): { times: { proposal: string; token: string; url: string }[]; none: { token: string; url: string } | null } {
  const links = [...text.matchAll(/http:\/\/localhost\/manage\?proposal=([A-Za-z0-9-]+)#([A-Za-z0-9_-]+)/g)].map((m) => ({
    proposal: m[1]!,
    token: m[2]!,
    url: m[0],
  }));
  const none = links.find((l) => l.proposal === "none");
  return { times: links.filter((l) => l.proposal !== "none"), none: none ? { token: none.token, url: none.url } : null };
}

/** The resident's "Termin bestätigen" for a proposal, as the manage page sends it. */
export function accept(office: Office, token: string, proposalId: string, now = NOW, headers: Record<string, string> = {}): Promise<Response> {
  return post(office, `/api/bookings/manage/${token}/proposals/${proposalId}/accept`, {}, { now, headers });
}

/** The resident's "Keine Zeit passt mir". */
export function declineAll(office: Office, token: string, now = NOW): Promise<Response> {
  return post(office, `/api/bookings/manage/${token}/proposals/decline`, {}, { now });
}

/** The booking as its holder's page loads it. */
export async function managed(office: Office, token: string, now = NOW): Promise<ManagedBooking> {
  const res = await office.request(`http://localhost/api/bookings/manage/${token}`, {}, now);
  if (res.status !== 200) throw new Error(`manage failed: ${res.status} ${await res.text()}`);
  return ManagedBooking.parse(await res.json());
}

/** The request's proposals as stored, by time. */
export async function proposalRows(bookingId: string) {
  const { results } = await env.DB.prepare(
    "SELECT id, round, starts_at, ends_at, hold_until, status, decided_at FROM proposals WHERE booking_id = ?1 ORDER BY round, starts_at",
  )
    .bind(bookingId)
    .all<{ id: string; round: number; starts_at: string; ends_at: string; hold_until: string; status: string; decided_at: string | null }>();
  return results;
}

/** The seats the request holds, per proposal (`booking` for seats that are the booking's own). */
export async function seatsByProposal(bookingId: string): Promise<Record<string, number>> {
  const { results } = await env.DB.prepare(
    "SELECT coalesce(proposal_id, 'booking') AS holder, count(*) AS n FROM booking_seats WHERE booking_id = ?1 GROUP BY 1",
  )
    .bind(bookingId)
    .all<{ holder: string; n: number }>();
  return Object.fromEntries(results.map((r) => [r.holder, r.n]));
}

/** Everything of an office that a refused change must leave as it was. */
export async function snapshot(office: Office) {
  const q = (sql: string) => env.DB.prepare(sql).bind(office.id).all();
  const [proposals, seats, events, mails, audit, bookings] = await Promise.all([
    q("SELECT * FROM proposals WHERE location_id = ?1 ORDER BY id"),
    q("SELECT * FROM booking_seats WHERE location_id = ?1 ORDER BY unit_start_at, seat"),
    q("SELECT e.* FROM booking_events e JOIN bookings b ON b.id = e.booking_id WHERE b.location_id = ?1 ORDER BY e.id"),
    q("SELECT id, kind, status FROM mail_outbox WHERE location_id = ?1 ORDER BY id"),
    q("SELECT id, action FROM audit_events WHERE location_id = ?1 ORDER BY id"),
    q("SELECT id, kind, status, starts_at, ends_at, invite_sequence FROM bookings WHERE location_id = ?1 ORDER BY id"),
  ]);
  return { proposals: proposals.results, seats: seats.results, events: events.results, mails: mails.results, audit: audit.results, bookings: bookings.results };
}
