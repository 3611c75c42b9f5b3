/*
 * The staff board's rules, as pure functions of the board's answer and "now": what "call next" may do,
 * which actions a called number offers, which appointments are due, how long someone has waited,
 * and when a refusal means the board is out of date. The store feeds them; tests/staff/ holds them still.
 */
import type { ProposalView } from "../../schemas/bookings";
import type { Estimate } from "../../schemas/kiosk";
import type { AppointmentState, Board, BoardAppointment, BoardRequest, BoardTicket } from "../../schemas/staff-board";
import { DUE_WITHIN_MINUTES, NO_SHOW_AFTER_CALLS } from "../../common/call-rules";
import { proposalStatusAt, roundOutcome, type ProposalStatus } from "../../common/proposals";
import { toOffsetIso, zonedInstant } from "../../common/time";
import type { StaffFailure } from "./failure";

export type { AppointmentState };

/**
 * The board's sections, as the navigation offers them and the address names them (`?view=`, place.ts):
 * the day's appointments and queue, the week at a glance, then the panels.
 */
export type StaffView = "appointments" | "week" | "stats" | "outbox" | "feed" | "admin" | "passkeys";
export const STAFF_VIEWS: readonly StaffView[] = ["appointments", "week", "stats", "outbox", "feed", "admin", "passkeys"];

/** Which sections a role sees: settings, staff accounts and devices are for admins only. */
export function viewsFor(role: "staff" | "admin"): StaffView[] {
  return STAFF_VIEWS.filter((v) => v !== "admin" || role === "admin");
}

/**
 * Whether the board shows a day gone by (read only: what happened), today (the queue is run here) or a
 * day to come (what is planned), by the office's today as the API said it.
 */
export type Tense = "past" | "today" | "future";

export function tenseOf(board: Pick<Board, "day" | "today">): Tense {
  return board.day < board.today ? "past" : board.day > board.today ? "future" : "today";
}

/** What a day gone by comes to: appointments attended and not, numbers served without an appointment. */
export interface DayTally {
  attended: number;
  noShow: number;
  cancelled: number;
  walkInsServed: number;
}

export function tallyOf(board: Pick<Board, "appointments" | "walkIns">): DayTally {
  const count = (state: AppointmentState) => board.appointments.filter((a) => a.state === state).length;
  return {
    attended: count("done"),
    noShow: count("no_show"),
    cancelled: count("cancelled"),
    walkInsServed: board.walkIns.filter((t) => t.status === "done").length,
  };
}

/** How the board hears about changes: a live socket, polling every few seconds, or not at all. */
export type Connection = "live" | "polling" | "offline";

/**
 * Whether the board should load again after this failure: the refusal means that what staff saw is out
 * of date (someone else called that number, nobody waits any more, a time was taken meanwhile).
 */
export function refetchAfter(failure: StaffFailure): boolean {
  return OUT_OF_DATE.includes(failure);
}

const OUT_OF_DATE: readonly StaffFailure[] = ["changed", "notFound", "queueEmpty", "roomBusy", "slotGone", "tooFewCalls"];

/** "Nächste Person aufrufen": allowed, or why not (the button says the reason beside it). */
export type CallNext = { enabled: true } | { enabled: false; reason: "noRoom" | "nobodyWaiting" | "roomBusy" };

/**
 * Call next is offered when a room is chosen, someone is waiting and nobody is still *called* in my
 * room. A called person who has not come in yet blocks it (the API refuses with `room_busy` too): one
 * more click would otherwise leave them unseen, so the reason points to the card's buttons (begin,
 * did not come, back to the queue). A conversation in progress does not block: the next call ends it.
 * "Nobody waiting" comes first, because beginning the conversation would not make the button work.
 */
export function callNextState(board: Pick<Board, "waiting" | "rooms"> | null, roomId: number | null): CallNext {
  if (roomId === null || !board?.rooms.some((r) => r.id === roomId)) return { enabled: false, reason: "noRoom" };
  if (board.waiting === 0) return { enabled: false, reason: "nobodyWaiting" };
  if (currentIn(board, roomId)?.status === "called") return { enabled: false, reason: "roomBusy" };
  return { enabled: true };
}

