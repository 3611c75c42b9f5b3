import { describe, expect, it } from "vitest";
import type { TicketView } from "../../schemas/kiosk";
import { ApiError } from "../../kiosk/shared/api";
import { createStatusStore } from "../../kiosk/status/state";

/*
 * The status page's store with its world held still: a fake API whose answers the test releases one by
 * one, and a fake timer whose pending delay the test reads and fires. Proves the 5 s poll (a minute while
 * the live channel is open), the backoff, keeping the last state while offline, stopping when done, and
 * the Page Visibility pause.
 */

const ticket = (over: Partial<TicketView> = {}): TicketView => ({
  label: "W 7",
  prefix: "W",
  number: 7,
  status: "waiting",
  ahead: 2,
  estimate: { low: 15, high: 45 },
  room: null,
  statusUrl: "https://termine.example.org/status#abcdefghijklmnopqrstuvwxyz",
  office: "kempten-ost",
  ...over,
});

interface Pending {
  token: string;
  resolve(answer: TicketView): void;
  reject(error: unknown): void;
}

function world() {
  const requests: Pending[] = [];
  let timer: { run: () => void; ms: number; id: number } | null = null;
  let ids = 0;
  /** Timers set and neither fired nor cleared: never more than one poll may be planned. */
  const armed = new Set<number>();
  let clock = new Date("2026-11-30T12:00:00Z");
  const store = createStatusStore({
    load: (token, signal) =>
      new Promise<TicketView>((resolve, reject) => {
        requests.push({ token, resolve, reject });
        signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      }),
    setTimer: (run, ms) => {
      timer = { run, ms, id: ++ids };
      armed.add(timer.id);
      return timer.id;
    },
    clearTimer: (id) => {
      armed.delete(id as number);
      if (timer?.id === id) timer = null;
    },
    now: () => clock,
  });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return {
    store,
    requests,
    /** The delay of the planned next request, or null when none is planned. */
    planned: () => timer?.ms ?? null,
    armed: () => armed.size,
    async fire() {
      const t = timer;
      if (!t) throw new Error("no request is planned");
      timer = null;
      armed.delete(t.id);
      t.run();
      await settle();
    },
    async answer(value: TicketView | unknown) {
      const r = requests.at(-1)!;
      if (value instanceof Error) r.reject(value);
      else r.resolve(value as TicketView);
      await settle();
    },
    tick(ms: number) {
      clock = new Date(clock.getTime() + ms);
    },
  };
}

const networkDown = () => new ApiError("network", "Failed to fetch", 0);

