import type { StaffMessage } from "../../mail/types";
import type { BookingRow } from "../../../schemas/rows";
import type { DeclineBody, StaffBooking, StaffBookingCreate, StaffCancelBody, StaffMoveBody } from "../../../schemas/staff-bookings";
import { staffAudit } from "../../auth/audit";
import type { StaffScope } from "../../context";
import {
  addToken,
  appendEvent,
  declineRequest,
  findForLocation,
  runBookingBatch,
  type NewBooking,
  type StaffBookingRow,
} from "../../db/bookings";
import { loadLocation, loadScheduleAround, scheduleBasis, type LocationData } from "../../db/locations";
import { endOpenProposals } from "../../db/proposals";
import { staffBookableSlot } from "../../domain/staff-booking";
import { AppError } from "../../errors";
import { sha256Hex } from "../../random";
import { commit } from "../commit";
import { createWithMail } from "./create";
import { mailStatements } from "./mail";
import { presentStaffBooking } from "./present";
import { cancelWrites, cancelledMeanwhile, moveWrites, wasCancelled } from "./writes";

/*
 * What staff do with the office's bookings and requests "nach Vereinbarung". Ids of another office are
 * 404 like unknown ones. Each change is one batch: the history event (first, for optimistic
 * concurrency), the change, the mails it promises and its audit row.
 */

/**
 * A phone booking: the opening hours, grid, horizon and seats as online, but no minimum notice, no
 * per-address cap and any active topic. Mails only when an address is given.
 */
export async function phoneBooking(s: StaffScope, body: StaffBookingCreate): Promise<StaffBooking> {
  const { now, random } = s.deps;
  const start = new Date(body.start);
  const data = await loadScheduleAround(s.db, s.staff.office, start);
  if (!data) throw new AppError("unknown_location", "This office is not set up yet.");
  const topic = data.topics.find((t) => t.key === body.topic);
  if (!topic) throw new AppError("unknown_topic", `topic: '${body.topic}' is not a topic of this office.`, "topic");
  const slot = staffBookableSlot({ start, now: now(), durationMinutes: topic.duration_minutes, ...scheduleBasis(data) });

  const booking: NewBooking = {
    id: random.id(),
    locationId: data.location.id,
    kind: "slot",
    status: "confirmed",
    topicId: topic.id,
    startsAt: slot.start.toISOString(),
    endsAt: slot.end.toISOString(),
    source: "staff",
    actor: actorOf(s),
    name: body.name,
    email: body.email ?? null,
    phone: body.phone || null,
    note: body.note || null,
    locale: body.locale,
    preferredWeekdays: null,
    preferredTimes: null,
    wish: null,
    code: random.code(),
    idempotencyKey: null,
    requestHash: null,
  };
  // Without an Idempotency-Key there is nothing to replay.
  const { booking: row } = await createWithMail(s, data, topic, booking, { units: slot.units, seatsPerSlot: data.location.seats_per_slot }, null);
  return presentStaffBooking({ ...row, source: "staff" }, data, Boolean(row.email));
}

/**
 * Cancels a confirmed future booking of the office, on the person's word or the office's (`body.by`); the
 * resident gets the cancel invite (METHOD:CANCEL) with the message, whose words fit both.
 */
export async function cancelByStaff(s: StaffScope, bookingId: string, body: StaffCancelBody): Promise<StaffBooking> {
  const { booking, office } = await officeBooking(s, bookingId);
  const now = s.deps.now();
  if (booking.status === "cancelled") return presentStaffBooking(booking, office, false); // cancelling twice is harmless
  if (booking.kind !== "slot" || booking.status !== "confirmed") {
    throw new AppError("booking_not_changeable", `This booking is ${booking.status}; only a confirmed appointment can be cancelled.`);
  }
  if (Date.parse(booking.starts_at!) <= now.getTime()) {
    throw new AppError("booking_past", "This appointment has begun. Mark it as done or as no-show instead.");
  }
  const cancel = staffCancelWrites(s, office, booking, { by: body.by, message: body.message });
  try {
    await commit(s, {
      batch: cancel.statements,
      run: runBookingBatch,
      mail: cancel.mailed,
      live: { office: office.location.slug, changes: ["bookings", "outbox"] },
    });
  } catch (error) {
    // Cancelled by someone else at the same moment: done all the same, and their cancel sent the mail.
    const current = await cancelledMeanwhile(error, () => findForLocation(s.db, s.staff.locationId, bookingId));
    return presentStaffBooking(current, office, false);
  }
  return presentStaffBooking(cancel.cancelled, office, cancel.mailed);
}

/**
 * What a cancel by staff writes, the one way: the history event (first, at the next sequence), the
 * status with its seats freed and its reminders withdrawn, the resident's cancel mail (METHOD:CANCEL,
 * same UID, the next SEQUENCE, a link to book again) with `message` in it, and the audit row. `by` says
 * who called it off (the statistics count by it); `cause` what made the office cancel (a closure,
 * changed hours), kept in the event and the audit row. The caller checks that the booking may be
 * cancelled, and commits.
 */
