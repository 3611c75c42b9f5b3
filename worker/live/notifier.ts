import type { Context } from "hono";
import type { LiveChange } from "../../schemas/live";
import type { AppEnv } from "../app";

/** The live fan-out port: tells everyone following an office that something changed. */
export interface LiveNotifier {
  changed(office: string, changes: LiveChange[]): Promise<void>;
}

/** A notifier that tells nobody (tests that do not look at live updates). */
export const silentNotifier: LiveNotifier = { changed: async () => {} };

/**
 * Tells the office's followers about a change after it is stored. Best effort: D1 has the change and
 * clients also poll, so a failing fan-out is logged and never fails the request that made the change.
 */
export async function notifyChange(c: Context<AppEnv>, office: string, ...changes: LiveChange[]): Promise<void> {
  try {
    await c.var.deps.live.changed(office, changes);
  } catch (error) {
    console.error("live update failed", office, changes, error);
  }
}
