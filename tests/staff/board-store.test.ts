import { describe, expect, it } from "vitest";
import type { Board, BoardAppointment, BoardRequest, BoardTicket, TicketActionResult } from "../../schemas/staff-board";
import type { ProposalsAnswer, StaffBooking } from "../../schemas/staff-bookings";
import type { ProposalStatus } from "../../schemas/bookings";
import type { Slot } from "../../schemas/slots";
import { ApiError, type ApiErrorCode } from "../../kiosk/shared/api";
import type { StaffApi } from "../../kiosk/staff/api";
import {
  badgeOf,
  callNextState,
  canMarkBookingNoShow,
  canResendMail,
  estimateOf,
  isDue,
  localToOffset,
  noShowOffered,
  parseSavedRoom,
  proposalStateOf,
  requestRound,
  showsEstimates,
  tallyOf,
  tenseOf,
  ticketActions,
  viewsFor,
  waitedNow,
  type AppointmentState,
} from "../../kiosk/staff/board";
import {
  createFormsStore,
  fieldErrorOf,
  proposalMinutes,
  proposedTimes,
  validateDecline,
  validatePhoneBooking,
  validatePropose,
  type Fields,
} from "../../kiosk/staff/forms";
import { createBoardStore, ROOM_KEY } from "../../kiosk/staff/store";
import { callIn, waitedFor } from "../../kiosk/staff/i18n/board";
import { tallyLines } from "../../kiosk/staff/i18n/past";
import { PAST_STRINGS, STAFF_STRINGS } from "./catalogs";

/*
 * The staff board's rules and store without a DOM: what "call next" allows and why not, the badge of
 * every appointment state, no-show only after two calls, the waited minutes and their words, and how
 * the store acts on a refusal (failure.test.ts holds the words). The store runs against a fake API whose
 * answers the test sets, a held clock and an in-memory storage.
 */

const de = STAFF_STRINGS.de;
const en = STAFF_STRINGS.en;

function ticket(over: Partial<BoardTicket> = {}): BoardTicket {
  return {
    id: "t1",
    label: "W 7",
    prefix: "W",
    number: 7,
    kind: "walk_in",
    status: "waiting",
    topic: { key: "fragen", label: { de: "Allgemeine Fragen", en: "General questions" } },
    room: null,
    issuedAt: "2026-11-30T13:00:00+01:00",
    calledAt: null,
    callCount: 0,
    waitedMinutes: 4,
    bookingId: null,
    appointmentStart: null,
    ...over,
  };
}

function appointment(over: Partial<BoardAppointment> = {}): BoardAppointment {
  return {
    bookingId: "b1",
    code: "K7M2Q9",
    start: "2026-11-30T14:00:00+01:00",
    end: "2026-11-30T14:30:00+01:00",
    topic: { key: "coaching", label: { de: "Einzelcoaching", en: "Coaching" } },
    name: "Anna Berg",
    email: "anna@example.org",
    phone: null,
    note: null,
    source: "online",
    bookingStatus: "confirmed",
    state: "booked",
    ticket: null,
    callCount: 0,
    noShowFrom: null,
    mail: null,
    ...over,
  };
}

function board(over: Partial<Board> = {}): Board {
  return {
    day: "2026-11-30",
    today: "2026-11-30",
    now: "2026-11-30T13:10:00+01:00",
    opening: { status: "open", reason: null, freeSlots: 4 },
    office: { slug: "kempten-ost", name: "Zukunft Kempten-Ost" },
    rooms: [
      { id: 1, name: "Raum 1", current: null },
      { id: 2, name: "Raum 2", current: null },
    ],
    appointments: [],
    walkIns: [ticket()],
    requests: [],
    accepted: [],
    calls: [],
    waiting: 1,
    ...over,
  };
}

const conflict = (code: ApiErrorCode) => new ApiError(code, code, 409);

describe("call next", () => {
  it("needs a room of this board", () => {
    expect(callNextState(board(), null)).toEqual({ enabled: false, reason: "noRoom" });
    expect(callNextState(board(), 9)).toEqual({ enabled: false, reason: "noRoom" });
    expect(callNextState(null, 1)).toEqual({ enabled: false, reason: "noRoom" });
  });

  it("is off, with the reason, when nobody waits", () => {
    expect(callNextState(board({ waiting: 0, walkIns: [] }), 1)).toEqual({ enabled: false, reason: "nobodyWaiting" });
    expect(de.callNextReason.nobodyWaiting).toBe("Gerade wartet niemand.");
  });

  it("is on when a room is chosen and someone waits", () => {
    expect(callNextState(board(), 2)).toEqual({ enabled: true });
  });

  it("is off while someone is still called to my room (not yet in): the reason names the way out", () => {
    const called = ticket({ id: "t2", label: "W 3", status: "called", room: { id: 1, name: "Raum 1" }, callCount: 1 });
    const rooms = [
      { id: 1, name: "Raum 1", current: called },
      { id: 2, name: "Raum 2", current: null },
    ];
    expect(callNextState(board({ rooms }), 1)).toEqual({ enabled: false, reason: "roomBusy" });
    expect(de.callNextReason.roomBusy).toMatch(/^Erst die aufgerufene Person beginnen oder zurückstellen/);
    expect(en.callNextReason.roomBusy).toMatch(/^First start or put back the person already called/);
    // The colleague's room is not blocked by my called person.
    expect(callNextState(board({ rooms }), 2)).toEqual({ enabled: true });
    // A conversation in progress does not block: the next call ends it.
    const talking = [{ id: 1, name: "Raum 1", current: { ...called, status: "in_progress" as const } }];
    expect(callNextState(board({ rooms: talking }), 1)).toEqual({ enabled: true });
    // With nobody waiting that is the reason: beginning the conversation would not help.
    expect(callNextState(board({ rooms, waiting: 0, walkIns: [] }), 1)).toEqual({ enabled: false, reason: "nobodyWaiting" });
  });
});

describe("appointment badges", () => {
  const cases: [AppointmentState, string, string, string][] = [
    ["booked", "Gebucht", "Booked", "calendar"],
    ["checked_in", "Angemeldet – wartet", "Checked in – waiting", "clock"],
    ["called", "Aufgerufen", "Called", "bell"],
    ["in_room", "Im Gespräch", "In conversation", "talk"],
    ["done", "Fertig", "Done", "check"],
    ["no_show", "Nicht erschienen", "Did not come", "cross"],
    ["cancelled", "Abgesagt", "Cancelled", "strike"],
  ];
  it.each(cases)("%s: a word in both languages and an icon, not only a colour", (state, wordDe, wordEn, icon) => {
    expect(de.states[state]).toBe(wordDe);
    expect(en.states[state]).toBe(wordEn);
    expect(badgeOf(state).icon).toBe(icon);
  });

  it("gives every state its own icon", () => {
    const icons = cases.map(([state]) => badgeOf(state).icon);
    expect(new Set(icons).size).toBe(cases.length);
  });
});

