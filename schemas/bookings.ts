import { z } from "zod";
import { Texts, Locale, OffsetDateTime } from "./common";
import { Email, emailOr, multiLine, singleLine } from "./fields";
import { TopicKey } from "./location";

/*
 * Bookings of a slot and requests for a time "nach Vereinbarung": what residents send and get back.
 * Personal fields are trimmed and bounded; nothing here is echoed to anyone but the holder of the
 * booking's own manage link.
 */

const Name = singleLine(100).min(2, "Bitte geben Sie Ihren Namen an.");
// Phone and Note serve staff's phone bookings too (schemas/staff-bookings.ts): both store the same shapes.
export const Phone = singleLine(40).regex(/^[0-9+()/ -]*$/, "Only digits, spaces and + ( ) / - are allowed.");
export const Note = multiLine(500);

/** `POST /api/bookings` */
export const BookingCreate = z
  .object({
    start: OffsetDateTime,
    topic: TopicKey,
    name: Name,
    email: Email,
    phone: Phone.optional(),
    note: Note.optional(),
    locale: Locale.default("de"),
    /** "I have read the privacy notice" (a confirmation, not consent); anything but `true` is refused with `consent_required`. */
    consent: z.boolean(),
    /** Cloudflare Turnstile response, required only when the office has Turnstile configured. */
    turnstileToken: z.string().max(2048).optional(),
  })
  .strict();
export type BookingCreate = z.infer<typeof BookingCreate>;

export const BookingStatus = z.enum(["requested", "confirmed", "checked_in", "completed", "no_show", "cancelled", "declined"]);
export type BookingStatus = z.infer<typeof BookingStatus>;

/** Where a booking was made: the booking page, the kiosk, or staff (a phone or desk booking). */
export const BookingSource = z.enum(["online", "kiosk", "staff"]);
export type BookingSource = z.infer<typeof BookingSource>;

/** `201` of `POST /api/bookings` (and of a replay with the same Idempotency-Key). */
export const BookingCreated = z.object({
  id: z.string(),
  code: z.string(),
  status: z.literal("confirmed"),
  start: OffsetDateTime,
  end: OffsetDateTime,
  topic: TopicKey,
  /** The page where the booking can be seen, cancelled or moved; carries the secret token. */
  manageUrl: z.url(),
});
export type BookingCreated = z.infer<typeof BookingCreated>;

export const TimeOfDay = z.enum(["morning", "afternoon", "evening"]);
export type TimeOfDay = z.infer<typeof TimeOfDay>;

/**
 * `POST /api/requests`: an appointment outside the opening hours ("nach Vereinbarung"). Staff answer by
 * mail or by phone, so it needs an e-mail address or a phone number (either may be left empty, not
 * both; refused naming `email`, the message names both). Without an address no mail goes out.
 */
export const RequestCreate = z
  .object({
    topic: TopicKey,
    name: Name,
    email: emailOr(undefined).optional(),
    phone: Phone.optional(),
    /** ISO weekdays the person could come, 1 = Monday. */
    preferredWeekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    preferredTimes: z.array(TimeOfDay).min(1).max(3),
    wish: multiLine(1000).optional(),
    locale: Locale.default("de"),
    consent: z.boolean(),
    turnstileToken: z.string().max(2048).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (!r.email && !r.phone) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "Please give an e-mail address or a phone number (phone)." });
    }
  });
export type RequestCreate = z.infer<typeof RequestCreate>;

export const RequestCreated = z.object({
  id: z.string(),
  status: z.literal("requested"),
  topic: TopicKey,
  manageUrl: z.url(),
  /** Whether a receipt went to an e-mail address; false: the request gave a phone number only (staff call). */
  mailed: z.boolean(),
});
export type RequestCreated = z.infer<typeof RequestCreated>;

/**
 * `POST /api/bookings/lost-link`: "Link verloren?" — the manage links of an address's active bookings
 * at an office (the booking page's, or `office`) go to that address again. Answered the same (202
 * LostLinkAccepted) whether or not the address has any, so nobody can test addresses with it.
 */
export const LostLinkRequest = z
  .object({
    email: Email,
    office: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(),
    turnstileToken: z.string().max(2048).optional(),
  })
  .strict();
export type LostLinkRequest = z.infer<typeof LostLinkRequest>;

/** The one answer of `POST /api/bookings/lost-link`. */
export const LostLinkAccepted = z.object({ status: z.literal("accepted") });
export type LostLinkAccepted = z.infer<typeof LostLinkAccepted>;

/** `POST /api/bookings/manage/:token/reschedule` */
export const RescheduleBody = z.object({ start: OffsetDateTime }).strict();

/**
 * What became of a time staff proposed for a request (migration 0008): `open` until its deadline (an open
 * one past it reads as `expired`, whether or not the scheduled work has marked it yet), then `accepted`,
 * `not_chosen` (another of its round was), `declined` ("keiner passt"), `expired` or `withdrawn`.
 */
export const ProposalStatus = z.enum(["open", "accepted", "not_chosen", "declined", "expired", "withdrawn"]);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

/** A proposed time as its resident and staff see it (no personal data). */
export const ProposalView = z.object({
  id: z.string(),
  start: OffsetDateTime,
  end: OffsetDateTime,
  status: ProposalStatus,
  /** Until when the resident may choose: the deadline of its round. */
  holdUntil: OffsetDateTime,
  /** When it was answered, withdrawn or expired; null while open. */
  decidedAt: OffsetDateTime.nullable(),
});
export type ProposalView = z.infer<typeof ProposalView>;

/** `GET /api/bookings/manage/:token`: the booking as its holder sees it. */
export const ManagedBooking = z.object({
  id: z.string(),
  kind: z.enum(["slot", "request"]),
  status: BookingStatus,
  code: z.string(),
  start: OffsetDateTime.nullable(),
  end: OffsetDateTime.nullable(),
  topic: z.object({ key: TopicKey, label: Texts, durationMinutes: z.number().int() }),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  locale: Locale,
  preferredWeekdays: z.array(z.number().int()).nullable(),
  preferredTimes: z.array(TimeOfDay).nullable(),
  wish: z.string().nullable(),
  /** What the holder may still do. */
  canCancel: z.boolean(),
  canReschedule: z.boolean(),
  /** Whether its holder may erase their data now (`POST …/erase`): once it is cancelled or over. */
  canErase: z.boolean(),
  /** Calendar file of the booking (`GET …/invite.ics`), for slot bookings. */
  inviteUrl: z.string().nullable(),
  /**
   * The latest round of times staff proposed for it (a request; once one is accepted it is that
   * appointment), by time; empty when they proposed none. The open ones are answered with
   * `POST …/proposals/:id/accept` or `POST …/proposals/decline` ("keiner passt").
   */
  proposals: z.array(ProposalView),
  /** The booking's own office: the manage page shows its address, legal pages and free slots. */
  office: z.object({
    slug: z.string(),
    name: z.string(),
    street: z.string(),
    postalCode: z.string().nullable(),
    city: z.string(),
    phone: z.string().nullable(),
    timezone: z.string(),
  }),
});
export type ManagedBooking = z.infer<typeof ManagedBooking>;
