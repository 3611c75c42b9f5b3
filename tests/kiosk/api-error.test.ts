import { describe, expect, it } from "vitest";
import { ERROR_STATUS, isErrorCode } from "../../common/error-codes";
import { answerError } from "../../kiosk/shared/api";

/*
 * The pages' side of the one error-code table: an answer's code becomes `ApiError.code` only when the
 * table has it, so every code a page tests for is one the API can send.
 */

const answer = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

describe("answerError", () => {
  it("keeps the API's code, message, field and Retry-After", () => {
    const body = { error: { code: "rate_limited", message: "Too many tries.", field: "email" } };
    const e = answerError("/api/bookings", answer(429, { "retry-after": "90" }), body);
    expect([e.code, e.message, e.status, e.field, e.retryAfter]).toEqual(["rate_limited", "Too many tries.", 429, "email", 90]);
  });

  it.each([
    ["a code the table does not have", { error: { code: "something_new", message: "x" } }],
    ["no error body", { ok: false }],
    ["a code that is no string", { error: { code: 409 } }],
    ["no JSON at all", null],
  ])("%s is a bad_response", (_, body) => {
    const e = answerError("/api/slots", answer(409), body);
    expect(e.code).toBe("bad_response");
    expect(e.status).toBe(409);
  });
});

describe("the table", () => {
  it("knows its codes and nothing inherited", () => {
    expect(isErrorCode("slot_full")).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
    expect(ERROR_STATUS.slot_full).toBe(409);
  });
});
