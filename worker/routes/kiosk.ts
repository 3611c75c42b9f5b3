import { Hono, type Context } from "hono";
import { BookingCreate, RequestCreate } from "../../schemas/bookings";
import { CheckinBody, PairBody, TicketCreate, type CheckedIn, type KioskState, type Paired, type TicketView } from "../../schemas/kiosk";
import type { BookingRow } from "../../schemas/rows";
import type { Locale } from "../../common/i18n/languages";
import { requireDevice, setDeviceCookie } from "../auth/device";
import type { AppEnv } from "../context";
import { appendEvent, findByCode, markCheckedIn, runBookingBatch } from "../db/bookings";
import { pairDevice } from "../db/devices";
import { loadOfficeToday, scheduleBasis, type ScheduleData } from "../db/locations";
import { addTicketToken, isDuplicateTicketKey, issueTicket, queueToday, ticketById, ticketByIdempotencyKey, ticketByTokenHash, type TicketRow } from "../db/tickets";
import {
  APPOINTMENT_PREFIX,
  OPENING_LOOKAHEAD_DAYS,
  WALK_IN_PREFIX,
  checkinOpensAt,
  checkinRefusal,
  openingState,
  ticketLabel,
  type CheckinRefusal,
} from "../domain/queue";
import { topicLabel } from "../domain/booking";
import { estimateAsked, estimateView } from "../domain/estimate";
import { toOffsetIso } from "../../common/time";
import { AppError, type ErrorCode } from "../errors";
import { sha256Hex } from "../random";
import { scopeOf } from "../scope";
import { askForTime, bookSlot, type Channel } from "../services/booking/create";
import { idempotencyOf } from "../services/booking/idempotency";
import { readQueue } from "../services/wait";
import { commit } from "../services/commit";
import { idempotencyKey, jsonBody, parseInput } from "../validate";

/*
 * The office's own devices and the visitors' status page: pairing, the kiosk's start screen, walk-in
 * numbers, check-in by code, and a number's status by its secret link. Nothing here shows a name.
 */

type Ctx = Context<AppEnv>;

export const kioskRoutes = new Hono<AppEnv>();

kioskRoutes.post("/devices/pair", async (c) => {
  const { code } = parseInput(PairBody, await jsonBody(c));
  const token = c.var.deps.random.token();
  const device = await pairDevice(c.env.DB, await sha256Hex(code), await sha256Hex(token), c.var.deps.now());
  if (!device) throw new AppError("unknown_code", "This pairing code is unknown, used or expired. Please ask for a new one.", "code");
  setDeviceCookie(c, device.kind, token);
  return c.json({ token, kind: device.kind, label: device.label } satisfies Paired, 201);
});

kioskRoutes.use("/kiosk/*", requireDevice("kiosk"));

/** Booking on the spot at the tablet (when the office is closed): as online, without Turnstile (the kiosk is paired). */
kioskRoutes.post("/kiosk/bookings", async (c) => {
  const body = parseInput(BookingCreate, await jsonBody(c));
  const idempotency = await idempotencyOf(idempotencyKey(c), c.req.path, body);
  const { body: created, replayed } = await bookSlot(scopeOf(c), atKiosk(c), body, idempotency);
  return c.json(created, 201, replayed ? { "Idempotent-Replayed": "true" } : {});
});

kioskRoutes.post("/kiosk/requests", async (c) => {
  const body = parseInput(RequestCreate, await jsonBody(c));
  const idempotency = await idempotencyOf(idempotencyKey(c), c.req.path, body);
  const { body: created, replayed } = await askForTime(scopeOf(c), atKiosk(c), body, idempotency);
  return c.json(created, 201, replayed ? { "Idempotent-Replayed": "true" } : {});
});

