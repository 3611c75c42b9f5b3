import type { Context } from "hono";
import type { AppEnv } from "../app";
import { countRequest, currentCount } from "../db/rate-limits";
import { AppError } from "../errors";
import { sha256Hex } from "../random";

/*
 * Slows down guessing of sign-in links and passkey answers. Failed attempts are counted per client (the
 * SHA-256 of CF-Connecting-IP, never the address in clear) in fixed 15-minute windows of rate_limits;
 * after FAILURES_ALLOWED failures in a window every further attempt of that client, right or wrong, gets
 * 429 with Retry-After until the window ends. A sign-in link has 256 random bits, so this is about
 * noise and cost, not about making a guess feasible; it also keeps the audit log from flooding.
 */

/** Failed sign-in attempts (links and passkeys together) a client may make per window. */
export const FAILURES_ALLOWED = 5;
/** The window's length in minutes. */
export const FAILURE_WINDOW_MINUTES = 15;

export interface Throttle {
  /** The hashed client, for audit events (a prefix: enough to correlate, not to look up). */
  client: string;
  key: string;
  windowStart: number;
}

/** The throttle of this request's client; 429 when it has used up its failures in this window. */
export async function checkThrottle(c: Context<AppEnv>): Promise<Throttle> {
  const now = c.var.deps.now().getTime();
  const windowMs = FAILURE_WINDOW_MINUTES * 60_000;
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const client = await sha256Hex(`client:${c.req.header("CF-Connecting-IP") ?? "unknown"}`);
  const key = await sha256Hex(`auth-fail:${client}`);
  if ((await currentCount(c.env.DB, key, new Date(windowStart).toISOString())) >= FAILURES_ALLOWED) {
    const retryAfter = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
    throw new AppError("rate_limited", "Too many failed sign-in attempts. Please wait and try again.", undefined, {
      "Retry-After": String(retryAfter),
    });
  }
  return { client: client.slice(0, 16), key, windowStart };
}

/** Counts one failed attempt of the client. */
export async function countFailure(c: Context<AppEnv>, throttle: Throttle): Promise<void> {
  await countRequest(c.env.DB, throttle.key, new Date(throttle.windowStart).toISOString());
}
