import { OutboxRow } from "../../schemas/rows";
import type { ComposedMail, MailKind } from "../mail/types";
import { eraseMailOfErasedBooking } from "./erasure";

// The row schema spells out the mail kinds again; this line stops compiling when the two drift apart.
true satisfies [OutboxRow["kind"], MailKind] extends [MailKind, OutboxRow["kind"]] ? true : never;

/*
 * The mail outbox. Writes here are prepared statements, so a caller puts them into the same batch as the
 * change that causes the mail: a booking that answered 201 always has its mail queued, and a failed
 * batch leaves neither. Instants are UTC ISO text.
 */

export interface NewOutboxRow {
  id: string;
  locationId: number;
  bookingId: string | null;
  mail: ComposedMail;
  /** 'pending' when a transport is configured, else 'captured' (kept for staff to read, never sent). */
  status: "pending" | "captured";
  /** When the sender may first try; reminders wait here until their hour. */
  sendAt: Date;
  now: Date;
}

/**
 * Queues one message. A message about a booking is queued only if the booking exists when the statement
 * runs, so a batch whose guarded booking insert did nothing queues no mail either. A second message
 * with the same dedupe key is ignored, not an error.
 */
export function insertOutbox(db: D1Database, row: NewOutboxRow): D1PreparedStatement {
  const { mail } = row;
  return db
    .prepare(
      `INSERT INTO mail_outbox (id, location_id, booking_id, kind, to_address, subject, text_body, html_body, ics,
                                ics_method, message_id, dedupe_key, status, next_attempt_at, created_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15
       WHERE ?3 IS NULL OR EXISTS (SELECT 1 FROM bookings WHERE id = ?3)
       ON CONFLICT (dedupe_key) DO NOTHING`,
    )
    .bind(
      row.id,
      row.locationId,
      row.bookingId,
      mail.kind,
      mail.to,
      mail.subject,
      mail.text,
      mail.html,
      mail.ics,
      mail.icsMethod,
      mail.messageId,
      mail.dedupeKey,
      row.status,
      row.sendAt.toISOString(),
      row.now.toISOString(),
    );
}

/**
 * Withdraws the booking's reminders that have not gone out (on cancel and reschedule), also one a sender
 * holds right now: its result is then not written back (the mark* guards want 'sending'), so a failed
 * attempt cannot put it back in the queue. One already handed to the relay may still arrive.
 * `next_attempt_at` becomes `now`: the moment it was withdrawn, from which the retention rule counts
 * (worker/db/retention.ts reads `COALESCE(sent_at, next_attempt_at)`).
 */
