import { z } from "zod";
import { Texts, LocalDate, OffsetDateTime } from "./common";
import { BookingSource, BookingStatus, ProposalView, TimeOfDay } from "./bookings";
import { DayStatus } from "./slots";
import { Estimate, TicketStatus } from "./kiosk";
import { TopicKey } from "./location";

/*
 * The staff board and its queue actions (`/api/staff/:office/…`, staff session required). Unlike the
 * kiosk and display, these answers carry names and contact data: only signed-in staff of the office see
 * them. Instants are written as local time with offset (Europe/Berlin), like the rest of the API.
 */

export const RoomId = z.number().int().positive();

export const BoardRoomRef = z.object({ id: RoomId, name: z.string() });
export type BoardRoomRef = z.infer<typeof BoardRoomRef>;

export const BoardTopic = z.object({ key: TopicKey, label: Texts });
export type BoardTopic = z.infer<typeof BoardTopic>;

export const TicketKind = z.enum(["walk_in", "appointment"]);
export type TicketKind = z.infer<typeof TicketKind>;

/** Who issued a number: the kiosk (walk-in or check-in) or staff at the desk. */
export const TicketSource = z.enum(["kiosk", "staff"]);
export type TicketSource = z.infer<typeof TicketSource>;

/** A queue number as staff see it. */
export const BoardTicket = z.object({
  id: z.string(),
  /** "W 7" */
  label: z.string(),
  prefix: z.string(),
  number: z.number().int().positive(),
  kind: TicketKind,
  status: TicketStatus,
  /** The walk-in's concern, or the appointment's topic; null only if the ticket has none. */
  topic: BoardTopic.nullable(),
  /** Where it is called to / being served; null while waiting and after a requeue. */
  room: BoardRoomRef.nullable(),
  issuedAt: OffsetDateTime,
  /** The latest call (a repeated call moves it); null when never called. */
  calledAt: OffsetDateTime.nullable(),
  /** How often it was called (repeats included); "no-show" is offered from 2 on. */
  callCount: z.number().int().nonnegative(),
  /** Whole minutes from issue to the first call, or to now while waiting (never negative). */
  waitedMinutes: z.number().int().nonnegative(),
  bookingId: z.string().nullable(),
  appointmentStart: OffsetDateTime.nullable(),
  /**
   * On today's board, for a number still waiting: minutes until its call, low and high, as its status
   * page says them at the same moment (the same estimator from the same reading of the queue,
   * worker/services/wait.ts); `pastClosing` when the range reaches past today's closing. Absent on other
   * days, for numbers not waiting, and in the queue actions' answers.
   */
  estimate: Estimate.optional(),
});
export type BoardTicket = z.infer<typeof BoardTicket>;

/**
 * Where an appointment of the day stands, from its booking and its ticket:
 * booked (not checked in) · checked_in (waiting) · called · in_room · done · no_show · cancelled.
 */
export const AppointmentState = z.enum(["booked", "checked_in", "called", "in_room", "done", "no_show", "cancelled"]);
export type AppointmentState = z.infer<typeof AppointmentState>;

/** The mails about a booking's state that staff may send again from the board (never a reminder). */
export const BoardMailKind = z.enum(["booking_confirmed", "booking_rescheduled", "booking_cancelled"]);
export type BoardMailKind = z.infer<typeof BoardMailKind>;

/**
 * The newest mail about an appointment's state: what "E-Mail erneut senden" sends again
 * (`POST /api/staff/:office/outbox/:id/resend`). `resendable` by the outbox's rule: failed, captured or
 * sent, and not erased.
 */
export const BoardMail = z.object({ id: z.string(), kind: BoardMailKind, resendable: z.boolean() });
export type BoardMail = z.infer<typeof BoardMail>;

/** A slot booking of the day (personal data: staff only). */
export const BoardAppointment = z.object({
  bookingId: z.string(),
  code: z.string(),
  start: OffsetDateTime,
  end: OffsetDateTime,
  topic: BoardTopic,
  /** Null once erased by the retention job (or never given for e-mail on phone bookings). */
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  source: BookingSource,
  bookingStatus: BookingStatus,
  state: AppointmentState,
  ticket: BoardTicket.nullable(),
  callCount: z.number().int().nonnegative(),
  /**
   * From when "Nicht erschienen" may be marked for this booking (`POST …/bookings/:id/no-show`): its
   * start plus the check-in close minutes, when the kiosk no longer lets the person check in. Null when
   * it is not a booked appointment without a number (checked in, done, cancelled, …).
   */
  noShowFrom: OffsetDateTime.nullable(),
  /** The newest mail about its state; null when none was written (a phone booking without an address). */
  mail: BoardMail.nullable(),
});
export type BoardAppointment = z.infer<typeof BoardAppointment>;

