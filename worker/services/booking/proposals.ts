import type { ManagedBooking, ProposalView } from "../../../schemas/bookings";
import type { BookingRow, ProposalRow } from "../../../schemas/rows";
import type { ProposalsAnswer, ProposeBody, WithdrawProposalsBody } from "../../../schemas/staff-bookings";
import { staffAudit } from "../../auth/audit";
import type { Scope, StaffScope } from "../../context";
import { audit } from "../../db/audit";
import { runBookingBatch } from "../../db/bookings";
import { loadDaysWithoutSeats, scheduleBasis, type LocationData } from "../../db/locations";
import {
  acceptProposal,
  endOpenProposals,
  expireProposals,
  guardedEvent,
  insertProposal,
  latestRound,
  proposalOnClosure,
  raiseSequence,
  type NewProposal,
} from "../../db/proposals";
import { presentProposal, proposalRound } from "../../domain/proposals";
import { proposalStatusAt } from "../../../common/proposals";
import { AppError } from "../../errors";
import type { MailProposals, StaffMessage } from "../../mail/types";
import { addDays, localDate, toOffsetIso } from "../../../common/time";
import { commit } from "../commit";
import { answer, holderBooking } from "./holder";
import { mailStatements } from "./mail";
import { proposalUrl } from "./manage-link";
import { actorOf, freshLink, officeBooking } from "./staff";

/*
 * Proposals the resident agrees to (issue 11 item 7). Staff propose one to three times for a request
 * "nach Vereinbarung"; each holds its seats at once (the seat rule of bookings, db/bookings.ts takeSeats)
 * until the round's deadline; the resident answers from the manage page (the mail's links only open it):
 * one time, which confirms the booking and frees the others, or "keiner passt", which frees all. Staff may
 * withdraw open times; the scheduled work ends rounds whose deadline passed (proposal-expiry.ts), and
 * every answer checks the deadline itself, so an expired time is never accepted. Each change is one
 * batch that starts with the request's guarded history event (db/proposals.ts guardedEvent).
 */

/** What a round's proposals are for a mail: the open times with their links, "keiner passt", the deadline. */
function mailProposals(s: Scope, token: string, open: readonly ProposalRow[], withdrawn: readonly ProposalRow[]): MailProposals {
  const time = (p: ProposalRow) => ({ startsAt: new Date(p.starts_at), endsAt: new Date(p.ends_at) });
  return {
    open: open.map((p) => ({ ...time(p), url: proposalUrl(s.origin, token, p.id) })),
    noneUrl: proposalUrl(s.origin, token, "none"),
    deadline: open[0] ? new Date(open[0].hold_until) : null,
    withdrawn: withdrawn.map(time),
  };
}

/** The open proposals of a round at `now` (one past its deadline is not, whether or not it is marked yet). */
function openAt(round: readonly ProposalRow[], now: Date): ProposalRow[] {
  return round.filter((p) => proposalStatusAt(p.status, p.hold_until, now) === "open");
}

function presentRound(round: readonly ProposalRow[], now: Date, office: LocationData): ProposalView[] {
  return round.map((p) => presentProposal(p, now, office.location.time_zone));
}

// ---------------------------------------------------------------------------------------------------
// Staff

/**
 * Proposes one to three times for request `requestId` (schemas/staff-bookings.ts ProposeBody): each as
 * long as its topic, holding its seats inside the opening hours at once, until the round's deadline; the
 * resident gets one mail with a link per time and one for "keiner passt". A round whose deadline passed
 * unmarked is ended first (as the scheduled work would), so its seats are free for the new one.
 */
