import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { BookingsAffectedError, type AffectedBooking } from "../../schemas/staff-settings";
import type { Office } from "../helpers/fixtures";

/*
 * What the tests of closures, changed hours and extra hours (issue 11 items 4–6) share: the list a
 * refused change answers with, the stored state of bookings, and the office's schedule version.
 */

/** The 409 `bookings_affected` of a change, parsed: the appointments it touches. */
export async function affectedList(res: Response): Promise<AffectedBooking[]> {
  expect(res.status).toBe(409);
  return BookingsAffectedError.parse(await res.json()).error.details.bookings;
}

/** Status, sequence and seats of bookings, by id, in the order given. */
export async function bookingStates(ids: readonly string[]) {
  const out: { id: string; status: string; sequence: number; seats: number }[] = [];
  for (const id of ids) {
    const row = await env.DB.prepare(
      "SELECT status, invite_sequence AS sequence, (SELECT count(*) FROM booking_seats WHERE booking_id = b.id) AS seats FROM bookings AS b WHERE id = ?1",
    )
      .bind(id)
      .first<{ status: string; sequence: number; seats: number }>();
    out.push({ id, ...row! });
  }
  return out;
}

/** The office's schedule version (migration 0006; raised by triggers). */
export async function scheduleVersion(office: Office): Promise<number> {
  const row = await env.DB.prepare("SELECT schedule_version AS v FROM locations WHERE id = ?1").bind(office.id).first<{ v: number }>();
  return row!.v;
}

/** A booking's outbox rows with their text, oldest first. */
export async function mailsWithText(bookingId: string) {
  const { results } = await env.DB.prepare(
    "SELECT kind, status, to_address, text_body, ics, ics_method FROM mail_outbox WHERE booking_id = ?1 ORDER BY rowid",
  )
    .bind(bookingId)
    .all<{ kind: string; status: string; to_address: string; text_body: string; ics: string | null; ics_method: string | null }>();
  return results;
}
