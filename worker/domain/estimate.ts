import { DUE_WITHIN_MINUTES } from "../../common/call-rules";
import type { Estimate } from "../../schemas/kiosk";
import { rankForCall, type Candidate } from "./call-next";

/*
 * How long a waiting person still waits: one estimator for the status page and the kiosk (issue 13
 * item 1). Pure: `now` and the day's queue are arguments.
 *
 * The queue is played forward many times with the real call-next rule (call-next.ts rankForCall): every
 * room calls the best-ranked waiting person the moment its conversation ends; conversation lengths are
 * drawn around today's measured lengths of the topic (the topic's duration until three are measured);
 * the appointments booked for later today check in around their time (or do not come), and once due
 * they go first, as the rule says. The range shown is the 10th to the 90th percentile of the runs'
 * call times, rounded out to 5 minutes: it is meant to hold four real calls out of five, and the
 * simulation test (estimate-simulation.ts) measures that it does.
 *
 * The runs use a fixed seed, so the same queue at the same moment gives the same answer on every
 * screen and in every test.
 */

/** A waiting ticket as the call rule sees it, with the topic that decides how long its conversation takes. */
export interface WaitingTicket extends Candidate {
  /** Topic key; null when the ticket has none (a desk number without a concern). */
  topic: string | null;
}

/** A room's conversation now: called or in progress. */
export interface ServingTicket {
  topic: string | null;
  /** When it began (started, else called): UTC instant. */
  since: Date;
}

/** An appointment of today not yet checked in: it will likely come and, once due, go first. */
export interface ExpectedAppointment {
  id: string;
  start: Date;
  topic: string | null;
}

/** A finished conversation of today. */
export interface MeasuredConversation {
  topic: string | null;
  minutes: number;
}

export interface QueueSnapshot {
  /** Rooms serving the queue now (`staffedRooms`); none counts as one. */
  rooms: number;
  waiting: readonly WaitingTicket[];
  serving: readonly ServingTicket[];
  expected: readonly ExpectedAppointment[];
  /** The topics' booked durations (minutes), by key. */
  topicMinutes: Readonly<Record<string, number>>;
  measured: readonly MeasuredConversation[];
  /**
   * When the office closes today (the end of the day's last opening span), null or absent when not
   * known. A range reaching past it is flagged (`pastClosing`), and no run is played on beyond
   * CLOSING_SLACK_MINUTES after it: nobody is called that late, and the work stays bounded.
   */
  closesAt?: Date | null;
}

export interface TicketEstimate {
  /** Minutes from now to the call, low and high end (multiples of 5; high > low). */
  low: number;
  high: number;
  /** People already waiting who are (most likely) called before this one. */
  ahead: number;
  /** Whether the next call is most likely this ticket. */
  next: boolean;
  /** The range's high end lies past today's closing: the ticket may not be called today. */
  pastClosing: boolean;
}

/** A range as the API gives it (schemas/kiosk.ts `Estimate`): `pastClosing` only when it is true. */
export function estimateView(e: Pick<TicketEstimate, "low" | "high" | "pastClosing">): Estimate {
  return { low: e.low, high: e.high, ...(e.pastClosing ? { pastClosing: true } : {}) };
}

