import type { OutboxRow } from "../../schemas/rows";
import { claimDue, insertOutbox, markFailed, markRetry, markSent, type Claim } from "../db/outbox";
import { composeMail } from "./compose";
import { MailDeliveryError, type MailContext, type MailKind, type MailTransport, type OutgoingMail } from "./types";

/*
 * Delivers the outbox. Called right after a request that queued mail (ctx.waitUntil) and from the minutely
 * cron. Every row is claimed first (db/outbox.ts claimDue), so a row is only ever sent by the one call
 * that claimed it; the Message-ID is fixed per row, so even a retry after a lost answer is recognisable.
 */

/** Attempts per message before it is marked failed for staff to see. */
export const MAX_ATTEMPTS = 10;
/** How long a claimed row belongs to its sender: longer than a send can take with its timeouts. */
export const LEASE_MINUTES = 5;
/** Messages sent at the same time: a Worker may hold six connections open at once. */
const CONCURRENCY = 4;
const MINUTE_MS = 60_000;

/** Minutes to wait after a failed attempt number `attempts` (1-based): 1, 2, 4, 8, … capped at 60. */
export function retryDelayMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 60);
}

export interface DeliverDeps {
  db: D1Database;
  /** null: no SMTP configured; rows were queued as 'captured' and nothing is sent. */
  transport: MailTransport | null;
  /** The sender address (MAIL_FROM). */
  from: string;
  now: Date;
  /** Rows claimed by this call; default 10. */
  limit?: number;
}

export interface DeliverResult {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Claims the due messages and sends each one once. A temporary failure goes back to 'pending' with
 * exponential backoff (retryDelayMinutes); a permanent one (SMTP 5xx) or the MAX_ATTEMPTS-th failure
 * is marked 'failed' with its error.
 */
export async function deliverDue(deps: DeliverDeps): Promise<DeliverResult> {
  const result: DeliverResult = { sent: 0, retried: 0, failed: 0 };
  if (!deps.transport) return result;
  const transport = deps.transport;
  const rows = await claimDue(deps.db, {
    now: deps.now,
    leaseUntil: new Date(deps.now.getTime() + LEASE_MINUTES * MINUTE_MS),
    limit: deps.limit ?? 10,
  });

  const deliverOne = async (row: OutboxRow): Promise<void> => {
    const claim: Claim = { id: row.id, attempts: row.attempts };
    try {
      await transport.send(outgoing(row, deps.from));
    } catch (err) {
      const error = describe(err);
      const permanent = err instanceof MailDeliveryError && err.permanent;
      if (permanent || row.attempts >= MAX_ATTEMPTS) {
        await markFailed(deps.db, claim, permanent ? error : `${error} (gave up after ${row.attempts} attempts)`, deps.now);
        result.failed++;
      } else {
        const next = new Date(deps.now.getTime() + retryDelayMinutes(row.attempts) * MINUTE_MS);
        await markRetry(deps.db, claim, next, error);
        result.retried++;
      }
      return;
    }
    await markSent(deps.db, claim, deps.now);
    result.sent++;
  };

  // One row's trouble with D1 must not keep the others from going out; the first such error is
  // rethrown at the end (its row stays claimed until the lease ends, then it is tried again).
  const errors: unknown[] = [];
  for (let i = 0; i < rows.length; i += CONCURRENCY) {
    for (const settled of await Promise.allSettled(rows.slice(i, i + CONCURRENCY).map(deliverOne))) {
      if (settled.status === "rejected") errors.push(settled.reason);
    }
  }
  if (errors.length > 0) throw errors[0];
  return result;
}

function outgoing(row: OutboxRow, from: string): OutgoingMail {
  return {
    from,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    ics: row.ics,
    icsMethod: row.ics_method,
    messageId: row.message_id,
  };
}

/** The error as staff read it in the outbox: one line, bounded. */
function describe(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s+/g, " ").trim().slice(0, 500) || "unknown error";
}

export interface QueueMail {
  kind: MailKind;
  ctx: MailContext;
  locationId: number;
  bookingId: string | null;
  /** 'pending' when a transport is configured, else 'captured'. */
  status: "pending" | "captured";
  /** When it may first go out: ctx.now, or the reminder hour (compose.ts reminderTime). */
  sendAt: Date;
}

/**
 * Composes a message and returns its outbox insert, for the caller's batch with the change that causes
 * it. The row's id is ctx.mailId (the Message-ID is derived from it); its created_at is ctx.now.
 */
export function queueMail(db: D1Database, mail: QueueMail): D1PreparedStatement {
  return insertOutbox(db, {
    id: mail.ctx.mailId,
    locationId: mail.locationId,
    bookingId: mail.bookingId,
    mail: composeMail(mail.kind, mail.ctx),
    status: mail.status,
    sendAt: mail.sendAt,
    now: mail.ctx.now,
  });
}
