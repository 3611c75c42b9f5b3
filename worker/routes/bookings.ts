import { Hono, type Context } from "hono";
import {
  BookingCreate,
  RequestCreate,
  RescheduleBody,
  type BookingCreated,
  type ManagedBooking,
  type RequestCreated,
} from "../../schemas/bookings";
import type { BookingRow, TopicRow } from "../../schemas/rows";
import type { AppEnv } from "../context";
import { notifyChange } from "../live/notifier";
import {
  addToken,
  appendEvent,
  cancelBooking,
  createBooking,
  findByIdempotencyKey,
  findByTokenHash,
  moveBooking,
  runBookingBatch,
  type NewBooking,
  type SeatRequest,
} from "../db/bookings";
import { loadLocation, loadScheduleAround, scheduleBasis, type LocationData } from "../db/locations";
import { cancelUnsentReminders } from "../db/outbox";
import { bookableSlot, canCancel, canReschedule } from "../domain/booking";
import { toOffsetIso } from "../domain/time";
import { AppError } from "../errors";
import { composeMail, reminderTime } from "../mail/compose";
import { deliverDue, queueMail } from "../mail/sender";
import type { MailBooking, MailKind } from "../mail/types";
import { sha256Hex } from "../random";
import { idempotencyKey, jsonBody, parseInput } from "../validate";
import { afterResponse } from "../after-response";

/*
 * Booking a slot, asking for a time "nach Vereinbarung", and what the holder of a manage link can do.
 * Each change is one D1 batch: the booking rows, its history event and the mails it promises.
 */

type Ctx = Context<AppEnv>;

export const bookingRoutes = new Hono<AppEnv>();

/** Where and how a booking comes in: online (Turnstile when on), at a paired kiosk, or by staff (phone). */
export interface Channel {
  slug: string;
  source: "online" | "kiosk" | "staff";
}

bookingRoutes.post("/bookings", (c) => bookSlot(c, { slug: c.var.office, source: "online" }));
bookingRoutes.post("/requests", (c) => askForTime(c, { slug: c.var.office, source: "online" }));

/** Books a slot: checks the start against the schedule, then writes booking, seats and mails in one batch. */
export async function bookSlot(c: Ctx, channel: Channel): Promise<Response> {
  const body = parseInput(BookingCreate, await jsonBody(c));
  checkConsent(body.consent);
  const { now, random } = c.var.deps;
  const idempotency = await idempotencyOf(c, body);

  const start = new Date(body.start);
  const data = await loadScheduleAround(c.env.DB, channel.slug, start);
  if (!data) throw new AppError("unknown_location", "This office is not set up yet.");
  const topic = data.topics.find((t) => t.key === body.topic && t.bookable_online);
  if (!topic) throw new AppError("unknown_topic", `topic: '${body.topic}' cannot be booked online.`, "topic");

  // A replay answers before the Turnstile check: the retried request carries the token already spent.
  const replay = idempotency && (await replayOf(c, data, idempotency));
  if (replay) return c.json(createdBody(c, replay.booking, replay.token, data), 201, { "Idempotent-Replayed": "true" });
  if (channel.source === "online") await checkTurnstile(c, body.turnstileToken);

  const slot = bookableSlot({ start, now: now(), durationMinutes: topic.duration_minutes, ...scheduleBasis(data) });

  const booking: NewBooking = {
    id: random.id(),
    locationId: data.location.id,
    kind: "slot",
    status: "confirmed",
    topicId: topic.id,
    startsAt: slot.start.toISOString(),
    endsAt: slot.end.toISOString(),
    source: channel.source,
    name: body.name,
    email: body.email,
    phone: body.phone || null,
    note: body.note || null,
    locale: body.locale,
    preferredWeekdays: null,
    preferredTimes: null,
    wish: null,
    code: random.code(),
    idempotencyKey: idempotency?.key ?? null,
    requestHash: idempotency?.hash ?? null,
  };
  const seats = { units: slot.units, seatsPerSlot: data.location.seats_per_slot };
  const created = await createWithMail(c, data, topic, booking, seats, idempotency);
  if ("replay" in created) {
    return c.json(createdBody(c, created.replay, created.token, data), 201, { "Idempotent-Replayed": "true" });
  }
  await notifyChange(c, data.location.slug, "bookings", "outbox");
  return c.json(createdBody(c, created.booking, created.token, data), 201);
}

