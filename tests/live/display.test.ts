import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BookingCreated } from "../../schemas/bookings";
import { DisplayState } from "../../schemas/display";
import { TicketView } from "../../schemas/kiosk";
import { bookingBody, post } from "../helpers/bookings";
import { addClosure, createOffice, pairedDevice, type Office } from "../helpers/fixtures";
import { roomsOf, signedIn } from "../routes/staff-queue-support";

/*
 * GET /api/display/state: the waiting room's display. Happy (the day's last calls, newest first, a repeat
 * as a call of its own; a call put back in the queue withdrawn; closed, when it opens again), security (a
 * paired display only; never a name or an address), errors.
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

describe("a call put back in the queue", () => {
  it("leaves the display at once: not current, not listed; called again, it is a new call on top", async () => {
    const office = await createOffice();
    const kiosk = await pairedDevice(office, "kiosk");
    const display = await pairedDevice(office, "display");
    const staff = await signedIn(office);
    const rooms = await roomsOf(office);
    const [first, second] = [await walkIn(office, kiosk), await walkIn(office, kiosk)];
    const act = async (path: string, body: unknown, at: Date) => {
      const res = await staff.post(path, body, at);
      expect(res.status, await res.clone().text()).toBe(200);
    };
    await act(`/tickets/${first}/call`, { roomId: rooms["Raum 1"] }, minutes(-10));
    await act(`/tickets/${second}/call`, { roomId: rooms["Raum 2"] }, minutes(-5));
    const before = DisplayState.parse(await (await get(office, display, minutes(-4))).json());
    expect(before.calls.map((c) => `${c.label} ${c.room}`)).toEqual(["W 2 Raum 2", "W 1 Raum 1"]);
    expect(before.waiting).toBe(0);

    // "Zurück in die Warteschlange": W 2 waits again; the display shows what stands, W 1 on top again.
    await act(`/tickets/${second}/requeue`, {}, minutes(-3));
    const after = DisplayState.parse(await (await get(office, display, minutes(-2))).json());
    expect(after.calls.map((c) => `${c.label} ${c.room}`)).toEqual(["W 1 Raum 1"]);
    expect(after.calls[0]!.id).toBe(before.calls[1]!.id); // the same call as before: no chime
    expect(after.waiting).toBe(1);
    // The row stays (the board and the statistics still see it), marked withdrawn at the requeue.
    const rows = await env.DB.prepare("SELECT withdrawn_at FROM queue_calls WHERE ticket_id = ?1").bind(second).all<{ withdrawn_at: string | null }>();
    expect(rows.results).toEqual([{ withdrawn_at: minutes(-3).toISOString() }]);

    // Called again later: a call that stands, with a new id, so the display chimes for it.
    await act(`/tickets/${second}/call`, { roomId: rooms["Raum 2"] }, minutes(-1));
    const again = DisplayState.parse(await (await get(office, display)).json());
    expect(again.calls.map((c) => `${c.label} ${c.room}`)).toEqual(["W 2 Raum 2", "W 1 Raum 1"]);
    expect(before.calls.map((c) => c.id)).not.toContain(again.calls[0]!.id);
  });

  it("a refused requeue (the number is not called) withdraws nothing", async () => {
    const office = await createOffice();
    const kiosk = await pairedDevice(office, "kiosk");
    const display = await pairedDevice(office, "display");
    const staff = await signedIn(office);
    const rooms = await roomsOf(office);
    const ticket = await walkIn(office, kiosk);
    expect((await staff.post(`/tickets/${ticket}/call`, { roomId: rooms["Raum 1"] }, minutes(-5))).status).toBe(200);
    expect((await staff.post(`/tickets/${ticket}/finish`, {}, minutes(-4))).status).toBe(200);
    expect((await staff.post(`/tickets/${ticket}/requeue`, {}, minutes(-3))).status).toBe(409);
    const state = DisplayState.parse(await (await get(office, display)).json());
    expect(state.calls.map((c) => c.label)).toEqual(["W 1"]);
  });
});

describe("closed: when it opens again", () => {
  // Monday 30 November 2026, 18:00 in Kempten: closed since 17:30; by the rules it opens Wednesday 9:00.
  const EVENING = new Date("2026-11-30T17:00:00Z");

  it("names the next opening by the rules; open, none", async () => {
    const office = await createOffice();
    const display = await pairedDevice(office, "display");
    expect(DisplayState.parse(await (await get(office, display, EVENING)).json())).toMatchObject({ open: false, nextOpening: "2026-12-02T09:00:00+01:00" });
    expect(DisplayState.parse(await (await get(office, display)).json())).toMatchObject({ open: true, nextOpening: null });
  });

  it("skips a closure and takes a Sondertermin (extra hours) before the next regular day", async () => {
    const office = await createOffice();
    const display = await pairedDevice(office, "display");
    // Wednesday closed (a closure); the next regular opening would be Monday 7 December, 13:00 …
    await addClosure(office, "2026-12-02", "2026-12-02", "Betriebsausflug");
    expect(DisplayState.parse(await (await get(office, display, EVENING)).json()).nextOpening).toBe("2026-12-07T13:00:00+01:00");
    // … but on Thursday there are extra hours, 10:00–12:00.
    await env.DB.prepare("INSERT INTO extra_hours (location_id, day, opens, closes, created_at) VALUES (?1, '2026-12-03', '10:00', '12:00', ?2)")
      .bind(office.id, EVENING.toISOString())
      .run();
    expect(DisplayState.parse(await (await get(office, display, EVENING)).json())).toMatchObject({ open: false, nextOpening: "2026-12-03T10:00:00+01:00" });
  });

  it("looks past a long closure (weeks ahead)", async () => {
    const office = await createOffice();
    const display = await pairedDevice(office, "display");
    await addClosure(office, "2026-12-01", "2027-01-06", "Winterpause");
    expect(DisplayState.parse(await (await get(office, display, EVENING)).json()).nextOpening).toBe("2027-01-11T13:00:00+01:00");
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
