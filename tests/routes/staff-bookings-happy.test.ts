import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { ManagedBooking } from "../../schemas/bookings";
import { OutboxItem, OutboxList, OutboxMail, StaffBooking } from "../../schemas/staff-bookings";
import type { OutgoingMail } from "../../worker/mail/types";
import { bookingBody, mailsOf, NOW, post, tokenOf } from "../helpers/bookings";
import { createOffice, staffMember } from "../helpers/fixtures";
import { auditOf, bookedOnline, bookingState, eventsOf, requestedOnline, staffCall } from "../helpers/staff-bookings";
import { readInvite } from "../mail/support/invite";

/*
 * The staff board's booking, request and outbox routes, happy paths (issue 5): what each answers, what
 * the database holds afterwards, and which mails (with which invite METHOD and SEQUENCE) are queued.
 */

const phoneBooking = (overrides: Record<string, unknown> = {}) => ({
  topic: "fragen",
  start: "2026-11-30T14:00:00+01:00",
  name: "Herr Schmid",
  phone: "0831 / 555",
  ...overrides,
});

/** The manage link in a queued mail's text. */
function linkIn(text: string): string {
  const match = /http:\/\/localhost\/manage#[A-Za-z0-9_-]+/.exec(text);
  if (!match) throw new Error("no manage link in the mail");
  return match[0];
}

describe("POST /bookings: a phone booking", () => {
  it("without an address: 201, source staff, seats held, no mail, history by the staff member", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const res = await staffCall(office, member, "POST", "/bookings", phoneBooking({ email: "" }));
    expect(res.status).toBe(201);
    const booking = StaffBooking.parse(await res.json());
    expect(booking).toMatchObject({
      kind: "slot",
      status: "confirmed",
      source: "staff",
      start: "2026-11-30T14:00:00+01:00",
      end: "2026-11-30T14:30:00+01:00",
      name: "Herr Schmid",
      email: null,
      phone: "0831 / 555",
      sequence: 0,
      mailed: false,
    });
    expect(booking.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY3469]{6}$/);
    expect(await bookingState(booking.id)).toMatchObject({ source: "staff", email: null, seats: 6 });
    expect(await mailsOf(booking.id)).toEqual([]);
    expect(await eventsOf(booking.id)).toEqual([{ sequence: 0, status: "confirmed", actor: `staff:${member.id}` }]);
  });

  it("with an address: the confirmation with its invite (REQUEST, SEQUENCE 0) and the reminder", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const res = await staffCall(office, member, "POST", "/bookings", phoneBooking({ email: " Herr.Schmid@Example.org ", locale: "en" }));
    const booking = StaffBooking.parse(await res.json());
    expect(booking).toMatchObject({ email: "herr.schmid@example.org", mailed: true, locale: "en" });
    const mails = await mailsOf(booking.id);
    expect(mails.map((m) => [m.kind, m.status, m.ics_method, m.to_address])).toEqual([
      ["booking_confirmed", "captured", "REQUEST", "herr.schmid@example.org"],
      ["booking_reminder", "captured", null, "herr.schmid@example.org"],
    ]);
    expect(readInvite(mails[0]!.ics!).events[0]).toMatchObject({ uid: `${booking.id}@sprechstunde`, sequence: 0, status: "CONFIRMED" });
    // The link in the mail opens the booking for the resident.
    const managed = await office.request(`/api/bookings/manage/${tokenOf(linkIn((await mailText(booking.id, "booking_confirmed"))!))}`, {}, NOW);
    expect(ManagedBooking.parse(await managed.json()).id).toBe(booking.id);
  });

  it("needs no minimum notice and has no per-address cap, unlike online booking", async () => {
    const office = await createOffice(); // 120 minutes notice, 2 bookings per address online
    const mondayNoon = new Date("2026-11-30T12:50:00Z"); // 13:50 in Kempten
    const member = await staffMember(office, "staff", mondayNoon);
    const online = await post(office, "/api/bookings", bookingBody({ start: "2026-11-30T14:00:00+01:00" }), { now: mondayNoon });
    expect(online.status).toBe(409);
    const email = "stammgast@example.org";
    for (const time of ["14:00", "14:30", "15:00"]) {
      const res = await staffCall(office, member, "POST", "/bookings", phoneBooking({ start: `2026-11-30T${time}:00+01:00`, email }), { now: mondayNoon });
      expect(res.status).toBe(201);
    }
    const { count } = (await env.DB.prepare("SELECT count(*) AS count FROM bookings WHERE location_id = ?1 AND email = ?2").bind(office.id, email).first<{ count: number }>())!;
    expect(count).toBe(3);
  });

  it("may book a topic that is not bookable online", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const res = await staffCall(office, member, "POST", "/bookings", phoneBooking({ topic: "intern" }));
    expect(res.status).toBe(201);
    expect(StaffBooking.parse(await res.json()).topic.key).toBe("intern");
  });
});

