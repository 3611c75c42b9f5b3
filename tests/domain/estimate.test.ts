import { describe, expect, it } from "vitest";
import { estimateAll, estimateAsked, estimateQueue, estimateTicket, runsFor, staffedRooms, type QueueSnapshot, type WaitingTicket } from "../../worker/domain/estimate";

/*
 * The wait estimator (issue 13 item 1) on small queues whose answer can be reasoned out by hand. The
 * simulation test (estimate-simulation.test.ts) checks that the ranges hold over whole days.
 */

const at = (hm: string) => new Date(`2026-11-30T${hm}:00Z`);
const TOPICS = { kurz: 15, antrag: 20, beratung: 30 };

let seq = 0;
const walkIn = (id: string, issued: string, topic = "antrag"): WaitingTicket => ({ id, kind: "walk_in", issuedAt: at(issued), appointmentStart: null, seq: ++seq, topic });
const appointment = (id: string, checkedIn: string, start: string, topic = "antrag"): WaitingTicket => ({
  id, kind: "appointment", issuedAt: at(checkedIn), appointmentStart: at(start), seq: ++seq, topic,
});
const queue = (q: Partial<QueueSnapshot>): QueueSnapshot => ({ rooms: 2, waiting: [], serving: [], expected: [], topicMinutes: TOPICS, measured: [], ...q });
const serving = (since: string, topic = "antrag") => ({ topic, since: at(since) });

