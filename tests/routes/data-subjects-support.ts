import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { DataSubjectMatches } from "../../schemas/data-subjects";
import { PERSONAL_COLUMNS } from "../../worker/db/erasure";
import { bookingBody, post, tokenOf } from "../helpers/bookings";
import type { Office } from "../helpers/fixtures";
import { bookedOnline, requestedOnline } from "../helpers/staff-bookings";
import type { Admin } from "./staff-settings-support";

/*
 * A person with traces everywhere a person can leave them, made as residents make them: a slot booking
 * (with its mails, a check-in number and its status link), a request they withdrew, and a mail to their
 * address that belongs to no booking. And the scans that prove an erasure left nothing of them.
 */

/** Tuesday 1 December 2026, 10:00 in Kempten: the Monday appointment of the person is over. */
export const AFTER = new Date("2026-12-01T09:00:00Z");

export interface Person {
  name: string;
  email: string;
  phone: string;
  bookingId: string;
  code: string;
  manageToken: string;
  requestId: string;
  requestToken: string;
  ticketId: string;
  looseMailId: string;
}

/** A person of `office` with a booking of Monday 30 November 13:00, a withdrawn request and a mail of their own. */
export async function personWithTraces(office: Office, name = "Ayşe Yılmaz"): Promise<Person> {
  const email = `ayse.${crypto.randomUUID().slice(0, 8)}@example.org`;
  const phone = "0831 / 123-45";
  const booked = await bookedOnline(office, { name, email, phone, note: `Bitte rufen Sie ${name} an.` });
  const requested = await requestedOnline(office, { name, email, phone, wish: `${name} kann nur abends` });
  const requestToken = tokenOf(requested.manageUrl);
  const withdrawn = await post(office, `/api/bookings/manage/${requestToken}/cancel`, {});
  expect(withdrawn.status).toBe(200);

  const ticketId = crypto.randomUUID();
  const looseMailId = crypto.randomUUID();
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO queue_tickets (id, location_id, local_day, prefix, number, kind, booking_id, status, issued_at, ended_at)
       VALUES (?1, ?2, '2026-11-30', 'T', 1, 'appointment', ?3, 'done', '2026-11-30T11:55:00.000Z', '2026-11-30T12:30:00.000Z')`,
    ).bind(ticketId, office.id, booked.id),
    env.DB.prepare("INSERT INTO ticket_tokens (token_hash, ticket_id, location_id, created_at) VALUES (?1, ?2, ?3, '2026-11-30T11:55:00.000Z')").bind(
      `hash-${ticketId}`,
      ticketId,
      office.id,
    ),
    env.DB.prepare("UPDATE bookings SET status = 'completed' WHERE id = ?1").bind(booked.id),
    env.DB.prepare(
      `INSERT INTO mail_outbox (id, location_id, booking_id, kind, to_address, subject, text_body, message_id, status, next_attempt_at, created_at)
       VALUES (?1, ?2, NULL, 'staff_sign_in', ?3, 'Ihr Link', ?4, ?5, 'captured', '2026-11-20T10:00:00.000Z', '2026-11-20T10:00:00.000Z')`,
    ).bind(looseMailId, office.id, email, `Hallo ${name}`, `<${looseMailId}@test>`),
  ]);
  return {
    name,
    email,
    phone,
    bookingId: booked.id,
    code: booked.code,
    manageToken: tokenOf(booked.manageUrl),
    requestId: requested.id,
    requestToken,
    ticketId,
    looseMailId,
  };
}

/** Another person of the office, who must never be found for `Person` nor touched by their erasure. */
export async function bystander(office: Office): Promise<string> {
  const res = await post(office, "/api/bookings", bookingBody({ start: "2026-11-30T14:00:00+01:00", name: "Erika Müller", phone: "0831 99999" }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Searches as `admin`, expecting 200 and the answer's schema. */
export async function search(admin: Admin, query: string, now = AFTER): Promise<DataSubjectMatches> {
  const res = await admin.post("/admin/data-subjects/search", { query }, now);
  expect(res.status, await res.clone().text()).toBe(200);
  return DataSubjectMatches.parse(await res.json());
}

/** `?booking=…&mail=…` for the GETs. */
export function selection(bookings: string[], mails: string[] = []): string {
  return new URLSearchParams([...bookings.map((b) => ["booking", b]), ...mails.map((m) => ["mail", m])]).toString();
}

/** What of `needles` is still stored in any personal column, mail or audit row of the office. */
export async function traces(office: Office, needles: string[]): Promise<string[]> {
  const found: string[] = [];
  const tables = [
    ["bookings", PERSONAL_COLUMNS.bookings],
    ["mail_outbox", PERSONAL_COLUMNS.mail_outbox],
    ["audit_events", ["actor_id", "subject_id", "detail"]],
  ] as const;
  for (const [table, columns] of tables) {
    const { results } = await env.DB.prepare(`SELECT ${columns.join(", ")} FROM ${table} WHERE location_id = ?1`).bind(office.id).all();
    for (const row of results) {
      for (const column of columns) {
        const value = String(row[column] ?? "").toLowerCase();
        for (const needle of needles) if (value.includes(needle.toLowerCase())) found.push(`${table}.${column} holds ${needle}`);
      }
    }
  }
  return found;
}
