import { loadDaysWithoutSeats, scheduleBasis } from "../db/locations";
import { queueSnapshot } from "../db/tickets";
import type { QueueSnapshot } from "../domain/estimate";
import { dayStatus } from "../domain/schedule";
import { minutesOfDay, zonedInstant } from "../../common/time";

/*
 * The day's queue as the wait estimate (domain/estimate.ts) reads it: one reading for every screen that
 * shows a wait, so the status page, the kiosk and the staff board say the same of the same number at the
 * same moment. Two reads in parallel: the queue's batch (db/tickets.ts queueSnapshot) and the day's
 * opening hours, for today's closing.
 */

/** The office of the queue: its id and its slug (whose opening hours bound the day). */
export interface QueueOffice {
  locationId: number;
  slug: string;
}

/**
 * The queue of `office` on local day `localDay` (`YYYY-MM-DD`) at `now`, with the day's closing
 * (`closesAt`); `ticketId`: the number asked about, whose walk-ins before it are counted
 * (`walkInsBefore`, for a walk-in behind the listed ones); null when the whole queue is shown.
 */
export async function readQueue(
  db: D1Database,
  office: QueueOffice,
  localDay: string,
  now: Date,
  ticketId: string | null = null,
): Promise<{ snapshot: QueueSnapshot; walkInsBefore: number }> {
  const [read, closesAt] = await Promise.all([
    queueSnapshot(db, office.locationId, localDay, ticketId, now),
    closingOf(db, office.slug, localDay),
  ]);
  return { snapshot: { ...read.snapshot, closesAt }, walkInsBefore: read.walkInsBefore };
}

/**
 * When `slug`'s office closes on local day `localDay`: the end of the day's last opening span (UTC);
 * null when it does not open that day (staff serve a queue anyway: nothing to warn about) or is gone.
 * Reads the day's rules, closures and extra hours, no seats.
 */
async function closingOf(db: D1Database, slug: string, localDay: string): Promise<Date | null> {
  const data = await loadDaysWithoutSeats(db, slug, localDay, localDay);
  if (!data) return null;
  const spans = dayStatus(localDay, scheduleBasis(data)).spans;
  if (spans.length === 0) return null;
  const last = spans.reduce((a, b) => (minutesOfDay(b.closes) > minutesOfDay(a.closes) ? b : a));
  return zonedInstant(localDay, last.closes, data.location.time_zone);
}
