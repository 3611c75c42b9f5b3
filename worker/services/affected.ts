import type { StaffMessage } from "../mail/types";
import type { Locale } from "../../schemas/common";
import type { OpenProposalOnDay } from "../../schemas/rows";
import type { AffectedBooking, AffectedProposal } from "../../schemas/staff-settings";
import type { StaffScope } from "../context";
import { findForLocation, type StaffBookingRow } from "../db/bookings";
import { isGuardFailure, type Touched } from "../db/closures";
import type { LocationData } from "../db/locations";
import { latestRound } from "../db/proposals";
import { topicLabel } from "../domain/booking";
import { localDate, toOffsetIso } from "../../common/time";
import { AppError } from "../errors";
import { withdrawalWrites } from "./booking/proposals";
import { staffCancelWrites } from "./booking/staff";
import { commit } from "./commit";

/*
 * Changes that touch appointments: a closure, changed opening hours, removed extra hours. Each is
 * decided on the list of the appointments and open proposed times it touches (db/closures.ts
 * `touchedBetween`): without a decision the change is refused with that list (409 `bookings_affected`),
 * and staff choose "cancel all" or "keep" (schemas/staff-settings.ts `BookingsDecision`). The change, the
 * cancels and withdrawals with their mails and the audit rows are one batch, whose guard fails it when
 * the list is out of date by the time it runs; the answer is then the same 409 with the list as it is now.
 */

/** What a change touches, as just read: the list staff decide on. */
export type TouchedList = Pick<Touched, "bookings" | "proposals">;

/** A change of days or hours, as its service built it, to be finished by `commitAffecting`. */
export interface AffectingChange {
  office: LocationData;
  /** The appointments and open proposals the change touches, as just read. */
  affected: TouchedList;
  /** Fails the batch when `affected` is not exact any more (db/closures.ts `affectedUnchanged`); runs first. */
  guard: D1PreparedStatement;
  /** The change itself with its audit row. */
  writes: D1PreparedStatement[];
  decision: { action: "cancel" | "keep"; ids: string[]; proposals: string[] } | undefined;
  /** What the office tells each person whose appointment it cancels or whose proposed time it withdraws, in their language. */
  message: (locale: Locale) => StaffMessage;
  cause: "closure" | "hours";
  /** The touched appointments and proposals read again: for the 409 after a lost race, and for the answer to "keep". */
  reread: () => Promise<TouchedList>;
}

export interface AffectingOutcome {
  /** The results of the change's own `writes`, in their order (an INSERT's `meta.last_row_id`). */
  written: D1Result[];
  /** The touched appointments and proposals still active: all when kept; the checked-in appointments when cancelled. */
  kept: TouchedList;
  cancelled: number;
  withdrawn: number;
  /** Mails to the people concerned: cancelled appointments and requests whose times were withdrawn. */
  mailed: number;
}

/**
 * Finishes a change that touches appointments or open proposals: refuses it with the list (409
 * `bookings_affected`) when there are some and no decision, or when a "cancel" was decided on another
 * list than the one read now; otherwise one batch: the guard (unless they are kept: then nothing depends
 * on the list), the change, and for "cancel"
 *   - each confirmed appointment cancelled the way staff cancel one (services/booking/staff.ts
 *     `staffCancelWrites`: event, seats, reminders withdrawn, the cancel mail with `message` and the
 *     invite, an audit row); an appointment whose person has checked in is left to staff: they are in
 *     the office;
 *   - each request's listed times withdrawn the way staff withdraw them (services/booking/proposals.ts
 *     `withdrawalWrites`: the request's event, seats freed, the mail with `message` naming the times
 *     withdrawn and those still open, an audit row); the request stays open on the board.
 */
export async function commitAffecting(s: StaffScope, change: AffectingChange): Promise<AffectingOutcome> {
  const { office, affected, decision } = change;
  const tz = office.location.time_zone;
  const touches = affected.bookings.length + affected.proposals.length > 0;
  if (touches && !decision) throw bookingsAffected(affected, tz);
  if (decision?.action === "cancel" && !sameList(decision, affected)) throw bookingsAffected(affected, tz);

  const cancelling = decision?.action === "cancel" ? affected.bookings.filter((b) => b.status === "confirmed") : [];
  const cancels = cancelling.map((b) => staffCancelWrites(s, office, b, { by: "office", message: change.message(b.locale), cause: change.cause }));
  const withdrawals = decision?.action === "cancel" ? await withdrawalsOf(s, change) : [];
  const mailed = [...cancels, ...withdrawals].filter((c) => c.mailed).length;
  const guarded = decision?.action !== "keep";
  let result: D1Result[];
  try {
    ({ result } = await commit(s, {
      batch: [
        ...(guarded ? [change.guard] : []),
        ...change.writes,
        ...cancels.flatMap((c) => c.statements),
        ...withdrawals.flatMap((w) => w.statements),
      ],
      mail: mailed > 0,
      live: {
        office: office.location.slug,
        changes: [
          "settings",
          ...(cancels.length > 0 ? (["bookings"] as const) : []),
          ...(withdrawals.length > 0 ? (["requests"] as const) : []),
          ...(mailed > 0 ? (["outbox"] as const) : []),
        ],
      },
    }));
  } catch (error) {
    // The list is out of date: an appointment was booked, moved, cancelled or checked in meanwhile, or a
    // time proposed, answered or withdrawn (the guard, or the history event of a cancel or withdrawal,
    // which another change took first or whose request moved on).
    if (isGuardFailure(error) || /(UNIQUE|NOT NULL) constraint failed: booking_events\./.test(String(error))) {
      throw bookingsAffected(await change.reread(), tz);
    }
    throw error;
  }
  const kept =
    decision?.action === "keep" ? await change.reread() : { bookings: affected.bookings.filter((b) => !cancelling.includes(b)), proposals: [] };
  const first = guarded ? 1 : 0;
  return {
    written: result.slice(first, first + change.writes.length),
    kept,
    cancelled: cancels.length,
    withdrawn: withdrawals.reduce((n, w) => n + w.ids.length, 0),
    mailed,
  };
}

