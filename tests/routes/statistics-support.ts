import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { BookingCreated, RequestCreated } from "../../schemas/bookings";
import { TicketView } from "../../schemas/kiosk";
import { TicketActionResult } from "../../schemas/staff-board";
import { ProposalsAnswer, StaffBooking } from "../../schemas/staff-bookings";
import { Statistics } from "../../schemas/statistics";
import { addDays, isoWeekday, localTime, zonedInstant } from "../../common/time";
import { bookingBody, post, tokenOf } from "../helpers/bookings";
import { createSession } from "../../worker/db/staff";
import { sha256Hex } from "../../worker/random";
import { createOffice, pairedDevice, staffMember, type Office, type StaffMember } from "../helpers/fixtures";
import { staffCall } from "../helpers/staff-bookings";

/*
 * A generated month for the statistics tests: November 2026 at an office like Kempten-Ost (Mondays
 * 13:00–17:30, Wednesdays 09:00–13:00, one seat), made through the real API with a held clock for every
 * step, as residents, the kiosk and staff would: bookings online, by phone and at the kiosk, cancelled by
 * the person or by the office, no-shows, check-ins, calls, conversations begun or only called, walk-ins
 * served or gone, requests proposed (the time taken, or "keiner passt"), declined or left open; plus a few things just outside the month.
 *
 * Beside it, `expected` keeps its own tally of what it did, counted here and not by the code under test.
 */

const TZ = "Europe/Berlin";
export const MONTH = { from: "2026-11-01", to: "2026-11-30" };
const MONDAYS = ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"];
const WEDNESDAYS = ["2026-11-04", "2026-11-11", "2026-11-18", "2026-11-25"];

type Channel = "online" | "staff" | "kiosk";
type Outcome = "attended" | "noShow" | "cancelledByResident" | "cancelledByOffice" | "open";
export type TopicKey = "fragen" | "kompetenzanalyse" | "intern";
export const AUDIENCE_OF: Record<TopicKey, "residents" | "businesses" | "everyone"> = {
  fragen: "residents",
  kompetenzanalyse: "businesses",
  intern: "everyone",
};

export interface Expected {
  appointments: { channel: Channel; topic: TopicKey; outcome: Outcome; day: string }[];
  walkIns: { topic: TopicKey; served: boolean; day: string }[];
  requests: { topic: TopicKey; proposed: boolean; declined: boolean }[];
  waitWalkIn: number[];
  waitAppointment: number[];
  talkWalkIn: number[];
  talkAppointment: number[];
  fromCall: number;
  /** Cancellations that staff entered on the person's word (the person called). */
  cancelledForResident: number;
  /** [weekday 1–7][hour] */
  visits: number[][];
}

/**
 * `member` signed in afresh at `now`: a session lasts hours, the month's held clock runs for weeks.
 */
export async function sessionAt(member: StaffMember, now: Date): Promise<StaffMember> {
  const token = `s${crypto.randomUUID()}${crypto.randomUUID()}`.replace(/[^A-Za-z0-9_-]/g, "");
  await createSession(env.DB, await sha256Hex(token), member.id, now).run();
  return { ...member, cookie: `__Host-sprechstunde-staff=${token}` };
}

export interface Month {
  office: Office;
  staff: StaffMember;
  expected: Expected;
}

