import type { Context } from "hono";
import type { AppEnv, Scope, StaffScope } from "./context";

/** The scope a service works in for this request (context.ts `Scope`). */
export function scopeOf(c: Context<AppEnv>): Scope {
  return {
    db: c.env.DB,
    deps: c.var.deps,
    origin: new URL(c.req.url).origin,
    defaultOffice: c.env.DEFAULT_LOCATION,
    afterResponse: (work) => afterResponse(c, work),
  };
}

/** The scope of a staff route: `requireStaff` (auth/session.ts) has set the signed-in member. */
export function staffScopeOf(c: Context<AppEnv>): StaffScope {
  return { ...scopeOf(c), staff: c.var.staff };
}

/**
 * Lets `work` finish after the response has gone: the runtime keeps the request alive for it
 * (`waitUntil`), so the client does not wait for side effects it does not need to see. Without an
 * execution context (a test calling `app.request` directly) it is awaited instead, so the test sees it
 * done.
 */
async function afterResponse(c: Context, work: Promise<unknown>): Promise<void> {
  let ctx: Context["executionCtx"];
  try {
    ctx = c.executionCtx;
  } catch {
    await work;
    return;
  }
  ctx.waitUntil(work);
}
