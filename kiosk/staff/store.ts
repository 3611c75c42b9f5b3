/*
 * The board's store: the day as the API last answered it, my room, the queue actions and what each of
 * them said. Everything from outside (API, clock, storage, live updates, timers) comes in as `deps`,
 * so tests/staff/ drives it without a DOM or a server. Rules are the pure helpers of board.ts.
 */
import { batch, computed, signal } from "@preact/signals";
import type { Board, BoardTicket } from "../../schemas/staff-board";
import { createRefresher } from "../shared/refresh";
import type { StaffApi, TicketVerb } from "./api";
import {
  callNextState,
  canMarkBookingNoShow,
  canResendMail,
  currentIn,
  otherRooms,
  showsEstimates,
  parseSavedRoom,
  refetchAfter,
  tenseOf,
  ticketActions,
  validRoom,
  waitingWalkIns,
  type Connection,
  type TicketAction,
} from "./board";
import { staffFailure, type StaffFailure } from "./failure";

export const ROOM_KEY = "sprechstunde.staff.room";
const STALE_AFTER_MS = 15 * 60_000;
/** How old the wait ranges on the board may get before it loads them again. */
const ESTIMATE_FRESH_MS = 60_000;

/** How the board learns that something changed; returns a function that stops following. */
export type Follow = (office: string, onChange: () => void, onConnection: (c: Connection) => void) => () => void;

export interface BoardDeps {
  api: StaffApi;
  now: () => Date;
  storage: { get(key: string): string | null; set(key: string, value: string): void };
  follow: Follow;
  /** Runs `run` every `ms`; returns a function that stops it (the minute tick of "waited"). */
  every: (run: () => void, ms: number) => () => void;
  /** The session ended (401): the page shows the sign-in again. */
  onSignedOut: () => void;
}

/** What the live region says after an action or when a new call appears on the board. */
export interface Announcement {
  kind: "call" | "recall" | "start" | "finish" | "noShow" | "requeue" | "resent";
  label: string;
  room: string;
  /** Counts up, so the same words said twice still change the region. */
  seq: number;
}

/** Where an action's error is shown: beside "call next", on the room card, or on one row. */
export type ErrorPlace = "callNext" | "room" | `ticket:${string}` | `booking:${string}`;

const VERB: Readonly<Record<TicketAction, TicketVerb>> = {
  recall: "recall",
  start: "start",
  finish: "finish",
  noShow: "no-show",
  requeue: "requeue",
};

export type BoardStore = ReturnType<typeof createBoardStore>;

