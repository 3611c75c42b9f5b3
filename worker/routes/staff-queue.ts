import { Hono, type Context } from "hono";
import {
  BoardQuery,
  CallBody,
  StaffTicketCreate,
  type Board,
  type BoardTicket,
  type BookingNoShowResult,
  type TicketActionResult,
} from "../../schemas/staff-board";
import type { AppEnv } from "../context";
import { findForLocation, runBookingBatch } from "../db/bookings";
import { loadBoard } from "../db/board";
import { loadLocation } from "../db/locations";
import {
  activeRoom,
  callCandidate,
  claimTicket,
  endTicket,
  isDuplicateTicketKey,
  issueTicket,
  markBookingNoShow,
  recallTicket,
  requeueTicket,
  roomBusy,
  staffTicket,
  startTicket,
  ticketByIdempotencyKey,
  waitingTickets,
  type TicketAction,
  LISTED_WALK_INS,
} from "../db/tickets";
import { boardDay, boardEstimates, openingOf, presentBoard, presentTicket } from "../domain/board";
import { NO_SHOW_AFTER_CALLS } from "../../common/call-rules";
import { rankForCall } from "../domain/call-next";
import { WALK_IN_PREFIX, ticketLabel } from "../domain/queue";
import { localDate } from "../../common/time";
import { AppError } from "../errors";
import { staffScopeOf } from "../scope";
import { commit, type LiveNotice } from "../services/commit";
import { tellCalled, tellSoon } from "../push/notify";
import { freeSlots } from "../services/slots";
import { readQueue } from "../services/wait";
import { idempotencyKey, jsonBody, parseInput } from "../validate";

/*
 * Running the day's queue from the staff board (`/api/staff/:office/…`; `requireStaff` in app.ts has
 * already checked the session and the office and set `c.var.staff`).
 *
 * Rules as built:
 * - Call next / call a ticket into a room: the conversation still 'in_progress' in that room is
 *   finished ('done', an appointment's booking 'completed'): pressing "Nächste Person aufrufen" means
 *   the conversation in my room is over, so one click suffices. A number still 'called' there (not yet
 *   taken in) blocks the room: 409 `room_busy` until staff start, mark no-show or requeue it, so a
 *   double click or a second tab never records an unseen person as served.
 * - Only today's numbers (the office's local day) can be called, called again or started: an earlier
 *   day's is 409 `ticket_other_day`. Finish, no-show and requeue still tidy up leftovers.
 * - Each action is one batch conditional on the ticket's expected status; when the ticket is not in
 *   that status the batch changes nothing and the answer is 409 `ticket_state` (`too_few_calls` for a
 *   no-show before the second call). A ticket of another office is 404, like an unknown one.
 * - A booked appointment that never checked in can be marked no-show once the kiosk's check-in has
 *   closed for it (start + check-in close minutes): before that the person may still come.
 * - Numbers added at the desk are issued also when the office is closed (staff decide) and for any
 *   active topic, not only the kiosk's walk-in topics.
 */

type Ctx = Context<AppEnv>;

export const staffQueueRoutes = new Hono<AppEnv>();

staffQueueRoutes.get("/board", async (c) => {
  const query = parseInput(BoardQuery, c.req.query());
  const { locationId, timeZone: zone, office } = c.var.staff;
  const now = c.var.deps.now();
  const { day, from, until } = boardDay(query.day, now, zone);
  // The day's opening and free times by the one slot computation (the phone booking's rules); today, the
  // queue as the wait estimate reads it, so each waiting number shows what its status page says.
  const [data, schedule, queue] = await Promise.all([
    loadBoard(c.env.DB, locationId, day, { from, until }, now),
    freeSlots(c.env.DB, now, office, { from: day, to: day }, "staff"),
    day === localDate(now, zone) ? readQueue(c.env.DB, { locationId, slug: office }, day, now) : null,
  ]);
  if (!data) throw new AppError("unknown_location", "This office is not set up any more.");
  const estimates = queue ? boardEstimates(queue.snapshot, data.tickets, now, LISTED_WALK_INS) : undefined;
  return c.json(presentBoard(data, now, zone, openingOf(schedule.days[0]!), estimates) satisfies Board);
});

