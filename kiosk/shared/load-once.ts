/*
 * A dynamic `import()` memoised for every caller, that can be tried again after it failed: the loading
 * under every lazily loaded part (./lazy.tsx) and the QR encoder (./QrCode.tsx). Pure, tested in Node
 * (tests/kiosk/lazy.test.ts).
 */

/**
 * The address in the error of a dynamic import that could not be fetched. Chromium and Firefox name it
 * ("Failed to fetch dynamically imported module: https://…/assets/later-Ab12.js"); Safari does not.
 */
export function moduleUrlOf(error: unknown): string | null {
  const match = /(https?:\/\/[^\s"']+?\.js)(?:\?[^\s"']*)?(?=$|[\s"'])/.exec(error instanceof Error ? error.message : String(error));
  return match ? match[1]! : null;
}

/** How `once` tries again; the defaults are the browser's (tests pass their own). */
export interface Retry<M> {
  /** Imports a module by its address. */
  importUrl?: (url: string) => Promise<M>;
  /** Whether the server answers now, asked for the failed module's address (or the page's). */
  reachable?: (url: string) => Promise<boolean>;
  /** Starts the page afresh. */
  reload?: () => void;
  /** Whether this tab was started afresh for a failed module lately: then not again. */
  reloadedLately?: () => boolean;
}

const reachableByFetch = (url: string) =>
  fetch(url, { method: "HEAD", cache: "no-store" }).then(
    (response) => response.ok,
    () => false,
  );

/** When the tab last reloaded for a failed module (sessionStorage: this tab only, gone with it). */
const RELOADED_AT_KEY = "sprechstunde.module-reload";
/** A module that fails again within this long after a reload is broken, not cut off: no reload loop. */
export const RELOAD_GAP_MS = 10 * 60_000;

function reloadNoting(): void {
  try {
    sessionStorage.setItem(RELOADED_AT_KEY, String(Date.now()));
  } catch {
    // No storage (a private mode): the reload still helps once; reloadedLately says no more.
  }
  location.reload();
}

function reloadedWithinGap(): boolean {
  try {
    const at = Number(sessionStorage.getItem(RELOADED_AT_KEY));
    return at > 0 && Date.now() - at < RELOAD_GAP_MS;
  } catch {
    return true;
  }
}

/**
 * A memoised `import()`: one fetch for every caller; after a failure the next call tries again. A
 * browser keeps a module that failed to load as failed for the page's life, so asking for it again would
 * fail at once: the next try asks under a new address (`?retry=1`, the same file to the server), where
 * the error said which one it was.
 *
 * That new address recovers the chunk the error names, not a chunk it imports: Chromium names the chunk
 * that was imported (admin-*.js) when one of its shared dependencies (form-*.js) failed, and the retry's
 * static import of that dependency finds it failed still. So when a try again fails while the server
 * answers (the network is back, so something stays failed inside the page), the page reloads: a fresh
 * page has an empty module map. What the reload loses is small: the board keeps its day and section in
 * the address (kiosk/staff/address.ts) and everything else on the server, and the section that failed
 * never showed, so nothing was typed into it; the booking page loses at most the topic, day and time
 * clicked before its later steps' chunk (which holds the form) failed, nothing typed and nothing booked.
 * While the server does not answer, a failed try again just fails, to be tried again later; so does one
 * within RELOAD_GAP_MS of such a reload in this tab: a module that fails again so soon is broken (Safari's
 * error names no module, a module that throws while it runs neither), and a page that tries on its own
 * (the status page's alert) must not reload a visitor's phone again and again.
 */
export function once<M>(load: () => Promise<M>, retry: Retry<M> = {}): () => Promise<M> {
  const {
    importUrl = (url: string) => import(/* @vite-ignore */ url) as Promise<M>,
    reachable = reachableByFetch,
    reload = reloadNoting,
    reloadedLately = reloadedWithinGap,
  } = retry;
  let loading: Promise<M> | null = null;
  let again: (() => Promise<M>) | null = null;
  let failures = 0;
  return () =>
    (loading ??= (again ?? load)().catch(async (error: unknown) => {
      const url = moduleUrlOf(error);
      const retried = failures++ > 0;
      const next = `${url}?retry=${failures}`;
      if (url) again = () => importUrl(next);
      if (retried && !reloadedLately() && (await reachable(url ?? location.href))) {
        reload();
        // Pending until the page is gone: no failure flashes up meanwhile.
        return new Promise<M>(() => undefined);
      }
      loading = null;
      throw error;
    }));
}
