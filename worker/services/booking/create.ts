import type { BookingCreate, BookingCreated, RequestCreate, RequestCreated } from "../../../schemas/bookings";
import type { BookingRow, TopicRow } from "../../../schemas/rows";
import type { Scope } from "../../context";
import { createBooking, runBookingBatch, type NewBooking, type SeatRequest } from "../../db/bookings";
import { loadLocation, loadScheduleAround, scheduleBasis, type LocationData } from "../../db/locations";
import { bookableSlot } from "../../domain/booking";
import { AppError } from "../../errors";
import type { MailKind } from "../../mail/types";
import { sha256Hex } from "../../random";
import { commit } from "../commit";
import { replayOf, type Idempotency } from "./idempotency";
import { mailStatements } from "./mail";
import { createdBody, requestBody } from "./present";

/*
 * A new booking or request "nach Vereinbarung": the checks (consent, Turnstile, the schedule), then the
 * booking, its seats, its first manage token, its history and the mails it promises in one batch.
 */

/**
 * Where a booking comes in: online (Turnstile when the office has it on; `clientIp` goes to its check)
 * or at a paired kiosk. `slug`: the office. Staff bookings come through staff.ts.
 */
export type Channel = { source: "online"; slug: string; clientIp: string | undefined } | { source: "kiosk"; slug: string };

/** An answer for the person who booked; `replayed`: an earlier request with the same Idempotency-Key made it. */
export interface Answer<T> {
  body: T;
  replayed: boolean;
}

/** Books a slot: checks the start against the schedule, then writes booking, seats and mails in one batch. */
export async function bookSlot(
  s: Scope,
  channel: Channel,
  body: BookingCreate,
  idempotency: Idempotency | null,
): Promise<Answer<BookingCreated>> {
  checkConsent(body.consent);
  const { now, random } = s.deps;
  const start = new Date(body.start);
  const data = await loadScheduleAround(s.db, channel.slug, start);
  if (!data) throw new AppError("unknown_location", "This office is not set up yet.");
  const topic = data.topics.find((t) => t.key === body.topic && t.bookable_online);
  if (!topic) throw new AppError("unknown_topic", `topic: '${body.topic}' cannot be booked online.`, "topic");

  // A replay answers before the Turnstile check: the retried request carries the token already spent.
  const replay = idempotency && (await replayOf(s, data, idempotency));
  if (replay) return { body: createdBody(replay.booking, replay.token, data, s.origin), replayed: true };
  await checkTurnstile(s, channel, body.turnstileToken);

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
  const created = await createWithMail(s, data, topic, booking, { units: slot.units, seatsPerSlot: data.location.seats_per_slot }, idempotency);
  return { body: createdBody(created.booking, created.token, data, s.origin), replayed: created.replayed };
}

/** Takes a request for a time "nach Vereinbarung", with a plain receipt mail. */
export async function askForTime(
  s: Scope,
  channel: Channel,
  body: RequestCreate,
  idempotency: Idempotency | null,
): Promise<Answer<RequestCreated>> {
  checkConsent(body.consent);
  const { random } = s.deps;
  const data = await loadLocation(s.db, channel.slug);
  if (!data) throw new AppError("unknown_location", "This office is not set up yet.");
  const topic = data.topics.find((t) => t.key === body.topic);
  if (!topic) throw new AppError("unknown_topic", `topic: '${body.topic}' is not a topic of this office.`, "topic");

  const replay = idempotency && (await replayOf(s, data, idempotency));
  if (replay) return { body: requestBody(replay.booking, replay.token, s.origin), replayed: true };
  await checkTurnstile(s, channel, body.turnstileToken);

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
    // A request may give a phone number only (schemas/bookings.ts): no address, no mail; staff call.
    email: body.email ?? null,
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
  const created = await createWithMail(s, data, topic, booking, null, idempotency);
  return { body: requestBody(created.booking, created.token, s.origin), replayed: created.replayed };
}

