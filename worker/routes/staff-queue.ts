import { Hono, type Context } from "hono";
import {
  BoardQuery,
  CallBody,
  StaffTicketCreate,
  type Board,
  type BoardTicket,
  type TicketActionResult,
} from "../../schemas/staff-board";
import type { AppEnv } from "../app";
import { runBookingBatch } from "../db/bookings";
import { loadBoard, officeBasics } from "../db/board";
import { loadLocation } from "../db/locations";
import {
  activeRoom,
  claimTicket,
  endTicket,
  isDuplicateTicketKey,
  issueTicket,
  recallTicket,
  requeueTicket,
  staffTicket,
  startTicket,
  ticketByIdempotencyKey,
  waitingTickets,
  type StaffTicketRow,
  type TicketAction,
} from "../db/tickets";
import { appointmentState, rankForCall, waitedMinutes } from "../domain/call-next";
import { WALK_IN_PREFIX, ticketLabel } from "../domain/queue";
import { addDays, localDate, toOffsetIso, zonedInstant } from "../domain/time";
import { AppError } from "../errors";
import { notifyChange } from "../live/notifier";
import { idempotencyKey, jsonBody, parseInput } from "../validate";

/*
 * Running the day's queue from the staff board (`/api/staff/:office/…`; `requireStaff` in app.ts has
 * already checked the session and the office and set `c.var.staff`).
 *
 * Rules as built:
 * - Call next / call a ticket into a room: whoever is still 'called' or 'in_progress' in that room is
 *   finished ('done', an appointment's booking 'completed'): pressing "Nächste Person aufrufen" means
 *   the conversation in my room is over, so one click suffices. A called person who never came is
 *   marked no-show or put back in the queue *before* calling the next one.
 * - Each action is one batch conditional on the ticket's expected status; when the ticket is not in
 *   that status the batch changes nothing and the answer is 409 `ticket_state` (`too_few_calls` for a
 *   no-show before the second call). A ticket of another office is 404, like an unknown one.
 * - Numbers added at the desk are issued also when the office is closed (staff decide) and for any
 *   active topic, not only the kiosk's walk-in topics.
 */

type Ctx = Context<AppEnv>;

export const staffQueueRoutes = new Hono<AppEnv>();

staffQueueRoutes.get("/board", async (c) => {
  const query = parseInput(BoardQuery, c.req.query());
  const { locationId, office } = c.var.staff;
  const now = c.var.deps.now();
  const basics = await officeBasics(c.env.DB, locationId);
  if (!basics) throw new AppError("unknown_location", "This office is not set up any more.");
  const zone = basics.time_zone;
  const day = query.day ?? localDate(now, zone);
  const start = zonedInstant(day, "00:00", zone).toISOString();
  const end = zonedInstant(addDays(day, 1), "00:00", zone).toISOString();
  const data = await loadBoard(c.env.DB, locationId, day, start, end);
  if (!data) throw new AppError("unknown_location", "This office is not set up any more.");

  const view = (t: StaffTicketRow) => boardTicket(t, zone, now);
  const ticketOfBooking = new Map(data.tickets.filter((t) => t.booking_id).map((t) => [t.booking_id!, t]));
  // A room's current ticket: the latest call there that is not over yet.
  const current = (roomId: number) =>
    data.tickets
      .filter((t) => t.room_id === roomId && (t.status === "called" || t.status === "in_progress"))
      .sort((a, b) => (a.called_at ?? "").localeCompare(b.called_at ?? "") || a.seq - b.seq)
      .at(-1);

  return c.json({
    day,
    now: toOffsetIso(now, zone),
    office: { slug: office, name: basics.name },
    rooms: data.rooms.map((r) => {
      const t = current(r.id);
      return { id: r.id, name: r.name, current: t ? view(t) : null };
    }),
    appointments: data.appointments.map((b) => {
      const t = ticketOfBooking.get(b.id);
      return {
        bookingId: b.id,
        code: b.code,
        start: toOffsetIso(new Date(b.starts_at), zone),
        end: toOffsetIso(new Date(b.ends_at), zone),
        topic: { key: b.topic_key, label: { de: b.topic_label_de, en: b.topic_label_en || b.topic_label_de } },
        name: b.name,
        email: b.email,
        phone: b.phone,
        note: b.note,
        source: b.source,
        bookingStatus: b.status,
        state: appointmentState(b.status, t?.status ?? null),
        ticket: t ? view(t) : null,
        callCount: t?.call_count ?? 0,
      };
    }),
    walkIns: data.tickets.filter((t) => t.kind === "walk_in").map(view),
    requests: data.requests.map((r) => ({
      id: r.id,
      topic: { key: r.topic_key, label: { de: r.topic_label_de, en: r.topic_label_en || r.topic_label_de } },
      name: r.name,
      email: r.email,
      phone: r.phone,
      preferredWeekdays: r.preferred_weekdays,
      preferredTimes: r.preferred_times,
      wish: r.wish,
      createdAt: toOffsetIso(new Date(r.created_at), zone),
    })),
    calls: data.calls.map((q) => ({
      ticketId: q.ticket_id,
      label: ticketLabel(q.prefix, q.number),
      room: q.room_name,
      at: toOffsetIso(new Date(q.at), zone),
    })),
    waiting: data.tickets.filter((t) => t.status === "waiting").length,
  } satisfies Board);
});

