/*
 * The call display's store: the only place that fetches or decides. It follows the office live
 * (kiosk/shared/live.ts), refetches `GET /api/display/state` on every "calls"/"queue" news (and after
 * each reconnect, and every 10 s while the socket is down), chimes and announces each new call, and
 * remembers whether to speak. Components only render its signals. The world comes in as `DisplayDeps`,
 * so tests drive it without a DOM.
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
export const SPEECH_KEY = "sprechstunde.display.speech";

export interface DisplayDeps {
  load(token: string, signal: AbortSignal): Promise<DisplayState>;
  pair(code: string): Promise<Paired>;
  sound: { chime(): void; unlock(): Promise<boolean>; unlocked(): boolean };
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
  const soundOn = signal(deps.sound.unlocked());
  const speechOn = signal(deps.storage.get(SPEECH_KEY) === "on");
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
      });
      for (const call of fresh) {
        if (soundOn.value) deps.sound.chime();
        if (speechOn.value) deps.speak(spokenText(call));
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
    if (concerns(changes, "calls", "queue", "settings")) void refresh();
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

  /** "Ton einschalten": from a click, the one thing browsers accept to allow sound. */
  async function enableSound(): Promise<void> {
    const ok = await deps.sound.unlock();
    soundOn.value = ok;
    if (ok) deps.sound.chime(); // so whoever set it up hears that it works
  }

  function setSpeech(on: boolean): void {
    speechOn.value = on;
    deps.storage.set(SPEECH_KEY, on ? "on" : "off");
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
    soundOn,
    speechOn,
    announcement,
    current,
    earlier,
    refresh,
    onChange,
    forget,
    typePairCode,
    submitPair,
    enableSound,
    setSpeech,
  };
}