describe("the number in my room", () => {
  it("offers no-show only from the second call on", () => {
    expect(noShowOffered(0)).toBe(false);
    expect(noShowOffered(1)).toBe(false);
    expect(noShowOffered(2)).toBe(true);
    expect(ticketActions({ status: "called", callCount: 1 })).toEqual(["start", "recall", "requeue"]);
    expect(ticketActions({ status: "called", callCount: 2 })).toEqual(["start", "recall", "noShow", "requeue"]);
  });

  it("offers finish and requeue during the conversation, nothing for finished numbers", () => {
    expect(ticketActions({ status: "in_progress", callCount: 1 })).toEqual(["finish", "requeue"]);
    expect(ticketActions({ status: "done", callCount: 3 })).toEqual([]);
    expect(ticketActions({ status: "waiting", callCount: 0 })).toEqual([]);
  });
});

describe("waited minutes", () => {
  const loaded = new Date("2026-11-30T12:10:00Z");
  it("count on from the board's figure while waiting, whole minutes only", () => {
    expect(waitedNow({ waitedMinutes: 4, status: "waiting" }, loaded, new Date("2026-11-30T12:10:59Z"))).toBe(4);
    expect(waitedNow({ waitedMinutes: 4, status: "waiting" }, loaded, new Date("2026-11-30T12:13:00Z"))).toBe(7);
  });

  it("stop at the call (the API's figure is to the first call)", () => {
    expect(waitedNow({ waitedMinutes: 12, status: "called" }, loaded, new Date("2026-11-30T12:40:00Z"))).toBe(12);
  });

  it("never count backwards when the PC clock is behind", () => {
    expect(waitedNow({ waitedMinutes: 4, status: "waiting" }, loaded, new Date("2026-11-30T12:00:00Z"))).toBe(4);
  });

  it.each([
    [0, "unter 1 Minute", "under 1 minute"],
    [1, "1 Minute", "1 minute"],
    [45, "45 Minuten", "45 minutes"],
    [60, "1 Std.", "1 h"],
    [135, "2 Std. 15 Min.", "2 h 15 min"],
  ])("%i minutes read “%s” / “%s”", (n, textDe, textEn) => {
    expect(waitedFor(de, n)).toBe(textDe);
    expect(waitedFor(en, n)).toBe(textEn);
  });
});

describe("the wait until the call (today's waiting numbers)", () => {
  it.each([
    [{ low: 10, high: 25 }, "Aufruf in etwa 10–25 Min.", "Call in about 10–25 min"],
    [{ low: 0, high: 10 }, "Aufruf in bis zu 10 Min.", "Call within 10 min"],
    [{ low: 0, high: 0 }, "Aufruf gleich", "Call shortly"],
    [{ low: 95, high: 180 }, "Aufruf in etwa 95–180 Min.", "Call in about 95–180 min"],
    [{ low: 150, high: 240, pastClosing: true }, "Aufruf in etwa 150–240 Min. – vielleicht heute nicht mehr dran", "Call in about 150–240 min – may not be called today"],
  ])("%o reads “%s” / “%s”", (estimate, textDe, textEn) => {
    expect(callIn(de, estimate)).toBe(textDe);
    expect(callIn(en, estimate)).toBe(textEn);
  });

  const waiting = ticket({ estimate: { low: 10, high: 25 } });
  it("is the range as loaded, for a waiting number that has one only: not once called, nor on other days (the API gives none)", () => {
    expect(estimateOf(waiting)).toEqual({ low: 10, high: 25 });
    expect(estimateOf({ ...waiting, status: "called" })).toBeNull();
    expect(estimateOf(ticket())).toBeNull();
  });

  it("is loaded again after a minute while the board shows one (not counted down: a long conversation holds it)", async () => {
    const w = world(board({ walkIns: [waiting] }));
    w.store.start("kempten-ost");
    await settle();
    expect(w.calls).toEqual(["board"]);
    w.advance(59_000);
    w.tick();
    await settle();
    expect(w.calls).toEqual(["board"]);
    w.advance(1_000);
    w.tick();
    await settle();
    expect(w.calls).toEqual(["board", "board"]);

    // A checked-in appointment's range counts too; a board without ranges waits its 15 minutes.
    const inLine = appointment({ state: "checked_in", ticket: waiting });
    expect(showsEstimates(board({ walkIns: [], appointments: [inLine] }))).toBe(true);
    const quiet = world(board({ walkIns: [ticket()] }));
    quiet.store.start("kempten-ost");
    await settle();
    quiet.advance(60_000);
    quiet.tick();
    await settle();
    expect(quiet.calls).toEqual(["board"]);
  });
});

describe("due appointments", () => {
  const a = appointment({ start: "2026-11-30T14:00:00+01:00", end: "2026-11-30T14:30:00+01:00" });
  it("are due from 5 minutes before the start until the end", () => {
    expect(isDue(a, new Date("2026-11-30T12:54:59Z"))).toBe(false);
    expect(isDue(a, new Date("2026-11-30T12:55:00Z"))).toBe(true);
    expect(isDue(a, new Date("2026-11-30T13:29:00Z"))).toBe(true);
    expect(isDue(a, new Date("2026-11-30T13:30:00Z"))).toBe(false);
  });

  it("are not due once called, done or cancelled", () => {
    const now = new Date("2026-11-30T13:00:00Z");
    expect(isDue({ ...a, state: "checked_in" }, now)).toBe(true);
    for (const state of ["called", "in_room", "done", "no_show", "cancelled"] as const) expect(isDue({ ...a, state }, now)).toBe(false);
  });
});

