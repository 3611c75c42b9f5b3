import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BookingCreated } from "../../schemas/bookings";
import { DisplayState } from "../../schemas/display";
import { TicketView } from "../../schemas/kiosk";
import { bookingBody, post } from "../helpers/bookings";
import { createOffice, pairedDevice, type Office } from "../helpers/fixtures";

/*
 * GET /api/display/state: the waiting room's display. Happy (the day's last calls, newest first, a repeat
 * as a call of its own), security (a paired display only; never a name or an address), errors.
 */

// Monday 30 November 2026, 14:00 in Kempten: open (13:00–17:30).
const OPEN = new Date("2026-11-30T13:00:00Z");

const get = (office: Office, token: string | null, now = OPEN) =>
  office.request("http://localhost/api/display/state", token ? { headers: { Authorization: `Bearer ${token}` } } : {}, now);

async function walkIn(office: Office, kiosk: string, now = OPEN): Promise<string> {
  const res = await post(office, "/api/kiosk/tickets", { topic: "fragen" }, { now, headers: { Authorization: `Bearer ${kiosk}` } });
  expect(res.status).toBe(201);
  const label = TicketView.parse(await res.json()).label;
  const row = await env.DB.prepare("SELECT id FROM queue_tickets WHERE location_id = ?1 AND prefix || ' ' || number = ?2 ORDER BY issued_at DESC")
    .bind(office.id, label)
    .first<{ id: string }>();
  return row!.id;
}

/** Calls a ticket into a room as the staff board will (queue_calls row + ticket status). */
async function call(office: Office, ticketId: string, room: "Raum 1" | "Raum 2", at: Date) {
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO queue_calls (location_id, ticket_id, room_id, at)
       VALUES (?1, ?2, (SELECT id FROM rooms WHERE location_id = ?1 AND name = ?3), ?4)`,
    ).bind(office.id, ticketId, room, at.toISOString()),
    env.DB.prepare(
      "UPDATE queue_tickets SET status = 'called', room_id = (SELECT id FROM rooms WHERE location_id = ?1 AND name = ?3) WHERE id = ?2",
    ).bind(office.id, ticketId, room),
  ]);
}

const minutes = (m: number) => new Date(OPEN.getTime() + m * 60_000);

describe("happy", () => {
  it("shows the day's last six calls newest first, a repeated call again on top, and how many wait", async () => {
    const office = await createOffice();
    const kiosk = await pairedDevice(office, "kiosk");
    const tickets: string[] = [];
    for (let i = 0; i < 9; i++) tickets.push(await walkIn(office, kiosk));
    // W 1 … W 7 called one per minute, alternating rooms; then W 2 again (a repeat).
    for (let i = 0; i < 7; i++) await call(office, tickets[i]!, i % 2 ? "Raum 2" : "Raum 1", minutes(-30 + i));
    await call(office, tickets[1]!, "Raum 2", minutes(-20));

    const res = await get(office, await pairedDevice(office, "display"));
    expect(res.status).toBe(200);
    const state = DisplayState.parse(await res.json());
    expect(state.calls.map((c) => `${c.label} ${c.room}`)).toEqual([
      "W 2 Raum 2",
      "W 7 Raum 1",
      "W 6 Raum 2",
      "W 5 Raum 1",
      "W 4 Raum 2",
      "W 3 Raum 1",
    ]);
    // The repeat is a call of its own: a new id, so the display chimes again.
    const ids = state.calls.map((c) => c.id);
    expect(new Set(ids).size).toBe(6);
    expect(state.calls[0]!.at).toBe(minutes(-20).toISOString());
    expect(state).toMatchObject({ waiting: 2, open: true, now: OPEN.toISOString(), office: { slug: office.slug, shortName: "Testbüro" } });
  });

  it("starts the day empty: yesterday's calls are not shown", async () => {
    const office = await createOffice({ rules: [1, 2, 3, 4, 5, 6, 7].map((d) => [d, "00:00", "24:00"]) });
    const kiosk = await pairedDevice(office, "kiosk");
    const yesterday = new Date(OPEN.getTime() - 86_400_000);
    await call(office, await walkIn(office, kiosk, yesterday), "Raum 1", yesterday);
    const state = DisplayState.parse(await (await get(office, await pairedDevice(office, "display"))).json());
    expect(state.calls).toEqual([]);
    expect(state.waiting).toBe(0);
  });

  it("counts today's waiting numbers only: not yesterday's leftovers, not the called ones", async () => {
    const office = await createOffice({ rules: [1, 2, 3, 4, 5, 6, 7].map((d) => [d, "00:00", "24:00"]) });
    const kiosk = await pairedDevice(office, "kiosk");
    await walkIn(office, kiosk, new Date(OPEN.getTime() - 86_400_000));
    const today = [await walkIn(office, kiosk), await walkIn(office, kiosk), await walkIn(office, kiosk)];
    await call(office, today[0]!, "Raum 1", minutes(-1));
    const state = DisplayState.parse(await (await get(office, await pairedDevice(office, "display"))).json());
    expect(state.waiting).toBe(2);
    const stored = await env.DB.prepare("SELECT count(*) AS n FROM queue_tickets WHERE location_id = ?1 AND status = 'waiting'")
      .bind(office.id)
      .first<{ n: number }>();
    expect(stored!.n).toBe(3);
  });
});

describe("security", () => {
  it("needs a paired display: 401 without or with a revoked token, 403 for a kiosk", async () => {
    const office = await createOffice();
    const none = await get(office, null);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect((await get(office, await pairedDevice(office, "display", true))).status).toBe(401);
    const kiosk = await get(office, await pairedDevice(office, "kiosk"));
    expect(kiosk.status).toBe(403);
    expect(await kiosk.json()).toMatchObject({ error: { code: "forbidden" } });
  });

  it("shows a called appointment by its number only: no name, e-mail, phone or note anywhere in the answer", async () => {
    const office = await createOffice();
    const body = bookingBody({ start: "2026-11-30T14:00:00+01:00" });
    const booking = BookingCreated.parse(await (await post(office, "/api/bookings", body)).json());
    const kiosk = { Authorization: `Bearer ${await pairedDevice(office, "kiosk")}` };
    const checkedIn = await post(office, "/api/kiosk/checkin", { code: booking.code }, { now: OPEN, headers: kiosk });
    expect(checkedIn.status).toBe(201);
    const ticket = await env.DB.prepare("SELECT id FROM queue_tickets WHERE booking_id = ?1").bind(booking.id).first<{ id: string }>();
    await call(office, ticket!.id, "Raum 1", minutes(1));

    const text = await (await get(office, await pairedDevice(office, "display"), minutes(2))).text();
    expect(DisplayState.parse(JSON.parse(text)).calls.map((c) => c.label)).toEqual(["T 1"]);
    for (const personal of [body.name, body.email, body.phone, body.note, "Erika", "Müller", booking.code]) {
      expect(text).not.toContain(String(personal));
    }
  });

  it("shows the display's own office only", async () => {
    const [home, other] = [await createOffice(), await createOffice()];
    await call(other, await walkIn(other, await pairedDevice(other, "kiosk")), "Raum 1", minutes(-1));
    const state = DisplayState.parse(await (await get(home, await pairedDevice(home, "display"))).json());
    expect(state.calls).toEqual([]);
    expect(state.office.slug).toBe(home.slug);
  });
});