/** How many times the queue is played forward. */
export const RUNS = 64;
/** Waiting people up to which every estimate makes all RUNS. */
export const LONG_QUEUE = 40;
/** The share of runs below the range, and above it. */
export const TAIL = 0.1;
/** Measured conversations of a topic needed before they replace its booked duration. */
export const MEASURED_ENOUGH = 3;
/** Spread (σ of the logarithm) of conversation lengths while nothing is measured. */
export const PRIOR_SIGMA = 0.4;
/** How unsure the day's pace is while nothing is measured (σ of its logarithm): ±30 %. */
const DAY_PACE_TAU = 0.3;
/** How much one topic's pace may differ from the day's (σ of its logarithm). */
const TOPIC_PACE_TAU = 0.15;
/** The least spread assumed however alike today's measured lengths are. */
const MIN_SIGMA = 0.25;
/** A ticket without a known topic. */
const UNKNOWN_TOPIC_MINUTES = 20;
/** Share of booked appointments that do not come. */
export const NO_SHOW_SHARE = 0.1;
/** When a booked visitor checks in, relative to the start: uniformly this many minutes around it. */
const ARRIVAL_MINUTES = { early: 20, late: 10 };
/** Share of walk-ins no longer there when called, and the minutes their two calls take the room. */
export const GONE_SHARE = 0.05;
const GONE_MINUTES = 3;
const SEED = 0x5eed;
/** How long after closing a run still plays: staff finish the people in the room, not a new queue. */
export const CLOSING_SLACK_MINUTES = 60;
/** Without a known closing no run plays further than this: no office day is longer. */
export const MAX_HORIZON_MINUTES = 14 * 60;

/** A room counts as staffed for this long after it last worked (a call, or a conversation's end). */
export const STAFFED_WITHIN_MINUTES = 60;

/**
 * How many rooms serve the queue now. Nothing says who sits in which room, so it is read from the day:
 * the rooms that worked (called someone, or ended a conversation) in the last STAFFED_WITHIN_MINUTES, a
 * conversation now included; before the day's first call, every active room (staff have not begun, but
 * will). An active room that has not worked for an hour while the day went on is not counted: counting
 * it would promise a call that does not come. `worked`: each room's calls and ends of the day.
 */
export function staffedRooms(activeRooms: number, worked: readonly { room: number; at: Date }[], now: Date): number {
  if (worked.length === 0) return activeRooms;
  const since = now.getTime() - STAFFED_WITHIN_MINUTES * 60_000;
  return new Set(worked.filter((w) => w.at.getTime() >= since).map((w) => w.room)).size;
}

/** A wait range for every waiting ticket of the snapshot, by ticket id. */
export function estimateQueue(q: QueueSnapshot, now: Date): Map<string, TicketEstimate> {
  return estimate(q, now, null);
}

/**
 * The range of one waiting ticket (null when it is not waiting in the snapshot): the same as
 * `estimateQueue` gives it (up to LONG_QUEUE waiting), each run played only until it is called.
 */
export function estimateTicket(q: QueueSnapshot, id: string, now: Date): TicketEstimate | null {
  if (!q.waiting.some((t) => t.id === id)) return null;
  return estimate(q, now, id).get(id) ?? null;
}

/**
 * The range of the asked ticket when the snapshot lists only the first walk-ins (db/tickets.ts
 * queueSnapshot reads LISTED_WALK_INS of them): the ticket's own when it is listed; for a walk-in
 * further back (`walkInsBefore` walk-ins wait before it), the last listed walk-in's range and places
 * scaled by how much further back it is — the rooms keep their pace. (An early appointment behind
 * that many walk-ins is estimated from the listed ones only: it is due long before they are served.)
 */
export function estimateAsked(q: QueueSnapshot, id: string, walkInsBefore: number, now: Date): TicketEstimate | null {
  const own = estimateTicket(q, id, now);
  if (own) return own;
  const last = lastListedWalkIn(q);
  if (!last || walkInsBefore < q.waiting.filter((t) => t.kind === "walk_in").length) return null;
  return scaledBehind(q, estimateTicket(q, last.id, now)!, walkInsBefore, now);
}

/**
 * Every waiting ticket's range as `estimateAsked` gives it to that ticket alone (its status page, the
 * kiosk), for a screen that lists them all (the staff board): the listed tickets from one set of runs,
 * each ticket's range from the first `runsFor(its place in the rule's order)` of them, which are the runs
 * its own estimate plays; the walk-ins waiting behind the listed ones (`behind`: their ids in issue
 * order, the first with LISTED_WALK_INS walk-ins before it) scaled from the last listed, as there.
 */
