import { describe, expect, it } from "vitest";
import { BookingCreate } from "../../schemas/bookings";
import { canShow, previousStep, resolveStep, stepCount, type Facts } from "../../kiosk/booking/steps";
import type { ApiErrorCode } from "../../kiosk/shared/api";
import {
  attemptFor,
  bookingBody,
  bookingFailure,
  EMPTY_DETAILS,
  EMPTY_REQUEST,
  fingerprint,
  requestBody,
  requestFailure,
  toggled,
  validateDetails,
  validateRequest,
  type Details,
  type Step,
} from "../../kiosk/shared/booking-rules";
import { backUsesHistory } from "../../kiosk/shared/history";

const NOTHING: Facts = { topic: false, day: false, slot: false, detailsValid: false, booked: false, requested: false };
const READY: Facts = { ...NOTHING, topic: true, day: true, slot: true, detailsValid: true };
const VALID: Details = { name: "Ayşe Yılmaz", email: "ayse@example.org", phone: "", note: "", consent: true };

describe("steps", () => {
  it.each<[Step, [number, number] | undefined]>([
    ["topic", [1, 5]],
    ["day", [2, 5]],
    ["time", [3, 5]],
    ["details", [4, 5]],
    ["review", [5, 5]],
    ["done", undefined],
    ["request", undefined],
    ["requestDone", undefined],
  ])("%s is numbered %j", (step, count) => {
    expect(stepCount(step)).toEqual(count);
  });

  it.each<[string, string | null, Facts, Step]>([
    ["a fresh page starts on the topic", null, NOTHING, "topic"],
    ["an unknown entry starts on the topic", "nonsense", READY, "topic"],
    ["a reload forgets the form: review falls back to the topic", "review", NOTHING, "topic"],
    ["everything known: the review itself", "review", READY, "review"],
    ["details not valid any more: back to the form", "review", { ...READY, detailsValid: false }, "details"],
    ["the slot went (booked or gone): the day's times", "details", { ...READY, slot: false }, "time"],
    ["no day chosen: the days", "time", { ...NOTHING, topic: true }, "day"],
    ["after booking, back from the confirmation lands on the times, never on a review", "review", { ...READY, slot: false, booked: true }, "time"],
    ["forward to the confirmation while it is known", "done", { ...READY, slot: false, booked: true }, "done"],
    ["the confirmation without a booking", "done", { ...NOTHING, topic: true, day: true }, "time"],
    ["the request form can always be shown", "request", NOTHING, "request"],
    ["the request's confirmation only after sending", "requestDone", NOTHING, "request"],
    ["the request's confirmation after sending", "requestDone", { ...NOTHING, requested: true }, "requestDone"],
  ])("%s", (_, wanted, facts, expected) => {
    expect(resolveStep(wanted, facts)).toBe(expected);
  });

  it("shows each step only when what it needs is known", () => {
    expect(canShow("day", NOTHING)).toBe(false);
    expect(canShow("day", { ...NOTHING, topic: true })).toBe(true);
    expect(canShow("details", { ...NOTHING, topic: true, slot: true })).toBe(true);
    expect(canShow("review", { ...READY, detailsValid: false })).toBe(false);
  });

  it.each<[Step, Step, Step | null]>([
    ["topic", "day", null],
    ["day", "day", "topic"],
    ["time", "day", "day"],
    ["details", "day", "time"],
    ["review", "day", "details"],
    ["done", "day", null],
    ["request", "time", "time"],
    ["request", "day", "day"],
    ["requestDone", "day", null],
  ])("back from %s (request opened from %s) leads to %s", (step, from, expected) => {
    expect(previousStep(step, from)).toBe(expected);
  });

  it.each<[string, (string | undefined)[], number, string, boolean]>([
    ["the entry before shows the previous step: browser back", ["topic", "day", "time"], 2, "day", true],
    ["jumped here from the review: push the previous step", ["topic", "day", "time", "details", "review", "details"], 5, "time", false],
    ["the first entry of the page: push", ["day"], 0, "topic", false],
    ["after a reload the trail is unknown: push", [undefined, "time"], 1, "day", false],
  ])("%s", (_, trail, depth, previous, expected) => {
    expect(backUsesHistory(trail, depth, previous)).toBe(expected);
  });
});