/** An open request "nach Vereinbarung" (kind 'request', status 'requested'), oldest first. */
export const BoardRequest = z.object({
  id: z.string(),
  topic: BoardTopic,
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** ISO weekdays, 1 = Monday. */
  preferredWeekdays: z.array(z.number().int().min(1).max(7)),
  preferredTimes: z.array(TimeOfDay),
  wish: z.string().nullable(),
  createdAt: OffsetDateTime,
  /**
   * The latest round of proposed times, by time; empty before the first. While one is `open` the request
   * waits for its resident; once none is, its states say why it is back (declined: "keiner passt",
   * expired, withdrawn).
   */
  proposals: z.array(ProposalView),
});
export type BoardRequest = z.infer<typeof BoardRequest>;

/** A proposal its resident accepted lately: the request is an appointment now (on its own day's board). */
export const BoardAccepted = z.object({
  proposalId: z.string(),
  bookingId: z.string(),
  name: z.string().nullable(),
  topic: BoardTopic,
  start: OffsetDateTime,
  end: OffsetDateTime,
  /** When the resident chose it. */
  decidedAt: OffsetDateTime,
  /** The appointment's status now (it may have been cancelled since). */
  bookingStatus: BookingStatus,
});
export type BoardAccepted = z.infer<typeof BoardAccepted>;

/** How many days back the board lists accepted proposals, and how many at most. */
export const BOARD_ACCEPTED_DAYS = 7;
export const BOARD_ACCEPTED_MAX = 20;

/** One call of a number to a room (repeats included), as the display shows it: no name. */
export const BoardCall = z.object({
  ticketId: z.string(),
  label: z.string(),
  /** The room's name. */
  room: z.string(),
  at: OffsetDateTime,
});
export type BoardCall = z.infer<typeof BoardCall>;

/** `GET /api/staff/:office/board?day=YYYY-MM-DD` (default: today in the office's time zone). */
export const BoardQuery = z.object({ day: LocalDate.optional() }).strict();

/** How many of the day's last calls the board lists. */
export const BOARD_CALLS = 5;

/**
 * How the office opens on the shown day, from the same schedule as `/api/slots` (services/slots.ts
 * `freeSlots`): open, closed (no hours that weekday), a public holiday or a closure with its reason; and
 * how many slot starts (of the office's slot length) still have a free seat by the rules of a phone
 * booking (no minimum notice, never before now): 0 on past days.
 */
export const BoardOpening = z.object({
  status: DayStatus,
  reason: Texts.nullable(),
  freeSlots: z.number().int().nonnegative(),
});
export type BoardOpening = z.infer<typeof BoardOpening>;

/** `200` of `GET /api/staff/:office/board`. */
export const Board = z.object({
  day: LocalDate,
  /**
   * Today in the office's zone. A `day` before it is read only on the board (what happened), one after
   * it shows what is planned; only today's numbers can be called.
   */
  today: LocalDate,
  now: OffsetDateTime,
  opening: BoardOpening,
  office: z.object({ slug: z.string(), name: z.string() }),
  /** Active rooms in display order; `current` is the ticket called to or being served there (latest call). */
  rooms: z.array(BoardRoomRef.extend({ current: BoardTicket.nullable() })),
  /** The day's slot bookings (cancelled ones included), in start order. */
  appointments: z.array(BoardAppointment),
  /** The day's walk-in numbers, all statuses (waiting, called, in_progress and the finished ones), in issue order. */
  walkIns: z.array(BoardTicket),
  requests: z.array(BoardRequest),
  /** Proposals accepted in the last BOARD_ACCEPTED_DAYS days, newest first (at most BOARD_ACCEPTED_MAX). */
  accepted: z.array(BoardAccepted),
  /** The last BOARD_CALLS (5) calls of the day, newest first. */
  calls: z.array(BoardCall),
  /** Numbers of the day still waiting (walk-ins and checked-in appointments). */
  waiting: z.number().int().nonnegative(),
});
export type Board = z.infer<typeof Board>;

/** `POST /api/staff/:office/queue/call-next` and `POST …/tickets/:id/call`: into which room. */
export const CallBody = z.object({ roomId: RoomId }).strict();
export type CallBody = z.infer<typeof CallBody>;

/** `POST /api/staff/:office/tickets`: a walk-in number added at the desk. */
export const StaffTicketCreate = z.object({ topic: TopicKey }).strict();
export type StaffTicketCreate = z.infer<typeof StaffTicketCreate>;

/**
 * Answer of every queue action (`call-next`, `call`, `recall`, `start`, `finish`, `no-show`,
 * `requeue`): the ticket after the change. `POST …/tickets` answers `201` with a bare BoardTicket.
 */
export const TicketActionResult = z.object({ ticket: BoardTicket });
export type TicketActionResult = z.infer<typeof TicketActionResult>;

/**
 * `200` of `POST /api/staff/:office/bookings/:id/no-show`: a booked appointment that never checked in,
 * now marked as not come (allowed from its start + the check-in close minutes, without a ticket).
 */
export const BookingNoShowResult = z.object({ booking: z.object({ id: z.string(), status: BookingStatus }) });
export type BookingNoShowResult = z.infer<typeof BookingNoShowResult>;