export function estimateAll(q: QueueSnapshot, behind: readonly string[], now: Date): Map<string, TicketEstimate> {
  const result = estimate(q, now, null, true);
  const last = lastListedWalkIn(q);
  if (!last || behind.length === 0) return result;
  const listed = q.waiting.filter((t) => t.kind === "walk_in").length;
  const e = result.get(last.id)!;
  behind.forEach((id, i) => result.set(id, scaledBehind(q, e, listed + i, now)));
  return result;
}

/** The walk-in listed last in issue order (null when none is listed). */
function lastListedWalkIn(q: QueueSnapshot): WaitingTicket | null {
  return q.waiting
    .filter((t) => t.kind === "walk_in")
    .reduce<WaitingTicket | null>((a, t) => (!a || t.issuedAt.getTime() > a.issuedAt.getTime() || (t.issuedAt.getTime() === a.issuedAt.getTime() && t.seq > a.seq) ? t : a), null);
}

/** A walk-in with `walkInsBefore` walk-ins before it, from the last listed one's range `e`, scaled by its place. */
function scaledBehind(q: QueueSnapshot, e: TicketEstimate, walkInsBefore: number, now: Date): TicketEstimate {
  const scale = (walkInsBefore + 1) / q.waiting.filter((t) => t.kind === "walk_in").length;
  const low = Math.floor((e.low * scale) / 5) * 5;
  const high = Math.max(low + 5, Math.ceil((e.high * scale) / 5) * 5);
  return { low, high, ahead: Math.round((e.ahead + 1) * scale) - 1, next: false, pastClosing: e.pastClosing || isPastClosing(q, now, high) };
}

/** Minutes from now to today's closing; null when the snapshot does not know it. */
function untilClosing(q: QueueSnapshot, now: Date): number | null {
  return q.closesAt ? (q.closesAt.getTime() - now.getTime()) / 60_000 : null;
}

function isPastClosing(q: QueueSnapshot, now: Date, high: number): boolean {
  const until = untilClosing(q, now);
  return until !== null && high > until;
}

/**
 * Minutes from now after which a run stops when today's closing is known: CLOSING_SLACK_MINUTES past
 * it. A ticket not called by then counts as called then (the range's high end is past closing anyway,
 * and flagged). Appointments starting after the horizon (or, closing unknown, after
 * MAX_HORIZON_MINUTES) are not played at all. This caps the work however many appointments the day holds.
 */
function horizonOf(q: QueueSnapshot, now: Date): { stop: number; arrivals: number } {
  const until = untilClosing(q, now);
  if (until === null) return { stop: Infinity, arrivals: MAX_HORIZON_MINUTES };
  const stop = Math.max(0, until) + CLOSING_SLACK_MINUTES;
  return { stop, arrivals: stop };
}

/**
 * How many runs for `waiting` people (the whole queue, or those up to the one asked in the rule's order
 * now): RUNS up to LONG_QUEUE, fewer beyond (at least a quarter), so that the work grows no faster than
 * the queue. Far back in a long queue the wait is a sum of many
 * conversations, and its spread is read well enough from fewer runs.
 */
export function runsFor(waiting: number): number {
  return waiting <= LONG_QUEUE ? RUNS : Math.max(RUNS / 4, Math.round((RUNS * LONG_QUEUE) / waiting));
}

/**
 * The ranges of `only`, or of every waiting ticket. A ticket asked alone takes runsFor(its place in the
 * rule's order now) runs; the whole queue takes runsFor(all waiting) for everyone, or, `asAsked`, each
 * ticket the runs it takes alone (the runs are the same draws: a seed per run).
 */
