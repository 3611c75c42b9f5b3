import type { Estimate } from "../../schemas/kiosk";
import { rankForCall } from "./call-next";
import { estimateQueue, mulberry32, normal, type ExpectedAppointment, type QueueSnapshot, type ServingTicket, type WaitingTicket } from "./estimate";

/*
 * Whether the wait ranges hold (issue 13 item 1): generated office days, played minute by minute with
 * the real call-next rule, and at every moment a person is shown a range — when the number is issued or
 * the appointment checked in, and again after every call while they wait — the range is recorded and
 * later checked against the moment they were really called. Used by tests/domain/estimate-simulation.test.ts
 * (which asserts the figures) and by the bench's "estimate" section (which prints them).
 *
 * A day (seeded, the same for the same seed): four hours open, two rooms; three topics of 15, 20 and 30
 * minutes; appointments booked on 40–80 % of the half hours (one seat per slot), checking in 30 minutes
 * early to 10 minutes late, one in eight not coming; walk-ins
 * arriving at random (Poisson) so that the rooms are 70–105 % loaded, one in twenty gone when called
 * (two calls, then "nicht erschienen": three minutes of the room). Conversation lengths are log-normal
 * around 85 % of the topic's duration, with a pace of the day and of each topic that the estimator does
 * not know (it must learn it from the conversations it sees end). After a conversation, staff sometimes
 * take a break of 3–12 minutes before calling the next person.
 */

export interface Observation {
  kind: "walk_in" | "appointment";
  /** "arrival": shown when the number was issued / the check-in made; "later": after a later call. */
  phase: "arrival" | "later";
  shown: Estimate;
  /** Minutes from the moment shown to the real call. */
  waited: number;
}

export interface Coverage {
  days: number;
  tickets: number;
  observations: Observation[];
}

export type Estimator = (q: QueueSnapshot, now: Date, rule: { seatsPerSlot: number }) => Map<string, Estimate>;

/** The estimator of this module's issue: estimate.ts. */
export const newEstimator: Estimator = (q, now) => estimateQueue(q, now);

/**
 * The estimator before issue 13 (it was queue.ts estimateWait): the waiting people issued earlier, the
 * rooms left by online booking, the day's measured lengths of every topic. Kept for comparison in the
 * bench and the test.
 */
export const oldEstimator: Estimator = (q, _now, rule) => {
  const servers = Math.max(1, q.rooms - rule.seatsPerSlot);
  const measured = q.measured.map((m) => m.minutes);
  const sorted = [...q.waiting].sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime() || a.seq - b.seq);
  return new Map(sorted.map((t, i) => [t.id, estimateWait(i, servers, measured)]));
};

/**
 * The old formula: low = those ahead shared among the servers at the 25th percentile of the day's
 * lengths (15 minutes before three are measured), high = one conversation more at the 75th (30).
 */
function estimateWait(ahead: number, servers: number, serviceMinutes: readonly number[]): Estimate {
  const sorted = [...serviceMinutes].sort((a, b) => a - b);
  const at = (q: number) => {
    const pos = (sorted.length - 1) * q;
    return sorted[Math.floor(pos)]! + (sorted[Math.ceil(pos)]! - sorted[Math.floor(pos)]!) * (pos - Math.floor(pos));
  };
  const per = sorted.length >= 3 ? { low: at(0.25), high: at(0.75) } : { low: 15, high: 30 };
  const rounds = Math.floor(ahead / Math.max(1, servers));
  return { low: Math.floor((rounds * per.low) / 5) * 5, high: Math.ceil(((rounds + 1) * per.high) / 5) * 5 };
}

const TOPICS: Record<string, number> = { kurz: 15, antrag: 20, beratung: 30 };
const WALK_IN_TOPICS: [string, number][] = [["kurz", 0.4], ["antrag", 0.35], ["beratung", 0.25]];
const OPEN_MINUTES = 240;
const ROOMS = 2;
const SEATS_PER_SLOT = 1;
const CHECKIN = { opens: 30, closes: 15 };
const DAY_START = Date.UTC(2026, 10, 30, 8, 0);

interface Ticket {
  id: string;
  kind: "walk_in" | "appointment";
  topic: string;
  issuedAt: number;
  appointmentStart: number | null;
  seq: number;
  /** Real conversation length (minutes); a walk-in gone when called takes the room 3 minutes. */
  length: number;
  gone: boolean;
  calledAt: number | null;
}