/** Takes a request for a time "nach Vereinbarung", with a plain receipt mail. */
export async function askForTime(c: Ctx, channel: Channel): Promise<Response> {
  const body = parseInput(RequestCreate, await jsonBody(c));
  checkConsent(body.consent);
  const { random } = c.var.deps;
  const idempotency = await idempotencyOf(c, body);

  const data = await loadLocation(c.env.DB, channel.slug);
  if (!data) throw new AppError("unknown_location", "This office is not set up yet.");
  const topic = data.topics.find((t) => t.key === body.topic);
  if (!topic) throw new AppError("unknown_topic", `topic: '${body.topic}' is not a topic of this office.`, "topic");

  const replay = idempotency && (await replayOf(c, data, idempotency));
  if (replay) return c.json(requestBody(c, replay.booking, replay.token), 201, { "Idempotent-Replayed": "true" });
  if (channel.source === "online") await checkTurnstile(c, body.turnstileToken);

  const booking: NewBooking = {
    id: random.id(),
    locationId: data.location.id,
    kind: "request",
    status: "requested",
    topicId: topic.id,
    startsAt: null,
    endsAt: null,
    source: channel.source,
    name: body.name,
    email: body.email,
    phone: body.phone || null,
    note: null,
    locale: body.locale,
    preferredWeekdays: [...new Set(body.preferredWeekdays)].sort(),
    preferredTimes: [...new Set(body.preferredTimes)],
    wish: body.wish || null,
    code: random.code(),
    idempotencyKey: idempotency?.key ?? null,
    requestHash: idempotency?.hash ?? null,
  };
  const created = await createWithMail(c, data, topic, booking, null, idempotency);
  if ("replay" in created) return c.json(requestBody(c, created.replay, created.token), 201, { "Idempotent-Replayed": "true" });
  await notifyChange(c, data.location.slug, "requests", "outbox");
  return c.json(requestBody(c, created.booking, created.token), 201);
}

bookingRoutes.get("/bookings/manage/:token", async (c) => {
  const { booking, office } = await holderBooking(c);
  return c.json(presentManaged(c, booking, office));
});

bookingRoutes.post("/bookings/manage/:token/cancel", async (c) => {
  const { booking, office } = await holderBooking(c);
  const now = c.var.deps.now();
  if (booking.status === "cancelled") return c.json(presentManaged(c, booking, office)); // cancelling twice is harmless
  if (!canCancel(holderView(booking), now)) {
    throw new AppError("booking_past", "This appointment can no longer be cancelled here. Please call us.");
  }
  const sequence = booking.invite_sequence + 1;
  const cancelled: BookingRow = { ...booking, status: "cancelled", invite_sequence: sequence };
  try {
    await runBookingBatch(c.env.DB, [
      ...cancelWrites(c, booking.id, sequence, "resident", now),
      // A withdrawn request had no time and no invite: the page confirms it, no mail is needed.
      ...(booking.kind === "slot" ? mailStatements(c, office, cancelled, c.req.param("token"), ["booking_cancelled"]) : []),
    ]);
  } catch (error) {
    // Another change landed first; if it was a cancel too, this one is already done.
    if (!(error instanceof AppError && error.code === "booking_changed")) throw error;
    const current = await holderBooking(c);
    if (current.booking.status !== "cancelled") throw error;
    return c.json(presentManaged(c, current.booking, current.office));
  }
  deliverSoon(c);
  await notifyChange(c, booking.location_slug, ...(booking.kind === "slot" ? (["bookings", "outbox"] as const) : (["requests"] as const)));
  return c.json(presentManaged(c, cancelled, office));
});

bookingRoutes.post("/bookings/manage/:token/reschedule", async (c) => {
  const body = parseInput(RescheduleBody, await jsonBody(c));
  const { booking, office } = await holderBooking(c);
  const now = c.var.deps.now();
  if (!canReschedule(holderView(booking), now)) {
    throw new AppError("booking_past", "This appointment can no longer be moved here. Please call us.");
  }
  const start = new Date(body.start);
  if (start.getTime() === Date.parse(booking.starts_at!)) return c.json(presentManaged(c, booking, office));

  const data = await loadScheduleAround(c.env.DB, booking.location_slug, start);
  if (!data) throw new AppError("unknown_location", "This office is not set up yet.");
  const slot = bookableSlot({ start, now, durationMinutes: booking.topic_duration_minutes, ...scheduleBasis(data) });
  const sequence = booking.invite_sequence + 1;
  const moved: BookingRow = {
    ...booking,
    starts_at: slot.start.toISOString(),
    ends_at: slot.end.toISOString(),
    invite_sequence: sequence,
  };
  await runBookingBatch(c.env.DB, [
    ...moveWrites(c, moved, { units: slot.units, seatsPerSlot: data.location.seats_per_slot }, "resident", now),
    ...mailStatements(c, office, moved, c.req.param("token"), ["booking_rescheduled", "booking_reminder"]),
  ]);
  deliverSoon(c);
  await notifyChange(c, booking.location_slug, "bookings", "outbox");
  return c.json(presentManaged(c, moved, office));
});

