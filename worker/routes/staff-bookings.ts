import { Hono, type Context } from "hono";
import {
  CalendarFeedCreated,
  DeclineBody,
  OutboxQuery,
  ProposeBody,
  StaffBookingCreate,
  StaffCancelBody,
  StaffMoveBody,
  type OutboxItem,
  type OutboxList,
  type OutboxMail,
  type StaffBooking,
} from "../../schemas/staff-bookings";
import type { BookingRow, OutboxRow } from "../../schemas/rows";
import { SlotsQuery } from "../../schemas/slots";
import type { AppEnv } from "../context";
import { staffAudit } from "../auth/audit";
import {
  addToken,
  appendEvent,
  confirmRequest,
  declineRequest,
  findForLocation,
  runBookingBatch,
  type NewBooking,
  type StaffBookingRow,
} from "../db/bookings";
import { createFeed, revokeFeeds } from "../db/calendar";
import { loadLocation, loadScheduleAround, scheduleBasis, type LocationData } from "../db/locations";
import { findOutbox, listOutbox, RESENDABLE, resendOutbox, returnedOutbox } from "../db/outbox";
import { proposal, staffBookableSlot } from "../domain/staff-booking";
import { redactSignInLink } from "../mail/sign-in";
import { AppError } from "../errors";
import { notifyChange } from "../live/notifier";
import { sha256Hex } from "../random";
import { freeSlots } from "../services/slots";
import { jsonBody, parseInput } from "../validate";
import { cancelWrites, createWithMail, deliverSoon, mailStatements, moveWrites, timesAndTopic } from "./bookings";

/*
 * What staff do with bookings, requests "nach Vereinbarung", the mail outbox and their calendar feed:
 * /api/staff/:office/… behind `requireStaff` (app.ts), so `c.var.staff` is a member of this office.
 * Ids of another office answer 404 like unknown ones. Each change is one D1 batch: the history event
 * (first, for optimistic concurrency), the change, the mails it promises and its audit row.
 */

type Ctx = Context<AppEnv>;

export const staffBookingRoutes = new Hono<AppEnv>();

// ---------------------------------------------------------------------------------------------------
// Bookings

/**
 * The free times for a phone booking or a move, in the shape of `GET /api/slots`: this office's, by the
 * rules of POST /bookings below (no minimum notice, never past, any active topic).
 */
staffBookingRoutes.get("/slots", async (c) => {
  const query = parseInput(SlotsQuery, c.req.query());
  return c.json(await freeSlots(c.env.DB, c.var.deps.now(), c.var.staff.office, query, "staff"));
});

/**
 * A phone booking: the opening hours, grid, horizon and seats as online, but no minimum notice, no
 * per-address cap and any active topic. Mails only when an address is given.
 */
staffBookingRoutes.post("/bookings", async (c) => {
  const body = parseInput(StaffBookingCreate, await jsonBody(c, { emptyAs: {} }));
  const { staff } = c.var;
  const { now, random } = c.var.deps;
  const start = new Date(body.start);
  const data = await loadScheduleAround(c.env.DB, staff.office, start);
  if (!data) throw new AppError("unknown_location", "This office is not set up yet.");
  const topic = data.topics.find((t) => t.key === body.topic);
  if (!topic) throw new AppError("unknown_topic", `topic: '${body.topic}' is not a topic of this office.`, "topic");
  const slot = staffBookableSlot({ start, now: now(), durationMinutes: topic.duration_minutes, ...scheduleBasis(data) });

  const booking: NewBooking = {
    id: random.id(),
    locationId: data.location.id,
    kind: "slot",
    status: "confirmed",
    topicId: topic.id,
    startsAt: slot.start.toISOString(),
    endsAt: slot.end.toISOString(),
    source: "staff",
    actor: actorOf(c),
    name: body.name,
    email: body.email ?? null,
    phone: body.phone || null,
    note: body.note || null,
    locale: body.locale,
    preferredWeekdays: null,
    preferredTimes: null,
    wish: null,
    code: random.code(),
    idempotencyKey: null,
    requestHash: null,
  };
  const created = await createWithMail(c, data, topic, booking, { units: slot.units, seatsPerSlot: data.location.seats_per_slot }, null);
  // Without an Idempotency-Key there is nothing to replay; the union's other side cannot happen here.
  const row = "booking" in created ? created.booking : created.replay;
  await notifyChange(c, staff.office, "bookings", ...(row.email ? (["outbox"] as const) : []));
  return c.json(present({ ...row, source: "staff" }, data, Boolean(row.email)), 201);
});

