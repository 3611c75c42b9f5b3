/*
 * The booking page's steps as browser history entries, as pure functions: which step can be shown with
 * what the store knows, where "back" leads, and the step count in the headings. The store (state.ts)
 * feeds them; tests/kiosk/booking-rules.test.ts holds them still.
 */
import type { Step } from "../shared/booking-rules";

const STEPS: readonly Step[] = ["topic", "day", "time", "details", "review", "done", "request", "requestDone"];

/** The numbered steps of a booking; the confirmation and the request form stand apart. */
const NUMBERED: readonly Step[] = ["topic", "day", "time", "details", "review"];

export function isStep(value: unknown): value is Step {
  return STEPS.includes(value as Step);
}

/** "Schritt 2 von 5": the step's number and the count, or undefined for steps outside the count. */
export function stepCount(step: Step): [number, number] | undefined {
  const i = NUMBERED.indexOf(step);
  return i < 0 ? undefined : [i + 1, NUMBERED.length];
}

/** What the store knows, as far as it decides which steps can be shown. */
export interface Facts {
  topic: boolean;
  day: boolean;
  slot: boolean;
  detailsValid: boolean;
  booked: boolean;
  requested: boolean;
}

export function canShow(step: Step, f: Facts): boolean {
  switch (step) {
    case "topic":
    case "request":
      return true;
    case "day":
      return f.topic;
    case "time":
      return f.topic && f.day;
    case "details":
      return f.topic && f.slot;
    case "review":
      return f.topic && f.slot && f.detailsValid;
    case "done":
      return f.booked;
    case "requestDone":
      return f.requested;
  }
}

/** Where to fall back to, step by step, when a step cannot be shown. */
const FALLBACK: Readonly<Record<Step, Step | null>> = {
  topic: null,
  day: "topic",
  time: "day",
  details: "time",
  review: "details",
  done: "time",
  request: "topic",
  requestDone: "request",
};

/**
 * The step to show when the history asks for `wanted`: that step if the store can show it, else the
 * nearest earlier one that it can (after a booking the slot is gone, so "back" from the confirmation
 * lands on the day's times, not on a review that would book again).
 */
export function resolveStep(wanted: string | null, f: Facts): Step {
  let step: Step | null = isStep(wanted) ? wanted : "topic";
  while (step !== null && !canShow(step, f)) step = FALLBACK[step];
  return step ?? "topic";
}

/** The step a "Zurück" button leads to; the request form goes back to where it was opened. */
export function previousStep(step: Step, requestFrom: Step): Step | null {
  switch (step) {
    case "request":
      return requestFrom;
    case "topic":
    case "done":
    case "requestDone":
      return null;
    default:
      return FALLBACK[step];
  }
}