/** Claims tried before giving up when others keep taking the picked tickets (fresh data each round). */
const CALL_NEXT_ROUNDS = 3;

staffQueueRoutes.post("/queue/call-next", async (c) => {
  const { roomId } = parseInput(CallBody, await jsonBody(c));
  const { locationId, id: staffId, office } = c.var.staff;
  const room = await roomOf(c, roomId);
  const zone = await zoneOf(c);
  const now = c.var.deps.now();
  const today = localDate(now, zone);
  // Rank today's waiting tickets by the rule (domain/call-next.ts) and claim them best first: a claim
  // that finds its ticket taken by another staff member moves on to the next in rank. The ranking of the
  // rest does not change when one is taken, so walking down the list is picking again from fresh data
  // minus arrivals; when the list runs out, read again (new arrivals), at most CALL_NEXT_ROUNDS times.
  for (let round = 0; round < CALL_NEXT_ROUNDS; round++) {
    const waiting = await waitingTickets(c.env.DB, locationId, today);
    if (waiting.length === 0) break;
    const ranked = rankForCall(
      waiting.map((t) => ({
        id: t.id,
        kind: t.kind,
        issuedAt: new Date(t.issued_at),
        appointmentStart: t.appointment_start ? new Date(t.appointment_start) : null,
        seq: t.seq,
      })),
      now,
    );
    for (const ticketId of ranked) {
      if (await claim(c, { ticketId, locationId, staffId, now, roomId: room.id })) {
        await notifyChange(c, office, "queue", "calls", "bookings");
        return c.json({ ticket: await ticketAnswer(c, ticketId, zone) } satisfies TicketActionResult);
      }
    }
  }
  throw new AppError("queue_empty", "Nobody is waiting right now.");
});

staffQueueRoutes.post("/tickets/:id/call", async (c) => {
  const { roomId } = parseInput(CallBody, await jsonBody(c));
  const a = action(c);
  const room = await roomOf(c, roomId);
  if (!(await claim(c, { ...a, roomId: room.id }))) await refuse(c, a.ticketId, "waiting");
  await notifyChange(c, c.var.staff.office, "queue", "calls", "bookings");
  return c.json({ ticket: await ticketAnswer(c, a.ticketId) } satisfies TicketActionResult);
});

staffQueueRoutes.post("/tickets/:id/recall", async (c) => {
  const a = action(c);
  if (!(await changed(c, recallTicket(c.env.DB, a)))) await refuse(c, a.ticketId, "called");
  await notifyChange(c, c.var.staff.office, "queue", "calls");
  return c.json({ ticket: await ticketAnswer(c, a.ticketId) } satisfies TicketActionResult);
});

staffQueueRoutes.post("/tickets/:id/start", async (c) => {
  const a = action(c);
  if (!(await changed(c, startTicket(c.env.DB, a)))) await refuse(c, a.ticketId, "called");
  await notifyChange(c, c.var.staff.office, "queue");
  return c.json({ ticket: await ticketAnswer(c, a.ticketId) } satisfies TicketActionResult);
});

staffQueueRoutes.post("/tickets/:id/finish", async (c) => {
  const a = action(c);
  if (!(await changed(c, endTicket(c.env.DB, a, "done")))) await refuse(c, a.ticketId, "called or in progress");
  await notifyChange(c, c.var.staff.office, "queue", "bookings");
  return c.json({ ticket: await ticketAnswer(c, a.ticketId) } satisfies TicketActionResult);
});

