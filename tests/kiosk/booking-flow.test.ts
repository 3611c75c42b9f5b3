import { computed, signal } from "@preact/signals";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { BookingCreate, BookingCreated, RequestCreate, RequestCreated } from "../../schemas/bookings";
import type { Locale } from "../../schemas/common";
import type { LocationResponse } from "../../schemas/location";
import type { Slot } from "../../schemas/slots";
import { ApiError } from "../../kiosk/shared/api";
import { createBookingFlow, type BookingFlowDeps } from "../../kiosk/shared/booking-flow";
import type { Step } from "../../kiosk/shared/booking-rules";
import type { DayView } from "../../kiosk/shared/days";
import type { Phase, SlotsStore } from "../../kiosk/shared/slots";
import { office, topic } from "./office-fixture";

/*
 * The booking flow's store as both surfaces use it, without a DOM: the page's way (Turnstile, every
 * answer shown) and the kiosk's (no Turnstile, an answer for a visitor who left is dropped, a revoked
 * device handled by the kiosk). The world is a fake: API calls the test answers by hand, the steps shown
 * as a list, slot loads as a list.
 */

const SLOT: Slot = { start: "2026-11-30T13:00:00+01:00", end: "2026-11-30T13:30:00+01:00", free: 1 };
const BOOKED: BookingCreated = {
  id: "b1",
  code: "ACDEFG",
  status: "confirmed",
  start: SLOT.start,
  end: SLOT.end,
  topic: "fragen",
  manageUrl: "https://termine.example.org/manage#t1",
};
const REQUESTED: RequestCreated = { id: "r1", status: "requested", topic: "fragen", manageUrl: "https://termine.example.org/manage#t2", mailed: true };

/** A call the test answers when it likes, with what it was sent. */
function calls<B, R>() {
  const sent: { body: B; key: string; answer: (r: R) => void; refuse: (e: unknown) => void }[] = [];
  const send = (body: B, key: string) => new Promise<R>((answer, refuse) => sent.push({ body, key, answer, refuse }));
  return { sent, send };
}

/** Lets the store's `await`s after an answer run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function world(over: Partial<BookingFlowDeps> = {}, officeOver: Partial<LocationResponse> = {}) {
  const bookings = calls<BookingCreate, BookingCreated>();
  const requests = calls<RequestCreate, RequestCreated>();
  const shown: Step[] = [];
  const loads: [string, boolean][] = [];
  const phase = signal<Phase>("idle");
  const loaded = signal<string | null>(null);
  const slots: SlotsStore = {
    schedule: signal(null),
    phase,
    topic: loaded,
    days: computed((): DayView[] => []),
    load: async (key, force = false) => {
      loads.push([key, force]);
      loaded.value = key;
      phase.value = "loading";
    },
  };
  let keys = 0;
  const locale = signal<Locale>("de");
  const flow = createBookingFlow({
    sendBooking: bookings.send,
    sendRequest: requests.send,
    go: (step) => void shown.push(step),
    office: signal(office(officeOver)),
    locale,
    slots,
    newKey: () => `key-${++keys}`,
    turnstile: true,
    ...over,
  });
  return { flow, bookings, requests, shown, loads, locale };
}

/** A visitor on the review with a valid form for "fragen" at SLOT. */
function atReview(w: ReturnType<typeof world>) {
  w.flow.chooseTopic("fragen");
  w.flow.confirmTopic();
  w.flow.chooseDay("2026-11-30");
  w.flow.chooseSlot(SLOT);
  w.flow.setDetail("name", " Ayşe Yılmaz ");
  w.flow.setDetail("email", "ayse@example.org");
  w.flow.setDetail("note", "Lebenslauf");
  w.flow.setDetail("consent", true);
  w.flow.confirmDetails();
}

afterEach(() => vi.restoreAllMocks());

