/*
 * The booking flow's store, one for the booking page and one for the kiosk: what the visitor chose and
 * typed, and the only place that sends a booking or a request "nach Vereinbarung". Components read its
 * signals and call its actions; the rules are the pure functions of booking-rules.ts. What differs
 * between the two surfaces comes in as `BookingFlowDeps` (their API calls, how a step is shown, the
 * kiosk's device), so tests/kiosk/booking-flow.test.ts drives it without a DOM.
 */
import { batch, computed, signal, type ReadonlySignal } from "@preact/signals";
import type { BookingCreate, BookingCreated, RequestCreate, RequestCreated } from "../../schemas/bookings";
import type { Locale } from "../../schemas/common";
import type { LocationResponse, Topic } from "../../schemas/location";
import type { Slot } from "../../schemas/slots";
import { ApiError } from "./api";
import {
  type Attempt,
  attemptFor,
  bookingBody,
  bookingFailure,
  type Details,
  type DetailsField,
  EMPTY_DETAILS,
  EMPTY_REQUEST,
  type Errors,
  type Failure,
  fingerprint,
  recheckField,
  requestBody,
  type RequestDraft,
  requestFailure,
  type RequestField,
  type Step,
  validateDetails,
  validateRequest,
} from "./booking-rules";
import { dayOf } from "./days";
import type { SlotsStore } from "./slots";

export interface BookingFlowDeps {
  /** Sends a booking; the same key on a retry answers the first booking again. */
  sendBooking(body: BookingCreate, idempotencyKey: string): Promise<BookingCreated>;
  /** Sends a request "nach Vereinbarung", likewise. */
  sendRequest(body: RequestCreate, idempotencyKey: string): Promise<RequestCreated>;
  /** Shows a step: the booking page pushes a history entry, the kiosk changes its screen. */
  go(step: Step): void;
  /** The office the page shows; its topics are the ones offered. */
  office: ReadonlySignal<LocationResponse | null>;
  locale: ReadonlySignal<Locale>;
  /** The free days and times of the chosen topic. */
  slots: SlotsStore;
  /** A fresh idempotency key. */
  newKey(): string;
  /** Whether a submit passes the office's Turnstile check (when it has one): online yes, a paired kiosk no. */
  turnstile: boolean;
  /**
   * Whether the step a submit was sent from is still on show. A refusal that comes after the visitor
   * left that step is dropped (it would pull them back); a success is shown all the same (the booking
   * exists: sending it again would book twice). Whatever it says, an answer never reaches the visitor
   * after the one who sent it (`reset`).
   */
  stillOn?(step: "review" | "request"): boolean;
  /** A 401 (the kiosk's device was revoked): handled here and shown as no failure. */
  onUnauthorized?(): void;
}

export type BookingFlow = ReturnType<typeof createBookingFlow>;

