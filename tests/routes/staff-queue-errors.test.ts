import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "../../schemas/common";
import { TicketActionResult } from "../../schemas/staff-board";
import { createOffice, takeSeats, type Office } from "../helpers/fixtures";
import { DAY, OPEN, after, bookingState, callsOf, checkedIn, roomsOf, signedIn, ticketRow, walkIn, type Staff } from "./staff-queue-support";

// What the staff queue routes refuse, with which code, and that a refusal changes nothing.

async function refused(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = ErrorBody.parse(await res.json());
  expect(body.error.code).toBe(code);
  return body.error;
}

/** Everything a queue action could touch, to compare before and after a refusal. */
async function snapshot(officeId: number) {
  const q = (sql: string) => env.DB.prepare(sql).bind(officeId).all();
  return {
    tickets: (await q("SELECT id, status, room_id, call_count, called_at, started_at, ended_at FROM queue_tickets WHERE location_id = ?1 ORDER BY id")).results,
    calls: (await q("SELECT ticket_id, room_id, at FROM queue_calls WHERE location_id = ?1 ORDER BY id")).results,
    bookings: (await q("SELECT id, status, invite_sequence FROM bookings WHERE location_id = ?1 ORDER BY id")).results,
    events: (await q("SELECT e.booking_id, e.sequence FROM booking_events e JOIN bookings b ON b.id = e.booking_id WHERE b.location_id = ?1 ORDER BY e.id")).results,
  };
}

describe("bad input is a 400 that changes nothing", () => {
  it.each<[string, string, unknown, string]>([
    ["call-next without a room", "/queue/call-next", {}, "invalid_request"],
    ["call-next with a room name instead of its id", "/queue/call-next", { roomId: "Raum 1" }, "invalid_request"],
    ["call-next with an unknown field", "/queue/call-next", { roomId: 1, force: true }, "invalid_request"],
    ["call-next that is not JSON", "/queue/call-next", "{roomId:", "invalid_request"],
    ["call-next into a room that does not exist", "/queue/call-next", { roomId: 999_999 }, "unknown_room"],
    ["a desk number without a topic", "/tickets", {}, "invalid_request"],
    ["a desk number with a malformed topic", "/tickets", { topic: "Fragen!" }, "invalid_request"],
    ["a desk number with an unknown topic", "/tickets", { topic: "steuern" }, "unknown_topic"],
  ])("%s", async (_name, path, body, code) => {
    const office = await createOffice();
    const staff = await signedIn(office);
    await walkIn(office, after(-5));
    const before = await snapshot(office.id);
    await refused(await staff.post(path, body), 400, code);
    expect(await snapshot(office.id)).toEqual(before);
  });

  it("refuses a call into another office's room", async () => {
    const office = await createOffice();
    const other = await createOffice();
    const staff = await signedIn(office);
    const w = await walkIn(office, after(-5));
    const error = await refused(await staff.post("/queue/call-next", { roomId: (await roomsOf(other))["Raum 1"] }), 400, "unknown_room");
    expect(error.field).toBe("roomId");
    expect(error.message).toMatch(/room/);
    await refused(await staff.post(`/tickets/${w}/call`, { roomId: (await roomsOf(other))["Raum 2"] }), 400, "unknown_room");
    expect((await ticketRow(w)).status).toBe("waiting");
  });

  it.each(["day=30.11.2026", "day=2026-02-30", "date=2026-11-30"])("GET /board?%s → 400", async (query) => {
    const office = await createOffice();
    const staff = await signedIn(office);
    await refused(await staff.get(`/board?${query}`), 400, "invalid_request");
  });
});

