/*
 * One load at a time, and none lost: the call display, the status page and the staff board all refetch
 * whenever something may have changed (live news, a timer, an action, the page coming back). A refresh
 * asked for while a load is under way starts one more load after it, and every request made meanwhile
 * shares that one: it starts after whatever made them ask, so it sees it.
 */

export interface Refresher {
  /**
   * Loads now, or once more after the load under way. Resolves when a load that started after this
   * call has ended (or, when `cancel` dropped that load, when the aborted one has); never rejects.
   */
  refresh(): Promise<void>;
  /** Aborts the load under way and drops the one queued behind it (following something else now). */
  cancel(): void;
  /** Whether a load is under way. */
  readonly running: boolean;
}

/**
 * `load` does one load and handles its own errors; its signal aborts when `cancel` is called. A load
 * that throws anyway is logged, and the queued one still runs.
 */
export function createRefresher(load: (signal: AbortSignal) => Promise<void>): Refresher {
  let current: { controller: AbortController; done: Promise<void> } | null = null;
  let queued: Promise<void> | null = null;
  /** Counts `cancel` calls: a load queued before one loads nothing. */
  let generation = 0;

  function start(): Promise<void> {
    const controller = new AbortController();
    let loading: Promise<void>;
    try {
      // Called at once, not on a later tick: the request is on its way when `refresh` returns.
      loading = load(controller.signal);
    } catch (error) {
      loading = Promise.reject(error);
    }
    const done = loading
      .catch((error: unknown) => {
        if (!controller.signal.aborted) console.warn(error);
      })
      .finally(() => {
        if (current?.controller === controller) current = null;
      });
    current = { controller, done };
    return done;
  }

  function refresh(): Promise<void> {
    if (!current) return start();
    if (!queued) {
      const gen = generation;
      const next: Promise<void> = current.done.then(() => {
        if (queued === next) queued = null;
        return gen === generation ? refresh() : undefined;
      });
      queued = next;
    }
    return queued;
  }

  function cancel(): void {
    generation++;
    current?.controller.abort();
    current = null;
    queued = null;
  }

  return {
    refresh,
    cancel,
    get running() {
      return current !== null;
    },
  };
}
