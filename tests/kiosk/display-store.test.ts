import { describe, expect, it } from "vitest";
import { cleanPairingCode, earlierCalls, liveText, newCalls, spokenText } from "../../kiosk/display/calls";
import { createDisplayStore, OLD_SPEECH_KEY, TOKEN_KEY, type DisplayDeps } from "../../kiosk/display/store";
import { ApiError } from "../../kiosk/shared/api";
import type { DisplayCall, DisplayState } from "../../schemas/display";

/*
 * The call display's rules without a DOM: a chime (and, when the device's settings say so, a spoken
 * announcement) for every new call id, a repeat included, none for what was on screen before the display
 * started; a withdrawn call leaving the screen silently; the audio-blocked hint and the tap that ends it;
 * the announcement's words; pairing; a revoked display going back to pairing.
 */

const at = "2026-11-30T13:00:00.000Z";
const c = (id: number, label: string, room = "Raum 1"): DisplayCall => ({ id, label, room, at });
const state = (calls: DisplayCall[], over: Partial<DisplayState> = {}): DisplayState => ({
  office: { slug: "kempten-ost", name: "Zukunft Kempten-Ost", shortName: "Kempten-Ost", timeZone: "Europe/Berlin" },
  now: at,
  calls,
  waiting: 2,
  open: true,
  nextOpening: null,
  settings: { sound: true, speech: false },
  ...over,
});

describe("newCalls", () => {
  it.each([
    ["first answer: history, no chime", null, [c(3, "W 3"), c(2, "W 2")], []],
    ["nothing new", [3, 2], [c(3, "W 3"), c(2, "W 2")], []],
    ["one new call", [2, 1], [c(3, "W 3"), c(2, "W 2"), c(1, "W 1")], [3]],
    ["a repeat of W 2 is a new call (new id)", [3, 2], [c(4, "W 2"), c(3, "W 3"), c(2, "W 2")], [4]],
    ["two at once (two rooms): oldest first", [1], [c(3, "W 3"), c(2, "W 2"), c(1, "W 1")], [2, 3]],
    ["after a long outage every unseen call counts", [1], [c(9, "W 9"), c(8, "W 8")], [8, 9]],
    ["a new day: the list empties", [5, 4], [], []],
  ] as const)("%s", (_, seen, calls, expected) => {
    expect(newCalls(seen === null ? null : new Set(seen), calls).map((x) => x.id)).toEqual(expected);
  });
});

describe("earlierCalls: the list below the current call", () => {
  it("shows each number once at its latest call, never the one on show", () => {
    const calls = [c(6, "W 3", "Raum 2"), c(5, "W 4"), c(4, "W 3", "Raum 2"), c(3, "T 1", "Raum 2"), c(2, "W 4"), c(1, "W 2")];
    expect(earlierCalls(calls).map((x) => x.id)).toEqual([5, 3, 1]);
    expect(earlierCalls([c(1, "W 1")])).toEqual([]);
    expect(earlierCalls([])).toEqual([]);
  });
});

describe("what is said", () => {
  it("speaks German: 'Nummer W 7, bitte in Raum 2.'", () => {
    expect(spokenText({ label: "W 7", room: "Raum 2" })).toBe("Nummer W 7, bitte in Raum 2.");
  });
  it("reads German then English to screen readers", () => {
    expect(liveText({ label: "T 3", room: "Raum 1" })).toBe("Nummer T 3, bitte in Raum 1. Number T 3, please go to Raum 1.");
  });
  it("cleans a typed pairing code: upper case, code characters only, 8 at most", () => {
    expect(cleanPairingCode(" acd-efg hjk ")).toBe("ACDEFGHJ");
    expect(cleanPairingCode("0O1I")).toBe(""); // look-alikes are not in the alphabet
  });
});

