import { describe, expect, it } from "vitest";
import { bind } from "../../common/i18n/messages";
import type { TicketView } from "../../schemas/kiosk";
import de from "../../kiosk/status/i18n/status/de";
import en from "../../kiosk/status/i18n/status/en";
import { langParam } from "../../kiosk/shared/locale";
import { aheadInWords, isFinal, nextPollDelay, screenOf, waitInWords, type Screen } from "../../kiosk/status/view";

/*
 * The status page's pure rules: what each state of a number shows, the wait in words, and how long the
 * page waits before asking again. The "called" screen is proven here: no API can call a number yet.
 */

const ticket = (over: Partial<TicketView> = {}): TicketView => ({
  label: "W 7",
  prefix: "W",
  number: 7,
  status: "waiting",
  ahead: 3,
  estimate: { low: 15, high: 60 },
  room: null,
  statusUrl: "https://termine.example.org/status#abcdefghijklmnopqrstuvwxyz",
  office: "kempten-ost",
  ...over,
});

describe("screenOf: what the page shows for a number", () => {
  it.each<[string, Parameters<typeof screenOf>[0], TicketView | null, Screen]>([
    ["still asking", "loading", null, { kind: "loading" }],
    ["an unknown link, even with an old answer on screen", "unknown", ticket(), { kind: "unknown" }],
    ["waiting: number, people ahead, estimate", "ready", ticket(), { kind: "waiting", label: "W 7", ahead: 3, estimate: { low: 15, high: 60 } }],
    ["called into a room", "ready", ticket({ status: "called", room: "Raum 2", ahead: 0 }), { kind: "called", label: "W 7", room: "Raum 2" }],
    ["called without a room yet", "ready", ticket({ status: "called", room: null }), { kind: "called", label: "W 7", room: null }],
    ["in the conversation", "ready", ticket({ status: "in_progress", room: "Raum 1" }), { kind: "inProgress", label: "W 7", room: "Raum 1" }],
    ["done", "ready", ticket({ status: "done" }), { kind: "done", label: "W 7" }],
    ["not there when called", "ready", ticket({ status: "no_show" }), { kind: "noShow", label: "W 7" }],
    ["withdrawn", "ready", ticket({ status: "cancelled", label: "T 3" }), { kind: "cancelled", label: "T 3" }],
  ])("%s", (_, phase, t, expected) => {
    expect(screenOf(phase, t)).toEqual(expected);
  });

  it("stops asking only when nothing more can happen to the number", () => {
    const finals = (["waiting", "called", "in_progress", "done", "no_show", "cancelled"] as const).map((status) =>
      isFinal(screenOf("ready", ticket({ status }))),
    );
    expect(finals).toEqual([false, false, false, true, false, true]);
    expect(isFinal(screenOf("unknown", null))).toBe(true);
    expect(isFinal(screenOf("loading", null))).toBe(false);
  });
});

describe("the words of the called screen", () => {
  const words = { de: bind(de, de, "de"), en: bind(de, en, "en") };

  it.each([
    ["de", "Raum 2", "Sie sind dran – Raum 2"],
    ["en", "Raum 2", "It is your turn – Raum 2"],
  ] as const)("%s, room %s: %s", (lang, room, text) => {
    expect(words[lang].calledInRoom({ room })).toBe(text);
  });

  it("puts the call into the tab's title, so a glance at the tab list is enough", () => {
    const s = words.de;
    expect(s.documentTitleCalled({ called: s.calledInRoom({ room: "Raum 2" }), label: "W 7" })).toBe("Sie sind dran – Raum 2: W 7");
    expect(s.documentTitle({ label: "W 7" })).toBe("W 7 – Ihre Nummer");
    expect(words.en.documentTitle({ label: "W 7" })).toBe("W 7 – Your number");
  });

  it("counts the people ahead in plain words (every language: tests/kiosk/plurals.test.ts)", () => {
    expect([0, 1, 2].map((n) => aheadInWords(n, words.de))).toEqual([
      "Sie sind als Nächstes dran.",
      "Vor Ihnen ist noch 1 Person.",
      "Vor Ihnen sind noch 2 Personen.",
    ]);
    expect([0, 1, 5].map((n) => aheadInWords(n, words.en))).toEqual(["You are next.", "There is 1 person before you.", "There are 5 people before you."]);
  });
});

