import { describe, expect, it } from "vitest";
import { appointmentState, rankForCall, waitedMinutes, type Candidate } from "../../worker/domain/call-next";
import { zonedInstant } from "../../common/time";

const TZ = "Europe/Berlin";
const DAY = "2026-11-30";
const at = (time: string, seconds = 0) => new Date(zonedInstant(DAY, time, TZ).getTime() + seconds * 1000);

let seq = 0;
/** A walk-in issued at `issued` (local time on DAY). */
const walkIn = (id: string, issued: string): Candidate => ({ id, kind: "walk_in", issuedAt: at(issued), appointmentStart: null, seq: ++seq });
/** A checked-in appointment starting at `start`, checked in at `issued`. */
const appt = (id: string, start: string, issued: string, startSeconds = 0): Candidate => ({
  id,
  kind: "appointment",
  issuedAt: at(issued),
  appointmentStart: at(start, startSeconds),
  seq: ++seq,
});

describe("rankForCall: due appointments, then walk-ins, then early appointments (now = 14:00)", () => {
  const now = at("14:00");
  it.each<[string, Candidate[], string | null]>([
    ["nobody waits", [], null],
    ["a walk-in alone", [walkIn("w1", "13:40")], "w1"],
    ["longest-waiting walk-in first", [walkIn("w2", "13:50"), walkIn("w1", "13:40"), walkIn("w3", "13:55")], "w1"],
    ["appointment starting exactly in 5 minutes is due", [walkIn("w1", "13:10"), appt("t1", "14:05", "13:45")], "t1"],
    ["appointment starting in 5 minutes and 1 second is early", [walkIn("w1", "13:10"), appt("t1", "14:05", "13:45", 1)], "w1"],
    ["appointment starting in 10 minutes waits for its time", [walkIn("w1", "13:55"), appt("t1", "14:10", "13:40")], "w1"],
    ["appointment already past its start is due", [walkIn("w1", "13:10"), appt("t1", "13:30", "13:25")], "t1"],
    ["early visitor alone is called", [appt("t1", "14:30", "13:50")], "t1"],
    ["early visitors alone: earliest start first, not earliest check-in", [appt("t2", "14:30", "13:45"), appt("t1", "14:20", "13:55")], "t1"],
    ["due appointments: earliest start first", [appt("t2", "14:00", "13:35"), appt("t1", "13:30", "13:50"), walkIn("w1", "12:00")], "t1"],
    ["due before early, whatever the check-in order", [appt("early", "14:30", "13:00"), appt("due", "14:03", "13:59")], "due"],
  ])("%s", (_name, waiting, expected) => {
    // The route claims the first of the ranking (and moves down it only when that one is taken).
    expect(rankForCall(waiting, now)[0] ?? null).toBe(expected);
  });

  it("ranks the whole queue in one total order", () => {
    const waiting = [
      walkIn("w2", "13:50"),
      appt("early2", "14:40", "13:30"),
      appt("due2", "14:04", "13:58"),
      walkIn("w1", "13:40"),
      appt("early1", "14:20", "13:59"),
      appt("due1", "13:45", "13:44"),
    ];
    expect(rankForCall(waiting, now)).toEqual(["due1", "due2", "w1", "w2", "early1", "early2"]);
  });

  it("breaks ties of the same instant by issue order, so every caller ranks alike", () => {
    const a = walkIn("b-second", "13:40");
    const b = walkIn("a-first", "13:40");
    // b was issued after a (higher seq) although its id sorts first.
    expect(rankForCall([b, a], now)).toEqual(["b-second", "a-first"]);
  });

  it("does not change the input", () => {
    const waiting = [walkIn("w2", "13:50"), walkIn("w1", "13:40")];
    rankForCall(waiting, now);
    expect(waiting.map((t) => t.id)).toEqual(["w2", "w1"]);
  });
});

describe("appointmentState", () => {
  it.each([
    ["confirmed", null, "booked"],
    ["checked_in", "waiting", "checked_in"],
    ["checked_in", "called", "called"],
    ["checked_in", "in_progress", "in_room"],
    ["completed", "done", "done"],
    ["no_show", "no_show", "no_show"],
    ["no_show", null, "no_show"],
    ["cancelled", null, "cancelled"],
  ] as const)("booking %s, ticket %s → %s", (booking, ticket, state) => {
    expect(appointmentState(booking, ticket)).toBe(state);
  });
});

describe("waitedMinutes", () => {
  const issued = at("13:40");
  it.each([
    ["waiting, never called: until now", null, "waiting", at("14:05", 59), 25],
    ["called: until the first call", at("13:52"), "called", at("14:30"), 12],
    ["done: until the first call, not until the end", at("13:52"), "done", at("15:00"), 12],
    ["requeued (waiting again): until now", at("13:52"), "waiting", at("14:10"), 30],
    ["clock skew never gives a negative wait", null, "waiting", at("13:39"), 0],
  ] as const)("%s", (_name, firstCall, status, now, minutes) => {
    expect(waitedMinutes(issued, firstCall, status, now)).toBe(minutes);
  });
});