/** A booking just written (or, `replayed`, the one a racing request with the same key wrote) and a working manage token for it. */
export interface Created {
  booking: BookingRow;
  token: string;
  replayed: boolean;
}

/**
 * Writes a new booking or request with its mails in one batch and commits it (the office's followers
 * hear of new bookings or requests, and of the outbox when mail was queued). Handles the races a batch
 * can lose: the same Idempotency-Key arriving twice at once (answered as a replay) and a check-in code
 * that another booking drew (drawn again). `seats`: null for a request, which holds none.
 */
export async function createWithMail(
  s: Scope,
  data: LocationData,
  topic: TopicRow,
  booking: NewBooking,
  seats: SeatRequest | null,
  idempotency: Idempotency | null,
): Promise<Created> {
  const { now, random } = s.deps;
  const kinds: MailKind[] = booking.kind === "slot" ? ["booking_confirmed", "booking_reminder"] : ["request_received"];
  // Staff booking for a caller: the cap guards against one address hoarding slots online, not staff.
  const cap = booking.source === "staff" ? Number.MAX_SAFE_INTEGER : data.location.max_active_bookings_per_email;
  for (let attempt = 0; ; attempt++) {
    const token = random.token();
    const row = bookingRowOf(booking, data, topic);
    const mails = mailStatements(s, data, row, token, kinds);
    const { result, applied } = await commit(s, {
      batch: [...createBooking(s.db, booking, await sha256Hex(token), seats, cap, now()), ...mails],
      run: runBookingBatch,
      // The booking INSERT is conditional on the cap; everything else in the batch needs its row.
      applied: (r) => typeof r !== "string" && r[0]!.meta.changes > 0,
      mail: mails.length > 0,
      live: { office: data.location.slug, changes: [booking.kind === "slot" ? "bookings" : "requests", ...(mails.length > 0 ? (["outbox"] as const) : [])] },
    });
    if (applied) return { booking: row, token, replayed: false };
    if (result === "duplicate_code" && attempt < 3) {
      booking = { ...booking, code: random.code() };
      continue;
    }
    if (result === "duplicate_idempotency_key" && idempotency) {
      const replay = await replayOf(s, data, idempotency);
      if (replay) return { ...replay, replayed: true };
    }
    if (typeof result === "string") throw new Error(`booking batch failed: ${result}`);
    // Refused by the cap, which counts the booking a racing request with the same key just made.
    const replay = idempotency && (await replayOf(s, data, idempotency));
    if (replay) return { ...replay, replayed: true };
    throw new AppError(
      "too_many_bookings",
      `This e-mail address already has ${data.location.max_active_bookings_per_email} appointments booked. Please cancel one or call us.`,
      "email",
    );
  }
}

/** The row a new booking will be once its batch ran (what its mails and the answer are made from). */
function bookingRowOf(b: NewBooking, data: LocationData, topic: TopicRow): BookingRow {
  return {
    id: b.id,
    location_id: b.locationId,
    location_slug: data.location.slug,
    kind: b.kind,
    status: b.status,
    topic_key: topic.key,
    topic_label: topic.label,
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

/**
 * The tick box "I have read the privacy notice": a confirmation, not consent (the processing rests on the
 * office's task, see the notice), with its own code.
 */
function checkConsent(consent: boolean): void {
  if (!consent) {
    throw new AppError("consent_required", "Please confirm that you have read the privacy notice.", "consent");
  }
}

/** The Turnstile check of an online booking, when the office switched it on; a kiosk is paired, so it needs none. */
export async function checkTurnstile(s: Scope, channel: Channel, turnstileToken: string | undefined): Promise<void> {
  const verify = s.deps.turnstile;
  if (channel.source !== "online" || !verify) return;
  if (!(turnstileToken && (await verify(turnstileToken, channel.clientIp)))) {
    throw new AppError("turnstile_failed", "The check against automated requests failed. Please try again.", "turnstileToken");
  }
}
