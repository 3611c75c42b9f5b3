import { dueExpiries, expireProposals } from "../db/proposals";
import { MAX_PROPOSALS } from "../domain/proposals";
import { tellFollowers, type LiveNotifier } from "../live/notifier";

/*
 * The deadline of proposals, a step of the minutely cron (worker/index.ts), in the style of retention.ts:
 * rounds whose deadline has passed without an answer end as `expired`, their seats are freed, and the
 * request is back on the board, marked "abgelaufen". Every answer checks the deadline itself as well
 * (services/booking/proposals.ts), so nothing depends on when this runs; it frees the seats and tells
 * the boards.
 */

/** Requests whose rounds end per run: one batch of a few statements each, well inside a Worker's limits. */
export const EXPIRY_BATCH = 200;

/**
 * Ends the rounds due at `now` (at most `limit` requests): one read and one write batch, then each
 * office's boards hear of it (`live`). Answers, per office id, how many requests had a round due (offices
 * with none are left out). Idempotent: a second run finds nothing, and a request answered meanwhile is
 * left alone (db/proposals.ts expireProposals).
 */
export async function runProposalExpiry(db: D1Database, now: Date, live: LiveNotifier, limit = EXPIRY_BATCH): Promise<Map<number, number>> {
  const due = (await dueExpiries(db, now, limit * MAX_PROPOSALS)).slice(0, limit);
  const counts = new Map<number, number>();
  if (due.length === 0) return counts;
  await db.batch(expireProposals(db, due.map((d) => d.bookingId), now));
  for (const d of due) counts.set(d.locationId, (counts.get(d.locationId) ?? 0) + 1);
  for (const office of new Set(due.map((d) => d.slug))) await tellFollowers(live, office, ["requests"]);
  return counts;
}