describe("estimateQueue", () => {
  it.each<[string, QueueSnapshot, string, string, (e: { low: number; high: number; ahead: number; next: boolean }) => void]>([
    [
      "the issue's case: appointment at 04:00 checked in at 03:48 behind two walk-ins, both rooms busy → about 04:00, not 30–90",
      queue({ waiting: [walkIn("W1", "03:30"), walkIn("W2", "03:40"), appointment("T1", "03:48", "04:00")], serving: [serving("03:35"), serving("03:42")] }),
      "03:48", "T1",
      (e) => {
        // Due at 03:55: the first room free after that calls them; the real call came at 03:56 (8 minutes).
        expect(e.low).toBeLessThanOrEqual(5);
        expect(e.high).toBeLessThanOrEqual(25);
        expect(e.low).toBeLessThanOrEqual(8);
        expect(e.high).toBeGreaterThanOrEqual(8);
        expect(e.ahead).toBeLessThanOrEqual(1);
      },
    ],
    [
      "a room is free and nobody is ahead: next, within 5 minutes",
      queue({ waiting: [walkIn("W1", "09:00")], serving: [serving("08:55")] }),
      "09:00", "W1",
      (e) => expect(e).toEqual({ low: 0, high: 5, ahead: 0, next: true, pastClosing: false }),
    ],
    [
      "nobody ahead, both rooms busy with 20-minute topics just begun: next, but not 0–0",
      queue({ waiting: [walkIn("W1", "09:00")], serving: [serving("09:00"), serving("09:00")] }),
      "09:00", "W1",
      (e) => {
        expect(e).toMatchObject({ ahead: 0, next: true });
        // The first of two 20-minute conversations to end: no longer than one of them at its slow end.
        expect(e.high).toBeGreaterThanOrEqual(10);
        expect(e.high).toBeLessThanOrEqual(30);
      },
    ],
    [
      "four walk-ins ahead, two rooms, 20-minute topics: about two rounds",
      queue({ waiting: ["W1", "W2", "W3", "W4", "W5"].map((id, i) => walkIn(id, `09:0${i}`)), serving: [serving("09:00"), serving("09:00")] }),
      "09:05", "W5",
      (e) => {
        expect(e).toMatchObject({ ahead: 4, next: false });
        expect(e.low).toBeGreaterThanOrEqual(20);
        expect(e.high).toBeLessThanOrEqual(90);
        expect(e.high - e.low).toBeGreaterThanOrEqual(15);
      },
    ],
    [
      "a walk-in behind a due appointment that checked in after them: the appointment goes first",
      queue({ rooms: 1, waiting: [walkIn("W1", "09:00"), appointment("T1", "09:10", "09:12")], serving: [serving("09:05")] }),
      "09:10", "W1",
      (e) => expect(e).toMatchObject({ ahead: 1, next: false }),
    ],
    [
      "an early appointment is called before its time only when nobody else waits",
      queue({ rooms: 1, waiting: [appointment("T1", "09:00", "09:40")], serving: [serving("08:59", "kurz")] }),
      "09:00", "T1",
      (e) => expect(e.high).toBeLessThanOrEqual(35),
    ],
    [
      "no room configured counts as one",
      queue({ rooms: 0, waiting: [walkIn("W1", "09:00"), walkIn("W2", "09:01")] }),
      "09:01", "W2",
      (e) => {
        expect(e.ahead).toBe(1);
        expect(e.low).toBeGreaterThanOrEqual(5);
      },
    ],
  ])("%s", (_, q, now, id, check) => {
    const e = estimateTicket(q, id, at(now));
    expect(e).not.toBeNull();
    expect(e!.high).toBeGreaterThan(e!.low);
    expect([e!.low % 5, e!.high % 5]).toEqual([0, 0]);
    check(e!);
  });

  it("counts the appointments booked for later: one due soon pushes the walk-in back", () => {
    const base = queue({ rooms: 1, waiting: [walkIn("W1", "09:00"), walkIn("W2", "09:01")], serving: [serving("09:00")] });
    const without = estimateTicket(base, "W2", at("09:02"))!;
    const withBooking = estimateTicket({ ...base, expected: [{ id: "b1", start: at("09:20"), topic: "beratung" }] }, "W2", at("09:02"))!;
    expect(withBooking.high).toBeGreaterThan(without.high);
    // A booking whose check-in is long past (it will not come) changes nothing.
    const missed = estimateTicket({ ...base, expected: [{ id: "b0", start: at("08:30"), topic: "beratung" }] }, "W2", at("09:02"))!;
    expect(missed).toEqual(without);
  });

  it("goes by the topic's duration until three conversations of today are measured, then by them", () => {
    const base = queue({ rooms: 1, waiting: [walkIn("W1", "09:00"), walkIn("W2", "09:00"), walkIn("W3", "09:00")], serving: [serving("09:00")] });
    const prior = estimateTicket(base, "W3", at("09:00"))!;
    const two = estimateTicket({ ...base, measured: [{ topic: "antrag", minutes: 6 }, { topic: "antrag", minutes: 7 }] }, "W3", at("09:00"))!;
    expect(two).toEqual(prior);
    const quick = estimateTicket({ ...base, measured: [6, 7, 8].map((minutes) => ({ topic: "antrag", minutes })) }, "W3", at("09:00"))!;
    expect(quick.high).toBeLessThan(prior.high);
    expect(quick.high).toBeLessThanOrEqual(35);
    const slow = estimateTicket({ ...base, measured: [35, 40, 45].map((minutes) => ({ topic: "antrag", minutes })) }, "W3", at("09:00"))!;
    expect(slow.low).toBeGreaterThan(prior.low);
  });

  it("reads a slow day from every topic's conversations for a topic not yet measured", () => {
    const base = queue({ rooms: 1, waiting: [walkIn("W1", "09:00", "beratung"), walkIn("W2", "09:00", "beratung")], serving: [serving("09:00", "beratung")] });
    const prior = estimateTicket(base, "W2", at("09:00"))!;
    // Short topics taking twice their time: the 30-minute topic is expected slow too.
    const slowDay = estimateTicket({ ...base, measured: [30, 32, 28, 31].map((minutes) => ({ topic: "kurz", minutes })) }, "W2", at("09:00"))!;
    expect(slowDay.low).toBeGreaterThan(prior.low);
  });

  it("knows a long conversation now is nearer its end", () => {
    const q = (since: string) => queue({ rooms: 1, waiting: [walkIn("W1", "09:00", "beratung")], serving: [serving(since, "beratung")] });
    const begun = estimateTicket(q("09:00"), "W1", at("09:00"))!;
    const longGoing = estimateTicket(q("08:35"), "W1", at("09:00"))!;
    expect(longGoing.high).toBeLessThan(begun.high);
  });

  it("gives every waiting ticket a range, the same one on every call (fixed seed)", () => {
    const q = queue({ waiting: [walkIn("W1", "09:00"), walkIn("W2", "09:01"), appointment("T1", "09:02", "09:30")], serving: [serving("08:50")] });
    const first = estimateQueue(q, at("09:05"));
    expect([...first.keys()].sort()).toEqual(["T1", "W1", "W2"]);
    expect(estimateQueue(q, at("09:05"))).toEqual(first);
    expect(estimateTicket(q, "nobody", at("09:05"))).toBeNull();
    // One ticket asked (the status page) gets what the whole queue's estimate says of it.
    for (const id of ["T1", "W1", "W2"]) expect(estimateTicket(q, id, at("09:05"))).toEqual(first.get(id));
  });

  it("does less work per person in a long queue, and still says something honest far back", () => {
    expect([runsFor(10), runsFor(40), runsFor(80), runsFor(500)]).toEqual([64, 64, 32, 16]);
    const waiting = Array.from({ length: 200 }, (_, i) => walkIn(`W${i}`, "09:00"));
    const far = estimateTicket(queue({ rooms: 2, waiting, topicMinutes: { antrag: 20 } }), "W199", at("09:00"))!;
    // 200 people, two rooms, 20 minutes each: about 2 000 minutes.
    expect(far.ahead).toBe(199);
    expect(far.low).toBeLessThan(2000);
    expect(far.high).toBeGreaterThan(2000);
  });
});