kioskRoutes.get("/kiosk/state", async (c) => {
  // The next opening may be weeks ahead: it must know the closures and extra hours until then.
  const { data, today } = await officeToday(c, OPENING_LOOKAHEAD_DAYS);
  const { open, nextOpening } = openingState(c.var.deps.now(), scheduleBasis(data));
  const queue = await queueToday(c.env.DB, data.location.id, today);
  return c.json({
    open,
    nextOpening: nextOpening ? toOffsetIso(nextOpening, data.location.time_zone) : null,
    waiting: queue.waiting,
    printTicket: c.var.device.print_ticket === 1,
    walkInTopics: data.topics
      .filter((t) => t.walk_in)
      .map((t) => ({ key: t.key, label: t.label, icon: t.icon })),
  } satisfies KioskState);
});

kioskRoutes.post("/kiosk/tickets", async (c) => {
  const body = parseInput(TicketCreate, await jsonBody(c));
  const key = idempotencyKey(c);
  const { data, today } = await officeToday(c);
  const topic = data.topics.find((t) => t.key === body.topic && t.walk_in);
  if (!topic) throw new AppError("unknown_topic", `topic: '${body.topic}' is not offered for walk-ins.`, "topic");

  const earlier = key ? await ticketByIdempotencyKey(c.env.DB, data.location.id, key) : null;
  if (earlier) return replayWalkIn(c, earlier);
  if (!openingState(c.var.deps.now(), scheduleBasis(data)).open) {
    throw new AppError("office_closed", "Numbers are given out during opening hours only. You can book an appointment instead.");
  }

  const { random, now } = c.var.deps;
  const id = random.id();
  const token = random.token();
  try {
    await commit(scopeOf(c), {
      batch: issueTicket(
        c.env.DB,
        {
          id,
          locationId: data.location.id,
          localDay: today,
          prefix: WALK_IN_PREFIX,
          kind: "walk_in",
          bookingId: null,
          topicId: topic.id,
          source: "kiosk",
          idempotencyKey: key,
          locale: body.locale,
          now: now(),
        },
        await sha256Hex(token),
      ),
      mail: false,
      live: { office: data.location.slug, changes: ["queue"] },
    });
  } catch (error) {
    // The same tap arrived twice at once: the other request issued the ticket; answer with it.
    const other = key && isDuplicateTicketKey(error)
      ? await ticketByIdempotencyKey(c.env.DB, data.location.id, key)
      : null;
    if (!other) throw error;
    return replayWalkIn(c, other);
  }
  return c.json(await ticketView(c, (await ticketById(c.env.DB, id))!, token), 201);
});

const REFUSALS: Record<CheckinRefusal, [ErrorCode, string]> = {
  too_early: ["checkin_too_early", "You are early. Check-in opens a little before your appointment."],
  too_late: ["checkin_too_late", "Your appointment time has passed. You can take a number for walk-ins."],
  other_day: ["checkin_other_day", "Your appointment is on another day."],
  cancelled: ["booking_cancelled", "This appointment was cancelled."],
  already_checked_in: ["already_checked_in", "You have already checked in."],
  not_bookable: ["unknown_code", "We cannot find an appointment with this code."],
};

/**
 * Check-in by code. With an Idempotency-Key the key is stored on the T ticket, so a retry (the tablet
 * lost the answer) or a double tap gets the same ticket again instead of "already checked in".
 */
