import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { TicketView } from "../../schemas/kiosk";
import { Board, BoardTicket, BookingNoShowResult, TicketActionResult } from "../../schemas/staff-board";
import { post } from "../helpers/bookings";
import { createOffice, pairedDevice, takeSeats } from "../helpers/fixtures";
import { DAY, OPEN, after, bookingState, callsOf, checkedIn, roomsOf, signedIn, ticketRow, walkIn } from "./staff-queue-support";

// Staff run the day's queue (issue 5): the board, call-next, the ticket actions and their DB effects.

const ticketOf = async (res: Response) => {
  expect(res.status).toBe(200);
  return TicketActionResult.parse(await res.json()).ticket;
};

describe("GET /board", () => {
  it("shows the day: appointments in start order with their state, walk-ins, requests, rooms, waiting", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const later = await takeSeats(office, "2026-11-30T14:30:00.000Z"); // 15:30 local, not here yet
    const cancelled = await takeSeats(office, "2026-11-30T12:30:00.000Z"); // 13:30 local
    await env.DB.prepare("UPDATE bookings SET status = 'cancelled' WHERE id = ?1").bind(cancelled).run();
    const due = await checkedIn(office, OPEN, after(-10)); // 14:00, checked in 13:50
    const w1 = await walkIn(office, after(-25));
    const w2 = await walkIn(office, after(-5));
    await takeSeats(office, "2026-12-01T09:00:00.000Z"); // tomorrow: not on today's board
    const pastMidnight = await takeSeats(office, "2026-11-30T23:30:00.000Z"); // 00:30 local on the 1st: tomorrow too
    const request = await post(office, "/api/requests", {
      topic: "fragen",
      name: "Ali Yılmaz",
      email: "ali@example.org",
      preferredWeekdays: [2, 4],
      preferredTimes: ["morning"],
      wish: "Am liebsten früh.",
      consent: true,
    }, { now: after(-60) });
    expect(request.status).toBe(201);

    const res = await staff.get("/board");
    expect(res.status).toBe(200);
    const board = Board.parse(await res.json());
    expect(board).toMatchObject({ day: DAY, now: "2026-11-30T14:00:00+01:00", office: { slug: office.slug, name: "Testbüro Kempten-Ost" }, waiting: 3, calls: [] });
    expect(board.rooms.map((r) => [r.name, r.current])).toEqual([["Raum 1", null], ["Raum 2", null]]);
    expect(board.appointments.map((a) => [a.bookingId, a.start, a.state])).toEqual([
      [cancelled, "2026-11-30T13:30:00+01:00", "cancelled"],
      [due.bookingId, "2026-11-30T14:00:00+01:00", "checked_in"],
      [later, "2026-11-30T15:30:00+01:00", "booked"],
    ]);
    // "Nicht erschienen" is for the booked one, from its start plus the 15 check-in minutes.
    expect(board.appointments.map((a) => a.noShowFrom)).toEqual([null, null, "2026-11-30T15:45:00+01:00"]);
    const arrived = board.appointments[1]!;
    expect(arrived).toMatchObject({ name: "Test Person", email: "test@example.org", source: "online", callCount: 0, topic: { key: "fragen", label: { de: "Thema fragen", en: "Topic fragen" } } });
    expect(arrived.ticket).toMatchObject({ id: due.ticketId, kind: "appointment", status: "waiting", waitedMinutes: 10, appointmentStart: "2026-11-30T14:00:00+01:00", bookingId: due.bookingId });
    expect(board.walkIns.map((t) => [t.id, t.status, t.waitedMinutes, t.room])).toEqual([[w1, "waiting", 25, null], [w2, "waiting", 5, null]]);
    expect(board.requests).toHaveLength(1);
    expect(board.requests[0]).toMatchObject({ name: "Ali Yılmaz", preferredWeekdays: [2, 4], preferredTimes: ["morning"], wish: "Am liebsten früh.", createdAt: "2026-11-30T13:00:00+01:00" });

    // Another day by query: tomorrow's booking, none of today's tickets.
    const tomorrow = Board.parse(await (await staff.get("/board?day=2026-12-01")).json());
    expect(tomorrow).toMatchObject({ day: "2026-12-01", waiting: 0, walkIns: [] });
    expect(tomorrow.appointments.map((a) => [a.bookingId === pastMidnight, a.start])).toEqual([
      [true, "2026-12-01T00:30:00+01:00"],
      [false, "2026-12-01T10:00:00+01:00"],
    ]);
  });

  it("shows who is in which room and the last five calls, newest first", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const rooms = await roomsOf(office);
    const ids = [];
    for (let i = 0; i < 7; i++) ids.push(await walkIn(office, after(-30 + i)));
    // Each person is taken in before the room's next call (a called number blocks its room).
    for (let i = 0; i < 6; i++) {
      const called = await ticketOf(await staff.post("/queue/call-next", { roomId: rooms[i % 2 ? "Raum 2" : "Raum 1"] }, after(i)));
      if (i < 4) await ticketOf(await staff.post(`/tickets/${called.id}/start`, {}, after(i)));
    }
    await ticketOf(await staff.post(`/tickets/${ids[5]}/recall`, {}, after(6)));

    const board = Board.parse(await (await staff.get("/board", after(7))).json());
    expect(board.rooms.map((r) => [r.name, r.current?.id])).toEqual([["Raum 1", ids[4]], ["Raum 2", ids[5]]]);
    expect(board.calls.map((q) => [q.label, q.room, q.at])).toEqual([
      ["W " + (await numberOf(ids[5]!)), "Raum 2", "2026-11-30T14:06:00+01:00"],
      ["W " + (await numberOf(ids[5]!)), "Raum 2", "2026-11-30T14:05:00+01:00"],
      ["W " + (await numberOf(ids[4]!)), "Raum 1", "2026-11-30T14:04:00+01:00"],
      ["W " + (await numberOf(ids[3]!)), "Raum 2", "2026-11-30T14:03:00+01:00"],
      ["W " + (await numberOf(ids[2]!)), "Raum 1", "2026-11-30T14:02:00+01:00"],
    ]);
    expect(board.walkIns.map((t) => t.status)).toEqual(["done", "done", "done", "done", "called", "called", "waiting"]);
    expect(board.waiting).toBe(1);
    // The calls are the shown day's: the day before and after list none of today's.
    for (const day of ["2026-11-29", "2026-12-01"]) {
      expect(Board.parse(await (await staff.get(`/board?day=${day}`, after(7))).json()).calls).toEqual([]);
    }
  });
});

