import { z } from "zod";
import { Locale } from "../../schemas/common";

/*
 * Web Push subscriptions of queue numbers (migration 0012). A subscription belongs to one number and
 * goes with it: when the visitor withdraws it or leaves, when the push service says it is gone, with the
 * number's status links (erasure.ts) and, at the latest, a day after it was made (housekeeping.ts).
 */

export interface NewSubscription {
  ticketId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  locale: Locale;
  now: Date;
}

/**
 * Stores the subscription of a number that is still waiting or called (one per number: a second one
 * replaces the first, e.g. after the browser renewed it). Returns the ticket id when stored; no row when
 * the number has ended (nothing is stored for a number nobody will call any more).
 */
export function saveSubscription(db: D1Database, s: NewSubscription): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO push_subscriptions (ticket_id, location_id, endpoint, p256dh, auth, locale, created_at)
       SELECT id, location_id, ?2, ?3, ?4, ?5, ?6 FROM queue_tickets WHERE id = ?1 AND status IN ('waiting', 'called')
       ON CONFLICT (ticket_id) DO UPDATE SET endpoint = excluded.endpoint, p256dh = excluded.p256dh, auth = excluded.auth,
         locale = excluded.locale, created_at = excluded.created_at
       RETURNING ticket_id`,
    )
    .bind(s.ticketId, s.endpoint, s.p256dh, s.auth, s.locale, s.now.toISOString());
}

/** The endpoint of a number's subscription; null without one. */
export async function subscriptionEndpoint(db: D1Database, ticketId: string): Promise<string | null> {
  const row = await db.prepare("SELECT endpoint FROM push_subscriptions WHERE ticket_id = ?1").bind(ticketId).first<{ endpoint: string }>();
  return row?.endpoint ?? null;
}

/** Deletes a number's subscription (withdrawn, or the number ended by its visitor). */
export function deleteSubscription(db: D1Database, ticketId: string): D1PreparedStatement {
  return db.prepare("DELETE FROM push_subscriptions WHERE ticket_id = ?1").bind(ticketId);
}

/**
 * Deletes the subscription the push service said is gone (404/410), unless the browser has given a new
 * one since (another endpoint): only that endpoint's row goes.
 */
export function deleteGoneSubscription(db: D1Database, ticketId: string, endpoint: string): D1PreparedStatement {
  return db.prepare("DELETE FROM push_subscriptions WHERE ticket_id = ?1 AND endpoint = ?2").bind(ticketId, endpoint);
}

const Subscription = z.object({
  ticket_id: z.string(),
  endpoint: z.string(),
  p256dh: z.string(),
  auth: z.string(),
  locale: Locale.catch("de"),
  prefix: z.string(),
  number: z.number().int(),
  room: z.string().nullable(),
});
export type Subscription = z.infer<typeof Subscription>;

/** The subscription of a number that is 'called' now, with its room; null without one. */
export async function calledSubscription(db: D1Database, ticketId: string): Promise<Subscription | null> {
  const row = await db
    .prepare(
      `SELECT s.ticket_id, s.endpoint, s.p256dh, s.auth, s.locale, t.prefix, t.number, r.name AS room
       FROM push_subscriptions AS s JOIN queue_tickets AS t ON t.id = s.ticket_id LEFT JOIN rooms AS r ON r.id = t.room_id
       WHERE s.ticket_id = ?1 AND t.status = 'called'`,
    )
    .bind(ticketId)
    .first();
  return row ? Subscription.parse(row) : null;
}

/**
 * The subscriptions at this office of numbers of `localDay` still waiting that have not been told "soon"
 * yet (the caller picks those now next but one by the call rule). Reads the office's subscriptions (a
 * handful: made today, the older ones are purged) and each one's number by its key.
 */
export async function pendingSoonSubscriptions(db: D1Database, locationId: number, localDay: string): Promise<Subscription[]> {
  const { results } = await db
    .prepare(
      `SELECT s.ticket_id, s.endpoint, s.p256dh, s.auth, s.locale, t.prefix, t.number, NULL AS room
       FROM push_subscriptions AS s JOIN queue_tickets AS t ON t.id = s.ticket_id
       WHERE s.location_id = ?1 AND s.soon_sent_at IS NULL AND t.local_day = ?2 AND t.status = 'waiting'`,
    )
    .bind(locationId, localDay)
    .all();
  return results.map((row) => Subscription.parse(row));
}

/**
 * Claims the "soon" message of a subscription: of two calls that both found it due, one sends it.
 * Returns the row when this caller claimed it.
 */
export function claimSoon(db: D1Database, ticketId: string, now: Date): D1PreparedStatement {
  return db
    .prepare("UPDATE push_subscriptions SET soon_sent_at = ?2 WHERE ticket_id = ?1 AND soon_sent_at IS NULL RETURNING ticket_id")
    .bind(ticketId, now.toISOString());
}

/** Subscriptions made more than a day ago: their number's day is over (housekeeping). */
export function purgeOldSubscriptions(db: D1Database, now: Date): D1PreparedStatement {
  return db
    .prepare("DELETE FROM push_subscriptions WHERE created_at < ?1")
    .bind(new Date(now.getTime() - 86_400_000).toISOString());
}