describe("choosing", () => {
  it("offers the topics bookable online and suggests the general one", () => {
    const w = world();
    expect(w.flow.bookableTopics.value.map((t) => t.key)).toEqual(["bewerbung", "fragen"]);
    expect(w.flow.generalTopic.value?.key).toBe("fragen");
  });

  it("a topic loads its days afresh; 'Weiter' without one shows the error and goes nowhere", () => {
    const w = world();
    w.flow.confirmTopic();
    expect(w.flow.topicError.value).toBe(true);
    expect(w.flow.attempts.value).toBe(1);
    expect(w.shown).toEqual([]);

    w.flow.chooseTopic("fragen");
    expect(w.flow.topicError.value).toBe(false);
    expect(w.loads).toEqual([["fragen", true]]);
    w.flow.confirmTopic();
    expect(w.shown).toEqual(["day"]);
  });

  it("another topic forgets the day and time chosen for the first", () => {
    const w = world();
    w.flow.chooseTopic("fragen");
    w.flow.chooseDay("2026-11-30");
    w.flow.chooseSlot(SLOT);
    w.flow.chooseTopic("fragen");
    expect([w.flow.day.value, w.flow.slot.value]).toEqual(["2026-11-30", SLOT]);
    w.flow.chooseTopic("bewerbung");
    expect([w.flow.day.value, w.flow.slot.value]).toEqual([null, null]);
  });

  it("the contact form shows its errors first, then the review", () => {
    const w = world();
    w.flow.chooseTopic("fragen");
    w.flow.chooseDay("2026-11-30");
    w.flow.chooseSlot(SLOT);
    w.flow.confirmDetails();
    expect(Object.keys(w.flow.detailsErrors.value)).toEqual(["name", "email", "consent"]);
    expect(w.shown.at(-1)).toBe("details");
    w.flow.setDetail("name", "Ayşe Yılmaz"); // the error shown for the name goes at once
    expect(w.flow.detailsErrors.value.name).toBeUndefined();
    w.flow.setDetail("email", "ayse@example.org");
    w.flow.setDetail("consent", true);
    w.flow.confirmDetails();
    expect(w.shown.at(-1)).toBe("review");
  });
});