export function cancelUnsentReminders(db: D1Database, bookingId: string, now: Date): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE mail_outbox SET status = 'cancelled', next_attempt_at = ?2
       WHERE booking_id = ?1 AND kind = 'booking_reminder' AND status IN ('pending', 'captured', 'sending')`,
    )
    .bind(bookingId, now.toISOString());
}

const outboxColumns = `id, location_id, booking_id, kind, to_address, subject, text_body, html_body, ics, ics_method,
  message_id, dedupe_key, status, attempts, next_attempt_at, last_error, created_at, sent_at, erased_at`;

function outboxRows(result: D1Result): OutboxRow[] {
  return result.results.map((row) => OutboxRow.parse(row));
}

export interface ClaimOptions {
  now: Date;
  /** Until when the claimed rows belong to this sender; after that another sender may take them over. */
  leaseUntil: Date;
  limit: number;
}

/**
 * Claims up to `limit` due messages for one sender, atomically: pending rows whose next_attempt_at has
 * come, and rows left in 'sending' by a sender whose lease ran out (it died mid-way). One UPDATE …
 * RETURNING is one atomic statement in D1, so two senders at the same moment (waitUntil and cron) never
 * get the same row. A claimed row is 'sending', has its attempts raised by one (the claim's token) and
 * next_attempt_at set to the lease end. Uses mail_outbox_due.
 */
export async function claimDue(db: D1Database, options: ClaimOptions): Promise<OutboxRow[]> {
  const result = await db
    .prepare(
      `UPDATE mail_outbox
       SET status = 'sending', attempts = attempts + 1, next_attempt_at = ?2
       WHERE id IN (SELECT id FROM mail_outbox
                    WHERE status IN ('pending', 'sending') AND next_attempt_at <= ?1
                    ORDER BY next_attempt_at, id
                    LIMIT ?3)
       RETURNING ${outboxColumns}`,
    )
    .bind(options.now.toISOString(), options.leaseUntil.toISOString(), options.limit)
    .all();
  return outboxRows(result).sort((a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at) || a.created_at.localeCompare(b.created_at));
}

/** The claim a sender holds: the row and the attempt number its claim gave it. */
export interface Claim {
  id: string;
  attempts: number;
}

/*
 * The mark* writes apply only while the row is still this sender's claim (status 'sending' with the same
 * attempts). A sender whose lease ran out and whose row another sender took over changes nothing.
 * Each answers whether it applied.
 */

async function applied(statement: D1PreparedStatement): Promise<boolean> {
  const result = await statement.run();
  return result.meta.changes === 1;
}

/**
 * A mark that finishes the mail, in one batch with emptying it if its booking was erased while it was
 * on its way (db/erasure.ts): such a mail is never stored finished with its contents.
 */
async function finished(db: D1Database, mark: D1PreparedStatement, id: string, now: Date): Promise<boolean> {
  const [result] = await db.batch([mark, eraseMailOfErasedBooking(db, id, now)]);
  return result?.meta.changes === 1;
}

/** Delivered: never sent again. */
export function markSent(db: D1Database, claim: Claim, now: Date): Promise<boolean> {
  return finished(
    db,
    db
      .prepare(
        `UPDATE mail_outbox SET status = 'sent', sent_at = ?3, last_error = NULL
         WHERE id = ?1 AND status = 'sending' AND attempts = ?2`,
      )
      .bind(claim.id, claim.attempts, now.toISOString()),
    claim.id,
    now,
  );
}

/** A temporary failure: back to 'pending', to be tried again at `nextAttemptAt`. */
export function markRetry(db: D1Database, claim: Claim, nextAttemptAt: Date, error: string): Promise<boolean> {
  return applied(
    db
      .prepare(
        `UPDATE mail_outbox SET status = 'pending', next_attempt_at = ?3, last_error = ?4
         WHERE id = ?1 AND status = 'sending' AND attempts = ?2`,
      )
      .bind(claim.id, claim.attempts, nextAttemptAt.toISOString(), error),
  );
}

/** A permanent failure (the server refused the message, or too many attempts): kept for staff to see. */
export function markFailed(db: D1Database, claim: Claim, error: string, now: Date): Promise<boolean> {
  return finished(
    db,
    db
      .prepare(
        `UPDATE mail_outbox SET status = 'failed', last_error = ?3
         WHERE id = ?1 AND status = 'sending' AND attempts = ?2`,
      )
      .bind(claim.id, claim.attempts, error),
    claim.id,
    now,
  );
}

/**
 * The location's messages, newest first (the staff board's outbox), optionally only those with `status`.
 * Each walks an index from the newest end and stops at `limit`: mail_outbox_by_location, or with a status
 * mail_outbox_by_location_status (migration 0009), so a rare status is not looked for among every mail.
 */
export async function listOutbox(db: D1Database, locationId: number, limit: number, status?: OutboxRow["status"]): Promise<OutboxRow[]> {
  const newestFirst = "ORDER BY created_at DESC, id DESC LIMIT ?2";
  const statement = status === undefined
    ? db.prepare(`SELECT ${outboxColumns} FROM mail_outbox WHERE location_id = ?1 ${newestFirst}`).bind(locationId, limit)
    : db.prepare(`SELECT ${outboxColumns} FROM mail_outbox WHERE location_id = ?1 AND status = ?3 ${newestFirst}`).bind(locationId, limit, status);
  return outboxRows(await statement.all());
}

/** One message of the location; null for an unknown id or another location's message. */
export async function findOutbox(db: D1Database, locationId: number, id: string): Promise<OutboxRow | null> {
  const row = await db.prepare(`SELECT ${outboxColumns} FROM mail_outbox WHERE id = ?1 AND location_id = ?2`).bind(id, locationId).first();
  return row ? OutboxRow.parse(row) : null;
}

/** Statuses staff may send again: given up, kept without a transport, or delivered (and lost on the way). */
export const RESENDABLE = ["failed", "captured", "sent"] as const;

/**
 * Puts a failed, captured or sent message back into the queue, due at `now`, with attempts reset and
 * its error and sent time cleared; `status` is 'pending' (a transport is configured) or 'captured'.
 * Never an erased one: it has no recipient or text left to send.
 * The Message-ID stays: a receiver that has the first copy may recognise this one. Applies only while
 * the row is still in a resendable state (a sender may hold it right now); `RETURNING` answers the row,
 * or nothing when it did not apply.
 */
export function resendOutbox(db: D1Database, locationId: number, id: string, status: "pending" | "captured", now: Date): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE mail_outbox SET status = ?3, attempts = 0, next_attempt_at = ?4, last_error = NULL, sent_at = NULL
       WHERE id = ?1 AND location_id = ?2 AND status IN ('failed', 'captured', 'sent') AND erased_at IS NULL
       RETURNING ${outboxColumns}`,
    )
    .bind(id, locationId, status, now.toISOString());
}

/** The rows a statement with `RETURNING` answered, mapped through the row schema. */
export function returnedOutbox(result: D1Result | undefined): OutboxRow | null {
  const [row] = result ? outboxRows(result) : [];
  return row ?? null;
}
