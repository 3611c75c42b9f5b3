import { Hono, type Context } from "hono";
import { BookingCreate, LostLinkRequest, RequestCreate, RescheduleBody, type LostLinkAccepted } from "../../schemas/bookings";
import type { AppEnv } from "../context";
import { scopeOf } from "../scope";
import { askForTime, bookSlot, checkTurnstile, type Channel } from "../services/booking/create";
import { sendLostLinks } from "../services/booking/lost-link";
import { countInWindow } from "../middleware";
import { cancelByHolder, eraseByHolder, holderInvite, managedBooking, rescheduleByHolder } from "../services/booking/holder";
import { idempotencyOf } from "../services/booking/idempotency";
import { acceptByHolder, declineByHolder } from "../services/booking/proposals";
import { idempotencyKey, jsonBody, parseInput } from "../validate";

/*
 * Booking a slot online, asking for a time "nach Vereinbarung", and what the holder of a manage link
 * can do. The booking service (services/booking/) decides; these routes read the request and answer.
 */

export const bookingRoutes = new Hono<AppEnv>();

bookingRoutes.post("/bookings", async (c) => {
  const body = parseInput(BookingCreate, await jsonBody(c));
  const idempotency = await idempotencyOf(idempotencyKey(c), c.req.path, body);
  const { body: created, replayed } = await bookSlot(scopeOf(c), online(c), body, idempotency);
  return c.json(created, 201, replayed ? { "Idempotent-Replayed": "true" } : {});
});

bookingRoutes.post("/requests", async (c) => {
  const body = parseInput(RequestCreate, await jsonBody(c));
  const idempotency = await idempotencyOf(idempotencyKey(c), c.req.path, body);
  const { body: created, replayed } = await askForTime(scopeOf(c), online(c), body, idempotency);
  return c.json(created, 201, replayed ? { "Idempotent-Replayed": "true" } : {});
});

/** "Link verloren?" requests one client may make per LOST_LINK_CLIENT_WINDOW_SECONDS (on top of the public window). */
export const LOST_LINK_PER_CLIENT = 5;
export const LOST_LINK_CLIENT_WINDOW_SECONDS = 3600;

/**
 * "Link verloren?": always the same 202 and body, whether or not the address has bookings; the look-up
 * and the mail happen after the answer (services/booking/lost-link.ts), so its timing does not tell
 * either. Refusals (bad address, Turnstile, too many requests from this client) say nothing about it.
 */
bookingRoutes.post("/bookings/lost-link", async (c) => {
  const body = parseInput(LostLinkRequest, await jsonBody(c));
  await countInWindow(c, {
    scope: "lost-link",
    limit: LOST_LINK_PER_CLIENT,
    windowSeconds: LOST_LINK_CLIENT_WINDOW_SECONDS,
    message: "Too many requests for links. Please wait a while and try again.",
  });
  const s = scopeOf(c);
  await checkTurnstile(s, online(c), body.turnstileToken);
  const work = sendLostLinks(s, body.office ?? c.var.office, body).catch((error: unknown) => console.error("lost-link mail failed", error));
  await s.afterResponse(work);
  return c.json({ status: "accepted" } satisfies LostLinkAccepted, 202);
});

bookingRoutes.get("/bookings/manage/:token", async (c) => c.json(await managedBooking(scopeOf(c), c.req.param("token"))));

bookingRoutes.post("/bookings/manage/:token/cancel", async (c) => c.json(await cancelByHolder(scopeOf(c), c.req.param("token"))));

bookingRoutes.post("/bookings/manage/:token/erase", async (c) => c.json(await eraseByHolder(scopeOf(c), c.req.param("token"))));

bookingRoutes.post("/bookings/manage/:token/reschedule", async (c) => {
  const { start } = parseInput(RescheduleBody, await jsonBody(c));
  return c.json(await rescheduleByHolder(scopeOf(c), c.req.param("token"), new Date(start)));
});

// Answers to proposed times: POST only (a mail's links open the manage page, which asks for the click).
bookingRoutes.post("/bookings/manage/:token/proposals/decline", async (c) => c.json(await declineByHolder(scopeOf(c), c.req.param("token"))));

bookingRoutes.post("/bookings/manage/:token/proposals/:id/accept", async (c) =>
  c.json(await acceptByHolder(scopeOf(c), c.req.param("token"), c.req.param("id"))),
);

bookingRoutes.get("/bookings/manage/:token/invite.ics", async (c) =>
  c.body(await holderInvite(scopeOf(c), c.req.param("token")), 200, {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": 'attachment; filename="termin.ics"',
  }),
);

/** The booking page's channel: the office the request is about, and the client's address for Turnstile. */
function online(c: Context<AppEnv>): Channel {
  return { source: "online", slug: c.var.office, clientIp: c.req.header("CF-Connecting-IP") };
}
