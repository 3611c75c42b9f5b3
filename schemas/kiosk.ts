import { z } from "zod";
import { ErrorBody, Locale, OffsetDateTime, Texts } from "./common";
import { CODE_ALPHABET, PAIRING_CODE_LENGTH } from "../common/limits";
import { TopicKey } from "./location";

/*
 * The tablet kiosk, the call display and the visitors' status page: pairing, walk-in numbers, check-in.
 * No response here carries a name or any other personal data.
 */

export const DeviceKind = z.enum(["kiosk", "display"]);
export type DeviceKind = z.infer<typeof DeviceKind>;

/** Pairing codes: 8 characters of the check-in alphabet, shown by the CLI (and later the staff board). */
export const PairingCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${CODE_ALPHABET}]{${PAIRING_CODE_LENGTH}}$`), "expected the 8-character pairing code");

/** `POST /api/devices/pair` */
export const PairBody = z.object({ code: PairingCode }).strict();

export const Paired = z.object({
  /** The device's bearer token (256 random bits); only its hash is stored. */
  token: z.string(),
  kind: DeviceKind,
  label: z.string(),
});
export type Paired = z.infer<typeof Paired>;

/** A range of minutes, low to high: an honest wait estimate. */
export const Estimate = z.object({
  low: z.number().int().nonnegative(),
  high: z.number().int().nonnegative(),
  /** Present (true) when the range reaches past today's closing: the number may not be called today. */
  pastClosing: z.boolean().optional(),
});
export type Estimate = z.infer<typeof Estimate>;

/**
 * The language the visitor chose at the kiosk: the ticket keeps it and its status page opens in it.
 * Absent (an older kiosk page): German.
 */
const TicketLocale = Locale.default("de");

/** `POST /api/kiosk/tickets` */
export const TicketCreate = z.object({ topic: TopicKey, locale: TicketLocale }).strict();

export const TicketStatus = z.enum(["waiting", "called", "in_progress", "done", "no_show", "cancelled"]);

/** A queue number as the kiosk and the status page show it. */
export const TicketView = z.object({
  /** "W 7" */
  label: z.string(),
  prefix: z.string(),
  number: z.number().int().positive(),
  status: TicketStatus,
  /** People before this number who are still waiting. */
  ahead: z.number().int().nonnegative(),
  estimate: Estimate,
  /** The room the number is called to, once called. */
  room: z.string().nullable(),
  /** The visitor's own status page (secret token in the URL). */
  statusUrl: z.string(),
  /** The office's slug: whose live updates to follow and whose name to show (`/api/location?office=`). */
  office: z.string(),
  /** The ticket's language (chosen at the kiosk); the status page's rule is in kiosk/status/language.ts. */
  locale: Locale.optional(),
});
export type TicketView = z.infer<typeof TicketView>;

/** `POST /api/kiosk/checkin` */
export const CheckinBody = z.object({ code: z.string().trim().toUpperCase().min(1).max(20), locale: TicketLocale }).strict();

/** The 409 `checkin_too_early`: when check-in opens (the appointment's start less the office's check-in window), local with offset. */
export const CheckinTooEarlyError = ErrorBody.extend({
  error: ErrorBody.shape.error.extend({ code: z.literal("checkin_too_early"), details: z.object({ opensAt: OffsetDateTime }) }),
});
export type CheckinTooEarlyError = z.infer<typeof CheckinTooEarlyError>;

/** A successful check-in: the visitor's number, and a greeting without their full name. */
export const CheckedIn = TicketView.extend({
  /** The first letter of the name, for "Willkommen!" screens that must not show a full name. */
  initial: z.string().max(1),
  appointment: z.object({ start: OffsetDateTime, topic: Texts }),
});
export type CheckedIn = z.infer<typeof CheckedIn>;

/** `GET /api/kiosk/state`: what the start screen needs. */
export const KioskState = z.object({
  open: z.boolean(),
  /** The next opening, when closed now: local start with offset. */
  nextOpening: OffsetDateTime.nullable(),
  waiting: z.number().int().nonnegative(),
  /** This tablet prints each new number on its receipt printer (the device's setting "Bon drucken"). */
  printTicket: z.boolean(),
  walkInTopics: z.array(z.object({ key: TopicKey, label: Texts, icon: z.string() })),
});
export type KioskState = z.infer<typeof KioskState>;
