/*
 * The front ends' client for the Worker's API. Types only come from the shared schemas: importing zod
 * here would put the validator into every page bundle.
 */
import { isErrorCode, type ErrorCode } from "../../common/error-codes";
import type { LegalDocument, LegalLang, LegalPage } from "../../common/legal/types";
import type { BookingCreate, BookingCreated, ManagedBooking, RequestCreate, RequestCreated } from "../../schemas/bookings";
import type { Erased } from "../../schemas/data-subjects";
import type { ErrorBody } from "../../schemas/common";
import type { TicketView } from "../../schemas/kiosk";
import type { LocationResponse } from "../../schemas/location";
import type { PublicSlotsQuery, SlotsResponse } from "../../schemas/slots";

/**
 * The codes a page can meet: the API's own (common/error-codes.ts) and three of the page's own.
 * `network`: no answer came. `bad_response`: the answer was not the API's JSON (a proxy's page, a
 * cut-off body); only its status says anything. `unknown`: the API's error answer with a code this
 * bundle does not know yet (a tablet still running the page from before a deploy that added it); a
 * refusal like any other, never worth a retry unless its status is a 5xx.
 */
export type ApiErrorCode = ErrorCode | "network" | "bad_response" | "unknown";

/**
 * A failed API call. `status` is the answer's HTTP status (0 without an answer); `retryAfter` is the
 * Retry-After header in seconds, when the API sent one (429).
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: number,
    readonly field?: string,
    readonly retryAfter?: number,
    /** The API's `error.details`, for the codes that carry some (read by the page that expects them). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The API's error (`{ error: { code, message, field? } }`, schemas/common.ts), or null for any other JSON. */
function apiErrorOf(json: unknown): ErrorBody["error"] | null {
  if (typeof json !== "object" || json === null || !("error" in json)) return null;
  const error = json.error;
  if (typeof error !== "object" || error === null || !("code" in error) || !("message" in error)) return null;
  const { code, message } = error;
  if (typeof code !== "string" || typeof message !== "string") return null;
  const field = "field" in error && typeof error.field === "string" ? error.field : undefined;
  const details = "details" in error && typeof error.details === "object" && error.details !== null && !Array.isArray(error.details)
    ? (error.details as Record<string, unknown>)
    : undefined;
  return { code, message, ...(field === undefined ? {} : { field }), ...(details === undefined ? {} : { details }) };
}

/** The `ApiError` for an answer that is not ok, from the API's error body (`json`) when it sent one. */
export function answerError(path: string, res: Response, json: unknown): ApiError {
  const retryAfter = Number(res.headers.get("retry-after")) || undefined;
  const error = apiErrorOf(json);
  if (!error) return new ApiError("bad_response", `${path} answered ${res.status}`, res.status, undefined, retryAfter);
  const code = isErrorCode(error.code) ? error.code : "unknown";
  return new ApiError(code, error.message, res.status, error.field, retryAfter, error.details);
}

/** A fresh idempotency key: one per submission or tap, reused for the retries of that one. */
export function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
}

export interface Call {
  method?: "GET" | "POST" | "PUT";
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

/**
 * How long a call may take, answer included, before it counts as a lost connection: a request that never
 * answers (a dead network) would otherwise hold its page, e.g. the board's buttons busy, until a reload.
 */
export const CALL_TIMEOUT_MS = 30_000;

/** One API call: JSON in and out, every failure as an `ApiError`; `signal` aborts it with its own error. */
export async function call<T>(path: string, { method = "GET", body, headers = {}, signal }: Call = {}): Promise<T> {
  // The request's own signal: the caller's abort, or no answer (body included) within CALL_TIMEOUT_MS.
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (signal?.aborted) abort();
  signal?.addEventListener("abort", abort);
  const timer = setTimeout(abort, CALL_TIMEOUT_MS);
  let res: Response | undefined;
  try {
    res = await fetch(path, {
      method,
      headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? null : JSON.stringify(body),
      signal: controller.signal,
    });
    const json: unknown = await res.json();
    if (!res.ok) throw answerError(path, res, json);
    return json as T;
  } catch (error) {
    if (error instanceof ApiError || signal?.aborted) throw error;
    const timedOut = controller.signal.aborted;
    if (res && !timedOut) throw new ApiError("bad_response", `${path} answered ${res.status} without JSON`, res.status);
    throw new ApiError("network", timedOut ? `${path}: no answer` : String(error), 0);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abort);
  }
}

