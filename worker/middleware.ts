import type { Context, MiddlewareHandler } from "hono";
import { clientNetwork } from "./client-network";
import type { AppEnv } from "./context";
import { meteredD1 } from "./d1-meter";
import { countRequest } from "./db/rate-limits";
import { AppError } from "./errors";
import { sha256Hex } from "./random";
import { SECURITY_HEADERS } from "./security-headers";

/**
 * Sets the security headers on every response the Worker gives. One exception: a page whose URL holds
 * no secret may say `Referrer-Policy: same-origin` itself (the legal pages, routes/legal.ts), so that
 * its form posts carry their Origin rather than `null` and pass sameOrigin.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (name === "Referrer-Policy" && c.res.headers.get(name) === SAME_ORIGIN_REFERRER) continue;
    c.res.headers.set(name, value);
  }
};

/** The referrer policy of pages without secrets in their URL: their own origin goes along to their own site only. */
export const SAME_ORIGIN_REFERRER = "same-origin";

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
 * from a browser page, so it cannot be a forged cross-site request and passes. The pages that post a
 * plain form (the legal pages) answer with `Referrer-Policy: same-origin` (securityHeaders), so their
 * posts carry the real Origin too: one rule for every route.
 */
export const sameOrigin: MiddlewareHandler = async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    const site = c.req.header("Sec-Fetch-Site");
    const origin = c.req.header("Origin");
    if ((site !== undefined && site !== "same-origin") || (origin !== undefined && origin !== new URL(c.req.url).origin)) {
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
 * now, in D1 by a hash of the client's network (an IPv6 /64 is one client, client-network.ts; never
 * stored in clear). Past `limit` in that window:
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
  const key = await sha256Hex(`${w.scope}:${clientNetwork(c.req.header("CF-Connecting-IP"))}`);
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

/** The largest request body the API takes, in bytes; a larger one is refused (400). */
export const MAX_BODY_BYTES = 16 * 1024;

/** Methods whose requests carry no body (the runtime cannot even build such a request with one). */
const BODYLESS: ReadonlySet<string> = new Set(["GET", "HEAD"]);

/**
 * Reads every request body in full before anything decides about the request, keeps it in memory for
 * the handlers when it is at most `MAX_BODY_BYTES`, and refuses a larger one (400), as well as a GET or
 * HEAD with a body.
 *
 * Read first and read all, because an answer given before its request's body has arrived breaks the
 * connection: workerd then ends the HTTP/1.1 connection without announcing it (no `Connection: close`),
 * and a client that keeps connections alive sends its next request into the closing socket. On
 * `npm start` that client is Miniflare's connection pool behind `vite preview`, which answers the next
 * request, whoever sent it, with a 500 "fetch failed" page; a large body still being sent fails its
 * own request the same way. Refusals (403 foreign origin, 401, 404, 400 too large) and routes that
 * ignore the `{}` the pages send all answered like that. Cancelling the body does not help; reading it
 * does. What goes past `MAX_BODY_BYTES` is read and thrown away, so a refused body costs time, not memory;
 * its size is bounded by the platform (Cloudflare's edge refuses bodies over 100 MB on the Free and Pro
 * plans, 500 MB at most, before the Worker sees them).
 */
export const readBody: MiddlewareHandler = async (c, next) => {
  const body = c.req.raw.body;
  if (body) {
    const read = await readKeeping(body, MAX_BODY_BYTES);
    if (read?.size === 0 && BODYLESS.has(c.req.method)) {
      // An empty body: nothing to refuse, and nothing to hand on.
    } else if (BODYLESS.has(c.req.method)) {
      throw new AppError("invalid_request", `A ${c.req.method} request carries no body.`);
    } else if (read === null || read.size > MAX_BODY_BYTES) {
      throw new AppError("invalid_request", "The request body is too large.");
    } else {
      c.req.raw = new Request(c.req.raw, { body: read.kept });
    }
  }
  await next();
};

/** Reads the stream to its end, keeping its first `keep` bytes (`size` counts all); null when the client went away. */
async function readKeeping(stream: ReadableStream<Uint8Array>, keep: number): Promise<{ kept: Uint8Array; size: number } | null> {
  const kept = new Uint8Array(keep);
  let size = 0;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { kept: kept.subarray(0, Math.min(size, keep)), size };
      if (size < keep) kept.set(value.subarray(0, keep - size), size);
      size += value.byteLength;
    }
  } catch {
    return null;
  } finally {
    reader.releaseLock();
  }
}

/** The headers in which a measured request reports what it cost in D1 (see measureD1). */
export const D1_COST_HEADERS = { read: "X-D1-Rows-Read", written: "X-D1-Rows-Written", statements: "X-D1-Statements" } as const;

/** Hosts of the machine itself: the only ones a measured request may come to. */
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * For benchmarks: with `MEASURE_D1_ROWS=1` (a local server that `npm run bench` starts), the request's
 * database adds up what D1 reports for each statement (d1-meter.ts) and the answer says the sums in
 * D1_COST_HEADERS: rows read, rows written (triggers included) and statements, for what the request
 * did before answering (work after the answer, `waitUntil`, is not in them). Measured in the Worker
 * because only the Worker sees each result's `meta`. Off unless the variable is set and the request came
 * to localhost, so a deployed Worker never says it, whatever its settings. Registered after the deps
 * middleware: that one keys its cache by the env object, which this replaces.
 */
export const measureD1: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.env.MEASURE_D1_ROWS !== "1" || !LOOPBACK.has(new URL(c.req.url).hostname)) return next();
  const { db, tally } = meteredD1(c.env.DB);
  c.env = { ...c.env, DB: db };
  await next();
  c.res.headers.set(D1_COST_HEADERS.read, String(tally.rowsRead));
  c.res.headers.set(D1_COST_HEADERS.written, String(tally.rowsWritten));
  c.res.headers.set(D1_COST_HEADERS.statements, String(tally.statements));
};