describe("validateDetails", () => {
  it("accepts a complete form", () => {
    expect(validateDetails(VALID)).toEqual({});
    expect(validateDetails({ ...VALID, phone: "+49 (831) 123/45-6", note: "x".repeat(500) })).toEqual({});
  });

  it("names every missing field, in the order of the form", () => {
    const errors = validateDetails(EMPTY_DETAILS);
    expect(errors).toEqual({ name: "nameMissing", email: "emailMissing", consent: "consentMissing" });
    expect(Object.keys(errors)).toEqual(["name", "email", "consent"]);
  });

  it.each<[string, Partial<Details>, object]>([
    ["a name of one letter", { name: " A " }, { name: "nameShort" }],
    ["a name of spaces only", { name: "   " }, { name: "nameMissing" }],
    ["a name over 100 characters", { name: "x".repeat(101) }, { name: "nameLong" }],
    ["an address without @", { email: "ayse.example.org" }, { email: "emailInvalid" }],
    ["an address without a domain ending", { email: "ayse@example" }, { email: "emailInvalid" }],
    ["an address with two dots in a row", { email: "ay..se@example.org" }, { email: "emailInvalid" }],
    ["an address with spaces around it is fine", { email: "  ayse@example.org " }, {}],
    ["an international address is fine, as the API takes it", { email: "jörg@bücher.de" }, {}],
    ["two addresses as a list", { email: "x,b@example.org" }, { email: "emailInvalid" }],
    ["an address in angle brackets", { email: "<ayse@example.org>" }, { email: "emailInvalid" }],
    ["an address with a comment", { email: "e(c)@example.org" }, { email: "emailInvalid" }],
    ["letters in the phone number", { phone: "0831 abc" }, { phone: "phoneInvalid" }],
    ["a phone number over 40 characters", { phone: "1".repeat(41) }, { phone: "phoneInvalid" }],
    ["a note over 500 characters", { note: "x".repeat(501) }, { note: "noteLong" }],
    ["no consent", { consent: false }, { consent: "consentMissing" }],
  ])("%s", (_, change, expected) => {
    expect(validateDetails({ ...VALID, ...change })).toEqual(expected);
  });
});

describe("validateRequest", () => {
  it("names every missing part, in the order of the form", () => {
    expect(Object.keys(validateRequest(EMPTY_REQUEST))).toEqual(["topic", "weekdays", "times", "name", "email", "consent"]);
  });

  it("accepts a complete request", () => {
    const r = { ...EMPTY_REQUEST, topic: "fragen", weekdays: [2], times: ["evening" as const], name: "Olena K", email: "o@example.org", consent: true };
    expect(validateRequest(r)).toEqual({});
    expect(validateRequest({ ...r, wish: "x".repeat(1001) })).toEqual({ wish: "wishLong" });
  });

  it("keeps multiple choices in the order they are offered", () => {
    const all = [1, 2, 3, 4, 5];
    expect(toggled([5], 2, true, all)).toEqual([2, 5]);
    expect(toggled([2, 5], 2, false, all)).toEqual([5]);
    expect(toggled([2], 2, true, all)).toEqual([2]);
  });
});

describe("request bodies", () => {
  it("trims, leaves out empty optional fields and adds the Turnstile token only when there is one", () => {
    const body = bookingBody("2026-11-30T13:00:00+01:00", "fragen", { ...VALID, name: " Ayşe ", email: " a@b.de ", phone: "  " }, "de");
    expect(body).toEqual({ start: "2026-11-30T13:00:00+01:00", topic: "fragen", name: "Ayşe", email: "a@b.de", locale: "de", consent: true });
    const withAll = bookingBody("2026-11-30T13:00:00+01:00", "fragen", { ...VALID, phone: " 0831 1 ", note: " Hallo " }, "en", "tok");
    expect(withAll).toMatchObject({ phone: "0831 1", note: "Hallo", locale: "en", turnstileToken: "tok" });
  });

  it.each<[string, Partial<Details>, Partial<Details>]>([
    ["a name pasted with bidi isolates", { name: "\u2068Ayşe Yılmaz\u2069" }, { name: "Ayşe Yılmaz" }],
    ["a name with a tab", { name: "Ayşe\tYılmaz" }, { name: "Ayşe Yılmaz" }],
    ["a note with a tab and Windows line breaks", { note: "Lebenslauf\tanbei\r\nDanke" }, { note: "Lebenslauf anbei\nDanke" }],
    ["a note with a zero byte and a bidi override", { note: "Hallo\u0000 \u202eWelt" }, { note: "Hallo Welt" }],
  ])("cleans what nobody can see out of %s, so the page sends what the API takes", (_, typed, sent) => {
    const d = { ...VALID, ...typed };
    expect(validateDetails(d)).toEqual({});
    const body = bookingBody("2026-11-30T13:00:00+01:00", "fragen", d, "de");
    expect(body).toMatchObject(sent);
    // The API's own schema, as the Worker applies it.
    expect(BookingCreate.safeParse(body).success).toBe(true);
  });

  it("a phone number pasted with invisible characters around it is taken as the number", () => {
    const d = { ...VALID, phone: "\u2068+49 171 1234567\u2069" };
    expect(validateDetails(d)).toEqual({});
    expect(bookingBody("2026-11-30T13:00:00+01:00", "fragen", d, "de").phone).toBe("+49 171 1234567");
  });

  it("a name of nothing but invisible characters is missing", () => {
    expect(validateDetails({ ...VALID, name: "\u2068\u2069\t" }).name).toBe("nameMissing");
  });

  it("sends a request's weekdays and times as chosen", () => {
    const body = requestBody(
      { ...EMPTY_REQUEST, topic: "fragen", weekdays: [2, 5], times: ["morning", "evening"], wish: " ab 16 Uhr ", name: "O K", email: "o@k.de", consent: true },
      "de",
      null,
    );
    expect(body).toEqual({
      topic: "fragen",
      name: "O K",
      email: "o@k.de",
      preferredWeekdays: [2, 5],
      preferredTimes: ["morning", "evening"],
      wish: "ab 16 Uhr",
      locale: "de",
      consent: true,
    });
  });
});

