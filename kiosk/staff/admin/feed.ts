/*
 * "Kalender-Abo": the signed-in member's private calendar feed. The address is shown only right after
 * it was made (the server keeps only a hash), so the page cannot show an old one; a new one ends the old.
 */
import { batch, signal } from "@preact/signals";
import type { CalendarFeedCreated } from "../../../schemas/staff-bookings";
import type { FeedApi } from "./api";
import { createSaver } from "./form";

export function createFeedStore(api: FeedApi, copyText: (text: string) => Promise<void> = (t) => navigator.clipboard.writeText(t)) {
  const feed = signal<CalendarFeedCreated | null>(null);
  const saver = createSaver();
  const confirmRevoke = signal(false);
  /** The last revoke went through: the old address no longer works. */
  const revoked = signal(false);
  /** Which address was copied last, or "failed" when the browser did not let the page copy. */
  const copied = signal<"webcal" | "https" | "failed" | null>(null);

  return {
    feed,
    saver,
    confirmRevoke,
    revoked,
    copied,
    async create(): Promise<boolean> {
      const r = await saver.run(() => api.create());
      if (!r.ok) return false;
      batch(() => {
        feed.value = r.value;
        revoked.value = false;
        copied.value = null;
      });
      return true;
    },
    askRevoke: () => {
      confirmRevoke.value = true;
    },
    cancelRevoke: () => {
      confirmRevoke.value = false;
    },
    async revoke(): Promise<boolean> {
      const r = await saver.run(() => api.revoke());
      if (!r.ok) return false;
      batch(() => {
        feed.value = null;
        confirmRevoke.value = false;
        revoked.value = true;
        copied.value = null;
      });
      return true;
    },
    async copy(which: "webcal" | "https"): Promise<void> {
      const f = feed.value;
      if (!f) return;
      try {
        await copyText(which === "webcal" ? f.url : f.httpsUrl);
        copied.value = which;
      } catch {
        // No clipboard permission (or an old browser): the address stays selectable on screen.
        copied.value = "failed";
      }
    },
  };
}
export type FeedStore = ReturnType<typeof createFeedStore>;
