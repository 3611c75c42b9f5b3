import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "../../schemas/common";
import { TicketActionResult } from "../../schemas/staff-board";
import { createOffice } from "../helpers/fixtures";
import { OPEN, after, bookingState, callsOf, checkedIn, roomsOf, signedIn, ticketRow, walkIn, type Staff } from "./staff-queue-support";

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