/** Cancels any confirmed future booking of the office; the resident gets the cancel invite (METHOD:CANCEL). */
staffBookingRoutes.post("/bookings/:id/cancel", async (c) => {
  const body = parseInput(StaffCancelBody, await jsonBody(c, { emptyAs: {} }));
  const { booking, office } = await officeBooking(c);
  const now = c.var.deps.now();
  if (booking.status === "cancelled") return c.json(present(booking, office, false)); // cancelling twice is harmless
  if (booking.kind !== "slot" || booking.status !== "confirmed") {
    throw new AppError("booking_not_changeable", `This booking is ${booking.status}; only a confirmed appointment can be cancelled.`);
  }
  if (Date.parse(booking.starts_at!) <= now.getTime()) {
    throw new AppError("booking_past", "This appointment has begun. Mark it as done or as no-show instead.");
  }
  const sequence = booking.invite_sequence + 1;
  const cancelled: StaffBookingRow = { ...booking, status: "cancelled", invite_sequence: sequence };
  // The cancel mail links only to the booking page, so it needs no manage token.
  const mails = mailStatements(c, office, cancelled, "", ["booking_cancelled"], body.message);
  await runBookingBatch(c.env.DB, [
    ...cancelWrites(c, booking.id, sequence, actorOf(c), now),
    ...mails,
    staffAudit(c, "booking.cancel", { kind: "booking", id: booking.id }, { sequence, message: Boolean(body.message) }),
  ]);
  deliverSoon(c);
  await notifyChange(c, office.location.slug, "bookings", "outbox");
  return c.json(present(cancelled, office, mails.length > 0));
});

/** Moves any confirmed future booking (same rules as a phone booking); the resident gets the update invite. */
staffBookingRoutes.post("/bookings/:id/move", async (c) => {
  const body = parseInput(StaffMoveBody, await jsonBody(c, { emptyAs: {} }));
  const { booking, office } = await officeBooking(c);
  const now = c.var.deps.now();
  if (booking.kind !== "slot" || booking.status !== "confirmed") {
    throw new AppError("booking_not_changeable", `This booking is ${booking.status}; only a confirmed appointment can be moved.`);
  }
  if (Date.parse(booking.starts_at!) <= now.getTime()) {
    throw new AppError("booking_past", "This appointment has begun and cannot be moved any more.");
  }
  const start = new Date(body.start);
  if (start.getTime() === Date.parse(booking.starts_at!)) return c.json(present(booking, office, false));

  const data = await loadScheduleAround(c.env.DB, office.location.slug, start);
  if (!data) throw new AppError("unknown_location", "This office is not set up yet.");
  const slot = staffBookableSlot({ start, now, durationMinutes: booking.topic_duration_minutes, ...scheduleBasis(data) });
  const sequence = booking.invite_sequence + 1;
  const moved: StaffBookingRow = { ...booking, starts_at: slot.start.toISOString(), ends_at: slot.end.toISOString(), invite_sequence: sequence };
  const link = await freshLink(c, moved);
  const mails = mailStatements(c, office, moved, link.token, ["booking_rescheduled", "booking_reminder"]);
  await runBookingBatch(c.env.DB, [
    ...moveWrites(c, moved, { units: slot.units, seatsPerSlot: data.location.seats_per_slot }, actorOf(c), now),
    ...link.statements,
    ...mails,
    staffAudit(c, "booking.move", { kind: "booking", id: booking.id }, { sequence }),
  ]);
  deliverSoon(c);
  await notifyChange(c, office.location.slug, "bookings", "outbox");
  return c.json(present(moved, office, mails.length > 0));
});

// ---------------------------------------------------------------------------------------------------
// Requests "nach Vereinbarung"

/**
 * Proposes a time for a request: it becomes a confirmed slot booking at once and the resident gets the
 * confirmation with its invite and the staff's message. Inside the opening hours it holds seats like
 * any booking (409 `slot_full` when they are taken); outside it holds none (domain/staff-booking.ts).
 */