describe("booking", () => {
  it("sends the body once with its key, then shows the confirmation and loads the days again", async () => {
    const w = world();
    atReview(w);
    void w.flow.submitBooking();
    void w.flow.submitBooking(); // a second click while the first is on its way
    expect(w.bookings.sent).toHaveLength(1);
    expect(w.flow.sending.value).toBe(true);
    const { body, key } = w.bookings.sent[0]!;
    expect(body).toEqual({ start: SLOT.start, topic: "fragen", name: "Ayşe Yılmaz", email: "ayse@example.org", note: "Lebenslauf", locale: "de", consent: true });
    expect(key).toBe("key-1");

    w.bookings.sent[0]!.answer(BOOKED);
    await settle();
    expect(w.flow.booked.value).toEqual({ result: BOOKED, email: "ayse@example.org", topic: topic("fragen") });
    expect(w.shown.at(-1)).toBe("done");
    expect(w.loads.at(-1)).toEqual(["fragen", true]);
    // The same person may book again: name and address stay, the time, the note and the consent go.
    expect(w.flow.slot.value).toBeNull();
    expect(w.flow.details.value).toMatchObject({ name: " Ayşe Yılmaz ", note: "", consent: false });
    expect(w.flow.sending.value).toBe(false);
  });

  it("a retry after no answer sends the same key; a changed body gets a new one", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const w = world();
    atReview(w);
    void w.flow.submitBooking();
    w.bookings.sent[0]!.refuse(new ApiError("network", "Failed to fetch", 0));
    await settle();
    expect(w.flow.failure.value).toEqual({ kind: "network" });

    void w.flow.submitBooking();
    expect(w.bookings.sent[1]!.key).toBe(w.bookings.sent[0]!.key);
    w.bookings.sent[1]!.refuse(new ApiError("network", "Failed to fetch", 0));
    await settle();

    w.locale.value = "en"; // the language changed on the review: another body
    void w.flow.submitBooking();
    expect(w.bookings.sent[2]!.key).not.toBe(w.bookings.sent[0]!.key);
  });

  it("after 'the key was used for another body' the next try gets a new key", async () => {
    const w = world();
    atReview(w);
    void w.flow.submitBooking();
    w.bookings.sent[0]!.refuse(new ApiError("idempotency_conflict", "changed", 409));
    await settle();
    expect(w.flow.failure.value).toEqual({ kind: "changed" });
    void w.flow.submitBooking();
    expect(w.bookings.sent[1]!.key).not.toBe(w.bookings.sent[0]!.key);
  });

  it("a refused field goes back to the form, with the error at that field", async () => {
    const w = world();
    atReview(w);
    void w.flow.submitBooking();
    w.bookings.sent[0]!.refuse(new ApiError("invalid_request", "email: not an address", 400, "email"));
    await settle();
    expect(w.flow.detailsErrors.value).toEqual({ email: "emailInvalid" });
    expect(w.flow.failure.value).toBeNull();
    expect(w.shown.at(-1)).toBe("details");
  });

  it("a time taken meanwhile: 'choose another time' loads the days afresh and shows the day's times", async () => {
    const w = world();
    atReview(w);
    void w.flow.submitBooking();
    w.bookings.sent[0]!.refuse(new ApiError("slot_full", "taken", 409));
    await settle();
    expect(w.flow.failure.value).toEqual({ kind: "slotGone", reason: "gone" });
    w.loads.length = 0;
    w.flow.chooseOtherTime();
    expect([w.flow.slot.value, w.flow.failure.value]).toEqual([null, null]);
    expect(w.loads).toEqual([["fragen", true]]);
    expect(w.shown.at(-1)).toBe("time");
  });

  it("a thrown non-API error is 'other', and logged", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const w = world();
    atReview(w);
    void w.flow.submitBooking();
    w.bookings.sent[0]!.refuse(new TypeError("bug"));
    await settle();
    expect(w.flow.failure.value).toEqual({ kind: "other" });
    expect(warn).toHaveBeenCalledOnce();
  });
});

describe("Turnstile, online only", () => {
  it("the page waits for the token, sends it, and asks for a fresh one after a failure", async () => {
    const w = world({}, { turnstileSiteKey: "0x4AAA" });
    atReview(w);
    await w.flow.submitBooking();
    expect(w.flow.failure.value).toEqual({ kind: "securityWait" });
    expect(w.bookings.sent).toHaveLength(0);

    w.flow.turnstileToken.value = "tok-1";
    void w.flow.submitBooking();
    expect(w.bookings.sent[0]!.body.turnstileToken).toBe("tok-1");
    w.bookings.sent[0]!.refuse(new ApiError("turnstile_failed", "no", 400));
    await settle();
    expect(w.flow.failure.value).toEqual({ kind: "turnstile" });
    expect(w.flow.turnstileResets.value).toBe(1);

    w.flow.turnstileToken.value = "tok-2"; // a fresh token is the same submission: the same key
    void w.flow.submitBooking();
    expect(w.bookings.sent[1]!.key).toBe(w.bookings.sent[0]!.key);
  });

  it("the kiosk sends at once, without a token, even when the office has Turnstile on", () => {
    const w = world({ turnstile: false }, { turnstileSiteKey: "0x4AAA" });
    atReview(w);
    void w.flow.submitBooking();
    expect(w.bookings.sent).toHaveLength(1);
    expect(w.bookings.sent[0]!.body).not.toHaveProperty("turnstileToken");
  });
});

