import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BookingCreated } from "../../schemas/bookings";
import { ErrorBody } from "../../schemas/common";
import { CheckinTooEarlyError, TicketView } from "../../schemas/kiosk";
import { createApp } from "../../worker/app";
import { bookingBody, post, tokenOf } from "../helpers/bookings";
import { createOffice, pairedDevice, testDeps, type Office } from "../helpers/fixtures";
import { CONCURRENCY } from "../helpers/timeouts";

const OPEN = new Date("2026-11-30T13:00:00Z"); // Monday 14:00 in Kempten

function as(office: Office, token: string, now = OPEN) {
  return (path: string, body: unknown = {}) => post(office, path, body, { now, headers: { Authorization: `Bearer ${token}` } });
}

describe("walk-in numbers under load and across midnight", () => {
  it("500 concurrent taps give the numbers 1 … 500, each once", CONCURRENCY, async () => {
    const office = await createOffice();
    const tap = as(office, await pairedDevice(office, "kiosk"));
    const answers = await Promise.all(Array.from({ length: 500 }, () => tap("/api/kiosk/tickets", { topic: "fragen" })));
    expect(answers.every((r) => r.status === 201)).toBe(true);
    const numbers = (await Promise.all(answers.map(async (r) => TicketView.parse(await r.json()).number))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    const stored = await env.DB.prepare("SELECT count(DISTINCT number) AS n, max(number) AS top FROM queue_tickets WHERE location_id = ?1").bind(office.id).first();
    expect(stored).toEqual({ n: 500, top: 500 });
  });

  it("starts again at 1 on the next local day: 23:30 UTC in summer is already tomorrow in Kempten", async () => {
    const allDay: [number, string, string][] = [1, 2, 3, 4, 5, 6, 7].map((d) => [d, "00:00", "23:55"]);
    const office = await createOffice({ rules: allDay });
    const token = await pairedDevice(office, "kiosk");
    const tapAt = (iso: string) => as(office, token, new Date(iso))("/api/kiosk/tickets", { topic: "fragen" });
    const labels = [];
    for (const at of ["2026-07-15T21:00:00Z", "2026-07-15T21:50:00Z", "2026-07-15T22:30:00Z", "2026-07-15T23:30:00Z"]) {
      labels.push(TicketView.parse(await (await tapAt(at)).json()).label);
    }
    expect(labels).toEqual(["W 1", "W 2", "W 1", "W 2"]);
    const days = await env.DB.prepare("SELECT local_day, count(*) AS n FROM queue_tickets WHERE location_id = ?1 GROUP BY local_day ORDER BY 1").bind(office.id).all();
    expect(days.results).toEqual([{ local_day: "2026-07-15", n: 2 }, { local_day: "2026-07-16", n: 2 }]);
  });

  it("gives no walk-in number while the office is closed", async () => {
    const office = await createOffice();
    const res = await as(office, await pairedDevice(office, "kiosk"), new Date("2026-12-01T09:00:00Z"))("/api/kiosk/tickets", { topic: "fragen" });
    expect(res.status).toBe(409);
    expect(ErrorBody.parse(await res.json()).error.code).toBe("office_closed");
  });
});

describe("check-in refusals, each with its own code", () => {
  async function bookedAt(office: Office, start: string) {
    return BookingCreated.parse(await (await post(office, "/api/bookings", bookingBody({ start }), { now: new Date("2026-11-24T07:00:00Z") })).json());
  }

  it.each([
    ["2026-11-30T12:29:00Z", "checkin_too_early", "31 minutes before 14:00"],
    ["2026-11-30T12:30:00Z", null, "30 minutes before: the window opens"],
    ["2026-11-30T13:15:00Z", null, "15 minutes after: still open"],
    ["2026-11-30T13:16:00Z", "checkin_too_late", "16 minutes after"],
    ["2026-12-02T09:00:00Z", "checkin_other_day", "two days later"],
  ])("at %s → %s (%s)", async (now, code, _why) => {
    const office = await createOffice();
    const booking = await bookedAt(office, "2026-11-30T14:00:00+01:00");
    const res = await as(office, await pairedDevice(office, "kiosk"), new Date(now))("/api/kiosk/checkin", { code: booking.code });
    if (code === null) expect(res.status).toBe(201);
    else {
      expect(res.status).toBe(409);
      expect(ErrorBody.parse(await res.json()).error.code).toBe(code);
    }
  });

  it("'too early' carries when check-in opens, in the office's time (the kiosk says 'ab 13:30 Uhr'); the other refusals carry nothing", async () => {
    const office = await createOffice();
    const booking = await bookedAt(office, "2026-11-30T14:00:00+01:00");
    const token = await pairedDevice(office, "kiosk");
    const early = await as(office, token, new Date("2026-11-30T09:00:00Z"))("/api/kiosk/checkin", { code: booking.code });
    expect(early.status).toBe(409);
    const body = CheckinTooEarlyError.parse(await early.json());
    // The window opens 30 minutes before 14:00 Berlin time: 13:30 with the office's offset.
    expect(body.error.details).toEqual({ opensAt: "2026-11-30T13:30:00+01:00" });
    const late = await as(office, token, new Date("2026-11-30T13:16:00Z"))("/api/kiosk/checkin", { code: booking.code });
    expect(ErrorBody.parse(await late.json()).error).not.toHaveProperty("details");
  });

  it("refuses a cancelled booking, an unknown code, and a second check-in", async () => {
    const office = await createOffice();
    const checkin = as(office, await pairedDevice(office, "kiosk"), new Date("2026-11-30T13:05:00Z")); // 14:05
    const cancelled = await bookedAt(office, "2026-11-30T14:00:00+01:00");
    await post(office, `/api/bookings/manage/${tokenOf(cancelled.manageUrl)}/cancel`, {}, { now: new Date("2026-11-25T07:00:00Z") });
    const codeOf = async (res: Response) => ErrorBody.parse(await res.json()).error.code;
    expect(await codeOf(await checkin("/api/kiosk/checkin", { code: cancelled.code }))).toBe("booking_cancelled");
    expect(await codeOf(await checkin("/api/kiosk/checkin", { code: "QQQQQQ" }))).toBe("unknown_code");
    const fine = await bookedAt(office, "2026-11-30T14:30:00+01:00");
    expect((await checkin("/api/kiosk/checkin", { code: fine.code })).status).toBe(201);
    expect(await codeOf(await checkin("/api/kiosk/checkin", { code: fine.code }))).toBe("already_checked_in");
  });
});

describe("device authentication on every kiosk route", () => {
  const app = createApp(testDeps(OPEN));
  const kioskRoutes = app.routes.filter((r) => r.path.startsWith("/api/kiosk/") && r.method !== "ALL");

  it("covers the routes the app registers", () => {
    expect(kioskRoutes.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      "GET /api/kiosk/state",
      "POST /api/kiosk/bookings",
      "POST /api/kiosk/checkin",
      "POST /api/kiosk/requests",
      "POST /api/kiosk/tickets",
    ]);
  });

  it.each(["none", "wrong", "revoked", "display"] as const)("answers %s credentials with 401/403 on each", async (which) => {
    const office = await createOffice();
    const tokens = {
      none: null,
      wrong: "x".repeat(43),
      revoked: await pairedDevice(office, "kiosk", true),
      display: await pairedDevice(office, "display"),
    };
    const token = tokens[which];
    for (const route of kioskRoutes) {
      const headers: Record<string, string> = { "Content-Type": "application/json", Origin: "http://localhost" };
      if (token) headers.Authorization = `Bearer ${token}`;
      const res = await office.request(`http://localhost${route.path}`, { method: route.method, headers, body: route.method === "GET" ? undefined : "{}" }, OPEN);
      expect(res.status, `${route.method} ${route.path}`).toBe(which === "display" ? 403 : 401);
    }
  });
});
