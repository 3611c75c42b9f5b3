/*
 * A part of the board that comes as a chunk of its own and is not a component (the search's results, the
 * print list, a past day's tally): fetched once, when first wanted, and kept in a signal components render
 * from. The fetch is the shared one (kiosk/shared/load-once.ts `once`): a failed fetch is tried again on
 * the next use, under a new address. Components that are chunks use `lazy` (kiosk/shared/lazy.tsx).
 */
import { signal, type Signal } from "@preact/signals";
import { once } from "../shared/load-once";
import { catalogsReady } from "../shared/locale";

export interface Lazy<T> {
  /** The module once it has arrived (components render from it). */
  loaded: Signal<T | null>;
  /** Fetches it (once) and resolves with it. */
  get(): Promise<T>;
}

export function lazily<T>(load: () => Promise<T>): Lazy<T> {
  const loaded = signal<T | null>(null);
  const fetchOnce = once(load);
  return {
    loaded,
    get: () =>
      fetchOnce().then((module) => {
        loaded.value = module;
        return module;
      }),
  };
}

/**
 * `load` for a chunk that brings a catalog of its own (the week, the statistics, the administration, the
 * search, …): resolves once that catalog has the board's current language, so the part never shows its
 * German words for a moment on an English board. A language that cannot be fetched leaves German.
 */
export function withWords<M>(load: () => Promise<M>): () => Promise<M> {
  return () => load().then((module) => catalogsReady().then(() => module));
}