export async function propose(s: StaffScope, requestId: string, body: ProposeBody): Promise<ProposalsAnswer> {
  let { booking, office } = await officeBooking(s, requestId);
  const now = s.deps.now();
  if (booking.kind !== "request" || booking.status !== "requested") {
    throw new AppError("booking_not_changeable", `This is no open request (it is ${booking.status}).`);
  }
  const last = await latestRound(s.db, booking.id);
  if (openAt(last, now).length > 0) throw proposalsOpen();
  if (last.some((p) => p.status === "open")) {
    await commit(s, { batch: expireProposals(s.db, [booking.id], now), mail: false, live: { office: office.location.slug, changes: ["requests"] } });
    ({ booking, office } = await officeBooking(s, requestId));
  }

  const starts = body.times.map((t) => new Date(t));
  const days = starts.map((d) => d.toISOString().slice(0, 10)).sort();
  // UTC days with a day either side cover the local days in any zone.
  const data = await loadDaysWithoutSeats(s.db, office.location.slug, addDays(days[0]!, -1), addDays(days.at(-1)!, 1));
  if (!data) throw new AppError("unknown_location", "This office is not set up yet.");
  const round = proposalRound({
    starts,
    minutes: booking.topic_duration_minutes,
    now,
    holdHours: data.location.proposal_hold_hours,
    basis: scheduleBasis(data),
  });
  const sequence = booking.invite_sequence + 1;
  const proposals: NewProposal[] = round.times.map((t) => ({
    id: s.deps.random.id(),
    locationId: booking.location_id,
    bookingId: booking.id,
    round: sequence,
    startsAt: t.start.toISOString(),
    endsAt: t.end.toISOString(),
    holdUntil: round.holdUntil.toISOString(),
    createdBy: s.staff.id,
    seats: { units: t.seatUnits, seatsPerSlot: data.location.seats_per_slot },
  }));
  const rows: ProposalRow[] = proposals.map((p) => ({
    id: p.id,
    booking_id: p.bookingId,
    round: p.round,
    starts_at: p.startsAt,
    ends_at: p.endsAt,
    hold_until: p.holdUntil,
    status: "open",
    decided_at: null,
  }));
  const link = await freshLink(s, booking);
  const current: BookingRow = { ...booking, invite_sequence: sequence };
  const mails = mailStatements(s, office, current, link.token, ["request_proposals"], body.message, mailProposals(s, link.token, rows, []));
  const ids = proposals.map((p) => p.id);
  try {
    await commit(s, {
      batch: [
        guardedEvent(s.db, booking.id, sequence, "requested", actorOf(s), now, { proposals: ids }, { open: "none" }),
        raiseSequence(s.db, booking.id, sequence, now),
        ...proposals.flatMap((p) => insertProposal(s.db, p, now)),
        ...link.statements,
        ...mails,
        staffAudit(s, "proposal.propose", { kind: "booking", id: booking.id }, {
          sequence,
          proposals: ids,
          seats: proposals.map((p) => p.seats.units.length > 0),
          holdUntil: round.holdUntil.toISOString(),
          message: Boolean(body.message),
        }),
      ],
      run: runBookingBatch,
      mail: mails.length > 0,
      live: { office: office.location.slug, changes: ["requests", ...(mails.length > 0 ? (["outbox"] as const) : [])] },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "slot_full") throw await takenTime(s, office, proposals, error);
    if (error instanceof AppError && error.code === "booking_changed") {
      const again = await officeBooking(s, requestId);
      if (again.booking.status !== "requested") throw new AppError("booking_not_changeable", `This is no open request (it is ${again.booking.status}).`);
      if (openAt(await latestRound(s.db, requestId), now).length > 0) throw proposalsOpen();
    }
    throw error;
  }
  return { requestId: booking.id, proposals: presentRound(rows, now, office), mailed: mails.length > 0 };
}

function proposalsOpen(): AppError {
  return new AppError("proposals_open", "This request has open proposals. Withdraw them first, or wait for the answer.");
}

/**
 * Which of the proposed times found a seat taken (the batch that refused them says only that one was):
 * the first whose units hold as many seats as the office has, read after the refusal, to name it.
 */
async function takenTime(s: Scope, office: LocationData, proposals: readonly NewProposal[], refusal: AppError): Promise<AppError> {
  for (const [i, p] of proposals.entries()) {
    if (p.seats.units.length === 0) continue;
    const full = await s.db
      .prepare(
        `SELECT 1 FROM booking_seats WHERE location_id = ?1 AND unit_start_at IN (SELECT value FROM json_each(?2))
         GROUP BY unit_start_at HAVING count(*) >= ?3 LIMIT 1`,
      )
      .bind(p.locationId, JSON.stringify(p.seats.units), p.seats.seatsPerSlot)
      .first();
    if (full) {
      const when = toOffsetIso(new Date(p.startsAt), office.location.time_zone);
      return new AppError("slot_full", `times.${i}: ${when} is taken meanwhile. Please propose another time.`, `times.${i}`);
    }
  }
  return refusal;
}

/**
 * The statements that withdraw open proposals `ids` of `request` (whose latest round, as read, is
 * `round`) at `now`: the guarded history event, their seats freed, the sequence raised, the resident's
 * mail (which times went and which are still open, with fresh links) and the audit row
 * `proposal.withdraw`. For one batch: withdrawByStaff commits them alone, a closure of days adds them
 * to its own (one request at a time: services/affected.ts, for the open proposals db/proposals.ts openProposalsStarting lists).
 * The batch fails with `booking_changed` if the request moved on meanwhile (answered, withdrawn, expired).
 */
export async function withdrawalWrites(
  s: StaffScope,
  office: LocationData,
  request: BookingRow,
  round: readonly ProposalRow[],
  ids: readonly string[],
  now: Date,
  message?: StaffMessage,
): Promise<{ statements: D1PreparedStatement[]; mailed: boolean }> {
  const sequence = request.invite_sequence + 1;
  const withdrawn = round.filter((p) => ids.includes(p.id));
  const stillOpen = openAt(round, now).filter((p) => !ids.includes(p.id));
  // Links only where something is left to choose.
  const link = stillOpen.length > 0 ? await freshLink(s, request) : { token: "", statements: [] };
  const mails = mailStatements(
    s,
    office,
    { ...request, invite_sequence: sequence },
    link.token,
    ["proposals_withdrawn"],
    message,
    mailProposals(s, link.token, stillOpen, withdrawn),
  );
  return {
    statements: [
      guardedEvent(s.db, request.id, sequence, "requested", actorOf(s), now, { withdrawn: ids }, { open: "these", ids }),
      ...endOpenProposals(s.db, { request: request.id, ids }, "withdrawn", now),
      raiseSequence(s.db, request.id, sequence, now),
      ...link.statements,
      ...mails,
      staffAudit(s, "proposal.withdraw", { kind: "booking", id: request.id }, { sequence, proposals: ids, message: Boolean(message) }),
    ],
    mailed: mails.length > 0,
  };
}

/** Staff take back open proposals of a request (schemas/staff-bookings.ts WithdrawProposalsBody). */
export async function withdrawByStaff(s: StaffScope, requestId: string, body: WithdrawProposalsBody): Promise<ProposalsAnswer> {
  const { booking, office } = await officeBooking(s, requestId);
  const now = s.deps.now();
  const round = booking.kind === "request" ? await latestRound(s.db, booking.id) : [];
  const ids = [...new Set(body.proposals)];
  ids.forEach((id, i) => {
    const p = round.find((x) => x.id === id);
    if (!p) throw new AppError("not_found", `proposals.${i}: this request has no such proposal in its latest round.`, `proposals.${i}`);
  });
  if (booking.status !== "requested") throw closed();
  ids.forEach((id) => {
    const p = round.find((x) => x.id === id)!;
    const status = proposalStatusAt(p.status, p.hold_until, now);
    if (status === "expired") throw expired();
    if (status !== "open") throw closed();
  });
  const { statements, mailed } = await withdrawalWrites(s, office, booking, round, ids, now, body.message);
  try {
    await commit(s, {
      batch: statements,
      run: runBookingBatch,
      mail: mailed,
      live: { office: office.location.slug, changes: ["requests", ...(mailed ? (["outbox"] as const) : [])] },
    });
  } catch (error) {
    throw await explained(s, error, booking.id, now);
  }
  return { requestId: booking.id, proposals: presentRound(await latestRound(s.db, booking.id), now, office), mailed };
}

// ---------------------------------------------------------------------------------------------------
// The resident (the holder of the request's manage link)

/**
 * The resident chooses proposal `proposalId`: the request becomes a confirmed appointment at its time
 * (its seats become the booking's, the round's other times are freed), with the confirmation and its
 * invite (METHOD:REQUEST) and the reminder, in one batch. Choosing the same time again is harmless (a
 * second click, a second tab). 409 `proposal_expired` after the deadline, `proposal_closed` when the
 * round was answered otherwise, withdrawn, or the request withdrawn; `slot_unavailable` when the office is
 * closed on the time's day (a closure added after it was proposed, kept with "Nur schließen").
 */
export async function acceptByHolder(s: Scope, token: string, proposalId: string): Promise<ManagedBooking> {
  const { booking, office } = await holderBooking(s, token);
  const now = s.deps.now();
  const round = await latestRound(s.db, booking.id);
  const chosen = round.find((p) => p.id === proposalId);
  if (!chosen) throw new AppError("not_found", "This link does not open such a time. It may be mistyped or from an older mail.");
  if (chosen.status === "accepted") return answer(s, booking, office, token, now);
  const status = proposalStatusAt(chosen.status, chosen.hold_until, now);
  if (status === "expired") throw expired();
  if (status !== "open" || booking.status !== "requested") throw closed();

  const sequence = booking.invite_sequence + 1;
  const confirmed: BookingRow = {
    ...booking,
    kind: "slot",
    status: "confirmed",
    starts_at: chosen.starts_at,
    ends_at: chosen.ends_at,
    invite_sequence: sequence,
  };
  const mails = mailStatements(s, office, confirmed, token, ["booking_confirmed", "booking_reminder"]);
  const zone = office.location.time_zone;
  const days = { first: localDate(new Date(chosen.starts_at), zone), last: localDate(new Date(Date.parse(chosen.ends_at) - 1), zone) };
  try {
    await commit(s, {
      batch: [
        // Only while the time lies on no closed day: a closure added after it was proposed ("Nur schließen").
        guardedEvent(s.db, booking.id, sequence, "confirmed", "resident", now, { proposal: chosen.id }, { open: "these", ids: [chosen.id], onOpenDays: days }),
        ...acceptProposal(s.db, { id: booking.id, startsAt: chosen.starts_at, endsAt: chosen.ends_at }, chosen.id, sequence, now),
        ...mails,
        holderAudit(s, booking, "proposal.accept", { sequence, proposal: chosen.id }, now),
      ],
      run: runBookingBatch,
      mail: mails.length > 0,
      live: { office: office.location.slug, changes: ["requests", "bookings", ...(mails.length > 0 ? (["outbox"] as const) : [])] },
    });
  } catch (error) {
    const failure = await explained(s, error, booking.id, now);
    // The same time chosen at the same moment (a double click, two tabs): done all the same.
    const again = await latestRound(s.db, booking.id);
    if (again.find((p) => p.id === chosen.id)?.status === "accepted") return answer(s, (await holderBooking(s, token)).booking, office, token, now);
    if (failure instanceof AppError && failure.code === "proposal_closed" && (await proposalOnClosure(s.db, booking.id, chosen.id, days))) throw closedDay();
    throw failure;
  }
  return answer(s, confirmed, office, token, now);
}

/**
 * The resident answers "keiner passt": the round's open times are declined and their seats freed; the
 * request stays open and comes back to the board marked so. Answering twice is harmless.
 */
export async function declineByHolder(s: Scope, token: string): Promise<ManagedBooking> {
  const { booking, office } = await holderBooking(s, token);
  const now = s.deps.now();
  const round = await latestRound(s.db, booking.id);
  if (booking.status === "requested" && round.length > 0 && round.every((p) => p.status === "declined")) {
    return answer(s, booking, office, token, now);
  }
  if (booking.status !== "requested" || openAt(round, now).length === 0) {
    throw round.some((p) => proposalStatusAt(p.status, p.hold_until, now) === "expired") ? expired() : closed();
  }
  const sequence = booking.invite_sequence + 1;
  try {
    await commit(s, {
      batch: [
        guardedEvent(s.db, booking.id, sequence, "requested", "resident", now, { declined: round.map((p) => p.id) }, { open: "any" }),
        ...endOpenProposals(s.db, { request: booking.id }, "declined", now),
        raiseSequence(s.db, booking.id, sequence, now),
        holderAudit(s, booking, "proposal.decline", { sequence }, now),
      ],
      run: runBookingBatch,
      mail: false,
      live: { office: office.location.slug, changes: ["requests"] },
    });
  } catch (error) {
    const failure = await explained(s, error, booking.id, now);
    const again = await latestRound(s.db, booking.id);
    if (again.length > 0 && again.every((p) => p.status === "declined")) return answer(s, (await holderBooking(s, token)).booking, office, token, now);
    throw failure;
  }
  return answer(s, { ...booking, invite_sequence: sequence }, office, token, now);
}

/** The audit row of the resident's answer: actor public, the request's id, no personal data. */
function holderAudit(s: Scope, booking: BookingRow, action: string, detail: Record<string, unknown>, now: Date): D1PreparedStatement {
  return audit(s.db, { locationId: booking.location_id, actorKind: "public", actorId: null, action, subjectKind: "booking", subjectId: booking.id, detail, at: now });
}

function expired(): AppError {
  return new AppError("proposal_expired", "The time to answer these proposals has passed. Please call us, we will find a new time.");
}

function closedDay(): AppError {
  return new AppError("slot_unavailable", "The office is closed on the day of this time. Please choose another time or call us.");
}

function closed(): AppError {
  return new AppError("proposal_closed", "These proposals have been answered or withdrawn. Please look at the request again.");
}

/**
 * A change to proposals whose batch failed (`booking_changed`: another change came first, or its guard
 * found the proposals gone): said as what happened to them, read now. Any other failure as it is.
 */
async function explained(s: Scope, error: unknown, bookingId: string, now: Date): Promise<unknown> {
  if (!(error instanceof AppError && error.code === "booking_changed")) return error;
  const round = await latestRound(s.db, bookingId);
  return round.some((p) => proposalStatusAt(p.status, p.hold_until, now) === "expired") ? expired() : closed();
}