describe("estimateAsked (the first 60 waiting walk-ins read)", () => {
  const waiting = Array.from({ length: 100 }, (_, i) => walkIn(`W${i}`, `09:${String(Math.floor(i / 2)).padStart(2, "0")}`));
  const full = queue({ waiting, serving: [serving("09:50"), serving("09:55")] });
  const listed = { ...full, waiting: waiting.slice(0, 60) };

  it("gives a listed ticket its own range: those behind it never go first", () => {
    expect(estimateAsked(listed, "W30", 30, at("10:00"))).toEqual(estimateTicket(full, "W30", at("10:00")));
  });

  it("scales the last listed range for a walk-in further back, close to the whole queue's answer", () => {
    const whole = estimateTicket(full, "W99", at("10:00"))!;
    const scaled = estimateAsked(listed, "W99", 99, at("10:00"))!;
    const middle = (e: { low: number; high: number }) => (e.low + e.high) / 2;
    expect(Math.abs(middle(scaled) - middle(whole)) / middle(whole)).toBeLessThan(0.1);
    expect(scaled.ahead).toBeGreaterThanOrEqual(95);
    expect(scaled.ahead).toBeLessThanOrEqual(99);
    expect(estimateAsked(listed, "nobody", 10, at("10:00"))).toBeNull();
  });
});