describe("forms", () => {
  const empty: Fields = {
    topic: "", day: "", slot: "", name: "", email: "", phone: "", note: "",
    date: "", time: "", date2: "", time2: "", date3: "", time3: "",
    message: "", by: "", locale: "de",
  };
  it("a phone booking needs topic, time and name; the e-mail address is optional", () => {
    expect(validatePhoneBooking(empty)).toEqual({ topic: "topic", slot: "slot", name: "name" });
    const ok = { ...empty, topic: "fragen", slot: "2026-11-30T13:00:00+01:00", name: "Anna Berg" };
    expect(validatePhoneBooking(ok)).toEqual({});
    expect(validatePhoneBooking({ ...ok, email: "anna@" })).toEqual({ email: "email" });
    expect(validatePhoneBooking({ ...ok, email: "Anna Berg <anna@example.org>" })).toEqual({ email: "email" });
    expect(validatePhoneBooking({ ...ok, email: " Anna@Bücher.de " })).toEqual({});
  });

  it("a proposal needs its first time; the second and third are whole or empty; all on the 5-minute grid", () => {
    const ok = { ...empty, date: "2026-12-03", time: "18:30" };
    expect(validatePropose(ok)).toEqual({});
    expect(validatePropose({ ...ok, date2: "2026-12-04", time2: "09:05", date3: "2026-12-05", time3: "10:00" })).toEqual({});
    expect(validatePropose({ ...ok, time: "25:00", date: "" })).toEqual({ time: "time", date: "date" });
    expect(validatePropose({ ...ok, time: "18:32" })).toEqual({ time: "grid" });
    expect(validatePropose({ ...ok, date2: "2026-12-04" })).toEqual({ time2: "time" });
    expect(validatePropose({ ...ok, time3: "10:00" })).toEqual({ date3: "date" });
    expect(validatePropose(empty)).toEqual({ date: "date", time: "time" });
  });

  it("the proposal's length is the topic's, from the office's topics (none for a topic no longer offered)", () => {
    const topics = [
      { key: "fragen", durationMinutes: 30 },
      { key: "bewerbungstraining", durationMinutes: 60 },
    ];
    expect(proposalMinutes(topics, "bewerbungstraining")).toBe(60);
    expect(proposalMinutes(topics, "fragen")).toBe(30);
    expect(proposalMinutes(topics, "weg")).toBeNull();
  });

  it("the proposed rows go out as times with the office's offset, empty rows left out", () => {
    const f = { ...empty, date: "2026-12-03", time: "18:30", date3: "2026-07-01", time3: "08:00" };
    expect(proposedTimes(f, "Europe/Berlin")).toEqual(["2026-12-03T18:30:00+01:00", "2026-07-01T08:00:00+02:00"]);
  });

  it("the API's refusal of a proposed time lands at that row's time, saying why", () => {
    expect(fieldErrorOf(new ApiError("slot_full", "times.1: taken", 409, "times.1"))).toEqual({ time2: "taken" });
    expect(fieldErrorOf(new ApiError("proposal_too_soon", "times.0: soon", 409, "times.0"))).toEqual({ time: "tooSoon" });
    expect(fieldErrorOf(new ApiError("booking_past", "times.2: past", 409, "times.2"))).toEqual({ time3: "timeInvalid" });
    expect(fieldErrorOf(new ApiError("invalid_request", "times.5: x", 400, "times.5"))).toEqual({});
    expect(fieldErrorOf(new ApiError("invalid_request", "name: x", 400, "name"))).toEqual({ name: "name" });
  });

  it("declining needs a message", () => {
    expect(validateDecline({ ...empty, message: "  " })).toEqual({ message: "message" });
    expect(validateDecline({ ...empty, message: "Leider nicht möglich." })).toEqual({});
  });

  it("a proposed local time gets the office's offset, summer and winter", () => {
    expect(localToOffset("2026-12-03", "18:30", "Europe/Berlin")).toBe("2026-12-03T18:30:00+01:00");
    expect(localToOffset("2026-07-01", "08:00", "Europe/Berlin")).toBe("2026-07-01T08:00:00+02:00");
  });
});

describe("proposals on the board", () => {
  const at = (status: ProposalStatus, holdUntil = "2026-11-30T15:00:00+01:00") => ({ status, holdUntil });
  const before = new Date("2026-11-30T13:59:00Z");
  const after = new Date("2026-11-30T14:00:00Z");

  it("an open time runs out at its deadline between two loads", () => {
    expect(proposalStateOf(at("open"), before)).toBe("open");
    expect(proposalStateOf(at("open"), after)).toBe("expired");
    expect(proposalStateOf(at("declined"), after)).toBe("declined");
  });

  it.each<[string, ProposalStatus[], Date, ReturnType<typeof requestRound>["outcome"], boolean]>([
    ["never proposed", [], before, null, true],
    ["waiting for the answer", ["open", "open", "open"], before, "open", false],
    ["its deadline passed, not yet marked", ["open", "open"], after, "expired", true],
    ["keiner passt", ["declined", "declined"], before, "declined", true],
    ["one withdrawn, the rest expired", ["withdrawn", "expired"], before, "expired", true],
    ["all withdrawn", ["withdrawn"], before, "withdrawn", true],
  ])("a request %s: outcome and whether staff may propose", (_, statuses, now, outcome, canPropose) => {
    const round = requestRound({ proposals: statuses.map((s, i) => ({ id: `p${i}`, start: "", end: "", decidedAt: null, ...at(s) })) }, now);
    expect(round).toMatchObject({ outcome, canPropose });
    expect(round.until).toBe(outcome === "open" ? "2026-11-30T15:00:00+01:00" : null);
  });
});

describe("sections", () => {
  it("settings only for admins", () => {
    expect(viewsFor("staff")).toEqual(["appointments", "week", "stats", "outbox", "feed", "passkeys"]);
    expect(viewsFor("admin")).toEqual(["appointments", "week", "stats", "outbox", "feed", "admin", "passkeys"]);
  });

  it("a remembered room is a positive whole number or nothing", () => {
    expect(parseSavedRoom("2")).toBe(2);
    expect(parseSavedRoom("")).toBeNull();
    expect(parseSavedRoom("x")).toBeNull();
    expect(parseSavedRoom(null)).toBeNull();
  });
});