/** `audio`: whether the browser lets the page play sound without a tap (Chromium's autoplay flag) or not. */
function fakeDeps(initial: Record<string, string> = {}, audio: "allowed" | "blocked" = "allowed") {
  const stored = new Map(Object.entries(initial));
  const answers: (DisplayState | Error)[] = [];
  const log: string[] = [];
  let running = audio === "allowed";
  let watcher: ((running: boolean) => void) | null = null;
  const calls = { load: 0 };
  const deps: DisplayDeps = {
    load: async () => {
      calls.load++;
      const next = answers.shift();
      if (!next) throw new Error("no answer prepared");
      if (next instanceof Error) throw next;
      return next;
    },
    pair: async (code) => {
      if (code === "ACDEFGHJ") return { token: "display-token", kind: "display", label: "TV" };
      if (code === "KMNPQRTU") return { token: "kiosk-token", kind: "kiosk", label: "Tablet" };
      throw new ApiError("unknown_code", "unknown", 404);
    },
    sound: {
      chime: () => void log.push("chime"),
      watch: (onState) => {
        watcher = onState;
        onState(running);
      },
      unlock: async () => {
        running = true;
        watcher?.(true);
        return true;
      },
    },
    speak: (text) => void log.push(`speak: ${text}`),
    storage: { get: (k) => stored.get(k) ?? null, set: (k, v) => void stored.set(k, v), remove: (k) => void stored.delete(k) },
    now: () => Date.parse(at) - 90_000, // the display's clock is 90 s behind
  };
  return { deps, stored, answers, log, calls };
}