describe("the kiosk's way", () => {
  it("drops an answer that comes after the visitor left the review", async () => {
    let onReview = true;
    const w = world({ turnstile: false, stillOn: (step) => step === "review" && onReview });
    atReview(w);
    void w.flow.submitBooking();
    onReview = false; // the tablet started over for the next visitor
    w.flow.reset();
    w.bookings.sent[0]!.answer(BOOKED);
    await settle();
    expect(w.flow.booked.value).toBeNull();
    expect(w.shown.at(-1)).toBe("review");
    expect(w.flow.sending.value).toBe(false);
  });

  it("a refusal that comes after the visitor left does not pull the next one into the contact form", async () => {
    const w = world({ turnstile: false, stillOn: () => true });
    atReview(w);
    void w.flow.submitBooking();
    w.flow.reset(); // the minute without a touch is over: the next visitor's start screen
    const shownBefore = w.shown.length;
    w.bookings.sent[0]!.refuse(new ApiError("invalid_request", "email: not an address", 400, "email"));
    await settle();
    expect(w.shown.length).toBe(shownBefore);
    expect(w.flow.detailsErrors.value).toEqual({});
    expect(w.flow.failure.value).toBeNull();
  });

  it("the previous visitor's late confirmation reaches neither the next visitor's screen nor their 'sending'", async () => {
    // The next visitor is on the review again when the first one's answer comes: the screen alone
    // cannot tell whose it is.
    const w = world({ turnstile: false, stillOn: () => true });
    atReview(w);
    void w.flow.submitBooking();
    w.flow.reset();
    atReview(w);
    void w.flow.submitBooking();
    expect(w.flow.sending.value).toBe(true);

    w.bookings.sent[0]!.answer({ ...BOOKED, code: "FIRSTV" });
    await settle();
    expect(w.flow.booked.value).toBeNull();
    expect(w.flow.sending.value).toBe(true); // the second visitor's booking is still on its way

    w.bookings.sent[1]!.answer({ ...BOOKED, id: "b2", code: "SECOND" });
    await settle();
    expect(w.flow.booked.value?.result.code).toBe("SECOND");
    expect(w.flow.sending.value).toBe(false);
  });

  it("a request answered after the visitor left is dropped too", async () => {
    const w = world({ turnstile: false, stillOn: () => true });
    w.flow.openRequest();
    w.flow.setRequest("topic", "fragen");
    w.flow.setRequest("weekdays", [1]);
    w.flow.setRequest("times", ["morning"]);
    w.flow.setRequest("name", "Ayşe Yılmaz");
    w.flow.setRequest("email", "ayse@example.org");
    w.flow.setRequest("consent", true);
    void w.flow.submitRequest();
    expect(w.requests.sent).toHaveLength(1);
    w.flow.reset();
    w.requests.sent[0]!.answer(REQUESTED);
    await settle();
    expect(w.flow.requested.value).toBeNull();
  });

  it("a 401 is the kiosk's to handle: no failure on the screen", async () => {
    const unpaired = vi.fn();
    const w = world({ turnstile: false, onUnauthorized: unpaired });
    atReview(w);
    void w.flow.submitBooking();
    w.bookings.sent[0]!.refuse(new ApiError("unauthorized", "revoked", 401));
    await settle();
    expect(unpaired).toHaveBeenCalledOnce();
    expect(w.flow.failure.value).toBeNull();
    expect(w.flow.sending.value).toBe(false);
  });

  it("on the booking page a 401 is a failure like any other", async () => {
    const w = world();
    atReview(w);
    void w.flow.submitBooking();
    w.bookings.sent[0]!.refuse(new ApiError("unauthorized", "?", 401));
    await settle();
    expect(w.flow.failure.value).toEqual({ kind: "other" });
  });

  it("starting over forgets everything typed, and the next booking gets a new key", async () => {
    const w = world({ turnstile: false });
    atReview(w);
    void w.flow.submitBooking();
    w.bookings.sent[0]!.refuse(new ApiError("network", "down", 0));
    await settle();
    w.flow.openRequest();
    w.flow.reset();
    expect(w.flow.topicKey.value).toBeNull();
    expect(w.flow.details.value).toEqual({ name: "", email: "", phone: "", note: "", consent: false });
    expect(w.flow.request.value.name).toBe("");
    expect(w.flow.failure.value).toBeNull();

    atReview(w);
    void w.flow.submitBooking();
    expect(w.bookings.sent[1]!.key).not.toBe(w.bookings.sent[0]!.key);
  });
});

