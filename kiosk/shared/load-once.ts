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

/**
 * A memoised `import()`: one fetch for every caller; after a failure the next call tries again. A
 * browser keeps a module that failed to load as failed for the page's life, so asking for it again would
 * fail at once: the next try asks under a new address (`?retry=1`, the same file to the server), where
 * the error said which one it was.
 */
export function once<M>(load: () => Promise<M>, importUrl = (url: string) => import(/* @vite-ignore */ url) as Promise<M>): () => Promise<M> {
  let loading: Promise<M> | null = null;
  let again: (() => Promise<M>) | null = null;
  let attempts = 0;
  return () =>
    (loading ??= (again ?? load)().catch((error: unknown) => {
      loading = null;
      const url = moduleUrlOf(error);
      if (url) again = () => importUrl(`${url}?retry=${++attempts}`);
      throw error;
    }));
}