describe("the display store", () => {
  it("chimes once per new call, a repeat too, and not for the calls it found on start", async () => {
    const f = fakeDeps({ [TOKEN_KEY]: "t" });
    const store = createDisplayStore(f.deps);
    store.startAudio();

    f.answers.push(state([c(2, "W 2"), c(1, "W 1")]));
    await store.refresh();
    expect(store.current.value?.label).toBe("W 2");
    expect(f.log).toEqual([]);

    f.answers.push(state([c(3, "W 3", "Raum 2"), c(2, "W 2"), c(1, "W 1")]));
    store.onChange(["calls"]);
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(f.log).toEqual(["chime"]);
    expect(store.announcement.value).toEqual({ key: 3, text: liveText({ label: "W 3", room: "Raum 2" }) });

    // "Call again" for W 3: a new call id.
    f.answers.push(state([c(4, "W 3", "Raum 2"), c(3, "W 3", "Raum 2"), c(2, "W 2"), c(1, "W 1")]));
    await store.refresh();
    expect(f.log).toEqual(["chime", "chime"]);
    expect(store.announcement.value).toEqual({ key: 4, text: liveText({ label: "W 3", room: "Raum 2" }) }); // read out again
    expect(store.current.value?.id).toBe(4);
    expect(store.earlier.value.map((x) => x.id)).toEqual([2, 1]); // W 3 is on show above, once
    expect(store.clockOffset.value).toBe(90_000);
  });

  it("chimes and speaks as the device's settings say, and follows a change of them", async () => {
    const f = fakeDeps({ [TOKEN_KEY]: "t", [OLD_SPEECH_KEY]: "on" });
    const store = createDisplayStore(f.deps);
    store.startAudio();
    // The screen's own switch of before is gone: the board decides now.
    expect(f.stored.has(OLD_SPEECH_KEY)).toBe(false);
    f.answers.push(state([], { settings: { sound: false, speech: true } }));
    await store.refresh();
    f.answers.push(state([c(2, "W 2", "Raum 2"), c(1, "T 1")], { settings: { sound: false, speech: true } }));
    await store.refresh();
    expect(f.log).toEqual(["speak: Nummer T 1, bitte in Raum 1.", "speak: Nummer W 2, bitte in Raum 2."]);

    // The board switches speech off and the chime on ("devices" news): the next call chimes, silently.
    f.log.length = 0;
    f.answers.push(state([c(2, "W 2", "Raum 2"), c(1, "T 1")], { settings: { sound: true, speech: false } }));
    store.onChange(["devices"]);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.settings.value).toEqual({ sound: true, speech: false });
    f.answers.push(state([c(3, "W 3"), c(2, "W 2", "Raum 2"), c(1, "T 1")], { settings: { sound: true, speech: false } }));
    await store.refresh();
    expect(f.log).toEqual(["chime"]);
  });

  it("lets a withdrawn call (put back in the queue) leave the screen without a chime", async () => {
    const f = fakeDeps({ [TOKEN_KEY]: "t" });
    const store = createDisplayStore(f.deps);
    store.startAudio();
    f.answers.push(state([c(2, "W 2", "Raum 2"), c(1, "W 1")]));
    await store.refresh();
    f.answers.push(state([c(3, "W 3"), c(2, "W 2", "Raum 2"), c(1, "W 1")]));
    await store.refresh();
    expect(store.current.value?.label).toBe("W 3");
    expect(store.announcement.value?.key).toBe(3);
    f.log.length = 0;
    // The API no longer lists W 3's call: the call before it is on show again, not news.
    f.answers.push(state([c(2, "W 2", "Raum 2"), c(1, "W 1")]));
    await store.refresh();
    expect(store.current.value?.label).toBe("W 2");
    expect(store.earlier.value.map((x) => x.label)).toEqual(["W 1"]);
    expect(f.log).toEqual([]);
    expect(store.announcement.value).toBeNull();
  });

  it("says audio is blocked while the browser holds it back and sound or speech is wanted; a tap ends it with a chime", async () => {
    const f = fakeDeps({ [TOKEN_KEY]: "t" }, "blocked");
    const store = createDisplayStore(f.deps);
    store.startAudio();
    // Not before the display knows its settings.
    expect(store.audioBlocked.value).toBe(false);
    f.answers.push(state([], { settings: { sound: false, speech: false } }));
    await store.refresh();
    // Neither wanted: nothing to unlock, nothing to say.
    expect(store.audioBlocked.value).toBe(false);
    f.answers.push(state([], { settings: { sound: false, speech: true } }));
    await store.refresh();
    expect(store.audioBlocked.value).toBe(true);
    f.answers.push(state([], { settings: { sound: true, speech: true } }));
    await store.refresh();
    expect(store.audioBlocked.value).toBe(true);

    await store.unlockAudio();
    expect(store.audioBlocked.value).toBe(false);
    expect(f.log).toEqual(["chime"]); // whoever tapped hears that it works
    await store.unlockAudio(); // later taps do nothing
    expect(f.log).toEqual(["chime"]);
  });

  it("ignores news it does not show, and says 'offline' while the API or the socket is down", async () => {
    const f = fakeDeps({ [TOKEN_KEY]: "t" });
    const store = createDisplayStore(f.deps);
    store.onChange(["bookings", "outbox"]);
    expect(f.calls.load).toBe(0);
    f.answers.push(state([]));
    store.onChange(["queue"]); // the waiting count
    expect(f.calls.load).toBe(1);
    await new Promise((r) => setTimeout(r, 0));

    f.answers.push(new ApiError("network", "down", 0));
    await store.refresh();
    expect(store.offline.value).toBe(true);
    f.answers.push(state([]));
    await store.refresh();
    expect(store.offline.value).toBe(false);
    store.live.value = "offline";
    expect(store.offline.value).toBe(true);
  });

  it("pairs with a display code, refuses a kiosk code, and goes back to pairing when revoked (401)", async () => {
    const f = fakeDeps();
    const store = createDisplayStore(f.deps);
    expect(store.token.value).toBeNull();
    store.typePairCode("kmnpqrtu");
    await store.submitPair();
    expect(store.pairProblem.value).toBe("wrongKind");
    expect(f.stored.has(TOKEN_KEY)).toBe(false);

    store.typePairCode("acdefghj");
    f.answers.push(state([c(1, "W 1")]));
    await store.submitPair();
    expect(store.token.value).toBe("display-token");
    expect(f.stored.get(TOKEN_KEY)).toBe("display-token");

    f.answers.push(new ApiError("unauthorized", "revoked", 401));
    await store.refresh();
    expect(store.token.value).toBeNull();
    expect(store.unpairedBecause.value).toBe("forgotten");
    expect(f.stored.has(TOKEN_KEY)).toBe(false);
  });
});
