import { z } from "zod";
import { LocationRow } from "../../schemas/rows";
import { locationColumnsOf } from "./locations";

/*
 * Private calendar feeds of staff members. A feed URL carries a secret token (256 random bits); only its
 * SHA-256 hash is stored in staff_calendar_feeds. A member has at most one working feed: a new one
 * revokes the older ones in the same batch.
 */

/**
 * Starts a feed for a staff member: revokes the member's working feeds and stores the new token's hash,
 * one statement each, for one batch (so there is never a moment with two working feeds).
 */
export function createFeed(db: D1Database, staffId: number, tokenHash: string, now: Date): D1PreparedStatement[] {
  return [
    revokeFeeds(db, staffId, now),
    db
      .prepare("INSERT INTO staff_calendar_feeds (token_hash, staff_id, created_at) VALUES (?1, ?2, ?3)")
      .bind(tokenHash, staffId, now.toISOString()),
  ];
}

/** Revokes every working feed of a staff member (uses staff_calendar_feeds_by_staff). */
export function revokeFeeds(db: D1Database, staffId: number, now: Date): D1PreparedStatement {
  return db
    .prepare("UPDATE staff_calendar_feeds SET revoked_at = ?2 WHERE staff_id = ?1 AND revoked_at IS NULL")
    .bind(staffId, now.toISOString());
}

const FeedOwner = z.object({ staff_id: z.number().int(), staff_name: z.string() });

/**
 * The location a feed token (its hash) shows, with its owner: only for a feed not revoked whose staff
 * account is active. Null otherwise.
 */
export async function feedLocation(
  db: D1Database,
  tokenHash: string,
): Promise<{ staffId: number; staffName: string; location: LocationRow } | null> {
  const row = await db
    .prepare(
      `SELECT f.staff_id, s.name AS staff_name, ${locationColumnsOf("l")}
       FROM staff_calendar_feeds AS f
       JOIN staff AS s ON s.id = f.staff_id AND s.active = 1
       JOIN locations AS l ON l.id = s.location_id
       WHERE f.token_hash = ?1 AND f.revoked_at IS NULL`,
    )
    .bind(tokenHash)
    .first();
  if (!row) return null;
  const owner = FeedOwner.parse(row);
  return { staffId: owner.staff_id, staffName: owner.staff_name, location: LocationRow.parse(row) };
}

export const FeedBookingRow = z.object({
  id: z.string(),
  status: z.enum(["confirmed", "checked_in", "completed"]),
  starts_at: z.string(),
  ends_at: z.string(),
  name: z.string().nullable(),
  code: z.string(),
  invite_sequence: z.number().int(),
  source: z.string(),
  topic_label_de: z.string(),
});
export type FeedBookingRow = z.infer<typeof FeedBookingRow>;

/**
 * The location's slot bookings that start in [from, to) (UTC) and still take place or took place:
 * confirmed, checked in or completed. Cancelled, declined and no-show bookings are left out (a
 * subscribed calendar drops an event that leaves the feed). Only the columns a staff calendar shows:
 * no address, phone or note. Uses bookings_by_location_start.
 */
export async function feedBookings(db: D1Database, locationId: number, from: Date, to: Date): Promise<FeedBookingRow[]> {
  const { results } = await db
    .prepare(
      `SELECT b.id, b.status, b.starts_at, b.ends_at, b.name, b.code, b.invite_sequence, b.source, json_extract(t.label, '$.de') AS topic_label_de
       FROM bookings AS b JOIN topics AS t ON t.id = b.topic_id
       WHERE b.location_id = ?1 AND b.starts_at >= ?2 AND b.starts_at < ?3
         AND b.kind = 'slot' AND b.status IN ('confirmed', 'checked_in', 'completed') AND b.erased_at IS NULL
       ORDER BY b.starts_at, b.id`,
    )
    .bind(locationId, from.toISOString(), to.toISOString())
    .all();
  return results.map((r) => FeedBookingRow.parse(r));
}
