import { describe, expect, it } from "vitest";
import { cleanPairingCode, earlierCalls, liveText, newCalls, spokenText } from "../../kiosk/display/calls";
import { createDisplayStore, SPEECH_KEY, TOKEN_KEY, type DisplayDeps } from "../../kiosk/display/store";
import { ApiError } from "../../kiosk/shared/api";
import type { DisplayCall, DisplayState } from "../../schemas/display";

/*
 * The call display's rules without a DOM: a chime (and, when switched on, a spoken announcement) for
 * every new call id, a repeat included, none for what was on screen before the display started; the
 * announcement's words; pairing; a revoked display going back to pairing.
 */

const at = "2026-11-30T13:00:00.000Z";
const c = (id: number, label: string, room = "Raum 1"): DisplayCall => ({ id, label, room, at });
const state = (calls: DisplayCall[], over: Partial<DisplayState> = {}): DisplayState => ({
  office: { slug: "kempten-ost", name: "Zukunft Kempten-Ost", shortName: "Kempten-Ost", timeZone: "Europe/Berlin" },
  now: at,
  calls,
  waiting: 2,
  open: true,
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

function fakeDeps(initial: Record<string, string> = {}) {
  const stored = new Map(Object.entries(initial));
  const answers: (DisplayState | Error)[] = [];
  const log: string[] = [];
  let unlocked = false;
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
      unlock: async () => (unlocked = true),
      unlocked: () => unlocked,
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
    await store.enableSound();
    f.log.length = 0; // the test chime of "Ton einschalten"

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

  it("speaks each new call when switched on, and remembers the choice", async () => {
    const f = fakeDeps({ [TOKEN_KEY]: "t" });
    const store = createDisplayStore(f.deps);
    f.answers.push(state([]));
    await store.refresh();
    store.setSpeech(true);
    expect(f.stored.get(SPEECH_KEY)).toBe("on");
    f.answers.push(state([c(2, "W 2", "Raum 2"), c(1, "T 1")]));
    await store.refresh();
    // Sound is still locked (nobody clicked): no chime, but speech follows its own switch.
    expect(f.log).toEqual(["speak: Nummer T 1, bitte in Raum 1.", "speak: Nummer W 2, bitte in Raum 2."]);
    expect(createDisplayStore(f.deps).speechOn.value).toBe(true);
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
