import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "../../schemas/common";
import { OutboxList } from "../../schemas/staff-bookings";
import { NOW } from "../helpers/bookings";
import { createOffice, staffMember, type Office } from "../helpers/fixtures";
import { auditOf, bookedOnline, bookingState, requestedOnline, staffCall } from "../helpers/staff-bookings";

/*
 * Who may use the staff booking, request, outbox and feed routes: a session of this office only, and
 * never on another office's bookings, requests or mails (404, as if they did not exist).
 */

async function code(res: Response): Promise<[number, string]> {
  return [res.status, ErrorBody.parse(await res.json()).error.code];
}

const ROUTES = (id: string, mailId: string): ["GET" | "POST", string, unknown][] => [
  ["POST", "/bookings", { topic: "fragen", start: "2026-11-30T14:00:00+01:00", name: "Herr Schmid" }],
  ["POST", `/bookings/${id}/cancel`, {}],
  ["POST", `/bookings/${id}/move`, { start: "2026-12-02T10:00:00+01:00" }],
  ["POST", `/requests/${id}/propose`, { start: "2026-11-26T18:00:00+01:00" }],
  ["POST", `/requests/${id}/decline`, { message: "Nein." }],
  ["GET", "/outbox", undefined],
  ["GET", `/outbox/${mailId}`, undefined],
  ["POST", `/outbox/${mailId}/resend`, undefined],
  ["POST", "/calendar-feed", undefined],
  ["POST", "/calendar-feed/revoke", undefined],
];

async function firstMail(office: Office): Promise<string> {
  return (await env.DB.prepare("SELECT id FROM mail_outbox WHERE location_id = ?1 LIMIT 1").bind(office.id).first<{ id: string }>())!.id;
}

describe("sessions", () => {
  it("401 without a session, 403 with a session of another office, and nothing changes", async () => {
    const office = await createOffice();
    const other = await createOffice();
    const stranger = await staffMember(other);
    const created = await bookedOnline(office);
    const mailId = await firstMail(office);
    for (const [method, path, body] of ROUTES(created.id, mailId)) {
      expect([path, ...(await code(await staffCall(office, null, method, path, body)))]).toEqual([path, 401, "unauthorized"]);
      expect([path, ...(await code(await staffCall(office, stranger, method, path, body)))]).toEqual([path, 403, "forbidden"]);
    }
    expect(await bookingState(created.id)).toMatchObject({ status: "confirmed", invite_sequence: 0 });
    expect(await auditOf(office)).toEqual([]);
  });

  it("a request from another site is refused before anything else", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const res = await office.request(
      `http://localhost/api/staff/${office.slug}/bookings`,
      { method: "POST", headers: { Cookie: member.cookie, Origin: "https://evil.example", "Content-Type": "application/json" }, body: "{}" },
      NOW,
    );
    expect(await code(res)).toEqual([403, "forbidden_origin"]);
  });
});

describe("another office's data", () => {
  it("its bookings, requests and mails are 404 for staff of this office, and stay as they were", async () => {
    const mine = await createOffice();
    const theirs = await createOffice();
    const member = await staffMember(mine);
    const booking = await bookedOnline(theirs);
    const request = await requestedOnline(theirs);
    const mailId = await firstMail(theirs);
    const calls: ["GET" | "POST", string, unknown][] = [
      ["POST", `/bookings/${booking.id}/cancel`, {}],
      ["POST", `/bookings/${booking.id}/move`, { start: "2026-12-02T10:00:00+01:00" }],
      ["POST", `/requests/${request.id}/propose`, { start: "2026-11-26T18:00:00+01:00" }],
      ["POST", `/requests/${request.id}/decline`, { message: "Nein." }],
      ["GET", `/outbox/${mailId}`, undefined],
      ["POST", `/outbox/${mailId}/resend`, undefined],
    ];
    for (const [method, path, body] of calls) {
      expect([path, ...(await code(await staffCall(mine, member, method, path, body)))]).toEqual([path, 404, "not_found"]);
    }
    expect(await bookingState(booking.id)).toMatchObject({ status: "confirmed", invite_sequence: 0 });
    expect(await bookingState(request.id)).toMatchObject({ status: "requested", invite_sequence: 0 });
    const list = OutboxList.parse(await (await staffCall(mine, member, "GET", "/outbox")).json());
    expect(list.mails).toEqual([]);
  });
});

describe("the audit trail", () => {
  it("names the staff member by id and holds no personal data", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const created = await bookedOnline(office, { email: "erika.secret@example.org", name: "Erika Geheim" });
    await staffCall(office, member, "POST", `/bookings/${created.id}/move`, { start: "2026-12-02T10:00:00+01:00" });
    await staffCall(office, member, "POST", `/bookings/${created.id}/cancel`, { message: "Erika, bitte rufen Sie an." });
    const rows = await auditOf(office);
    expect(rows.map((r) => [r.actor_kind, r.actor_id, r.action])).toEqual([
      ["staff", String(member.id), "booking.move"],
      ["staff", String(member.id), "booking.cancel"],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/Erika|secret|Geheim|rufen/);
  });
});
