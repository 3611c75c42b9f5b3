/*
 * The booking flow's rules as pure functions, for the booking page and the kiosk alike: what the forms
 * accept, what goes into the request bodies, one idempotency key per submission, and what an API error
 * means for the visitor. The store (booking-flow.ts) feeds them; tests/kiosk/booking-rules.test.ts holds
 * them still.
 */
import type { BookingCreate, RequestCreate, TimeOfDay } from "../../schemas/bookings";
import type { Locale } from "../../schemas/common";
import { canonicalEmail, cleanLine, cleanText } from "../../common/field-rules";
import type { ApiError } from "./api";
import type { FieldError } from "./i18n/flow";

/**
 * The steps of the flow: the booking page shows each as a history entry (../booking/steps.ts), the kiosk
 * as one of its screens.
 */
export type Step = "topic" | "day" | "time" | "details" | "review" | "done" | "request" | "requestDone";

// Forms

export interface Details {
  name: string;
  email: string;
  phone: string;
  note: string;
  consent: boolean;
}
export type DetailsField = keyof Details;
export type Errors<F extends string> = Partial<Record<F, FieldError>>;

export const EMPTY_DETAILS: Details = { name: "", email: "", phone: "", note: "", consent: false };

const PHONE = /^[0-9+()/ -]*$/;

export const NOTE_MAX = 500;
export const WISH_MAX = 1000;

export function checkName(name: string): FieldError | undefined {
  const v = cleanLine(name);
  if (v.length === 0) return "nameMissing";
  if (v.length < 2) return "nameShort";
  if (v.length > 100) return "nameLong";
  return undefined;
}

export function checkEmail(email: string): FieldError | undefined {
  const v = email.trim();
  if (v.length === 0) return "emailMissing";
  // The API's own rule, so the page refuses exactly what the API would.
  if (canonicalEmail(v) === null) return "emailInvalid";
  return undefined;
}

export function checkPhone(phone: string): FieldError | undefined {
  const v = cleanLine(phone);
  return v.length > 40 || !PHONE.test(v) ? "phoneInvalid" : undefined;
}

/** Drops the fields without an error, so `Object.keys` lists exactly the errors. */
function compact<F extends string>(errors: Record<F, FieldError | undefined>): Errors<F> {
  const out: Errors<F> = {};
  for (const key of Object.keys(errors) as F[]) if (errors[key]) out[key] = errors[key];
  return out;
}


/**
 * The errors after one field changed: an error shown for that field is checked again (and goes as soon
 * as the field is right); a field without a shown error gets none yet, so typing is not interrupted.
 */
export function recheckField<F extends string>(shown: Errors<F>, field: F, all: Errors<F>): Errors<F> {
  if (!shown[field]) return shown;
  const errors = { ...shown };
  if (all[field]) errors[field] = all[field];
  else delete errors[field];
  return errors;
}

/** The errors of the contact form, in the order the fields appear. Empty: it can be sent. */
export function validateDetails(d: Details): Errors<DetailsField> {
  return compact({
    name: checkName(d.name),
    email: checkEmail(d.email),
    phone: checkPhone(d.phone),
    note: cleanText(d.note).length > NOTE_MAX ? "noteLong" : undefined,
    consent: d.consent ? undefined : "consentMissing",
  });
}

export interface RequestDraft {
  topic: string | null;
  weekdays: number[];
  times: TimeOfDay[];
  wish: string;
  name: string;
  email: string;
  phone: string;
  consent: boolean;
}
export type RequestField = keyof RequestDraft;

export const EMPTY_REQUEST: RequestDraft = {
  topic: null,
  weekdays: [],
  times: [],
  wish: "",
  name: "",
  email: "",
  phone: "",
  consent: false,
};

/** The weekdays a request can name (ISO, 1 = Monday): the office works Monday to Friday. */
export const REQUEST_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];
export const TIMES_OF_DAY: readonly TimeOfDay[] = ["morning", "afternoon", "evening"];

/** The errors of the request form, in the order the fields appear. */
export function validateRequest(r: RequestDraft): Errors<RequestField> {
  return compact({
    topic: r.topic ? undefined : "topicMissing",
    weekdays: r.weekdays.length > 0 ? undefined : "weekdaysMissing",
    times: r.times.length > 0 ? undefined : "timesMissing",
    wish: cleanText(r.wish).length > WISH_MAX ? "wishLong" : undefined,
    name: checkName(r.name),
    // Staff answer by mail or by phone: one of the two is enough (schemas/bookings.ts RequestCreate).
    email: r.email.trim() === "" ? (cleanLine(r.phone) ? undefined : "contactMissing") : checkEmail(r.email),
    phone: checkPhone(r.phone),
    consent: r.consent ? undefined : "consentMissing",
  });
}

/** Adds or removes `value` from a list of choices, keeping the list in the order of `all`. */
export function toggled<T>(list: readonly T[], value: T, on: boolean, all: readonly T[]): T[] {
  return all.filter((v) => (v === value ? on : list.includes(v)));
}

/** `text` cleaned (`cleanLine`, or `cleanText` for a multi-line field), or undefined when nothing is left (the field is then left out). */
function optional(text: string, clean: (text: string) => string = cleanLine): string | undefined {
  const v = clean(text);
  return v ? v : undefined;
}

