/*
 * Booking on the spot at the tablet (and a request "nach Vereinbarung"): the booking page's own rules
 * (../booking/flow.ts: validation, bodies, what an error means, one idempotency key per submission), its
 * day and time data (../shared/slots.ts), sent with the device's token to /api/kiosk/bookings and
 * /api/kiosk/requests. The mail with the invite goes out as for an online booking.
 */
import { batch, computed, signal } from "@preact/signals";
import type { BookingCreated, RequestCreated } from "../../schemas/bookings";
import type { Topic } from "../../schemas/location";
import type { Slot } from "../../schemas/slots";
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
  validateDetails,
  validateRequest,
} from "../booking/flow";
import { ApiError } from "../shared/api";
import { createKioskBooking, createKioskRequest } from "../shared/api-kiosk";
import { dayOf } from "../shared/days";
import { locale } from "../shared/locale";
import { office, reloadOffice } from "../shared/office";
import { createSlotsStore } from "../shared/slots";
import { forgetDevice, newKey, token } from "./device";
import { go, screen } from "./nav";
import type { Screen } from "./screens";

export const slots = createSlotsStore();
export const topicKey = signal<string | null>(null);
export const day = signal<string | null>(null);
export const slot = signal<Slot | null>(null);
export const details = signal<Details>(EMPTY_DETAILS);
export const detailsErrors = signal<Errors<DetailsField>>({});
/** Counts submits that found errors: the error summary takes the focus on each. */
export const attempts = signal(0);
export const sending = signal(false);
export const failure = signal<Failure | null>(null);
export const booked = signal<{ result: BookingCreated; email: string; topic: Topic } | null>(null);

export const request = signal<RequestDraft>(EMPTY_REQUEST);
export const requestErrors = signal<Errors<RequestField>>({});
export const requestFailed = signal<Failure<RequestField> | null>(null);
export const requested = signal<{ result: RequestCreated; email: string } | null>(null);
/** Where the request form's "Zurück" leads. */
export const requestFrom = signal<Screen>("start");

let bookingAttempt: Attempt | null = null;
let requestAttempt: Attempt | null = null;

export const bookableTopics = computed<Topic[]>(() => office.value?.topics.filter((tp) => tp.bookableOnline) ?? []);
export const chosenTopic = computed(() => bookableTopics.value.find((tp) => tp.key === topicKey.value) ?? null);
export const chosenDay = computed(() => dayOf(slots.days.value, day.value));

/** Forgets everything a visitor chose or typed (the inactivity reset, "Zum Anfang"). */
export function resetBooking(): void {
  batch(() => {
    topicKey.value = null;
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
  });
  bookingAttempt = null;
  requestAttempt = null;
}

/** "Termin buchen": the office afresh (today may have changed since the tablet started), then the topics. */
export function startBooking(): void {
  void reloadOffice().catch((error: unknown) => console.warn(error));
  go("bookTopic");
}

/** A topic was tapped: its free days load while the next screen appears. */
export function chooseTopic(key: string): void {
  batch(() => {
    if (key !== topicKey.value) {
      day.value = null;
      slot.value = null;
    }
    topicKey.value = key;
  });
  void slots.load(key, true);
  go("bookDay");
}

export function retrySlots(): void {
  if (topicKey.value) void slots.load(topicKey.value, true);
}

export function chooseDay(date: string): void {
  day.value = date;
  go("bookTime");
}

export function chooseSlot(s: Slot): void {
  batch(() => {
    slot.value = s;
    failure.value = null;
  });
  go("bookDetails");
}

/** Updates one field; an error shown for it goes away as soon as the field is right. */
export function setDetail<F extends DetailsField>(field: F, value: Details[F]): void {
  const next = { ...details.value, [field]: value };
  details.value = next;
  detailsErrors.value = recheckField(detailsErrors.value, field, validateDetails(next));
}

function currentBody() {
  return bookingBody(slot.value!.start, topicKey.value!, details.value, locale.value);
}

/** "Weiter" on the contact form: the errors, or the review (with the key this submission will use). */
export function confirmDetails(): void {
  const errors = validateDetails(details.value);
  detailsErrors.value = errors;
  if (Object.keys(errors).length > 0) {
    attempts.value++;
    return;
  }
  bookingAttempt = attemptFor(bookingAttempt, fingerprint(currentBody()), newKey);
  failure.value = null;
  go("bookReview");
}

/** "Termin verbindlich buchen". A second tap while the first is on its way does nothing. */
export async function submitBooking(): Promise<void> {
  const device = token.value;
  if (sending.value || !slot.value || !topicKey.value || !device) return;
  const body = currentBody();
  bookingAttempt = attemptFor(bookingAttempt, fingerprint(body), newKey);
  sending.value = true;
  failure.value = null;
  try {
    const result = await createKioskBooking(device, body, bookingAttempt.key);
    if (screen.value !== "bookReview") return; // the visitor left (or the tablet reset) meanwhile
    booked.value = { result, email: body.email, topic: chosenTopic.value! };
    bookingAttempt = null;
    go("bookDone");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return forgetDevice();
    const f = error instanceof ApiError ? bookingFailure(error) : { kind: "other" as const };
    if (!(error instanceof ApiError)) console.warn(error);
    if (f.kind === "changed") bookingAttempt = null;
    if (f.kind === "field") {
      batch(() => {
        detailsErrors.value = { [f.field]: f.error };
        attempts.value++;
      });
      go("bookDetails");
    } else {
      failure.value = f;
    }
  } finally {
    sending.value = false;
  }
}

/** After "this time is gone": fresh slots, and the same day's times. */
export function chooseOtherTime(): void {
  batch(() => {
    slot.value = null;
    failure.value = null;
  });
  retrySlots();
  go("bookTime");
}

// Request "nach Vereinbarung"

export function openRequest(): void {
  requestFrom.value = screen.value;
  if (!office.value) void reloadOffice().catch((error: unknown) => console.warn(error));
  const d = details.value;
  const r = request.value;
  request.value = { ...r, topic: r.topic ?? topicKey.value, name: r.name || d.name, email: r.email || d.email, phone: r.phone || d.phone };
  requestFailed.value = null;
  go("request");
}

export function setRequest<F extends RequestField>(field: F, value: RequestDraft[F]): void {
  const next = { ...request.value, [field]: value };
  request.value = next;
  requestErrors.value = recheckField(requestErrors.value, field, validateRequest(next));
}

export async function submitRequest(): Promise<void> {
  const device = token.value;
  if (sending.value || !device) return;
  const errors = validateRequest(request.value);
  requestErrors.value = errors;
  if (Object.keys(errors).length > 0) {
    attempts.value++;
    return;
  }
  const body = requestBody(request.value, locale.value);
  requestAttempt = attemptFor(requestAttempt, JSON.stringify(body), newKey);
  sending.value = true;
  requestFailed.value = null;
  try {
    const result = await createKioskRequest(device, body, requestAttempt.key);
    if (screen.value !== "request") return;
    requested.value = { result, email: body.email };
    requestAttempt = null;
    go("requestDone");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return forgetDevice();
    const f = error instanceof ApiError ? requestFailure(error) : { kind: "other" as const };
    if (!(error instanceof ApiError)) console.warn(error);
    if (f.kind === "changed") requestAttempt = null;
    if (f.kind === "field") {
      requestErrors.value = { [f.field]: f.error };
      attempts.value++;
    } else {
      requestFailed.value = f;
    }
  } finally {
    sending.value = false;
  }
}
