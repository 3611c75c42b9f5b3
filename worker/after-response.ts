import type { Context } from "hono";

/**
 * Lets `work` finish after the response has gone: the runtime keeps the request alive for it
 * (`waitUntil`), so the client does not wait for side effects it does not need to see. Without an
 * execution context (a test calling `app.request` directly) it is awaited instead, so the test sees it
 * done. `work` must handle its own failures: nobody is left to hear a rejection.
 */
export async function afterResponse(c: Context, work: Promise<unknown>): Promise<void> {
  let ctx: Context["executionCtx"];
  try {
    ctx = c.executionCtx;
  } catch {
    await work;
    return;
  }
  ctx.waitUntil(work);
}
