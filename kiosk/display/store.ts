/*
 * The call display's store: the only place that fetches or decides. It follows the office live
 * (kiosk/shared/live.ts), refetches `GET /api/display/state` on every "calls"/"queue"/"devices" news (and
 * after each reconnect, and every 10 s while the socket is down), chimes and announces each new call as
 * the device's settings say (made on the board: the public screen has no switches), and says when the
 * browser holds audio back until someone taps the screen. Components only render its signals. The world
 * comes in as `DisplayDeps`, so tests drive it without a DOM.
 */
import { batch, computed, signal } from "@preact/signals";
import type { DisplayState } from "../../schemas/display";
import type { Paired } from "../../schemas/kiosk";
import type { LiveChange } from "../../schemas/live";
import { ApiError } from "../shared/api";
import { pairAs, type PairProblem } from "../shared/api-kiosk";
import { concerns, type LiveStatus } from "../shared/live";
import { createRefresher } from "../shared/refresh";
import { cleanPairingCode, earlierCalls, liveText, newCalls, spokenText } from "./calls";
import { PAIRING_CODE_LENGTH } from "../../common/limits";

export const TOKEN_KEY = "sprechstunde.display.token";
/** Where the screen's own speech switch was kept before it became a device setting (migration 0014): removed. */
export const OLD_SPEECH_KEY = "sprechstunde.display.speech";

export interface DisplayDeps {
  load(token: string, signal: AbortSignal): Promise<DisplayState>;
  pair(code: string): Promise<Paired>;
  sound: {
    chime(): void;
    /** Prepares audio without a click; `onState(running)` now and on every change (the autoplay policy decides). */
    watch(onState: (running: boolean) => void): void;
    /** From a tap or key press: resolves to whether audio plays now. */
    unlock(): Promise<boolean>;
  };
  speak(text: string): void;
  storage: { get(key: string): string | null; set(key: string, value: string): void; remove(key: string): void };
  /** Milliseconds since the epoch (the display's own clock). */
  now(): number;
}

export type DisplayStore = ReturnType<typeof createDisplayStore>;

export function createDisplayStore(deps: DisplayDeps) {
  const token = signal<string | null>(deps.storage.get(TOKEN_KEY));
  /** Why the pairing screen shows: null for a display never paired, "forgotten" after a 401. */
  const unpairedBecause = signal<"forgotten" | null>(null);
  const pairCode = signal("");
  const pairProblem = signal<PairProblem | null>(null);
  const pairing = signal(false);

  const state = signal<DisplayState | null>(null);
  /** Failed state requests in a row. */
  const failures = signal(0);
  const live = signal<LiveStatus>("connecting");
  /** "Verbindung unterbrochen": the socket is down or the API does not answer. */
  const offline = computed(() => failures.value > 0 || live.value === "offline");
  /** The server's clock minus the display's, so a display with a wrong clock shows the right time. */
  const clockOffset = signal(0);
  /** Whether the browser lets the page play audio (and speak) now. */
  const audioRunning = signal(false);
  /** This display's settings, from its state (the board's device admin changes them). */
  const settings = computed(() => state.value?.settings ?? null);
  /**
   * "Ton blockiert – einmal auf den Bildschirm tippen": the display should chime or speak, but the browser
   * holds audio back until someone taps (after a reload without Chromium's autoplay flag).
   */
  const audioBlocked = computed(() => {
    const wanted = settings.value;
    return wanted !== null && (wanted.sound || wanted.speech) && !audioRunning.value;
  });
  /**
   * The latest new calls in words, for the screen reader's live region; `key` is the newest call's id,
   * so a repeated call (same words) is a new node in the region and is read out again.
   */
  const announcement = signal<{ key: number; text: string } | null>(null);

  const current = computed(() => state.value?.calls[0] ?? null);
  const earlier = computed(() => earlierCalls(state.value?.calls ?? []));

  let seen: Set<number> | null = null;

  /** One state request: the answer on screen, a chime and the words for each new call. */
  async function load(signal: AbortSignal): Promise<void> {
    const asked = token.value;
    if (!asked) return;
    try {
      const answer = await deps.load(asked, signal);
      if (signal.aborted || token.value !== asked) return;
      const fresh = newCalls(seen, answer.calls);
      seen = new Set(answer.calls.map((c) => c.id));
      batch(() => {
        state.value = answer;
        failures.value = 0;
        clockOffset.value = Date.parse(answer.now) - deps.now();
        if (fresh.length > 0) announcement.value = { key: fresh.at(-1)!.id, text: fresh.map(liveText).join(" ") };
        // A call withdrawn (put back in the queue) is not left in the live region to be read later.
        else if (announcement.value && !seen!.has(announcement.value.key)) announcement.value = null;
      });
      for (const call of fresh) {
        if (answer.settings.sound) deps.sound.chime();
        if (answer.settings.speech) deps.speak(spokenText(call));
      }
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof ApiError && error.status === 401) return forget();
      if (!(error instanceof ApiError)) console.warn(error);
      failures.value++;
    }
  }

  const refresher = createRefresher(load);

  /** Asks for the state now (or once more after a request under way), then chimes for what is new. */
  function refresh(): Promise<void> {
    return token.value ? refresher.refresh() : Promise.resolve();
  }

  /** Live news: refetch when it concerns what the display shows. */
  function onChange(changes: LiveChange[]): void {
    if (concerns(changes, "calls", "queue", "settings", "devices")) void refresh();
  }

  /** After a 401: the office revoked this display; forget the token and show the pairing screen. */
  function forget(): void {
    refresher.cancel();
    seen = null;
    deps.storage.remove(TOKEN_KEY);
    batch(() => {
      token.value = null;
      state.value = null;
      unpairedBecause.value = "forgotten";
      failures.value = 0;
    });
  }

  function typePairCode(input: string): void {
    pairCode.value = cleanPairingCode(input);
    pairProblem.value = null;
  }

  async function submitPair(): Promise<void> {
    if (pairing.value) return;
    if (pairCode.value.length !== PAIRING_CODE_LENGTH) {
      pairProblem.value = "unknown";
      return;
    }
    pairing.value = true;
    pairProblem.value = null;
    try {
      const paired = await pairAs("display", pairCode.value, deps.pair);
      if ("problem" in paired) {
        pairProblem.value = paired.problem;
        return;
      }
      deps.storage.set(TOKEN_KEY, paired.token);
      batch(() => {
        pairCode.value = "";
        unpairedBecause.value = null;
        token.value = paired.token;
      });
      void refresh();
    } finally {
      pairing.value = false;
    }
  }

  /** Prepares audio on start, without a click; the browser's policy decides whether it plays yet. */
  function startAudio(): void {
    deps.storage.remove(OLD_SPEECH_KEY);
    deps.sound.watch((running) => (audioRunning.value = running));
  }

  /**
   * Any tap or key on the screen: the one thing browsers accept to allow sound. Once audio plays this
   * does nothing; the first unlock chimes when sound is on, so whoever tapped hears that it works.
   */
  async function unlockAudio(): Promise<void> {
    if (audioRunning.value) return;
    const ok = await deps.sound.unlock();
    audioRunning.value = ok;
    if (ok && settings.value?.sound) deps.sound.chime();
  }

  return {
    token,
    unpairedBecause,
    pairCode,
    pairProblem,
    pairing,
    state,
    failures,
    live,
    offline,
    clockOffset,
    settings,
    audioRunning,
    audioBlocked,
    announcement,
    current,
    earlier,
    refresh,
    onChange,
    forget,
    typePairCode,
    submitPair,
    startAudio,
    unlockAudio,
  };
}
