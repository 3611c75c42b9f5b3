import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "../../schemas/common";
import { OutboxList, OutboxMail } from "../../schemas/staff-bookings";
import { hideManageLinks } from "../../worker/services/booking/manage-link";
import { NOW, tokenOf } from "../helpers/bookings";
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
  ["POST", `/requests/${id}/propose`, { times: ["2026-11-26T18:00:00+01:00"] }],
  ["POST", `/requests/${id}/proposals/withdraw`, { proposals: ["p1"] }],
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
      ["POST", `/requests/${request.id}/propose`, { times: ["2026-11-26T18:00:00+01:00"] }],
      ["POST", `/requests/${request.id}/proposals/withdraw`, { proposals: ["p1"] }],
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

describe("a resident's manage link", () => {
  /** iCalendar text with its folded lines joined again (RFC 5545 3.1), as a calendar reads it. */
  const unfold = (text: string) => text.replace(/\r?\n[ \t]/g, "");

  it("is in the resident's mails, but no staff member reads it on the board, also not in the invite", async () => {
    const office = await createOffice();
    const member = await staffMember(office, "staff");
    const created = await bookedOnline(office);
    const token = tokenOf(created.manageUrl);
    // A move by staff sends the update with a fresh link of its own.
    expect((await staffCall(office, member, "POST", `/bookings/${created.id}/move`, { start: "2026-12-02T10:00:00+01:00" })).status).toBe(200);

    const { results: rows } = await env.DB.prepare("SELECT id, kind, text_body, ics FROM mail_outbox WHERE booking_id = ?1")
      .bind(created.id)
      .all<{ id: string; kind: string; text_body: string; ics: string | null }>();
    expect(rows.map((r) => r.kind).sort()).toEqual(["booking_confirmed", "booking_reminder", "booking_reminder", "booking_rescheduled"]);
    // The stored mails keep the working links: they are what the resident gets.
    expect(rows.find((r) => r.kind === "booking_confirmed")!.text_body).toContain(`/manage#${token}`);
    for (const row of rows) expect(unfold(row.ics ?? row.text_body), row.kind).toMatch(/\/manage#[A-Za-z0-9_-]{43}/);

    for (const row of rows) {
      const res = await staffCall(office, member, "GET", `/outbox/${row.id}`);
      expect(res.status).toBe(200);
      const mail = OutboxMail.parse(await res.json());
      const shown = JSON.stringify(mail);
      expect(shown, row.kind).not.toContain(token);
      for (const text of [mail.text, unfold(mail.ics ?? "")]) {
        expect(text, row.kind).not.toMatch(/\/manage#(?!…)/);
        expect(text, row.kind).not.toContain(token);
      }
      expect(mail.text, row.kind).toContain("/manage#…");
    }
  });

  it("is hidden wherever an invite's line folding splits it", () => {
    const link = "https://termine.example.org/manage#AbC-dEf_123";
    for (let at = 1; at < link.length; at++) {
      const folded = `URL:${link.slice(0, at)}\r\n ${link.slice(at)}\r\nEND:VEVENT`;
      const hidden = hideManageLinks(folded, "calendar");
      expect(unfold(hidden), folded).not.toMatch(/AbC|dEf|123/);
      expect(hidden, folded).toContain("\r\nEND:VEVENT");
    }
  });
});
