import { DUE_WITHIN_MINUTES } from "../../common/call-rules";
import type { AppointmentState, TicketKind } from "../../schemas/staff-board";

/*
 * Who is called next, and how a day's appointment stands on the board. Pure: `now` is an argument.
 */

/** A waiting ticket as the call-next rule sees it. */
export interface Candidate {
  id: string;
  kind: TicketKind;
  /** When the number was issued (walk-in taken, or appointment checked in): UTC instant. */
  issuedAt: Date;
  /** The appointment's start (UTC instant); null for walk-ins. */
  appointmentStart: Date | null;
  /** Issue order within the day for equal instants (the row's insertion order). */
  seq: number;
}

/**
 * Orders the waiting tickets by who should be called first ("Nächste Person aufrufen"):
 *  1. checked-in visitors whose appointment is due — it starts within DUE_WITHIN_MINUTES (5) minutes
 *     from `now`, the 5th minute included, or has already started — earliest start first;
 *  2. then walk-ins, longest waiting first (earliest issue);
 *  3. then checked-in visitors who came early, earliest start first: they wait for their time and are
 *     only called before it when nobody else is waiting.
 * Ties fall back to issue order, then id, so the order is total and every caller ranks alike.
 * An appointment ticket without a start (not expected) is ranked as a walk-in.
 * Returns the ids best first; the caller claims them in this order until one claim succeeds.
 */
export function rankForCall(waiting: readonly Candidate[], now: Date): string[] {
  const dueBy = now.getTime() + DUE_WITHIN_MINUTES * 60_000;
  const group = (t: Candidate): number => {
    if (t.kind !== "appointment" || !t.appointmentStart) return 1;
    return t.appointmentStart.getTime() <= dueBy ? 0 : 2;
  };
  const key = (t: Candidate): number => (group(t) === 1 ? t.issuedAt.getTime() : t.appointmentStart!.getTime());
  return [...waiting]
    .sort(
      (a, b) =>
        group(a) - group(b) ||
        key(a) - key(b) ||
        a.issuedAt.getTime() - b.issuedAt.getTime() ||
        a.seq - b.seq ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((t) => t.id);
}

/**
 * Where a slot booking of the day stands on the board: its booking status, refined by its ticket once
 * checked in (a requeued visitor is "checked_in" again).
 */
export function appointmentState(bookingStatus: string, ticketStatus: string | null): AppointmentState {
  switch (bookingStatus) {
    case "cancelled":
    case "declined":
      return "cancelled";
    case "completed":
      return "done";
    case "no_show":
      return "no_show";
    case "checked_in":
      switch (ticketStatus) {
        case "called":
          return "called";
        case "in_progress":
          return "in_room";
        case "done":
          return "done";
        case "no_show":
          return "no_show";
        case "cancelled":
          return "cancelled";
        default:
          return "checked_in";
      }
    default:
      return "booked";
  }
}

/**
 * Whole minutes a number waited: from issue to its first call, or to `now` while it waits (again, after
 * a requeue) or was never called. Never negative (clock skew between issue and now).
 */
export function waitedMinutes(issuedAt: Date, firstCallAt: Date | null, status: string, now: Date): number {
  const until = status === "waiting" || !firstCallAt ? now : firstCallAt;
  return Math.max(0, Math.floor((until.getTime() - issuedAt.getTime()) / 60_000));
}
