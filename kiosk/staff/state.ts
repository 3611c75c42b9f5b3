/*
 * The page's stores, built once with the browser's real dependencies (fetch, clock, localStorage,
 * timers). Components import these; tests build their own with createBoardStore / createFormsStore.
 */
import { signal } from "@preact/signals";
import { timeZone, today } from "../shared/office";
import { staffApi } from "./api";
import type { StaffView } from "./board";
import { followBoard } from "./follow";
import { createFormsStore } from "./forms";
import { createBoardStore } from "./store";

/**
 * The section on show; with the board's day (`board.day`) it is the page's place, which the address
 * keeps (`?view=…&day=…`, address.ts). The fragment (`/staff#link=…`) belongs to the sign-in link.
 */
export const view = signal<StaffView>("appointments");

/** Set by the page once it knows: the session ended, show the sign-in. */
let signedOut: () => void = () => {};
export function onSignedOut(run: () => void): void {
  signedOut = run;
}

/** A store saw a 401: the session ended, the page shows the sign-in. */
export function sessionEnded(): void {
  signedOut();
}

export const board = createBoardStore({
  api: staffApi,
  now: () => new Date(),
  storage: {
    get: (key) => {
      try {
        return localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    set: (key, value) => {
      try {
        localStorage.setItem(key, value);
      } catch {
        // Storage off: the room is chosen again after a reload.
      }
    },
  },
  follow: followBoard,
  every: (run, ms) => {
    const id = setInterval(run, ms);
    return () => clearInterval(id);
  },
  onSignedOut: () => signedOut(),
});

export const forms = createFormsStore({
  api: staffApi,
  office: () => board.office.value,
  timeZone: () => timeZone.value,
  today: () => board.board.value?.day ?? today.value,
  changed: () => void board.refresh(),
  onSignedOut: () => signedOut(),
});
