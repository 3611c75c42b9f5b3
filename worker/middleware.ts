import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./context";
import { countRequest } from "./db/rate-limits";
import { AppError } from "./errors";
import { sha256Hex } from "./random";
import { SECURITY_HEADERS } from "./security-headers";

/** Sets the security headers on every response the Worker gives. */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
};

/**
 * `Cache-Control: no-store` on every API answer that does not say it already (the calendar feed says
 * `private, no-store`). Most carry personal data or a secret link (a booking and its manage link, a
 * number's status link, a device token, staff data), and the rest (the office, free slots) must never
 * be seen stale after a change: one rule for the whole API, so no route can be added without it.
 */
export const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  if (!/\bno-store\b/.test(c.res.headers.get("Cache-Control") ?? "")) c.res.headers.set("Cache-Control", "no-store");
};

/** Methods that only read: no cross-site check, no rate limit, and no use of a staff session (auth/session.ts). */
export const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests that a browser sent from another site. Browsers mark every request
 * with `Sec-Fetch-Site` and cross-origin POSTs with `Origin`; a request that carries neither did not come
 * from a browser page, so it cannot be a forged cross-site request and passes.
 */
export const sameOrigin: MiddlewareHandler = async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    const site = c.req.header("Sec-Fetch-Site");
    const origin = c.req.header("Origin");
    if (site !== undefined && site !== "same-origin") {
      throw new AppError("forbidden_origin", "Requests from other sites are not accepted.");
    }
    if (origin !== undefined && origin !== new URL(c.req.url).origin) {
      throw new AppError("forbidden_origin", "Requests from other sites are not accepted.");
    }
  }
  await next();
};

/** A request counted in a fixed window: where to find the count again (to give it back). */
export interface CountedWindow {
  key: string;
  /** The window's start (UTC ISO). */
  windowStart: string;
}

/**
 * Counts this request for its client under `scope` in the fixed window of `windowSeconds` that holds
 * now, in D1 by a hash of the client address (never stored in clear). Past `limit` in that window:
 * 429 with `message` and Retry-After until the window ends. Count first, decide after (one statement,
 * db/rate-limits.ts), so concurrent requests cannot all read the same old count.
 */
export async function countInWindow(
  c: Context<AppEnv>,
  w: { scope: string; limit: number; windowSeconds: number; message: string },
): Promise<CountedWindow> {
  const now = c.var.deps.now().getTime();
  const windowMs = w.windowSeconds * 1000;
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const key = await sha256Hex(`${w.scope}:${c.req.header("CF-Connecting-IP") ?? "unknown"}`);
  const counted = { key, windowStart: new Date(windowStart).toISOString() };
  if ((await countRequest(c.env.DB, counted.key, counted.windowStart)) > w.limit) {
    const retryAfter = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
    throw new AppError("rate_limited", w.message, undefined, { "Retry-After": String(retryAfter) });
  }
  return counted;
}

/**
 * A bounded request rate per client on the public routes that change something: a fixed window per
 * hashed client address, counted in D1. Reads pass uncounted.
 */
export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const { limit, windowSeconds } = c.var.deps.rateLimit;
  await countInWindow(c, { scope: "public-post", limit, windowSeconds, message: "Too many requests. Please wait a moment and try again." });
  await next();
};