/** The room a saved choice still names on this board; null when it is gone (or none was saved). */
export function validRoom(board: Pick<Board, "rooms"> | null, saved: number | null): number | null {
  if (!board || saved === null) return saved;
  return board.rooms.some((r) => r.id === saved) ? saved : null;
}

/** The number called to or being served in a room, if any. */
export function currentIn(board: Pick<Board, "rooms"> | null, roomId: number | null): BoardTicket | null {
  return board?.rooms.find((r) => r.id === roomId)?.current ?? null;
}

/** "Nicht erschienen" once the number was called NO_SHOW_AFTER_CALLS times (the API refuses it before). */
export function noShowOffered(callCount: number): boolean {
  return callCount >= NO_SHOW_AFTER_CALLS;
}

export type TicketAction = "recall" | "start" | "finish" | "noShow" | "requeue";

/**
 * What the "Mein Raum" card offers for the number in the room: a called person can be called again,
 * taken in, sent back to the queue or (after two calls) marked as not come; in the conversation only
 * "Fertig" and "Zurück in die Warteschlange" make sense.
 */
export function ticketActions(ticket: Pick<BoardTicket, "status" | "callCount">): TicketAction[] {
  switch (ticket.status) {
    case "called":
      return ["start", "recall", ...(noShowOffered(ticket.callCount) ? (["noShow"] as const) : []), "requeue"];
    case "in_progress":
      return ["finish", "requeue"];
    default:
      return [];
  }
}

/** A proposed time's state at `now`: an open one runs out at its deadline between two loads of the board. */
export function proposalStateOf(p: Pick<ProposalView, "status" | "holdUntil">, now: Date): ProposalStatus {
  return proposalStatusAt(p.status, p.holdUntil, now);
}

/**
 * Where a request stands with its latest round of proposals at `now`: waiting for the resident until
 * `until` (`open`), back on the list and why (declined, expired, withdrawn), or never proposed (null).
 * Staff may propose again once no time is open (the API refuses it before: `proposals_open`).
 */
export function requestRound(r: Pick<BoardRequest, "proposals">, now: Date) {
  const open = r.proposals.filter((p) => proposalStateOf(p, now) === "open");
  return {
    outcome: roundOutcome(r.proposals.map((p) => proposalStateOf(p, now))),
    until: open[0]?.holdUntil ?? null,
    canPropose: open.length === 0,
  };
}

/** The tone of a proposed time's badge (the word carries the meaning). */
export const PROPOSAL_TONE: Readonly<Record<ProposalStatus, Badge["tone"]>> = {
  open: "waiting",
  accepted: "done",
  not_chosen: "neutral",
  declined: "problem",
  expired: "problem",
  withdrawn: "neutral",
};

/** How an appointment's state looks: an icon (never the only carrier) and a tone for the badge. */
export interface Badge {
  state: AppointmentState;
  icon: "calendar" | "clock" | "bell" | "talk" | "check" | "cross" | "strike";
  tone: "neutral" | "waiting" | "active" | "done" | "problem";
}

const BADGES: Readonly<Record<AppointmentState, Badge>> = {
  booked: { state: "booked", icon: "calendar", tone: "neutral" },
  checked_in: { state: "checked_in", icon: "clock", tone: "waiting" },
  called: { state: "called", icon: "bell", tone: "active" },
  in_room: { state: "in_room", icon: "talk", tone: "active" },
  done: { state: "done", icon: "check", tone: "done" },
  no_show: { state: "no_show", icon: "cross", tone: "problem" },
  cancelled: { state: "cancelled", icon: "strike", tone: "problem" },
};

export function badgeOf(state: AppointmentState): Badge {
  return BADGES[state];
}

/**
 * Due: not yet called, and its start is at most DUE_WITHIN_MINUTES (5) away or past, the same window the
 * call-next rule uses (highlighted on the list).
 */
