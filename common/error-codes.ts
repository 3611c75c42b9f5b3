/*
 * Every error code the API answers with, and the HTTP status it comes with. The Worker's `AppError`
 * takes its status from here (worker/errors.ts); the pages type `ApiError.code` by it
 * (kiosk/shared/api.ts), so a page that tests for a code the API does not have is a type error. What a
 * code means to a person is each surface's own words.
 */

export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_range: 400,
  unknown_topic: 400,
  unknown_room: 400,
  consent_required: 400,
  turnstile_failed: 400,
  unauthorized: 401,
  link_invalid: 401,
  passkey_invalid: 401,
  forbidden: 403,
  forbidden_origin: 403,
  not_found: 404,
  unknown_code: 404,
  unknown_location: 404,
  slot_full: 409,
  slot_unavailable: 409,
  too_short_notice: 409,
  beyond_horizon: 409,
  too_many_bookings: 409,
  idempotency_conflict: 409,
  booking_changed: 409,
  booking_past: 409,
  office_closed: 409,
  checkin_too_early: 409,
  checkin_too_late: 409,
  checkin_other_day: 409,
  booking_cancelled: 409,
  already_checked_in: 409,
  queue_empty: 409,
  ticket_state: 409,
  too_few_calls: 409,
  room_busy: 409,
  ticket_other_day: 409,
  booking_not_changeable: 409,
  mail_not_resendable: 409,
  mail_erased: 409,
  booking_active: 409,
  // A change of days or hours touches appointments: staff say what happens to them (`details.bookings`).
  bookings_affected: 409,
  // A closure sharing a day with one already entered (`details.closure` names it).
  closure_overlap: 409,
  extra_hours_overlap: 409,
  /** A proposed time would leave the resident too little time to answer (domain/proposals.ts). */
  proposal_too_soon: 409,
  /** A request still has open proposals: withdraw them before proposing again. */
  proposals_open: 409,
  /** The proposals' deadline has passed. */
  proposal_expired: 409,
  /** The proposals were answered, withdrawn or ended otherwise. */
  proposal_closed: 409,
  upgrade_required: 426,
  staff_exists: 409,
  last_admin: 409,
  already_exists: 409,
  rate_limited: 429,
  internal: 500,
  live_full: 503,
  /** Web Push is not set up here (no VAPID keys): the status page does not offer it then. */
  push_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Whether `code` is one of the API's codes (an answer's `error.code` is just a string until checked). */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_STATUS, code);
}
