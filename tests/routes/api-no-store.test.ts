import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BookingCreated, RequestCreated } from "../../schemas/bookings";
import { CheckedIn, TicketView } from "../../schemas/kiosk";
import { CalendarFeedCreated } from "../../schemas/staff-bookings";
import { createApp } from "../../worker/app";
import { sha256Hex } from "../../worker/random";
import { bookingBody, NOW, post, tokenOf } from "../helpers/bookings";
import { createOffice, pairedDevice, staffMember, testDeps, type Office } from "../helpers/fixtures";

/*
 * No API answer may be kept by a browser or a proxy: most hold personal data or a secret link (the
 * manage link of a booking, the status link of a number, a device token). Every registered route is
 * checked from the app's own route table (so a route added tomorrow is checked too), and the answers that
 * carry such data are checked where it matters most: when they succeed.
 */

/** `Cache-Control` forbids keeping a copy (the calendar feed says `private, no-store`). */
function expectNoStore(res: Response, what: string) {
  expect(res.headers.get("Cache-Control"), what).toMatch(/\bno-store\b/);
}

/** Every method + path the app registers under /api/, without the middleware registrations. */
function apiRoutes(): { method: string; path: string }[] {
  const seen = new Map<string, { method: string; path: string }>();
  for (const r of createApp(testDeps(NOW)).routes) {
    if (!r.path.startsWith("/api/") || (r.method === "ALL" && r.path.endsWith("*"))) continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  return [...seen.values()];
}

describe("every API route", () => {
  it("answers with Cache-Control: no-store, whatever it answers", async () => {
    const office = await createOffice();
    const routes = apiRoutes();
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(["POST /api/bookings", "GET /api/bookings/manage/:token", "POST /api/kiosk/checkin", "GET /api/status/:token"]),
    );
    for (const { method, path } of routes) {
      const url = path.replace(/:office\b/, office.slug).replace(/:[A-Za-z_]\w*(\{[^}]*\})?/g, "1");
      const init: RequestInit = { method: method === "ALL" ? "POST" : method, headers: { Origin: "http://localhost", "Content-Type": "application/json" } };
      if (init.method !== "GET") init.body = "{}";
      expectNoStore(await office.request(`http://localhost${url}`, init, NOW), `${method} ${path}`);
    }
    expectNoStore(await office.request("http://localhost/api/nothing-here", {}, NOW), "an unknown API address");
  });
});

describe("answers with personal data or a secret link, when they succeed", () => {
  // Monday 30 November 2026, 14:00 in Kempten: the office is open (13:00–17:30).
  const OPEN = new Date("2026-11-30T13:00:00Z");

  function kiosk(office: Office, token: string) {
    return (path: string, body: unknown, headers: Record<string, string> = {}) =>
      post(office, path, body, { now: OPEN, headers: { Authorization: `Bearer ${token}`, ...headers } });
  }

  it("a booking, its replay, its manage page, its move, its invite and its cancel", async () => {
    const office = await createOffice();
    const headers = { "Idempotency-Key": crypto.randomUUID() };
    const body = bookingBody();
    const created = await post(office, "/api/bookings", body, { headers });
    expect(created.status).toBe(201);
    expectNoStore(created, "POST /api/bookings");
    const replay = await post(office, "/api/bookings", body, { headers });
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expectNoStore(replay, "POST /api/bookings, replayed");

    const token = tokenOf(BookingCreated.parse(await created.json()).manageUrl);
    const manage = `/api/bookings/manage/${token}`;
    const answers: [string, Response][] = [
      ["GET manage", await office.request(`http://localhost${manage}`, {}, NOW)],
      ["POST reschedule", await post(office, `${manage}/reschedule`, { start: "2026-11-30T14:00:00+01:00" })],
      ["GET invite.ics", await office.request(`http://localhost${manage}/invite.ics`, {}, NOW)],
      ["POST cancel", await post(office, `${manage}/cancel`, {})],
    ];
    for (const [what, res] of answers) {
      expect(res.status, what).toBe(200);
      expectNoStore(res, what);
    }
  });

  it("a request 'nach Vereinbarung'", async () => {
    const office = await createOffice();
    const res = await post(office, "/api/requests", {
      topic: "fragen", name: "Jonas Weber", email: "jonas@example.org", preferredWeekdays: [2], preferredTimes: ["evening"], locale: "de", consent: true,
    });
    expect(res.status).toBe(201);
    RequestCreated.parse(await res.json());
    expectNoStore(res, "POST /api/requests");
  });

  it("the kiosk: a booking, a request, a number, a check-in, and the status page of a number", async () => {
    const office = await createOffice();
    const send = kiosk(office, await pairedDevice(office, "kiosk"));
    const booked = await send("/api/kiosk/bookings", bookingBody({ start: "2026-12-02T10:00:00+01:00" }));
    expect(booked.status).toBe(201);
    expectNoStore(booked, "POST /api/kiosk/bookings");
    const requested = await send("/api/kiosk/requests", {
      topic: "fragen", name: "Jonas Weber", email: "jonas@example.org", preferredWeekdays: [2], preferredTimes: ["evening"], locale: "de", consent: true,
    });
    expect(requested.status).toBe(201);
    expectNoStore(requested, "POST /api/kiosk/requests");

    const number = await send("/api/kiosk/tickets", { topic: "fragen" });
    expect(number.status).toBe(201);
    expectNoStore(number, "POST /api/kiosk/tickets");
    const appointment = BookingCreated.parse(await (await post(office, "/api/bookings", bookingBody({ start: "2026-11-30T14:00:00+01:00" }))).json());
    const checkedIn = await send("/api/kiosk/checkin", { code: appointment.code });
    expect(checkedIn.status).toBe(201);
    expectNoStore(checkedIn, "POST /api/kiosk/checkin");

    for (const view of [TicketView.parse(await number.json()), CheckedIn.parse(await checkedIn.json())]) {
      const status = await office.request(`http://localhost/api/status/${new URL(view.statusUrl).hash.slice(1)}`, {}, OPEN);
      expect(status.status).toBe(200);
      expectNoStore(status, "GET /api/status/:token");
    }
  });

  it("pairing a device (its answer is the device's token)", async () => {
    const office = await createOffice();
    await env.DB.prepare(
      `INSERT INTO devices (id, location_id, kind, label, pairing_code_hash, pairing_expires_at, created_at)
       VALUES (?1, ?2, 'kiosk', 'Tablet', ?3, '2026-11-30T13:10:00.000Z', '2026-11-30T12:55:00.000Z')`,
    )
      .bind(crypto.randomUUID(), office.id, await sha256Hex("ACDEFGHJ"))
      .run();
    const res = await post(office, "/api/devices/pair", { code: "ACDEFGHJ" }, { now: OPEN });
    expect(res.status).toBe(201);
    expectNoStore(res, "POST /api/devices/pair");
  });

  it("a staff member's calendar feed (its link is the feed's key)", async () => {
    const office = await createOffice();
    const member = await staffMember(office, "staff", NOW);
    const created = await office.request(
      `http://localhost/api/staff/${office.slug}/calendar-feed`,
      { method: "POST", headers: { Origin: "http://localhost", Cookie: member.cookie } },
      NOW,
    );
    expect(created.status).toBe(201);
    expectNoStore(created, "POST calendar-feed");
    const { httpsUrl } = CalendarFeedCreated.parse(await created.json());
    const feed = await office.request(httpsUrl, {}, NOW);
    expect(feed.status).toBe(200);
    expectNoStore(feed, "GET /api/calendar/:file");
  });
});
