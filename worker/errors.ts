import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ERROR_STATUS, type ErrorCode } from "../common/error-codes";

/*
 * The one error type. Domain and route code throw `AppError` with a code from the one table of codes
 * (common/error-codes.ts, which the pages read too); `app.onError` renders every one as
 * `{"error":{"code","message","field?"}}` with the status the table gives.
 */

/** The table as Hono's status type: every status in it is one that can carry a JSON body. */
const STATUS: Readonly<Record<ErrorCode, ContentfulStatusCode>> = ERROR_STATUS;

export type { ErrorCode };

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
