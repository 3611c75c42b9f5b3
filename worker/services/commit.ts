import type { LiveChange } from "../../schemas/live";
import type { Scope } from "../context";
import { tellFollowers } from "../live/notifier";
import { deliverDue } from "../mail/sender";

/*
 * The one way a change finishes: its statements run as one batch (one transaction), then the mail it
 * queued is delivered after the answer and the office's followers hear what changed. A handler never
 * runs these steps on its own, so none can forget one; a change without mail or without a live notice
 * says so in what it gives (`mail: false`, `live: null`).
 */

/** Runs a batch: `db.batch`, or a runner that reads the failures a batch is built to provoke (db/bookings.ts `runBookingBatch`). */
export type BatchRunner<R> = (db: D1Database, batch: D1PreparedStatement[]) => Promise<R>;

/** What the office's followers hear once a change is stored: the kinds of thing that changed, never what. */
export interface LiveNotice {
  office: string;
  changes: [LiveChange, ...LiveChange[]];
}

/** A change to finish: what it writes, and what follows once it is stored. */
export interface Change<R> {
  /** Every write of the change, the history, its mails and its audit row: all or nothing. */
  batch: D1PreparedStatement[];
  /** How to run the batch; `db.batch` when not given (then the result is its D1Results). */
  run?: BatchRunner<R>;
  /**
   * Whether the batch applied. A conditional write that found its row changed by a racing request did
   * nothing, so nothing follows. Default: it applied.
   */
  applied?: (result: R) => boolean;
  /** The batch queued mail (or made one due again): deliver it right after the answer; the cron retries. */
  mail: boolean;
  /** Who is told what changed once the batch has applied: the office's followers, or nobody (null). */
  live: LiveNotice | null;
}

/** The batch's result, and whether it applied (and so was followed by its mail and live notice). */
export interface Committed<R> {
  result: R;
  applied: boolean;
}

/**
 * Finishes a change: runs its batch (a throw means nothing was written and nothing follows), then, if it
 * applied, schedules the delivery of its mail and tells the office's followers, both after the answer.
 * A failing delivery or fan-out never fails the change: D1 has it, the cron retries mail and clients poll.
 */
export async function commit<R = D1Result[]>(s: Scope, change: Change<R>): Promise<Committed<R>> {
  // Without a runner R is its default, D1Result[]: what db.batch gives.
  const result = change.run ? await change.run(s.db, change.batch) : ((await s.db.batch(change.batch)) as R);
  const applied = change.applied?.(result) ?? true;
  if (!applied) return { result, applied };
  if (change.mail) deliverSoon(s);
  if (change.live) await s.afterResponse(tellFollowers(s.deps.live, change.live.office, change.live.changes));
  return { result, applied };
}

/** Delivers what is due right after the response, when a transport is configured (the cron retries). */
function deliverSoon(s: Scope): void {
  const { mail, now } = s.deps;
  if (!mail.transport) return;
  // A few at most: the time after the response is short; the minutely cron takes the rest.
  const delivery = deliverDue({ db: s.db, transport: mail.transport, from: mail.from, now: now(), limit: 3 }).catch((error: unknown) =>
    console.error("mail delivery after request failed", error),
  );
  // Not awaited: without an execution context (a test) the delivery runs on by itself, as the answer goes.
  void s.afterResponse(delivery);
}
