import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BookingCreated } from "../../schemas/bookings";
import { ErrorBody } from "../../schemas/common";
import { CheckedIn, TicketView } from "../../schemas/kiosk";
import { bookingBody, post } from "../helpers/bookings";
import { createOffice, pairedDevice, type Office } from "../helpers/fixtures";
import { CONCURRENCY } from "../helpers/timeouts";

/*
 * POST /api/kiosk/checkin with an Idempotency-Key: a retry whose first answer was lost gets the same T
 * number again (201, Idempotent-Replayed), not "schon angemeldet". The key lives on the appointment
 * ticket, in the index walk-in numbers use too, so a key of one kind never replays the other.
 * Clock: Monday 30 November 2026, 13:55 in Kempten; the appointments are at 14:00 and 14:30.
 */

const NOW = new Date("2026-11-30T12:55:00Z");

async function booked(office: Office, start = "2026-11-30T14:00:00+01:00") {
  const res = await post(office, "/api/bookings", bookingBody({ start, name: "erika Muster" }), { now: new Date("2026-11-24T07:00:00Z") });
  return BookingCreated.parse(await res.json());
}

async function kioskOf(office: Office) {
  const token = await pairedDevice(office, "kiosk");
  return (path: string, body: unknown, key?: string) =>
    post(office, path, body, { now: NOW, headers: { Authorization: `Bearer ${token}`, ...(key ? { "Idempotency-Key": key } : {}) } });
}

/** What the database holds for a booking: its status, its tickets (label, key) and its check-in events. */
async function stateOf(bookingId: string) {
  const booking = await env.DB.prepare("SELECT status, invite_sequence FROM bookings WHERE id = ?1").bind(bookingId).first();
  const tickets = await env.DB.prepare("SELECT prefix, number, kind, idempotency_key FROM queue_tickets WHERE booking_id = ?1").bind(bookingId).all();
  const events = await env.DB.prepare("SELECT count(*) AS n FROM booking_events WHERE booking_id = ?1 AND status = 'checked_in'").bind(bookingId).first<{ n: number }>();
  return { booking, tickets: tickets.results, checkinEvents: events!.n };
}

async function ticketCount(office: Office): Promise<number> {
  return (await env.DB.prepare("SELECT count(*) AS n FROM queue_tickets WHERE location_id = ?1").bind(office.id).first<{ n: number }>())!.n;
}

const errorCode = async (res: Response) => [res.status, ErrorBody.parse(await res.json()).error.code];

