/*
 * Live updates for the front ends: a WebSocket to `/api/live/:office` that says "something changed"
 * (never what: see schemas/live.ts). The page then refetches what it shows through its own route.
 *
 * The socket is a shortcut, never the only way: while it is down the follower polls (calls `onChange`
 * with every kind of change every `pollMs`) and reconnects with exponential backoff and jitter
 * (1 s … 30 s), and after every (re)connect it calls `onChange` once, so a page that missed messages
 * shows the current state. A ping every `pingMs` notices a connection that died without a close (a
 * network drop): no answer within `pongTimeoutMs` counts as closed.
 *
 * `createLiveFollower` takes its world (sockets, timers, randomness) as arguments and is tested in Node;
 * `followOffice` wires it to the browser; `followSlug` follows whichever office a page learns it has.
 */
import { effect, untracked } from "@preact/signals";
// Types only from schemas/live.ts (it imports zod); the plain values come from the zod-free limits.
import { LIVE_CHANGES, LIVE_CLOSE_CROWDED } from "../../common/limits";
import type { LiveChange, LiveClient } from "../../schemas/live";

/** Every kind of change: what a poll or a reconnect reports, since it cannot know what changed. */
export const ALL_CHANGES = LIVE_CHANGES satisfies readonly LiveChange[];

export const MIN_RECONNECT_MS = 1_000;
export const MAX_RECONNECT_MS = 30_000;

/**
 * The wait before reconnect attempt `attempt` (0 = the first after a drop): the ceiling doubles from 1 s
 * up to 30 s, and the wait is drawn from its upper half ("equal jitter"), so a hundred screens that lost
 * the same server do not all come back in the same millisecond, yet none waits much less than planned.
 */
export function reconnectDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(MAX_RECONNECT_MS, MIN_RECONNECT_MS * 2 ** Math.max(0, attempt));
  return Math.max(MIN_RECONNECT_MS, Math.round(ceiling / 2 + (random() * ceiling) / 2));
}

/** An attempt number whose backoff ceiling is the longest (1 s · 2^5 > 30 s). */
const CROWDED_ATTEMPT = Math.ceil(Math.log2(MAX_RECONNECT_MS / MIN_RECONNECT_MS));

function closeCode(event: unknown): number | null {
  const code = typeof event === "object" && event !== null ? (event as { code?: unknown }).code : undefined;
  return typeof code === "number" ? code : null;
}

/** The kinds of change in a socket message, or null when it is not a live message (e.g. "pong"). */
export function changesOf(text: string): LiveChange[] | null {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof message !== "object" || message === null) return null;
  const { type, changes } = message as { type?: unknown; changes?: unknown };
  if (type !== "changed" || !Array.isArray(changes)) return null;
  const known = changes.filter((c): c is LiveChange => (ALL_CHANGES as readonly unknown[]).includes(c));
  return known.length > 0 ? known : null;
}

/** connecting: the first attempt; live: the socket is open; offline: down, polling and reconnecting. */
export type LiveStatus = "connecting" | "live" | "offline";

/** The part of a browser WebSocket the follower uses. */
export interface SocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(text: string): void;
  close(code?: number, reason?: string): void;
}

export interface LiveWorld {
  open(url: string): SocketLike;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  random(): number;
}

export interface FollowOptions {
  /**
   * While the socket is down: how often to report "everything may have changed". Null: never, because
   * the page polls on its own (and paces that poll by `onStatus`), so it never runs two polls at once.
   */
  pollMs?: number | null;
  /** How often to ping an open socket. */
  pingMs?: number;
  /** How long to wait for any answer to a ping before giving the connection up. */
  pongTimeoutMs?: number;
  onStatus?(status: LiveStatus): void;
}

export interface LiveFollower {
  readonly status: LiveStatus;
  /** Try at once (the browser says it is online again), starting the backoff afresh. */
  reconnectNow(): void;
  stop(): void;
}

