/*
 * The front ends' client for the Worker's API. Types only come from the shared schemas: importing zod
 * here would put the validator into every page bundle.
 */
import type { ErrorBody } from "../../schemas/common";
import type { LocationResponse } from "../../schemas/location";
import type { SlotsQuery, SlotsResponse } from "../../schemas/slots";

/**
 * A failed API call. `code` is the API's error code (`invalid_range`, `unknown_topic`, …), or
 * `network` when no answer came and `bad_response` when the answer was not the API's JSON.
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: "application/json" }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError("network", error instanceof Error ? error.message : String(error), 0);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiError("bad_response", `${path} answered ${res.status} without JSON`, res.status);
  }
  if (!res.ok) {
    const error = (body as Partial<ErrorBody> | null)?.error;
    throw new ApiError(error?.code ?? "bad_response", error?.message ?? `${path} answered ${res.status}`, res.status, error?.field);
  }
  return body as T;
}

/** `GET /api/location`: the office, its hours and topics. */
export function getLocation(signal?: AbortSignal): Promise<LocationResponse> {
  return getJson("/api/location", signal);
}

/** `GET /api/slots`: every day from `from` to `to` (inclusive, at most 62 days) with its free slots. */
export function getSlots(query: SlotsQuery, signal?: AbortSignal): Promise<SlotsResponse> {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.topic) params.set("topic", query.topic);
  return getJson(`/api/slots?${params}`, signal);
}
