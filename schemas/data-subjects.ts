import { z } from "zod";
import { BookingSource, BookingStatus, TimeOfDay } from "./bookings";
import { Texts, Locale, UtcInstant } from "./common";
import { singleLine } from "./fields";
import { OutboxStatus } from "./rows";
import { TicketStatus } from "./kiosk";

/*
 * Requests of data subjects (Art. 15 and 17 DSGVO): an admin finds a person, sees and exports what is
 * stored about them, and erases it (/api/staff/:office/admin/data-subjects…); and a resident erases
 * their own booking from its manage link (/api/bookings/manage/:token/erase).
 * The search text travels in a POST body only, never in a URL (URLs end up in logs and histories);
 * what is selected afterwards is named by ids, which say nothing about the person.
 */

/** `POST /admin/data-subjects/search`: an e-mail address, a phone number, a name or a check-in code. */
export const DataSubjectSearch = z
  .object({ query: singleLine(200).min(2, "Bitte mindestens zwei Zeichen eingeben.") })
  .strict();
export type DataSubjectSearch = z.infer<typeof DataSubjectSearch>;

export const MatchKey = z.enum(["email", "phone", "name", "code"]);
export type MatchKey = z.infer<typeof MatchKey>;

/** A booking or request found, with what of it matched. Times are UTC. */
export const FoundBooking = z.object({
  id: z.string(),
  kind: z.enum(["slot", "request"]),
  status: BookingStatus,
  topic: Texts,
  startsAt: UtcInstant.nullable(),
  createdAt: UtcInstant,
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  code: z.string(),
  matchedBy: z.array(MatchKey).min(1),
  /** Whether it may be erased now: not an active booking or open request (cancel or decline it first). */
  erasable: z.boolean(),
});
export type FoundBooking = z.infer<typeof FoundBooking>;

/**
 * A mail that belongs to none of the bookings found: one to the address searched for (a sign-in mail, …),
 * or accessibility feedback whose sender filled in the name or contact searched for.
 */
export const FoundMail = z.object({
  id: z.string(),
  kind: z.string(),
  status: OutboxStatus,
  toAddress: z.string(),
  subject: z.string(),
  createdAt: UtcInstant,
  /** `email` for the address it went to or the contact given; `phone` and `name` for what the sender filled in. */
  matchedBy: z.array(MatchKey).min(1),
});
export type FoundMail = z.infer<typeof FoundMail>;

/** The answer to a search: bookings and requests in one list, newest first, and other mails. */
export const DataSubjectMatches = z.object({
  keys: z.array(MatchKey),
  bookings: z.array(FoundBooking),
  mails: z.array(FoundMail),
  /** More matched than an answer lists (MAX_FOUND each): narrow the search. */
  truncated: z.boolean(),
});
export type DataSubjectMatches = z.infer<typeof DataSubjectMatches>;

/** The most bookings and mails one selection (view, export, erasure) may name. */
export const MAX_SELECTED = 200;

const RowId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "expected an id");

/**
 * What a view, an export or an erasure is about: bookings and requests (each with its history, queue
 * numbers and mails) and mails of their own. `GET`s name them as `?booking=…&mail=…`, repeated.
 */
export const DataSubjectSelection = z
  .object({
    bookings: z.array(RowId).max(MAX_SELECTED).default([]),
    mails: z.array(RowId).max(MAX_SELECTED).default([]),
  })
  .strict()
  .refine((s) => s.bookings.length + s.mails.length > 0, { message: "Bitte mindestens einen Eintrag auswählen.", path: ["bookings"] });
export type DataSubjectSelection = z.infer<typeof DataSubjectSelection>;

/** A change of a booking's status (booking_events): who and when; `detail` holds no personal data. */
export const RecordEvent = z.object({
  sequence: z.number().int(),
  at: UtcInstant,
  status: z.string(),
  actor: z.string(),
  detail: z.string().nullable(),
});

/** A queue number of a booking (appointment check-in); `statusLinks`: how many status links are stored (as hashes). */
export const RecordTicket = z.object({
  id: z.string(),
  day: z.string(),
  number: z.string(),
  status: TicketStatus,
  issuedAt: UtcInstant,
  calledAt: UtcInstant.nullable(),
  startedAt: UtcInstant.nullable(),
  endedAt: UtcInstant.nullable(),
  statusLinks: z.number().int().nonnegative(),
});

/** A booking or request with every column stored about it, its history and its queue numbers. */
export const RecordBooking = z.object({
  id: z.string(),
  kind: z.enum(["slot", "request"]),
  status: BookingStatus,
  source: BookingSource,
  topic: z.object({ key: z.string(), label: Texts }),
  startsAt: UtcInstant.nullable(),
  endsAt: UtcInstant.nullable(),
  createdAt: UtcInstant,
  updatedAt: UtcInstant,
  locale: Locale,
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  wish: z.string().nullable(),
  preferredWeekdays: z.array(z.number().int()).nullable(),
  preferredTimes: z.array(TimeOfDay).nullable(),
  code: z.string(),
  inviteSequence: z.number().int(),
  /** The key a client sent to make its booking once, and the hash of what it sent (both personal). */
  idempotencyKey: z.string().nullable(),
  requestHash: z.string().nullable(),
  /** How many manage links are stored (only as hashes: the links themselves are in the mails). */
  manageLinks: z.number().int().nonnegative(),
  erasable: z.boolean(),
  events: z.array(RecordEvent),
  queueNumbers: z.array(RecordTicket),
});
export type RecordBooking = z.infer<typeof RecordBooking>;

/** A mail as stored in the outbox, bodies and invite included. */
export const RecordMail = z.object({
  id: z.string(),
  bookingId: z.string().nullable(),
  kind: z.string(),
  status: OutboxStatus,
  toAddress: z.string(),
  subject: z.string(),
  textBody: z.string(),
  htmlBody: z.string().nullable(),
  ics: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: UtcInstant,
  sentAt: UtcInstant.nullable(),
});
export type RecordMail = z.infer<typeof RecordMail>;

/** The version of the export's shape; a change of shape raises it. */
export const EXPORT_FORMAT = "sprechstunde/data-subject-record@1";

/**
 * Everything stored about the selection: `GET /admin/data-subjects/record` and, as a file,
 * `GET /admin/data-subjects/export.json` (Art. 15 DSGVO). Erased rows are not part of it.
 */
export const DataSubjectRecord = z.object({
  format: z.literal(EXPORT_FORMAT),
  generatedAt: UtcInstant,
  office: z.object({ slug: z.string(), name: z.string(), timezone: z.string(), retentionDays: z.number().int() }),
  bookings: z.array(RecordBooking),
  mails: z.array(RecordMail),
});
export type DataSubjectRecord = z.infer<typeof DataSubjectRecord>;

/** `POST /admin/data-subjects/erase` and `POST /api/bookings/manage/:token/erase`: what was erased now. */
export const Erased = z.object({
  /** Bookings and requests whose personal data was erased. */
  bookings: z.number().int().nonnegative(),
  /** Mails emptied (recipient, subject, bodies, invite). */
  mails: z.number().int().nonnegative(),
  /** Mails of the bookings still on their way: they are delivered, then emptied at once. */
  mailsOnTheirWay: z.number().int().nonnegative(),
});
export type Erased = z.infer<typeof Erased>;
