import type { MiddlewareHandler } from "hono";
import { AppError } from "./errors";
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
