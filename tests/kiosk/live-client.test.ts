import { signal } from "@preact/signals";
import { describe, expect, it } from "vitest";
import { LIVE_CLOSE_CROWDED, LiveChange } from "../../schemas/live";
import {
  ALL_CHANGES,
  MAX_RECONNECT_MS,
  changesOf,
  createLiveFollower,
  followSlug,
  liveUrl,
  reconnectDelay,
  type LiveFollower,
  type LiveStatus,
  type LiveWorld,
  type SocketLike,
} from "../../kiosk/shared/live";

/*
 * The live client's rules without a browser: a fake WebSocket and a hand-driven clock. What matters:
 * after every (re)connect the page refetches once; while down it polls and retries with growing,
 * jittered waits; a dead connection (no pong) is noticed; stop() really stops.
 */

class FakeSocket implements SocketLike {
  onopen: SocketLike["onopen"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  onerror: SocketLike["onerror"] = null;
  sent: string[] = [];
  closed = false;
  constructor(readonly url: string) {}
  send(text: string) {
    this.sent.push(text);
  }
  close() {
    this.closed = true;
  }
  // What the server or the network does:
  open() {
    this.onopen?.({});
  }
  receive(data: string) {
    this.onmessage?.({ data });
  }
  drop() {
    this.onerror?.({});
    this.onclose?.({});
  }
  /** The server closed the socket with this code (a browser CloseEvent carries it). */
  closedByServer(code: number) {
    this.onclose?.({ code });
  }
}

/** Timers that run only when the test moves the clock. */
function world(random = 0.5) {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  const sockets: FakeSocket[] = [];
  const w: LiveWorld = {
    open: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    setTimer: (run, ms) => {
      timers.set(++seq, { at: now + ms, run });
      return seq;
    },
    clearTimer: (h) => void timers.delete(h as number),
    random: () => random,
  };
  return {
    w,
    sockets,
    last: () => sockets.at(-1)!,
    /** Moves the clock by `ms`, running due timers in order. */
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = until;
    },
    pending: () => timers.size,
  };
}

function follow(opts: { random?: number; pollMs?: number | null } = {}) {
  const t = world(opts.random);
  const changes: LiveChange[][] = [];
  const statuses: LiveStatus[] = [];
  const follower = createLiveFollower("ws://x/api/live/o?client=display", (c) => changes.push(c), t.w, {
    pollMs: opts.pollMs === undefined ? 10_000 : opts.pollMs,
    pingMs: 25_000,
    pongTimeoutMs: 10_000,
    onStatus: (s) => statuses.push(s),
  });
  return { ...t, changes, statuses, follower };
}

describe("reconnectDelay: 1 s doubling to 30 s, with jitter in the upper half", () => {
  it.each([
    [0, 0, 1000],
    [0, 1, 1000],
    [1, 0, 1000],
    [1, 1, 2000],
    [2, 0, 2000],
    [2, 1, 4000],
    [3, 0.5, 6000],
    [4, 1, 16_000],
    [5, 0, 15_000],
    [5, 1, 30_000],
    [12, 1, 30_000],
    [60, 0, 15_000],
  ])("attempt %i, random %f → %i ms", (attempt, random, ms) => {
    expect(reconnectDelay(attempt, () => random)).toBe(ms);
  });

  it("never waits less than 1 s nor more than 30 s", () => {
    for (let attempt = 0; attempt < 40; attempt++) {
      for (const r of [0, 0.3, 0.999]) {
        const d = reconnectDelay(attempt, () => r);
        expect(d).toBeGreaterThanOrEqual(1000);
        expect(d).toBeLessThanOrEqual(MAX_RECONNECT_MS);
      }
    }
  });
});

describe("changesOf: what a socket message reports", () => {
  it("reads the kinds of a live message and ignores pongs, junk and unknown kinds", () => {
    expect(changesOf(JSON.stringify({ type: "changed", changes: ["calls", "queue"], at: "x" }))).toEqual(["calls", "queue"]);
    expect(changesOf(JSON.stringify({ type: "changed", changes: ["calls", "weather"], at: "x" }))).toEqual(["calls"]);
    expect(changesOf(JSON.stringify({ type: "changed", changes: ["weather"] }))).toBeNull();
    expect(changesOf("pong")).toBeNull();
    expect(changesOf("null")).toBeNull();
    expect(changesOf(JSON.stringify({ type: "other", changes: ["queue"] }))).toBeNull();
  });

  it("knows every kind of change the server can send", () => {
    expect([...ALL_CHANGES].sort()).toEqual([...LiveChange.options].sort());
  });
});

