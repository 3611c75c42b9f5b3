import { z } from "zod";
import { BookingSource, ManagedBooking, Note, Phone, ProposalView } from "./bookings";
import { Locale, OffsetDateTime, UtcInstant } from "./common";
import { emailOr, multiLine, singleLine } from "./fields";
import { TopicKey } from "./location";
import { OutboxStatus } from "./rows";

/*
 * What the staff board sends and gets back for bookings, requests "nach Vereinbarung", the mail outbox
 * and the private calendar feed. Every route is under /api/staff/:office/… behind a staff session; a
 * booking, request or mail of another office answers 404 as if it did not exist.
 */

// The resident's own form asks for "Ihren Namen"; staff enter someone else's, hence a name of its own.
const Name = singleLine(100).min(2, "Bitte geben Sie den Namen an.");
/** A message from staff to the resident, put into the mail as written (each line indented in the text mail). */
const StaffMessage = multiLine(1000);

/**
 * `POST /api/staff/:office/bookings`: a slot booked on behalf of a caller on the phone. Same opening
 * hours, horizon and seat capacity as online, but no minimum notice and no per-address cap; every
 * active topic (also one not bookable online). Without `email` no mail goes out (the caller is told the
 * code on the phone); with it, the confirmation with its invite and the reminder.
 */
export const StaffBookingCreate = z
  .object({
    topic: TopicKey,
    start: OffsetDateTime,
    name: Name,
    // An empty field of the form means "no address".
    email: emailOr(undefined).optional(),
    phone: Phone.optional(),
    note: Note.optional(),
    locale: Locale.default("de"),
  })
  .strict();
export type StaffBookingCreate = z.infer<typeof StaffBookingCreate>;

/** Who called the appointment off when staff cancel it: the person (say on the phone) or the office. */
export const CancelledBy = z.enum(["resident", "office"]);
export type CancelledBy = z.infer<typeof CancelledBy>;

/**
 * `POST /api/staff/:office/bookings/:id/cancel`: the optional message goes into the cancel mail; `by` says
 * who called it off, for the statistics (the office when not given, as before it was asked).
 */
export const StaffCancelBody = z.object({ message: StaffMessage.optional(), by: CancelledBy.default("office") }).strict();
export type StaffCancelBody = z.infer<typeof StaffCancelBody>;

/** `POST /api/staff/:office/bookings/:id/move`: same rules as a phone booking (hours, seats, no notice). */
export const StaffMoveBody = z.object({ start: OffsetDateTime }).strict();
export type StaffMoveBody = z.infer<typeof StaffMoveBody>;

/**
 * `POST /api/staff/:office/requests/:id/propose` → 201: one to three times for an open request, each as
 * long as its topic, any time in the future, also outside the opening hours. The 5-minute units of a
 * time that fall inside the opening hours (of an open day) hold a seat like a booking at once, until the
 * round's deadline (the office's `proposalHoldHours`, never later than the earliest time minus the
 * minimum notice): a taken seat is a 409 `slot_full` naming the time (`field: times.<i>`). The resident
 * gets one mail with a link per time and one for "keiner passt". A request whose proposals are still
 * open: 409 `proposals_open` (withdraw them first).
 */
export const ProposeBody = z
  .object({
    times: z.array(OffsetDateTime).min(1).max(3),
    message: StaffMessage.optional(),
  })
  .strict();
export type ProposeBody = z.infer<typeof ProposeBody>;

/**
 * `POST /api/staff/:office/requests/:id/proposals/withdraw`: takes back open proposals of the request
 * (their seats are freed); the resident gets a mail saying which, and which are still open.
 */
export const WithdrawProposalsBody = z.object({ proposals: z.array(singleLine(100).min(1)).min(1).max(3), message: StaffMessage.optional() }).strict();
export type WithdrawProposalsBody = z.infer<typeof WithdrawProposalsBody>;

/** Answer of propose and withdraw: the request's latest round as it is now. */
export const ProposalsAnswer = z.object({
  requestId: z.string(),
  proposals: z.array(ProposalView),
  /** Whether a mail to the resident was queued (false without an e-mail address). */
  mailed: z.boolean(),
});
export type ProposalsAnswer = z.infer<typeof ProposalsAnswer>;

