import type { OfficeContact } from "../../common/legal/types";
import type { Locale, Texts } from "../../schemas/common";
import type { TimeOfDay } from "../../schemas/bookings";

/*
 * The mail port. Route code composes a message (pure, compose.ts), writes it to the outbox in the same
 * D1 batch as the change that causes it (db/outbox.ts), and a sender delivers due rows through a
 * MailTransport (transport.ts is the one file that imports nodemailer; tests pass their own).
 */

export type MailKind =
  | "booking_confirmed"
  | "booking_rescheduled"
  | "booking_cancelled"
  | "booking_reminder"
  | "request_received"
  | "request_declined"
  // Times staff propose for a request, one link each and one for "keiner passt" (services/booking/proposals.ts).
  | "request_proposals"
  // Staff took back proposed times (some or all of a round).
  | "proposals_withdrawn"
  // "Link verloren?": the manage links of an address's active bookings, sent again (services/booking/lost-link.ts).
  | "manage_links"
  // A one-time sign-in link for staff: composed by mail/sign-in.ts, about no booking.
  | "staff_sign_in"
  // Feedback on the accessibility statement, to the office itself: composed by mail/feedback.ts.
  | "accessibility_feedback";

/** The office as a mail shows it; its slug names its legal pages in the links (`/datenschutz?office=…`). */
export interface MailOffice extends OfficeContact {
  timeZone: string;
  /** The booking page (`/`) books for this office (it is the deployment's default); else new appointments go by phone or mail. */
  bookableOnline: boolean;
}

/** The booking (or request) a mail is about, as of the change that causes the mail. */
export interface MailBooking {
  id: string;
  kind: "slot" | "request";
  code: string;
  /** UTC instants; null for a request without a time. */
  startsAt: Date | null;
  endsAt: Date | null;
  topicLabel: Texts;
  name: string;
  email: string;
  locale: Locale;
  /** iCalendar SEQUENCE: 0 when booked, raised by one on every change. */
  sequence: number;
  preferredWeekdays: number[] | null;
  preferredTimes: TimeOfDay[] | null;
  wish: string | null;
}

export interface MailContext {
  /** The outbox row's id; the Message-ID is derived from it, so a retry sends the same Message-ID. */
  mailId: string;
  office: MailOffice;
  booking: MailBooking;
  /** The booking's manage page, with its secret token. */
  manageUrl: string;
  /** The sender address (MAIL_FROM), e.g. `"Zukunft Kempten-Ost" <termine@example.org>`. */
  from: string;
  now: Date;
  /** A message from staff (a proposed time, a cancel, a decline), shown as written; absent otherwise. */
  staffMessage?: StaffMessage | null;
  /** The proposed times a mail about proposals shows; absent for every other mail. */
  proposals?: MailProposals | null;
  /**
   * The "Link verloren?" mail: each active booking of the address with a fresh manage link (`booking`
   * above is the newest of them: its name and language); absent for every other mail.
   */
  manageLinks?: { booking: MailBooking; url: string }[] | null;
}

/** A proposed time as a mail shows it (UTC instants). */
export interface MailTime {
  startsAt: Date;
  endsAt: Date;
}

/** The proposals of a request as their mails show them. */
export interface MailProposals {
  /** The times the resident may still choose, each with its link: the manage page with that time chosen. */
  open: (MailTime & { url: string })[];
  /** The link for "keiner passt": the manage page with that answer chosen. */
  noneUrl: string;
  /** Until when the open times are held (null when none are open). */
  deadline: Date | null;
  /** The times this change took back (the withdrawal mail). */
  withdrawn: MailTime[];
}

/** A message ready for the outbox. */
export interface ComposedMail {
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The iCalendar invite (METHOD:REQUEST or METHOD:CANCEL), or null for plain mails. */
  ics: string | null;
  icsMethod: "REQUEST" | "CANCEL" | null;
  messageId: string;
  /** Makes "send once" mails impossible to queue twice (e.g. `reminder:<booking>:<sequence>`). */
  dedupeKey: string | null;
}

/** A message as handed to the transport. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  ics: string | null;
  icsMethod: "REQUEST" | "CANCEL" | null;
  messageId: string;
}

/** Delivers one message or throws a MailDeliveryError. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
}

/** A failed delivery; `permanent` (an SMTP 5xx) is not retried. */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "MailDeliveryError";
  }
}

/**
 * A message to the resident: as staff wrote it, or the office's sentence in the mail's language around
 * a value in another language (`lang`): a closure reason the office wrote only in German. HTML marks
 * that value with its language, so a screen reader reads it as German.
 */
export type StaffMessage = string | { before: string; value: string; lang: Locale; after: string };