async function numberOf(id: string): Promise<number> {
  return (await env.DB.prepare("SELECT number FROM queue_tickets WHERE id = ?1").bind(id).first<{ number: number }>())!.number;
}

describe("POST /queue/call-next", () => {
  it("calls the due appointment before an earlier walk-in, into my room, and records the call", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const rooms = await roomsOf(office);
    const w = await walkIn(office, after(-40));
    const early = await checkedIn(office, after(30), after(-20)); // 14:30: early, waits
    const due = await checkedIn(office, after(4), after(-10)); // 14:04: due (within 5 minutes)

    const first = await ticketOf(await staff.post("/queue/call-next", { roomId: rooms["Raum 2"] }));
    expect(first).toMatchObject({ id: due.ticketId, status: "called", room: { id: rooms["Raum 2"], name: "Raum 2" }, callCount: 1, calledAt: "2026-11-30T14:00:00+01:00", waitedMinutes: 10 });
    expect(await ticketRow(due.ticketId)).toMatchObject({ status: "called", room_id: rooms["Raum 2"], call_count: 1, called_at: OPEN.toISOString() });
    expect(await callsOf(due.ticketId)).toEqual([{ room_id: rooms["Raum 2"], at: OPEN.toISOString(), by_staff_id: staff.id }]);
    expect((await bookingState(due.bookingId)).status).toBe("checked_in");

    // Then the walk-in (the early visitor waits for their time), then the early visitor, then nobody.
    expect((await ticketOf(await staff.post("/queue/call-next", { roomId: rooms["Raum 1"] }))).id).toBe(w);
    await ticketOf(await staff.post(`/tickets/${w}/start`));
    expect((await ticketOf(await staff.post("/queue/call-next", { roomId: rooms["Raum 1"] }))).id).toBe(early.ticketId);
    await ticketOf(await staff.post(`/tickets/${early.ticketId}/start`));
    const empty = await staff.post("/queue/call-next", { roomId: rooms["Raum 1"] });
    expect(empty.status).toBe(409);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe("queue_empty");
  });

  it("finishes the conversation still going on in my room: the appointment's booking is completed, the other room untouched", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const rooms = await roomsOf(office);
    const appt = await checkedIn(office, after(-5), after(-15));
    const other = await walkIn(office, after(-12));
    const next = await walkIn(office, after(-8));
    await ticketOf(await staff.post("/queue/call-next", { roomId: rooms["Raum 1"] })); // the appointment
    await ticketOf(await staff.post("/queue/call-next", { roomId: rooms["Raum 2"] })); // `other`
    await ticketOf(await staff.post(`/tickets/${appt.ticketId}/start`, {}, after(1)));

    const called = await ticketOf(await staff.post("/queue/call-next", { roomId: rooms["Raum 1"] }, after(20)));
    expect(called.id).toBe(next);
    expect(await ticketRow(appt.ticketId)).toMatchObject({ status: "done", started_at: after(1).toISOString(), ended_at: after(20).toISOString() });
    expect(await bookingState(appt.bookingId)).toEqual({
      status: "completed",
      invite_sequence: 2,
      events: [
        { sequence: 1, status: "checked_in", actor: "device:test" },
        { sequence: 2, status: "completed", actor: `staff:${staff.id}` },
      ],
    });
    expect((await ticketRow(other)).status).toBe("called");
  });
});