kioskRoutes.post("/kiosk/checkin", async (c) => {
  const { code, locale } = parseInput(CheckinBody, await jsonBody(c));
  const key = idempotencyKey(c);
  const { data, today } = await officeToday(c);
  const booking = await findByCode(c.env.DB, data.location.id, code);
  // Looked up after the booking: a check-in that landed before the booking was read is found here.
  const earlier = key ? await ticketByIdempotencyKey(c.env.DB, data.location.id, key) : null;
  if (earlier) return replayCheckin(c, earlier, booking, data);
  if (!booking) throw new AppError("unknown_code", "We cannot find an appointment with this code. Please check it or ask the staff.", "code");
  const now = c.var.deps.now();
  const window = {
    opensMinutes: data.location.checkin_opens_minutes,
    closesMinutes: data.location.checkin_closes_minutes,
    timeZone: data.location.time_zone,
  };
  const refusalOf = (b: typeof booking) => checkinRefusal({ status: b.status, startsAt: b.starts_at ? new Date(b.starts_at) : null }, now, window);
  /** The refusal as an error; "too early" carries when check-in opens (CheckinTooEarlyError), for the kiosk to say "ab 13:30 Uhr". */
  const refused = (refusal: CheckinRefusal, b: BookingRow) => {
    const [code, message] = REFUSALS[refusal];
    if (refusal !== "too_early" || !b.starts_at) return new AppError(code, message);
    const opensAt = toOffsetIso(checkinOpensAt(new Date(b.starts_at), window), window.timeZone);
    return new AppError(code, message, undefined, {}, { opensAt });
  };
  const refusal = refusalOf(booking);
  if (refusal) throw refused(refusal, booking);

  const { random } = c.var.deps;
  const id = random.id();
  const token = random.token();
  const sequence = booking.invite_sequence + 1;
  const { applied } = await commit(scopeOf(c), {
    batch: [
      // The event first (a racing change fails the batch here), then the ticket while the booking is
      // still confirmed, then the check-in that ends that.
      appendEvent(c.env.DB, booking.id, sequence, "checked_in", `device:${c.var.device.id}`, now),
      ...issueTicket(
        c.env.DB,
        {
          id,
          locationId: data.location.id,
          localDay: today,
          prefix: APPOINTMENT_PREFIX,
          kind: "appointment",
          bookingId: booking.id,
          topicId: null,
          source: "kiosk",
          idempotencyKey: key,
          // The language on show at the tablet, not the booking's: the visitor may have chosen another there.
          locale,
          now,
        },
        await sha256Hex(token),
      ),
      markCheckedIn(c.env.DB, booking.id, sequence, now),
    ],
    run: (db, batch) =>
      runBookingBatch(db, batch).catch((error: unknown) => {
        // A double tap or another change won the race (the whole batch is undone): see below which.
        if (error instanceof AppError && error.code === "booking_changed") return "lost" as const;
        if (key && isDuplicateTicketKey(error)) return "lost" as const;
        throw error;
      }),
    applied: (results) => typeof results !== "string" && results[1]!.meta.changes > 0,
    mail: false,
    live: { office: data.location.slug, changes: ["queue", "bookings"] },
  });
  if (!applied) {
    // The winner carried this key: it was this same check-in, so answer with its ticket.
    const winner = key ? await ticketByIdempotencyKey(c.env.DB, data.location.id, key) : null;
    if (winner) return replayCheckin(c, winner, booking, data);
    // Another change won: a double tap without a key, a cancel, a move. Say which, as it is now.
    const current = await findByCode(c.env.DB, data.location.id, code);
    const refusalNow = current ? refusalOf(current) : "not_bookable";
    if (refusalNow) throw refused(refusalNow, current ?? booking);
    throw new AppError("booking_changed", "This appointment was changed at the same moment. Please try again.");
  }
  const view = await ticketView(c, (await ticketById(c.env.DB, id))!, token);
  return c.json(checkedIn(view, booking, data.location.time_zone), 201);
});

/** A number's status for the visitor's own phone: public, by the secret in its link; no personal data. */
kioskRoutes.get("/status/:token", async (c) => {
  const token = c.req.param("token");
  const ticket = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await ticketByTokenHash(c.env.DB, await sha256Hex(token)) : null;
  if (!ticket) throw new AppError("not_found", "This number is unknown.");
  return c.json(await ticketView(c, ticket, token));
});

// ---------------------------------------------------------------------------------------------------

/** A booking at the paired kiosk, for its office. */
function atKiosk(c: Ctx): Channel {
  return { source: "kiosk", slug: c.var.device.location_slug };
}

