/*
 * The booking page's store: what the page knows and the only place that fetches or decides. Components
 * read these signals and call the actions; the rules themselves are in flow.ts and ../shared/days.ts.
 */
import { batch, computed, signal } from "@preact/signals";
import type { BookingCreated, RequestCreated } from "../../schemas/bookings";
import type { Topic } from "../../schemas/location";
import type { Slot } from "../../schemas/slots";
import { ApiError, createBooking, createRequest } from "../shared/api";
import { dayOf } from "../shared/days";
import { createStepHistory, requestFocus } from "../shared/history";
import { locale, syncDocument, t } from "../shared/locale";
import { loadOffice, office } from "../shared/office";
import { createSlotsStore } from "../shared/slots";
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
  previousStep,
  recheckField,
  requestBody,
  type RequestDraft,
  requestFailure,
  type RequestField,
  resolveStep,
  type Step,
  validateDetails,
  validateRequest,
} from "./flow";

export const step = signal<Step>("topic");
/** The chosen topic's key; null until one is chosen. */
export const topicKey = signal<string | null>(null);
export const topicError = signal(false);
export const day = signal<string | null>(null);
export const slot = signal<Slot | null>(null);
export const details = signal<Details>(EMPTY_DETAILS);
export const detailsErrors = signal<Errors<DetailsField>>({});
/** Counts submits that found errors: the error summary takes the focus on each. */
export const attempts = signal(0);

export const sending = signal(false);
export const failure = signal<Failure | null>(null);
export const booked = signal<{ result: BookingCreated; email: string; topic: Topic } | null>(null);
let attempt: Attempt | null = null;

/** The Turnstile token for the next submit (only when the office has Turnstile on). */
export const turnstileToken = signal<string | null>(null);
export const turnstileResets = signal(0);
export const turnstileUnavailable = signal(false);

export const request = signal<RequestDraft>(EMPTY_REQUEST);
export const requestErrors = signal<Errors<RequestField>>({});
export const requestFailed = signal<Failure<RequestField> | null>(null);
export const requested = signal<{ result: RequestCreated; email: string } | null>(null);
/** The step the request form was opened from, where its "Zurück" leads. */
let requestFrom: Step = "day";

/** The privacy notice (`#datenschutz`) shows in place of the current step. */
export const privacyOpen = signal(false);
let privacyOpenedHere = false;

export const slots = createSlotsStore();
/** Whether `GET /api/location` answered; without it there are no topics to show. */
export const officePhase = signal<"loading" | "ready" | "error">("loading");
export const bookableTopics = computed<Topic[]>(() => office.value?.topics.filter((tp) => tp.bookableOnline) ?? []);
export const chosenTopic = computed(() => bookableTopics.value.find((tp) => tp.key === topicKey.value) ?? null);
/** The topic to suggest when someone is not sure: the first one for everyone of the basic length. */
export const generalTopic = computed(
  () =>
    bookableTopics.value.find((tp) => tp.audience === "everyone" && tp.durationMinutes === office.value?.booking.slotMinutes) ??
    null,
);
export const chosenDay = computed(() => dayOf(slots.days.value, day.value));
export const turnstileSiteKey = computed(() => office.value?.turnstileSiteKey ?? null);

const nav = createStepHistory<Step>({
  step,
  resolve: (wanted) =>
    resolveStep(wanted, {
      topic: topicKey.value !== null,
      day: day.value !== null,
      slot: slot.value !== null,
      detailsValid: Object.keys(validateDetails(details.value)).length === 0,
      booked: booked.value !== null,
      requested: requested.value !== null,
    }),
  previous: (s) => previousStep(s, requestFrom),
  // The privacy notice's #datenschutz stays when the page starts on it; other fragments (#main) go.
  url: () => location.pathname + location.search + (location.hash === "#datenschutz" ? location.hash : ""),
});
export const visit = nav.visit;
export const back = nav.back;
export const goTo = nav.go;

// Topic, day, time

/** Chooses a topic and loads its slots at once, so the days are there when "Weiter" is pressed. */
export function chooseTopic(key: string): void {
  batch(() => {
    if (key !== topicKey.value) {
      day.value = null;
      slot.value = null;
    }
    topicKey.value = key;
    topicError.value = false;
  });
  void slots.load(key);
}

export function confirmTopic(): void {
  if (topicKey.value === null) {
    topicError.value = true;
    attempts.value++;
    return;
  }
  void slots.load(topicKey.value);
  nav.go("day");
}

/** After a failed load: tries again. */
export function retrySlots(): void {
  if (topicKey.value !== null) void slots.load(topicKey.value, true);
}

export function chooseDay(date: string): void {
  day.value = date;
  nav.go("time");
}

export function chooseSlot(s: Slot): void {
  batch(() => {
    slot.value = s;
    failure.value = null;
  });
  nav.go("details");
}

// Contact details and review

/** Updates one field; an error shown for it goes away as soon as the field is right. */
export function setDetail<F extends DetailsField>(field: F, value: Details[F]): void {
  const next = { ...details.value, [field]: value };
  details.value = next;
  detailsErrors.value = recheckField(detailsErrors.value, field, validateDetails(next));
}

/** "Weiter" on the contact form: shows the errors, or goes on to the review with its idempotency key. */
export function confirmDetails(): void {
  const errors = validateDetails(details.value);
  detailsErrors.value = errors;
  if (Object.keys(errors).length > 0) {
    attempts.value++;
    return;
  }
  prepareAttempt();
  failure.value = null;
  nav.go("review");
}

