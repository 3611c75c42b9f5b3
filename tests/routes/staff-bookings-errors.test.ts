import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "../../schemas/common";
import { OutboxList } from "../../schemas/staff-bookings";
import { runRetention } from "../../worker/services/retention";
import { mailsOf } from "../helpers/bookings";
import { createOffice, staffMember, takeSeats, type Office } from "../helpers/fixtures";
import { auditOf, bookedOnline, bookingState, requestedOnline, staffCall } from "../helpers/staff-bookings";

/*
 * The staff board's booking, request and outbox routes refuse what they must, with the error table's
 * code, and change nothing when they do: no booking change, no seat, no mail, no audit row.
 */

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(ErrorBody.parse(await res.json()).error.code).toBe(code);
}

async function snapshot(office: Office) {
  return env.DB.prepare(
    `SELECT (SELECT count(*) FROM bookings WHERE location_id = ?1) AS bookings,
            (SELECT group_concat(status || ':' || invite_sequence) FROM bookings WHERE location_id = ?1) AS states,
            (SELECT count(*) FROM booking_seats WHERE location_id = ?1) AS seats,
            (SELECT group_concat(id || ':' || status) FROM mail_outbox WHERE location_id = ?1) AS mails,
            (SELECT count(*) FROM audit_events WHERE location_id = ?1) AS audits`,
  )
    .bind(office.id)
    .first();
}

describe("POST /bookings refuses", () => {
  it.each([
    ["a full slot", { start: "2026-11-30T13:00:00+01:00" }, 409, "slot_full"],
    ["a time outside the opening hours", { start: "2026-11-30T18:00:00+01:00" }, 409, "slot_unavailable"],
    ["a time off the grid", { start: "2026-11-30T13:10:00+01:00" }, 409, "slot_unavailable"],
    ["a time in the past", { start: "2026-11-23T13:00:00+01:00" }, 409, "booking_past"],
    ["a day beyond the horizon", { start: "2027-06-07T13:00:00+02:00" }, 409, "beyond_horizon"],
    ["an unknown topic", { topic: "gibtsnicht" }, 400, "unknown_topic"],
    ["a bad address", { email: "nicht-gültig" }, 400, "invalid_request"],
    ["a missing name", { name: "" }, 400, "invalid_request"],
    ["a time without offset", { start: "2026-11-30T14:00:00" }, 400, "invalid_request"],
    ["an unknown field", { consent: true }, 400, "invalid_request"],
  ])("%s", async (_why, overrides, status, code) => {
    const office = await createOffice();
    const member = await staffMember(office);
    await takeSeats(office, "2026-11-30T12:00:00.000Z");
    const before = await snapshot(office);
    const body = { topic: "fragen", start: "2026-11-30T14:00:00+01:00", name: "Herr Schmid", email: "schmid@example.org", ...overrides };
    await expectError(await staffCall(office, member, "POST", "/bookings", body), status, code);
    expect(await snapshot(office)).toEqual(before);
  });

  it("a body that is not JSON", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    await expectError(await staffCall(office, member, "POST", "/bookings", "{nope"), 400, "invalid_request");
  });
});

