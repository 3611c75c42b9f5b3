import { z } from "zod";

/*
 * What the waiting room's display and the live route read: the office by its slug, and the day's last
 * calls. No personal data is selected here: a call is a ticket's prefix and number, a room and a time.
 */

/** The office's id for a slug, or null when there is no such office (live route: 404). */
export async function officeIdBySlug(db: D1Database, slug: string): Promise<number | null> {
  const row = await db.prepare("SELECT id FROM locations WHERE slug = ?1").bind(slug).first<{ id: number }>();
  return row?.id ?? null;
}

const CallRow = z.object({
  id: z.number().int(),
  prefix: z.string(),
  number: z.number().int(),
  room: z.string(),
  at: z.string(),
});
export type CallRow = z.infer<typeof CallRow>;

/**
 * The newest calls of the office's tickets of `localDay`, newest first (a repeated call is a row of its
 * own, so it comes first again). `since` is the UTC instant the local day began: it lets the
 * (location_id, at) index stop at today instead of reading the office's whole history.
 */
export async function recentCalls(
  db: D1Database,
  locationId: number,
  localDay: string,
  since: Date,
  limit: number,
): Promise<CallRow[]> {
  const { results } = await db
    .prepare(
      `SELECT c.id, t.prefix, t.number, r.name AS room, c.at
       FROM queue_calls AS c
       JOIN queue_tickets AS t ON t.id = c.ticket_id
       JOIN rooms AS r ON r.id = c.room_id
       WHERE c.location_id = ?1 AND c.at >= ?3 AND t.local_day = ?2
       ORDER BY c.at DESC, c.id DESC
       LIMIT ?4`,
    )
    .bind(locationId, localDay, since.toISOString(), limit)
    .all();
  return results.map((r) => CallRow.parse(r));
}
