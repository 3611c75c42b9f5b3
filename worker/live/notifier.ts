import type { LiveChange, LiveMessage } from "../../schemas/live";

/** The live fan-out port: tells everyone following an office that something changed. */
export interface LiveNotifier {
  changed(office: string, changes: LiveChange[]): Promise<void>;
}

/** A notifier that tells nobody (tests that do not look at live updates). */
export const silentNotifier: LiveNotifier = { changed: async () => {} };

/**
 * The real fan-out: the office's LiveHub (worker/live/hub.ts) sends the message to every socket. The
 * message names only the kinds of change; `now` stamps it (the app's clock, so tests can hold it).
 */
export function hubNotifier(hubs: DurableObjectNamespace, now: () => Date): LiveNotifier {
  return {
    async changed(office, changes) {
      const message: LiveMessage = { type: "changed", changes: [...new Set(changes)], at: now().toISOString() };
      const res = await hubs.get(hubs.idFromName(office)).fetch("https://live-hub/notify", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(message),
      });
      if (!res.ok) throw new Error(`live hub answered ${res.status}`);
      await res.body?.cancel();
    },
  };
}

/**
 * Tells the office's followers about a stored change. Best effort: D1 has the change and clients also
 * poll, so a failing fan-out is logged and never rejects (services/commit.ts runs it after the answer,
 * so the request that made the change never waits for, or fails with, the office's sockets).
 */
export async function tellFollowers(live: LiveNotifier, office: string, changes: LiveChange[]): Promise<void> {
  try {
    await live.changed(office, changes);
  } catch (error) {
    console.error("live update failed", office, changes, error);
  }
}