/** `POST /api/staff/:office/requests/:id/decline`: the message is the mail's content, so it is required. */
export const DeclineBody = z.object({ message: StaffMessage.min(1, "Bitte schreiben Sie eine Nachricht.") }).strict();
export type DeclineBody = z.infer<typeof DeclineBody>;

/**
 * A booking or request as the staff board sees it (the answer of every booking and request route): the
 * holder's view (schemas/bookings.ts) without what only the holder's page needs, plus what staff see.
 */
export const StaffBooking = ManagedBooking.omit({
  email: true,
  canCancel: true,
  canReschedule: true,
  canErase: true,
  inviteUrl: true,
  office: true,
  proposals: true,
}).extend({
  source: BookingSource,
  /** Null for a phone booking without an address. */
  email: z.string().nullable(),
  /** The iCalendar SEQUENCE of the last invite; raised by every change. */
  sequence: z.number().int(),
  /** Whether a mail was queued for this change (false without an e-mail address). */
  mailed: z.boolean(),
});
export type StaffBooking = z.infer<typeof StaffBooking>;

// ---------------------------------------------------------------------------------------------------
// Outbox

/** The mail kinds the board has labels for (the outbox answers any kind as a string, see OutboxItem). */
export const OutboxKind = z.enum([
  "booking_confirmed",
  "booking_rescheduled",
  "booking_cancelled",
  "booking_reminder",
  "request_received",
  "request_declined",
  "request_proposals",
  "proposals_withdrawn",
  "manage_links",
  "staff_sign_in",
]);

/** `GET /api/staff/:office/outbox?status=&limit=` (limit 1…200, default 50). */
export const OutboxQuery = z
  .object({
    status: OutboxStatus.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type OutboxQuery = z.infer<typeof OutboxQuery>;

/**
 * One mail of the outbox, without its body. Instants are UTC ISO. Also the answer of
 * `POST /api/staff/:office/outbox/:id/resend`, the mail as it is now: a failed, captured or sent mail goes
 * out again with attempts reset and its Message-ID kept (a receiver that got it already may drop the
 * copy). Pending, sending or cancelled mails: 409 `mail_not_resendable`; an erased one: 409 `mail_erased`.
 */
export const OutboxItem = z.object({
  id: z.string(),
  // A plain string so that a kind added later does not break an older board.
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  status: OutboxStatus,
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  createdAt: UtcInstant,
  sentAt: UtcInstant.nullable(),
  nextAttemptAt: UtcInstant,
  bookingId: z.string().nullable(),
  /** The invite's METHOD, when the mail carries one. */
  icsMethod: z.enum(["REQUEST", "CANCEL"]).nullable(),
  /** When its contents were erased (retention period or a request to erase): it cannot be sent again. */
  erasedAt: UtcInstant.nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

/** `GET /api/staff/:office/outbox`: newest first. */
export const OutboxList = z.object({ mails: z.array(OutboxItem) });
export type OutboxList = z.infer<typeof OutboxList>;

/** `GET /api/staff/:office/outbox/:id`: with the plain-text body and the invite (to read captured mails). */
export const OutboxMail = OutboxItem.extend({ text: z.string(), ics: z.string().nullable() });
export type OutboxMail = z.infer<typeof OutboxMail>;

// ---------------------------------------------------------------------------------------------------
// Calendar feed

/**
 * `POST /api/staff/:office/calendar-feed` → 201: the signed-in member's private feed; a new one revokes
 * the older ones. The token is shown only here (only its hash is stored). `POST …/calendar-feed/revoke`
 * → 204 revokes them all.
 */
export const CalendarFeedCreated = z.object({
  /** `webcal://host/api/calendar/<token>.ics`, for Outlook and Thunderbird. */
  url: z.string().startsWith("webcal://"),
  /** The same feed over https, for clients that want that. */
  httpsUrl: z.url(),
});
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreated>;
