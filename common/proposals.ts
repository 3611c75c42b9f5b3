/*
 * The states of a time staff propose for a request (schemas/migrations/0008_proposals.sql explains each),
 * as the Worker (domain/proposals.ts) and the board (kiosk/staff) both read them. Pure, no I/O.
 */

export type ProposalStatus = "open" | "accepted" | "not_chosen" | "declined" | "expired" | "withdrawn";

/**
 * A proposal stored as `status` with deadline `holdUntil` (an ISO instant, UTC or with offset) for what
 * it is at `now`: an open one past its deadline is expired, whether or not the scheduled work has
 * marked it yet.
 */
export function proposalStatusAt(status: ProposalStatus, holdUntil: string, now: Date): ProposalStatus {
  return status === "open" && Date.parse(holdUntil) <= now.getTime() ? "expired" : status;
}

/**
 * How a round ended, or `open` while it runs (null without one): accepted, declined ("keiner passt"),
 * expired or withdrawn. The board marks a request that is back with it; a round in which staff withdrew
 * one time and the rest ran out counts as expired (what ended it).
 */
export function roundOutcome(statuses: readonly ProposalStatus[]): "open" | "accepted" | "declined" | "expired" | "withdrawn" | null {
  if (statuses.length === 0) return null;
  if (statuses.includes("open")) return "open";
  if (statuses.includes("accepted")) return "accepted";
  if (statuses.includes("declined")) return "declined";
  if (statuses.includes("expired")) return "expired";
  return "withdrawn";
}