interface Booking {
  id: string;
  topic: string;
  start: number;
  /** Minutes of the check-in from the day's start; null: does not come. */
  checkin: number | null;
}

/** One generated day, played through; every range shown is recorded with what really happened. */
export function simulateDay(seed: number, estimator: Estimator): { observations: Observation[]; tickets: number } {
  const random = mulberry32(seed);
  const dayPace = Math.exp(0.15 * normal(random));
  const topicPace = Object.fromEntries(Object.keys(TOPICS).map((k) => [k, dayPace * Math.exp(0.2 * normal(random))]));
  const lengthOf = (topic: string) => Math.max(2, TOPICS[topic]! * 0.85 * topicPace[topic]! * Math.exp(0.35 * normal(random)));
  const pick = () => {
    let u = random();
    for (const [k, p] of WALK_IN_TOPICS) if ((u -= p) < 0) return k;
    return WALK_IN_TOPICS[0]![0];
  };

  // Appointments on the half hours, one seat each.
  const bookings: Booking[] = [];
  const booked = 0.4 + 0.4 * random();
  for (let start = 0; start < OPEN_MINUTES; start += 30) {
    if (random() >= booked) continue;
    const topic = Object.keys(TOPICS)[Math.floor(random() * 3)]!;
    const offset = -30 + random() * 40;
    const comes = random() >= 0.125 && offset <= CHECKIN.closes;
    bookings.push({ id: `b${bookings.length}`, topic, start, checkin: comes ? Math.max(start - CHECKIN.opens, start + offset) : null });
  }
  // Walk-ins: a Poisson stream filling the rooms to 70–105 %.
  const load = 0.7 + 0.35 * random();
  const appointmentMinutes = bookings.reduce((sum, b) => sum + TOPICS[b.topic]! * 0.85, 0);
  const meanWalkIn = WALK_IN_TOPICS.reduce((sum, [k, p]) => sum + p * TOPICS[k]! * 0.85, 0);
  const rate = Math.max(0.02, (load * ROOMS * OPEN_MINUTES - appointmentMinutes) / (meanWalkIn * (OPEN_MINUTES - 15)));

  type Event = { at: number; kind: "walk_in" } | { at: number; kind: "checkin"; booking: Booking };
  const events: Event[] = [];
  for (let at = -Math.log(1 - random()) / rate; at < OPEN_MINUTES - 15; at += -Math.log(1 - random()) / rate) events.push({ at, kind: "walk_in" });
  for (const b of bookings) if (b.checkin !== null) events.push({ at: b.checkin, kind: "checkin", booking: b });
  events.sort((a, b) => a.at - b.at);

  const tickets: Ticket[] = [];
  const waiting: Ticket[] = [];
  const rooms: { free: number; ticket: Ticket | null; since: number }[] = Array.from({ length: ROOMS }, () => ({ free: 0, ticket: null, since: 0 }));
  const measured: { topic: string; minutes: number }[] = [];
  const pending: { ticket: Ticket; at: number; shown: Estimate; phase: Observation["phase"] }[] = [];
  let seq = 0;

  const instant = (minutes: number) => new Date(DAY_START + minutes * 60_000);
  const snapshot = (now: number): QueueSnapshot => ({
    rooms: ROOMS,
    waiting: waiting.map((t): WaitingTicket => ({
      id: t.id, kind: t.kind, topic: t.topic, issuedAt: instant(t.issuedAt), seq: t.seq,
      appointmentStart: t.appointmentStart === null ? null : instant(t.appointmentStart),
    })),
    serving: rooms.filter((r) => r.ticket && r.free > now).map((r): ServingTicket => ({ topic: r.ticket!.topic, since: instant(r.since) })),
    // The office knows its bookings, not who will come: every booking not checked in whose check-in is still open.
    expected: bookings
      .filter((b) => !tickets.some((t) => t.id === b.id) && b.start + CHECKIN.closes >= now)
      .map((b): ExpectedAppointment => ({ id: b.id, topic: b.topic, start: instant(b.start) })),
    topicMinutes: TOPICS,
    measured,
  });
  const show = (now: number, who: readonly Ticket[], phase: Observation["phase"]) => {
    if (who.length === 0) return;
    const ranges = estimator(snapshot(now), instant(now), { seatsPerSlot: SEATS_PER_SLOT });
    for (const t of who) pending.push({ ticket: t, at: now, shown: ranges.get(t.id)!, phase });
  };
  /** The room calls the person the rule ranks first, at `now`. */
  const call = (room: (typeof rooms)[number], now: number) => {
    const id = rankForCall(snapshot(now).waiting, instant(now))[0]!;
    const t = waiting.splice(waiting.findIndex((w) => w.id === id), 1)[0]!;
    t.calledAt = now;
    room.ticket = t;
    room.since = now;
    room.free = now + (t.gone ? 3 : t.length);
    show(now, waiting, "later");
  };

  let e = 0;
  for (;;) {
    // The next moment: an arrival, or a room whose conversation ends (or whose break is over).
    const busy = rooms.filter((r) => r.free > -Infinity && (r.ticket !== null || waiting.length > 0));
    const roomAt = Math.min(...busy.map((r) => r.free));
    const arrivalAt = e < events.length ? events[e]!.at : Infinity;
    if (arrivalAt === Infinity && roomAt === Infinity) break;
    if (arrivalAt <= roomAt) {
      const ev = events[e++]!;
      const t: Ticket = ev.kind === "walk_in"
        ? { id: `w${tickets.length}`, kind: "walk_in", topic: pick(), issuedAt: ev.at, appointmentStart: null, seq: ++seq, length: 0, gone: random() < 0.05, calledAt: null }
        : { id: ev.booking.id, kind: "appointment", topic: ev.booking.topic, issuedAt: ev.at, appointmentStart: ev.booking.start, seq: ++seq, length: 0, gone: false, calledAt: null };
      t.length = lengthOf(t.topic);
      tickets.push(t);
      waiting.push(t);
      show(ev.at, [t], "arrival");
      const idle = rooms.find((r) => r.ticket === null && r.free <= ev.at);
      if (idle) call(idle, ev.at);
      continue;
    }
    const room = busy.find((r) => r.free === roomAt)!;
    if (room.ticket) {
      // The conversation ends; staff may take a break before the next call.
      if (!room.ticket.gone) measured.push({ topic: room.ticket.topic, minutes: room.free - room.since });
      room.ticket = null;
      if (random() < 0.08) {
        room.free += 3 + 9 * random();
        if (waiting.length > 0) continue;
      }
    }
    if (waiting.length > 0) call(room, Math.max(room.free, roomAt));
    else room.free = Math.max(room.free, roomAt);
  }

  const observations = pending.map((p): Observation => ({ kind: p.ticket.kind, phase: p.phase, shown: p.shown, waited: p.ticket.calledAt! - p.at }));
  return { observations, tickets: tickets.length };
}

