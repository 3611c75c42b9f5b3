/*
 * A part of the board that comes as a chunk of its own (the week, the search's results, the print list):
 * fetched once, when first wanted, and kept; a failed fetch is tried again the next time.
 */
import { signal, type Signal } from "@preact/signals";

export interface Lazy<T> {
  /** The module once it has arrived (components render from it). */
  loaded: Signal<T | null>;
  /** Fetches it (once) and resolves with it. */
  get(): Promise<T>;
}

export function lazily<T>(load: () => Promise<T>): Lazy<T> {
  const loaded = signal<T | null>(null);
  let pending: Promise<T> | null = null;
  function get(): Promise<T> {
    pending ??= load().then(
      (module) => {
        loaded.value = module;
        return module;
      },
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  }
  return { loaded, get };
}
