import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BookingCreated } from "../../schemas/bookings";
import { CheckedIn, KioskState, Paired, TicketView } from "../../schemas/kiosk";
import { sha256Hex } from "../../worker/random";
import { bookingBody, post } from "../helpers/bookings";
import { createApp } from "../../worker/app";
import { createOffice, pairedDevice, staffMember, testDeps, type Office } from "../helpers/fixtures";

// Monday 30 November 2026, 14:00 in Kempten: the office is open (13:00–17:30).
const OPEN = new Date("2026-11-30T13:00:00Z");

function kiosk(office: Office, token: string, now = OPEN) {
  return {
    get: (path: string) => office.request(`http://localhost${path}`, { headers: { Authorization: `Bearer ${token}` } }, now),
    post: (path: string, body: unknown, headers: Record<string, string> = {}) =>
      post(office, path, body, { now, headers: { Authorization: `Bearer ${token}`, ...headers } }),
  };
}

describe("pairing", () => {
  it("turns a fresh pairing code into a device token, once", async () => {
    const office = await createOffice();
    await env.DB.prepare(
      `INSERT INTO devices (id, location_id, kind, label, pairing_code_hash, pairing_expires_at, created_at)
       VALUES ('tablet', ?1, 'kiosk', 'Tablet Eingang', ?2, ?3, ?4)`,
    )
      .bind(office.id, await sha256Hex("ACDEFGHJ"), "2026-11-30T13:10:00.000Z", "2026-11-30T12:55:00.000Z")
      .run();
    const res = await post(office, "/api/devices/pair", { code: " acdefghj " }, { now: OPEN });
    expect(res.status).toBe(201);
    const paired = Paired.parse(await res.json());
    expect(paired).toMatchObject({ kind: "kiosk", label: "Tablet Eingang" });
    expect(paired.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await env.DB.prepare("SELECT token_hash, pairing_code_hash FROM devices WHERE id = 'tablet'").first();
    expect(stored).toEqual({ token_hash: await sha256Hex(paired.token), pairing_code_hash: null });
    expect((await kiosk(office, paired.token).get("/api/kiosk/state")).status).toBe(200);
    expect((await post(office, "/api/devices/pair", { code: "ACDEFGHJ" }, { now: OPEN })).status).toBe(404);
  });

  it("refuses an expired code", async () => {
    const office = await createOffice();
    await env.DB.prepare(
      `INSERT INTO devices (id, location_id, kind, label, pairing_code_hash, pairing_expires_at, created_at)
       VALUES ('old', ?1, 'display', 'TV', ?2, ?3, ?3)`,
    )
      .bind(office.id, await sha256Hex("KMNPQRTU"), "2026-11-30T12:59:59.000Z")
      .run();
    expect((await post(office, "/api/devices/pair", { code: "KMNPQRTU" }, { now: OPEN })).status).toBe(404);
  });
});

describe("the tablet's own office", () => {
  it("pairing sets a cookie with which the public pages show the device's office", async () => {
    const home = await createOffice();
    const other = await createOffice({ rules: [[2, "08:00", "09:00"]] }); // Tuesdays only
    await env.DB.prepare(
      `INSERT INTO devices (id, location_id, kind, label, pairing_code_hash, pairing_expires_at, created_at)
       VALUES (?1, ?2, 'kiosk', 'Tablet', ?3, '2026-11-30T13:10:00.000Z', '2026-11-30T12:55:00.000Z')`,
    )
      .bind(crypto.randomUUID(), other.id, await sha256Hex("QRTUVWXY"))
      .run();
    const res = await post(home, "/api/devices/pair", { code: "QRTUVWXY" }, { now: OPEN });
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^__Host-sprechstunde-kiosk=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
    const slots = async (headers: Record<string, string>) =>
      (await (await home.request("/api/slots?from=2026-11-30&to=2026-12-01", { headers }, OPEN)).json()) as { days: { status: string }[] };
    expect((await slots({})).days.map((d) => d.status)).toEqual(["open", "closed"]);
    expect((await slots({ Cookie: cookie.split(";")[0]! })).days.map((d) => d.status)).toEqual(["closed", "open"]);
  });

  it("books on the spot through the kiosk, marked as a kiosk booking", async () => {
    const office = await createOffice();
    const k = kiosk(office, await pairedDevice(office, "kiosk"), new Date("2026-11-30T17:00:00Z")); // closed now
    const res = await k.post("/api/kiosk/bookings", bookingBody({ start: "2026-12-02T09:00:00+01:00" }));
    expect(res.status).toBe(201);
    const { id } = BookingCreated.parse(await res.json());
    expect(await env.DB.prepare("SELECT source FROM bookings WHERE id = ?1").bind(id).first()).toEqual({ source: "kiosk" });
  });
});

describe("the kiosk's start screen", () => {
  it("says open, how many wait, and the walk-in topics", async () => {
    const office = await createOffice();
    const k = kiosk(office, await pairedDevice(office, "kiosk"));
    const state = KioskState.parse(await (await k.get("/api/kiosk/state")).json());
    expect(state).toMatchObject({ open: true, nextOpening: null, waiting: 0 });
    expect(state.walkInTopics.map((t) => t.key)).toEqual(["fragen", "kompetenzanalyse", "intern"]);
  });

  it.each([
    ["2026-11-30T16:30:00Z", "2026-12-02T09:00:00+01:00", "Monday after closing: Wednesday 9:00"],
    ["2026-12-01T09:00:00Z", "2026-12-02T09:00:00+01:00", "Tuesday"],
    ["2026-12-24T09:00:00Z", "2026-12-28T13:00:00+01:00", "Christmas Eve (Thursday): the 26th is a holiday, so Monday 28th"],
    ["2026-11-30T11:59:00Z", "2026-11-30T13:00:00+01:00", "Monday before opening"],
  ])("when closed at %s names the next opening %s (%s)", async (now, next) => {
    const office = await createOffice();
    const state = KioskState.parse(await (await kiosk(office, await pairedDevice(office, "kiosk"), new Date(now)).get("/api/kiosk/state")).json());
    expect(state).toMatchObject({ open: false, nextOpening: next });
  });
});

describe("walk-in numbers", () => {
  it("counts W 1, W 2 … with the people ahead and a wait range, and a status link", async () => {
    const office = await createOffice();
    const k = kiosk(office, await pairedDevice(office, "kiosk"));
    const first = TicketView.parse(await (await k.post("/api/kiosk/tickets", { topic: "fragen" })).json());
    const res = await k.post("/api/kiosk/tickets", { topic: "fragen" });
    expect(res.status).toBe(201);
    const second = TicketView.parse(await res.json());
    expect([first.label, second.label]).toEqual(["W 1", "W 2"]);
    expect(second).toMatchObject({ prefix: "W", number: 2, status: "waiting", ahead: 1, room: null });
    // Before the day's first call both rooms count as staffed and free: W 1 and W 2 are called right away.
    expect(second.estimate).toEqual({ low: 0, high: 5 });
    expect(second.statusUrl).toMatch(/^http:\/\/localhost\/status#[A-Za-z0-9_-]{43}$/);

    const status = await office.request(`/api/status/${new URL(second.statusUrl).hash.slice(1)}`, {}, OPEN);
    expect(TicketView.parse(await status.json())).toMatchObject({ label: "W 2", ahead: 1, office: office.slug });
  });

  it("gives one ticket for a double tap (same Idempotency-Key), with a working link", async () => {
    const office = await createOffice();
    const k = kiosk(office, await pairedDevice(office, "kiosk"));
    const headers = { "Idempotency-Key": crypto.randomUUID() };
    const [a, b] = await Promise.all([k.post("/api/kiosk/tickets", { topic: "fragen" }, headers), k.post("/api/kiosk/tickets", { topic: "fragen" }, headers)]);
    const views = [TicketView.parse(await a.json()), TicketView.parse(await b.json())];
    expect(views.map((v) => v.label)).toEqual(["W 1", "W 1"]);
    const count = await env.DB.prepare("SELECT count(*) AS n FROM queue_tickets WHERE location_id = ?1").bind(office.id).first<{ n: number }>();
    expect(count!.n).toBe(1);
    for (const v of views) expect((await office.request(`/api/status/${new URL(v.statusUrl).hash.slice(1)}`, {}, OPEN)).status).toBe(200);
  });

  it("estimates from the day's queue: the rooms at work, their conversations now, the topic's measured pace", async () => {
    // Both rooms at work since 13:40 (30-minute topic); W 1 and W 2 wait; W 3 is asked about at 14:00.
    const third = async (measured: number[]) => {
      const office = await createOffice();
      const topic = await env.DB.prepare("SELECT id FROM topics WHERE location_id = ?1 AND key = 'fragen'").bind(office.id).first<{ id: number }>();
      const rooms = (await env.DB.prepare("SELECT id FROM rooms WHERE location_id = ?1 ORDER BY id").bind(office.id).all<{ id: number }>()).results;
      const ticket = (n: number, status: string, room: number | null, begun: string | null, ended: string | null) =>
        env.DB.prepare(
          `INSERT INTO queue_tickets (id, location_id, local_day, prefix, number, kind, topic_id, status, room_id, issued_at, called_at, ended_at)
           VALUES (?1, ?2, '2026-11-30', 'X', ?3, 'walk_in', ?4, ?5, ?6, '2026-11-30T12:00:00.000Z', ?7, ?8)`,
        ).bind(crypto.randomUUID(), office.id, n, topic!.id, status, room, begun, ended);
      await env.DB.batch([
        ...measured.map((minutes, i) =>
          ticket(10 + i, "done", rooms[i % 2]!.id, "2026-11-30T12:00:00.000Z", new Date(Date.parse("2026-11-30T12:00:00Z") + minutes * 60_000).toISOString()),
        ),
        ticket(1, "in_progress", rooms[0]!.id, "2026-11-30T12:40:00.000Z", null),
        ticket(2, "in_progress", rooms[1]!.id, "2026-11-30T12:40:00.000Z", null),
      ]);
      const k = kiosk(office, await pairedDevice(office, "kiosk"));
      await k.post("/api/kiosk/tickets", { topic: "fragen" });
      await k.post("/api/kiosk/tickets", { topic: "fragen" });
      return TicketView.parse(await (await k.post("/api/kiosk/tickets", { topic: "fragen" })).json());
    };
    const byDuration = await third([]);
    // Two ahead, two rooms busy for 20 minutes of a 30-minute topic: the third is called in the second round.
    expect(byDuration).toMatchObject({ label: "W 3", ahead: 2 });
    expect(byDuration.estimate.low).toBeGreaterThanOrEqual(10);
    expect(byDuration.estimate.high).toBeLessThanOrEqual(90);
    // Today the topic takes about 10 minutes (three measured): the conversations now are long over
    // their time, and the two ahead take 10 minutes each — a shorter wait.
    const quick = await third([9, 10, 11]);
    expect(quick.estimate.high).toBeLessThan(byDuration.estimate.high);
    expect(quick.estimate.low).toBeLessThanOrEqual(byDuration.estimate.low);
  });
});

describe("wait past closing", () => {
  it("says so (estimate.pastClosing) when the range reaches past today's closing at 17:30, and not otherwise", async () => {
    // 45 walk-ins of a 30-minute topic wait at 14:00, two rooms: the next one is not called before 17:30.
    const office = await createOffice();
    const topic = await env.DB.prepare("SELECT id FROM topics WHERE location_id = ?1 AND key = 'fragen'").bind(office.id).first<{ id: number }>();
    const k = kiosk(office, await pairedDevice(office, "kiosk"));
    const early = TicketView.parse(await (await k.post("/api/kiosk/tickets", { topic: "fragen" })).json());
    expect(early.estimate.pastClosing).toBeUndefined();
    await env.DB.batch(
      Array.from({ length: 45 }, (_, i) =>
        env.DB.prepare(
          `INSERT INTO queue_tickets (id, location_id, local_day, prefix, number, kind, topic_id, status, issued_at)
           VALUES (?1, ?2, '2026-11-30', 'X', ?3, 'walk_in', ?4, 'waiting', ?5)`,
        ).bind(crypto.randomUUID(), office.id, 100 + i, topic!.id, new Date(Date.parse("2026-11-30T12:00:00Z") + i * 60_000).toISOString()),
      ),
    );
    const late = TicketView.parse(await (await k.post("/api/kiosk/tickets", { topic: "fragen" })).json());
    expect(late.estimate.pastClosing).toBe(true);
    // 17:30 is 210 minutes away: no run is played more than an hour past it.
    expect(late.estimate.high).toBeLessThanOrEqual(210 + 60 + 5);
    const status = await office.request(`/api/status/${new URL(late.statusUrl).hash.slice(1)}`, {}, OPEN);
    expect(TicketView.parse(await status.json()).estimate.pastClosing).toBe(true);
  });
});

describe("check-in", () => {
  async function booked(office: Office, start = "2026-11-30T14:00:00+01:00") {
    return BookingCreated.parse(await (await post(office, "/api/bookings", bookingBody({ start, name: "erika Muster" }), { now: new Date("2026-11-24T07:00:00Z") })).json());
  }

  it("gives a T number and a greeting with the initial only", async () => {
    const office = await createOffice();
    const booking = await booked(office);
    const k = kiosk(office, await pairedDevice(office, "kiosk"), new Date("2026-11-30T12:40:00Z")); // 13:40, 20 min early
    const res = await k.post("/api/kiosk/checkin", { code: booking.code.toLowerCase() });
    expect(res.status).toBe(201);
    const checkedIn = CheckedIn.parse(await res.json());
    expect(checkedIn).toMatchObject({ label: "T 1", prefix: "T", initial: "E", appointment: { start: "2026-11-30T14:00:00+01:00" } });
    expect(JSON.stringify(checkedIn)).not.toContain("Muster");
    const row = await env.DB.prepare("SELECT status FROM bookings WHERE id = ?1").bind(booking.id).first();
    expect(row).toEqual({ status: "checked_in" });
  });

  it("checks a booking in once when the code is entered twice at the same moment", async () => {
    const office = await createOffice();
    const booking = await booked(office);
    const k = kiosk(office, await pairedDevice(office, "kiosk"), new Date("2026-11-30T12:55:00Z"));
    const answers = await Promise.all([k.post("/api/kiosk/checkin", { code: booking.code }), k.post("/api/kiosk/checkin", { code: booking.code })]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const tickets = await env.DB.prepare("SELECT count(*) AS n FROM queue_tickets WHERE booking_id = ?1").bind(booking.id).first<{ n: number }>();
    expect(tickets!.n).toBe(1);
  });
});

describe("device look-ups", () => {
  /** The app with a D1 binding that records every SQL text it prepares. */
  function spied(office: Office, now = OPEN) {
    const sql: string[] = [];
    const db = new Proxy(env.DB, {
      get(target, name) {
        if (name === "prepare") return (text: string) => (sql.push(text), target.prepare(text));
        const value: unknown = Reflect.get(target, name);
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const app = createApp(testDeps(now));
    return {
      request: (path: string, init: RequestInit = {}) => app.request(`http://localhost${path}`, init, { ...env, DB: db, DEFAULT_LOCATION: office.slug }),
      deviceLookups: () => sql.filter((s) => /FROM devices AS d/.test(s)).length,
    };
  }

  it("a kiosk request looks its device up once; staff, manage and status requests never read the device cookies", async () => {
    const office = await createOffice();
    const kioskToken = await pairedDevice(office, "kiosk");
    const displayToken = await pairedDevice(office, "display");
    const cookies = `__Host-sprechstunde-kiosk=${kioskToken}; __Host-sprechstunde-display=${displayToken}`;
    const member = await staffMember(office, "staff", OPEN);

    const asKiosk = spied(office);
    expect((await asKiosk.request("/api/kiosk/state", { headers: { Authorization: `Bearer ${kioskToken}`, Cookie: cookies } })).status).toBe(200);
    expect(asKiosk.deviceLookups()).toBe(1);

    const asStaff = spied(office);
    const passkeys = await asStaff.request(`/api/staff/${office.slug}/passkeys`, { headers: { Cookie: `${member.cookie}; ${cookies}` } });
    expect(passkeys.status).toBe(200);
    expect(asStaff.deviceLookups()).toBe(0);

    const elsewhere = spied(office);
    expect((await elsewhere.request(`/api/bookings/manage/${"x".repeat(43)}`, { headers: { Cookie: cookies } })).status).toBe(404);
    expect((await elsewhere.request(`/api/status/${"x".repeat(43)}`, { headers: { Cookie: cookies } })).status).toBe(404);
    expect((await elsewhere.request("/api/health", { headers: { Cookie: cookies } })).status).toBe(200);
    expect(elsewhere.deviceLookups()).toBe(0);

    // The public pages that show "their" office still read the cookie (kiosk first, so one look-up).
    const publicPage = spied(office);
    expect((await publicPage.request("/api/location", { headers: { Cookie: cookies } })).status).toBe(200);
    expect(publicPage.deviceLookups()).toBe(1);
  });

  it("records when a device was last seen, at most every 5 minutes", async () => {
    const office = await createOffice();
    const token = await pairedDevice(office, "kiosk");
    const lastSeen = async () =>
      (await env.DB.prepare("SELECT last_seen_at FROM devices WHERE token_hash = ?1").bind(await sha256Hex(token)).first<{ last_seen_at: string | null }>())!
        .last_seen_at;
    const minutes = (m: number) => new Date(OPEN.getTime() + m * 60_000);
    expect(await lastSeen()).toBeNull();
    expect((await kiosk(office, token, minutes(0)).get("/api/kiosk/state")).status).toBe(200);
    expect(await lastSeen()).toBe(minutes(0).toISOString());
    expect((await kiosk(office, token, minutes(4)).get("/api/kiosk/state")).status).toBe(200);
    expect(await lastSeen()).toBe(minutes(0).toISOString());
    expect((await kiosk(office, token, minutes(5)).get("/api/kiosk/state")).status).toBe(200);
    expect(await lastSeen()).toBe(minutes(0).toISOString());
    expect((await kiosk(office, token, minutes(6)).get("/api/kiosk/state")).status).toBe(200);
    expect(await lastSeen()).toBe(minutes(6).toISOString());
    // Public pages with the device's cookie are not the device using its token.
    const cookie = { Cookie: `__Host-sprechstunde-kiosk=${token}` };
    expect((await office.request("/api/location", { headers: cookie }, minutes(20))).status).toBe(200);
    expect(await lastSeen()).toBe(minutes(6).toISOString());
  });
});