/** Claims tried before giving up when others keep taking the picked tickets (fresh data each round). */
const CALL_NEXT_ROUNDS = 3;

staffQueueRoutes.post("/queue/call-next", async (c) => {
  const { roomId } = parseInput(CallBody, await jsonBody(c));
  const { locationId, id: staffId, timeZone: zone } = c.var.staff;
  const room = await roomOf(c, roomId);
  const now = c.var.deps.now();
  const today = localDate(now, zone);
  // Rank today's waiting tickets by the rule (domain/call-next.ts) and claim them best first: a claim
  // that finds its ticket taken by another staff member moves on to the next in rank. The ranking of the
  // rest does not change when one is taken, so walking down the list is picking again from fresh data
  // minus arrivals; when the list runs out, read again (new arrivals), at most CALL_NEXT_ROUNDS times.
  for (let round = 0; round < CALL_NEXT_ROUNDS; round++) {
    const waiting = await waitingTickets(c.env.DB, locationId, today);
    if (waiting.length === 0) break;
    const ranked = rankForCall(waiting.map(callCandidate), now);
    for (const ticketId of ranked) {
      const outcome = await claim(c, { ticketId, locationId, staffId, now, roomId: room.id, localDay: today });
      if (outcome === "claimed") {
        return c.json({ ticket: await ticketAnswer(c, ticketId) } satisfies TicketActionResult);
      }
      if (outcome !== "taken") busyRoom(room.name, outcome);
    }
  }
  throw new AppError("queue_empty", "Nobody is waiting right now.");
});

staffQueueRoutes.post("/tickets/:id/call", async (c) => {
  const { roomId } = parseInput(CallBody, await jsonBody(c));
  const a = action(c);
  const room = await roomOf(c, roomId);
  const outcome = await claim(c, { ...a, roomId: room.id, localDay: todayOf(c) });
  if (outcome !== "claimed" && outcome !== "taken") busyRoom(room.name, outcome);
  if (outcome === "taken") await refuse(c, a.ticketId, "waiting", true);
  return c.json({ ticket: await ticketAnswer(c, a.ticketId) } satisfies TicketActionResult);
});

staffQueueRoutes.post("/tickets/:id/recall", async (c) => {
  const a = action(c);
  if (!(await changed(c, recallTicket(c.env.DB, { ...a, localDay: todayOf(c) }), ["queue", "calls"]))) await refuse(c, a.ticketId, "called", true);
  await pushAfterCall(c, a.ticketId, todayOf(c));
  return c.json({ ticket: await ticketAnswer(c, a.ticketId) } satisfies TicketActionResult);
});

staffQueueRoutes.post("/tickets/:id/start", async (c) => {
  const a = action(c);
  if (!(await changed(c, startTicket(c.env.DB, { ...a, localDay: todayOf(c) }), ["queue"]))) await refuse(c, a.ticketId, "called", true);
  return c.json({ ticket: await ticketAnswer(c, a.ticketId) } satisfies TicketActionResult);
});

staffQueueRoutes.post("/tickets/:id/finish", async (c) => {
  const a = action(c);
  if (!(await changed(c, endTicket(c.env.DB, a, "done"), ["queue", "bookings"]))) await refuse(c, a.ticketId, "called or in progress");
  return c.json({ ticket: await ticketAnswer(c, a.ticketId) } satisfies TicketActionResult);
});

staffQueueRoutes.post("/tickets/:id/no-show", async (c) => {
  const a = action(c);
  if (!(await changed(c, endTicket(c.env.DB, a, "no_show"), ["queue", "bookings"]))) {
    const t = await staffTicket(c.env.DB, a.locationId, a.ticketId);
    if (t?.status === "called") {
      throw new AppError("too_few_calls", `Please call this number at least ${NO_SHOW_AFTER_CALLS} times before marking a no-show (called ${t.call_count}×).`);
    }
    await refuse(c, a.ticketId, "called");
  }
  return c.json({ ticket: await ticketAnswer(c, a.ticketId) } satisfies TicketActionResult);
});

