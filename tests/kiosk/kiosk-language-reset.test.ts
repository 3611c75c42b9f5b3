import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { IDLE_RESET_MS, IDLE_WARN_MS } from "../../kiosk/kiosk/idle";
import { office } from "./office-fixture";

/*
 * The kiosk's language belongs to one visitor (issue 12): the real store (kiosk/kiosk/state.ts) in Node
 * with a fake fetch and a fake clock. A language chosen at the tablet is carried by the number taken in
 * it, and the minute without a touch brings German back for the next visitor, wherever the tablet was.
 */

const TICKET = {
  label: "W 3",
  prefix: "W",
  number: 3,
  status: "waiting",
  ahead: 2,
  estimate: { low: 15, high: 45 },
  room: null,
  statusUrl: "https://termine.example.org/status?lang=ru#abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
  office: "kempten-ost",
  locale: "ru",
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

async function kiosk() {
  vi.resetModules();
  const posts: { url: string; body: unknown }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn((input: string, init?: RequestInit) => {
      const url = String(input);
      if (url.startsWith("/api/location")) return Promise.resolve(json(200, office()));
      if (url.startsWith("/api/kiosk/state")) {
        return Promise.resolve(json(200, { open: true, waiting: 2, walkInTopics: [{ key: "fragen", label: { de: "Fragen", en: "Questions" }, icon: "chat" }], nextOpening: null }));
      }
      posts.push({ url, body: JSON.parse(String(init?.body ?? "null")) });
      return Promise.resolve(json(201, TICKET));
    }),
  );
  const device = await import("../../kiosk/kiosk/device");
  const nav = await import("../../kiosk/kiosk/nav");
  const state = await import("../../kiosk/kiosk/state");
  const locale = await import("../../kiosk/shared/locale");
  device.rememberDevice("device-token");
  return { nav, state, locale, posts };
}

/** Lets the fake fetch's answers arrive (microtasks only: the fake clock stays where it is). */
async function answers(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

beforeEach(() => vi.spyOn(console, "warn").mockImplementation(() => {}));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the kiosk's language after the idle reset", () => {
  it("goes back to German on the start screen itself, without asking first", async () => {
    const k = await kiosk();
    await k.state.setLanguage("uk");
    expect(k.locale.locale.value).toBe("uk");
    expect(k.state.k.value.welcome).toBe("Ласкаво просимо!");
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    k.state.stillHere(); // the last touch
    vi.advanceTimersByTime(IDLE_WARN_MS);
    expect(k.state.idleWarning.value).toBe(false); // nothing typed on the start screen: no question
    expect(k.locale.locale.value).toBe("uk");
    vi.advanceTimersByTime(IDLE_RESET_MS - IDLE_WARN_MS);
    expect(k.locale.locale.value).toBe("de");
    expect(k.state.k.value.welcome).toBe("Willkommen!");
    expect(k.nav.screen.value).toBe("start");
  });

  it("a number taken in Russian carries the language; a minute later the tablet is German with no number on it", async () => {
    const k = await kiosk();
    await k.state.setLanguage("ru");
    k.state.openWalkIn();
    k.state.chooseWalkInTopic("fragen");
    await answers();
    expect(k.posts).toEqual([{ url: "/api/kiosk/tickets", body: { topic: "fragen", locale: "ru" } }]);
    expect(k.nav.screen.value).toBe("ticket");
    expect(k.state.ticket.value?.label).toBe("W 3");

    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    k.state.stillHere();
    vi.advanceTimersByTime(IDLE_WARN_MS);
    expect(k.state.idleWarning.value).toBe(true); // "Вы ещё здесь?"
    expect(k.state.k.value.idleHeading).toBe("Вы ещё здесь?");
    vi.advanceTimersByTime(IDLE_RESET_MS - IDLE_WARN_MS);
    expect(k.locale.locale.value).toBe("de");
    expect(k.nav.screen.value).toBe("start");
    expect(k.state.ticket.value).toBeNull();
    expect(k.state.idleWarning.value).toBe(false);
  });

  it("a touch in time keeps the visitor's language", async () => {
    const k = await kiosk();
    await k.state.setLanguage("ar");
    k.state.openCheckin();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    k.state.stillHere();
    vi.advanceTimersByTime(IDLE_WARN_MS);
    expect(k.state.idleWarning.value).toBe(true);
    k.state.stillHere(); // "نعم، ما زلت هنا"
    vi.advanceTimersByTime(IDLE_RESET_MS - IDLE_WARN_MS);
    expect(k.locale.locale.value).toBe("ar");
    expect(k.nav.screen.value).toBe("checkin");
  });
});
