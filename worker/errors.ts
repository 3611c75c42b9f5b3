import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ERROR_STATUS, type ErrorCode } from "../common/error-codes";

/*
 * The one error type. Domain and route code throw `AppError` with a code from the one table of codes
 * (common/error-codes.ts, which the pages read too); `app.onError` renders every one as
 * `{"error":{"code","message","field?","details?"}}` with the status the table gives.
 */

/** The table as Hono's status type: every status in it is one that can carry a JSON body. */
const STATUS: Readonly<Record<ErrorCode, ContentfulStatusCode>> = ERROR_STATUS;

export type { ErrorCode };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  /** Extra response headers, e.g. Retry-After on `rate_limited`. */
  readonly headers: Record<string, string>;

  /**
   * What a refusal points at, for the page to show it (the appointments a change touches, the closure
   * a new one overlaps); each code that carries details says their shape in schemas/.
   */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, field?: string, headers: Record<string, string> = {}, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.field = field;
    this.headers = headers;
    this.details = details;
  }

  get status(): ContentfulStatusCode {
    return STATUS[this.code];
  }

  toBody(): { error: { code: ErrorCode; message: string; field?: string; details?: Record<string, unknown> } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}