describe("estimateAll (the staff board: every waiting number at once)", () => {
  // 70 walk-ins (longer than LONG_QUEUE: the whole queue's runs are fewer than one ticket's) and two
  // checked-in appointments, one due; the snapshot lists the first 60 walk-ins, as db/tickets.ts reads them.
  const waiting = [
    ...Array.from({ length: 70 }, (_, i) => walkIn(`W${i}`, `09:${String(Math.floor(i / 2)).padStart(2, "0")}`, i % 3 ? "antrag" : "kurz")),
    appointment("T1", "09:20", "10:00", "beratung"),
    appointment("T2", "09:40", "10:30"),
  ];
  const listed = queue({
    waiting: [...waiting.slice(0, 60), ...waiting.slice(70)],
    serving: [serving("09:50"), serving("09:55", "kurz")],
    expected: [{ id: "b1", start: at("10:15"), topic: "beratung" }],
    measured: [12, 25, 18].map((minutes) => ({ topic: "antrag", minutes })),
    closesAt: at("13:00"),
  });
  const behind = waiting.slice(60, 70).map((t) => t.id);

  it("gives each number what its own status page is given at the same moment, those behind the listed ones included", () => {
    const all = estimateAll(listed, behind, at("10:00"));
    expect(all.size).toBe(72);
    const walkInsBefore = (id: string) => Math.max(0, waiting.findIndex((t) => t.id === id));
    for (const t of waiting) expect({ id: t.id, e: all.get(t.id) }).toEqual({ id: t.id, e: estimateAsked(listed, t.id, walkInsBefore(t.id), at("10:00")) });
    // Far back in a queue this long, the range reaches past 13:00.
    expect(all.get("W69")!.pastClosing).toBe(true);
  });

  it("is the whole queue's estimate for a queue of up to LONG_QUEUE, and empty for an empty one", () => {
    const short = queue({ waiting: waiting.slice(0, 12), serving: [serving("09:50")] });
    expect(estimateAll(short, [], at("10:00"))).toEqual(estimateQueue(short, at("10:00")));
    expect(estimateAll(queue({}), [], at("10:00")).size).toBe(0);
  });
});

describe("staffedRooms", () => {
  it.each([
    ["before the day's first call: every active room", 3, [], 3],
    ["rooms that worked in the last hour", 3, [{ room: 1, at: "09:30" }, { room: 2, at: "09:55" }, { room: 2, at: "09:10" }], 2],
    ["a room idle for more than an hour is not counted", 2, [{ room: 1, at: "08:30" }, { room: 2, at: "09:50" }], 1],
  ])("%s", (_, active, worked, expected) => {
    expect(staffedRooms(active, worked.map((w) => ({ room: w.room, at: at(w.at) })), at("10:00"))).toBe(expected);
  });
});

describe("today's closing (closesAt)", () => {
  // The reviewer's case: W 45 at 14:00 in an office closing at 17:30, two rooms, 30-minute topics.
  const waiting = Array.from({ length: 45 }, (_, i) => walkIn(`W${i + 1}`, `13:${String(i).padStart(2, "0")}`, "beratung"));
  const base = queue({ waiting, serving: [serving("13:55", "beratung"), serving("13:58", "beratung")] });

  it("flags a range that reaches past closing, and plays no run much beyond it", () => {
    const e = estimateTicket({ ...base, closesAt: at("17:30") }, "W45", at("14:00"))!;
    expect(e.pastClosing).toBe(true);
    // 17:30 is 210 minutes away; runs stop an hour after closing.
    expect(e.high).toBeLessThanOrEqual(210 + 60 + 5);
  });

  it("does not flag a ticket that is most likely called before closing", () => {
    const e = estimateTicket({ ...base, closesAt: at("17:30") }, "W2", at("14:00"))!;
    expect(e.high).toBeLessThan(210);
    expect(e.pastClosing).toBe(false);
  });

  it("flags a far-back walk-in scaled from the listed ones", () => {
    const e = estimateAsked({ ...base, closesAt: at("17:30") }, "W200", 199, at("14:00"))!;
    expect(e.pastClosing).toBe(true);
  });

  it("knows nothing of closing without it: never flagged", () => {
    expect(estimateTicket(base, "W45", at("14:00"))!.pastClosing).toBe(false);
  });

  it("plays no appointment starting after the horizon, so the work is bounded by the day (300 booked took 1.1 s)", () => {
    // Appointments every 2 minutes from 14:00 to 24:00 (300); closing at 17:30 bounds the play.
    const expected = Array.from({ length: 300 }, (_, i) => ({ id: `b${i}`, start: new Date(at("14:00").getTime() + i * 120_000), topic: "kurz" }));
    const q = { ...base, expected, closesAt: at("17:30") };
    const few = { ...q, expected: expected.slice(0, 120) };
    // The appointments past the horizon (18:30) change nothing: they are not played.
    expect(estimateTicket(q, "W45", at("14:00"))).toEqual(estimateTicket(few, "W45", at("14:00")));
  });
});
