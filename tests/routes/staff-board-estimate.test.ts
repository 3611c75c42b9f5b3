import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BookingCreated } from "../../schemas/bookings";
import { TicketView } from "../../schemas/kiosk";
import { Board, TicketActionResult, type BoardTicket } from "../../schemas/staff-board";
import { bookingBody, post } from "../helpers/bookings";
import { createOffice, pairedDevice, type Office } from "../helpers/fixtures";
import { DAY, OPEN, after, roomsOf, signedIn } from "./staff-queue-support";

/*
 * The staff board shows each waiting number's wait range (issue 13 item 1: one estimator for the status
 * page, the kiosk and the board): today's board gives every waiting walk-in and checked-in appointment
 * the range its own status page gives at the same held clock, from the same reading of the queue
 * (worker/services/wait.ts); other days' boards give none.
 */

/** A paired kiosk of `office` at `now`: takes walk-in numbers and checks in by code. */
async function kioskOf(office: Office, now: Date) {
  const token = await pairedDevice(office, "kiosk");
  const send = async (path: string, body: unknown) => {
    const res = await post(office, path, body, { now, headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(201);
    return TicketView.parse(await res.json());
  };
  return {
    walkIn: (topic = "fragen") => send("/api/kiosk/tickets", { topic }),
    checkIn: (code: string) => send("/api/kiosk/checkin", { code }),
  };
}

/** What the number's status page says at `now`. */
async function statusOf(office: Office, view: TicketView, now: Date): Promise<TicketView> {
  const res = await office.request(`/api/status/${new URL(view.statusUrl).hash.slice(1)}`, {}, now);
  expect(res.status).toBe(200);
  return TicketView.parse(await res.json());
}

/** Every ticket on the board, by id: the walk-ins, the appointments' numbers and the rooms' current ones. */
function ticketsOf(board: Board): Map<string, BoardTicket> {
  const all = [...board.walkIns, ...board.appointments.flatMap((a) => (a.ticket ? [a.ticket] : [])), ...board.rooms.flatMap((r) => (r.current ? [r.current] : []))];
  return new Map(all.map((t) => [t.id, t]));
}

/** Waiting walk-ins of DAY written straight into D1 (no status link), one a minute from `from`. */
async function queueOf(office: Office, count: number, from: Date): Promise<void> {
  const topic = await env.DB.prepare("SELECT id FROM topics WHERE location_id = ?1 AND key = 'fragen'").bind(office.id).first<{ id: number }>();
  await env.DB.batch(
    Array.from({ length: count }, (_, i) =>
      env.DB.prepare(
        `INSERT INTO queue_tickets (id, location_id, local_day, prefix, number, kind, topic_id, status, issued_at)
         VALUES (?1, ?2, ?3, 'X', ?4, 'walk_in', ?5, 'waiting', ?6)`,
      ).bind(crypto.randomUUID(), office.id, DAY, 100 + i, topic!.id, new Date(from.getTime() + i * 60_000).toISOString()),
    ),
  );
}

describe("the wait range on today's board", () => {
  it("is, for every waiting number, what its status page says at the same moment; none for the one in a room", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const rooms = await roomsOf(office);
    const booked = BookingCreated.parse(
      await (await post(office, "/api/bookings", bookingBody({ start: "2026-11-30T14:30:00+01:00" }), { now: new Date("2026-11-24T07:00:00Z") })).json(),
    );
    const kiosk = await kioskOf(office, after(-20));
    const first = await kiosk.walkIn();
    const waiting = [await kiosk.walkIn(), await kiosk.walkIn("kompetenzanalyse"), await kiosk.walkIn()];
    // Raum 1 has the first in a conversation since 13:45; the appointment at 14:30 checked in at 14:10.
    const called = TicketActionResult.parse(await (await staff.post("/queue/call-next", { roomId: rooms["Raum 1"] }, after(-15))).json()).ticket;
    expect(called.label).toBe(first.label);
    expect((await staff.post(`/tickets/${called.id}/start`, {}, after(-15))).status).toBe(200);
    waiting.push(await (await kioskOf(office, after(10))).checkIn(booked.code));

    const now = after(12);
    const res = await staff.get("/board", now);
    expect(res.status).toBe(200);
    const board = Board.parse(await res.json());
    const tickets = ticketsOf(board);
    const onBoard = new Map(board.walkIns.map((t) => [t.label, t]));
    const ranges = [];
    for (const view of waiting) {
      const status = await statusOf(office, view, now);
      const ticket = [...tickets.values()].find((t) => t.label === view.label)!;
      expect({ label: view.label, status: ticket.status, estimate: ticket.estimate }).toEqual({ label: view.label, status: "waiting", estimate: status.estimate });
      ranges.push(status.estimate);
    }
    // A range that says something: two rooms, someone in one, four waiting.
    expect(ranges.some((e) => e.high > 5)).toBe(true);
    // The appointment's number on its row carries it too; the number in the room carries none.
    expect(board.appointments.find((a) => a.bookingId === booked.id)!.ticket!.estimate).toEqual(ranges[3]);
    expect(board.rooms.find((r) => r.id === rooms["Raum 1"])!.current).toMatchObject({ label: first.label, status: "in_progress" });
    expect(board.rooms.find((r) => r.id === rooms["Raum 1"])!.current!.estimate).toBeUndefined();
    expect(onBoard.get(first.label)!.estimate).toBeUndefined();
  });

  it("is the status page's also far back in a long queue, past today's closing, behind the 60 walk-ins the estimate reads", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const kiosk = await kioskOf(office, OPEN);
    const front = await kiosk.walkIn();
    await queueOf(office, 70, after(1));
    const last = await (await kioskOf(office, after(80))).walkIn();

    const now = after(90);
    const board = Board.parse(await (await staff.get("/board", now)).json());
    expect(board.waiting).toBe(72);
    const byLabel = new Map(board.walkIns.map((t) => [t.label, t]));
    for (const view of [front, last]) {
      expect({ label: view.label, estimate: byLabel.get(view.label)!.estimate }).toEqual({ label: view.label, estimate: (await statusOf(office, view, now)).estimate });
    }
    // 71 people before it, two rooms, 30-minute topics, 15:30 now and closing at 17:30: not today.
    expect(byLabel.get(last.label)!.estimate!.pastClosing).toBe(true);
    expect(byLabel.get(front.label)!.estimate!.pastClosing).toBeUndefined();
    // Every waiting number has one.
    expect(board.walkIns.filter((t) => !t.estimate)).toEqual([]);
  });
});

