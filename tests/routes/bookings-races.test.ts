import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import { bookingBody, NOW, tokenOf } from "../helpers/bookings";
import { createOffice, pairedDevice, staffMember, testDeps, type Office } from "../helpers/fixtures";
import { forcedRace } from "../helpers/race";
import { bookedOnline, bookingState } from "../helpers/staff-bookings";

/*
 * Races between two changes of one booking, forced into the worst order (tests/helpers/race.ts: both
 * read before either writes, the first named wins). The loser's answer tells what happened: a cancel
 * that lost to a cancel is done all the same, a move or a check-in that lost to a cancel says it was
 * cancelled, and the database holds the winner's change only.
 */

function call(office: Office, db: D1Database, path: string, init: RequestInit, now = NOW) {
  return createApp(testDeps(now)).request(`http://localhost${path}`, init, { ...env, DB: db, DEFAULT_LOCATION: office.slug });
}

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json", Origin: "http://localhost", ...headers },
  body: JSON.stringify(body),
});

/** "200", or "409 code" for a refusal. */
async function outcome(res: Response): Promise<string> {
  if (res.status < 300) return String(res.status);
  const { error } = (await res.json()) as { error: { code: string } };
  return `${res.status} ${error.code}`;
}

describe("cancel against cancel: cancelling twice is harmless", () => {
  it("the holder's cancel wins, staff's still answers 200", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const b = await bookedOnline(office);
    const db = forcedRace(["holder", "staff"]);
    const [holder, staff] = await Promise.all([
      call(office, db("holder"), `/api/bookings/manage/${tokenOf(b.manageUrl)}/cancel`, post({})),
      call(office, db("staff"), `/api/staff/${office.slug}/bookings/${b.id}/cancel`, post({}, { Cookie: member.cookie })),
    ]);
    expect({ holder: await outcome(holder), staff: await outcome(staff) }).toEqual({ holder: "200", staff: "200" });
    expect((await bookingState(b.id)).status).toBe("cancelled");
    // One cancel, one cancel mail.
    const mails = await env.DB.prepare("SELECT count(*) AS n FROM mail_outbox WHERE booking_id = ?1 AND kind = 'booking_cancelled'").bind(b.id).first<{ n: number }>();
    expect(mails!.n).toBe(1);
  });

  it("two staff members at once both answer 200", async () => {
    const office = await createOffice();
    const [first, second] = [await staffMember(office), await staffMember(office)];
    const b = await bookedOnline(office);
    const db = forcedRace(["a", "b"]);
    const [a, other] = await Promise.all([
      call(office, db("a"), `/api/staff/${office.slug}/bookings/${b.id}/cancel`, post({}, { Cookie: first.cookie })),
      call(office, db("b"), `/api/staff/${office.slug}/bookings/${b.id}/cancel`, post({}, { Cookie: second.cookie })),
    ]);
    expect([await outcome(a), await outcome(other)]).toEqual(["200", "200"]);
    expect((await bookingState(b.id)).status).toBe("cancelled");
  });
});

describe("a change that loses to a cancel says it was cancelled", () => {
  it.each(["holder", "staff"])("a move by the %s: 409 booking_cancelled", async (mover) => {
    const office = await createOffice();
    const member = await staffMember(office);
    const b = await bookedOnline(office);
    const db = forcedRace(["cancel", "move"]);
    const token = tokenOf(b.manageUrl);
    const start = "2026-12-02T09:00:00+01:00";
    const move =
      mover === "holder"
        ? call(office, db("move"), `/api/bookings/manage/${token}/reschedule`, post({ start }))
        : call(office, db("move"), `/api/staff/${office.slug}/bookings/${b.id}/move`, post({ start }, { Cookie: member.cookie }));
    const cancel =
      mover === "holder"
        ? call(office, db("cancel"), `/api/staff/${office.slug}/bookings/${b.id}/cancel`, post({}, { Cookie: member.cookie }))
        : call(office, db("cancel"), `/api/bookings/manage/${token}/cancel`, post({}));
    const [moved, cancelled] = await Promise.all([move, cancel]);
    expect(await outcome(cancelled)).toBe("200");
    expect(await outcome(moved)).toBe("409 booking_cancelled");
    expect(await bookingState(b.id)).toMatchObject({ status: "cancelled", starts_at: "2026-11-30T12:00:00.000Z" });
  });

  it("a check-in at the kiosk: 409 booking_cancelled, not 'already checked in', and no number", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const b = await bookedOnline(office); // Monday 30 November, 13:00
    const kiosk = await pairedDevice(office, "kiosk");
    const at = new Date("2026-11-30T11:50:00Z"); // 12:50 in Kempten: check-in is open
    const db = forcedRace(["staff", "kiosk"]);
    const [staff, checkin] = await Promise.all([
      call(office, db("staff"), `/api/staff/${office.slug}/bookings/${b.id}/cancel`, post({}, { Cookie: member.cookie }), at),
      call(office, db("kiosk"), "/api/kiosk/checkin", post({ code: b.code }, { Authorization: `Bearer ${kiosk}` }), at),
    ]);
    expect(await outcome(staff)).toBe("200");
    expect(await outcome(checkin)).toBe("409 booking_cancelled");
    expect((await bookingState(b.id)).status).toBe("cancelled");
    const tickets = await env.DB.prepare("SELECT count(*) AS n FROM queue_tickets WHERE booking_id = ?1").bind(b.id).first<{ n: number }>();
    expect(tickets!.n).toBe(0);
  });
});

describe("races that end with one winner", () => {
  it("the same Idempotency-Key twice at once: one booking, both answers 201", async () => {
    const office = await createOffice();
    const db = forcedRace(["a", "b"]);
    const headers = { "Idempotency-Key": "race-key-123456" };
    const body = bookingBody(); // the same request twice (each call of bookingBody has its own address)
    const [a, b] = await Promise.all([call(office, db("a"), "/api/bookings", post(body, headers)), call(office, db("b"), "/api/bookings", post(body, headers))]);
    expect([await outcome(a), await outcome(b)]).toEqual(["201", "201"]);
    const n = await env.DB.prepare("SELECT count(*) AS n FROM bookings WHERE location_id = ?1").bind(office.id).first<{ n: number }>();
    expect(n!.n).toBe(1);
  });

  it("a phone booking against an online booking of the same seat: the first wins, the other is told the slot is full", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const start = "2026-11-30T14:00:00+01:00";
    const db = forcedRace(["online", "phone"]);
    const [online, phone] = await Promise.all([
      call(office, db("online"), "/api/bookings", post(bookingBody({ start }))),
      call(office, db("phone"), `/api/staff/${office.slug}/bookings`, post({ topic: "fragen", start, name: "Anrufer Test" }, { Cookie: member.cookie })),
    ]);
    expect(await outcome(online)).toBe("201");
    expect(await outcome(phone)).toBe("409 slot_full");
  });
});