function estimate(q: QueueSnapshot, now: Date, only: string | null, asAsked = false): Map<string, TicketEstimate> {
  const result = new Map<string, TicketEstimate>();
  if (q.waiting.length === 0) return result;
  const pace = paceOf(q);
  const asked = only === null ? q.waiting.map((t) => t.id) : [only];
  // The work grows with the people before the asked one (a run stops at its call), or the whole queue.
  const runsOf = new Map<string, number>();
  if (only === null && !asAsked) {
    for (const id of asked) runsOf.set(id, runsFor(q.waiting.length));
  } else {
    const rank = rankForCall(q.waiting, now);
    for (const id of asked) runsOf.set(id, runsFor(rank.indexOf(id) + 1));
  }
  const runs = Math.max(...runsOf.values());
  const waits = new Map<string, number[]>(asked.map((id) => [id, []]));
  const aheads = new Map<string, number[]>(asked.map((id) => [id, []]));
  const firsts = new Map<string, number>(asked.map((id) => [id, 0]));
  const present = new Set(q.waiting.map((t) => t.id));
  const orders = new Map<string, readonly string[]>();
  for (let run = 0; run < runs; run++) {
    // A seed per run: a run stopped early (one ticket asked) draws what the full run draws up to there.
    const calls = playForward(q, now, pace, mulberry32(SEED + run), only, orders);
    let before = 0;
    calls.forEach((call, i) => {
      if (waits.has(call.id) && run < runsOf.get(call.id)!) {
        waits.get(call.id)!.push(call.minutes);
        aheads.get(call.id)!.push(before);
        if (i === 0) firsts.set(call.id, firsts.get(call.id)! + 1);
      }
      if (present.has(call.id)) before++;
    });
  }
  for (const id of asked) {
    const minutes = waits.get(id)!.sort((a, b) => a - b);
    const low = Math.max(0, Math.floor(quantile(minutes, TAIL) / 5) * 5);
    const high = Math.max(low + 5, Math.ceil(quantile(minutes, 1 - TAIL) / 5) * 5);
    const ahead = aheads.get(id)!.sort((a, b) => a - b);
    result.set(id, { low, high, ahead: ahead[Math.floor(ahead.length / 2)] ?? 0, next: firsts.get(id)! * 2 > runsOf.get(id)!, pastClosing: isPastClosing(q, now, high) });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------

/**
 * Conversation lengths of a topic: log-normal with this median and σ of the logarithm; `tau`: how
 * unsure the median itself is (σ of its logarithm), drawn once per run, so that in one run every
 * conversation is quicker or slower alike, as on a real quick or slow day.
 */
interface Pace {
  median: number;
  sigma: number;
  tau: number;
}

/**
 * Each topic's pace: from its own measured conversations once there are MEASURED_ENOUGH; before that its
 * booked duration, scaled by how today's conversations of all topics compare with their durations when
 * that is known (a slow day is slow for every topic); else the booked duration, unsure by DAY_PACE_TAU.
 * The median is set so that the mean length is the measured mean (or the booked duration): a long queue
 * waits for the sum of many conversations, and a sum goes by the mean.
 */
function paceOf(q: QueueSnapshot): (topic: string | null) => Pace {
  const booked = (topic: string | null) => (topic !== null ? q.topicMinutes[topic] : undefined) ?? UNKNOWN_TOPIC_MINUTES;
  const byTopic = new Map<string | null, number[]>();
  const ratios: number[] = [];
  for (const m of q.measured) {
    const minutes = Math.max(1, m.minutes);
    byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), minutes]);
    ratios.push(minutes / booked(m.topic));
  }
  const day = ratios.length >= MEASURED_ENOUGH ? fit(ratios) : null;
  const cache = new Map<string | null, Pace>();
  return (topic) => {
    let pace = cache.get(topic);
    if (!pace) {
      const own = byTopic.get(topic) ?? [];
      if (own.length >= MEASURED_ENOUGH) {
        pace = fit(own);
      } else if (day) {
        // The day's pace, and the topic's own difference from it, unknown.
        pace = { median: booked(topic) * day.median, sigma: day.sigma, tau: Math.hypot(day.tau, TOPIC_PACE_TAU) };
      } else {
        pace = { median: booked(topic) * Math.exp(-(PRIOR_SIGMA ** 2) / 2), sigma: PRIOR_SIGMA, tau: DAY_PACE_TAU };
      }
      cache.set(topic, pace);
    }
    return pace;
  };
}

