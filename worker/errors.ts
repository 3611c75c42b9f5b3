import type { ContentfulStatusCode } from "hono/utils/http-status";

/*
 * The one error type. Domain and route code throw `AppError` with a code from this table; `app.onError`
 * renders every one as `{"error":{"code","message","field?"}}` with the status the table gives.
 */

const STATUS = {
  invalid_request: 400,
  invalid_range: 400,
  unknown_topic: 400,
  forbidden_origin: 403,
  not_found: 404,
  unknown_location: 404,
  internal: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.field = field;
  }

  get status(): ContentfulStatusCode {
    return STATUS[this.code];
  }

  toBody(): { error: { code: ErrorCode; message: string; field?: string } } {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}
