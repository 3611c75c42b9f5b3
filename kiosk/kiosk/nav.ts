/*
 * Which screen the kiosk shows. One screen at a time, without browser history entries (a shared
 * tablet has no address bar to go back with); each change counts a visit, so the screen mounts anew and
 * its heading takes the focus for screen readers.
 */
import { batch, signal } from "@preact/signals";
import { requestFocus } from "../shared/history";
import type { Screen } from "./screens";

export const screen = signal<Screen>("start");
/** Counts the screens shown; the screen is keyed on it. */
export const visit = signal(0);

const listeners: ((next: Screen) => void)[] = [];

/** Shows `next`; its heading takes the focus. */
export function go(next: Screen): void {
  batch(() => {
    screen.value = next;
    visit.value++;
  });
  requestFocus();
  for (const listener of listeners) listener(next);
}

/** Called on every screen change (the inactivity watch starts its minute again). */
export function onScreenChange(listener: (next: Screen) => void): void {
  listeners.push(listener);
}