describe("the status store", () => {
  it("loads the number, then asks again every 5 s", async () => {
    const w = world();
    w.store.follow("tok_abcdefghijklmnopqrstu");
    expect(w.store.screen.value).toEqual({ kind: "loading" });
    expect(w.requests.map((r) => r.token)).toEqual(["tok_abcdefghijklmnopqrstu"]);
    expect(w.planned()).toBeNull(); // nothing planned while a request is under way

    await w.answer(ticket());
    expect(w.store.screen.value).toMatchObject({ kind: "waiting", label: "W 7", ahead: 2 });
    expect(w.planned()).toBe(5_000);

    await w.fire();
    expect(w.requests).toHaveLength(2);
    await w.answer(ticket({ ahead: 1 }));
    expect(w.store.screen.value).toMatchObject({ kind: "waiting", ahead: 1 });
    expect(w.planned()).toBe(5_000);
  });

  it("shows the call when the number is called, and keeps asking until the conversation is done", async () => {
    const w = world();
    w.store.follow("tok_abcdefghijklmnopqrstu");
    await w.answer(ticket());
    await w.fire();
    await w.answer(ticket({ status: "called", room: "Raum 2", ahead: 0, estimate: { low: 0, high: 0 } }));
    expect(w.store.screen.value).toEqual({ kind: "called", label: "W 7", room: "Raum 2" });
    expect(w.planned()).toBe(5_000);
    await w.fire();
    await w.answer(ticket({ status: "done" }));
    expect(w.store.screen.value).toEqual({ kind: "done", label: "W 7" });
    expect(w.planned()).toBeNull();
    // Nothing wakes a finished number up again.
    w.store.setVisible(true);
    await w.store.refresh();
    expect(w.requests).toHaveLength(3);
  });

  it("keeps the last state while the network is gone, backs off, and recovers", async () => {
    const w = world();
    w.store.follow("tok_abcdefghijklmnopqrstu");
    await w.answer(ticket({ ahead: 4 }));
    const delays: (number | null)[] = [];
    for (let i = 0; i < 5; i++) {
      await w.fire();
      w.tick(10_000);
      await w.answer(networkDown());
      delays.push(w.planned());
      expect(w.store.offline.value).toBe(true);
      expect(w.store.screen.value).toMatchObject({ kind: "waiting", ahead: 4 });
    }
    expect(delays).toEqual([10_000, 20_000, 40_000, 60_000, 60_000]);
    expect(w.store.updatedAt.value?.toISOString()).toBe("2026-11-30T12:00:00.000Z");

    await w.fire();
    await w.answer(ticket({ ahead: 1 }));
    expect(w.store.offline.value).toBe(false);
    expect(w.store.screen.value).toMatchObject({ kind: "waiting", ahead: 1 });
    expect(w.planned()).toBe(5_000);
  });

  it("waits as long as a 429 asks", async () => {
    const w = world();
    w.store.follow("tok_abcdefghijklmnopqrstu");
    await w.answer(new ApiError("rate_limited", "slow down", 429, undefined, 90));
    expect(w.planned()).toBe(90_000);
  });

  it("says the link is unknown on a 404 and stops asking", async () => {
    const w = world();
    w.store.follow("tok_abcdefghijklmnopqrstu");
    await w.answer(new ApiError("not_found", "This number is unknown.", 404));
    expect(w.store.screen.value).toEqual({ kind: "unknown" });
    expect(w.store.offline.value).toBe(false);
    expect(w.planned()).toBeNull();
  });

  it("asks nothing without a token", () => {
    const w = world();
    w.store.follow(null);
    expect(w.store.screen.value).toEqual({ kind: "unknown" });
    expect(w.requests).toHaveLength(0);
  });

  it("pauses while the page is hidden and asks at once when it is seen again", async () => {
    const w = world();
    w.store.follow("tok_abcdefghijklmnopqrstu");
    await w.answer(ticket());
    expect(w.planned()).toBe(5_000);
    w.store.setVisible(false);
    expect(w.planned()).toBeNull();
    w.store.setVisible(true);
    expect(w.requests).toHaveLength(2);
    await w.answer(ticket({ ahead: 0 }));
    expect(w.planned()).toBe(5_000);
  });

  it("plans nothing when the page is hidden as an answer arrives", async () => {
    const w = world();
    w.store.follow("tok_abcdefghijklmnopqrstu");
    w.store.setVisible(false);
    await w.answer(ticket());
    expect(w.store.screen.value).toMatchObject({ kind: "waiting" });
    expect(w.planned()).toBeNull();
  });

  it("asks once more when news arrives during a request (the hook a live channel will use)", async () => {
    const w = world();
    w.store.follow("tok_abcdefghijklmnopqrstu");
    void w.store.refresh();
    void w.store.refresh();
    expect(w.requests).toHaveLength(1);
    await w.answer(ticket());
    expect(w.requests).toHaveLength(2);
    await w.answer(ticket({ status: "called", room: "Raum 1" }));
    expect(w.store.screen.value).toMatchObject({ kind: "called", room: "Raum 1" });
    expect(w.requests).toHaveLength(2);
  });

  it("follows a new link in the same tab and drops the old answer", async () => {
    const w = world();
    w.store.follow("tok_first_abcdefghijklmnop");
    w.store.follow("tok_second_abcdefghijklmno");
    await w.requests[0]!.resolve(ticket({ label: "W 1" }));
    await w.answer(ticket({ label: "W 2" }));
    expect(w.store.screen.value).toMatchObject({ label: "W 2" });
    expect(w.requests.map((r) => r.token)).toEqual(["tok_first_abcdefghijklmnop", "tok_second_abcdefghijklmno"]);
  });

  it("asks once a minute while the live channel is open, every 5 s again once it goes, one poll at a time", async () => {
    const w = world();
    w.store.follow("tok_abcdefghijklmnopqrstu");
    await w.answer(ticket());
    expect(w.planned()).toBe(5_000);
    w.store.setLive(true); // the socket opened: the planned poll becomes the slow safety net
    expect(w.planned()).toBe(60_000);
    expect(w.armed()).toBe(1);
    void w.store.refresh(); // the follower's refetch on open, and live news after it
    await w.answer(ticket({ ahead: 1 }));
    expect(w.planned()).toBe(60_000);
    expect(w.armed()).toBe(1);
    await w.fire();
    await w.answer(ticket({ ahead: 1 }));
    expect(w.planned()).toBe(60_000);
    w.store.setLive(false); // dropped: the next request within 5 s, not up to a minute later
    expect(w.planned()).toBe(5_000);
    expect(w.armed()).toBe(1);
    // A change of pace while a request is under way plans nothing: the answer does.
    await w.fire();
    w.store.setLive(true);
    expect(w.armed()).toBe(0);
    await w.answer(ticket());
    expect(w.planned()).toBe(60_000);
    expect(w.armed()).toBe(1);
    expect(w.requests).toHaveLength(4);
  });

  it("backs off as usual while live when the API does not answer, and stays asleep while hidden", async () => {
    const w = world();
    w.store.follow("tok_abcdefghijklmnopqrstu");
    w.store.setLive(true);
    await w.answer(networkDown());
    expect(w.planned()).toBe(10_000);
    w.store.setVisible(false);
    w.store.setLive(false);
    expect(w.armed()).toBe(0);
  });
});