export function bookingBody(
  start: string,
  topic: string,
  d: Details,
  locale: Locale,
  turnstileToken?: string | null,
): BookingCreate {
  return {
    start,
    topic,
    name: cleanLine(d.name),
    email: d.email.trim(),
    ...(optional(d.phone) ? { phone: optional(d.phone) } : {}),
    ...(optional(d.note, cleanText) ? { note: optional(d.note, cleanText) } : {}),
    locale,
    consent: d.consent,
    ...(turnstileToken ? { turnstileToken } : {}),
  };
}

export function requestBody(r: RequestDraft, locale: Locale, turnstileToken?: string | null): RequestCreate {
  return {
    topic: r.topic ?? "",
    name: cleanLine(r.name),
    ...(r.email.trim() ? { email: r.email.trim() } : {}),
    ...(optional(r.phone) ? { phone: optional(r.phone) } : {}),
    preferredWeekdays: [...r.weekdays],
    preferredTimes: [...r.times],
    ...(optional(r.wish, cleanText) ? { wish: optional(r.wish, cleanText) } : {}),
    locale,
    consent: r.consent,
    ...(turnstileToken ? { turnstileToken } : {}),
  };
}

// Idempotency

export interface Attempt {
  key: string;
  /** The body (without the one-time Turnstile token) the key was made for. */
  fingerprint: string;
}

/**
 * What identifies a submission: the same body is the same booking or request, whatever the Turnstile
 * token (the API leaves it out of the key's hash as well).
 */
export function fingerprint(body: BookingCreate | RequestCreate): string {
  const { turnstileToken: _, ...rest } = body;
  return JSON.stringify(rest);
}

/**
 * The attempt for the review about to be shown: the previous key when the body is unchanged (a retry,
 * or back and forth without changes: it must not book twice), a new key when anything changed.
 */
export function attemptFor(previous: Attempt | null, print: string, newKey: () => string): Attempt {
  return previous?.fingerprint === print ? previous : { key: newKey(), fingerprint: print };
}

// API errors

/** What an API error means for the visitor, and so what the page offers next. */
export type Failure<F extends string = DetailsField> =
  | { kind: "field"; field: F; error: FieldError }
  | { kind: "slotGone"; reason: "gone" | "tooSoon" | "tooFar" }
  | { kind: "tooMany" }
  | { kind: "rateLimited"; minutes: number }
  | { kind: "turnstile" }
  | { kind: "securityWait" }
  | { kind: "network" }
  | { kind: "changed" }
  | { kind: "other" };

/** An API error as far as the flow decides on it. */
type ErrorLike = Pick<ApiError, "code"> & Partial<Pick<ApiError, "field" | "retryAfter">>;

/** The API's `field` names (a path like `preferredWeekdays.0` counts by its first part) → form fields. */
const BOOKING_FIELDS: Readonly<Record<string, [DetailsField, FieldError]>> = {
  name: ["name", "nameShort"],
  email: ["email", "emailInvalid"],
  phone: ["phone", "phoneInvalid"],
  note: ["note", "noteLong"],
  consent: ["consent", "consentMissing"],
};

const REQUEST_FIELDS: Readonly<Record<string, [RequestField, FieldError]>> = {
  topic: ["topic", "topicMissing"],
  name: ["name", "nameShort"],
  email: ["email", "emailInvalid"],
  phone: ["phone", "phoneInvalid"],
  preferredWeekdays: ["weekdays", "weekdaysMissing"],
  preferredTimes: ["times", "timesMissing"],
  wish: ["wish", "wishLong"],
  consent: ["consent", "consentMissing"],
};

function failureWith<F extends string>(e: ErrorLike, fields: Readonly<Record<string, [F, FieldError]>>): Failure<F> {
  switch (e.code) {
    case "invalid_request": {
      const mapped = e.field === undefined ? undefined : fields[e.field.split(".")[0]!];
      return mapped ? { kind: "field", field: mapped[0], error: mapped[1] } : { kind: "other" };
    }
    case "consent_required":
      return fields.consent ? { kind: "field", field: fields.consent[0], error: "consentMissing" } : { kind: "other" };
    case "slot_full":
    case "slot_unavailable":
      return { kind: "slotGone", reason: "gone" };
    case "too_short_notice":
      return { kind: "slotGone", reason: "tooSoon" };
    case "beyond_horizon":
      return { kind: "slotGone", reason: "tooFar" };
    case "too_many_bookings":
      return { kind: "tooMany" };
    case "rate_limited":
      return { kind: "rateLimited", minutes: Math.max(1, Math.ceil((e.retryAfter ?? 60) / 60)) };
    case "turnstile_failed":
      return { kind: "turnstile" };
    case "network":
      return { kind: "network" };
    case "idempotency_conflict":
      return { kind: "changed" };
    default:
      return { kind: "other" };
  }
}

export function bookingFailure(e: ErrorLike): Failure<DetailsField> {
  return failureWith(e, BOOKING_FIELDS);
}

export function requestFailure(e: ErrorLike): Failure<RequestField> {
  return failureWith(e, REQUEST_FIELDS);
}