bookingRoutes.get("/bookings/manage/:token/invite.ics", async (c) => {
  const { booking, office } = await holderBooking(c);
  if (booking.kind !== "slot") throw new AppError("not_found", "A request has no time yet, so there is no calendar entry.");
  const kind: MailKind = booking.status === "cancelled" ? "booking_cancelled" : "booking_confirmed";
  const { ics } = composeMail(kind, mailContext(c, office, booking, c.req.param("token"), "invite"));
  return c.body(ics!, 200, {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": 'attachment; filename="termin.ics"',
    "Cache-Control": "no-store",
  });
});

// ---------------------------------------------------------------------------------------------------

interface Idempotency {
  key: string;
  hash: string;
}

/** The Idempotency-Key header with the hash of the request it came with, or null without one. */
async function idempotencyOf(c: Ctx, body: { turnstileToken?: string | undefined }): Promise<Idempotency | null> {
  const key = idempotencyKey(c);
  if (key === null) return null;
  const { turnstileToken: _ignored, ...request } = body;
  return { key, hash: await sha256Hex(`${c.req.path}\n${JSON.stringify(request)}`) };
}

/**
 * The booking an earlier request with the same Idempotency-Key created, with a fresh manage token for
 * it (only token hashes are stored, so the first one cannot be given out again); 409 when the key came
 * with another request.
 */
async function replayOf(c: Ctx, data: LocationData, idempotency: Idempotency): Promise<{ booking: BookingRow; token: string } | null> {
  const booking = await findByIdempotencyKey(c.env.DB, data.location.id, idempotency.key);
  if (!booking) return null;
  if (booking.request_hash !== idempotency.hash) {
    throw new AppError("idempotency_conflict", "This Idempotency-Key was used for another request.", "Idempotency-Key");
  }
  if (booking.status !== "confirmed" && booking.status !== "requested") {
    throw new AppError("idempotency_conflict", "The booking made with this Idempotency-Key has since been cancelled.", "Idempotency-Key");
  }
  const token = c.var.deps.random.token();
  await c.env.DB.batch([addToken(c.env.DB, booking.id, await sha256Hex(token), c.var.deps.now())]);
  return { booking, token };
}

type Created = { booking: BookingRow; token: string } | { replay: BookingRow; token: string };

/**
 * Writes a new booking or request with its mails in one batch. Handles the races a batch can lose:
 * the same Idempotency-Key arriving twice at once (answered as a replay) and a check-in code that
 * another booking drew (drawn again).
 */
export async function createWithMail(
  c: Ctx,
  data: LocationData,
  topic: TopicRow,
  booking: NewBooking,
  seats: SeatRequest | null,
  idempotency: Idempotency | null,
): Promise<Created> {
  const { now, random } = c.var.deps;
  const kinds: MailKind[] = booking.kind === "slot" ? ["booking_confirmed", "booking_reminder"] : ["request_received"];
  // Staff booking for a caller: the cap guards against one address hoarding slots online, not staff.
  const cap = booking.source === "staff" ? Number.MAX_SAFE_INTEGER : data.location.max_active_bookings_per_email;
  for (let attempt = 0; ; attempt++) {
    const token = random.token();
    const row = bookingRowOf(booking, data, topic);
    const result = await runBookingBatch(c.env.DB, [
      ...createBooking(c.env.DB, booking, await sha256Hex(token), seats, cap, now()),
      ...mailStatements(c, data, row, token, kinds),
    ]);
    if (result === "duplicate_code" && attempt < 3) {
      booking = { ...booking, code: random.code() };
      continue;
    }
    if (result === "duplicate_idempotency_key" && idempotency) {
      const replay = await replayOf(c, data, idempotency);
      if (replay) return { replay: replay.booking, token: replay.token };
    }
    if (typeof result === "string") throw new Error(`booking batch failed: ${result}`);
    if (result[0]!.meta.changes === 0) {
      // Refused by the cap, which counts the booking a racing request with the same key just made.
      const replay = idempotency && (await replayOf(c, data, idempotency));
      if (replay) return { replay: replay.booking, token: replay.token };
      throw new AppError(
        "too_many_bookings",
        `This e-mail address already has ${data.location.max_active_bookings_per_email} appointments booked. Please cancel one or call us.`,
        "email",
      );
    }
    deliverSoon(c);
    return { booking: row, token };
  }
}

