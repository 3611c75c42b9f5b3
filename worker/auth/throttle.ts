import type { Context } from "hono";
import type { AppEnv } from "../context";
import { uncountRequest } from "../db/rate-limits";
import { countInWindow, type CountedWindow } from "../middleware";

/*
 * Slows down guessing of sign-in links and passkey answers. Attempts are counted per client in fixed
 * 15-minute windows of rate_limits; an attempt beyond FAILURES_ALLOWED in a window gets 429 with
 * Retry-After until the window ends, right or wrong. A sign-in link has 256 random bits, so this is about
 * noise and cost, not about making a guess feasible; it also keeps the audit log from flooding.
 *
 * Count first, decide after: every attempt takes its number with one INSERT … ON CONFLICT DO UPDATE …
 * RETURNING before anything is checked, so concurrent attempts cannot all read the same old count (a
 * read-then-write let 30 parallel bad redeems through). A successful sign-in gives its number back
 * (`forgiveAttempt`), so only failures (and malformed requests) use up the allowance and a busy office
 * signing in is never blocked.
 *
 * The key is a hash of the client address: a rate_limits row must be found again by the next request,
 * so it cannot be salted per row, and an unsalted hash of an IPv4 address can be reversed by trying the
 * few billion addresses. That is accepted here because housekeeping deletes windows older than a day
 * (db/housekeeping.ts); the hash never goes anywhere that is kept longer (the audit log gets none).
 */

/** Failed sign-in attempts (links and passkeys together) a client may make per window. */
export const FAILURES_ALLOWED = 5;
/** The window's length in minutes. */
export const FAILURE_WINDOW_MINUTES = 15;

/** The counted attempt of this request: where to give it back after a successful sign-in. */
export type Attempt = CountedWindow;

/**
 * Counts this request as a sign-in attempt of its client; 429 (with Retry-After) when that makes more
 * than FAILURES_ALLOWED in the current window.
 */
export function countAttempt(c: Context<AppEnv>): Promise<Attempt> {
  return countInWindow(c, {
    scope: "auth-fail",
    limit: FAILURES_ALLOWED,
    windowSeconds: FAILURE_WINDOW_MINUTES * 60,
    message: "Too many failed sign-in attempts. Please wait and try again.",
  });
}

/** A successful sign-in: gives the attempt's count back, so successes never use up the allowance. */
export async function forgiveAttempt(c: Context<AppEnv>, attempt: Attempt): Promise<void> {
  await uncountRequest(c.env.DB, attempt.key, attempt.windowStart).run();
}
