import { afterEach, describe, expect, it, vi } from "vitest";
import { ERROR_STATUS, isErrorCode } from "../../common/error-codes";
import { answerError, call, CALL_TIMEOUT_MS } from "../../kiosk/shared/api";

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

  it("keeps an error of the API with a code this page does not know as `unknown`, with the API's message", () => {
    const body = { error: { code: "walk_ins_paused", message: "No walk-in numbers right now.", field: "topic" } };
    const e = answerError("/api/kiosk/tickets", answer(409), body);
    expect([e.code, e.message, e.status, e.field]).toEqual(["unknown", "No walk-in numbers right now.", 409, "topic"]);
  });

  it.each([
    ["no error body", { ok: false }],
    ["a code that is no string", { error: { code: 409, message: "x" } }],
    ["an error without a message", { error: { code: "slot_full" } }],
    ["no JSON at all", null],
  ])("%s is a bad_response", (_, body) => {
    const e = answerError("/api/slots", answer(409, { "retry-after": "30" }), body);
    expect([e.code, e.status, e.retryAfter]).toEqual(["bad_response", 409, 30]);
  });
});

describe("call", () => {
  afterEach(() => void vi.unstubAllGlobals());

  it.each([
    ["the API's refusal with a new code", 409, "application/json", JSON.stringify({ error: { code: "walk_ins_paused", message: "x" } }), "unknown"],
    ["a proxy's page", 502, "text/html", "<html>Bad gateway</html>", "bad_response"],
  ])("%s (%d) fails with %s", async (_, status, type, text, code) => {
    vi.stubGlobal("fetch", async () => new Response(text, { status, headers: { "content-type": type } }));
    await expect(call("/api/kiosk/tickets", { method: "POST", body: {} })).rejects.toMatchObject({ code, status });
  });

  /** A server that never answers: the request ends only when its signal aborts. */
  const silent = async (_: unknown, init: RequestInit) =>
    new Promise<Response>((_resolve, reject) => init.signal!.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));

  it("a request that gets no answer fails as a lost connection after CALL_TIMEOUT_MS, not before", async () => {
    vi.useFakeTimers();
    try {
      vi.stubGlobal("fetch", silent);
      const result = call("/api/staff/x/queue/call-next", { method: "POST", body: {} }).catch((e: unknown) => e);
      let settled = false;
      void result.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(CALL_TIMEOUT_MS - 1);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await result).toMatchObject({ code: "network", status: 0, message: "/api/staff/x/queue/call-next: no answer" });
    } finally {
      vi.useRealTimers();
    }
  });

  it("the caller's abort stays the caller's: its own error, not a lost connection", async () => {
    vi.stubGlobal("fetch", silent);
    const controller = new AbortController();
    const result = call("/api/slots", { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(await result).toMatchObject({ name: "AbortError" });
  });

  it("a network failure is a lost connection with the browser's words", async () => {
    vi.stubGlobal("fetch", async () => Promise.reject(new TypeError("Failed to fetch")));
    await expect(call("/api/slots")).rejects.toMatchObject({ code: "network", message: expect.stringContaining("Failed to fetch") });
  });
});

describe("the table", () => {
  it("knows its codes and nothing inherited", () => {
    expect(isErrorCode("slot_full")).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
    expect(ERROR_STATUS.slot_full).toBe(409);
  });
});