staffBookingRoutes.post("/requests/:id/propose", async (c) => {
  const body = parseInput(ProposeBody, await jsonBody(c, { emptyAs: {} }));
  const { booking, office } = await officeBooking(c);
  const now = c.var.deps.now();
  if (booking.kind !== "request" || booking.status !== "requested") {
    throw new AppError("booking_not_changeable", `This is no open request (it is ${booking.status}).`);
  }
  const start = new Date(body.start);
  const data = await loadScheduleAround(c.env.DB, office.location.slug, start);
  if (!data) throw new AppError("unknown_location", "This office is not set up yet.");
  const time = proposal(start, body.minutes ?? booking.topic_duration_minutes, now, scheduleBasis(data));
  const sequence = booking.invite_sequence + 1;
  const confirmed: StaffBookingRow = {
    ...booking,
    kind: "slot",
    status: "confirmed",
    starts_at: time.start.toISOString(),
    ends_at: time.end.toISOString(),
    invite_sequence: sequence,
  };
  const link = await freshLink(c, confirmed);
  const mails = mailStatements(c, office, confirmed, link.token, ["booking_confirmed", "booking_reminder"], body.message);
  await runBookingBatch(c.env.DB, [
    appendEvent(c.env.DB, booking.id, sequence, "confirmed", actorOf(c), now, { proposed: true, seats: time.seatUnits.length > 0 }),
    ...confirmRequest(
      c.env.DB,
      { id: booking.id, locationId: booking.location_id },
      confirmed.starts_at!,
      confirmed.ends_at!,
      { units: time.seatUnits, seatsPerSlot: data.location.seats_per_slot },
      sequence,
      now,
    ),
    ...link.statements,
    ...mails,
    staffAudit(c, "request.propose", { kind: "booking", id: booking.id }, { sequence, insideHours: time.seatUnits.length > 0, message: Boolean(body.message) }),
  ]);
  deliverSoon(c);
  await notifyChange(c, office.location.slug, "requests", "bookings", "outbox");
  return c.json(present(confirmed, office, mails.length > 0));
});

/** Declines a request; the resident gets a plain mail with the staff's message. */
staffBookingRoutes.post("/requests/:id/decline", async (c) => {
  const body = parseInput(DeclineBody, await jsonBody(c, { emptyAs: {} }));
  const { booking, office } = await officeBooking(c);
  const now = c.var.deps.now();
  if (booking.status === "declined") return c.json(present(booking, office, false)); // declining twice is harmless
  if (booking.kind !== "request" || booking.status !== "requested") {
    throw new AppError("booking_not_changeable", `This is no open request (it is ${booking.status}).`);
  }
  const sequence = booking.invite_sequence + 1;
  const declined: StaffBookingRow = { ...booking, status: "declined", invite_sequence: sequence };
  // The decline mail links only to the booking page, so it needs no manage token.
  const mails = mailStatements(c, office, declined, "", ["request_declined"], body.message);
  await runBookingBatch(c.env.DB, [
    appendEvent(c.env.DB, booking.id, sequence, "declined", actorOf(c), now),
    declineRequest(c.env.DB, booking.id, sequence, now),
    ...mails,
    staffAudit(c, "request.decline", { kind: "booking", id: booking.id }, { sequence }),
  ]);
  deliverSoon(c);
  await notifyChange(c, office.location.slug, "requests", "outbox");
  return c.json(present(declined, office, mails.length > 0));
});

// ---------------------------------------------------------------------------------------------------
// Outbox

staffBookingRoutes.get("/outbox", async (c) => {
  const query = parseInput(OutboxQuery, c.req.query());
  const rows = await listOutbox(c.env.DB, c.var.staff.locationId, query.limit, query.status);
  return c.json({ mails: rows.map(outboxItem) } satisfies OutboxList);
});

staffBookingRoutes.get("/outbox/:id", async (c) => {
  const row = await officeMail(c);
  // A sign-in mail's link would let any colleague sign in as its recipient: shown without its secret.
  const text = row.kind === "staff_sign_in" ? redactSignInLink(row.text_body) : row.text_body;
  return c.json({ ...outboxItem(row), text, ics: row.ics } satisfies OutboxMail);
});

/**
 * Sends a failed, captured or sent mail again: due now, attempts reset, Message-ID kept (see
 * db/outbox.ts resendOutbox). Without a transport it stays captured, as every mail does then.
 */