export function createBookingFlow(deps: BookingFlowDeps) {
  const { slots } = deps;

  /** The chosen topic's key; null until one is chosen. */
  const topicKey = signal<string | null>(null);
  /** "Weiter" was pressed without a topic. */
  const topicError = signal(false);
  const day = signal<string | null>(null);
  const slot = signal<Slot | null>(null);
  const details = signal<Details>(EMPTY_DETAILS);
  const detailsErrors = signal<Errors<DetailsField>>({});
  /** Counts submits that found errors: the error summary takes the focus on each. */
  const attempts = signal(0);
  const sending = signal(false);
  const failure = signal<Failure | null>(null);
  const booked = signal<{ result: BookingCreated; email: string; topic: Topic } | null>(null);

  const request = signal<RequestDraft>(EMPTY_REQUEST);
  const requestErrors = signal<Errors<RequestField>>({});
  const requestFailed = signal<Failure<RequestField> | null>(null);
  /** The request sent; `email` null: it gave a phone number only (staff call, no mail). */
  const requested = signal<{ result: RequestCreated; email: string | null; phone: string | null } | null>(null);

  /** The Turnstile token for the next submit (only when the office has Turnstile on). */
  const turnstileToken = signal<string | null>(null);
  /** Raised after each failed submit: the widget then gives a fresh token (each one works once). */
  const turnstileResets = signal(0);
  const turnstileSiteKey = computed(() => (deps.turnstile ? (deps.office.value?.turnstileSiteKey ?? null) : null));

  const bookableTopics = computed<Topic[]>(() => deps.office.value?.topics.filter((tp) => tp.bookableOnline) ?? []);
  const chosenTopic = computed(() => bookableTopics.value.find((tp) => tp.key === topicKey.value) ?? null);
  /** The topic to suggest when someone is not sure: the first one for everyone of the basic length. */
  const generalTopic = computed(
    () =>
      bookableTopics.value.find((tp) => tp.audience === "everyone" && tp.durationMinutes === deps.office.value?.booking.slotMinutes) ??
      null,
  );
  const chosenDay = computed(() => dayOf(slots.days.value, day.value));

  /** The key of the booking or request on its way; kept for a retry of the same body. */
  let bookingAttempt: Attempt | null = null;
  let requestAttempt: Attempt | null = null;
  /**
   * Counts the visitors: `reset` starts the next one. A submit remembers whose it was, so an answer
   * that comes later (a slow network at the kiosk) never shows one person's booking, code or error to
   * the next, nor ends the next one's "sending".
   */
  let visitor = 0;

  /** Whether a refusal of a submit sent by `sender` from `step` may still be shown. */
  function refusalIsFor(sender: number, step: "review" | "request"): boolean {
    return sender === visitor && (!deps.stillOn || deps.stillOn(step));
  }

  // Topic, day, time

  /** Chooses a topic and loads its days afresh, so they are there when the day step shows. */
  function chooseTopic(key: string): void {
    batch(() => {
      if (key !== topicKey.value) {
        day.value = null;
        slot.value = null;
      }
      topicKey.value = key;
      topicError.value = false;
    });
    void slots.load(key, true);
  }

  /** "Weiter" after the topic: its days, or the error when none is chosen. */
  function confirmTopic(): void {
    if (topicKey.value === null) {
      topicError.value = true;
      attempts.value++;
      return;
    }
    void slots.load(topicKey.value);
    deps.go("day");
  }

  /** After a failed load (or a time that went meanwhile): the days afresh. */
  function retrySlots(): void {
    if (topicKey.value !== null) void slots.load(topicKey.value, true);
  }

  function chooseDay(date: string): void {
    day.value = date;
    deps.go("time");
  }

  function chooseSlot(s: Slot): void {
    batch(() => {
      slot.value = s;
      failure.value = null;
    });
    deps.go("details");
  }

  // Contact details and review

  /** Updates one field; an error shown for it goes away as soon as the field is right. */
  function setDetail<F extends DetailsField>(field: F, value: Details[F]): void {
    const next = { ...details.value, [field]: value };
    details.value = next;
    detailsErrors.value = recheckField(detailsErrors.value, field, validateDetails(next));
  }

  function currentBody(): BookingCreate {
    return bookingBody(slot.value!.start, topicKey.value!, details.value, deps.locale.value, turnstileToken.value);
  }

  /** "Weiter" on the contact form: the errors, or the review (with the key this submission will use). */
  function confirmDetails(): void {
    const errors = validateDetails(details.value);
    detailsErrors.value = errors;
    if (Object.keys(errors).length > 0) {
      attempts.value++;
      return;
    }
    bookingAttempt = attemptFor(bookingAttempt, fingerprint(currentBody()), deps.newKey);
    failure.value = null;
    deps.go("review");
  }

  /**
   * What a failed submit means for the visitor; null when there is nothing to show (a 401 the surface
   * handles). The Turnstile token was used up either way.
   */
  function refusal<F extends string>(error: unknown, read: (e: ApiError) => Failure<F>): Failure<F> | null {
    if (error instanceof ApiError && error.status === 401 && deps.onUnauthorized) {
      deps.onUnauthorized();
      return null;
    }
    if (turnstileSiteKey.value) turnstileResets.value++;
    if (error instanceof ApiError) return read(error);
    console.warn(error);
    return { kind: "other" };
  }

  /** "Termin verbindlich buchen". A second click while the first is on its way does nothing. */
  async function submitBooking(): Promise<void> {
    if (sending.value || !slot.value || !topicKey.value) return;
    if (turnstileSiteKey.value && !turnstileToken.value) {
      failure.value = { kind: "securityWait" };
      return;
    }
    const body = currentBody();
    // The review may have been reached before a language switch; the key follows the body.
    const attempt = (bookingAttempt = attemptFor(bookingAttempt, fingerprint(body), deps.newKey));
    const sender = visitor;
    sending.value = true;
    failure.value = null;
    try {
      const result = await deps.sendBooking(body, attempt.key);
      if (sender !== visitor) return;
      const topic = chosenTopic.value!;
      batch(() => {
        booked.value = { result, email: body.email, topic };
        slot.value = null;
        details.value = { ...details.value, note: "", consent: false };
        turnstileToken.value = null;
      });
      bookingAttempt = null;
      deps.go("done");
      void slots.load(topic.key, true);
    } catch (error) {
      if (!refusalIsFor(sender, "review")) return;
      const f = refusal(error, bookingFailure);
      if (!f) return;
      if (f.kind === "changed") bookingAttempt = null;
      if (f.kind === "field") {
        batch(() => {
          detailsErrors.value = { [f.field]: f.error };
          attempts.value++;
        });
        deps.go("details");
      } else {
        failure.value = f;
      }
    } finally {
      if (sender === visitor) sending.value = false;
    }
  }

  /** After "this time is gone": fresh slots, and the same day's times (or the days, if none are left). */
  function chooseOtherTime(): void {
    batch(() => {
      slot.value = null;
      failure.value = null;
    });
    retrySlots();
    deps.go("time");
  }

  /** From the confirmation: the same person books again; the topic and contact stay, the time does not. */
  function bookAnother(): void {
    batch(() => {
      day.value = null;
      slot.value = null;
    });
    deps.go("topic");
  }

  // Request "nach Vereinbarung"

  /** The request form, with the topic and contact already given for a booking filled in. */
  function openRequest(): void {
    const d = details.value;
    const r = request.value;
    request.value = { ...r, topic: r.topic ?? topicKey.value, name: r.name || d.name, email: r.email || d.email, phone: r.phone || d.phone };
    requestFailed.value = null;
    deps.go("request");
  }

  function setRequest<F extends RequestField>(field: F, value: RequestDraft[F]): void {
    const next = { ...request.value, [field]: value };
    request.value = next;
    const fresh = validateRequest(next);
    let errors: Errors<RequestField> = recheckField<RequestField>(requestErrors.value, field, fresh);
    // E-mail or phone: a phone number typed answers "neither given" at the e-mail field too.
    if (field === "phone" && requestErrors.value.email === "contactMissing") errors = recheckField<RequestField>(errors, "email", fresh);
    requestErrors.value = errors;
  }

  async function submitRequest(): Promise<void> {
    if (sending.value) return;
    const errors = validateRequest(request.value);
    requestErrors.value = errors;
    if (Object.keys(errors).length > 0) {
      attempts.value++;
      return;
    }
    if (turnstileSiteKey.value && !turnstileToken.value) {
      requestFailed.value = { kind: "securityWait" };
      return;
    }
    const body = requestBody(request.value, deps.locale.value, turnstileToken.value);
    const attempt = (requestAttempt = attemptFor(requestAttempt, fingerprint(body), deps.newKey));
    const sender = visitor;
    sending.value = true;
    requestFailed.value = null;
    try {
      const result = await deps.sendRequest(body, attempt.key);
      if (sender !== visitor) return;
      batch(() => {
        requested.value = { result, email: body.email ?? null, phone: body.phone ?? null };
        request.value = { ...request.value, wish: "", consent: false };
        turnstileToken.value = null;
      });
      requestAttempt = null;
      deps.go("requestDone");
    } catch (error) {
      if (!refusalIsFor(sender, "request")) return;
      const f = refusal(error, requestFailure);
      if (!f) return;
      if (f.kind === "changed") requestAttempt = null;
      if (f.kind === "field") {
        batch(() => {
          requestErrors.value = { [f.field]: f.error };
          attempts.value++;
        });
      } else {
        requestFailed.value = f;
      }
    } finally {
      if (sender === visitor) sending.value = false;
    }
  }

  /** Forgets everything the visitor chose or typed (the kiosk's next visitor starts afresh). */
  function reset(): void {
    visitor++;
    batch(() => {
      topicKey.value = null;
      topicError.value = false;
      day.value = null;
      slot.value = null;
      details.value = EMPTY_DETAILS;
      detailsErrors.value = {};
      failure.value = null;
      booked.value = null;
      request.value = EMPTY_REQUEST;
      requestErrors.value = {};
      requestFailed.value = null;
      requested.value = null;
      sending.value = false;
      turnstileToken.value = null;
    });
    bookingAttempt = null;
    requestAttempt = null;
  }

  return {
    slots,
    topicKey,
    topicError,
    day,
    slot,
    details,
    detailsErrors,
    attempts,
    sending,
    failure,
    booked,
    request,
    requestErrors,
    requestFailed,
    requested,
    turnstileToken,
    turnstileResets,
    turnstileSiteKey,
    bookableTopics,
    chosenTopic,
    generalTopic,
    chosenDay,
    chooseTopic,
    confirmTopic,
    retrySlots,
    chooseDay,
    chooseSlot,
    setDetail,
    confirmDetails,
    submitBooking,
    chooseOtherTime,
    bookAnother,
    openRequest,
    setRequest,
    submitRequest,
    reset,
  };
}