/** A log-normal pace with the values' mean, σ of their logarithms (at least MIN_SIGMA), τ = σ/√n. */
function fit(values: readonly number[]): Pace {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const logs = values.map(Math.log);
  const logMean = logs.reduce((a, b) => a + b, 0) / n;
  const sigma = Math.max(MIN_SIGMA, Math.sqrt(logs.reduce((a, b) => a + (b - logMean) ** 2, 0) / Math.max(1, n - 1)));
  return { median: mean * Math.exp(-(sigma ** 2) / 2), sigma, tau: sigma / Math.sqrt(n) };
}

interface SimTicket {
  candidate: Candidate;
  topic: string | null;
}

/**
 * One run: the rooms call in the order the rule gives until every ticket waiting now is called (or
 * `until` is). Returns the calls in order, with the minutes from now.
 */
function playForward(
  q: QueueSnapshot,
  now: Date,
  paceOfTopic: (topic: string | null) => Pace,
  random: () => number,
  until: string | null,
  orders: Map<string, readonly string[]>,
): { id: string; minutes: number }[] {
  const t0 = now.getTime();
  const horizon = horizonOf(q, now);
  // This run's day: one draw moves every topic's median by its own uncertainty.
  const day = normal(random);
  const paces = new Map<string | null, Pace>();
  const pace = (topic: string | null): Pace => {
    let p = paces.get(topic);
    if (!p) {
      const base = paceOfTopic(topic);
      paces.set(topic, (p = { ...base, median: base.median * Math.exp(base.tau * day) }));
    }
    return p;
  };
  const rooms = Math.max(1, q.rooms, q.serving.length);
  // When each room is free, minutes from now.
  const free: number[] = q.serving.map((s) => remaining(pace(s.topic), Math.max(0, (t0 - s.since.getTime()) / 60_000), random));
  while (free.length < rooms) free.push(0);

  let seq = q.waiting.reduce((m, t) => Math.max(m, t.seq), 0);
  const arrivals: { at: number; ticket: SimTicket }[] = [];
  for (const e of q.expected) {
    const untilStart = (e.start.getTime() - t0) / 60_000;
    if (untilStart > horizon.arrivals) continue;
    const offset = arrivalOffset(-untilStart, random);
    if (offset === null) continue;
    const at = Math.max(0, untilStart + offset);
    arrivals.push({ at, ticket: { topic: e.topic, candidate: { id: e.id, kind: "appointment", issuedAt: new Date(t0 + at * 60_000), appointmentStart: e.start, seq: 0 } } });
  }
  arrivals.sort((a, b) => a.at - b.at);
  for (const a of arrivals) a.ticket.candidate.seq = ++seq;

  const waiting = new Map<string, SimTicket>(q.waiting.map((t) => [t.id, { candidate: t, topic: t.topic }]));
  const targets = new Set(q.waiting.map((t) => t.id));
  let next = 0;
  // The rule's order, read again only when it can change: someone checked in, or an early appointment
  // became due (DUE_WITHIN_MINUTES before its start). In between, calling the first leaves the others'
  // order as it was, so the result is the rule's at every call.
  let order: readonly string[] = [];
  let first = 0;
  let validUntil = -Infinity;
  // What happened before each reading of the order: with the same history the waiting are the same
  // people, so runs share the rule's answer (`orders`) instead of sorting the queue again each run.
  let history = "";
  let arrived = "";
  const calls: { id: string; minutes: number }[] = [];
  while (targets.size > 0) {
    let room = 0;
    for (let r = 1; r < free.length; r++) if (free[r]! < free[room]!) room = r;
    let at = free[room]!;
    // Nobody waits: the room is idle until the next check-in.
    if (waiting.size === 0) at = Math.max(at, arrivals[next]!.at);
    // Past the horizon nobody more is called: the rest count as called at the horizon.
    if (at > horizon.stop) {
      for (const id of targets) calls.push({ id, minutes: horizon.stop });
      break;
    }
    while (next < arrivals.length && arrivals[next]!.at <= at) {
      const { ticket } = arrivals[next++]!;
      waiting.set(ticket.candidate.id, ticket);
      arrived += `${ticket.candidate.id},`;
      validUntil = -Infinity;
    }
    if (at >= validUntil) {
      const candidates = [...waiting.values()].map((w) => w.candidate);
      let due = "";
      validUntil = Infinity;
      for (const c of candidates) {
        const dueAt = c.kind === "appointment" && c.appointmentStart ? (c.appointmentStart.getTime() - t0) / 60_000 - DUE_WITHIN_MINUTES : -Infinity;
        if (dueAt > at) validUntil = Math.min(validUntil, dueAt);
        else if (dueAt > -Infinity) due += `${c.id},`;
      }
      history += `|${calls.length}:${arrived}:${due}`;
      arrived = "";
      order = orders.get(history) ?? orders.set(history, rankForCall(candidates, new Date(t0 + at * 60_000))).get(history)!;
      first = 0;
    }
    const id = order[first++]!;
    const called = waiting.get(id)!;
    waiting.delete(id);
    calls.push({ id, minutes: at });
    targets.delete(id);
    if (id === until) break;
    // Some walk-ins have left when called: two calls, "nicht erschienen", the room is free again.
    const gone = called.candidate.kind === "walk_in" && random() < GONE_SHARE;
    free[room] = at + (gone ? GONE_MINUTES : draw(pace(called.topic), random));
  }
  return calls;
}

