/*
 * Steps of a flow as browser history entries: every step the visitor moves to is pushed, so the
 * browser's back button goes one step back instead of leaving the page, and nothing typed is lost (it
 * lives in the store, not in the page). A step that the store cannot show any more (its slot went) is
 * resolved by the flow to the nearest one it can. The flow's own "Zurück" buttons use the same entries.
 */
import { signal, type Signal } from "@preact/signals";

interface StepState<S> {
  step: S;
  depth: number;
}

function isStepState(value: unknown): value is StepState<string> {
  const v = value as Partial<StepState<string>> | null;
  return typeof v?.step === "string" && typeof v.depth === "number";
}

/**
 * Whether "back" to `previous` can be the browser's own back (the entry before this one shows that
 * step), or must push `previous` as a new entry (the visitor jumped here, e.g. "Ändern" on the review).
 */
export function backUsesHistory<S>(trail: readonly (S | undefined)[], depth: number, previous: S): boolean {
  return depth > 0 && trail[depth - 1] === previous;
}

let focusPending = false;

/** Asks the next step heading that appears to take the focus (see `StepHeading`). */
export function requestFocus(): void {
  focusPending = true;
}

/** True once after `requestFocus`: the page's first render does not move the focus. */
export function takeFocusRequest(): boolean {
  const pending = focusPending;
  focusPending = false;
  return pending;
}

export interface StepHistoryOptions<S extends string> {
  step: Signal<S>;
  /** The step to show when the history asks for `wanted` (null: an entry from before this page). */
  resolve: (wanted: string | null) => S;
  /** The step a "Zurück" button leads to; null on the first step. */
  previous: (step: S) => S | null;
  /** The address each entry keeps (the manage page keeps its `#token`). */
  url: () => string;
}

export function createStepHistory<S extends string>({ step, resolve, previous, url }: StepHistoryOptions<S>) {
  /** Counts the steps shown; components key on it, so a step shown again mounts (and focuses) anew. */
  const visit = signal(0);
  const trail: (S | undefined)[] = [];
  let depth = 0;

  function show(next: S): void {
    step.value = next;
    visit.value++;
    requestFocus();
  }

  /** Moves forward (or jumps) to `next` as a new history entry. */
  function go(next: S): void {
    depth++;
    trail.length = depth;
    trail[depth] = next;
    history.pushState({ step: next, depth } satisfies StepState<S>, "", url());
    show(next);
  }

  /** Shows `next` in place of the current entry (after an answer that makes the current step moot). */
  function replace(next: S): void {
    trail[depth] = next;
    history.replaceState({ step: next, depth } satisfies StepState<S>, "", url());
    show(next);
  }

  /** The "Zurück" button: the browser's back when that leads to the previous step, else a new entry. */
  function back(): void {
    const target = previous(step.value);
    if (target === null) return;
    if (backUsesHistory(trail, depth, target)) history.back();
    else go(target);
  }

  /** Takes over the current entry (a reload keeps its step when the store can still show it). */
  function start(): void {
    const saved: unknown = history.state;
    depth = isStepState(saved) ? saved.depth : 0;
    const first = resolve(isStepState(saved) ? saved.step : null);
    trail[depth] = first;
    history.replaceState({ step: first, depth } satisfies StepState<S>, "", url());
    step.value = first;
    addEventListener("popstate", (event: PopStateEvent) => {
      // Entries without a step are in-page links (#datenschutz): their own listeners handle them.
      if (!isStepState(event.state)) return;
      depth = event.state.depth;
      const next = resolve(event.state.step);
      trail[depth] = next;
      if (next !== event.state.step) history.replaceState({ step: next, depth } satisfies StepState<S>, "", url());
      show(next);
    });
  }

  return { visit, go, replace, back, start };
}
