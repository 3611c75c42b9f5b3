import { afterEach, describe, expect, it, vi } from "vitest";
import type { ManagedBooking } from "../../schemas/bookings";

/*
 * The manage page's store when its link changes while a booking is still loading (`/manage#A`, then
 * `#B` in the same tab): whatever order the answers come back in, the page shows the booking of the link
 * open now, so it never shows A while its buttons act on B. The real store, with a fake fetch whose
 * answers the test releases one by one, and just enough of a browser (location, history, document).
 */

const bookingOf = (id: string): ManagedBooking =>
  ({
    id,
    kind: "request",
    status: "requested",
    locale: "de",
    proposals: [],
    office: { slug: `office-${id}` },
  }) as unknown as ManagedBooking;

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

/** A tab on `/manage?proposal=…#A` with the store started; `answer(token)` releases that link's GET. */
async function openTab(search: string, hash: string) {
  vi.resetModules();
  const pending = new Map<string, () => void>();
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: string) => {
      const m = /^\/api\/bookings\/manage\/([^/?]+)$/.exec(String(input));
      if (!m) return new Promise<Response>(() => {}); // the office and anything else: never answered
      const token = decodeURIComponent(m[1]!);
      await new Promise<void>((resolve) => pending.set(token, resolve));
      return json(bookingOf(token));
    }),
  );
  const listeners = new Map<string, () => void>();
  const location = { hash, search, get href() { return `http://localhost/manage${this.search}${this.hash}`; } };
  vi.stubGlobal("location", location);
  vi.stubGlobal("history", { state: null, pushState: vi.fn(), replaceState: vi.fn(), back: vi.fn() });
  vi.stubGlobal("addEventListener", (type: string, fn: () => void) => listeners.set(type, fn));
  vi.stubGlobal("document", { documentElement: { lang: "" }, title: "" });
  vi.stubGlobal("localStorage", { getItem: () => null, setItem: () => {} });
  const state = await import("../../kiosk/manage/state");
  state.start();
  await settle();
  return {
    state,
    /** The link in the address bar changes to `#next` (a hashchange; the query stays as it was). */
    follow: async (next: string) => {
      location.hash = next;
      listeners.get("hashchange")!();
      await settle();
    },
    answer: async (token: string) => {
      pending.get(token)!();
      await settle();
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the manage page when its link changes while loading", () => {
  it("A answers after B: the page shows B, A's late answer is dropped", async () => {
    const tab = await openTab("", "#tokenA");
    expect(tab.state.phase.value).toBe("loading");
    await tab.follow("#tokenB");
    await tab.answer("tokenB");
    expect([tab.state.phase.value, tab.state.booking.value?.id]).toEqual(["ready", "tokenB"]);
    await tab.answer("tokenA");
    expect([tab.state.phase.value, tab.state.booking.value?.id]).toEqual(["ready", "tokenB"]);
  });

  it("A answers first, while B is loading: the page keeps loading B and shows nothing of A", async () => {
    const tab = await openTab("", "#tokenA");
    await tab.follow("#tokenB");
    await tab.answer("tokenA");
    expect([tab.state.phase.value, tab.state.booking.value]).toEqual(["loading", null]);
    await tab.answer("tokenB");
    expect([tab.state.phase.value, tab.state.booking.value?.id]).toEqual(["ready", "tokenB"]);
  });

  it("the choice made on A's page does not carry over to B: B starts from the link's own `?proposal=`", async () => {
    const tab = await openTab("?proposal=p1", "#tokenA");
    expect(tab.state.choice.value).toBe("p1");
    tab.state.choose("none");
    await tab.follow("#tokenB");
    expect(tab.state.choice.value).toBe("p1");
  });
});