describe("unknown numbers and other offices' numbers are 404", () => {
  const actions = ["call", "recall", "start", "finish", "no-show", "requeue"] as const;

  it.each(actions)("POST /tickets/:id/%s with an unknown id", async (act) => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const rooms = await roomsOf(office);
    await refused(await staff.post(`/tickets/${crypto.randomUUID()}/${act}`, { roomId: rooms["Raum 1"] }), 404, "not_found");
    await refused(await staff.post(`/tickets/${"x".repeat(101)}/${act}`, { roomId: rooms["Raum 1"] }), 404, "not_found");
  });

  it.each(actions)("POST /tickets/:id/%s with another office's number changes nothing there", async (act) => {
    const office = await createOffice();
    const other = await createOffice();
    const staff = await signedIn(office);
    const stranger = await signedIn(other);
    const rooms = await roomsOf(office);
    const theirs = await walkIn(other, after(-5));
    // Give it a state in which each action would apply at home: called twice (or waiting for "call").
    if (act !== "call") {
      await stranger.post("/queue/call-next", { roomId: (await roomsOf(other))["Raum 1"] });
      await stranger.post(`/tickets/${theirs}/recall`);
    }
    const before = await snapshot(other.id);
    await refused(await staff.post(`/tickets/${theirs}/${act}`, { roomId: rooms["Raum 1"] }), 404, "not_found");
    expect(await snapshot(other.id)).toEqual(before);
  });
});

describe("actions on a number in the wrong state are 409 ticket_state and change nothing", () => {
  async function setUp() {
    const office = await createOffice();
    const staff = await signedIn(office);
    const rooms = await roomsOf(office);
    return { office, staff, rooms };
  }
  const call = async (staff: Staff, id: string, roomId: number) =>
    TicketActionResult.parse(await (await staff.post(`/tickets/${id}/call`, { roomId })).json());

  it.each([
    ["waiting", "recall"],
    ["waiting", "start"],
    ["waiting", "finish"],
    ["waiting", "no-show"],
    ["waiting", "requeue"],
    ["called", "call"],
    ["in_progress", "call"],
    ["in_progress", "start"],
    ["in_progress", "recall"],
    ["in_progress", "no-show"],
    ["done", "call"],
    ["done", "recall"],
    ["done", "start"],
    ["done", "finish"],
    ["done", "no-show"],
    ["done", "requeue"],
  ])("a %s number: %s", async (state, act) => {
    const { office, staff, rooms } = await setUp();
    const appt = await checkedIn(office, after(-5), after(-10));
    const id = appt.ticketId;
    if (state !== "waiting") await call(staff, id, rooms["Raum 1"]!);
    if (state === "in_progress" || state === "done") await staff.post(`/tickets/${id}/start`);
    if (state === "done") await staff.post(`/tickets/${id}/finish`);
    expect((await ticketRow(id)).status).toBe(state);
    const before = await snapshot(office.id);
    const error = await refused(await staff.post(`/tickets/${id}/${act}`, { roomId: rooms["Raum 2"] }), 409, "ticket_state");
    expect(error.message).toContain("T ");
    expect(await snapshot(office.id)).toEqual(before);
  });

  it("no-show before the second call is 409 too_few_calls; after a recall it works", async () => {
    const { office, staff, rooms } = await setUp();
    const appt = await checkedIn(office, after(-5), after(-10));
    await call(staff, appt.ticketId, rooms["Raum 1"]!);
    const before = await snapshot(office.id);
    await refused(await staff.post(`/tickets/${appt.ticketId}/no-show`), 409, "too_few_calls");
    expect(await snapshot(office.id)).toEqual(before);
    expect((await bookingState(appt.bookingId)).status).toBe("checked_in");
    await staff.post(`/tickets/${appt.ticketId}/recall`);
    expect((await staff.post(`/tickets/${appt.ticketId}/no-show`)).status).toBe(200);
  });

  it("a requeued number called once before still needs a second call of its own state", async () => {
    const { office, staff, rooms } = await setUp();
    const w = await walkIn(office, after(-10));
    await call(staff, w, rooms["Raum 1"]!);
    await staff.post(`/tickets/${w}/requeue`);
    await refused(await staff.post(`/tickets/${w}/no-show`), 409, "ticket_state"); // waiting, not called
    await call(staff, w, rooms["Raum 1"]!);
    expect((await staff.post(`/tickets/${w}/no-show`)).status).toBe(200); // two calls in all
    expect(await callsOf(w)).toHaveLength(2);
  });
});

