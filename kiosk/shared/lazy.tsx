/*
 * Code that a page's first paint does not need comes as a chunk of its own, fetched when it is first
 * shown (README, "Page weight"). `lazy` makes a component of a dynamic `import()` (a module that is no
 * component, like the QR encoder, loads through ./load-once.ts alone). Each chunk is fetched once per
 * page; a failed fetch (the network dropped) is tried again on the next use or by the fallback's retry.
 */
import type { ComponentType } from "preact";
import { signal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { once } from "./load-once";

/** What a lazy component shows until its chunk is there: a loading note, or the failure with a retry. */
export interface LazyFallbackProps {
  failed: boolean;
  retry: () => void;
}

export type LazyComponent<P> = ComponentType<P> & {
  /** Fetches the chunk ahead of need (e.g. when the page is idle), so it shows at once when used. */
  preload: () => void;
};

/**
 * `lazy(() => import("./Dialogs"), (m) => m.Dialogs, Fallback)`: renders `Fallback` until the chunk has
 * come, then the component from it with the same props. The fallback should take the place the component
 * will take (no layout shift) and say in a live region when the fetch failed.
 */
export function lazy<M, P extends object>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
  Fallback: ComponentType<LazyFallbackProps>,
): LazyComponent<P> {
  const loaded = signal<ComponentType<P> | null>(null);
  const failed = signal(false);
  const fetchOnce = once(load);
  const fetch = () => {
    failed.value = false;
    fetchOnce().then(
      (module) => {
        loaded.value = pick(module);
      },
      (error: unknown) => {
        console.warn(error);
        failed.value = true;
      },
    );
  };
  function Lazy(props: P) {
    const Component = loaded.value;
    useEffect(() => {
      if (!loaded.value) fetch();
    }, []);
    return Component ? <Component {...props} /> : <Fallback failed={failed.value} retry={fetch} />;
  }
  const preload = () => {
    // Quietly: a failure here shows only once the component is wanted (and is tried again then).
    if (!loaded.value) fetchOnce().then((module) => (loaded.value = pick(module)), () => undefined);
  };
  return Object.assign(Lazy, { preload });
}

/**
 * Runs `run` once the page has nothing else to do (after its first paint and first answers), for chunks
 * that are likely wanted soon; browsers without requestIdleCallback (Safari) wait two seconds. Returns
 * the cancel.
 */
export function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(run, { timeout: 5000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 2000);
  return () => clearTimeout(id);
}
