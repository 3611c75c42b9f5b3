import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { SlotsResponse, type SlotsQuery } from "../../schemas/slots";
import { BookingsAffectedError } from "../../schemas/staff-settings";
import { createApp } from "../../worker/app";
import { silentNotifier } from "../../worker/live/notifier";
import { runProposalExpiry } from "../../worker/services/proposal-expiry";
import { freeSlots } from "../../worker/services/slots";
import { AnswerCache, type CachedAnswer } from "../../worker/services/slots-cache";
import { bookingBody, NOW, post, tokenOf } from "../helpers/bookings";
import { createOffice, staffMember, testDeps, type Office } from "../helpers/fixtures";
import { countingRowsRead } from "../helpers/rows-read";
import { accept, declineAll, proposed, requestWithProposals } from "../helpers/proposals";
import { bookedOnline, requestedOnline, staffCall } from "../helpers/staff-bookings";
import { signedInAdmin } from "./staff-settings-support";

/*
 * GET /api/slots (and the board's GET /api/staff/:office/slots) answer from this isolate's cache of
 * computed answers (worker/services/slots.ts): a kept answer is served only while its schedule version
 * is the office's version in D1 and the clock has not passed the instant at which the clock alone
 * changes it. Whether an answer came from the cache is seen in what the request asked D1: a kept answer
 * costs one statement (the version), a computation reads the seats.
 * Clock: Tuesday 24 November 2026, 08:00 in Kempten, unless a test says otherwise.
 */

const WEEK = { from: "2026-11-30", to: "2026-12-02" } satisfies SlotsQuery;
/** Times inside the week's opening hours (Monday 13:00–17:30, Wednesday 09:00–13:00). */
const MON_13 = "2026-11-30T13:00:00+01:00";
const WED_09 = "2026-12-02T09:00:00+01:00";
/** A Sondertermin on the week's Tuesday, when the office is otherwise closed. */
const TUESDAY_EXTRA = { day: "2026-12-01", opens: "10:00", closes: "12:00" };

interface Read {
  status: number;
  body: string;
  /** The SQL of every statement the request prepared, in order. */
  sql: string[];
  headers: Headers;
}