describe("the wait range on other days' boards", () => {
  it("is given on no other day: a day gone by with a number left waiting, a day to come, today asked by its date", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const kiosk = await kioskOf(office, OPEN);
    const today = await kiosk.walkIn();
    // A number of last Monday left waiting (nobody closed it).
    const topic = await env.DB.prepare("SELECT id FROM topics WHERE location_id = ?1 AND key = 'fragen'").bind(office.id).first<{ id: number }>();
    await env.DB.prepare(
      `INSERT INTO queue_tickets (id, location_id, local_day, prefix, number, kind, topic_id, status, issued_at)
       VALUES (?1, ?2, '2026-11-23', 'W', 1, 'walk_in', ?3, 'waiting', '2026-11-23T13:30:00.000Z')`,
    )
      .bind(crypto.randomUUID(), office.id, topic!.id)
      .run();
    await post(office, "/api/bookings", bookingBody({ start: "2026-12-02T09:00:00+01:00" }), { now: new Date("2026-11-24T07:00:00Z") });

    const past = Board.parse(await (await staff.get("/board?day=2026-11-23")).json());
    expect(past.walkIns.map((t) => [t.status, t.estimate])).toEqual([["waiting", undefined]]);
    const future = Board.parse(await (await staff.get("/board?day=2026-12-02")).json());
    expect(future.appointments).toHaveLength(1);
    expect(future.walkIns).toEqual([]);
    // Today by its date is today's board.
    const byDate = Board.parse(await (await staff.get(`/board?day=${DAY}`)).json());
    expect(byDate.walkIns.map((t) => [t.label, t.estimate])).toEqual([[today.label, (await statusOf(office, today, OPEN)).estimate]]);
  });
});