/** The store against a fake API: `answers.board` is what the next board load gives. */
function world(first: Board = board()) {
  const calls: string[] = [];
  const stored = new Map<string, string>();
  let current = first;
  let next: (() => Promise<TicketActionResult>) | null = null;
  let noShowAnswer: (() => Promise<void>) | null = null;
  let signedOut = 0;
  let clock = new Date("2026-11-30T12:10:00Z");
  /** While set, board loads wait for it (a load in flight). */
  let gate: Promise<void> | null = null;
  /** What the board gave its follower: the test plays the live socket through these. */
  let live: { onChange: () => void; onConnection: (c: "live" | "polling") => void } | null = null;
  /** The minutely tick the store asked for. */
  let ticker: (() => void) | null = null;
  const act = (name: string): Promise<TicketActionResult> => {
    calls.push(name);
    const run = next;
    next = null;
    return run ? run() : Promise.resolve({ ticket: ticket() });
  };
  const resent: string[] = [];
  const api: StaffApi = {
    board: async (_office, day) => {
      calls.push(day ? `board ${day}` : "board");
      if (gate) await gate;
      return day ? { ...current, day } : current;
    },
    week: async () => {
      throw new Error("not in this test");
    },
    search: async () => {
      throw new Error("not in this test");
    },
    resendMail: async (_office, id) => {
      calls.push(`resend ${id}`);
      resent.push(id);
      const at = "2026-11-30T12:00:00.000Z";
      return { id, bookingId: null, kind: "booking_confirmed", to: "x@example.org", subject: "s", status: "captured", attempts: 0, lastError: null, createdAt: at, sentAt: null, nextAttemptAt: at, icsMethod: "REQUEST", erasedAt: null };
    },
    callNext: (_office, roomId) => act(`call-next ${roomId}`),
    ticket: (_office, id, verb, roomId) => act(`${verb} ${id}${roomId ? ` ${roomId}` : ""}`),
    addWalkIn: async () => ticket(),
    bookingNoShow: async (_office, id) => {
      calls.push(`booking-no-show ${id}`);
      const run = noShowAnswer;
      noShowAnswer = null;
      if (run) await run();
      return { booking: { id, status: "no_show" } };
    },
    slots: async () => {
      throw new Error("not in this test");
    },
    book: async () => {
      throw new Error("not in this test");
    },
    cancel: async () => {
      throw new Error("not in this test");
    },
    move: async () => {
      throw new Error("not in this test");
    },
    propose: async () => {
      throw new Error("not in this test");
    },
    withdrawProposals: async () => {
      throw new Error("not in this test");
    },
    decline: async () => {
      throw new Error("not in this test");
    },
  };
  const store = createBoardStore({
    api,
    now: () => clock,
    storage: { get: (k) => stored.get(k) ?? null, set: (k, v) => void stored.set(k, v) },
    follow: (_office, onChange, onConnection) => {
      live = { onChange, onConnection };
      return () => void (live = null);
    },
    every: (run) => {
      ticker = run;
      return () => void (ticker = null);
    },
    onSignedOut: () => void signedOut++,
  });
  return {
    store,
    calls,
    stored,
    setBoard: (b: Board) => void (current = b),
    answerNext: (run: () => Promise<TicketActionResult>) => void (next = run),
    answerNoShow: (run: () => Promise<void>) => void (noShowAnswer = run),
    signedOut: () => signedOut,
    advance: (ms: number) => void (clock = new Date(clock.getTime() + ms)),
    /** One of the store's minutely ticks. */
    tick: () => ticker!(),
    /** The live socket: opens, or brings a message that the office changed. */
    socket: {
      open: () => live!.onConnection("live"),
      message: () => live!.onChange(),
    },
    /** Board loads from now on wait until the returned function is called. */
    holdBoards() {
      let release!: () => void;
      gate = new Promise<void>((r) => (release = r));
      return () => {
        gate = null;
        release();
      };
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("any day on the board", () => {
  it("a day is gone by, today or to come by the office's today; a day gone by adds up what happened", () => {
    expect(tenseOf(board({ day: "2026-11-29" }))).toBe("past");
    expect(tenseOf(board())).toBe("today");
    expect(tenseOf(board({ day: "2026-12-01" }))).toBe("future");
    const done = ticket({ id: "w1", status: "done" });
    const gone = ticket({ id: "w2", status: "no_show" });
    const b = board({
      day: "2026-11-23",
      appointments: [appointment({ state: "done" }), appointment({ bookingId: "b2", state: "no_show" }), appointment({ bookingId: "b3", state: "cancelled" }), appointment({ bookingId: "b4", state: "done" })],
      walkIns: [done, gone, ticket({ id: "w3", status: "done" })],
    });
    expect(tallyOf(b)).toEqual({ attended: 2, noShow: 1, cancelled: 1, walkInsServed: 2 });
    expect(tallyLines(PAST_STRINGS.de, tallyOf(b))).toEqual(["2 Termine wahrgenommen", "1 nicht erschienen", "1 abgesagt", "2 ohne Termin bedient"]);
    expect(tallyLines(PAST_STRINGS.en, { attended: 1, noShow: 0, cancelled: 0, walkInsServed: 0 })[0]).toBe("1 appointment attended");
  });

  it("shows another day: the old one goes at once, that day loads, its calls are no news", async () => {
    const w = world(board({ calls: [{ ticketId: "t1", label: "W 7", room: "Raum 1", at: "2026-11-30T13:10:00+01:00" }] }));
    w.store.start("kempten-ost");
    await settle();
    expect(w.store.tense.value).toBe("today");
    const shown = w.store.showDay("2026-11-23");
    expect(w.store.board.value).toBeNull();
    expect(w.store.phase.value).toBe("loading");
    await shown;
    expect(w.calls).toEqual(["board", "board 2026-11-23"]);
    expect(w.store.board.value?.day).toBe("2026-11-23");
    expect(w.store.tense.value).toBe("past");
    expect(w.store.announcement.value).toBeNull();
    // The same day again loads nothing; live news loads the day on show.
    await w.store.showDay("2026-11-23");
    w.socket.open();
    w.socket.message();
    await settle();
    expect(w.calls).toEqual(["board", "board 2026-11-23", "board 2026-11-23"]);
    expect(w.store.changes.value).toBe(1);
    // Back to today (null).
    await w.store.showDay(null);
    expect(w.calls.at(-1)).toBe("board");
  });

  it("drops a late answer for the day left: the board never shows a day that is not asked for", async () => {
    const w = world();
    w.store.start("kempten-ost");
    await settle();
    const release = w.holdBoards();
    void w.store.showDay("2026-12-01");
    void w.store.showDay("2026-12-02");
    release();
    await settle();
    await settle();
    expect(w.store.board.value?.day).toBe("2026-12-02");
    expect(w.calls.filter((c) => c.startsWith("board "))).toEqual(["board 2026-12-01", "board 2026-12-02"]);
  });

  it("marks a booking opened from the search; another day without a mark clears it", async () => {
    const w = world();
    w.store.start("kempten-ost");
    await settle();
    await w.store.showDay("2026-12-02", "b1");
    expect(w.store.found.value).toBe("b1");
    await w.store.showDay("2026-12-03");
    expect(w.store.found.value).toBeNull();
  });

  it("sends an appointment's newest mail again, when the outbox can, and says so", async () => {
    const mail = { id: "m1", kind: "booking_confirmed" as const, resendable: true };
    const w = world(board({ appointments: [appointment({ mail }), appointment({ bookingId: "b2", mail: { ...mail, id: "m2", resendable: false } })] }));
    w.store.start("kempten-ost");
    await settle();
    expect(canResendMail(appointment({ mail }))).toBe(true);
    expect(canResendMail(appointment())).toBe(false);
    expect(canResendMail(appointment({ mail, state: "cancelled" }))).toBe(false);
    expect(canResendMail(appointment({ mail, state: "done" }))).toBe(false);
    expect(await w.store.resendMail("b2")).toBe(false);
    expect(await w.store.resendMail("b1")).toBe(true);
    expect(w.calls).toContain("resend m1");
    expect(w.calls).not.toContain("resend m2");
    const said = w.store.announcement.value!;
    expect(said.kind).toBe("resent");
    expect(de.announceResent({ who: said.label })).toBe("Die E-Mail an Anna Berg wird noch einmal gesendet.");
  });
});

describe("the board store", () => {
  it("remembers my room, and forgets one the board no longer has", async () => {
    const w = world();
    w.store.start("kempten-ost");
    await settle();
    expect(w.store.callNext.value).toEqual({ enabled: false, reason: "noRoom" });
    w.store.chooseRoom(2);
    expect(w.stored.get(ROOM_KEY)).toBe("2");
    expect(w.store.room.value?.name).toBe("Raum 2");
    expect(w.store.callNext.value).toEqual({ enabled: true });
    w.setBoard(board({ rooms: [{ id: 1, name: "Raum 1", current: null }] }));
    await w.store.refresh();
    expect(w.store.roomId.value).toBeNull();
  });

  it("calls next into my room, says so in the live region, and loads the board again", async () => {
    const w = world();
    w.store.start("kempten-ost");
    await settle();
    w.store.chooseRoom(1);
    const called = ticket({ status: "called", room: { id: 1, name: "Raum 1" }, callCount: 1, calledAt: "2026-11-30T13:10:00+01:00" });
    w.answerNext(async () => ({ ticket: called }));
    w.setBoard(
      board({
        waiting: 0,
        walkIns: [called],
        rooms: [
          { id: 1, name: "Raum 1", current: called },
          { id: 2, name: "Raum 2", current: null },
        ],
        calls: [{ ticketId: "t1", label: "W 7", room: "Raum 1", at: "2026-11-30T13:10:00+01:00" }],
      }),
    );
    expect(await w.store.callNextPerson()).toBe(true);
    expect(w.calls).toEqual(["board", "call-next 1", "board"]);
    const said = w.store.announcement.value!;
    expect(de.announceCall({ label: said.label, room: said.room })).toBe("W 7 wurde in Raum 1 aufgerufen.");
    expect(w.store.mine.value?.label).toBe("W 7");
    expect(w.store.myActions.value).toEqual(["start", "recall", "requeue"]);
    // The refetch brought my own call: it is not said a second time (the first announcement is still the last).
    expect(said.seq).toBe(1);
    // Nobody waits any more: the button is off and says why.
    expect(w.store.callNext.value).toEqual({ enabled: false, reason: "nobodyWaiting" });
  });

  it("says my own call once, also when a load that started before it answers in between", async () => {
    const w = world();
    w.store.start("kempten-ost");
    w.socket.open();
    await settle();
    w.store.chooseRoom(1);
    // A colleague's change: a load under way, held, that will answer with the board from before my call.
    const releaseBefore = w.holdBoards();
    w.socket.message();
    await settle();
    const called = ticket({ id: "t1", status: "called", room: { id: 1, name: "Raum 1" }, callCount: 1, calledAt: "2026-11-30T13:10:00+01:00" });
    w.answerNext(async () => ({ ticket: called }));
    const done = w.store.callNextPerson();
    await settle();
    expect(w.store.announcement.value).toMatchObject({ kind: "call", label: "W 7", seq: 1 });
    // The old load answers without the call; the load after my call is held until the board has it.
    releaseBefore();
    const releaseAfter = w.holdBoards();
    await settle();
    w.setBoard(board({ calls: [{ ticketId: "t1", label: "W 7", room: "Raum 1", at: "2026-11-30T13:10:00+01:00" }] }));
    releaseAfter();
    expect(await done).toBe(true);
    await settle();
    expect(w.calls.filter((c) => c === "board").length).toBeGreaterThanOrEqual(3);
    expect(w.store.announcement.value).toMatchObject({ kind: "call", label: "W 7", seq: 1 });
    // A colleague's call after that is said again.
    w.setBoard(board({ calls: [{ ticketId: "t9", label: "T 2", room: "Raum 2", at: "2026-11-30T13:11:00+01:00" }] }));
    await w.store.refresh();
    expect(w.store.announcement.value).toMatchObject({ kind: "call", label: "T 2", seq: 2 });
  });

  it("says a colleague's call that a refetch brings", async () => {
    const w = world();
    w.store.start("kempten-ost");
    await settle();
    expect(w.store.announcement.value).toBeNull();
    w.setBoard(board({ calls: [{ ticketId: "t9", label: "T 2", room: "Raum 2", at: "2026-11-30T13:11:00+01:00" }] }));
    await w.store.refresh();
    expect(w.store.announcement.value).toMatchObject({ kind: "call", label: "T 2", room: "Raum 2" });
  });

  it("queue_empty: the words beside the button, and the board loaded again", async () => {
    const w = world();
    w.store.start("kempten-ost");
    await settle();
    w.store.chooseRoom(1);
    w.answerNext(() => Promise.reject(conflict("queue_empty")));
    w.setBoard(board({ waiting: 0, walkIns: [] }));
    expect(await w.store.callNextPerson()).toBe(false);
    expect(w.store.errors.value.callNext).toBe("queueEmpty");
    expect(w.calls.at(-1)).toBe("board");
    expect(w.store.callNext.value).toEqual({ enabled: false, reason: "nobodyWaiting" });
  });

  it("ticket_state on a room action: 'changed' on the room card and a fresh board", async () => {
    const called = ticket({ status: "called", room: { id: 1, name: "Raum 1" }, callCount: 2 });
    const w = world(board({ rooms: [{ id: 1, name: "Raum 1", current: called }] }));
    w.store.start("kempten-ost");
    await settle();
    w.store.chooseRoom(1);
    expect(w.store.myActions.value).toContain("noShow");
    w.answerNext(() => Promise.reject(conflict("ticket_state")));
    await w.store.act("noShow");
    expect(w.calls).toContain("no-show t1");
    expect(w.store.errors.value.room).toBe("changed");
    expect(w.calls.at(-1)).toBe("board");
  });

  it("does not send an action the number does not offer (no-show after one call)", async () => {
    const called = ticket({ status: "called", room: { id: 1, name: "Raum 1" }, callCount: 1 });
    const w = world(board({ rooms: [{ id: 1, name: "Raum 1", current: called }] }));
    w.store.start("kempten-ost");
    await settle();
    w.store.chooseRoom(1);
    expect(await w.store.act("noShow")).toBe(false);
    expect(w.calls).toEqual(["board"]);
  });

  it("calls a checked-in appointment directly into my room", async () => {
    const waitingTicket = ticket({ id: "t5", label: "A 3", kind: "appointment", bookingId: "b1" });
    const w = world(board({ appointments: [appointment({ state: "checked_in", ticket: waitingTicket })] }));
    w.store.start("kempten-ost");
    await settle();
    w.store.chooseRoom(2);
    await w.store.callTicket("t5");
    expect(w.calls).toContain("call t5 2");
  });

  it("does not send call-next while my called person has not come in; room_busy from a stale board reloads it", async () => {
    const called = ticket({ id: "t2", label: "W 3", status: "called", room: { id: 1, name: "Raum 1" }, callCount: 1 });
    const w = world(board({ rooms: [{ id: 1, name: "Raum 1", current: called }, { id: 2, name: "Raum 2", current: null }] }));
    w.store.start("kempten-ost");
    await settle();
    w.store.chooseRoom(1);
    expect(w.store.callNext.value).toEqual({ enabled: false, reason: "roomBusy" });
    expect(await w.store.callNextPerson()).toBe(false);
    expect(w.calls).toEqual(["board"]);
    // Raum 2's board was loaded before my colleague's call there: the API says the room is busy.
    w.store.chooseRoom(2);
    w.answerNext(() => Promise.reject(conflict("room_busy")));
    w.setBoard(board({ rooms: [{ id: 1, name: "Raum 1", current: called }, { id: 2, name: "Raum 2", current: { ...called, id: "t3", room: { id: 2, name: "Raum 2" } } }] }));
    expect(await w.store.callNextPerson()).toBe(false);
    expect(w.calls).toEqual(["board", "call-next 2", "board"]);
    expect(w.store.errors.value.callNext).toBe("roomBusy");
    expect(w.store.callNext.value).toEqual({ enabled: false, reason: "roomBusy" });
  });

  it("marks a missed appointment as not come once check-in has closed, says so and loads the board", async () => {
    // The clock stands at 13:10 local: the 12:30 appointment closed its check-in at 12:45.
    const missed = appointment({ bookingId: "b7", name: "Max Muster", start: "2026-11-30T12:30:00+01:00", noShowFrom: "2026-11-30T12:45:00+01:00" });
    const later = appointment({ bookingId: "b8", start: "2026-11-30T13:00:00+01:00", noShowFrom: "2026-11-30T13:15:00+01:00" });
    const w = world(board({ appointments: [missed, later] }));
    w.store.start("kempten-ost");
    await settle();
    expect(await w.store.markBookingNoShow("b8")).toBe(false); // check-in is still open
    expect(await w.store.markBookingNoShow("b7")).toBe(true);
    expect(w.calls).toEqual(["board", "booking-no-show b7", "board"]);
    expect(w.store.announcement.value).toMatchObject({ kind: "noShow", label: "Max Muster" });
    expect(de.announceNoShow({ label: "Max Muster" })).toBe("Max Muster: nicht erschienen.");
  });

  it("a refused no-show (checked in meanwhile) shows 'changed' on the row and loads the board", async () => {
    const missed = appointment({ bookingId: "b7", start: "2026-11-30T12:30:00+01:00", noShowFrom: "2026-11-30T12:45:00+01:00" });
    const w = world(board({ appointments: [missed] }));
    w.store.start("kempten-ost");
    await settle();
    w.answerNoShow(() => Promise.reject(conflict("booking_not_changeable")));
    expect(await w.store.markBookingNoShow("b7")).toBe(false);
    expect(w.store.errors.value["booking:b7"]).toBe("changed");
    expect(w.calls.at(-1)).toBe("board");
  });

  it("a 401 sends the page back to the sign-in", async () => {
    const w = world();
    w.store.start("kempten-ost");
    await settle();
    w.store.chooseRoom(1);
    w.answerNext(() => Promise.reject(new ApiError("unauthorized", "Please sign in.", 401)));
    await w.store.callNextPerson();
    expect(w.signedOut()).toBe(1);
  });

  it("counts waited minutes on with the minute tick, and loads a board older than 15 minutes again", async () => {
    const w = world();
    w.store.start("kempten-ost");
    await settle();
    const t = w.store.waiting.value[0]!;
    w.advance(3 * 60_000);
    w.store.tick();
    expect(waitedNow(t, w.store.loadedAt.value, w.store.now.value)).toBe(7);
    expect(w.calls).toEqual(["board"]);
    w.advance(12 * 60_000);
    w.store.tick();
    await settle();
    expect(w.calls).toEqual(["board", "board"]);
  });
});

describe("the board store with a live socket", () => {
  it("loads the board at once after an own action, live or not (its result never waits for the live news); the news loads once more", async () => {
    const w = world();
    w.store.start("kempten-ost");
    w.socket.open();
    await settle();
    w.store.chooseRoom(1);
    const before = w.calls.length;
    expect(await w.store.callNextPerson()).toBe(true);
    expect(w.calls.slice(before)).toEqual(["call-next 1", "board"]);
    w.socket.message(); // the office tells every board, this one included
    await settle();
    expect(w.calls.slice(before)).toEqual(["call-next 1", "board", "board"]);
  });

  it("still loads after an action while polling, and after a refusal (no message comes for it)", async () => {
    const w = world();
    w.store.start("kempten-ost");
    await settle();
    w.store.chooseRoom(1);
    await w.store.callNextPerson();
    expect(w.calls).toEqual(["board", "call-next 1", "board"]);
    w.socket.open();
    w.answerNext(() => Promise.reject(conflict("queue_empty")));
    await w.store.callNextPerson();
    expect(w.calls.slice(3)).toEqual(["call-next 1", "board"]);
  });

  it("two messages while a load is under way bring one more load, not two, and no load is cut off", async () => {
    const w = world();
    w.store.start("kempten-ost");
    w.socket.open();
    await settle();
    expect(w.calls).toEqual(["board"]);
    const release = w.holdBoards();
    const first = w.store.refresh();
    w.socket.message();
    w.socket.message();
    await settle();
    expect(w.calls).toEqual(["board", "board"]); // the second waits for the first
    release();
    await first;
    await settle();
    expect(w.calls).toEqual(["board", "board", "board"]);
    await settle();
    expect(w.calls).toHaveLength(3);
  });

  it("start and the socket opening at once load the board twice at most (the second sees what the first may have missed)", async () => {
    const w = world();
    const release = w.holdBoards();
    w.store.start("kempten-ost");
    w.socket.open();
    w.socket.message(); // the follower's "everything may have changed" on open
    release();
    await settle();
    await settle();
    expect(w.calls).toEqual(["board", "board"]);
    expect(w.store.phase.value).toBe("ready");
  });

  it("an action whose live message never comes still shows its result: its own load; the minute tick loads nothing more", async () => {
    const w = world();
    w.store.start("kempten-ost");
    w.socket.open();
    await settle();
    w.store.chooseRoom(1);
    await w.store.callNextPerson();
    expect(w.calls).toEqual(["board", "call-next 1", "board"]);
    w.store.tick(); // loaded since the action: nothing more
    await settle();
    expect(w.calls).toHaveLength(3);
  });

  it("stop() drops a load queued for the old office", async () => {
    const w = world();
    w.store.start("kempten-ost");
    w.socket.open();
    await settle();
    const release = w.holdBoards();
    void w.store.refresh();
    w.socket.message();
    w.store.stop();
    release();
    await settle();
    await settle();
    expect(w.calls).toEqual(["board", "board"]);
  });
});

describe("the dialogs' store", () => {
  function forms(over: Partial<StaffApi> = {}, slots: Slot[] = []) {
    const sent: string[] = [];
    let changed = 0;
    const fail = async (): Promise<never> => {
      throw new Error("not in this test");
    };
    const api: StaffApi = {
      board: fail,
      callNext: fail,
      ticket: fail,
      addWalkIn: fail,
      bookingNoShow: fail,
      week: fail,
      search: fail,
      resendMail: fail,
      slots: async (office, from, _to, topic) => {
        sent.push(`slots ${office} ${from} ${topic}`);
        return { timezone: "Europe/Berlin", days: [{ date: from, status: "open", slots }] };
      },
      book: fail,
      cancel: fail,
      move: fail,
      propose: fail,
      withdrawProposals: fail,
      decline: fail,
      ...over,
    };
    const store = createFormsStore({
      api,
      office: () => "kempten-ost",
      timeZone: () => "Europe/Berlin",
      today: () => "2026-11-30",
      changed: () => void changed++,
      onSignedOut: () => {},
    });
    return { store, sent, changed: () => changed };
  }
  const request: BoardRequest = {
    id: "r1",
    topic: { key: "fragen", label: { de: "Allgemeine Fragen", en: "General questions" } },
    name: "Rosa Request",
    email: "rosa@example.org",
    phone: null,
    preferredWeekdays: [2],
    preferredTimes: ["evening"],
    wish: null,
    createdAt: "2026-11-29T10:00:00+01:00",
    proposals: [],
  };

  it("does not send a decline without a message", async () => {
    let calls = 0;
    const f = forms({ decline: async () => (calls++, {} as StaffBooking) });
    f.store.open({ kind: "decline", request });
    expect(await f.store.submit()).toBe(false);
    expect(f.store.fieldErrors.value).toEqual({ message: "message" });
    expect(calls).toBe(0);
    f.store.set("message", "Leider nicht möglich.");
    expect(f.store.fieldErrors.value).toEqual({});
    expect(await f.store.submit()).toBe(true);
    expect(calls).toBe(1);
    expect(f.store.dialog.value).toBeNull();
    expect(f.store.notice.value).toEqual({ kind: "declined", who: "Rosa Request" });
    expect(f.changed()).toBe(1);
  });

  it("proposes the typed local times with the office's offset (no length: the topic's), then says until when", async () => {
    let body: unknown;
    const answer: ProposalsAnswer = {
      requestId: "r1",
      proposals: [{ id: "p1", start: "2026-12-03T19:30:00+01:00", end: "2026-12-03T20:00:00+01:00", status: "open", holdUntil: "2026-12-02T09:00:00+01:00", decidedAt: null }],
      mailed: true,
    };
    const f = forms({ propose: async (_o, _id, b) => ((body = b), answer) });
    f.store.open({ kind: "propose", request });
    expect(f.store.fields.value.date).toBe("2026-11-30");
    f.store.set("date", "2026-12-03");
    f.store.set("time", "19:30");
    f.store.set("date2", "2026-12-04");
    f.store.set("time2", "09:00");
    expect(await f.store.submit()).toBe(true);
    expect(body).toEqual({ times: ["2026-12-03T19:30:00+01:00", "2026-12-04T09:00:00+01:00"] });
    expect(f.store.notice.value).toEqual({ kind: "proposed", who: "Rosa Request", count: 1, until: "2026-12-02T09:00:00+01:00" });
  });

  it("a proposed time taken meanwhile is named at its row, and the dialog stays open", async () => {
    const f = forms({ propose: () => Promise.reject(new ApiError("slot_full", "times.1: taken", 409, "times.1")) });
    f.store.open({ kind: "propose", request });
    f.store.set("time", "13:00");
    f.store.set("date2", "2026-12-07");
    f.store.set("time2", "13:00");
    expect(await f.store.submit()).toBe(false);
    expect(f.store.fieldErrors.value).toEqual({ time2: "taken" });
    expect(STAFF_STRINGS.de.fieldErrors.taken).toBe("Diese Zeit ist schon vergeben. Bitte wählen Sie eine andere.");
    expect(f.store.dialog.value?.kind).toBe("propose");
  });

  it("withdraws one open proposal with the message, if any", async () => {
    let sent: unknown;
    const proposal = { id: "p2", start: "2026-12-04T09:00:00+01:00", end: "2026-12-04T09:30:00+01:00", status: "open" as const, holdUntil: "2026-12-02T09:00:00+01:00", decidedAt: null };
    const f = forms({ withdrawProposals: async (_o, id, b) => ((sent = [id, b]), { requestId: id, proposals: [], mailed: true }) });
    f.store.open({ kind: "withdraw", request: { ...request, proposals: [proposal] }, proposal });
    f.store.set("message", "Da sind wir doch nicht da.");
    expect(await f.store.submit()).toBe(true);
    expect(sent).toEqual(["r1", { proposals: ["p2"], message: "Da sind wir doch nicht da." }]);
    expect(f.store.notice.value).toEqual({ kind: "withdrawn", who: "Rosa Request", start: proposal.start });
  });

  it("a phone booking loads the free times of topic and day, and a time taken meanwhile is chosen again", async () => {
    const free: Slot = { start: "2026-11-30T13:00:00+01:00", end: "2026-11-30T13:30:00+01:00", free: 1 };
    const f = forms({ book: () => Promise.reject(new ApiError("slot_full", "full", 409, "start")) }, [free]);
    f.store.open({ kind: "phone" });
    f.store.set("topic", "fragen");
    await settle();
    expect(f.sent).toEqual(["slots kempten-ost 2026-11-30 fragen"]);
    expect(f.store.slotList.value).toEqual([free]);
    f.store.set("slot", free.start);
    f.store.set("name", "Paula Telefon");
    expect(await f.store.submit()).toBe(false);
    expect(f.store.failure.value).toBe("slotGone");
    expect(STAFF_STRINGS.de.failures.slotGone).toBe("Diese Zeit ist nicht mehr frei. Bitte wählen Sie eine andere.");
    expect(f.store.fields.value.slot).toBe("");
    await settle();
    expect(f.sent).toHaveLength(2);
  });

  it("a phone booking offers no time of the day before while the new day's times load", async () => {
    const monday: Slot = { start: "2026-11-30T13:00:00+01:00", end: "2026-11-30T13:30:00+01:00", free: 1 };
    const tuesday: Slot = { start: "2026-12-01T09:00:00+01:00", end: "2026-12-01T09:30:00+01:00", free: 1 };
    let answer: (slots: Slot[]) => void = () => undefined;
    const f = forms({
      slots: (_office, from) =>
        from === "2026-11-30"
          ? Promise.resolve({ timezone: "Europe/Berlin", days: [{ date: from, status: "open" as const, slots: [monday] }] })
          : new Promise((resolve) => (answer = (slots) => resolve({ timezone: "Europe/Berlin", days: [{ date: from, status: "open" as const, slots }] }))),
    });
    f.store.open({ kind: "phone" });
    f.store.set("topic", "fragen");
    await settle();
    expect(f.store.slotList.value).toEqual([monday]);
    f.store.set("day", "2026-12-01");
    expect(f.store.slotPhase.value).toBe("loading");
    expect(f.store.slotList.value).toEqual([]);
    answer([tuesday]);
    await settle();
    expect(f.store.slotList.value).toEqual([tuesday]);
    expect(f.store.slotPhase.value).toBe("ready");
  });

  it("a phone booking is in the language chosen for the person (German unless another is chosen)", async () => {
    const free: Slot = { start: "2026-11-30T13:00:00+01:00", end: "2026-11-30T13:30:00+01:00", free: 1 };
    const bodies: unknown[] = [];
    const f = forms({ book: async (_o, b) => (bodies.push(b), { code: "K7M2" } as StaffBooking) }, [free]);
    const book = async (locale?: string) => {
      f.store.open({ kind: "phone" });
      f.store.set("topic", "fragen");
      f.store.set("slot", free.start);
      f.store.set("name", "Olena Telefon");
      if (locale !== undefined) f.store.set("locale", locale);
      expect(await f.store.submit()).toBe(true);
    };
    await book("uk");
    await book(); // a new dialog starts in German again
    await book("xx"); // not a resident language: German
    expect(bodies.map((b) => (b as { locale: string }).locale)).toEqual(["uk", "de", "de"]);
  });

  it.each<[ApiErrorCode, number]>([
    ["not_found", 404],
    ["booking_not_changeable", 409],
  ])("a cancel refused with %s loads the board again, as its words promise", async (code, status) => {
    const f = forms({ cancel: () => Promise.reject(new ApiError(code, "gone", status)) });
    f.store.open({ kind: "cancel", appointment: appointment() });
    f.store.set("by", "office");
    expect(await f.store.submit()).toBe(false);
    expect(STAFF_STRINGS.de.failures[f.store.failure.value!]).toBe("Das hat sich gerade geändert – die Liste ist jetzt aktuell.");
    expect(f.changed()).toBe(1);
  });

  it("a refusal that says nothing about the list leaves it as it is", async () => {
    const f = forms({ cancel: () => Promise.reject(new ApiError("too_many_bookings", "x", 409)) });
    f.store.open({ kind: "cancel", appointment: appointment() });
    f.store.set("by", "resident");
    expect(await f.store.submit()).toBe(false);
    expect(f.changed()).toBe(0);
  });

  it("a cancel asks who called it off (nothing preselected) and sends the answer", async () => {
    const bodies: unknown[] = [];
    const f = forms({ cancel: async (_o, _id, b) => (bodies.push(b), {} as StaffBooking) });
    f.store.open({ kind: "cancel", appointment: appointment() });
    expect(await f.store.submit()).toBe(false);
    expect(f.store.fieldErrors.value).toEqual({ by: "by" });
    expect(STAFF_STRINGS.de.fieldErrors.by).toBe("Bitte wählen Sie, wer absagt.");
    expect(bodies).toEqual([]);
    f.store.set("by", "resident");
    f.store.set("message", "Wie besprochen.");
    expect(await f.store.submit()).toBe(true);
    f.store.open({ kind: "cancel", appointment: appointment() });
    f.store.set("by", "office");
    expect(await f.store.submit()).toBe(true);
    expect(bodies).toEqual([{ by: "resident", message: "Wie besprochen." }, { by: "office" }]);
  });

  it("a walk-in at the desk keeps the dialog open with the new number to tell the visitor", async () => {
    const f = forms({ addWalkIn: async (_o, topicKey) => ticket({ label: "W 8", topic: { key: topicKey, label: { de: "x", en: "x" } } }) });
    f.store.open({ kind: "walkIn" });
    expect(await f.store.submit()).toBe(false);
    expect(f.store.fieldErrors.value).toEqual({ topic: "topic" });
    f.store.set("topic", "fragen");
    await settle();
    expect(await f.store.submit()).toBe(true);
    expect(f.store.dialog.value?.kind).toBe("walkIn");
    expect(f.store.issued.value?.label).toBe("W 8");
  });
});

describe("a booked appointment nobody came to", () => {
  it("offers “Nicht erschienen” from noShowFrom on (start + check-in close), never without it", () => {
    const a = appointment({ start: "2026-11-30T13:00:00+01:00", noShowFrom: "2026-11-30T13:15:00+01:00" });
    expect(canMarkBookingNoShow(a, new Date("2026-11-30T12:14:59Z"))).toBe(false);
    expect(canMarkBookingNoShow(a, new Date("2026-11-30T12:15:00Z"))).toBe(true);
    expect(canMarkBookingNoShow({ noShowFrom: null }, new Date("2026-11-30T20:00:00Z"))).toBe(false);
    expect(de.bookingNoShow).toBe("Nicht erschienen");
    expect(en.bookingNoShow).toBe("Did not come");
  });
});