describe("createLiveFollower", () => {
  it("refetches once on connect, then passes on what the office reports", () => {
    const f = follow();
    expect(f.statuses).toEqual([]);
    expect(f.follower.status).toBe("connecting");
    f.last().open();
    expect(f.statuses).toEqual(["live"]);
    expect(f.changes).toEqual([[...ALL_CHANGES]]);
    f.last().receive(JSON.stringify({ type: "changed", changes: ["calls"], at: "2026-11-30T13:00:00.000Z" }));
    expect(f.changes.at(-1)).toEqual(["calls"]);
    expect(f.sockets).toHaveLength(1);
    expect(f.last().url).toBe("ws://x/api/live/o?client=display");
  });

  it("after a drop: polls every 10 s, reconnects with growing waits, and refetches once it is back", () => {
    const f = follow({ random: 1 }); // the longest waits: 1, 2, 4, 8 s …
    f.last().open();
    f.changes.length = 0;
    f.last().drop();
    expect(f.follower.status).toBe("offline");

    f.advance(999);
    expect(f.sockets).toHaveLength(1); // not before 1 s
    f.advance(1);
    expect(f.sockets).toHaveLength(2);
    f.last().drop(); // the server is still down
    f.advance(1999);
    expect(f.sockets).toHaveLength(2);
    f.advance(1);
    expect(f.sockets).toHaveLength(3);
    f.last().drop();
    f.advance(4000);
    expect(f.sockets).toHaveLength(4);
    f.last().drop();
    // Meanwhile the page was told to look every 10 s: at 10 s after the drop.
    f.advance(10_000 - 7000);
    expect(f.changes).toEqual([[...ALL_CHANGES]]);

    f.advance(8000 - 3000 + 1000); // the 8 s retry is due
    expect(f.sockets).toHaveLength(5);
    f.last().open();
    expect(f.follower.status).toBe("live");
    expect(f.statuses).toEqual(["live", "offline", "live"]);
    expect(f.changes).toHaveLength(2); // the refetch after reconnecting
    // Live again: no more polling (20 s: two poll periods, before the first ping is due).
    f.advance(20_000);
    expect(f.changes).toHaveLength(2);

    // The backoff starts afresh after a success.
    f.last().drop();
    f.advance(1000);
    expect(f.sockets).toHaveLength(6);
  });

  it("closed to make room (4029): polls and comes back only after the longest wait; other closes retry at once", () => {
    const f = follow({ random: 0 }); // the shortest waits: half the ceiling
    f.last().open();
    f.last().closedByServer(LIVE_CLOSE_CROWDED);
    expect(f.follower.status).toBe("offline");
    f.advance(14_999);
    expect(f.sockets).toHaveLength(1); // not before 15 s (half of 30 s)
    expect(f.changes).toHaveLength(2); // the poll at 10 s went on
    f.advance(1);
    expect(f.sockets).toHaveLength(2);
    f.last().open();
    // An ordinary server close (a restart) retries after 1 s as before.
    f.last().closedByServer(1001);
    f.advance(1000);
    expect(f.sockets).toHaveLength(3);
  });

  it("waits at most 30 s between attempts, however long the outage", () => {
    const f = follow({ random: 1 });
    for (let i = 0; i < 12; i++) {
      const before = f.sockets.length;
      f.last().drop();
      f.advance(30_000);
      expect(f.sockets.length).toBe(before + 1);
    }
  });

  it("notices a dead connection: no answer to a ping within 10 s counts as a drop", () => {
    const f = follow({ random: 0 });
    f.last().open();
    f.advance(25_000);
    expect(f.last().sent).toEqual(["ping"]);
    f.last().receive("pong");
    f.advance(10_000);
    expect(f.follower.status).toBe("live"); // answered in time

    f.advance(15_000); // the next ping, and this time silence
    expect(f.last().sent).toEqual(["ping", "ping"]);
    f.advance(10_000);
    expect(f.follower.status).toBe("offline");
    expect(f.sockets[0]!.closed).toBe(true);
    f.advance(1000);
    expect(f.sockets).toHaveLength(2);
  });

  it("reconnectNow (the browser is online again) tries at once, and not while connected", () => {
    const f = follow({ random: 1 });
    f.last().open();
    f.follower.reconnectNow();
    expect(f.sockets).toHaveLength(1);
    for (let i = 0; i < 5; i++) {
      f.last().drop();
      f.advance(60_000);
    }
    f.last().drop();
    const count = f.sockets.length;
    f.follower.reconnectNow();
    expect(f.sockets).toHaveLength(count + 1);
  });

  it("stop() closes the socket and leaves no timer behind", () => {
    const f = follow();
    f.last().open();
    f.last().drop();
    f.follower.stop();
    expect(f.pending()).toBe(0);
    const seen = f.changes.length;
    f.advance(120_000);
    expect(f.changes).toHaveLength(seen);
    expect(f.sockets).toHaveLength(1);

    const g = follow();
    g.last().open();
    g.follower.stop();
    expect(g.last().closed).toBe(true);
    g.last().receive(JSON.stringify({ type: "changed", changes: ["queue"], at: "x" }));
    expect(g.changes).toHaveLength(1); // only the first refetch
  });
});