describe("a request 'nach Vereinbarung'", () => {
  it("starts with what the booking form already knows", () => {
    const w = world();
    atReview(w);
    w.flow.openRequest();
    expect(w.flow.request.value).toMatchObject({ topic: "fragen", name: " Ayşe Yılmaz ", email: "ayse@example.org" });
    expect(w.shown.at(-1)).toBe("request");
  });

  it("shows its errors, then sends once with a key that a retry keeps", async () => {
    const w = world();
    w.flow.openRequest();
    await w.flow.submitRequest();
    expect(Object.keys(w.flow.requestErrors.value)).toEqual(["topic", "weekdays", "times", "name", "email", "consent"]);
    expect(w.flow.attempts.value).toBe(1);
    expect(w.requests.sent).toHaveLength(0);

    w.flow.setRequest("topic", "fragen");
    w.flow.setRequest("weekdays", [1, 3]);
    w.flow.setRequest("times", ["morning"]);
    w.flow.setRequest("name", "Ayşe Yılmaz");
    w.flow.setRequest("email", "ayse@example.org");
    w.flow.setRequest("wish", "Nach 16 Uhr");
    w.flow.setRequest("consent", true);
    void w.flow.submitRequest();
    void w.flow.submitRequest();
    expect(w.requests.sent).toHaveLength(1);
    w.requests.sent[0]!.refuse(new ApiError("network", "down", 0));
    await settle();
    expect(w.flow.requestFailed.value).toEqual({ kind: "network" });

    void w.flow.submitRequest();
    expect(w.requests.sent[1]!.key).toBe(w.requests.sent[0]!.key);
    w.requests.sent[1]!.answer(REQUESTED);
    await settle();
    expect(w.flow.requested.value).toEqual({ result: REQUESTED, email: "ayse@example.org", phone: null });
    expect(w.flow.request.value).toMatchObject({ wish: "", consent: false, name: "Ayşe Yılmaz" });
    expect(w.shown.at(-1)).toBe("requestDone");
  });

  it("a request needs an e-mail address or a phone number: either alone is enough", async () => {
    const w = world();
    for (const [field, value] of [["topic", "fragen"], ["weekdays", [2]], ["times", ["evening"]], ["name", "Oleh Kovalenko"], ["consent", true]] as const) {
      w.flow.setRequest(field, value as never);
    }
    await w.flow.submitRequest();
    expect(w.flow.requestErrors.value).toEqual({ email: "contactMissing" });
    expect(w.requests.sent).toHaveLength(0);
    w.flow.setRequest("phone", "0831 555 12");
    expect(w.flow.requestErrors.value).toEqual({});
    void w.flow.submitRequest();
    expect(w.requests.sent).toHaveLength(1);
    expect(w.requests.sent[0]!.body).not.toHaveProperty("email");
    expect(w.requests.sent[0]!.body).toMatchObject({ phone: "0831 555 12" });
    w.requests.sent[0]!.answer({ ...REQUESTED, mailed: false });
    await settle();
    expect(w.flow.requested.value).toMatchObject({ email: null, phone: "0831 555 12" });
  });

  it("a refused field of the request lands at its part of the form", async () => {
    const w = world();
    w.flow.setRequest("topic", "fragen");
    w.flow.setRequest("weekdays", [1]);
    w.flow.setRequest("times", ["evening"]);
    w.flow.setRequest("name", "Ayşe Yılmaz");
    w.flow.setRequest("email", "ayse@example.org");
    w.flow.setRequest("consent", true);
    void w.flow.submitRequest();
    w.requests.sent[0]!.refuse(new ApiError("invalid_request", "bad", 400, "preferredTimes.0"));
    await settle();
    expect(w.flow.requestErrors.value).toEqual({ times: "timesMissing" });
    expect(w.flow.requestFailed.value).toBeNull();
  });
});