/**
 * When a booked visitor not checked in by now checks in, minutes from the start; null: not at all. Of
 * all booked visitors NO_SHOW_SHARE do not come, the others check in evenly from ARRIVAL_MINUTES.early
 * before the start to ARRIVAL_MINUTES.late after it; one still missing `late` minutes after the start
 * (`sinceStart`) is, by then, less likely to come, and after ARRIVAL_MINUTES.late not at all.
 */
function arrivalOffset(sinceStart: number, random: () => number): number | null {
  const { early, late } = ARRIVAL_MINUTES;
  const from = Math.max(-early, sinceStart);
  if (from >= late) return null;
  const stillToCome = (1 - NO_SHOW_SHARE) * ((late - from) / (early + late));
  if (random() * (NO_SHOW_SHARE + stillToCome) >= stillToCome) return null;
  return from + random() * (late - from);
}

/** A conversation's length in minutes (at least one). */
function draw(p: Pace, random: () => number): number {
  return Math.max(1, p.median * Math.exp(p.sigma * normal(random)));
}

/**
 * What is left of a conversation that has gone on `elapsed` minutes: its length drawn from the pace
 * given that it is longer than `elapsed`, less `elapsed` (at least one minute: staff still close it).
 */
function remaining(p: Pace, elapsed: number, random: () => number): number {
  if (elapsed <= 0) return draw(p, random);
  const below = phi(Math.log(elapsed / p.median) / p.sigma);
  const u = Math.min(1 - 1e-9, below + (1 - below) * random());
  return Math.max(1, p.median * Math.exp(p.sigma * phiInverse(u)) - elapsed);
}

/** The q-quantile of sorted values, linearly between neighbours. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lower = sorted[Math.floor(pos)]!;
  const upper = sorted[Math.ceil(pos)]!;
  return lower + (upper - lower) * (pos - Math.floor(pos));
}

/** A small seeded generator (mulberry32): uniform in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
export function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** The standard normal distribution function (Abramowitz–Stegun 7.1.26, error below 1.5e-7). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Its inverse (Acklam's rational approximation, relative error below 1.2e-9). */
function phiInverse(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}