describe("ticket actions", () => {
  it("call → recall → start → finish, each with its effect, and the booking completed", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const rooms = await roomsOf(office);
    const appt = await checkedIn(office, after(10), after(-3));
    await walkIn(office, after(-30)); // would come first by the rule; staff call the appointment directly

    const called = await ticketOf(await staff.post(`/tickets/${appt.ticketId}/call`, { roomId: rooms["Raum 1"] }));
    expect(called).toMatchObject({ id: appt.ticketId, status: "called", room: { name: "Raum 1" }, callCount: 1 });

    const recalled = await ticketOf(await staff.post(`/tickets/${appt.ticketId}/recall`, {}, after(2)));
    expect(recalled).toMatchObject({ status: "called", callCount: 2, calledAt: "2026-11-30T14:02:00+01:00", waitedMinutes: 3 });
    expect((await callsOf(appt.ticketId)).map((q) => [q.room_id, q.at])).toEqual([
      [rooms["Raum 1"], OPEN.toISOString()],
      [rooms["Raum 1"], after(2).toISOString()],
    ]);

    expect(await ticketOf(await staff.post(`/tickets/${appt.ticketId}/start`, {}, after(3)))).toMatchObject({ status: "in_progress" });
    expect(await ticketRow(appt.ticketId)).toMatchObject({ status: "in_progress", started_at: after(3).toISOString() });
    const board = Board.parse(await (await staff.get("/board", after(4))).json());
    expect(board.appointments[0]).toMatchObject({ state: "in_room", callCount: 2 });
    expect(board.rooms[0]!.current?.id).toBe(appt.ticketId);

    expect(await ticketOf(await staff.post(`/tickets/${appt.ticketId}/finish`, {}, after(33)))).toMatchObject({ status: "done", room: { name: "Raum 1" } });
    expect(await ticketRow(appt.ticketId)).toMatchObject({ status: "done", ended_at: after(33).toISOString() });
    expect(await bookingState(appt.bookingId)).toMatchObject({ status: "completed", invite_sequence: 2 });
    const afterwards = Board.parse(await (await staff.get("/board", after(34))).json());
    expect(afterwards.appointments[0]!.state).toBe("done");
    expect(afterwards.rooms[0]!.current).toBeNull();
  });

  it("marks a no-show after two calls; the appointment's booking too", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const rooms = await roomsOf(office);
    const appt = await checkedIn(office, after(-2), after(-12));
    await ticketOf(await staff.post("/queue/call-next", { roomId: rooms["Raum 2"] }));
    await ticketOf(await staff.post(`/tickets/${appt.ticketId}/recall`, {}, after(3)));
    const res = await staff.post(`/tickets/${appt.ticketId}/no-show`, {}, after(6));
    expect(await ticketOf(res)).toMatchObject({ status: "no_show", callCount: 2 });
    expect(await ticketRow(appt.ticketId)).toMatchObject({ status: "no_show", ended_at: after(6).toISOString() });
    expect(await bookingState(appt.bookingId)).toMatchObject({
      status: "no_show",
      events: [{ status: "checked_in" }, { sequence: 2, status: "no_show", actor: `staff:${staff.id}` }],
    });
  });

  it("puts a called number back in the queue: no room, and it keeps its place", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const rooms = await roomsOf(office);
    const first = await walkIn(office, after(-20));
    const second = await walkIn(office, after(-10));
    await ticketOf(await staff.post("/queue/call-next", { roomId: rooms["Raum 1"] }));
    const back = await ticketOf(await staff.post(`/tickets/${first}/requeue`, {}, after(1)));
    expect(back).toMatchObject({ id: first, status: "waiting", room: null, callCount: 1, waitedMinutes: 21 });
    expect(await ticketRow(first)).toMatchObject({ status: "waiting", room_id: null, call_count: 1 });
    // Raum 1 is free again (nothing finished), and the requeued number is still first in line.
    expect((await ticketOf(await staff.post("/queue/call-next", { roomId: rooms["Raum 2"] }, after(2)))).id).toBe(first);
    expect((await ticketRow(second)).status).toBe("waiting");
    expect(await callsOf(first)).toHaveLength(2);
  });
});

