/*
 * The tablet kiosk's calls (kept apart from api.ts so the booking page's bundle does not carry them).
 * Every call but pairing carries the device's token.
 */
import type { BookingCreate, BookingCreated, RequestCreate, RequestCreated } from "../../schemas/bookings";
import type { CheckedIn, KioskState, Paired, TicketView } from "../../schemas/kiosk";
import type { Locale } from "../../common/i18n/languages";
import { ApiError, call } from "./api";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** `POST /api/devices/pair`: a one-time pairing code → this device's token. */
export function pairDevice(code: string): Promise<Paired> {
  return call("/api/devices/pair", { method: "POST", body: { code } });
}

/** Why a pairing code did not pair this screen, in the words its pairing screen shows. */
export type PairProblem = "unknown" | "wrongKind" | "failed";

/**
 * Pairs this screen as a `kind` device with a typed code: its token, or why not. A code the office does
 * not know (or a malformed one) is "unknown", a code made for another kind of device "wrongKind" (the
 * token it brought is not kept), anything else "failed" (network, server: the code may still work).
 * `pair` is the API call unless a test passes its own.
 */
export async function pairAs(
  kind: Paired["kind"],
  code: string,
  pair: (code: string) => Promise<Paired> = pairDevice,
): Promise<{ token: string } | { problem: PairProblem }> {
  try {
    const paired = await pair(code);
    return paired.kind === kind ? { token: paired.token } : { problem: "wrongKind" };
  } catch (error) {
    if (!(error instanceof ApiError)) console.warn(error);
    const refusal = error instanceof ApiError ? error.code : "other";
    return { problem: refusal === "unknown_code" || refusal === "invalid_request" ? "unknown" : "failed" };
  }
}

/** `GET /api/kiosk/state`: open or not, the next opening, how many wait, the walk-in topics. */
export function getKioskState(token: string, signal?: AbortSignal): Promise<KioskState> {
  return call("/api/kiosk/state", { headers: bearer(token), signal });
}

/** `POST /api/kiosk/tickets`: a walk-in number. The same key on a retry answers the same number. */
export function takeTicket(token: string, topic: string, locale: Locale, idempotencyKey: string): Promise<TicketView> {
  return call("/api/kiosk/tickets", { method: "POST", body: { topic, locale }, headers: { ...bearer(token), "idempotency-key": idempotencyKey } });
}

/** `POST /api/kiosk/checkin`: a check-in code → the visitor's number (its status page in `locale`). */
export function checkIn(token: string, code: string, locale: Locale, idempotencyKey: string): Promise<CheckedIn> {
  return call("/api/kiosk/checkin", { method: "POST", body: { code, locale }, headers: { ...bearer(token), "idempotency-key": idempotencyKey } });
}

/** `POST /api/kiosk/bookings`: booking on the spot, as `POST /api/bookings` without Turnstile. */
export function createKioskBooking(token: string, body: BookingCreate, idempotencyKey: string): Promise<BookingCreated> {
  return call("/api/kiosk/bookings", { method: "POST", body, headers: { ...bearer(token), "idempotency-key": idempotencyKey } });
}

/** `POST /api/kiosk/requests`: a request "nach Vereinbarung" from the tablet. */
export function createKioskRequest(token: string, body: RequestCreate, idempotencyKey: string): Promise<RequestCreated> {
  return call("/api/kiosk/requests", { method: "POST", body, headers: { ...bearer(token), "idempotency-key": idempotencyKey } });
}