export function createBoardStore(deps: BoardDeps) {
  const office = signal<string | null>(null);
  /** The local day asked for, null for today (the API answers with the office's today). */
  const day = signal<string | null>(null);
  const board = signal<Board | null>(null);
  const phase = signal<"idle" | "loading" | "ready" | "error">("idle");
  /** When the board on show was loaded: "waited" counts on from there. */
  const loadedAt = signal<Date>(deps.now());
  /** The clock as the page shows it; ticks every minute. */
  const now = signal<Date>(deps.now());
  const savedRoom = signal<number | null>(parseSavedRoom(deps.storage.get(ROOM_KEY)));
  const connection = signal<Connection>("polling");
  /** The place whose action is running (its buttons say so and ignore a second click). */
  const busy = signal<ErrorPlace | null>(null);
  const errors = signal<Partial<Record<ErrorPlace, StaffFailure>>>({});
  const announcement = signal<Announcement | null>(null);
  /** A booking or request opened from the search: its row is marked and takes the focus once shown. */
  const found = signal<string | null>(null);
  /** Counts the office's changes the board heard of: other views (the week) load again on it. */
  const changes = signal(0);

  const roomId = computed(() => validRoom(board.value, savedRoom.value));
  const room = computed(() => board.value?.rooms.find((r) => r.id === roomId.value) ?? null);
  const callNext = computed(() => callNextState(board.value, roomId.value));
  const mine = computed(() => currentIn(board.value, roomId.value));
  const myActions = computed(() => (mine.value ? ticketActions(mine.value) : []));
  const waiting = computed(() => waitingWalkIns(board.value));
  const others = computed(() => otherRooms(board.value, roomId.value));
  /** Whether the day on show is gone by, today or to come (null until it has loaded). */
  const tense = computed(() => (board.value ? tenseOf(board.value) : null));

  let seq = 0;
  /** Actions that changed something, and how many of them the newest board load started after. */
  let actionsDone = 0;
  let loadedThrough = 0;
  let stops: (() => void)[] = [];
  /** What the live follower last said; the board shows "offline" on top of it while loads fail. */
  let followed: Connection = "polling";

  function announce(kind: Announcement["kind"], label: string, roomName: string): void {
    announcement.value = { kind, label, room: roomName, seq: ++seq };
  }

  /**
   * Numbers this page just called and announced itself, each with the count of actions that includes its
   * call: a load that started after that finds the call on the board and must not say it a second time;
   * a load that started before cannot have it, and keeps the number here for the next. By ticket, not by
   * instant: the call's time may be written differently.
   */
  const calledHere = new Map<string, number>();

  /** The newest call on the board when it was last loaded (`ticketId|at`). */
  let lastSeenCall: string | null = null;

  /**
   * Says a call that appeared on the board since the last load and that nobody here announced yet (a
   * colleague's, or one made on another PC). The first load says nothing: those calls are old news.
   * `through` is the count of actions the load started after.
   */
  function announceNewCall(next: Board, first: boolean, through: number): void {
    const latest = next.calls[0];
    const key = latest ? `${latest.ticketId}|${latest.at}` : null;
    if (!first && latest && key !== lastSeenCall && !calledHere.has(latest.ticketId)) announce("call", latest.label, latest.room);
    lastSeenCall = key;
    for (const [ticket, action] of calledHere) if (action <= through) calledHere.delete(ticket);
  }

  const refresher = createRefresher(load);

  /**
   * Shows another day (null: today): what was shown goes at once, so nothing is done to the wrong day's
   * list, and a load still under way for the old day is dropped. `mark` marks a booking or request on it.
   */
  function showDay(next: string | null, mark: string | null = null): Promise<void> {
    found.value = mark;
    if (next === day.value && board.value) return Promise.resolve();
    refresher.cancel();
    batch(() => {
      day.value = next;
      board.value = null;
      phase.value = "loading";
      errors.value = {};
    });
    // The new day's first load finds no board, so it announces none of that day's calls (announceNewCall).
    return refresh();
  }

  /**
   * Loads the board. Triggers that overlap (an action, live news, the socket opening, the stale tick)
   * share loads: while one is under way they all wait for a single further load, which starts after it
   * and so sees whatever made them ask. Resolves once a load that started after the call has ended.
   */
  function refresh(): Promise<void> {
    return office.value ? refresher.refresh() : Promise.resolve();
  }

  /** One board load; a failure shows as the connection or the phase. */
  async function load(signal: AbortSignal): Promise<void> {
    const slug = office.value;
    if (!slug) return;
    const through = actionsDone;
    const wanted = day.value;
    if (!board.value) phase.value = "loading";
    try {
      const next = await deps.api.board(slug, wanted, signal);
      // Another day was asked for meanwhile: its own load follows.
      if (signal.aborted || wanted !== day.value) return;
      const first = board.value === null;
      batch(() => {
        announceNewCall(next, first, through);
        board.value = next;
        if (connection.value === "offline") connection.value = followed;
        loadedAt.value = deps.now();
        now.value = deps.now();
        phase.value = "ready";
      });
      loadedThrough = Math.max(loadedThrough, through);
    } catch (error) {
      if (signal.aborted) return;
      const failure = staffFailure(error);
      if (failure === "signedOut") return deps.onSignedOut();
      if (failure === "network") connection.value = "offline";
      if (!board.value) phase.value = "error";
    }
  }

  function chooseRoom(id: number | null): void {
    savedRoom.value = id;
    deps.storage.set(ROOM_KEY, id === null ? "" : String(id));
  }

  function setError(place: ErrorPlace, failure: StaffFailure | null): void {
    const next = { ...errors.value };
    if (failure) next[place] = failure;
    else delete next[place];
    errors.value = next;
  }

  /**
   * Runs one action at `place`: one at a time, its error kept beside it. A change loads the board again at
   * once, live or not: the board shows its own action's result without waiting for the live news (which a
   * reconnect can lose; a load under way then is followed by one more). A refusal changed nothing: only
   * one that says the board was out of date loads it, so the error and the list agree.
   */
  async function run(place: ErrorPlace, action: () => Promise<void>): Promise<boolean> {
    if (busy.value) return false;
    busy.value = place;
    setError(place, null);
    let ok = false;
    let reload = true;
    try {
      await action();
      ok = true;
      actionsDone++;
    } catch (error) {
      const failure = staffFailure(error);
      if (failure === "signedOut") {
        busy.value = null;
        deps.onSignedOut();
        return false;
      }
      if (failure === "unexpected") console.warn(error);
      setError(place, failure);
      reload = refetchAfter(failure);
    }
    busy.value = null;
    if (reload) await refresh();
    return ok;
  }

  function noteCall(ticket: BoardTicket, kind: "call" | "recall"): void {
    // Counted with the action that is making this call (run() counts it once it has succeeded).
    calledHere.set(ticket.id, actionsDone + 1);
    announce(kind, ticket.label, ticket.room?.name ?? room.value?.name ?? "");
  }

  /** "Nächste Person aufrufen" into my room. */
  function callNextPerson(): Promise<boolean> {
    const id = roomId.value;
    const slug = office.value;
    if (id === null || !slug || !callNext.value.enabled) return Promise.resolve(false);
    return run("callNext", async () => {
      const { ticket } = await deps.api.callNext(slug, id);
      noteCall(ticket, "call");
    });
  }

  /** Calls one number directly (a row's "Aufrufen") into my room. */
  function callTicket(ticketId: string): Promise<boolean> {
    const id = roomId.value;
    const slug = office.value;
    if (id === null || !slug) return Promise.resolve(false);
    return run(`ticket:${ticketId}`, async () => {
      const { ticket } = await deps.api.ticket(slug, ticketId, "call", id);
      noteCall(ticket, "call");
    });
  }

  /** An action on the number in my room (recall, start, finish, no-show, requeue). */
  function act(action: TicketAction): Promise<boolean> {
    const ticket = mine.value;
    const slug = office.value;
    if (!ticket || !slug || !myActions.value.includes(action)) return Promise.resolve(false);
    return run("room", async () => {
      const { ticket: after } = await deps.api.ticket(slug, ticket.id, VERB[action]);
      if (action === "recall") noteCall(after, "recall");
      else announce(action, after.label, ticket.room?.name ?? room.value?.name ?? "");
    });
  }

  /** "Nicht erschienen" for a booked appointment nobody checked in for (offered from its `noShowFrom`). */
  function markBookingNoShow(bookingId: string): Promise<boolean> {
    const slug = office.value;
    const a = board.value?.appointments.find((x) => x.bookingId === bookingId);
    if (!slug || !a || !canMarkBookingNoShow(a, deps.now())) return Promise.resolve(false);
    return run(`booking:${bookingId}`, async () => {
      await deps.api.bookingNoShow(slug, bookingId);
      announce("noShow", a.name ?? a.code, "");
    });
  }

  /** "E-Mail erneut senden": the appointment's newest mail goes out again (the outbox's own resend). */
  function resendMail(bookingId: string): Promise<boolean> {
    const slug = office.value;
    const a = board.value?.appointments.find((x) => x.bookingId === bookingId);
    if (!slug || !a?.mail || !canResendMail(a)) return Promise.resolve(false);
    const mail = a.mail;
    return run(`booking:${bookingId}`, async () => {
      await deps.api.resendMail(slug, mail.id);
      announce("resent", a.name ?? a.code, "");
    });
  }

  /**
   * Every minute: "waited" counts on. A board older than 15 minutes loads again, so a PC left on over
   * night shows the new day in the morning even when no change came over the socket; so does one that
   * has not been loaded since an action of this page (the load after it failed); and one showing
   * wait ranges, after a minute, so they stay what the status pages say (the estimate is played again,
   * not counted down: a conversation that runs long holds it).
   */
  function tick(): void {
    now.value = deps.now();
    if (!board.value) return;
    const age = now.value.getTime() - loadedAt.value.getTime();
    const stale = age >= STALE_AFTER_MS || (age >= ESTIMATE_FRESH_MS && showsEstimates(board.value));
    if (stale || loadedThrough < actionsDone) void refresh();
  }

  /** Starts showing `slug`'s board: loads it, follows changes, ticks the clock every minute. */
  function start(slug: string): void {
    stop();
    office.value = slug;
    void refresh();
    stops = [
      deps.follow(
        slug,
        () => {
          changes.value++;
          void refresh();
        },
        (c) => {
          followed = c;
          connection.value = c;
        },
      ),
      deps.every(tick, 60_000),
    ];
  }

  function stop(): void {
    for (const s of stops) s();
    stops = [];
    refresher.cancel();
  }

  return {
    office,
    day,
    found,
    changes,
    board,
    phase,
    loadedAt,
    now,
    connection,
    busy,
    errors,
    announcement,
    roomId,
    room,
    callNext,
    mine,
    myActions,
    waiting,
    others,
    tense,
    refresh,
    chooseRoom,
    callNextPerson,
    callTicket,
    markBookingNoShow,
    resendMail,
    showDay,
    act,
    tick,
    start,
    stop,
    setError,
  };
}
