/*
 * The shared tablet starts again after a minute without a touch, so the next visitor never sees what
 * the last one typed. Twenty seconds before, it asks "Sind Sie noch da?" (WCAG 2.2.1: a warning and a
 * simple way to extend). The clock and the timer are passed in: the tests hold them still, the browser
 * passes its own (which Playwright's clock can fast-forward).
 */

/** Without a touch for this long, the tablet asks whether someone is still there. */
export const IDLE_WARN_MS = 40_000;
/** Without a touch for this long, the tablet goes back to the start and forgets everything. */
export const IDLE_RESET_MS = 60_000;

export type IdlePhase = "active" | "warning" | "reset";

/**
 * Where `now` lies after the last touch, and in how many milliseconds the phase changes next (0 once
 * the reset is due).
 */
export function idlePhase(now: number, lastActivity: number, warnMs = IDLE_WARN_MS, resetMs = IDLE_RESET_MS): { phase: IdlePhase; wait: number } {
  const idle = Math.max(0, now - lastActivity);
  if (idle >= resetMs) return { phase: "reset", wait: 0 };
  if (idle >= warnMs) return { phase: "warning", wait: resetMs - idle };
  return { phase: "active", wait: warnMs - idle };
}

export interface IdleClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface IdleWatchOptions {
  clock: IdleClock;
  warnMs?: number;
  resetMs?: number;
  /** The warning is due: show "Sind Sie noch da?". */
  onWarn: () => void;
  /** A touch came while the warning was on: take it away. */
  onActive: () => void;
  /** A minute without a touch: start again. Called once; the next touch arms the watch again. */
  onReset: () => void;
}

/**
 * Watches for touches. One timer at a time, always aimed at the next phase change and checked against
 * the clock when it fires, so a late timer (a sleeping tablet, a fast-forwarded test clock) still lands
 * in the right phase: if the whole minute has passed, it resets without showing the warning first.
 */
export function createIdleWatch({ clock, warnMs = IDLE_WARN_MS, resetMs = IDLE_RESET_MS, onWarn, onActive, onReset }: IdleWatchOptions) {
  let last = clock.now();
  let timer: unknown = null;
  let warned = false;

  function arm(wait: number): void {
    if (timer !== null) clock.clearTimeout(timer);
    timer = clock.setTimeout(check, wait);
  }

  function check(): void {
    timer = null;
    const { phase, wait } = idlePhase(clock.now(), last, warnMs, resetMs);
    if (phase === "reset") {
      warned = false;
      onReset();
      return;
    }
    if (phase === "warning" && !warned) {
      warned = true;
      onWarn();
    }
    arm(wait);
  }

  /** A touch, a key, an input: the minute starts again. */
  function activity(): void {
    last = clock.now();
    if (warned) {
      warned = false;
      onActive();
    }
    arm(warnMs);
  }

  function stop(): void {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  }

  return { activity, stop, isWarned: () => warned };
}