/**
 * The device's office with today's schedule basis, and today's local day; `openingDays`: closures and
 * extra hours that many days ahead too, for the next opening.
 */
function officeToday(c: Ctx, openingDays = 0): Promise<{ data: ScheduleData; today: string }> {
  return loadOfficeToday(c.env.DB, c.var.device.location_slug, c.var.deps.now(), openingDays);
}

const KEY_REUSED = "This Idempotency-Key was used for another request.";

/** A walk-in number again, with a fresh status link; a key that issued a check-in's ticket is refused. */
async function replayWalkIn(c: Ctx, ticket: TicketRow): Promise<Response> {
  if (ticket.kind !== "walk_in") throw new AppError("idempotency_conflict", KEY_REUSED, "Idempotency-Key");
  return c.json(await ticketView(c, ticket, await newToken(c, ticket.id)), 201, { "Idempotent-Replayed": "true" });
}

/**
 * The check-in made with this key again, with a fresh status link. Walk-ins and check-ins share the
 * key index, so the ticket must be the appointment ticket of this very booking; a walk-in's key or
 * another code's is refused (409 `idempotency_conflict`, nothing changes).
 */
async function replayCheckin(c: Ctx, ticket: TicketRow, booking: BookingRow | null, data: ScheduleData): Promise<Response> {
  if (ticket.kind !== "appointment" || !booking || ticket.booking_id !== booking.id) {
    throw new AppError("idempotency_conflict", KEY_REUSED, "Idempotency-Key");
  }
  const view = await ticketView(c, ticket, await newToken(c, ticket.id));
  return c.json(checkedIn(view, booking, data.location.time_zone), 201, { "Idempotent-Replayed": "true" });
}

/** A check-in's answer: the ticket, the name's first letter only, and the appointment it is for. */
function checkedIn(view: TicketView, booking: BookingRow, timeZone: string): CheckedIn {
  return {
    ...view,
    initial: (booking.name ?? "").trim().charAt(0).toUpperCase(),
    appointment: {
      start: toOffsetIso(new Date(booking.starts_at!), timeZone),
      topic: topicLabel(booking),
    },
  };
}

async function newToken(c: Ctx, ticketId: string): Promise<string> {
  const token = c.var.deps.random.token();
  await c.env.DB.batch([addTicketToken(c.env.DB, ticketId, await sha256Hex(token), c.var.deps.now())]);
  return token;
}

/**
 * A number's status page: the secret after `#` (never sent to a server by the browser), the ticket's
 * language as `?lang=` so a phone that scans the QR code opens it in the language chosen at the kiosk.
 * German, the default, needs none.
 */
export function statusUrl(origin: string, locale: Locale, token: string): string {
  return locale === "de" ? `${origin}/status#${token}` : `${origin}/status?lang=${locale}#${token}`;
}

/**
 * A ticket as screens show it. While it waits: the people (most likely) called before it and the wait
 * range, from the day's queue played forward with the call rule (domain/estimate.ts).
 */
async function ticketView(c: Ctx, t: TicketRow, token: string): Promise<TicketView> {
  const now = c.var.deps.now();
  const read = t.status === "waiting" ? await readQueue(c.env.DB, { locationId: t.location_id, slug: t.location_slug }, t.local_day, now, t.id) : null;
  const estimate = read ? estimateAsked(read.snapshot, t.id, read.walkInsBefore, now) : null;
  return {
    label: ticketLabel(t.prefix, t.number),
    prefix: t.prefix,
    number: t.number,
    status: t.status,
    ahead: estimate?.ahead ?? 0,
    estimate: estimate ? estimateView(estimate) : { low: 0, high: 0 },
    room: t.room,
    statusUrl: statusUrl(new URL(c.req.url).origin, t.locale, token),
    office: t.location_slug,
    locale: t.locale,
  };
}