describe("a page that polls on its own (pollMs: null)", () => {
  it("is never told to look while down, yet reconnects and refetches once it is back", () => {
    const f = follow({ pollMs: null, random: 1 });
    f.last().open();
    f.changes.length = 0;
    f.last().drop();
    f.advance(999);
    expect(f.pending()).toBe(1); // the reconnect only, no poll timer
    f.advance(1);
    f.last().drop();
    f.advance(60_000);
    expect(f.changes).toEqual([]);
    f.last().open();
    expect(f.changes).toEqual([[...ALL_CHANGES]]);
    expect(f.statuses).toEqual(["live", "offline", "live"]);
  });
});

describe("followSlug: the office a page learns it has", () => {
  function page() {
    const slug = signal<string | null>(null);
    const opened: { slug: string; stopped: boolean }[] = [];
    const statuses: LiveStatus[] = [];
    const open = (office: string): LiveFollower => {
      const f = { slug: office, stopped: false };
      opened.push(f);
      return { status: "connecting", reconnectNow: () => {}, stop: () => void (f.stopped = true) };
    };
    const follow = followSlug(() => slug.value, "status", () => {}, { onStatus: (s) => statuses.push(s) }, open);
    return { slug, opened, statuses, follow };
  }

  it("follows nothing until the slug is known, then one office for as long as it stays", () => {
    const p = page();
    expect(p.opened).toEqual([]);
    expect(p.follow.follower).toBeNull();
    p.slug.value = "kempten-ost";
    p.slug.value = "kempten-ost";
    expect(p.opened).toEqual([{ slug: "kempten-ost", stopped: false }]);
    expect(p.follow.follower?.status).toBe("connecting");
    // A new follower says it is connecting, so a page does not keep the old one's "live".
    expect(p.statuses).toEqual(["connecting"]);
  });

  it("moves to a new office, stops at null, and stop() ends it for good", () => {
    const p = page();
    p.slug.value = "kempten-ost";
    p.slug.value = "memmingen";
    expect(p.opened).toEqual([
      { slug: "kempten-ost", stopped: true },
      { slug: "memmingen", stopped: false },
    ]);
    p.slug.value = null;
    expect(p.opened[1]!.stopped).toBe(true);
    expect(p.follow.follower).toBeNull();
    p.slug.value = "kempten-ost";
    expect(p.opened).toHaveLength(3);
    p.follow.stop();
    expect(p.opened[2]!.stopped).toBe(true);
    p.slug.value = "memmingen";
    expect(p.opened).toHaveLength(3);
  });
});

describe("liveUrl", () => {
  it("uses wss on https pages and the page's own host", () => {
    expect(liveUrl("kempten-ost", "status", { protocol: "https:", host: "termine.example.org" })).toBe(
      "wss://termine.example.org/api/live/kempten-ost?client=status",
    );
    expect(liveUrl("e2e-open", "display", { protocol: "http:", host: "127.0.0.1:8787" })).toBe("ws://127.0.0.1:8787/api/live/e2e-open?client=display");
  });
});