describe("waitInWords", () => {
  const wait = { de: bind(de, de, "de").wait, en: bind(de, en, "en").wait };

  it.each([
    // low, high, German, English, why
    [15, 30, "etwa 15 bis 30 Minuten", "about 15 to 30 minutes", "the usual range"],
    [0, 30, "bis zu 30 Minuten", "up to 30 minutes", "nobody ahead, but a conversation may be running"],
    [30, 30, "etwa 30 Minuten", "about 30 minutes", "low and high the same"],
    [0, 1, "bis zu 1 Minute", "up to 1 minute", "singular"],
    [45, 90, "etwa 45 bis 90 Minuten", "about 45 to 90 minutes", "up to 90 minutes stays in minutes"],
    [60, 120, "etwa 1 bis 2 Stunden", "about 1 to 2 hours", "above 90 minutes in hours"],
    [45, 120, "etwa 45 Minuten bis 2 Stunden", "about 45 minutes to 2 hours", "minutes to hours"],
    [75, 100, "etwa 1 bis 2 Stunden", "about 1 to 2 hours", "rounded outwards to half hours, never promising less"],
    [90, 150, "etwa 1,5 bis 2,5 Stunden", "about 1.5 to 2.5 hours", "half hours, with the decimal sign of the language"],
    [0, 95, "bis zu 2 Stunden", "up to 2 hours", "nobody ahead, slow conversations"],
    [120, 120, "etwa 2 Stunden", "about 2 hours", "equal, in hours"],
    [60, 60, "etwa 60 Minuten", "about 60 minutes", "an hour or less stays in minutes"],
    [30, 15, "etwa 15 bis 30 Minuten", "about 15 to 30 minutes", "a reversed range is read the right way round"],
    [0, 0, "nur noch kurz", "only a short while", "nothing to wait for"],
  ])("%i–%i: %s / %s (%s)", (low, high, german, english) => {
    expect(waitInWords({ low, high }, wait.de, "de")).toBe(german);
    expect(waitInWords({ low, high }, wait.en, "en")).toBe(english);
  });

  it("does not depend on the host's time zone or locale", () => {
    // The suite runs under TZ=UTC and TZ=Pacific/Kiritimati; nothing here may read either.
    expect(waitInWords({ low: 15, high: 30 }, wait.de, "de")).toBe("etwa 15 bis 30 Minuten");
  });
});

describe("nextPollDelay: asking again", () => {
  it.each<[number, number | undefined, number, string]>([
    [0, undefined, 5_000, "every 5 s while all is well"],
    [1, undefined, 10_000, "after one failure, 10 s"],
    [2, undefined, 20_000, "then 20 s"],
    [3, undefined, 40_000, "then 40 s"],
    [4, undefined, 60_000, "at most a minute"],
    [50, undefined, 60_000, "however long the network is gone"],
    [1, 120, 120_000, "a 429's Retry-After when it asks for longer"],
    [3, 2, 40_000, "but not shorter than the backoff"],
    [-1, undefined, 5_000, "a nonsense count is treated as none"],
  ])("%i failures, Retry-After %s → %i ms (%s)", (failures, retryAfter, ms) => {
    expect(nextPollDelay(failures, retryAfter)).toBe(ms);
  });

  it("asks once a minute while the live channel is open, but backs off as usual after failures", () => {
    expect(nextPollDelay(0, undefined, true)).toBe(60_000);
    expect(nextPollDelay(1, undefined, true)).toBe(10_000);
    expect(nextPollDelay(0, 120, true)).toBe(120_000);
    expect(nextPollDelay(0, undefined, false)).toBe(5_000);
  });
});

describe("langParam: the language the status address asks for", () => {
  it.each<[string, string | null]>([
    ["?lang=ar", "ar"],
    ["?lang=uk&x=1", "uk"],
    ["", null],
    ["?lang=fr", null],
    ["?lang=AR", null],
    ["?lang=", null],
  ])("%s → %s", (search, expected) => {
    expect(langParam(search)).toBe(expected);
  });
});