/**
 * What cancelling a booking writes, whoever does it (the holder or staff): its history event first (the
 * batch fails with `booking_changed` if another change took `sequence`), the status with its seats
 * freed, and its unsent reminder withdrawn. The caller adds the mails.
 */
export function cancelWrites(c: Ctx, bookingId: string, sequence: number, actor: string, now: Date): D1PreparedStatement[] {
  return [
    appendEvent(c.env.DB, bookingId, sequence, "cancelled", actor, now),
    ...cancelBooking(c.env.DB, bookingId, sequence, now),
    cancelUnsentReminders(c.env.DB, bookingId),
  ];
}

/**
 * What moving a confirmed booking to `moved`'s new times and sequence writes, whoever does it: its
 * history event first (as in cancelWrites), the new times with new seats, and the reminder of the old
 * time withdrawn. The caller adds the mails (with a new reminder).
 */
export function moveWrites(c: Ctx, moved: BookingRow, seats: SeatRequest, actor: string, now: Date): D1PreparedStatement[] {
  const sequence = moved.invite_sequence;
  return [
    appendEvent(c.env.DB, moved.id, sequence, "confirmed", actor, now, { rescheduled: true }),
    ...moveBooking(c.env.DB, { id: moved.id, locationId: moved.location_id }, moved.starts_at!, moved.ends_at!, seats, sequence, now),
    cancelUnsentReminders(c.env.DB, moved.id),
  ];
}

/**
 * The outbox statements for the mails of a change; a reminder is queued only if its hour is still ahead,
 * and nothing for a booking without an address (staff booked it for a caller). `staffMessage` goes
 * into the mail as written.
 */
export function mailStatements(
  c: Ctx,
  office: LocationData,
  booking: BookingRow,
  token: string,
  kinds: MailKind[],
  staffMessage?: string,
): D1PreparedStatement[] {
  const { now, random, mail } = c.var.deps;
  const statements: D1PreparedStatement[] = [];
  if (!booking.email) return statements;
  for (const kind of kinds) {
    let sendAt = now();
    if (kind === "booking_reminder") {
      sendAt = reminderTime(new Date(booking.starts_at!), office.location.time_zone);
      if (sendAt <= now()) continue;
    }
    statements.push(
      queueMail(c.env.DB, {
        kind,
        ctx: { ...mailContext(c, office, booking, token, random.id()), staffMessage: staffMessage ?? null },
        locationId: booking.location_id,
        bookingId: booking.id,
        status: mail.transport ? "pending" : "captured",
        sendAt,
      }),
    );
  }
  return statements;
}

/** Delivers what is due right after the response, when a transport is configured (the cron retries). */
export function deliverSoon(c: Ctx): void {
  const { mail, now } = c.var.deps;
  if (!mail.transport) return;
  // A few at most: the time after the response is short; the minutely cron takes the rest.
  const delivery = deliverDue({ db: c.env.DB, transport: mail.transport, from: mail.from, now: now(), limit: 3 }).catch((error: unknown) =>
    console.error("mail delivery after request failed", error),
  );
  // Not awaited: without an execution context (a test) the delivery runs on by itself, as the answer goes.
  void afterResponse(c, delivery);
}

function mailContext(c: Ctx, office: LocationData, booking: BookingRow, token: string, mailId: string) {
  const l = office.location;
  const mailBooking: MailBooking = {
    id: booking.id,
    kind: booking.kind,
    code: booking.code,
    startsAt: booking.starts_at ? new Date(booking.starts_at) : null,
    endsAt: booking.ends_at ? new Date(booking.ends_at) : null,
    topicLabel: { de: booking.topic_label_de, en: booking.topic_label_en || booking.topic_label_de },
    name: booking.name ?? "",
    email: booking.email ?? "",
    locale: booking.locale,
    sequence: booking.invite_sequence,
    preferredWeekdays: booking.preferred_weekdays,
    preferredTimes: booking.preferred_times,
    wish: booking.wish,
  };
  return {
    mailId,
    office: {
      name: l.name,
      shortName: l.short_name,
      street: l.street,
      postalCode: l.postal_code,
      city: l.city,
      phone: l.phone,
      email: l.email,
      timeZone: l.time_zone,
    },
    booking: mailBooking,
    manageUrl: manageUrl(c, token),
    from: c.var.deps.mail.from,
    now: c.var.deps.now(),
  };
}