describe("POST /bookings/:id/cancel and /move", () => {
  it("cancel: frees the seats, withdraws the reminder, sends METHOD:CANCEL with SEQUENCE 1 and the message; audited", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const created = await bookedOnline(office);
    const res = await staffCall(office, member, "POST", `/bookings/${created.id}/cancel`, { message: "Frau Kull ist leider krank." });
    expect(res.status).toBe(200);
    expect(StaffBooking.parse(await res.json())).toMatchObject({ status: "cancelled", sequence: 1, mailed: true });
    expect(await bookingState(created.id)).toMatchObject({ status: "cancelled", invite_sequence: 1, seats: 0 });

    const mails = await mailsOf(created.id);
    expect(mails.map((m) => [m.kind, m.status, m.ics_method])).toEqual([
      ["booking_confirmed", "captured", "REQUEST"],
      ["booking_reminder", "cancelled", null],
      ["booking_cancelled", "captured", "CANCEL"],
    ]);
    expect(readInvite(mails[2]!.ics!)).toMatchObject({ method: "CANCEL", events: [{ uid: `${created.id}@sprechstunde`, sequence: 1, status: "CANCELLED" }] });
    expect(await mailText(created.id, "booking_cancelled")).toContain("Nachricht vom Büro:\n  Frau Kull ist leider krank.");
    expect(await eventsOf(created.id)).toEqual([
      { sequence: 0, status: "confirmed", actor: "resident" },
      { sequence: 1, status: "cancelled", actor: `staff:${member.id}` },
    ]);
    expect(await auditOf(office)).toEqual([
      { actor_kind: "staff", actor_id: String(member.id), action: "booking.cancel", subject_kind: "booking", subject_id: created.id, detail: '{"sequence":1,"message":true,"by":"office"}' },
    ]);

    // A second cancel answers the cancelled booking and changes nothing.
    const again = await staffCall(office, member, "POST", `/bookings/${created.id}/cancel`);
    expect(again.status).toBe(200);
    expect(StaffBooking.parse(await again.json())).toMatchObject({ status: "cancelled", sequence: 1, mailed: false });
    expect(await mailsOf(created.id)).toHaveLength(3);
  });

  it("cancel on the person's word: the event says so (by: resident), the actor stays the staff member; the mail says only that it is cancelled", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const created = await bookedOnline(office);
    const res = await staffCall(office, member, "POST", `/bookings/${created.id}/cancel`, { by: "resident" });
    expect(res.status).toBe(200);
    const { results } = await env.DB.prepare("SELECT sequence, actor, detail FROM booking_events WHERE booking_id = ?1 ORDER BY sequence")
      .bind(created.id)
      .all();
    expect(results).toEqual([
      { sequence: 0, actor: "resident", detail: null },
      { sequence: 1, actor: `staff:${member.id}`, detail: '{"by":"resident"}' },
    ]);
    expect((await auditOf(office)).map((a) => a.detail)).toEqual(['{"sequence":1,"message":false,"by":"resident"}']);
    // Words that fit whoever called it off: neither "you cancelled" nor "the office cancelled".
    const text = await mailText(created.id, "booking_cancelled");
    expect(text).toContain("Ihr Termin ist abgesagt.");
    expect(text).not.toMatch(/Büro (hat|sagt)|Sie haben .*abgesagt/);
  });

  it("move: new seats, the update invite (REQUEST, SEQUENCE 1) with a working link, a new reminder", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const created = await bookedOnline(office);
    const res = await staffCall(office, member, "POST", `/bookings/${created.id}/move`, { start: "2026-12-02T10:00:00+01:00" });
    expect(res.status).toBe(200);
    expect(StaffBooking.parse(await res.json())).toMatchObject({ start: "2026-12-02T10:00:00+01:00", end: "2026-12-02T10:30:00+01:00", sequence: 1, mailed: true });
    const seats = await env.DB.prepare("SELECT min(unit_start_at) AS first, count(*) AS n FROM booking_seats WHERE booking_id = ?1").bind(created.id).first();
    expect(seats).toEqual({ first: "2026-12-02T09:00:00.000Z", n: 6 });

    const mails = await mailsOf(created.id);
    expect(mails.map((m) => [m.kind, m.status, m.ics_method])).toEqual([
      ["booking_confirmed", "captured", "REQUEST"],
      ["booking_reminder", "cancelled", null],
      ["booking_rescheduled", "captured", "REQUEST"],
      ["booking_reminder", "captured", null],
    ]);
    const event = readInvite(mails[2]!.ics!).events[0]!;
    expect(event).toMatchObject({ uid: `${created.id}@sprechstunde`, sequence: 1, start: { instant: "2026-12-02T09:00:00.000Z", form: "utc" } });
    expect(mails[3]!.next_attempt_at).toBe("2026-12-01T16:00:00.000Z");
    // Both the resident's first link and the one in the update mail open the moved booking.
    for (const url of [created.manageUrl, linkIn((await mailText(created.id, "booking_rescheduled"))!)]) {
      const managed = ManagedBooking.parse(await (await office.request(`/api/bookings/manage/${tokenOf(url)}`, {}, NOW)).json());
      expect(managed.start).toBe("2026-12-02T10:00:00+01:00");
    }
    expect((await auditOf(office)).map((a) => [a.action, a.subject_id])).toEqual([["booking.move", created.id]]);
  });
});