export function isDue(a: Pick<BoardAppointment, "start" | "end" | "state">, now: Date): boolean {
  if (a.state !== "booked" && a.state !== "checked_in") return false;
  const start = Date.parse(a.start);
  const end = Date.parse(a.end);
  return start - now.getTime() <= DUE_WITHIN_MINUTES * 60_000 && now.getTime() < end;
}

/** Calling this appointment directly is possible once the person has checked in (has a waiting number). */
export function canCallAppointment(a: Pick<BoardAppointment, "state" | "ticket">): boolean {
  return a.state === "checked_in" && a.ticket !== null;
}

/**
 * "Nicht erschienen" for a booked appointment nobody checked in for: from `noShowFrom` (its start plus
 * the check-in close minutes, given by the API only while the booking is booked and has no number).
 */
export function canMarkBookingNoShow(a: Pick<BoardAppointment, "noShowFrom">, now: Date): boolean {
  return a.noShowFrom !== null && Date.parse(a.noShowFrom) <= now.getTime();
}

/** Cancel and move are for bookings that are still ahead: not once the person is being served. */
export function canChangeAppointment(a: Pick<BoardAppointment, "state">): boolean {
  return a.state === "booked" || a.state === "checked_in";
}

/**
 * "E-Mail erneut senden" for an appointment still ahead (the person lost the confirmation or the update):
 * its newest mail, when the outbox can send it again. A cancelled one offers nothing more.
 */
export function canResendMail(a: Pick<BoardAppointment, "mail" | "state">): boolean {
  return canChangeAppointment(a) && (a.mail?.resendable ?? false);
}

/**
 * Minutes waited by now: the board's figure when it was loaded plus the whole minutes since then, so the
 * list counts on between refetches. A number that has been called stops counting (the API's figure is
 * to the first call).
 */
export function waitedNow(ticket: Pick<BoardTicket, "waitedMinutes" | "status">, loadedAt: Date, now: Date): number {
  if (ticket.status !== "waiting") return ticket.waitedMinutes;
  const since = Math.max(0, Math.floor((now.getTime() - loadedAt.getTime()) / 60_000));
  return ticket.waitedMinutes + since;
}

/**
 * A waiting number's wait range as its status page gives it: the board's, as loaded (today's board
 * only; the store loads it again every minute while someone waits, as the estimate is not a countdown:
 * a conversation that runs long holds it). Null when the number has none (not waiting, or another day).
 */
export function estimateOf(ticket: Pick<BoardTicket, "estimate" | "status">): Estimate | null {
  return ticket.status === "waiting" ? (ticket.estimate ?? null) : null;
}

/** Whether the board shows a wait range, which it keeps fresh by loading again every minute. */
export function showsEstimates(board: Pick<Board, "walkIns" | "appointments"> | null): boolean {
  if (!board) return false;
  return board.walkIns.some((t) => estimateOf(t) !== null) || board.appointments.some((a) => a.ticket !== null && estimateOf(a.ticket) !== null);
}

/** The walk-ins still waiting, longest first as they were issued. */
export function waitingWalkIns(board: Pick<Board, "walkIns"> | null): BoardTicket[] {
  return board?.walkIns.filter((t) => t.status === "waiting") ?? [];
}

/** The other rooms and who is in them, so staff see at a glance whether the colleague is free. */
export function otherRooms(board: Pick<Board, "rooms"> | null, roomId: number | null): Board["rooms"] {
  return board?.rooms.filter((r) => r.id !== roomId) ?? [];
}

/**
 * A local `YYYY-MM-DD` day and `HH:MM` time in the office's zone as the API's offset date-time
 * (`2026-11-30T13:00:00+01:00`), DST included: what a proposal typed into the form means.
 */
export function localToOffset(date: string, time: string, timeZone: string): string {
  return toOffsetIso(zonedInstant(date, time, timeZone), timeZone);
}

/** The remembered room, parsed from what localStorage holds (anything odd means "none chosen"). */
export function parseSavedRoom(value: string | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}
