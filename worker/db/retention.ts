import { z } from "zod";

/*
 * What the retention step finds due (worker/services/retention.ts erases it through db/erasure.ts). Each
 * query walks one of the erasure indexes of migrations 0003 and 0005 from its oldest end and stops at the cutoff
 * or the limit, so a minutely run that finds nothing due reads next to nothing, and a backlog is worked
 * off a bounded slice per run. The queries are exported as text so a test can EXPLAIN them.
 */

/** An office's retention setting and the zone its days are counted in. */
const RetentionOffice = z.object({ id: z.number().int(), retentionDays: z.number().int().min(1), timeZone: z.string() });
export type RetentionOffice = z.infer<typeof RetentionOffice>;

/** Every office (a city has a handful; the table is tiny). */
export async function retentionOffices(db: D1Database): Promise<RetentionOffice[]> {
  const { results } = await db
    .prepare("SELECT id, retention_days AS retentionDays, time_zone AS timeZone FROM locations ORDER BY id")
    .all();
  return results.map((r) => RetentionOffice.parse(r));
}

/** When things count as due for one office. */
export interface DueBefore {
  /** Instants (UTC) before this are `retention_days` old. */
  instant: Date;
  /**
   * The start (UTC) of the cutoff local day in the office's zone: queue numbers of earlier days are due,
   * and every status link of an earlier day was created before it.
   */
  localDayStartsAt: Date;
}

/**
 * The due queries; ?1 office id, ?2 the cutoff instant (ISO; for status links the start of the cutoff day), ?3 the limit.
 * The literal `erased_at IS NULL` and `ends_at IS [NOT] NULL` terms let SQLite use the partial indexes.
 */
export const DUE_SQL = {
  /** Slot bookings (also requests whose proposed time was taken), whatever their status: by the appointment's end. */
  bookings: `SELECT id FROM bookings INDEXED BY bookings_erasure_due
             WHERE location_id = ?1 AND erased_at IS NULL AND ends_at IS NOT NULL AND ends_at < ?2
             ORDER BY ends_at LIMIT ?3`,
  /**
   * Requests without a time that were declined or withdrawn: by their last change (that decision; a
   * request in either state changes no more). An open request stays, however old.
   */
  requests: `SELECT id FROM bookings INDEXED BY requests_erasure_due
             WHERE location_id = ?1 AND erased_at IS NULL AND ends_at IS NULL AND updated_at < ?2
               AND status IN ('declined', 'cancelled')
             ORDER BY updated_at LIMIT ?3`,
  /**
   * Mails that were sent, failed, kept unsent (no relay) or withdrawn: by when they were sent, else by
   * when they were last due (a failed mail's last attempt, a kept or withdrawn one's hour). Walks
   * mail_outbox_finished_due (migration 0005), ordered by that very time, so it stops at the cutoff:
   * a mail made long ago and sent yesterday is not read. Mails still waiting stay.
   */
  mails: `SELECT id FROM mail_outbox INDEXED BY mail_outbox_finished_due
          WHERE location_id = ?1 AND erased_at IS NULL AND status IN ('sent', 'failed', 'captured', 'cancelled')
            AND COALESCE(sent_at, next_attempt_at) < ?2
          ORDER BY COALESCE(sent_at, next_attempt_at) LIMIT ?3`,
  /**
   * Status links of the office's queue numbers whose local day is before the cutoff day: a link is made
   * on its number's day, so those are the links created before the start of that day in the office's
   * zone (?2 here, DST included). Reads only the office's own links, from the oldest.
   */
  ticketLinks: `SELECT token_hash FROM ticket_tokens INDEXED BY ticket_tokens_erasure_due
                WHERE location_id = ?1 AND created_at < ?2
                ORDER BY created_at LIMIT ?3`,
} as const;

/** Ids (and link hashes) due for erasure at one office, at most `limit` of each kind. */
export interface Due {
  bookings: string[];
  requests: string[];
  mails: string[];
  ticketLinks: string[];
}

/** Reads what is due at `officeId` in one batch (one round trip). */
export async function findDue(db: D1Database, officeId: number, before: DueBefore, limit: number): Promise<Due> {
  const at = before.instant.toISOString();
  const [bookings, requests, mails, links] = await db.batch([
    db.prepare(DUE_SQL.bookings).bind(officeId, at, limit),
    db.prepare(DUE_SQL.requests).bind(officeId, at, limit),
    db.prepare(DUE_SQL.mails).bind(officeId, at, limit),
    db.prepare(DUE_SQL.ticketLinks).bind(officeId, before.localDayStartsAt.toISOString(), limit),
  ]);
  return {
    bookings: ids(bookings),
    requests: ids(requests),
    mails: ids(mails),
    ticketLinks: (links?.results ?? []).map((r) => LinkRow.parse(r).token_hash),
  };
}

const IdRow = z.object({ id: z.string() });
const LinkRow = z.object({ token_hash: z.string() });

function ids(result: D1Result | undefined): string[] {
  return (result?.results ?? []).map((r) => IdRow.parse(r).id);
}