describe("call-next with nobody to call", () => {
  it("is 409 queue_empty; yesterday's leftovers and numbers already called do not count", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const rooms = await roomsOf(office);
    await env.DB.prepare(
      `INSERT INTO queue_tickets (id, location_id, local_day, prefix, number, kind, status, issued_at)
       VALUES (?1, ?2, '2026-11-29', 'W', 1, 'walk_in', 'waiting', '2026-11-29T15:00:00.000Z')`,
    )
      .bind(crypto.randomUUID(), office.id)
      .run();
    const w = await walkIn(office, after(-3));
    await staff.post(`/tickets/${w}/call`, { roomId: rooms["Raum 1"] });
    const before = await snapshot(office.id);
    await refused(await staff.post("/queue/call-next", { roomId: rooms["Raum 2"] }), 409, "queue_empty");
    expect(await snapshot(office.id)).toEqual(before);
  });

  it("without a session is 401", async () => {
    const office = await createOffice();
    const res = await office.request(`http://localhost/api/staff/${office.slug}/queue/call-next`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "http://localhost" },
      body: JSON.stringify({ roomId: 1 }),
    }, OPEN);
    await refused(res, 401, "unauthorized");
  });
});

describe("a number still called in my room blocks the next call there: 409 room_busy, nothing changes", () => {
  it("call-next twice into one room: the first person stays called (not finished unseen), the other room still works", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const rooms = await roomsOf(office);
    const appt = await checkedIn(office, after(-5), after(-15));
    const w = await walkIn(office, after(-10));
    const first = TicketActionResult.parse(await (await staff.post("/queue/call-next", { roomId: rooms["Raum 1"] })).json()).ticket;
    expect(first.id).toBe(appt.ticketId);
    const before = await snapshot(office.id);
    const error = await refused(await staff.post("/queue/call-next", { roomId: rooms["Raum 1"] }, after(1)), 409, "room_busy");
    expect(error.message).toMatch(/^Raum 1: T \d+ is still called/);
    await refused(await staff.post(`/tickets/${w}/call`, { roomId: rooms["Raum 1"] }, after(1)), 409, "room_busy");
    expect(await snapshot(office.id)).toEqual(before);
    expect(await ticketRow(appt.ticketId)).toMatchObject({ status: "called", ended_at: null });
    expect((await bookingState(appt.bookingId)).status).toBe("checked_in");
    // The other room is free.
    const other = TicketActionResult.parse(await (await staff.post("/queue/call-next", { roomId: rooms["Raum 2"] }, after(1))).json()).ticket;
    expect(other.id).toBe(w);
  });

  it.each(["start", "no-show", "requeue"] as const)("after %s the room takes the next call", async (act) => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const rooms = await roomsOf(office);
    const first = await walkIn(office, after(-10));
    const second = await walkIn(office, after(-5));
    await staff.post("/queue/call-next", { roomId: rooms["Raum 1"] });
    if (act === "no-show") await staff.post(`/tickets/${first}/recall`);
    expect((await staff.post(`/tickets/${first}/${act}`, {}, after(1))).status).toBe(200);
    const res = await staff.post(`/tickets/${second}/call`, { roomId: rooms["Raum 1"] }, after(2));
    expect(res.status).toBe(200);
    expect(TicketActionResult.parse(await res.json()).ticket).toMatchObject({ id: second, status: "called", room: { id: rooms["Raum 1"] } });
    // Only a conversation that was started counts as seen.
    expect((await ticketRow(first)).status).toBe({ start: "done", "no-show": "no_show", requeue: "waiting" }[act]);
  });

  it("yesterday's number left called in the room does not block today's calls", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const rooms = await roomsOf(office);
    const old = crypto.randomUUID();
    await env.DB.prepare(
      `INSERT INTO queue_tickets (id, location_id, local_day, prefix, number, kind, status, room_id, call_count, called_at, issued_at)
       VALUES (?1, ?2, '2026-11-29', 'W', 9, 'walk_in', 'called', ?3, 1, '2026-11-29T15:05:00.000Z', '2026-11-29T15:00:00.000Z')`,
    )
      .bind(old, office.id, rooms["Raum 1"])
      .run();
    const w = await walkIn(office, after(-5));
    const res = await staff.post("/queue/call-next", { roomId: rooms["Raum 1"] });
    expect(res.status).toBe(200);
    expect(TicketActionResult.parse(await res.json()).ticket.id).toBe(w);
    expect((await ticketRow(old)).status).toBe("called");
  });
});