export function createLiveFollower(
  url: string,
  onChange: (changes: LiveChange[]) => void,
  world: LiveWorld,
  { pollMs = 10_000, pingMs = 25_000, pongTimeoutMs = 10_000, onStatus }: FollowOptions = {},
): LiveFollower {
  let status: LiveStatus = "connecting";
  let socket: SocketLike | null = null;
  let attempt = 0;
  let stopped = false;
  let reconnectTimer: unknown = null;
  let pollTimer: unknown = null;
  let pingTimer: unknown = null;
  let pongTimer: unknown = null;

  const clear = (handle: unknown) => {
    if (handle !== null) world.clearTimer(handle);
    return null;
  };

  function setStatus(next: LiveStatus): void {
    if (status === next) return;
    status = next;
    onStatus?.(next);
  }

  function connect(): void {
    reconnectTimer = clear(reconnectTimer);
    let s: SocketLike;
    try {
      s = world.open(url);
    } catch {
      return dropped(null);
    }
    socket = s;
    s.onopen = () => {
      if (socket !== s || stopped) return;
      attempt = 0;
      pollTimer = clear(pollTimer);
      setStatus("live");
      schedulePing();
      // Whatever happened while it was connecting or down: the page shows the present now.
      onChange([...ALL_CHANGES]);
    };
    s.onmessage = (event) => {
      if (socket !== s || stopped) return;
      pongTimer = clear(pongTimer); // any answer shows the connection is alive
      const changes = changesOf(String(event.data));
      if (changes) onChange(changes);
    };
    s.onclose = (event) => {
      // Closed to make room for others: come back only after the longest wait, so crowded phones do not
      // push each other out in a loop (polling goes on meanwhile).
      if (closeCode(event) === LIVE_CLOSE_CROWDED) attempt = Math.max(attempt, CROWDED_ATTEMPT);
      dropped(s);
    };
    s.onerror = () => dropped(s);
  }

  function schedulePing(): void {
    pingTimer = clear(pingTimer);
    pingTimer = world.setTimer(() => {
      pingTimer = null;
      const s = socket;
      if (!s || status !== "live") return;
      try {
        s.send("ping");
      } catch {
        return dropped(s);
      }
      pongTimer = clear(pongTimer);
      pongTimer = world.setTimer(() => {
        pongTimer = null;
        // No answer: a dead connection the browser has not noticed yet.
        try {
          s.close(4000, "no pong");
        } catch {
          // gone anyway
        }
        dropped(s);
      }, pongTimeoutMs);
      schedulePing();
    }, pingMs);
  }

  /** The socket `s` is gone (null: it could not even be made). Poll, and try again after a while. */
  function dropped(s: SocketLike | null): void {
    if (stopped || (s !== null && socket !== s)) return;
    if (s) s.onopen = s.onmessage = s.onclose = s.onerror = null;
    socket = null;
    pingTimer = clear(pingTimer);
    pongTimer = clear(pongTimer);
    setStatus("offline");
    if (pollMs !== null) pollTimer ??= world.setTimer(poll, pollMs);
    reconnectTimer = clear(reconnectTimer);
    reconnectTimer = world.setTimer(connect, reconnectDelay(attempt++, world.random));
  }

  function poll(): void {
    pollTimer = null;
    if (stopped || status === "live" || pollMs === null) return;
    onChange([...ALL_CHANGES]);
    pollTimer = world.setTimer(poll, pollMs);
  }

  connect();

  return {
    get status() {
      return status;
    },
    reconnectNow() {
      if (stopped || socket) return;
      attempt = 0;
      connect();
    },
    stop() {
      stopped = true;
      for (const t of [reconnectTimer, pollTimer, pingTimer, pongTimer]) clear(t);
      reconnectTimer = pollTimer = pingTimer = pongTimer = null;
      const s = socket;
      socket = null;
      if (s) {
        s.onopen = s.onmessage = s.onclose = s.onerror = null;
        try {
          s.close(1000, "done");
        } catch {
          // already closed
        }
      }
    },
  };
}

/** The socket address for an office, on this page's host (ws: locally, wss: in production). */
export function liveUrl(office: string, client: LiveClient, page: { protocol: string; host: string }): string {
  const scheme = page.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${page.host}/api/live/${encodeURIComponent(office)}?client=${client}`;
}

/**
 * Follows an office in the browser: `onChange` is called with the kinds of change the office reports,
 * and with all kinds after each (re)connect and on each poll while disconnected. Coming back online
 * reconnects at once. `stop()` ends it.
 */
export function followOffice(
  office: string,
  client: LiveClient,
  onChange: (changes: LiveChange[]) => void,
  options: FollowOptions = {},
): LiveFollower {
  const follower = createLiveFollower(
    liveUrl(office, client, location),
    onChange,
    {
      open: (url) => new WebSocket(url) as unknown as SocketLike,
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      random: Math.random,
    },
    options,
  );
  const online = () => follower.reconnectNow();
  addEventListener("online", online);
  return {
    get status() {
      return follower.status;
    },
    reconnectNow: () => follower.reconnectNow(),
    stop() {
      removeEventListener("online", online);
      follower.stop();
    },
  };
}

/** What `followSlug` holds: the follower of the office followed now, if any. */
export interface SlugFollow {
  readonly follower: LiveFollower | null;
  stop(): void;
}

/**
 * Follows the office `slugOf()` names, once a page learns it (a paired device's first answer, a queue
 * number's office) and for as long as it names it: reads signals, so a new office stops the old
 * follower and starts a new one, and null follows nothing. Each new follower's first status (connecting)
 * is reported at once, so `onStatus` never keeps the old follower's "live". `open` is the browser's
 * `followOffice` unless a test passes its own.
 */
export function followSlug(
  slugOf: () => string | null,
  client: LiveClient,
  onChange: (changes: LiveChange[]) => void,
  options: FollowOptions = {},
  open: typeof followOffice = followOffice,
): SlugFollow {
  let follower: LiveFollower | null = null;
  let followed: string | null = null;
  const dispose = effect(() => {
    const slug = slugOf();
    if (slug === followed) return;
    untracked(() => {
      follower?.stop();
      follower = null;
      followed = slug;
      if (!slug) return;
      const started = (follower = open(slug, client, onChange, options));
      options.onStatus?.(started.status);
    });
  });
  return {
    get follower() {
      return follower;
    },
    stop() {
      dispose();
      follower?.stop();
      follower = null;
      followed = null;
    },
  };
}

/** Whether a change list concerns any of `kinds` (a page refetches only for what it shows). */
export function concerns(changes: readonly LiveChange[], ...kinds: LiveChange[]): boolean {
  return changes.some((c) => kinds.includes(c));
}