/** `GET /api/location`: the office, its hours and topics; `office` names one other than the page's own. */
export function getLocation(signal?: AbortSignal, office?: string): Promise<LocationResponse> {
  return call(office ? `/api/location?office=${encodeURIComponent(office)}` : "/api/location", { signal });
}

/** `GET /api/slots`: every day from `from` to `to` (inclusive, at most 62 days) with its free slots. */
export function getSlots(query: PublicSlotsQuery, signal?: AbortSignal): Promise<SlotsResponse> {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.topic) params.set("topic", query.topic);
  if (query.office) params.set("office", query.office);
  return call(`/api/slots?${params}`, { signal });
}

/**
 * `POST /api/bookings`. The same `idempotencyKey` on a retry of the same submission makes the API
 * answer the first booking again instead of booking twice.
 */
export function createBooking(body: BookingCreate, idempotencyKey: string): Promise<BookingCreated> {
  return call("/api/bookings", { method: "POST", body, headers: { "idempotency-key": idempotencyKey } });
}

/** `POST /api/requests`: an appointment "nach Vereinbarung"; the key works as for a booking. */
export function createRequest(body: RequestCreate, idempotencyKey: string): Promise<RequestCreated> {
  return call("/api/requests", { method: "POST", body, headers: { "idempotency-key": idempotencyKey } });
}

const managePath = (token: string) => `/api/bookings/manage/${encodeURIComponent(token)}`;

/** `GET /api/bookings/manage/:token`: the booking as its holder sees it. */
export function getManagedBooking(token: string, signal?: AbortSignal): Promise<ManagedBooking> {
  return call(managePath(token), { signal });
}

/** `POST …/cancel`: cancelling twice is harmless, the API answers the cancelled booking again. */
export function cancelManagedBooking(token: string): Promise<ManagedBooking> {
  return call(`${managePath(token)}/cancel`, { method: "POST", body: {} });
}

/** `POST …/reschedule`: moves the booking to another free slot start. */
export function rescheduleManagedBooking(token: string, start: string): Promise<ManagedBooking> {
  return call(`${managePath(token)}/reschedule`, { method: "POST", body: { start } });
}

/** `POST …/proposals/:id/accept`: the resident takes a proposed time; the request becomes that appointment. */
export function acceptProposal(token: string, proposalId: string): Promise<ManagedBooking> {
  return call(`${managePath(token)}/proposals/${encodeURIComponent(proposalId)}/accept`, { method: "POST", body: {} });
}

/** `POST …/proposals/decline`: "keine Zeit passt"; the request stays open, the office proposes again. */
export function declineProposals(token: string): Promise<ManagedBooking> {
  return call(`${managePath(token)}/proposals/decline`, { method: "POST", body: {} });
}

/** `POST …/erase`: erases its holder's data once it is cancelled or over; the link opens nothing afterwards. */
export function eraseManagedBooking(token: string): Promise<Erased> {
  return call(`${managePath(token)}/erase`, { method: "POST", body: {} });
}

/** The calendar file of a booking (`text/calendar`), for a download link. */
export function inviteHref(token: string): string {
  return `${managePath(token)}/invite.ics`;
}

/** `GET /api/status/:token`: a queue number's place and wait range, by its secret link; public. */
export function getTicketStatus(token: string, signal?: AbortSignal): Promise<TicketView> {
  return call(`/api/status/${encodeURIComponent(token)}`, { signal });
}


/** `GET /api/legal/:page`: one of the office's legal pages as the Worker renders it (common/legal). */
export function getLegalDocument(page: LegalPage, lang: LegalLang, office: string): Promise<LegalDocument> {
  return call(`/api/legal/${page}?lang=${lang}&office=${encodeURIComponent(office)}`);
}