/** The days of `seeds`, played with `estimator`. */
export function simulateDays(seeds: readonly number[], estimator: Estimator = newEstimator): Coverage {
  const observations: Observation[] = [];
  let tickets = 0;
  for (const seed of seeds) {
    const day = simulateDay(seed, estimator);
    observations.push(...day.observations);
    tickets += day.tickets;
  }
  return { days: seeds.length, tickets, observations };
}

/** Whether the real call fell inside the range shown (whole minutes shown; the call to the second). */
export function held(o: Observation): boolean {
  return o.waited >= o.shown.low && o.waited <= o.shown.high;
}

export interface CoverageFigures {
  atArrival: number;
  later: number;
  overall: number;
  /** Median width of the ranges shown (minutes), at arrival and overall. */
  medianWidthAtArrival: number;
  medianWidth: number;
  /** Median of the real waits from the moment shown, for scale. */
  medianWait: number;
  observations: number;
}

/** Coverage (share of ranges that held) and width, of some observations. */
export function figures(observations: readonly Observation[]): CoverageFigures {
  const share = (os: readonly Observation[]) => (os.length === 0 ? NaN : os.filter(held).length / os.length);
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length === 0 ? NaN : s[Math.floor(s.length / 2)]!;
  };
  const arrival = observations.filter((o) => o.phase === "arrival");
  return {
    atArrival: share(arrival),
    later: share(observations.filter((o) => o.phase === "later")),
    overall: share(observations),
    medianWidthAtArrival: median(arrival.map((o) => o.shown.high - o.shown.low)),
    medianWidth: median(observations.map((o) => o.shown.high - o.shown.low)),
    medianWait: median(observations.map((o) => o.waited)),
    observations: observations.length,
  };
}