describe("check-in with an Idempotency-Key", () => {
  it("answers a retry with the same ticket, a fresh working status link and Idempotent-Replayed", async () => {
    const office = await createOffice();
    const booking = await booked(office);
    const kiosk = await kioskOf(office);
    const key = crypto.randomUUID();

    const first = await kiosk("/api/kiosk/checkin", { code: booking.code }, key);
    expect(first.status).toBe(201);
    expect(first.headers.get("Idempotent-Replayed")).toBeNull();
    const original = CheckedIn.parse(await first.json());

    const again = await kiosk("/api/kiosk/checkin", { code: booking.code.toLowerCase() }, key);
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    const replay = CheckedIn.parse(await again.json());
    expect(replay).toMatchObject({ label: "T 1", initial: "E", appointment: { start: "2026-11-30T14:00:00+01:00" } });
    expect(replay.label).toBe(original.label);
    expect(replay.statusUrl).not.toBe(original.statusUrl);
    for (const url of [original.statusUrl, replay.statusUrl]) {
      const status = await office.request(`/api/status/${new URL(url).hash.slice(1)}`, {}, NOW);
      expect(TicketView.parse(await status.json()).label).toBe("T 1");
    }

    expect(await stateOf(booking.id)).toEqual({
      booking: { status: "checked_in", invite_sequence: 1 },
      tickets: [{ prefix: "T", number: 1, kind: "appointment", idempotency_key: key }],
      checkinEvents: 1,
    });
  });

  it("gives 10 concurrent check-ins with one key one ticket, and all of them 201 with its label", CONCURRENCY, async () => {
    const office = await createOffice();
    const booking = await booked(office);
    const kiosk = await kioskOf(office);
    const key = crypto.randomUUID();

    const answers = await Promise.all(Array.from({ length: 10 }, () => kiosk("/api/kiosk/checkin", { code: booking.code }, key)));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(201));
    const labels = await Promise.all(answers.map(async (r) => CheckedIn.parse(await r.json()).label));
    expect(new Set(labels)).toEqual(new Set(["T 1"]));
    expect(answers.filter((r) => r.headers.get("Idempotent-Replayed") === null)).toHaveLength(1);

    const state = await stateOf(booking.id);
    expect(state.tickets).toHaveLength(1);
    expect(state.checkinEvents).toBe(1);
    expect(await ticketCount(office)).toBe(1);
  });

  it("refuses the same key with another code (409 idempotency_conflict) and changes nothing", async () => {
    const office = await createOffice();
    const first = await booked(office);
    const second = await booked(office, "2026-11-30T14:30:00+01:00");
    const kiosk = await kioskOf(office);
    const key = crypto.randomUUID();
    expect((await kiosk("/api/kiosk/checkin", { code: first.code }, key)).status).toBe(201);

    expect(await errorCode(await kiosk("/api/kiosk/checkin", { code: second.code }, key))).toEqual([409, "idempotency_conflict"]);
    expect(await stateOf(second.id)).toEqual({ booking: { status: "confirmed", invite_sequence: 0 }, tickets: [], checkinEvents: 0 });
    expect(await ticketCount(office)).toBe(1);
    // An unknown code with a used key is no replay either.
    expect(await errorCode(await kiosk("/api/kiosk/checkin", { code: "QQQQQQ" }, key))).toEqual([409, "idempotency_conflict"]);
  });

  it("keeps walk-in keys and check-in keys apart though they share one index", async () => {
    const office = await createOffice();
    const booking = await booked(office);
    const kiosk = await kioskOf(office);
    const walkInKey = crypto.randomUUID();
    const walkIn = await kiosk("/api/kiosk/tickets", { topic: "fragen" }, walkInKey);
    expect(TicketView.parse(await walkIn.json()).label).toBe("W 1");

    // A walk-in's key does not check anyone in, nor replay the W number as a check-in.
    expect(await errorCode(await kiosk("/api/kiosk/checkin", { code: booking.code }, walkInKey))).toEqual([409, "idempotency_conflict"]);
    expect((await stateOf(booking.id)).booking).toEqual({ status: "confirmed", invite_sequence: 0 });

    // A check-in's key does not replay the T number as a walk-in, nor issue a W number.
    const checkinKey = crypto.randomUUID();
    expect((await kiosk("/api/kiosk/checkin", { code: booking.code }, checkinKey)).status).toBe(201);
    expect(await errorCode(await kiosk("/api/kiosk/tickets", { topic: "fragen" }, checkinKey))).toEqual([409, "idempotency_conflict"]);
    expect(await ticketCount(office)).toBe(2);
  });
});

describe("check-in without an Idempotency-Key", () => {
  it("stores no key and refuses a second check-in as before (409 already_checked_in)", async () => {
    const office = await createOffice();
    const booking = await booked(office);
    const kiosk = await kioskOf(office);
    expect((await kiosk("/api/kiosk/checkin", { code: booking.code })).status).toBe(201);
    expect(await errorCode(await kiosk("/api/kiosk/checkin", { code: booking.code }))).toEqual([409, "already_checked_in"]);
    expect(await stateOf(booking.id)).toEqual({
      booking: { status: "checked_in", invite_sequence: 1 },
      tickets: [{ prefix: "T", number: 1, kind: "appointment", idempotency_key: null }],
      checkinEvents: 1,
    });
  });

  it("refuses a second check-in with a new key as already checked in (a key is not a way around it)", async () => {
    const office = await createOffice();
    const booking = await booked(office);
    const kiosk = await kioskOf(office);
    expect((await kiosk("/api/kiosk/checkin", { code: booking.code }, crypto.randomUUID())).status).toBe(201);
    expect(await errorCode(await kiosk("/api/kiosk/checkin", { code: booking.code }, crypto.randomUUID()))).toEqual([409, "already_checked_in"]);
    expect((await stateOf(booking.id)).tickets).toHaveLength(1);
  });
});
