import { Hono, type Context } from "hono";
import { PushSubscriptionBody, type LeaveResult, type PushKey, type PushState } from "../../schemas/push";
import type { AppEnv } from "../context";
import { findForLocation, runBookingBatch } from "../db/bookings";
import { loadLocation } from "../db/locations";
import { cancelUnsentReminders } from "../db/outbox";
import { leaveQueue } from "../db/leave";
import { deleteSubscription, saveSubscription, subscriptionEndpoint } from "../db/push";
import { ticketByTokenHash, type TicketRow } from "../db/tickets";
import { ticketLabel } from "../domain/queue";
import { AppError } from "../errors";
import { tellSoon } from "../push/notify";
import { sha256Hex } from "../random";
import { scopeOf } from "../scope";
import { mailStatements } from "../services/booking/mail";
import { commit } from "../services/commit";
import { jsonBody, parseInput } from "../validate";

/*
 * What the visitor's status page does with its number besides watching it (issue 13), each by the
 * number's status link (the secret in the page's address): Web Push with consent, and leaving the queue.
 * Nothing here reads or returns personal data; the subscription is stored for the number alone.
 */

type Ctx = Context<AppEnv>;

export const statusRoutes = new Hono<AppEnv>();

/** The VAPID public key the browser subscribes with; null when push is off here (no keys). */
statusRoutes.get("/push/key", (c) => c.json({ publicKey: c.var.deps.push?.keys.publicKey ?? null } satisfies PushKey));

/**
 * Whether this number has a subscription, and its endpoint: the page compares it with its browser's own
 * subscription to show "Benachrichtigung ist an" after a reload.
 */
statusRoutes.get("/status/:token/push", async (c) => {
  const ticket = await ticketOf(c);
  return c.json({ endpoint: await subscriptionEndpoint(c.env.DB, ticket.id) } satisfies PushState);
});

/** Subscribes this number's phone (again: replaces). 409 when the number has ended; 503 when push is off. */
statusRoutes.post("/status/:token/push", async (c) => {
  const body = parseInput(PushSubscriptionBody, await jsonBody(c));
  if (!c.var.deps.push) throw new AppError("push_unavailable", "Notifications are not set up at this office.");
  const ticket = await ticketOf(c);
  const [saved] = await c.env.DB.batch([
    saveSubscription(c.env.DB, {
      ticketId: ticket.id,
      endpoint: body.endpoint,
      p256dh: body.keys.p256dh,
      auth: body.keys.auth,
      locale: body.locale,
      now: c.var.deps.now(),
    }),
  ]);
  if (saved!.results.length === 0) ended(ticket, "a number that is waiting or called");
  return c.body(null, 204);
});

/** Withdraws the phone's subscription; idempotent (204 also when there was none). */
statusRoutes.delete("/status/:token/push", async (c) => {
  const ticket = await ticketOf(c);
  await c.env.DB.batch([deleteSubscription(c.env.DB, ticket.id)]);
  return c.body(null, 204);
});

/**
 * "Ich warte nicht mehr": a waiting number ends ('cancelled', by the visitor) and its place is free; the
 * office's screens hear it at once. Again on a number its visitor already ended: the same answer. A
 * number that was called meanwhile, or ended otherwise (staff cancelled it too), cannot be left: 409
 * `ticket_state`.
 */
statusRoutes.post("/status/:token/leave", async (c) => {
  const ticket = await ticketOf(c);
  if (ticket.status === "waiting") {
    const s = scopeOf(c);
    const now = c.var.deps.now();
    const cancel = ticket.booking_id ? await appointmentCancel(c, ticket) : null;
    let applied = false;
    try {
      ({ applied } = await commit(s, {
        batch: [
          ...leaveQueue(c.env.DB, ticket.id, now, cancel ? { bookingId: cancel.bookingId, sequence: cancel.sequence } : undefined),
          ...(cancel?.statements ?? []),
        ],
        run: runBookingBatch,
        // The ticket's UPDATE … RETURNING, before the mail statements.
        applied: (results) => typeof results !== "string" && results[LEAVE_TICKET_STATEMENT]!.results.length > 0,
        mail: Boolean(cancel?.mailed),
        live: { office: ticket.location_slug, changes: cancel?.mailed ? ["queue", "calls", "bookings", "outbox"] : ["queue", "calls", "bookings"] },
      }));
    } catch (error) {
      // The guarded appointment leave lost a race (called, left twice, booking changed): read below.
      if (!(error instanceof AppError && error.code === "booking_changed")) throw error;
    }
    // The queue moved up: whoever is now next but one hears "Gleich sind Sie dran".
    if (applied) await s.afterResponse(tellSoon(s, ticket.location_id, ticket.local_day));
  }
  const now = await ticketOf(c);
  // Idempotent only for the visitor's own leave: a number staff ended is not "left" (409).
  if (now.status !== "cancelled" || now.ended_by !== "visitor") ended(now, "a waiting number");
  return c.json({ label: ticketLabel(now.prefix, now.number), status: "cancelled" } satisfies LeaveResult);
});

/** leaveQueue's statement that ends the ticket (RETURNING id): the last of its five. */
const LEAVE_TICKET_STATEMENT = 4;

/**
 * For an appointment's number: the booking's cancel as its resident's own (the usual cancel mail with
 * the invite's CANCEL at the next sequence, in the booking's language; its unsent reminders withdrawn),
 * for the leave's batch. No mail without an address; nothing for a booking no longer checked in.
 */
async function appointmentCancel(c: Ctx, t: TicketRow) {
  const booking = await findForLocation(c.env.DB, t.location_id, t.booking_id!);
  if (!booking || booking.status !== "checked_in") return null;
  const office = await loadLocation(c.env.DB, t.location_slug);
  if (!office) throw new AppError("unknown_location", "This office is not set up any more.");
  const sequence = booking.invite_sequence + 1;
  // The cancel mail links only to the booking page, so it needs no manage token.
  const mails = mailStatements(scopeOf(c), office, { ...booking, status: "cancelled", invite_sequence: sequence }, "", ["booking_cancelled"]);
  return {
    bookingId: booking.id,
    sequence,
    statements: [cancelUnsentReminders(c.env.DB, booking.id, c.var.deps.now()), ...mails],
    mailed: mails.length > 0,
  };
}

/** The number of the path's status link; 404 for an unknown (or malformed) link. */
async function ticketOf(c: Ctx): Promise<TicketRow> {
  const token = c.req.param("token") ?? "";
  const ticket = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await ticketByTokenHash(c.env.DB, await sha256Hex(token)) : null;
  if (!ticket) throw new AppError("not_found", "This number is unknown.");
  return ticket;
}

function ended(t: TicketRow, expected: string): never {
  throw new AppError("ticket_state", `${ticketLabel(t.prefix, t.number)} is ${t.status.replace("_", " ")}; this needs ${expected}.`);
}