staffQueueRoutes.post("/tickets/:id/requeue", async (c) => {
  const a = action(c);
  if (!(await changed(c, requeueTicket(c.env.DB, a), ["queue", "calls"]))) await refuse(c, a.ticketId, "called or in progress");
  return c.json({ ticket: await ticketAnswer(c, a.ticketId) } satisfies TicketActionResult);
});

/**
 * "Nicht erschienen" for a booked appointment that never checked in: a confirmed slot booking of this
 * office whose check-in has closed (start + check-in close minutes passed) and that has no ticket.
 * Booking → 'no_show' with its history event; 409 `booking_not_changeable` otherwise, 404 for an
 * unknown id or another office's booking.
 */
staffQueueRoutes.post("/bookings/:id/no-show", async (c) => {
  const { locationId, id: staffId, office, checkinClosesMinutes: graceMinutes } = c.var.staff;
  const bookingId = c.req.param("id");
  const booking = /^[A-Za-z0-9_-]{1,100}$/.test(bookingId) ? await findForLocation(c.env.DB, locationId, bookingId) : null;
  if (!booking) throw new AppError("not_found", "There is no such booking at this office.");
  const now = c.var.deps.now();
  const { result, applied } = await commit(staffScopeOf(c), {
    batch: markBookingNoShow(c.env.DB, { bookingId, locationId, sequence: booking.invite_sequence + 1, graceMinutes, staffId, now }),
    run: runBookingBatch,
    applied: lastReturned,
    mail: false,
    live: { office, changes: ["bookings"] },
  });
  if (typeof result === "string") throw new Error(`unexpected ${result} in a no-show`);
  if (!applied) {
    throw new AppError(
      "booking_not_changeable",
      `This booking is ${booking.status.replace("_", " ")}; "did not come" is for a confirmed appointment without a number, ` +
        `from ${graceMinutes} minutes after its start (when check-in closes).`,
    );
  }
  return c.json({ booking: { id: bookingId, status: "no_show" } } satisfies BookingNoShowResult);
});

/** A walk-in number added at the desk (source 'staff'), without a status link. */
staffQueueRoutes.post("/tickets", async (c) => {
  const body = parseInput(StaffTicketCreate, await jsonBody(c));
  const key = idempotencyKey(c);
  const { locationId, office } = c.var.staff;
  const data = await loadLocation(c.env.DB, office);
  if (!data) throw new AppError("unknown_location", "This office is not set up any more.");
  const topic = data.topics.find((t) => t.key === body.topic);
  if (!topic) throw new AppError("unknown_topic", `topic: '${body.topic}' is not a topic of this office.`, "topic");
  const zone = data.location.time_zone;

  const { random, now } = c.var.deps;
  const id = random.id();
  try {
    await commit(staffScopeOf(c), {
      batch: issueTicket(
        c.env.DB,
        {
          id,
          locationId,
          localDay: localDate(now(), zone),
          prefix: WALK_IN_PREFIX,
          kind: "walk_in",
          bookingId: null,
          topicId: topic.id,
          source: "staff",
          idempotencyKey: key,
          now: now(),
        },
        null,
      ),
      mail: false,
      live: { office, changes: ["queue"] },
    });
  } catch (error) {
    // A double click with the same Idempotency-Key: answer with the number the first one issued.
    if (!(key && isDuplicateTicketKey(error))) throw error;
    const earlier = await ticketByIdempotencyKey(c.env.DB, locationId, key);
    if (!earlier) throw error;
    // The key index is shared with the kiosk's check-ins: only a walk-in number is this request's.
    if (earlier.kind !== "walk_in") throw new AppError("idempotency_conflict", "This Idempotency-Key was used for another request.", "Idempotency-Key");
    return c.json(await ticketAnswer(c, earlier.id), 201, { "Idempotent-Replayed": "true" });
  }
  return c.json(await ticketAnswer(c, id), 201);
});

// ---------------------------------------------------------------------------------------------------

/** The ticket id of the path and who acts when; unknown-looking ids are 404 without a query. */
function action(c: Ctx): TicketAction {
  const ticketId = c.req.param("id") ?? "";
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(ticketId)) throw new AppError("not_found", "There is no such number at this office.");
  return { ticketId, locationId: c.var.staff.locationId, staffId: c.var.staff.id, now: c.var.deps.now() };
}

