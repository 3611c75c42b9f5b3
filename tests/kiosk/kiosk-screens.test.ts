import { describe, expect, it } from "vitest";
import {
  checkinOpensAt,
  checkinOutcome,
  isTransient,
  offersWalkIn,
  previousScreen,
  resetsOnIdle,
  retryDelay,
  ticketOutcome,
  warnsBeforeReset,
  type Refusal,
  type Screen,
} from "../../kiosk/kiosk/screens";
import { answerError, type ApiErrorCode } from "../../kiosk/shared/api";

describe("Zurück", () => {
  it.each<[Screen, Screen | null]>([
    ["start", null],
    ["pair", null],
    ["topics", "start"],
    ["checkin", "start"],
    ["scan", "checkin"],
    ["bookTopic", "start"],
    ["legal", "start"],
    ["bookDay", "bookTopic"],
    ["bookTime", "bookDay"],
    ["bookDetails", "bookTime"],
    ["bookReview", "bookDetails"],
    ["ticket", null],
    ["welcome", null],
    ["refused", null],
    ["noConnection", null],
    ["bookDone", null],
    ["requestDone", null],
  ])("from %s leads to %s", (screen, previous) => {
    expect(previousScreen(screen)).toBe(previous);
  });

  it("from the request form leads back where it was opened", () => {
    expect(previousScreen("request", "bookTime")).toBe("bookTime");
    expect(previousScreen("request")).toBe("start");
  });
});

describe("the inactivity reset", () => {
  it.each<[Screen, string, boolean, boolean, boolean]>([
    // screen, language, busy → resets, warns first
    ["start", "de", false, false, false],
    ["start", "en", false, true, false],
    ["topics", "de", false, true, true],
    ["ticket", "de", false, true, true],
    ["checkin", "de", false, true, true],
    ["scan", "de", false, true, true],
    ["welcome", "de", false, true, true],
    ["refused", "de", false, true, true],
    ["bookDetails", "de", false, true, true],
    ["bookDone", "en", false, true, true],
    ["request", "de", false, true, true],
    ["pair", "en", false, false, false],
    ["topics", "de", true, false, false],
    ["noConnection", "de", true, false, false],
    ["noConnection", "de", false, true, true],
  ])("on %s in %s (busy: %s) resets: %s, warns first: %s", (screen, locale, busy, resets, warns) => {
    expect(resetsOnIdle({ screen, locale, busy })).toBe(resets);
    expect(warnsBeforeReset({ screen, locale, busy })).toBe(warns);
  });
});

describe("what a check-in answer means", () => {
  it.each<[ApiErrorCode, number, Refusal]>([
    ["checkin_too_early", 409, "tooEarly"],
    ["checkin_too_late", 409, "tooLate"],
    ["checkin_other_day", 409, "otherDay"],
    ["booking_cancelled", 409, "cancelled"],
    ["already_checked_in", 409, "already"],
    ["unknown_code", 404, "unknown"],
    ["invalid_request", 400, "unknown"],
  ])("%s (%d) is explained as %s", (code, status, refusal) => {
    expect(checkinOutcome({ code, status })).toEqual({ kind: "refused", refusal });
  });

  it.each<[ApiErrorCode, number, string]>([
    ["unauthorized", 401, "unpaired"],
    ["network", 0, "retry"],
    ["bad_response", 502, "retry"],
    ["internal", 500, "retry"],
    ["forbidden", 403, "other"],
    ["rate_limited", 429, "other"],
    ["unknown", 409, "other"],
    ["unknown", 503, "retry"],
  ])("%s (%d) means %s", (code, status, kind) => {
    expect(checkinOutcome({ code, status }).kind).toBe(kind);
  });

  it("offers a walk-in number to the late, the wrong day and the cancelled, while numbers are given out", () => {
    const offered = (["tooEarly", "tooLate", "otherDay", "cancelled", "already", "unknown"] as const).filter((r) => offersWalkIn(r, true));
    expect(offered).toEqual(["tooLate", "otherDay", "cancelled"]);
    expect(offersWalkIn("tooLate", false)).toBe(false);
  });
});

describe("what a ticket answer means", () => {
  it.each<[ApiErrorCode, number, string]>([
    ["office_closed", 409, "closed"],
    ["unknown_topic", 404, "topicGone"],
    ["unknown_topic", 400, "topicGone"],
    ["unauthorized", 401, "unpaired"],
    ["network", 0, "retry"],
    ["bad_response", 200, "retry"],
    ["internal", 500, "retry"],
    ["invalid_request", 400, "other"],
    ["unknown", 409, "other"],
    ["unknown", 503, "retry"],
  ])("%s (%d) means %s", (code, status, outcome) => {
    expect(ticketOutcome({ code, status })).toBe(outcome);
  });

  it("retries only what got no usable answer", () => {
    expect(isTransient({ code: "network", status: 0 })).toBe(true);
    expect(isTransient({ code: "internal", status: 503 })).toBe(true);
    expect(isTransient({ code: "office_closed", status: 409 })).toBe(false);
  });
});

describe("a refusal with a code newer than the tablet's page", () => {
  // After a deploy that adds a code, tablets run the old page until they reload: the refusal must end the wait.
  const refusal = answerError("/api/kiosk/tickets", new Response(null, { status: 409 }), {
    error: { code: "walk_ins_paused", message: "No walk-in numbers right now." },
  });

  it("is no reason to retry: a number and a check-in fail with the general words", () => {
    expect(isTransient(refusal)).toBe(false);
    expect(ticketOutcome(refusal)).toBe("other");
    expect(checkinOutcome(refusal)).toEqual({ kind: "other" });
  });
});

describe("retryDelay", () => {
  it("waits 2, 4, 8 seconds, then every 15", () => {
    expect([0, 1, 2, 3, 4, 10, 100].map(retryDelay)).toEqual([2_000, 4_000, 8_000, 15_000, 15_000, 15_000, 15_000]);
  });
});

describe("when check-in opens, from a 'too early' refusal", () => {
  it.each([
    [{ code: "checkin_too_early", details: { opensAt: "2026-11-30T13:30:00+01:00" } }, "2026-11-30T13:30:00+01:00"],
    [{ code: "checkin_too_early" }, null],
    [{ code: "checkin_too_early", details: { opensAt: "soon" } }, null],
    [{ code: "checkin_too_early", details: { opensAt: 1 } }, null],
    [{ code: "checkin_too_late", details: { opensAt: "2026-11-30T13:30:00+01:00" } }, null],
  ])("%j → %s", (error, expected) => {
    expect(checkinOpensAt(error)).toBe(expected);
  });
});
