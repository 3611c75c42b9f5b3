/*
 * The display's store wired to the browser: storage, the API, sound, speech, live updates, the clock
 * and keeping the screen on. The rules are in store.ts and calls.ts.
 */
import { signal } from "@preact/signals";
import type { DisplayState } from "../../schemas/display";
import { call } from "../shared/api";
import { pairDevice } from "../shared/api-kiosk";
import { followSlug } from "../shared/live";
import { keepAwake } from "../shared/wake";
import { chime, speak, unlockSound, watchSound } from "./sound";
import { createDisplayStore } from "./store";

function storage() {
  // Storage can be switched off: then the display works until it is reloaded, and asks for a code again.
  const safe = <T>(run: () => T, fallback: T): T => {
    try {
      return run();
    } catch {
      return fallback;
    }
  };
  return {
    get: (key: string) => safe(() => localStorage.getItem(key), null),
    set: (key: string, value: string) => safe(() => localStorage.setItem(key, value), undefined),
    remove: (key: string) => safe(() => localStorage.removeItem(key), undefined),
  };
}

export const store = createDisplayStore({
  load: (token, signal) => call<DisplayState>("/api/display/state", { headers: { authorization: `Bearer ${token}` }, signal }),
  pair: pairDevice,
  sound: { chime, watch: watchSound, unlock: unlockSound },
  speak,
  storage: storage(),
  now: () => Date.now(),
});

/** The display's idea of "now", ticking every second (the clock in the corner). */
export const tick = signal(Date.now());

/** How often to ask anyway while no live connection exists yet (first start without network). */
const START_RETRY_MS = 10_000;
/** Opening and closing happen by the clock, not by a change anyone makes: ask now and then. */
const SAFETY_REFRESH_MS = 5 * 60_000;

export function start(): void {
  keepAwake();
  store.startAudio();
  // No button on the public screen: a tap anywhere (or a key, for a display run from a keyboard) is the
  // gesture the browser wants before it plays sound; the hint says so while it is needed.
  for (const type of ["click", "keydown"] as const) addEventListener(type, () => void store.unlockAudio(), { capture: true });
  setInterval(() => (tick.value = Date.now()), 1000);

  // Follows the office of the paired display once the first answer says which one it is.
  const live = followSlug(
    () => (store.token.value ? (store.state.value?.office.slug ?? null) : null),
    "display",
    store.onChange,
    { onStatus: (s) => (store.live.value = s) },
  );
  setInterval(() => {
    if (!live.follower) void store.refresh();
  }, START_RETRY_MS);
  setInterval(() => void store.refresh(), SAFETY_REFRESH_MS);
  // The browser knows first when the network goes: the failed request shows "Verbindung unterbrochen" at
  // once instead of after the next ping; back online, the live follower reconnects and refetches.
  addEventListener("offline", () => void store.refresh());
  addEventListener("online", () => void store.refresh());
  void store.refresh();
}
