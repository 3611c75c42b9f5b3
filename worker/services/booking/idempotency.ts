import type { BookingRow } from "../../../schemas/rows";
import type { Scope } from "../../context";
import { addToken, findByIdempotencyKey } from "../../db/bookings";
import type { LocationData } from "../../db/locations";
import { AppError } from "../../errors";
import { sha256Hex } from "../../random";

/** A request's Idempotency-Key with the hash of what it asked for: the same key must come with the same request. */
export interface Idempotency {
  key: string;
  hash: string;
}

/**
 * The key (validate.ts `idempotencyKey`, null without one) with the hash of the request: its path and
 * body, without the Turnstile token (a retry carries a fresh one).
 */
export async function idempotencyOf(key: string | null, path: string, body: { turnstileToken?: string | undefined }): Promise<Idempotency | null> {
  if (key === null) return null;
  const { turnstileToken: _ignored, ...request } = body;
  return { key, hash: await sha256Hex(`${path}\n${JSON.stringify(request)}`) };
}

/** A booking made earlier with the same key, answered again with a fresh manage token for it. */
export interface Replay {
  booking: BookingRow;
  token: string;
}

/**
 * The booking an earlier request with the same Idempotency-Key created, with a fresh manage token for
 * it (only token hashes are stored, so the first one cannot be given out again); 409 when the key came
 * with another request or its booking has since been cancelled.
 */
export async function replayOf(s: Scope, data: LocationData, idempotency: Idempotency): Promise<Replay | null> {
  const booking = await findByIdempotencyKey(s.db, data.location.id, idempotency.key);
  if (!booking) return null;
  if (booking.request_hash !== idempotency.hash) {
    throw new AppError("idempotency_conflict", "This Idempotency-Key was used for another request.", "Idempotency-Key");
  }
  if (booking.status !== "confirmed" && booking.status !== "requested") {
    throw new AppError("idempotency_conflict", "The booking made with this Idempotency-Key has since been cancelled.", "Idempotency-Key");
  }
  const token = s.deps.random.token();
  await s.db.batch([addToken(s.db, booking.id, await sha256Hex(token), s.deps.now())]);
  return { booking, token };
}