async function roomOf(c: Ctx, roomId: number) {
  const room = await activeRoom(c.env.DB, c.var.staff.locationId, roomId);
  if (!room) throw new AppError("unknown_room", "roomId: there is no such room at this office.", "roomId");
  return room;
}

/**
 * Commits an action's batch; true when its last statement (the ticket's UPDATE … RETURNING) changed the
 * ticket, and only then are the office's followers told `changes`.
 */
async function changed(c: Ctx, statements: D1PreparedStatement[], changes: LiveNotice["changes"]): Promise<boolean> {
  const { result, applied } = await commit(staffScopeOf(c), {
    batch: statements,
    run: runBookingBatch,
    applied: lastReturned,
    mail: false,
    live: { office: c.var.staff.office, changes },
  });
  if (typeof result === "string") throw new Error(`unexpected ${result} in a queue action`);
  return applied;
}

/** Whether the batch's last statement (an UPDATE … RETURNING) returned its row: the conditional change applied. */
function lastReturned(results: Awaited<ReturnType<typeof runBookingBatch>>): boolean {
  return typeof results !== "string" && results.at(-1)!.results.length > 0;
}

/**
 * Tries one claim: "claimed", "taken" (the ticket was no longer waiting today), or the number that
 * was still 'called' in the room when the batch ran (the claim's own read, same transaction).
 */
async function claim(
  c: Ctx,
  a: TicketAction & { roomId: number; localDay: string },
): Promise<"claimed" | "taken" | { prefix: string; number: number }> {
  const { result, applied } = await commit(staffScopeOf(c), {
    batch: claimTicket(c.env.DB, a),
    run: runBookingBatch,
    applied: lastReturned,
    mail: false,
    live: { office: c.var.staff.office, changes: ["queue", "calls", "bookings"] },
  });
  if (typeof result === "string") throw new Error(`unexpected ${result} in a call`);
  if (applied) {
    await pushAfterCall(c, a.ticketId, a.localDay);
    return "claimed";
  }
  return roomBusy(result) ?? "taken";
}

/**
 * Web Push after a call, once the answer has gone (issue 13): "Sie sind dran" to the number called, and
 * "Gleich sind Sie dran" to whoever is now next but one. Never delays or fails the call.
 */
async function pushAfterCall(c: Ctx, ticketId: string, localDay: string): Promise<void> {
  const s = staffScopeOf(c);
  await s.afterResponse(Promise.all([tellCalled(s, ticketId), tellSoon(s, s.staff.locationId, localDay)]));
}

function busyRoom(roomName: string, called: { prefix: string; number: number }): never {
  throw new AppError(
    "room_busy",
    `${roomName}: ${ticketLabel(called.prefix, called.number)} is still called – please start the conversation, ` +
      "mark a no-show or put the number back in the queue first.",
  );
}

/** Today in the office's zone (the session brought the zone along). */
function todayOf(c: Ctx): string {
  return localDate(c.var.deps.now(), c.var.staff.timeZone);
}

/** The answer when an action found its ticket elsewhere: 404 when it is not this office's, else 409. */
async function refuse(c: Ctx, ticketId: string, expected: string, todayOnly = false): Promise<never> {
  const t = await staffTicket(c.env.DB, c.var.staff.locationId, ticketId);
  if (!t) throw new AppError("not_found", "There is no such number at this office.");
  const today = todayOnly ? todayOf(c) : null;
  if (todayOnly && t.local_day !== today && (t.status === "waiting" || t.status === "called")) {
    throw new AppError("ticket_other_day", `${ticketLabel(t.prefix, t.number)} is from ${t.local_day}; only today's numbers can be called or started.`);
  }
  throw new AppError("ticket_state", `${ticketLabel(t.prefix, t.number)} is ${t.status.replace("_", " ")}; this needs a number that is ${expected}.`);
}

async function ticketAnswer(c: Ctx, ticketId: string): Promise<BoardTicket> {
  const t = await staffTicket(c.env.DB, c.var.staff.locationId, ticketId);
  if (!t) throw new AppError("not_found", "There is no such number at this office.");
  return presentTicket(t, c.var.staff.timeZone, c.var.deps.now());
}