staffQueueRoutes.post("/tickets/:id/no-show", async (c) => {
  const a = action(c);
  if (!(await changed(c, endTicket(c.env.DB, a, "no_show")))) {
    const t = await staffTicket(c.env.DB, a.locationId, a.ticketId);
    if (t?.status === "called") {
      throw new AppError("too_few_calls", `Please call this number at least twice before marking a no-show (called ${t.call_count}×).`);
    }
    await refuse(c, a.ticketId, "called");
  }
  await notifyChange(c, c.var.staff.office, "queue", "bookings");
  return c.json({ ticket: await ticketAnswer(c, a.ticketId) } satisfies TicketActionResult);
});

staffQueueRoutes.post("/tickets/:id/requeue", async (c) => {
  const a = action(c);
  if (!(await changed(c, requeueTicket(c.env.DB, a)))) await refuse(c, a.ticketId, "called or in progress");
  await notifyChange(c, c.var.staff.office, "queue");
  return c.json({ ticket: await ticketAnswer(c, a.ticketId) } satisfies TicketActionResult);
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
    await c.env.DB.batch(
      issueTicket(
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
    );
  } catch (error) {
    // A double click with the same Idempotency-Key: answer with the number the first one issued.
    if (!(key && isDuplicateTicketKey(error))) throw error;
    const earlier = await ticketByIdempotencyKey(c.env.DB, locationId, key);
    if (!earlier) throw error;
    // The key index is shared with the kiosk's check-ins: only a walk-in number is this request's.
    if (earlier.kind !== "walk_in") throw new AppError("idempotency_conflict", "This Idempotency-Key was used for another request.", "Idempotency-Key");
    return c.json(await ticketAnswer(c, earlier.id, zone), 201, { "Idempotent-Replayed": "true" });
  }
  await notifyChange(c, office, "queue");
  return c.json(await ticketAnswer(c, id, zone), 201);
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

async function zoneOf(c: Ctx): Promise<string> {
  const basics = await officeBasics(c.env.DB, c.var.staff.locationId);
  if (!basics) throw new AppError("unknown_location", "This office is not set up any more.");
  return basics.time_zone;
}

/** Runs an action's batch; true when its last statement (the ticket's UPDATE … RETURNING) changed the ticket. */
async function changed(c: Ctx, statements: D1PreparedStatement[]): Promise<boolean> {
  const results = await runBookingBatch(c.env.DB, statements);
  if (typeof results === "string") throw new Error(`unexpected ${results} in a queue action`);
  return results.at(-1)!.results.length > 0;
}

function claim(c: Ctx, a: TicketAction & { roomId: number }): Promise<boolean> {
  return changed(c, claimTicket(c.env.DB, a));
}

/** The answer when an action found its ticket elsewhere: 404 when it is not this office's, else 409. */
async function refuse(c: Ctx, ticketId: string, expected: string): Promise<never> {
  const t = await staffTicket(c.env.DB, c.var.staff.locationId, ticketId);
  if (!t) throw new AppError("not_found", "There is no such number at this office.");
  throw new AppError("ticket_state", `${ticketLabel(t.prefix, t.number)} is ${t.status.replace("_", " ")}; this needs a number that is ${expected}.`);
}

async function ticketAnswer(c: Ctx, ticketId: string, zone?: string): Promise<BoardTicket> {
  const t = await staffTicket(c.env.DB, c.var.staff.locationId, ticketId);
  if (!t) throw new AppError("not_found", "There is no such number at this office.");
  return boardTicket(t, zone ?? (await zoneOf(c)), c.var.deps.now());
}

/** A ticket row as the board shows it. */
function boardTicket(t: StaffTicketRow, zone: string, now: Date): BoardTicket {
  return {
    id: t.id,
    label: ticketLabel(t.prefix, t.number),
    prefix: t.prefix,
    number: t.number,
    kind: t.kind,
    status: t.status,
    topic: t.topic_key
      ? { key: t.topic_key, label: { de: t.topic_label_de ?? "", en: t.topic_label_en || t.topic_label_de || "" } }
      : null,
    room: t.room_id !== null && t.room_name !== null ? { id: t.room_id, name: t.room_name } : null,
    issuedAt: toOffsetIso(new Date(t.issued_at), zone),
    calledAt: t.called_at ? toOffsetIso(new Date(t.called_at), zone) : null,
    callCount: t.call_count,
    waitedMinutes: waitedMinutes(new Date(t.issued_at), t.first_call_at ? new Date(t.first_call_at) : null, t.status, now),
    bookingId: t.booking_id,
    appointmentStart: t.appointment_start ? toOffsetIso(new Date(t.appointment_start), zone) : null,
  };
}
