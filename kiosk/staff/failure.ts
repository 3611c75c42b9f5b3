/*
 * What an API refusal means to staff, for the board and the admin panels alike: one table from every
 * error code to a failure staff can act on. The words are each section's own (strings.ts for the board
 * and its dialogs, admin/strings.ts for the settings); tests/staff/ holds the table still.
 */
import { ApiError, type ApiErrorCode } from "../shared/api";

export type StaffFailure =
  /** Call next with nobody waiting. */
  | "queueEmpty"
  /** Call next while someone called to my room has not come in yet. */
  | "roomBusy"
  /** "Nicht erschienen" before the second call. */
  | "tooFewCalls"
  /** What staff saw is out of date: the number or the booking is in another state by now. */
  | "changed"
  /** What staff acted on is gone (or never was). */
  | "notFound"
  /** The chosen time is taken or not offered. */
  | "slotGone"
  /** Something else stands in the way (a duplicate, the last admin, a mail not sent yet, …). */
  | "conflict"
  | "invalid"
  | "signedOut"
  | "forbidden"
  | "rateLimited"
  | "network"
  | "unexpected";

/**
 * Every code has its meaning here, so a code added to common/error-codes.ts asks for one. An answer
 * without the API's JSON has no code to read: `BY_STATUS` reads it.
 */
const FAILURES: Readonly<Record<Exclude<ApiErrorCode, "bad_response">, StaffFailure>> = {
  invalid_request: "invalid",
  invalid_range: "invalid",
  unknown_topic: "invalid",
  consent_required: "invalid",
  turnstile_failed: "invalid",
  // The room chosen on this PC was removed meanwhile: nothing in a form to correct.
  unknown_room: "unexpected",
  unauthorized: "signedOut",
  // Sign-in and passkeys have their own words (auth/); neither means that the session ended.
  link_invalid: "unexpected",
  passkey_invalid: "unexpected",
  forbidden: "forbidden",
  forbidden_origin: "forbidden",
  not_found: "notFound",
  unknown_code: "notFound",
  unknown_location: "notFound",
  slot_full: "slotGone",
  slot_unavailable: "slotGone",
  too_short_notice: "slotGone",
  beyond_horizon: "slotGone",
  ticket_state: "changed",
  ticket_other_day: "changed",
  booking_not_changeable: "changed",
  booking_changed: "changed",
  booking_cancelled: "changed",
  booking_past: "changed",
  queue_empty: "queueEmpty",
  room_busy: "roomBusy",
  too_few_calls: "tooFewCalls",
  too_many_bookings: "conflict",
  idempotency_conflict: "conflict",
  office_closed: "conflict",
  checkin_too_early: "conflict",
  checkin_too_late: "conflict",
  checkin_other_day: "conflict",
  already_checked_in: "conflict",
  mail_not_resendable: "conflict",
  mail_erased: "conflict",
  // An erasure of a booking that still holds a place: cancel it first.
  booking_active: "conflict",
  // The admin dialogs read these themselves (their lists and the closure named); elsewhere they are a conflict.
  bookings_affected: "conflict",
  closure_overlap: "conflict",
  extra_hours_overlap: "conflict",
  // A proposed time too close to answer: said at its field (forms.ts), the form shows which.
  proposal_too_soon: "invalid",
  // Proposals open, answered, withdrawn or expired meanwhile: the board shows them as they are now.
  proposals_open: "changed",
  proposal_expired: "changed",
  proposal_closed: "changed",
  staff_exists: "conflict",
  last_admin: "conflict",
  already_exists: "conflict",
  rate_limited: "rateLimited",
  network: "network",
  upgrade_required: "unexpected",
  internal: "unexpected",
  live_full: "unexpected",
  // A code of an API newer than this page: said in general words, whatever its status.
  unknown: "unexpected",
};

/**
 * What an answer without the API's JSON means: it came from something in front of the Worker (an
 * access gate, a rate limit of the proxy), whose status is all there is. Any other status is "unexpected".
 */
const BY_STATUS: Readonly<Partial<Record<number, StaffFailure>>> = {
  401: "signedOut",
  403: "forbidden",
  429: "rateLimited",
};

/** The API's refusal (or a thrown non-API error, "unexpected") as a failure staff can act on. */
export function staffFailure(error: unknown): StaffFailure {
  if (!(error instanceof ApiError)) return "unexpected";
  if (error.code === "bad_response") return BY_STATUS[error.status] ?? "unexpected";
  return FAILURES[error.code];
}