staffBookingRoutes.post("/outbox/:id/resend", async (c) => {
  const row = await officeMail(c);
  if (!(RESENDABLE as readonly string[]).includes(row.status)) {
    throw new AppError("mail_not_resendable", `This mail is ${row.status}; only failed, captured or sent mails can be sent again.`);
  }
  const { now, mail } = c.var.deps;
  const { staff } = c.var;
  // The audit row only if this request's UPDATE applied: of concurrent resends only one does.
  const [result] = await c.env.DB.batch([
    resendOutbox(c.env.DB, staff.locationId, row.id, mail.transport ? "pending" : "captured", now()),
    staffAudit(c, "mail.resend", { kind: "mail", id: row.id }, { kind: row.kind, from: row.status }, { ifChanged: true }),
  ]);
  const resent = returnedOutbox(result);
  // Only a racing resend by a colleague gets here: it is on its way already.
  if (!resent) throw new AppError("mail_not_resendable", "This mail was just sent again by someone else.");
  deliverSoon(c);
  await notifyChange(c, c.var.staff.office, "outbox");
  return c.json(outboxItem(resent) satisfies OutboxItem);
});

// ---------------------------------------------------------------------------------------------------
// Calendar feed

/** A new private feed for the signed-in member; older ones stop working in the same batch. */
staffBookingRoutes.post("/calendar-feed", async (c) => {
  const { staff } = c.var;
  const { now, random } = c.var.deps;
  const token = random.token();
  await c.env.DB.batch([
    ...createFeed(c.env.DB, staff.id, await sha256Hex(token), now()),
    staffAudit(c, "calendar_feed.create", { kind: "staff", id: staff.id }),
  ]);
  const url = new URL(`/api/calendar/${token}.ics`, c.req.url);
  return c.json(CalendarFeedCreated.parse({ url: `webcal://${url.host}${url.pathname}`, httpsUrl: url.href }), 201, {
    "Cache-Control": "no-store",
  });
});

staffBookingRoutes.post("/calendar-feed/revoke", async (c) => {
  await c.env.DB.batch([revokeFeeds(c.env.DB, c.var.staff.id, c.var.deps.now()), staffAudit(c, "calendar_feed.revoke", { kind: "staff", id: c.var.staff.id })]);
  return c.body(null, 204);
});

// ---------------------------------------------------------------------------------------------------

/** `staff:<id>`: the actor of booking_events (no name, so the history holds no personal data). */
function actorOf(c: Ctx): string {
  return `staff:${c.var.staff.id}`;
}

/** The booking or request `:id` of this office with its office data; 404 for unknown ids and other offices'. */
async function officeBooking(c: Ctx): Promise<{ booking: StaffBookingRow; office: LocationData }> {
  const { staff } = c.var;
  const [booking, office] = await Promise.all([
    findForLocation(c.env.DB, staff.locationId, c.req.param("id") ?? ""),
    loadLocation(c.env.DB, staff.office),
  ]);
  if (!booking) throw new AppError("not_found", "There is no such booking at this office.");
  if (!office) throw new AppError("unknown_location", "This office is not set up yet.");
  return { booking, office };
}

/** The mail `:id` of this office; 404 for unknown ids and other offices' mails. */
async function officeMail(c: Ctx): Promise<OutboxRow> {
  const row = await findOutbox(c.env.DB, c.var.staff.locationId, c.req.param("id") ?? "");
  if (!row) throw new AppError("not_found", "There is no such mail at this office.");
  return row;
}

/**
 * A new manage link for the mail of a change staff made (only token hashes are stored, so the
 * resident's first link cannot be put into a new mail); none for a booking without an address.
 */
async function freshLink(c: Ctx, booking: BookingRow): Promise<{ token: string; statements: D1PreparedStatement[] }> {
  if (!booking.email) return { token: "", statements: [] };
  const token = c.var.deps.random.token();
  return { token, statements: [addToken(c.env.DB, booking.id, await sha256Hex(token), c.var.deps.now())] };
}

function present(b: BookingRow & { source: StaffBooking["source"] }, office: LocationData, mailed: boolean): StaffBooking {
  const tz = office.location.time_zone;
  return {
    id: b.id,
    kind: b.kind,
    status: b.status,
    source: b.source,
    code: b.code,
    ...timesAndTopic(b, tz),
    name: b.name ?? "",
    email: b.email,
    phone: b.phone,
    note: b.note,
    locale: b.locale,
    preferredWeekdays: b.preferred_weekdays,
    preferredTimes: b.preferred_times,
    wish: b.wish,
    sequence: b.invite_sequence,
    mailed,
  };
}

function outboxItem(r: OutboxRow): OutboxItem {
  return {
    id: r.id,
    kind: r.kind,
    to: r.to_address,
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    nextAttemptAt: r.next_attempt_at,
    bookingId: r.booking_id,
    icsMethod: r.ics_method,
  };
}