describe("cancel and move refuse", () => {
  it("moving into a full slot: 409 slot_full, the booking keeps its time, seats and mails", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const created = await bookedOnline(office);
    await takeSeats(office, "2026-11-30T13:00:00.000Z");
    const before = await snapshot(office);
    await expectError(await staffCall(office, member, "POST", `/bookings/${created.id}/move`, { start: "2026-11-30T14:00:00+01:00" }), 409, "slot_full");
    expect(await snapshot(office)).toEqual(before);
    expect(await bookingState(created.id)).toMatchObject({ starts_at: "2026-11-30T12:00:00.000Z", seats: 6, invite_sequence: 0 });
  });

  it("a change that raced another (the next sequence is taken): 409 booking_changed, nothing written", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const created = await bookedOnline(office);
    // Another change claimed sequence 1 between loading the booking and writing; simulated by its event.
    await env.DB.prepare("INSERT INTO booking_events (booking_id, sequence, at, status, actor) VALUES (?1, 1, ?2, 'confirmed', 'resident')")
      .bind(created.id, new Date().toISOString())
      .run();
    const before = await snapshot(office);
    await expectError(await staffCall(office, member, "POST", `/bookings/${created.id}/cancel`, {}), 409, "booking_changed");
    await expectError(await staffCall(office, member, "POST", `/bookings/${created.id}/move`, { start: "2026-12-02T10:00:00+01:00" }), 409, "booking_changed");
    expect(await snapshot(office)).toEqual(before);
  });

  it("a request, an appointment that has begun, an unknown id", async () => {
    const office = await createOffice();
    const member = await staffMember(office, "staff", new Date("2026-11-30T12:10:00Z"));
    const request = await requestedOnline(office);
    const created = await bookedOnline(office);
    const later = { now: new Date("2026-11-30T12:10:00Z") };
    await expectError(await staffCall(office, member, "POST", `/bookings/${request.id}/cancel`, {}), 409, "booking_not_changeable");
    await expectError(await staffCall(office, member, "POST", `/bookings/${request.id}/move`, { start: "2026-12-02T10:00:00+01:00" }), 409, "booking_not_changeable");
    await expectError(await staffCall(office, member, "POST", `/bookings/${created.id}/cancel`, {}, later), 409, "booking_past");
    await expectError(await staffCall(office, member, "POST", `/bookings/${created.id}/move`, { start: "2026-12-02T10:00:00+01:00" }, later), 409, "booking_past");
    await expectError(await staffCall(office, member, "POST", "/bookings/nope/cancel", {}), 404, "not_found");
    await expectError(await staffCall(office, member, "POST", `/bookings/${created.id}/cancel`, { message: "x".repeat(1001) }), 400, "invalid_request");
    for (const by of ["someone", "", null, "Resident"]) {
      const res = await staffCall(office, member, "POST", `/bookings/${created.id}/cancel`, { by });
      expect(res.status).toBe(400);
      expect(ErrorBody.parse(await res.json()).error).toMatchObject({ code: "invalid_request", field: "by" });
    }
    expect(await bookingState(created.id)).toMatchObject({ status: "confirmed" });
    expect(await auditOf(office)).toEqual([]);
  });
});

describe("propose and decline refuse", () => {
  it("a proposal inside the hours into a full slot: 409 slot_full, the request stays open", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const request = await requestedOnline(office);
    await takeSeats(office, "2026-11-30T12:00:00.000Z");
    const before = await snapshot(office);
    await expectError(await staffCall(office, member, "POST", `/requests/${request.id}/propose`, { times: ["2026-11-30T13:00:00+01:00"] }), 409, "slot_full");
    expect(await snapshot(office)).toEqual(before);
    expect(await bookingState(request.id)).toMatchObject({ kind: "request", status: "requested", starts_at: null, seats: 0 });
  });

  it.each([
    ["a time in the past", { times: ["2026-11-23T18:00:00+01:00"] }, 409, "booking_past"],
    ["a time off the 5-minute grid", { times: ["2026-11-26T18:02:00+01:00"] }, 409, "slot_unavailable"],
    ["a time in the year 2100 (a typo)", { times: ["2100-11-26T18:00:00+01:00"] }, 409, "beyond_horizon"],
    ["a time in the year 2999, past any sane date", { times: ["2999-11-26T18:00:00+01:00"] }, 400, "invalid_request"],
    ["a time more than 366 days ahead", { times: ["2027-11-26T08:05:00+01:00"] }, 409, "beyond_horizon"],
    ["a length of its own (the topic's is the length)", { times: ["2026-11-26T18:00:00+01:00"], minutes: 45 }, 400, "invalid_request"],
    ["no time", {}, 400, "invalid_request"],
  ])("proposal: %s", async (_why, body, status, code) => {
    const office = await createOffice();
    const member = await staffMember(office);
    const request = await requestedOnline(office);
    const before = await snapshot(office);
    await expectError(await staffCall(office, member, "POST", `/requests/${request.id}/propose`, body), status, code);
    expect(await snapshot(office)).toEqual(before);
  });

  it("a decline without a message, a decline or proposal of a booking that is no open request", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const request = await requestedOnline(office);
    const created = await bookedOnline(office);
    const before = await snapshot(office);
    await expectError(await staffCall(office, member, "POST", `/requests/${request.id}/decline`, { message: "  " }), 400, "invalid_request");
    await expectError(await staffCall(office, member, "POST", `/requests/${request.id}/decline`), 400, "invalid_request");
    await expectError(await staffCall(office, member, "POST", `/requests/${created.id}/decline`, { message: "Nein." }), 409, "booking_not_changeable");
    await expectError(await staffCall(office, member, "POST", `/requests/${created.id}/propose`, { times: ["2026-11-26T18:00:00+01:00"] }), 409, "booking_not_changeable");
    expect(await snapshot(office)).toEqual(before);

    // Declined once, a proposal afterwards is refused, and declining again sends nothing new.
    expect((await staffCall(office, member, "POST", `/requests/${request.id}/decline`, { message: "Leider nicht." })).status).toBe(200);
    await expectError(await staffCall(office, member, "POST", `/requests/${request.id}/propose`, { times: ["2026-11-26T18:00:00+01:00"] }), 409, "booking_not_changeable");
    expect((await staffCall(office, member, "POST", `/requests/${request.id}/decline`, { message: "Leider nicht." })).status).toBe(200);
    expect((await mailsOf(request.id)).map((m) => m.kind)).toEqual(["request_received", "request_declined"]);
  });
});

