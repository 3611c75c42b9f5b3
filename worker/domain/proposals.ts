import type { ProposalView } from "../../schemas/bookings";
import type { ProposalRow } from "../../schemas/rows";
import { proposalStatusAt } from "../../common/proposals";
import { toOffsetIso } from "../../common/time";
import { AppError } from "../errors";
import type { OpeningBasis } from "./schedule";
import { proposal, type Proposal } from "./staff-booking";

/*
 * Times staff propose for a request "nach Vereinbarung" and the resident agrees to (issue 11 item 7).
 * Pure: `now` is an argument; whether a seat is still free is decided by the database in the statement
 * that holds it (db/bookings.ts takeSeats).
 */

/** At most this many times per round: one mail stays readable, and seats are not hoarded. */
export const MAX_PROPOSALS = 3;

/**
 * The shortest time a resident is given to answer, in minutes. A mail can take minutes to arrive, and a
 * deadline of minutes is no real choice: for a time that close, staff phone the person and book it.
 */
export const MIN_HOLD_MINUTES = 60;

/**
 * The deadline of a round proposed at `now`: `holdHours` later, but never after the earliest time's
 * start minus the office's minimum notice. The minimum notice is the office's own rule for how soon
 * before an appointment it still takes one online: a resident who agrees to a proposal books it, so
 * the same notice applies, and the office knows in time who comes. (Each time of a round keeps the
 * same deadline, so the mail says one date, "keiner passt" and the expiry end the whole round at once.)
 */
export function holdUntil(now: Date, starts: readonly Date[], holdHours: number, minNoticeMinutes: number): Date {
  const earliest = Math.min(...starts.map((s) => s.getTime()));
  return new Date(Math.min(now.getTime() + holdHours * 3_600_000, earliest - minNoticeMinutes * 60_000));
}

export interface ProposalsInput {
  starts: readonly Date[];
  /** The topic's duration: every time of a round is as long as the topic, as a booking of it would be. */
  minutes: number;
  now: Date;
  holdHours: number;
  basis: OpeningBasis;
}

/**
 * Checks a round of proposed times and gives each with the seat units it holds, and the round's deadline.
 * Each time as `proposal` (domain/staff-booking.ts) says: any future time on the 5-minute grid up to a
 * year ahead, also outside the opening hours (only its units inside them hold a seat). The times must not
 * overlap each other (they would compete for their own seats). Throws with the field `times.<i>` of the
 * time at fault, `proposal_too_soon` when the deadline would leave the resident less than
 * MIN_HOLD_MINUTES.
 */
export function proposalRound(input: ProposalsInput): { times: Proposal[]; holdUntil: Date } {
  const times = input.starts.map((start, i) => atField(i, () => proposal(start, input.minutes, input.now, input.basis)));
  times.forEach((t, i) => {
    const j = times.findIndex((o, k) => k < i && o.start < t.end && t.start < o.end);
    if (j >= 0) throw new AppError("invalid_request", `times.${i}: overlaps time ${j + 1}; please propose different times.`, `times.${i}`);
  });
  const deadline = holdUntil(input.now, input.starts, input.holdHours, input.basis.settings.minNoticeMinutes);
  if (deadline.getTime() < input.now.getTime() + MIN_HOLD_MINUTES * 60_000) {
    const earliest = times.reduce((e, t, i) => (t.start < times[e]!.start ? i : e), 0);
    throw new AppError(
      "proposal_too_soon",
      `times.${earliest}: too soon for the person to answer (at least ${MIN_HOLD_MINUTES} minutes before the minimum notice of ` +
        `${input.basis.settings.minNoticeMinutes} minutes). Please propose a later time, or book it by phone.`,
      `times.${earliest}`,
    );
  }
  return { times, holdUntil: deadline };
}

/** Runs `check` for time `i`, naming the field `times.<i>` in what it throws. */
function atField<T>(i: number, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, `times.${i}: ${error.message}`, `times.${i}`, error.headers);
    throw error;
  }
}

/** A proposal as its resident and staff see it at `now`, times with the office's offset. */
export function presentProposal(p: ProposalRow, now: Date, timeZone: string): ProposalView {
  const at = (iso: string) => toOffsetIso(new Date(iso), timeZone);
  const status = proposalStatusAt(p.status, p.hold_until, now);
  return {
    id: p.id,
    start: at(p.starts_at),
    end: at(p.ends_at),
    status,
    holdUntil: at(p.hold_until),
    // One that ran out before the scheduled work marked it ended at its deadline.
    decidedAt: p.decided_at ? at(p.decided_at) : status === "expired" ? at(p.hold_until) : null,
  };
}