describe("idempotency", () => {
  const body = bookingBody("2026-11-30T13:00:00+01:00", "fragen", VALID, "de");
  let n = 0;
  const newKey = () => `key-${++n}`;

  it("keeps the key for the same booking, whatever the Turnstile token", () => {
    const first = attemptFor(null, fingerprint(body), newKey);
    expect(attemptFor(first, fingerprint({ ...body, turnstileToken: "another" }), newKey)).toBe(first);
  });

  it("takes a new key when anything in the booking changed", () => {
    const first = attemptFor(null, fingerprint(body), newKey);
    const changed = attemptFor(first, fingerprint({ ...body, note: "Neu" }), newKey);
    expect(changed.key).not.toBe(first.key);
    expect(attemptFor(first, fingerprint({ ...body, start: "2026-11-30T13:30:00+01:00" }), newKey).key).not.toBe(first.key);
  });
});

describe("what an API error means", () => {
  it.each<[string, { code: ApiErrorCode; field?: string; retryAfter?: number }, object]>([
    ["a bad e-mail goes to its field", { code: "invalid_request", field: "email" }, { kind: "field", field: "email", error: "emailInvalid" }],
    ["a bad name goes to its field", { code: "invalid_request", field: "name" }, { kind: "field", field: "name", error: "nameShort" }],
    ["a field the form does not have", { code: "invalid_request", field: "start" }, { kind: "other" }],
    ["no consent", { code: "consent_required" }, { kind: "field", field: "consent", error: "consentMissing" }],
    ["slot full", { code: "slot_full" }, { kind: "slotGone", reason: "gone" }],
    ["slot unavailable", { code: "slot_unavailable" }, { kind: "slotGone", reason: "gone" }],
    ["too short notice", { code: "too_short_notice" }, { kind: "slotGone", reason: "tooSoon" }],
    ["beyond the horizon", { code: "beyond_horizon" }, { kind: "slotGone", reason: "tooFar" }],
    ["two active bookings already", { code: "too_many_bookings", field: "email" }, { kind: "tooMany" }],
    ["rate limited for 90 s: 2 minutes", { code: "rate_limited", retryAfter: 90 }, { kind: "rateLimited", minutes: 2 }],
    ["rate limited without Retry-After: 1 minute", { code: "rate_limited" }, { kind: "rateLimited", minutes: 1 }],
    ["Turnstile refused", { code: "turnstile_failed" }, { kind: "turnstile" }],
    ["no answer", { code: "network" }, { kind: "network" }],
    ["the key was used for another body", { code: "idempotency_conflict" }, { kind: "changed" }],
    ["anything else", { code: "internal" }, { kind: "other" }],
  ])("%s", (_, error, expected) => {
    expect(bookingFailure(error)).toEqual(expected);
  });

  it.each<[string, object]>([
    ["preferredWeekdays", { kind: "field", field: "weekdays", error: "weekdaysMissing" }],
    ["preferredTimes.0", { kind: "field", field: "times", error: "timesMissing" }],
    ["wish", { kind: "field", field: "wish", error: "wishLong" }],
    ["topic", { kind: "field", field: "topic", error: "topicMissing" }],
  ])("a request's field %s goes to its part of the form", (field, expected) => {
    expect(requestFailure({ code: "invalid_request", field })).toEqual(expected);
  });
});