// Proposing times for a request, and the resident's answer: tests/routes/proposals-*.test.ts.
describe("requests: decline", () => {
  it("decline: status declined, a plain mail with the message, audited", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const request = await requestedOnline(office);
    const res = await staffCall(office, member, "POST", `/requests/${request.id}/decline`, { message: "Abends sind wir nie da. Rufen Sie uns an." });
    expect(res.status).toBe(200);
    expect(StaffBooking.parse(await res.json())).toMatchObject({ kind: "request", status: "declined", sequence: 1, mailed: true });
    expect(await bookingState(request.id)).toMatchObject({ status: "declined", seats: 0 });
    const mails = await mailsOf(request.id);
    expect(mails.map((m) => [m.kind, m.status, m.ics_method, m.ics])).toEqual([
      ["request_received", "captured", null, null],
      ["request_declined", "captured", null, null],
    ]);
    expect(await mailText(request.id, "request_declined")).toContain("Nachricht vom Büro:\n  Abends sind wir nie da. Rufen Sie uns an.");
    expect(await eventsOf(request.id)).toEqual([
      { sequence: 0, status: "requested", actor: "resident" },
      { sequence: 1, status: "declined", actor: `staff:${member.id}` },
    ]);
    expect((await auditOf(office)).map((a) => a.action)).toEqual(["request.decline"]);
  });
});

