/*
 * The kiosk's screens and the rules between them, as pure functions: where "Zurück" leads, which
 * screens the inactivity reset clears, and what an API answer means for the visitor. The store
 * (state.ts) follows them; tests/kiosk/kiosk-screens.test.ts holds them still.
 */
import type { ApiError, ApiErrorCode } from "../shared/api";

export type Screen =
  /** Staff: this tablet is not paired (yet, or no longer). */
  | "pair"
  /** Open: "Ich habe einen Termin" / "Ohne Termin". Closed: the next opening, book here. */
  | "start"
  /** "Worum geht es?": the walk-in concerns. */
  | "topics"
  /** The walk-in number. */
  | "ticket"
  /** The keypad for the check-in code. */
  | "checkin"
  /** The camera, reading the QR code from the mail. */
  | "scan"
  /** Checked in: the welcome and the appointment number. */
  | "welcome"
  /** Check-in refused: too early, too late, another day, cancelled, already, unknown. */
  | "refused"
  /** No answer from the server while a number was being asked for: "Bitte wenden Sie sich an das Personal". */
  | "noConnection"
  // Booking on the spot, and a request "nach Vereinbarung".
  | "bookTopic"
  | "bookDay"
  | "bookTime"
  | "bookDetails"
  | "bookReview"
  | "bookDone"
  | "request"
  | "requestDone"
  /** Impressum, privacy notice or accessibility statement, on the tablet itself (nobody has to leave the kiosk to read them). */
  | "legal";

/** Where the "Zurück" button of a screen leads; null where there is none (the start, results). */
export function previousScreen(screen: Screen, requestFrom: Screen = "start"): Screen | null {
  switch (screen) {
    case "topics":
    case "checkin":
    case "bookTopic":
    case "legal":
      return "start";
    case "scan":
      return "checkin";
    case "bookDay":
      return "bookTopic";
    case "bookTime":
      return "bookDay";
    case "bookDetails":
      return "bookTime";
    case "bookReview":
      return "bookDetails";
    case "request":
      return requestFrom;
    default:
      return null;
  }
}

/** What the store knows when the minute without a touch is over. */
export interface IdleFacts {
  screen: Screen;
  /** The language on show: the next visitor starts in German. */
  locale: string;
  /** A number or a check-in is on its way (or being retried): it must reach the visitor, not vanish. */
  busy: boolean;
}

/**
 * Whether the minute without a touch resets the kiosk: everywhere a visitor can have left something
 * (typed, chosen, a number on screen, another language), never on the pairing screen (staff) and never
 * while a number is on its way.
 */
export function resetsOnIdle(f: IdleFacts): boolean {
  if (f.busy || f.screen === "pair") return false;
  return f.screen !== "start" || f.locale !== "de";
}

/** Whether the tablet asks "Sind Sie noch da?" before the reset: wherever there is something to lose. */
export function warnsBeforeReset(f: IdleFacts): boolean {
  return resetsOnIdle(f) && f.screen !== "start";
}

/** An API error as far as the kiosk decides on it. */
export type ErrorLike = Pick<ApiError, "code" | "status">;

/**
 * No usable answer: no connection, a proxy's error page, or a server error. Worth trying again with
 * the same idempotency key (nothing was issued twice), while the screen asks the visitor to see staff.
 * A refusal of the API is final, also one with a code this page does not know (`unknown`): retrying
 * it would hold the tablet busy for good.
 */
export function isTransient(e: ErrorLike): boolean {
  return e.code === "network" || e.code === "bad_response" || e.status >= 500;
}

/** Why a check-in was refused, each with its own explanation on the screen. */
export type Refusal = "tooEarly" | "tooLate" | "otherDay" | "cancelled" | "already" | "unknown";

export type CheckinOutcome =
  | { kind: "refused"; refusal: Refusal }
  | { kind: "unpaired" }
  | { kind: "retry" }
  | { kind: "other" };

const REFUSALS: Readonly<Partial<Record<ApiErrorCode, Refusal>>> = {
  checkin_too_early: "tooEarly",
  checkin_too_late: "tooLate",
  checkin_other_day: "otherDay",
  booking_cancelled: "cancelled",
  already_checked_in: "already",
  unknown_code: "unknown",
  // A code the API's schema refuses (too long) is no code of ours either.
  invalid_request: "unknown",
};

/** What a failed `POST /api/kiosk/checkin` means for the visitor. */
export function checkinOutcome(e: ErrorLike): CheckinOutcome {
  if (e.status === 401) return { kind: "unpaired" };
  const refusal = REFUSALS[e.code];
  if (refusal) return { kind: "refused", refusal };
  return isTransient(e) ? { kind: "retry" } : { kind: "other" };
}

/** Whether a refusal offers a walk-in number (only while numbers are given out, i.e. the office is open). */
export function offersWalkIn(refusal: Refusal, open: boolean): boolean {
  return open && (refusal === "tooLate" || refusal === "otherDay" || refusal === "cancelled");
}

export type TicketOutcome = "unpaired" | "retry" | "closed" | "topicGone" | "other";

/** What a failed `POST /api/kiosk/tickets` means for the visitor. */
export function ticketOutcome(e: ErrorLike): TicketOutcome {
  if (e.status === 401) return "unpaired";
  if (e.code === "office_closed") return "closed";
  if (e.code === "unknown_topic") return "topicGone";
  return isTransient(e) ? "retry" : "other";
}

/**
 * Milliseconds before the `attempt`-th retry (0-based) after no answer: 2, 4, 8, then every 15 seconds.
 * Coming back online retries at once anyway.
 */
export function retryDelay(attempt: number): number {
  return Math.min(15_000, 2_000 * 2 ** Math.max(0, attempt));
}

/**
 * When check-in opens, from a `checkin_too_early` refusal's details (schemas/kiosk.ts CheckinTooEarlyError):
 * the ISO time, or null when the answer carries none (an older Worker), and the screen says it without.
 */
export function checkinOpensAt(e: { code: string; details?: Record<string, unknown> | undefined }): string | null {
  const opensAt = e.code === "checkin_too_early" ? e.details?.["opensAt"] : undefined;
  return typeof opensAt === "string" && Number.isFinite(Date.parse(opensAt)) ? opensAt : null;
}