/**
 * The withdrawal of the listed proposals, one request at a time (each its own guarded history event),
 * built from the request and its latest round as they are now. A request that moved on since the list
 * was read (answered, withdrawn, erased) makes the list out of date: the 409 with the list as it is now.
 */
async function withdrawalsOf(s: StaffScope, change: AffectingChange) {
  const byRequest = new Map<string, OpenProposalOnDay[]>();
  for (const p of change.affected.proposals) byRequest.set(p.booking_id, [...(byRequest.get(p.booking_id) ?? []), p]);
  const { location } = change.office;
  const now = s.deps.now();
  const out: { statements: D1PreparedStatement[]; mailed: boolean; ids: string[] }[] = [];
  for (const [requestId, listed] of byRequest) {
    const [request, round] = await Promise.all([findForLocation(s.db, location.id, requestId), latestRound(s.db, requestId)]);
    if (!request || request.invite_sequence !== listed[0]!.request_sequence) {
      throw bookingsAffected(await change.reread(), location.time_zone);
    }
    const ids = listed.map((p) => p.id);
    out.push({ ...(await withdrawalWrites(s, change.office, request, round, ids, now, change.message(request.locale))), ids });
  }
  return out;
}

/** The refusal with the list: the change touches these appointments and proposed times (as they are now). */
export function bookingsAffected(touched: TouchedList, timeZone: string): AppError {
  const n = touched.bookings.length;
  const m = touched.proposals.length;
  const what = [
    ...(n > 0 ? [`${n} appointment${n === 1 ? "" : "s"}`] : []),
    ...(m > 0 ? [`${m} proposed time${m === 1 ? "" : "s"}`] : []),
  ].join(" and ");
  return new AppError(
    "bookings_affected",
    n + m === 0
      ? "The appointments this change touches have changed meanwhile; there are none now. Please confirm the change again."
      : `This change touches ${what} (or they changed meanwhile). Please say whether to cancel them all or keep them.`,
    "bookings",
    {},
    { bookings: presentAffected(touched.bookings, timeZone), proposals: presentAffectedProposals(touched.proposals, timeZone) },
  );
}

/** The touched appointments as staff see them in the dialog, with their local day for the board link. */
export function presentAffected(bookings: readonly StaffBookingRow[], timeZone: string): AffectedBooking[] {
  return bookings.map((b) => {
    const start = new Date(b.starts_at!);
    return {
      id: b.id,
      day: localDate(start, timeZone),
      start: toOffsetIso(start, timeZone),
      end: toOffsetIso(new Date(b.ends_at!), timeZone),
      status: b.status === "checked_in" ? "checked_in" : "confirmed",
      name: b.name ?? "",
      topic: topicLabel(b),
      code: b.code,
      mail: Boolean(b.email),
      phone: b.phone,
    };
  });
}

/** The touched open proposals as staff see them in the dialog, with their local day for the board link. */
export function presentAffectedProposals(proposals: readonly OpenProposalOnDay[], timeZone: string): AffectedProposal[] {
  return proposals.map((p) => {
    const start = new Date(p.starts_at);
    return {
      id: p.id,
      requestId: p.booking_id,
      day: localDate(start, timeZone),
      start: toOffsetIso(start, timeZone),
      end: toOffsetIso(new Date(p.ends_at), timeZone),
      holdUntil: toOffsetIso(new Date(p.hold_until), timeZone),
      name: p.name ?? "",
      topic: topicLabel(p),
      mail: Boolean(p.email),
      phone: p.phone,
    };
  });
}

/** Whether staff decided on exactly these appointments and proposals (ids in any order). */
function sameList(decision: { ids: readonly string[]; proposals: readonly string[] }, touched: TouchedList): boolean {
  return sameIds(decision.ids, touched.bookings) && sameIds(decision.proposals, touched.proposals);
}

function sameIds(ids: readonly string[], rows: readonly { id: string }[]): boolean {
  const listed = new Set(ids);
  return listed.size === ids.length && ids.length === rows.length && rows.every((r) => listed.has(r.id));
}