describe("the outbox", () => {
  it("lists every mail newest first, filters by status, limits, and shows one with its text", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const first = await bookedOnline(office);
    await bookedOnline(office, { start: "2026-11-30T14:00:00+01:00" });
    await env.DB.prepare("UPDATE mail_outbox SET status = 'failed', last_error = 'mailbox unavailable' WHERE booking_id = ?1 AND kind = 'booking_confirmed'").bind(first.id).run();

    const list = OutboxList.parse(await (await staffCall(office, member, "GET", "/outbox")).json());
    expect(list.mails).toHaveLength(4);
    const created = list.mails.map((m) => m.createdAt);
    expect(created).toEqual([...created].sort().reverse());

    const failed = OutboxList.parse(await (await staffCall(office, member, "GET", "/outbox?status=failed")).json());
    expect(failed.mails.map((m) => [m.bookingId, m.kind, m.lastError, m.icsMethod])).toEqual([[first.id, "booking_confirmed", "mailbox unavailable", "REQUEST"]]);
    expect(OutboxList.parse(await (await staffCall(office, member, "GET", "/outbox?limit=1")).json()).mails).toHaveLength(1);

    const one = OutboxMail.parse(await (await staffCall(office, member, "GET", `/outbox/${failed.mails[0]!.id}`)).json());
    expect(one.text).toContain("Ihr Termin ist gebucht.");
    expect(one.ics).toContain("METHOD:REQUEST");
  });

  it("sends a failed mail again: pending now, attempts reset, same Message-ID, delivered; audited", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const created = await bookedOnline(office);
    const row = (await env.DB.prepare("SELECT id, message_id FROM mail_outbox WHERE booking_id = ?1 AND kind = 'booking_confirmed'").bind(created.id).first<{ id: string; message_id: string }>())!;
    await env.DB.prepare("UPDATE mail_outbox SET status = 'failed', attempts = 10, last_error = '550 no such user' WHERE id = ?1").bind(row.id).run();

    const sent: OutgoingMail[] = [];
    const transport = { send: async (mail: OutgoingMail) => void sent.push(mail) };
    const res = await staffCall(office, member, "POST", `/outbox/${row.id}/resend`, undefined, { deps: { mail: { transport, from: "termine@example.org" } } });
    expect(res.status).toBe(200);
    expect(OutboxItem.parse(await res.json())).toMatchObject({ id: row.id, status: "pending", attempts: 0, lastError: null, nextAttemptAt: NOW.toISOString() });

    // Delivered right after the answer, as bookings are.
    await vi.waitFor(async () => {
      const after = await env.DB.prepare("SELECT status, attempts, message_id FROM mail_outbox WHERE id = ?1").bind(row.id).first();
      expect(after).toEqual({ status: "sent", attempts: 1, message_id: row.message_id });
    });
    expect(sent.map((m) => m.messageId)).toEqual([row.message_id]);
    expect(await auditOf(office)).toEqual([
      { actor_kind: "staff", actor_id: String(member.id), action: "mail.resend", subject_kind: "mail", subject_id: row.id, detail: '{"kind":"booking_confirmed","from":"failed"}' },
    ]);
  });

  it("without a transport a resent mail stays captured (nothing is sent locally)", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const created = await bookedOnline(office);
    const [mail] = (await env.DB.prepare("SELECT id FROM mail_outbox WHERE booking_id = ?1").bind(created.id).all<{ id: string }>()).results;
    const res = await staffCall(office, member, "POST", `/outbox/${mail!.id}/resend`);
    expect(OutboxItem.parse(await res.json())).toMatchObject({ status: "captured", attempts: 0 });
  });
});

async function mailText(bookingId: string, kind: string): Promise<string | null> {
  const row = await env.DB.prepare("SELECT text_body FROM mail_outbox WHERE booking_id = ?1 AND kind = ?2 ORDER BY rowid DESC LIMIT 1")
    .bind(bookingId, kind)
    .first<{ text_body: string }>();
  return row?.text_body ?? null;
}