export function staffCancelWrites(
  s: StaffScope,
  office: LocationData,
  booking: StaffBookingRow,
  why: { by: "resident" | "office"; message?: StaffMessage | undefined; cause?: "closure" | "hours" },
): { statements: D1PreparedStatement[]; cancelled: StaffBookingRow; mailed: boolean } {
  const now = s.deps.now();
  const sequence = booking.invite_sequence + 1;
  const cancelled: StaffBookingRow = { ...booking, status: "cancelled", invite_sequence: sequence };
  // The cancel mail links only to the booking page, so it needs no manage token.
  const mails = mailStatements(s, office, cancelled, "", ["booking_cancelled"], why.message);
  const cause = why.cause ? { cause: why.cause } : {};
  return {
    statements: [
      // Who called it off stays in the event (the actor is the staff member who pressed it): the statistics count by it.
      ...cancelWrites(s.db, booking.id, sequence, actorOf(s), now, { by: why.by, ...cause }),
      ...mails,
      staffAudit(s, "booking.cancel", { kind: "booking", id: booking.id }, { sequence, message: Boolean(why.message), by: why.by, ...cause }),
    ],
    cancelled,
    mailed: mails.length > 0,
  };
}

/**
 * Moves a confirmed future booking (the rules of a phone booking); the resident gets the update invite
 * with a fresh manage link. A booking that was cancelled, before or while this ran, says so.
 */
export async function moveByStaff(s: StaffScope, bookingId: string, body: StaffMoveBody): Promise<StaffBooking> {
  const { booking, office } = await officeBooking(s, bookingId);
  const now = s.deps.now();
  if (booking.status === "cancelled") throw wasCancelled();
  if (booking.kind !== "slot" || booking.status !== "confirmed") {
    throw new AppError("booking_not_changeable", `This booking is ${booking.status}; only a confirmed appointment can be moved.`);
  }
  if (Date.parse(booking.starts_at!) <= now.getTime()) {
    throw new AppError("booking_past", "This appointment has begun and cannot be moved any more.");
  }
  const start = new Date(body.start);
  if (start.getTime() === Date.parse(booking.starts_at!)) return presentStaffBooking(booking, office, false);

  const data = await loadScheduleAround(s.db, office.location.slug, start);
  if (!data) throw new AppError("unknown_location", "This office is not set up yet.");
  const slot = staffBookableSlot({ start, now, durationMinutes: booking.topic_duration_minutes, ...scheduleBasis(data) });
  const sequence = booking.invite_sequence + 1;
  const moved: StaffBookingRow = { ...booking, starts_at: slot.start.toISOString(), ends_at: slot.end.toISOString(), invite_sequence: sequence };
  const link = await freshLink(s, moved);
  const mails = mailStatements(s, office, moved, link.token, ["booking_rescheduled", "booking_reminder"]);
  try {
    await commit(s, {
      batch: [
        ...moveWrites(s.db, moved, { units: slot.units, seatsPerSlot: data.location.seats_per_slot }, actorOf(s), now),
        ...link.statements,
        ...mails,
        staffAudit(s, "booking.move", { kind: "booking", id: booking.id }, { sequence }),
      ],
      run: runBookingBatch,
      mail: mails.length > 0,
      live: { office: office.location.slug, changes: ["bookings", "outbox"] },
    });
  } catch (error) {
    await cancelledMeanwhile(error, () => findForLocation(s.db, s.staff.locationId, bookingId));
    throw wasCancelled();
  }
  return presentStaffBooking(moved, office, mails.length > 0);
}

/** Declines a request; the resident gets a plain mail with the staff's message. Declining twice is harmless. */
export async function decline(s: StaffScope, requestId: string, body: DeclineBody): Promise<StaffBooking> {
  const { booking, office } = await officeBooking(s, requestId);
  const now = s.deps.now();
  if (booking.status === "declined") return presentStaffBooking(booking, office, false);
  if (booking.kind !== "request" || booking.status !== "requested") {
    throw new AppError("booking_not_changeable", `This is no open request (it is ${booking.status}).`);
  }
  const sequence = booking.invite_sequence + 1;
  const declined: StaffBookingRow = { ...booking, status: "declined", invite_sequence: sequence };
  // The decline mail links only to the booking page, so it needs no manage token.
  const mails = mailStatements(s, office, declined, "", ["request_declined"], body.message);
  await commit(s, {
    batch: [
      appendEvent(s.db, booking.id, sequence, "declined", actorOf(s), now),
      declineRequest(s.db, booking.id, sequence, now),
      // Times proposed and still open are taken back with it (their seats freed).
      ...endOpenProposals(s.db, { request: booking.id }, "withdrawn", now),
      ...mails,
      staffAudit(s, "request.decline", { kind: "booking", id: booking.id }, { sequence }),
    ],
    run: runBookingBatch,
    mail: mails.length > 0,
    live: { office: office.location.slug, changes: ["requests", "outbox"] },
  });
  return presentStaffBooking(declined, office, mails.length > 0);
}

/** `staff:<id>`: the actor of booking_events (no name, so the history holds no personal data). */
export function actorOf(s: StaffScope): string {
  return `staff:${s.staff.id}`;
}

/** The booking or request `id` of the staff member's office with its office data; 404 for unknown ids and other offices'. */
export async function officeBooking(s: StaffScope, id: string): Promise<{ booking: StaffBookingRow; office: LocationData }> {
  const [booking, office] = await Promise.all([findForLocation(s.db, s.staff.locationId, id), loadLocation(s.db, s.staff.office)]);
  if (!booking) throw new AppError("not_found", "There is no such booking at this office.");
  if (!office) throw new AppError("unknown_location", "This office is not set up yet.");
  return { booking, office };
}

/**
 * A new manage link for the mail of a change staff made (only token hashes are stored, so the
 * resident's first link cannot be put into a new mail); none for a booking without an address.
 */
export async function freshLink(s: StaffScope, booking: BookingRow): Promise<{ token: string; statements: D1PreparedStatement[] }> {
  if (!booking.email) return { token: "", statements: [] };
  const token = s.deps.random.token();
  return { token, statements: [addToken(s.db, booking.id, await sha256Hex(token), s.deps.now())] };
}