function bookingRowOf(b: NewBooking, data: LocationData, topic: TopicRow): BookingRow {
  return {
    id: b.id,
    location_id: b.locationId,
    location_slug: data.location.slug,
    kind: b.kind,
    status: b.status,
    topic_key: topic.key,
    topic_label_de: topic.label_de,
    topic_label_en: topic.label_en,
    topic_duration_minutes: topic.duration_minutes,
    starts_at: b.startsAt,
    ends_at: b.endsAt,
    name: b.name,
    email: b.email,
    phone: b.phone,
    note: b.note,
    locale: b.locale,
    preferred_weekdays: b.preferredWeekdays,
    preferred_times: b.preferredTimes as BookingRow["preferred_times"],
    wish: b.wish,
    code: b.code,
    invite_sequence: 0,
    request_hash: b.requestHash,
    erased_at: null,
  };
}

/** The booking the manage token in the path opens, and its office; 404 for anything else. */
async function holderBooking(c: Ctx): Promise<{ booking: BookingRow; office: LocationData }> {
  const token = c.req.param("token") ?? "";
  const booking = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await findByTokenHash(c.env.DB, await sha256Hex(token)) : null;
  if (!booking) throw new AppError("not_found", "This link does not open a booking. It may be mistyped or expired.");
  const office = await loadLocation(c.env.DB, booking.location_slug);
  if (!office) throw new AppError("unknown_location", "This office is not set up any more.");
  return { booking, office };
}

function holderView(b: BookingRow) {
  return { kind: b.kind, status: b.status, startsAt: b.starts_at ? new Date(b.starts_at) : null };
}

function presentManaged(c: Ctx, b: BookingRow, office: LocationData): ManagedBooking {
  const now = c.var.deps.now();
  const tz = office.location.time_zone;
  const token = c.req.param("token")!;
  return {
    id: b.id,
    kind: b.kind,
    status: b.status,
    code: b.code,
    ...timesAndTopic(b, tz),
    name: b.name ?? "",
    email: b.email ?? "",
    phone: b.phone,
    note: b.note,
    locale: b.locale,
    preferredWeekdays: b.preferred_weekdays,
    preferredTimes: b.preferred_times,
    wish: b.wish,
    canCancel: canCancel(holderView(b), now),
    canReschedule: canReschedule(holderView(b), now),
    inviteUrl: b.kind === "slot" ? `/api/bookings/manage/${token}/invite.ics` : null,
    office: {
      name: office.location.name,
      street: office.location.street,
      postalCode: office.location.postal_code,
      city: office.location.city,
      phone: office.location.phone,
      timezone: tz,
    },
  };
}

/**
 * A booking's times (with the office's offset; null for a request) and topic, as both the holder's page
 * and the staff board show them: an empty English label falls back to the German one.
 */
export function timesAndTopic(b: BookingRow, tz: string) {
  return {
    start: b.starts_at ? toOffsetIso(new Date(b.starts_at), tz) : null,
    end: b.ends_at ? toOffsetIso(new Date(b.ends_at), tz) : null,
    topic: {
      key: b.topic_key,
      label: { de: b.topic_label_de, en: b.topic_label_en || b.topic_label_de },
      durationMinutes: b.topic_duration_minutes,
    },
  };
}

function createdBody(c: Ctx, b: BookingRow, token: string, data: LocationData): BookingCreated {
  const tz = data.location.time_zone;
  return {
    id: b.id,
    code: b.code,
    status: "confirmed",
    start: toOffsetIso(new Date(b.starts_at!), tz),
    end: toOffsetIso(new Date(b.ends_at!), tz),
    topic: b.topic_key,
    manageUrl: manageUrl(c, token),
  };
}

function requestBody(c: Ctx, b: BookingRow, token: string): RequestCreated {
  return { id: b.id, status: "requested", topic: b.topic_key, manageUrl: manageUrl(c, token) };
}

/** The manage page; the token rides in the fragment, which browsers never send to a server. */
function manageUrl(c: Ctx, token: string): string {
  return `${new URL(c.req.url).origin}/manage#${token}`;
}

/** Consent to the privacy notice: a person's choice, with its own code. */
function checkConsent(consent: boolean): void {
  if (!consent) {
    throw new AppError("consent_required", "Please agree to the privacy notice so that we may store your details.", "consent");
  }
}

/** The Turnstile check, when the office switched it on. */
async function checkTurnstile(c: Ctx, turnstileToken: string | undefined): Promise<void> {
  const verify = c.var.deps.turnstile;
  if (verify && !(turnstileToken && (await verify(turnstileToken, c.req.header("CF-Connecting-IP"))))) {
    throw new AppError("turnstile_failed", "The check against automated requests failed. Please try again.", "turnstileToken");
  }
}
