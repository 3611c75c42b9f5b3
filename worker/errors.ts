import type { ContentfulStatusCode } from "hono/utils/http-status";

/*
 * The one error type. Domain and route code throw `AppError` with a code from this table; `app.onError`
 * renders every one as `{"error":{"code","message","field?"}}` with the status the table gives.
 */

const STATUS = {
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
  upgrade_required: 426,
  staff_exists: 409,
  last_admin: 409,
  already_exists: 409,
  rate_limited: 429,
  internal: 500,
  live_full: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  /** Extra response headers, e.g. Retry-After on `rate_limited`. */
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, field?: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.field = field;
    this.headers = headers;
  }

  get status(): ContentfulStatusCode {
    return STATUS[this.code];
  }

  toBody(): { error: { code: ErrorCode; message: string; field?: string } } {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}
