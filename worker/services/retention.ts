import { addDays, localDate, zonedInstant } from "../../common/time";
import { audit } from "../db/audit";
import { eraseBookings, eraseFinishedMails, erasePushOfTicketLinks, eraseTicketLinks } from "../db/erasure";
import { findDue, retentionOffices, type DueBefore, type RetentionOffice } from "../db/retention";

/*
 * The retention step of the minutely cron. Per office, `retention_days` (d) after:
 *   - the end of a slot booking's appointment (also a request whose resident took a proposed time): its personal
 *     data, manage links, the status link of its queue number and all its mails;
 *   - a request without a time was declined or withdrawn: the same;
 *   - the local day of a queue number: its status link;
 *   - a mail was sent, failed, kept unsent or withdrawn: its recipient, subject, bodies and invite.
 * A booking whose appointment has not ended is never touched, however old; nor is a mail still waiting
 * to go out. Ids, times, topic, channel, status, language, the status history and the audit log stay.
 * Everything is erased through db/erasure.ts, the one place that knows the personal columns.
 */

/**
 * Ids of each kind erased per office and run. A minutely run then writes at most a few thousand rows
 * (a booking takes its handful of mails along), well inside a Worker's limits; a backlog (after a
 * restore) of n bookings is gone after ⌈n / 200⌉ runs, i.e. minutes.
 */
export const RETENTION_BATCH = 200;

const DAY_MS = 86_400_000;

/** What one run erased at one office (the counts of its audit row). */
export interface RetentionCounts {
  bookings: number;
  requests: number;
  mails: number;
  ticketLinks: number;
}

/** When things are due at `office` as of `now`: `retention_days` × 24 h back; days in the office's zone. */
export function dueBefore(office: Pick<RetentionOffice, "retentionDays" | "timeZone">, now: Date): DueBefore {
  const localDay = addDays(localDate(now, office.timeZone), -office.retentionDays);
  return {
    instant: new Date(now.getTime() - office.retentionDays * DAY_MS),
    localDayStartsAt: zonedInstant(localDay, "00:00", office.timeZone),
  };
}

/**
 * Erases what is due at every office as of `now`, at most `limit` of each kind per office: one read and
 * one write batch per office that has something due, with one system audit row `retention.run` holding
 * the counts. Idempotent: a second run erases nothing more. Answers the counts per office id (offices
 * with nothing due are left out). One office's failure does not keep the others waiting: it is rethrown
 * after all have had their turn.
 */
export async function runRetention(db: D1Database, now: Date, limit = RETENTION_BATCH): Promise<Map<number, RetentionCounts>> {
  const done = new Map<number, RetentionCounts>();
  const errors: unknown[] = [];
  for (const office of await retentionOffices(db)) {
    try {
      const counts = await eraseDue(db, office, now, limit);
      if (counts) done.set(office.id, counts);
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw errors[0];
  return done;
}

/** One office's share of a run; null when nothing was due. */
async function eraseDue(db: D1Database, office: RetentionOffice, now: Date, limit: number): Promise<RetentionCounts | null> {
  const due = await findDue(db, office.id, dueBefore(office, now), limit);
  const counts: RetentionCounts = {
    bookings: due.bookings.length,
    requests: due.requests.length,
    mails: due.mails.length,
    ticketLinks: due.ticketLinks.length,
  };
  if (Object.values(counts).every((n) => n === 0)) return null;
  await db.batch([
    ...eraseBookings(db, [...due.bookings, ...due.requests], now),
    eraseFinishedMails(db, due.mails, now),
    erasePushOfTicketLinks(db, due.ticketLinks),
    eraseTicketLinks(db, due.ticketLinks),
    audit(db, {
      locationId: office.id,
      actorKind: "system",
      actorId: null,
      action: "retention.run",
      subjectKind: "location",
      subjectId: office.id,
      detail: { retentionDays: office.retentionDays, ...counts },
      at: now,
    }),
  ]);
  return counts;
}