describe("POST /tickets (a walk-in added at the desk)", () => {
  it("issues the next W number as a staff ticket, also when the office is closed, without a status link", async () => {
    const office = await createOffice();
    const tuesday = new Date("2026-12-01T09:00:00Z"); // closed on Tuesdays
    const staff = await signedIn(office, tuesday);
    const first = await staff.post("/tickets", { topic: "intern" });
    expect(first.status).toBe(201);
    const a = BoardTicket.parse(await first.json());
    const b = BoardTicket.parse(await (await staff.post("/tickets", { topic: "fragen" })).json());
    expect([a.label, b.label]).toEqual(["W 1", "W 2"]);
    expect(a).toMatchObject({ kind: "walk_in", status: "waiting", topic: { key: "intern" }, room: null, callCount: 0, issuedAt: "2026-12-01T10:00:00+01:00" });
    const rows = await env.DB.prepare(
      "SELECT source, local_day, (SELECT count(*) FROM ticket_tokens k WHERE k.ticket_id = t.id) AS links FROM queue_tickets t WHERE location_id = ?1 ORDER BY number",
    )
      .bind(office.id)
      .all();
    expect(rows.results).toEqual([
      { source: "staff", local_day: "2026-12-01", links: 0 },
      { source: "staff", local_day: "2026-12-01", links: 0 },
    ]);
  });

  it("gives one number for a double click with the same Idempotency-Key", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const headers = { "Idempotency-Key": crypto.randomUUID() };
    const [x, y] = await Promise.all([staff.post("/tickets", { topic: "fragen" }, OPEN, headers), staff.post("/tickets", { topic: "fragen" }, OPEN, headers)]);
    expect([x.status, y.status]).toEqual([201, 201]);
    const ids = [BoardTicket.parse(await x.json()).id, BoardTicket.parse(await y.json()).id];
    expect(ids[0]).toBe(ids[1]);
    const n = await env.DB.prepare("SELECT count(*) AS n FROM queue_tickets WHERE location_id = ?1").bind(office.id).first<{ n: number }>();
    expect(n!.n).toBe(1);
  });
});

describe("the visitor's status page and the kiosk follow the calls", () => {
  it("a kiosk number called into Raum 2 shows 'called' with the room; the kiosk counts one less waiting", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const rooms = await roomsOf(office);
    const device = await pairedDevice(office, "kiosk");
    const auth = { Authorization: `Bearer ${device}` };
    const issued = await post(office, "/api/kiosk/tickets", { topic: "fragen" }, { now: OPEN, headers: auth });
    const view = TicketView.parse(await issued.json());
    const token = new URL(view.statusUrl).hash.slice(1);
    const waiting = async () => ((await (await office.request("/api/kiosk/state", { headers: auth }, OPEN)).json()) as { waiting: number }).waiting;
    expect(await waiting()).toBe(1);

    await ticketOf(await staff.post("/queue/call-next", { roomId: rooms["Raum 2"] }));
    const status = TicketView.parse(await (await office.request(`/api/status/${token}`, {}, OPEN)).json());
    expect(status).toMatchObject({ label: "W 1", status: "called", room: "Raum 2", ahead: 0 });
    expect(await waiting()).toBe(0);
  });
});

describe("POST /bookings/:id/no-show (a booked appointment that never checked in)", () => {
  it("marks it as not come once check-in has closed (start + 15 minutes), with its history event; the board shows it", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const bookingId = await takeSeats(office, after(-15).toISOString()); // 13:45 local; check-in closed at 14:00
    const res = await staff.post(`/bookings/${bookingId}/no-show`);
    expect(res.status).toBe(200);
    expect(BookingNoShowResult.parse(await res.json())).toEqual({ booking: { id: bookingId, status: "no_show" } });
    expect(await bookingState(bookingId)).toEqual({
      status: "no_show",
      invite_sequence: 1,
      events: [{ sequence: 1, status: "no_show", actor: `staff:${staff.id}` }],
    });
    const board = Board.parse(await (await staff.get("/board")).json());
    expect(board.appointments.map((a) => [a.bookingId, a.state, a.noShowFrom])).toEqual([[bookingId, "no_show", null]]);
  });
});
