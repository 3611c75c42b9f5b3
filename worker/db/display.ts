import { CallRow } from "../../schemas/rows";
import { countOf, waitingCountOf } from "./tickets";

/*
 * What the waiting room's display and the live route read: the office by its slug, the day's last calls
 * (the staff board reads the same calls) and how many wait. No personal data is selected here: a call is a
 * ticket's prefix and number, a room and a time.
 */

/** The office's id for a slug, or null when there is no such office (live route: 404). */
export async function officeIdBySlug(db: D1Database, slug: string): Promise<number | null> {
  const row = await db.prepare("SELECT id FROM locations WHERE slug = ?1").bind(slug).first<{ id: number }>();
  return row?.id ?? null;
}

/**
 * The statement for the newest `limit` calls of the office's tickets of `localDay`, newest first (a
 * repeated call is a row of its own, so it comes first again); rows via `callRows`. `day` is the UTC
 * window of that local day (domain/settings.ts `daysWindow`): it lets the (location_id, at) index read
 * that day only instead of the office's whole history.
 */
export function recentCallsOf(
  db: D1Database,
  locationId: number,
  localDay: string,
  day: { from: Date; until: Date },
  limit: number,
  calls: "all" | "standing" = "all",
): D1PreparedStatement {
  // Uses queue_calls_by_location_at. "standing" (the display) leaves out the calls withdrawn by a
  // requeue (migration 0014); the board keeps listing them: its staff know, and its new-call
  // announcement compares the newest call with the one before.
  return db
    .prepare(
      `SELECT c.id, c.ticket_id, t.prefix, t.number, r.name AS room, c.at
       FROM queue_calls AS c
       JOIN queue_tickets AS t ON t.id = c.ticket_id
       JOIN rooms AS r ON r.id = c.room_id
       WHERE c.location_id = ?1 AND c.at >= ?3 AND c.at < ?4 AND t.local_day = ?2 AND (?6 = 'all' OR c.withdrawn_at IS NULL)
       ORDER BY c.at DESC, c.id DESC
       LIMIT ?5`,
    )
    .bind(locationId, localDay, day.from.toISOString(), day.until.toISOString(), limit, calls);
}

/** The rows of a `recentCallsOf` result, parsed. */
export function callRows(result: D1Result): CallRow[] {
  return result.results.map((r) => CallRow.parse(r));
}

/**
 * What the display shows of local day `localDay` (its UTC window `day`), in one round trip: the newest
 * `limit` calls that stand (see `recentCallsOf`; a requeued number's calls are withdrawn) and how many
 * of the day's numbers wait.
 */
export async function displayDay(
  db: D1Database,
  locationId: number,
  localDay: string,
  day: { from: Date; until: Date },
  limit: number,
): Promise<{ calls: CallRow[]; waiting: number }> {
  const [calls, waiting] = await db.batch([
    recentCallsOf(db, locationId, localDay, day, limit, "standing"),
    waitingCountOf(db, locationId, localDay),
  ]);
  return { calls: callRows(calls!), waiting: countOf(waiting!) };
}
