/*
 * Booking on the spot at the tablet (and a request "nach Vereinbarung"): the booking page's flow
 * (../shared/booking-flow.ts) with each step as a kiosk screen, sent with the device's token to
 * /api/kiosk/bookings and /api/kiosk/requests. The mail with the invite goes out as for an online booking.
 */
import { signal } from "@preact/signals";
import { ApiError, newKey } from "../shared/api";
import { createKioskBooking, createKioskRequest } from "../shared/api-kiosk";
import { createBookingFlow } from "../shared/booking-flow";
import type { Step } from "../shared/booking-rules";
import { locale } from "../shared/locale";
import { office, reloadOffice } from "../shared/office";
import { createSlotsStore } from "../shared/slots";
import { forgetDevice, token } from "./device";
import { go, screen } from "./nav";
import type { Screen } from "./screens";

/** The screen that shows each step of the flow. */
const SCREENS: Readonly<Record<Step, Screen>> = {
  topic: "bookTopic",
  day: "bookDay",
  time: "bookTime",
  details: "bookDetails",
  review: "bookReview",
  done: "bookDone",
  request: "request",
  requestDone: "requestDone",
};

/** Shows a step of the flow as its screen. */
export function showStep(step: Step): void {
  go(SCREENS[step]);
}

/** The paired tablet's token; a tablet without one asks staff to pair it, as after a 401. */
function device(): string {
  const t = token.value;
  if (!t) throw new ApiError("unauthorized", "This tablet is not paired.", 401);
  return t;
}

export const flow = createBookingFlow({
  sendBooking: (body, key) => createKioskBooking(device(), body, key),
  sendRequest: (body, key) => createKioskRequest(device(), body, key),
  go: showStep,
  office,
  locale,
  slots: createSlotsStore(),
  newKey,
  // A paired tablet needs no Turnstile check.
  turnstile: false,
  // A refusal for a screen the visitor has left is not shown there (a success always is).
  stillOn: (step) => screen.value === SCREENS[step],
  onUnauthorized: forgetDevice,
});

/** Where the request form's "Zurück" leads. */
export const requestFrom = signal<Screen>("start");

/** "Termin buchen": the office afresh (today may have changed since the tablet started), then the topics. */
export function startBooking(): void {
  void reloadOffice().catch((error: unknown) => console.warn(error));
  showStep("topic");
}

/** A topic was tapped: its free days load while the next screen appears. */
export function chooseTopic(key: string): void {
  flow.chooseTopic(key);
  flow.confirmTopic();
}

/** "Termin nach Vereinbarung anfragen", from the start screen or a booking step. */
export function openRequest(): void {
  requestFrom.value = screen.value;
  if (!office.value) void reloadOffice().catch((error: unknown) => console.warn(error));
  flow.openRequest();
}