function currentBody() {
  return bookingBody(slot.value!.start, topicKey.value!, details.value, locale.value, turnstileToken.value);
}

function prepareAttempt(): void {
  attempt = attemptFor(attempt, fingerprint(currentBody()), newKey);
}

function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
}

/** "Termin verbindlich buchen". A second click while the first is on its way does nothing. */
export async function submitBooking(): Promise<void> {
  if (sending.value || !slot.value || !topicKey.value) return;
  if (turnstileSiteKey.value && !turnstileToken.value) {
    failure.value = { kind: "securityWait" };
    return;
  }
  const body = currentBody();
  // The review may have been reached before a language switch; the key follows the body.
  attempt = attemptFor(attempt, fingerprint(body), newKey);
  sending.value = true;
  failure.value = null;
  try {
    const result = await createBooking(body, attempt.key);
    const topic = chosenTopic.value!;
    batch(() => {
      booked.value = { result, email: body.email, topic };
      slot.value = null;
      details.value = { ...details.value, note: "", consent: false };
      turnstileToken.value = null;
    });
    attempt = null;
    nav.go("done");
    void slots.load(topic.key, true);
  } catch (error) {
    const f = error instanceof ApiError ? bookingFailure(error) : { kind: "other" as const };
    if (!(error instanceof ApiError)) console.warn(error);
    if (turnstileSiteKey.value) turnstileResets.value++;
    if (f.kind === "changed") attempt = null;
    if (f.kind === "field") {
      batch(() => {
        detailsErrors.value = { [f.field]: f.error };
        attempts.value++;
      });
      nav.go("details");
    } else {
      failure.value = f;
    }
  } finally {
    sending.value = false;
  }
}

/** After "this time is gone": fresh slots, and the same day's times (or the days, if none are left). */
export function chooseOtherTime(): void {
  const key = topicKey.value;
  batch(() => {
    slot.value = null;
    failure.value = null;
  });
  if (key) void slots.load(key, true);
  nav.go("time");
}

/** From the confirmation: the same person books again; the topic and contact stay, the time does not. */
export function bookAnother(): void {
  batch(() => {
    day.value = null;
    slot.value = null;
  });
  nav.go("topic");
}

// Request "nach Vereinbarung"

export function openRequest(): void {
  requestFrom = step.value;
  const d = details.value;
  const r = request.value;
  request.value = {
    ...r,
    topic: r.topic ?? topicKey.value,
    name: r.name || d.name,
    email: r.email || d.email,
    phone: r.phone || d.phone,
  };
  requestFailed.value = null;
  nav.go("request");
}

export function setRequest<F extends RequestField>(field: F, value: RequestDraft[F]): void {
  const next = { ...request.value, [field]: value };
  request.value = next;
  requestErrors.value = recheckField(requestErrors.value, field, validateRequest(next));
}

export async function submitRequest(): Promise<void> {
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
  sending.value = true;
  requestFailed.value = null;
  const body = requestBody(request.value, locale.value, turnstileToken.value);
  try {
    const result = await createRequest(body);
    batch(() => {
      requested.value = { result, email: body.email };
      request.value = { ...request.value, wish: "", consent: false };
      turnstileToken.value = null;
    });
    nav.go("requestDone");
  } catch (error) {
    const f = error instanceof ApiError ? requestFailure(error) : { kind: "other" as const };
    if (!(error instanceof ApiError)) console.warn(error);
    if (turnstileSiteKey.value) turnstileResets.value++;
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

// Privacy notice

function syncPrivacy(): void {
  const open = location.hash === "#datenschutz";
  if (open === privacyOpen.value) return;
  privacyOpen.value = open;
  requestFocus();
}

/** "Zurück" on the privacy notice: back where it was opened, or to the first step when it was the start. */
export function closePrivacy(): void {
  if (privacyOpenedHere) {
    history.back();
    return;
  }
  history.replaceState(history.state, "", location.pathname + location.search);
  privacyOpen.value = false;
  requestFocus();
}

const TITLES: Readonly<Record<Step, (s: typeof t.value) => string>> = {
  topic: (s) => s.title,
  day: (s) => s.dayHeading,
  time: (s) => s.timeHeading,
  details: (s) => s.detailsHeading,
  review: (s) => s.reviewHeading,
  done: (s) => s.doneHeading,
  request: (s) => s.requestHeading,
  requestDone: (s) => s.requestDoneHeading,
};

/** Loads the office, takes over the history and keeps the title naming the step on show. */
export function start(): void {
  privacyOpen.value = location.hash === "#datenschutz";
  addEventListener("hashchange", () => {
    privacyOpenedHere = location.hash === "#datenschutz";
    syncPrivacy();
  });
  addEventListener("popstate", syncPrivacy);
  nav.start();
  syncDocument(() => {
    const s = t.value;
    const name = office.value?.shortName;
    const here = privacyOpen.value ? s.privacyHeading : TITLES[step.value](s);
    const parts = here === s.title ? [s.title] : [here, s.title];
    if (name) parts.push(name);
    return parts.join(" – ");
  });
  retryOffice();
}

/** Loads the office (again, after it failed). */
export function retryOffice(): void {
  officePhase.value = "loading";
  loadOffice().then(
    () => (officePhase.value = "ready"),
    (error: unknown) => {
      console.warn(error);
      officePhase.value = "error";
    },
  );
}
