import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app";
import { countRequest } from "./db/rate-limits";
import { AppError } from "./errors";
import { sha256Hex } from "./random";
import { SECURITY_HEADERS } from "./security-headers";

/** Sets the security headers on every response the Worker gives. */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

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

/**
 * A bounded request rate per client on the public routes that change something: a fixed window per
 * hashed client address (never stored in clear), counted in D1. Reads pass uncounted.
 */
export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const { limit, windowSeconds } = c.var.deps.rateLimit;
  const now = c.var.deps.now().getTime();
  const windowMs = windowSeconds * 1000;
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const client = c.req.header("CF-Connecting-IP") ?? "unknown";
  const key = await sha256Hex(`public-post:${client}`);
  const count = await countRequest(c.env.DB, key, new Date(windowStart).toISOString());
  if (count > limit) {
    const retryAfter = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
    throw new AppError("rate_limited", "Too many requests. Please wait a moment and try again.", undefined, {
      "Retry-After": String(retryAfter),
    });
  }
  await next();
};
