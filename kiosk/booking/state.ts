/*
 * The booking page's store: the booking flow (../shared/booking-flow.ts) with the page's own API calls
 * and its steps as browser history entries, plus what only this page has: the office's loading state,
 * the privacy notice in place of a step, and the tab's title. Components read these signals and call
 * the actions; the step rules are in steps.ts.
 */
import { signal } from "@preact/signals";
import { createBooking, createRequest, newKey } from "../shared/api";
import { createBookingFlow } from "../shared/booking-flow";
import { type Step, validateDetails } from "../shared/booking-rules";
import { createStepHistory, requestFocus } from "../shared/history";
import { t } from "../shared/i18n/flow";
import { locale, syncDocument } from "../shared/locale";
import { loadOffice, office } from "../shared/office";
import { createSlotsStore } from "../shared/slots";
import { previousStep, resolveStep } from "./steps";

export const step = signal<Step>("topic");

export const flow = createBookingFlow({
  sendBooking: createBooking,
  sendRequest: createRequest,
  go: (next) => nav.go(next),
  office,
  locale,
  slots: createSlotsStore(),
  newKey,
  turnstile: true,
});

/** Whether `GET /api/location` answered; without it there are no topics to show. */
export const officePhase = signal<"loading" | "ready" | "error">("loading");
/** The step the request form was opened from, where its "Zurück" leads. */
let requestFrom: Step = "day";

/** The privacy notice (`#datenschutz`) shows in place of the current step. */
export const privacyOpen = signal(false);
let privacyOpenedHere = false;

const nav = createStepHistory<Step>({
  step,
  resolve: (wanted) =>
    resolveStep(wanted, {
      topic: flow.topicKey.value !== null,
      day: flow.day.value !== null,
      slot: flow.slot.value !== null,
      detailsValid: Object.keys(validateDetails(flow.details.value)).length === 0,
      booked: flow.booked.value !== null,
      requested: flow.requested.value !== null,
    }),
  previous: (s) => previousStep(s, requestFrom),
  // The privacy notice's #datenschutz stays when the page starts on it; other fragments (#main) go.
  url: () => location.pathname + location.search + (location.hash === "#datenschutz" ? location.hash : ""),
});
export const visit = nav.visit;
export const back = nav.back;
export const goTo = nav.go;

/** The request form; its "Zurück" leads back to the step it was opened from. */
export function openRequest(): void {
  requestFrom = step.value;
  flow.openRequest();
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