/** A D1 binding that records the SQL of every statement prepared through it. */
function recording(): { db: D1Database; sql: string[] } {
  const sql: string[] = [];
  const db = new Proxy(env.DB, {
    get(target, prop) {
      if (prop === "prepare") return (query: string) => (sql.push(query), target.prepare(query));
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db, sql };
}

/** GET /api/slots for `office` with `query` at `now`, through `db` (default: a recording binding). */
async function read(office: Office, query: SlotsQuery, now = NOW, init: RequestInit = {}, path = "/api/slots", db?: D1Database): Promise<Read> {
  const rec = recording();
  const params = new URLSearchParams({ from: query.from, to: query.to, ...(query.topic ? { topic: query.topic } : {}) });
  const res = await createApp(testDeps(now)).request(`http://localhost${path}?${params}`, init, { ...env, DB: db ?? rec.db, DEFAULT_LOCATION: office.slug });
  return { status: res.status, body: await res.text(), sql: rec.sql, headers: res.headers };
}

const VERSION_READ = /^SELECT schedule_version FROM locations WHERE slug = \?1$/;

/** The statements of a slots read (a staff route's session look-up left out). */
const slotStatements = (r: Read) => r.sql.filter((s) => /schedule_version|booking_seats/.test(s));

/** A read answered from the cache: of its own statements only the office's schedule version. */
function expectKept(r: Read) {
  expect(r.status).toBe(200);
  expect(slotStatements(r)).toEqual([expect.stringMatching(VERSION_READ)]);
}

/** A read computed afresh: it read the taken seats. */
function expectComputed(r: Read) {
  expect(r.status).toBe(200);
  expect(r.sql.some((s) => /FROM booking_seats/.test(s))).toBe(true);
}

/** What a computation without any cache answers for the same question now: the body a fresh read must equal. */
async function fresh(office: Office, query: SlotsQuery, now = NOW, rules: "online" | "staff" = "online"): Promise<string> {
  return JSON.stringify(await freeSlots(env.DB, now, office.slug, query, rules));
}

const startsOf = (body: string, date: string) => SlotsResponse.parse(JSON.parse(body)).days.find((d) => d.date === date)!.slots.map((s) => s.start);

describe("a kept answer", () => {
  it("is served again, byte for byte, with one read of one row, as JSON that no browser keeps", async () => {
    const office = await createOffice();
    const first = await read(office, WEEK);
    expectComputed(first);
    const again = await read(office, WEEK);
    expectKept(again);
    expect(again.sql).toHaveLength(1);
    expect(again.body).toBe(first.body);
    expect(again.body).toBe(await fresh(office, WEEK));
    for (const r of [first, again]) {
      expect(r.headers.get("Content-Type")).toBe("application/json");
      expect(r.headers.get("Cache-Control")).toBe("no-store");
      expect(r.headers.get("ETag")).toBeNull();
    }
    SlotsResponse.parse(JSON.parse(again.body));
    // What D1 counts (and bills) for it: one row.
    const counted = countingRowsRead(env.DB);
    expect((await read(office, WEEK, NOW, {}, "/api/slots", counted.db)).body).toBe(first.body);
    expect(counted.read()).toBe(1);
  });

  it("is kept per office, range, topic and rules: each other question is computed", async () => {
    const office = await createOffice();
    const other = await createOffice();
    expectComputed(await read(office, WEEK));
    expectComputed(await read(other, WEEK));
    expectComputed(await read(office, { ...WEEK, to: "2026-12-03" }));
    expectComputed(await read(office, { ...WEEK, topic: "kompetenzanalyse" }));
    // The board's picker by staff rules has its own key and answer.
    const member = await staffMember(office, "staff", NOW);
    const staff = await read(office, WEEK, NOW, { headers: { Cookie: member.cookie } }, `/api/staff/${office.slug}/slots`);
    expectComputed(staff);
    expect(staff.body).toBe(await fresh(office, WEEK, NOW, "staff"));
    expectKept(await read(office, WEEK, NOW, { headers: { Cookie: member.cookie } }, `/api/staff/${office.slug}/slots`));
    expectKept(await read(office, WEEK));
  });

  it("never answers for an unknown topic or range: those are refused as before, and nothing is kept for them", async () => {
    const office = await createOffice();
    for (let i = 0; i < 2; i++) {
      expect((await read(office, { ...WEEK, topic: "intern" })).status).toBe(400);
      expect((await read(office, { from: WEEK.to, to: WEEK.from })).status).toBe(400);
    }
  });
});

describe("each kind of change makes the next read fresh", () => {
  type Change = (office: Office) => Promise<() => Promise<void>>;
  const admin = async (office: Office) => signedInAdmin(office, "admin", NOW);
  const topicId = async (office: Office, key: string) =>
    (await env.DB.prepare("SELECT id FROM topics WHERE location_id = ?1 AND key = ?2").bind(office.id, key).first<{ id: number }>())!.id;
  const ok = async (res: Promise<Response>, status = 200) => {
    const r = await res;
    expect(r.status, await r.clone().text()).toBe(status);
  };

  // Each row prepares what it needs before the answer is kept and returns the change itself.
  const changes: [name: string, query: SlotsQuery, prepare: Change][] = [
    ["a booking", WEEK, async (office) => () => ok(post(office, "/api/bookings", bookingBody()), 201)],
    ["a cancel", WEEK, async (office) => {
      const booked = await bookedOnline(office);
      return () => ok(post(office, `/api/bookings/manage/${tokenOf(booked.manageUrl)}/cancel`, {}));
    }],
    ["a move", WEEK, async (office) => {
      const booked = await bookedOnline(office);
      return () => ok(post(office, `/api/bookings/manage/${tokenOf(booked.manageUrl)}/reschedule`, { start: "2026-12-02T10:00:00+01:00" }));
    }],
    ["a phone booking by staff", WEEK, async (office) => {
      const member = await staffMember(office, "staff", NOW);
      return () =>
        ok(
          office.request(`http://localhost/api/staff/${office.slug}/bookings`, {
            method: "POST",
            headers: { "Content-Type": "application/json", Origin: "http://localhost", Cookie: member.cookie },
            body: JSON.stringify({ topic: "fragen", start: "2026-12-02T09:00:00+01:00", name: "Herr Schmid" }),
          }, NOW),
          201,
        );
    }],
    ["a closure", WEEK, async (office) => {
      const a = await admin(office);
      return () => ok(a.post("/admin/closures", { firstDay: "2026-12-02", lastDay: "2026-12-02", reasonDe: "Fortbildung" }), 201);
    }],
    ["opening hours", WEEK, async (office) => {
      const a = await admin(office);
      return () => ok(a.put("/admin/settings/opening-hours", { rules: [{ weekday: 1, opens: "14:00", closes: "17:30" }, { weekday: 3, opens: "09:00", closes: "13:00" }] }));
    }],
    ["a topic's duration", { ...WEEK, topic: "fragen" }, async (office) => {
      const a = await admin(office);
      const id = await topicId(office, "fragen");
      return () => ok(a.put(`/admin/topics/${id}`, { durationMinutes: 60 }));
    }],
    ["a topic retired", { ...WEEK, topic: "kompetenzanalyse" }, async (office) => {
      const a = await admin(office);
      const id = await topicId(office, "kompetenzanalyse");
      return async () => {
        await ok(a.put(`/admin/topics/${id}`, { active: false }));
        // The next read computes and refuses the topic; nothing kept answers for it.
        const next = await read(office, { ...WEEK, topic: "kompetenzanalyse" });
        expect(next.status).toBe(400);
      };
    }],
    ["seats per slot", WEEK, async (office) => {
      const a = await admin(office);
      return () => ok(a.put("/admin/settings/office", { seatsPerSlot: 2 }));
    }],
    ["the minimum notice", { from: "2026-11-25", to: "2026-11-25" }, async (office) => {
      const a = await admin(office);
      return () => ok(a.put("/admin/settings/office", { minNoticeMinutes: 24 * 60 + 120 }));
    }],
    ["the horizon", WEEK, async (office) => {
      const a = await admin(office);
      return () => ok(a.put("/admin/settings/office", { horizonDays: 6 }));
    }],
    ["extra hours added (Sondertermin)", WEEK, async (office) => {
      const a = await admin(office);
      return () => ok(a.post("/admin/extra-hours", TUESDAY_EXTRA), 201);
    }],
    ["extra hours removed", WEEK, async (office) => {
      const a = await admin(office);
      const res = await a.post("/admin/extra-hours", TUESDAY_EXTRA);
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: number };
      return () => ok(a.post(`/admin/extra-hours/${id}/delete`, {}));
    }],
    ["a proposal round (its seats held)", WEEK, async (office) => {
      const member = await staffMember(office, "staff", NOW);
      const request = await requestedOnline(office);
      return async () => void (await proposed(office, member, request.id, [MON_13, WED_09]));
    }],
    ["a proposal accepted (the round's other time freed)", WEEK, async (office) => {
      const { links } = await requestWithProposals(office, await staffMember(office, "staff", NOW), [MON_13, WED_09]);
      return () => ok(accept(office, links.times[0]!.token, links.times[0]!.proposal));
    }],
    ["proposals declined ('keiner passt')", WEEK, async (office) => {
      const { links } = await requestWithProposals(office, await staffMember(office, "staff", NOW), [MON_13, WED_09]);
      return () => ok(declineAll(office, links.none!.token));
    }],
    ["a proposal withdrawn by staff", WEEK, async (office) => {
      const member = await staffMember(office, "staff", NOW);
      const { request, answer } = await requestWithProposals(office, member, [MON_13, WED_09]);
      return () => ok(staffCall(office, member, "POST", `/requests/${request.id}/proposals/withdraw`, { proposals: [answer.proposals[0]!.id] }));
    }],
    ["proposals expired by the scheduled work", WEEK, async (office) => {
      const { answer } = await requestWithProposals(office, await staffMember(office, "staff", NOW), [MON_13, WED_09]);
      return async () => {
        const ended = await runProposalExpiry(env.DB, new Date(answer.proposals[0]!.holdUntil), silentNotifier);
        expect(ended.get(office.id)).toBe(1);
      };
    }],
    ["a closure that cancels an appointment and withdraws a proposal", WEEK, async (office) => {
      const a = await admin(office);
      await bookedOnline(office, { start: WED_09 });
      await requestWithProposals(office, await staffMember(office, "staff", NOW), ["2026-12-02T10:00:00+01:00"]);
      const closure = { firstDay: "2026-12-02", lastDay: "2026-12-02", reasonDe: "Fortbildung" };
      return async () => {
        const asked = await a.post("/admin/closures", closure);
        expect(asked.status).toBe(409);
        const { bookings, proposals } = BookingsAffectedError.parse(await asked.json()).error.details;
        expect([bookings.length, proposals.length]).toEqual([1, 1]);
        const decision = { action: "cancel", ids: bookings.map((b) => b.id), proposals: proposals.map((p) => p.id) };
        await ok(a.post("/admin/closures", { ...closure, bookings: decision }), 201);
      };
    }],
  ];

  it.each(changes)("%s", async (_name, query, prepare) => {
    const office = await createOffice();
    const change = await prepare(office);
    const before = await read(office, query);
    expectComputed(before);
    expectKept(await read(office, query));

    await change();

    const after = await read(office, query);
    if (after.status !== 200) return; // a refusal, checked by the row itself
    expectComputed(after);
    expect(after.body).not.toBe(before.body);
    expect(after.body).toBe(await fresh(office, query));
    expectKept(await read(office, query));
  });

  it("a change at another office leaves this office's answer kept", async () => {
    const office = await createOffice();
    const other = await createOffice();
    expectComputed(await read(office, WEEK));
    await ok(post(other, "/api/bookings", bookingBody()), 201);
    expectKept(await read(office, WEEK));
  });
});

describe("a kept answer runs out with the clock", () => {
  const at = (iso: string) => new Date(iso);

  it("when its first listed start passes the minimum notice, to the millisecond", async () => {
    // Monday 30 November, 09:00 in Kempten: open 13:00–17:30, two hours' notice, so 13:00 is the first start.
    const office = await createOffice();
    const day = { from: "2026-11-30", to: "2026-11-30" };
    const first = await read(office, day, at("2026-11-30T08:00:00.000Z"));
    expectComputed(first);
    expect(startsOf(first.body, "2026-11-30")[0]).toBe("2026-11-30T13:00:00+01:00");

    // 11:00:00.000 local: 13:00 is still exactly two hours away.
    const last = await read(office, day, at("2026-11-30T10:00:00.000Z"));
    expectKept(last);
    expect(last.body).toBe(first.body);

    // One millisecond later 13:00 is too soon.
    const after = await read(office, day, at("2026-11-30T10:00:00.001Z"));
    expectComputed(after);
    expect(startsOf(after.body, "2026-11-30")[0]).toBe("2026-11-30T13:30:00+01:00");
    expect(after.body).toBe(await fresh(office, day, at("2026-11-30T10:00:00.001Z")));
    expectKept(await read(office, day, at("2026-11-30T10:30:00.000Z")));
    expectComputed(await read(office, day, at("2026-11-30T10:30:00.001Z")));
  });

  it("by staff rules (no notice) when the first listed start begins", async () => {
    const office = await createOffice();
    const member = await staffMember(office, "staff", at("2026-11-30T12:00:00Z"));
    const day = { from: "2026-11-30", to: "2026-11-30" };
    const staffRead = (now: string) => read(office, day, at(now), { headers: { Cookie: member.cookie } }, `/api/staff/${office.slug}/slots`);
    // 13:35 local: the next start is 14:00.
    expectComputed(await staffRead("2026-11-30T12:35:00.000Z"));
    expectKept(await staffRead("2026-11-30T13:00:00.000Z"));
    const after = await staffRead("2026-11-30T13:00:00.001Z");
    expectComputed(after);
    expect(startsOf(after.body, "2026-11-30")[0]).toBe("2026-11-30T14:30:00+01:00");
  });

  it("at local midnight, when the horizon moves on a day", async () => {
    // Horizon 5 days: on Tuesday 24 November the last bookable day is Sunday 29, on Wednesday Monday 30.
    const office = await createOffice({ horizonDays: 5 });
    const days = { from: "2026-11-25", to: "2026-11-30" };
    const evening = await read(office, days, at("2026-11-24T22:00:00.000Z"));
    expectComputed(evening);
    expect(startsOf(evening.body, "2026-11-30")).toEqual([]);
    expectKept(await read(office, days, at("2026-11-24T22:59:59.999Z")));

    const midnight = await read(office, days, at("2026-11-24T23:00:00.000Z"));
    expectComputed(midnight);
    expect(startsOf(midnight.body, "2026-11-30")[0]).toBe("2026-11-30T13:00:00+01:00");
    expect(midnight.body).toBe(await fresh(office, days, at("2026-11-24T23:00:00.000Z")));
  });

  it("is never served to a clock before the one it was computed at (a held clock going back)", async () => {
    // At 11:30 local the notice has dropped 13:00; at 08:00 it is offered.
    const office = await createOffice();
    const day = { from: "2026-11-30", to: "2026-11-30" };
    expectComputed(await read(office, day, at("2026-11-30T10:30:00Z")));
    const earlier = await read(office, day, at("2026-11-30T07:00:00Z"));
    expectComputed(earlier);
    expect(startsOf(earlier.body, "2026-11-30")[0]).toBe("2026-11-30T13:00:00+01:00");
  });
});

describe("a computation stores its answer under the version of its own data", () => {
  it("a booking that lands between the computation's read and its store shows on the next read", async () => {
    const office = await createOffice();
    const slot = "2026-11-30T13:00:00+01:00";
    // The computation's D1: its batch (version and seats, one snapshot) is read, then a booking of 13:00
    // answers 201, and only then does the computation go on to format and store what it read.
    let landed = false;
    const late = new Proxy(env.DB, {
      get(target, prop) {
        if (prop === "batch") {
          return async (statements: D1PreparedStatement[]) => {
            const results = await target.batch(statements);
            const res = await post(office, "/api/bookings", bookingBody({ start: slot }));
            expect(res.status).toBe(201);
            landed = true;
            return results;
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const during = await read(office, WEEK, NOW, {}, "/api/slots", late);
    expect(landed).toBe(true);
    // It began before the booking answered, so it may (and does) still show 13:00 free …
    expect(startsOf(during.body, "2026-11-30")).toContain(slot);
    // … but what it stored does not outlive its version: the next read computes and 13:00 is gone.
    const next = await read(office, WEEK);
    expectComputed(next);
    expect(startsOf(next.body, "2026-11-30")).not.toContain(slot);
    expect(next.body).toBe(await fresh(office, WEEK));
  });
});

describe("AnswerCache", () => {
  const answer = (version: number, body = "x", validFrom = 0, validUntil = 1000): CachedAnswer => ({ version, validFrom, validUntil, body });

  it("answers within [validFrom, validUntil) only, and drops an answer whose time is up", () => {
    const cache = new AnswerCache({ entries: 10, chars: 100 });
    cache.set("k", answer(1, "x", 100, 200));
    expect(cache.get("k", 99)).toBeUndefined();
    expect(cache.get("k", 100)?.version).toBe(1);
    expect(cache.get("k", 199)?.version).toBe(1);
    expect(cache.get("k", 200)).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, chars: 0 });
  });

  it("keeps the newer version when an older computation finishes last", () => {
    const cache = new AnswerCache({ entries: 10, chars: 100 });
    cache.set("k", answer(7, "new"));
    cache.set("k", answer(6, "old"));
    expect(cache.get("k", 0)?.body).toBe("new");
    cache.set("k", answer(8, "newer"));
    expect(cache.get("k", 0)?.body).toBe("newer");
    expect(cache.size).toEqual({ entries: 1, chars: 5 });
  });

  it("holds at most its entries and characters, the least recently used going first", () => {
    const cache = new AnswerCache({ entries: 3, chars: 10 });
    for (const k of ["a", "b", "c"]) cache.set(k, answer(1, "xx"));
    cache.get("a", 0); // a is used: b is now the oldest
    cache.set("d", answer(1, "xx"));
    expect(["a", "b", "c", "d"].map((k) => cache.get(k, 0) !== undefined)).toEqual([true, false, true, true]);
    cache.set("e", answer(1, "xxxxxxx")); // 2 + 2 + 2 + 7 > 10: the oldest go until it fits
    expect(cache.size.chars).toBeLessThanOrEqual(10);
    expect(cache.get("e", 0)?.body).toBe("xxxxxxx");
    cache.set("huge", answer(1, "x".repeat(11))); // larger than the whole budget: not kept, nothing evicted
    expect(cache.get("huge", 0)).toBeUndefined();
    expect(cache.get("e", 0)).toBeDefined();
  });
});