/** A small seeded generator (mulberry32), so the month is the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const local = (day: string, time: string) => zonedInstant(day, time, TZ);
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

async function ok<T>(res: Promise<Response>, status: number, what: string, parse: (json: unknown) => T): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${await r.text()}`);
  return parse(await r.json());
}

/** Builds the month (a few hundred API calls) in a fresh office. */
export async function generateMonth(seed = 10): Promise<Month> {
  const rnd = random(seed);
  const pick = <T>(items: readonly [T, number][]): T => {
    let r = rnd() * items.reduce((s, [, w]) => s + w, 0);
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items.at(-1)![0];
  };
  const office = await createOffice();
  await env.DB.batch(
    Object.entries(AUDIENCE_OF).map(([key, audience]) =>
      env.DB.prepare("UPDATE topics SET audience = ?3 WHERE location_id = ?1 AND key = ?2").bind(office.id, key, audience),
    ),
  );
  const staff = await staffMember(office, "staff", local("2026-10-01", "08:00"));
  const kioskToken = await pairedDevice(office, "kiosk");
  const { results: roomRows } = await env.DB.prepare("SELECT id FROM rooms WHERE location_id = ?1 ORDER BY sort_order").bind(office.id).all<{ id: number }>();
  const rooms = roomRows.map((r) => r.id);
  const kiosk = (path: string, body: unknown, now: Date) => post(office, path, body, { now, headers: { Authorization: `Bearer ${kioskToken}` } });
  const asStaff = async (path: string, body: unknown, now: Date) => staffCall(office, await sessionAt(staff, now), "POST", path, body, { now });
  const ticketId = async (t: TicketView, day: string) => {
    const row = await env.DB.prepare("SELECT id FROM queue_tickets WHERE location_id = ?1 AND local_day = ?2 AND prefix = ?3 AND number = ?4")
      .bind(office.id, day, t.prefix, t.number)
      .first<{ id: string }>();
    return row!.id;
  };
  const ticketOf = (p: Promise<Response>, what: string) => ok(p, 200, what, (j) => TicketActionResult.parse(j));

  const expected: Expected = {
    appointments: [],
    walkIns: [],
    requests: [],
    waitWalkIn: [],
    waitAppointment: [],
    talkWalkIn: [],
    talkAppointment: [],
    fromCall: 0,
    cancelledForResident: 0,
    visits: Array.from({ length: 7 }, () => new Array<number>(24).fill(0)),
  };
  const visit = (at: Date) => {
    expected.visits[isoWeekday(localDateOf(at)) - 1]![Number(localTime(at, TZ).slice(0, 2))]!++;
  };

  // -------------------------------------------------------------------------------------------------
  // Bookings, three days ahead, in every slot that the dice give one.
  interface Booked { id: string; code: string; manageUrl: string | null; start: Date; outcome: Outcome; day: string }
  const booked: Booked[] = [];
  const days = [...MONDAYS.map((d) => [d, "13:00", 9] as const), ...WEDNESDAYS.map((d) => [d, "09:00", 8] as const)];
  for (const [day, opens, slots] of days) {
    const bookedAt = local(addDays(day, -3), "08:00");
    for (let i = 0; i < slots; i++) {
      if (rnd() < 0.15) continue;
      const start = plus(local(day, opens), 30 * i);
      const channel = pick<Channel>([["online", 5], ["staff", 3], ["kiosk", 2]]);
      const long = i + 1 < slots && rnd() < 0.2;
      const topic: TopicKey = long ? "kompetenzanalyse" : channel === "staff" && rnd() < 0.4 ? "intern" : "fragen";
      if (long) i++;
      const startText = start.toISOString();
      let b: { id: string; code: string; manageUrl: string | null };
      if (channel === "staff") {
        const created = await ok(asStaff("/bookings", { topic, start: startText, name: "Telefon Kundin" }, bookedAt), 201, "staff booking", (j) => StaffBooking.parse(j));
        b = { id: created.id, code: created.code, manageUrl: null };
      } else {
        const path = channel === "online" ? "/api/bookings" : "/api/kiosk/bookings";
        const created = await ok(
          channel === "online" ? post(office, path, bookingBody({ start: startText, topic }), { now: bookedAt }) : kiosk(path, bookingBody({ start: startText, topic }), bookedAt),
          201,
          `${channel} booking`,
          (j) => BookingCreated.parse(j),
        );
        b = created;
      }
      const outcome = pick<Outcome>([
        ["attended", 50],
        ["noShow", 12],
        ["cancelledByResident", 12],
        ["cancelledByOffice", 12],
        ["open", 14],
      ]);
      booked.push({ ...b, start, outcome, day });
      expected.appointments.push({ channel, topic, outcome, day });
    }
  }

  // Cancellations the day before.
  for (const b of booked) {
    const dayBefore = plus(b.start, -24 * 60);
    if (b.outcome === "cancelledByResident" && b.manageUrl && rnd() < 0.6) {
      await ok(post(office, `/api/bookings/manage/${tokenOf(b.manageUrl)}/cancel`, {}, { now: dayBefore }), 200, "resident cancel", (j) => j);
    } else if (b.outcome === "cancelledByResident") {
      // The person calls (a phone booking has no manage link at all): staff cancel on their word.
      await ok(asStaff(`/bookings/${b.id}/cancel`, { by: "resident" }, dayBefore), 200, "staff cancel for the person", (j) => j);
      expected.cancelledForResident++;
    } else if (b.outcome === "cancelledByOffice") {
      // Half of the office's own cancellations say so, half leave it to the default.
      await ok(asStaff(`/bookings/${b.id}/cancel`, rnd() < 0.5 ? { by: "office" } : {}, dayBefore), 200, "staff cancel", (j) => j);
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Requests "nach Vereinbarung": made on an open day, then given a time on the next day (a Tuesday or
  // Thursday, outside the hours) that the resident takes, declined, or left open. One is made in October
  // and given a time in November: its appointment counts, the request does not.
  const askAt = async (day: string, topic: TopicKey) => {
    const body = { topic, name: "Ayşe Yılmaz", email: `ayse.${crypto.randomUUID().slice(0, 8)}@example.org`, preferredWeekdays: [2], preferredTimes: ["morning"], consent: true };
    return ok(post(office, "/api/requests", body, { now: local(day, "07:30") }), 201, "request", (j) => RequestCreated.parse(j));
  };
  let proposals = 0;
  /** Staff propose `start` for request `r` at `when`, and its resident takes it at once (or, `none`, answers "keiner passt"). */
  const proposeAndAccept = async (r: RequestCreated, start: Date, when: Date, none = false) => {
    const answer = await ok(asStaff(`/requests/${r.id}/propose`, { times: [start.toISOString()] }, when), 201, "propose", (j) => ProposalsAnswer.parse(j));
    const manage = `/api/bookings/manage/${tokenOf(r.manageUrl)}/proposals`;
    await ok(post(office, none ? `${manage}/decline` : `${manage}/${answer.proposals[0]!.id}/accept`, {}, { now: when }), 200, "answer", (j) => j);
  };
  for (const day of [...MONDAYS, ...WEDNESDAYS]) {
    for (let n = 0; n < 3; n++) {
      const topic = rnd() < 0.3 ? "kompetenzanalyse" : "fragen";
      const request = await askAt(day, topic);
      const { id } = request;
      const fate = pick<"propose" | "decline" | "open">([["propose", 4], ["decline", 3], ["open", 3]]);
      const when = local(day, "08:00");
      if (fate === "propose") {
        const start = local(addDays(day, 1), "07:00");
        // Every fourth resident answers "keiner passt": still a request with a proposal, but no appointment.
        const none = proposals % 4 === 3;
        await proposeAndAccept(request, plus(start, 30 * proposals++), when, none);
        // Only a time still in November is an appointment of the month.
        if (!none && addDays(day, 1) <= MONTH.to) expected.appointments.push({ channel: "online", topic, outcome: "open", day: addDays(day, 1) });
      } else if (fate === "decline") {
        await ok(asStaff(`/requests/${id}/decline`, { message: "Leider nicht möglich." }, when), 200, "decline", (j) => j);
      }
      expected.requests.push({ topic, proposed: fate === "propose", declined: fate === "decline" });
    }
  }
  const october = await askAt("2026-10-30", "fragen");
  await proposeAndAccept(october, local("2026-11-10", "07:00"), local("2026-10-30", "09:00"));
  expected.appointments.push({ channel: "online", topic: "fragen", outcome: "open", day: "2026-11-10" });

  // Outside the month: a booking on 2 December and a walk-in on 26 October (neither counts).
  await ok(post(office, "/api/bookings", bookingBody({ start: local("2026-12-02", "09:00").toISOString() }), { now: local("2026-11-28", "08:00") }), 201, "december", (j) => j);
  await ok(kiosk("/api/kiosk/tickets", { topic: "fragen" }, local("2026-10-26", "13:30")), 201, "october walk-in", (j) => j);

  // -------------------------------------------------------------------------------------------------
  // The days themselves: check-ins and walk-ins in order of arrival, each seen through to its end before
  // the next (two rooms, taken in turn).
  let room = 0;
  const talk = async (ticketId: string, calledAt: Date, walkIn: boolean) => {
    const roomId = rooms[room++ % rooms.length]!;
    await ticketOf(asStaff(`/tickets/${ticketId}/call`, { roomId }, calledAt), "call");
    const begin = rnd() < 0.8;
    const minutes = 10 + Math.floor(rnd() * 30);
    if (begin) await ticketOf(asStaff(`/tickets/${ticketId}/start`, {}, plus(calledAt, 1)), "start");
    else expected.fromCall++;
    await ticketOf(asStaff(`/tickets/${ticketId}/finish`, {}, plus(calledAt, (begin ? 1 : 0) + minutes)), "finish");
    (walkIn ? expected.talkWalkIn : expected.talkAppointment).push(minutes);
  };

  for (const [day, opens, slots] of days) {
    type Arrival = { at: Date; run: () => Promise<void> };
    const arrivals: Arrival[] = [];
    for (const b of booked.filter((x) => x.day === day)) {
      if (b.outcome === "noShow") {
        arrivals.push({ at: b.start, run: async () => void (await ok(asStaff(`/bookings/${b.id}/no-show`, {}, plus(b.start, 20)), 200, "booking no-show", (j) => j)) });
      } else if (b.outcome === "attended") {
        // Early, on time or late; most are called, a few wait on (their wait is not measured).
        const checkIn = plus(b.start, Math.floor(rnd() * 20) - 10);
        arrivals.push({
          at: checkIn,
          run: async () => {
            const id = await ticketId(await ok(kiosk("/api/kiosk/checkin", { code: b.code }, checkIn), 201, "check-in", (j) => TicketView.parse(j)), day);
            visit(checkIn);
            if (rnd() < 0.1) return;
            const from = checkIn > b.start ? checkIn : b.start;
            const wait = Math.floor(rnd() * 15);
            expected.waitAppointment.push(wait);
            await talk(id, plus(from, wait), false);
          },
        });
      }
    }
    const walkIns = 2 + Math.floor(rnd() * 5);
    for (let n = 0; n < walkIns; n++) {
      const issued = plus(local(day, opens), 5 + Math.floor(rnd() * (slots * 30 - 60)));
      const topic: TopicKey = pick([["fragen", 6], ["kompetenzanalyse", 2], ["intern", 1]]);
      const fate = pick<"served" | "gone" | "waiting">([["served", 7], ["gone", 2], ["waiting", 1]]);
      arrivals.push({
        at: issued,
        run: async () => {
          const id = await ticketId(await ok(kiosk("/api/kiosk/tickets", { topic }, issued), 201, "walk-in", (j) => TicketView.parse(j)), day);
          visit(issued);
          expected.walkIns.push({ topic, served: fate === "served", day });
          if (fate === "waiting") return;
          const wait = Math.floor(rnd() * 40);
          expected.waitWalkIn.push(wait);
          const calledAt = plus(issued, wait);
          if (fate === "served") return talk(id, calledAt, true);
          const roomId = rooms[room++ % rooms.length]!;
          await ticketOf(asStaff(`/tickets/${id}/call`, { roomId }, calledAt), "call");
          await ticketOf(asStaff(`/tickets/${id}/recall`, {}, plus(calledAt, 2)), "recall");
          await ticketOf(asStaff(`/tickets/${id}/no-show`, {}, plus(calledAt, 4)), "no-show");
        },
      });
    }
    arrivals.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const a of arrivals) await a.run();
  }

  return { office, staff, expected };
}

function localDateOf(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(at);
}

/** GET the statistics of the month (or `query`) as `staff`, parsed by the response schema. */
export async function statisticsOf(m: Month, query = MONTH, now = new Date("2026-12-02T08:00:00Z")): Promise<Statistics> {
  const res = await staffCall(m.office, await sessionAt(m.staff, now), "GET", `/statistics?${new URLSearchParams(query)}`, undefined, { now });
  expect(res.status).toBe(200);
  return Statistics.parse(await res.json());
}