describe("numbers of an earlier day cannot be called, called again or started today: 409 ticket_other_day", () => {
  it.each([
    ["waiting", "call"],
    ["called", "recall"],
    ["called", "start"],
  ] as const)("yesterday's %s number: %s", async (state, act) => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const rooms = await roomsOf(office);
    const old = crypto.randomUUID();
    await env.DB.prepare(
      `INSERT INTO queue_tickets (id, location_id, local_day, prefix, number, kind, status, room_id, call_count, issued_at)
       VALUES (?1, ?2, '2026-11-29', 'W', 4, 'walk_in', ?3, ?4, ?5, '2026-11-29T15:00:00.000Z')`,
    )
      .bind(old, office.id, state, state === "called" ? rooms["Raum 2"] : null, state === "called" ? 1 : 0)
      .run();
    const before = await snapshot(office.id);
    const error = await refused(await staff.post(`/tickets/${old}/${act}`, { roomId: rooms["Raum 1"] }), 409, "ticket_other_day");
    expect(error.message).toContain("2026-11-29");
    expect(await snapshot(office.id)).toEqual(before);
  });
});

describe("POST /bookings/:id/no-show refuses what is not a missed, booked appointment", () => {
  it.each<[string, (office: Office, bookingId: string) => Promise<void>, number]>([
    ["check-in still open (started 14 minutes ago)", async () => {}, -14],
    ["not begun yet", async () => {}, 30],
    ["checked in (has a number)", async (office, id) => void (await addTicket(office, id)), -30],
    ["cancelled", async (_o, id) => void (await env.DB.prepare("UPDATE bookings SET status = 'cancelled' WHERE id = ?1").bind(id).run()), -30],
    ["already marked", async (_o, id) => void (await env.DB.prepare("UPDATE bookings SET status = 'no_show' WHERE id = ?1").bind(id).run()), -30],
  ])("%s: 409 booking_not_changeable", async (_name, prepare, startMinutes) => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const id = await takeSeats(office, after(startMinutes).toISOString());
    await prepare(office, id);
    const before = await snapshot(office.id);
    await refused(await staff.post(`/bookings/${id}/no-show`), 409, "booking_not_changeable");
    expect(await snapshot(office.id)).toEqual(before);
  });

  it("a request 'nach Vereinbarung' is not an appointment: 409", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const id = await takeSeats(office, after(-30).toISOString());
    await env.DB.prepare("UPDATE bookings SET kind = 'request', status = 'requested', starts_at = NULL, ends_at = NULL WHERE id = ?1").bind(id).run();
    await refused(await staff.post(`/bookings/${id}/no-show`), 409, "booking_not_changeable");
    expect((await bookingState(id)).status).toBe("requested");
  });

  it("another office's booking and an unknown id are 404 and change nothing", async () => {
    const office = await createOffice();
    const other = await createOffice();
    const staff = await signedIn(office);
    const theirs = await takeSeats(other, after(-30).toISOString());
    const before = await snapshot(other.id);
    await refused(await staff.post(`/bookings/${theirs}/no-show`), 404, "not_found");
    await refused(await staff.post(`/bookings/${crypto.randomUUID()}/no-show`), 404, "not_found");
    await refused(await staff.post(`/bookings/${"x".repeat(101)}/no-show`), 404, "not_found");
    expect(await snapshot(other.id)).toEqual(before);
  });

  it("two clicks at once: one 200, one 409, one history event", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const id = await takeSeats(office, after(-30).toISOString());
    const [a, b] = await Promise.all([staff.post(`/bookings/${id}/no-show`), staff.post(`/bookings/${id}/no-show`)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await bookingState(id)).toMatchObject({ status: "no_show", invite_sequence: 1, events: [{ sequence: 1, status: "no_show" }] });
  });
});

/** A waiting 'T' ticket for a booking (its check-in), without changing the booking's status. */
async function addTicket(office: Office, bookingId: string) {
  await env.DB.prepare(
    `INSERT INTO queue_tickets (id, location_id, local_day, prefix, number, kind, booking_id, status, issued_at)
     VALUES (?1, ?2, ?3, 'T', 1, 'appointment', ?4, 'waiting', ?5)`,
  )
    .bind(crypto.randomUUID(), office.id, DAY, bookingId, after(-20).toISOString())
    .run();
}