describe("the outbox refuses", () => {
  it("a resend of a mail that is pending or withdrawn, an unknown mail, a bad query", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const created = await bookedOnline(office);
    const mails = (await env.DB.prepare("SELECT id, kind FROM mail_outbox WHERE booking_id = ?1 ORDER BY rowid").bind(created.id).all<{ id: string; kind: string }>()).results;
    await env.DB.batch([
      env.DB.prepare("UPDATE mail_outbox SET status = 'pending' WHERE id = ?1").bind(mails[0]!.id),
      env.DB.prepare("UPDATE mail_outbox SET status = 'cancelled' WHERE id = ?1").bind(mails[1]!.id),
    ]);
    const before = await snapshot(office);
    await expectError(await staffCall(office, member, "POST", `/outbox/${mails[0]!.id}/resend`), 409, "mail_not_resendable");
    await expectError(await staffCall(office, member, "POST", `/outbox/${mails[1]!.id}/resend`), 409, "mail_not_resendable");
    await expectError(await staffCall(office, member, "POST", "/outbox/nope/resend"), 404, "not_found");
    await expectError(await staffCall(office, member, "GET", "/outbox/nope"), 404, "not_found");
    await expectError(await staffCall(office, member, "GET", "/outbox?status=lost"), 400, "invalid_request");
    await expectError(await staffCall(office, member, "GET", "/outbox?limit=0"), 400, "invalid_request");
    await expectError(await staffCall(office, member, "GET", "/outbox?limit=201"), 400, "invalid_request");
    await expectError(await staffCall(office, member, "GET", "/outbox?sort=asc"), 400, "invalid_request");
    expect(await snapshot(office)).toEqual(before);
  });

  it("a resend of a mail whose contents were erased (retention period): 409 mail_erased, and the list says why", async () => {
    const office = await createOffice();
    const created = await bookedOnline(office);
    const confirmation = await env.DB.prepare("SELECT id FROM mail_outbox WHERE booking_id = ?1 AND kind = 'booking_confirmed'")
      .bind(created.id)
      .first<{ id: string }>();
    await env.DB.prepare("UPDATE mail_outbox SET status = 'sent', sent_at = created_at WHERE id = ?1").bind(confirmation!.id).run();
    // 31 days after it went out: the mail is emptied, the appointment of 30 November is not due yet.
    const later = new Date(Date.parse("2026-11-24T07:00:00Z") + 31 * 86_400_000);
    await runRetention(env.DB, later);
    const member = await staffMember(office, "staff", later);
    const before = await snapshot(office);

    await expectError(await staffCall(office, member, "POST", `/outbox/${confirmation!.id}/resend`, undefined, { now: later }), 409, "mail_erased");
    expect(await snapshot(office)).toEqual(before);
    const list = OutboxList.parse(await (await staffCall(office, member, "GET", "/outbox", undefined, { now: later })).json());
    expect(list.mails.find((m) => m.id === confirmation!.id)).toMatchObject({ status: "sent", to: "", erasedAt: later.toISOString() });
  });

  it("three resends of one mail at the same moment: one applies, the others 409, one audit row", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const created = await bookedOnline(office);
    const row = (await env.DB.prepare("SELECT id FROM mail_outbox WHERE booking_id = ?1 AND kind = 'booking_confirmed'").bind(created.id).first<{ id: string }>())!;
    await env.DB.prepare("UPDATE mail_outbox SET status = 'failed', last_error = '550 no such user' WHERE id = ?1").bind(row.id).run();
    // A transport that never finishes: the resent mail stays 'pending' or 'sending', so it is not resendable again.
    const transport = { send: () => new Promise<void>(() => {}) };
    const deps = { mail: { transport, from: "termine@example.org" } };
    const statuses = (
      await Promise.all(Array.from({ length: 3 }, () => staffCall(office, member, "POST", `/outbox/${row.id}/resend`, undefined, { deps })))
    ).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 409, 409]);
    expect((await auditOf(office)).filter((e) => e.action === "mail.resend")).toEqual([
      { actor_kind: "staff", actor_id: String(member.id), action: "mail.resend", subject_kind: "mail", subject_id: row.id, detail: '{"kind":"booking_confirmed","from":"failed"}' },
    ]);
  });
});
