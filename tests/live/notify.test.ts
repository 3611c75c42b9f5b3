import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { BookingCreated } from "../../schemas/bookings";
import { createApp } from "../../worker/app";
import type { LiveChange } from "../../schemas/live";
import type { LiveNotifier } from "../../worker/live/notifier";
import { NOW, bookingBody, post, tokenOf } from "../helpers/bookings";
import { createOffice, pairedDevice, testDeps, type Office } from "../helpers/fixtures";

/*
 * Every stored change tells the office's followers, once it is stored, and a refused request tells
 * nobody; the telling runs after the answer, so a change never waits for the office's sockets. The
 * notifier is a recorder here; tests/live/hub.test.ts proves the real fan-out.
 */

function recorder() {
  const told: { office: string; changes: LiveChange[] }[] = [];
  const live: LiveNotifier = { changed: async (office, changes) => void told.push({ office, changes }) };
  return { told, live };
}

// Monday 30 November 2026, 14:00 in Kempten: the office is open (13:00–17:30).
const OPEN = new Date("2026-11-30T13:00:00Z");

async function book(office: Office, live: LiveNotifier, start = "2026-11-30T13:00:00+01:00") {
  const res = await post(office, "/api/bookings", bookingBody({ start }), { deps: { live } });
  expect(res.status).toBe(201);
  return BookingCreated.parse(await res.json());
}

describe("the booking routes tell live followers what changed", () => {
  it("book, move, cancel: 'bookings' and 'outbox' (a mail is queued each time)", async () => {
    const office = await createOffice();
    const { told, live } = recorder();
    const booking = await book(office, live);
    const token = tokenOf(booking.manageUrl);
    expect((await post(office, `/api/bookings/manage/${token}/reschedule`, { start: "2026-11-30T14:00:00+01:00" }, { deps: { live } })).status).toBe(200);
    expect((await post(office, `/api/bookings/manage/${token}/cancel`, {}, { deps: { live } })).status).toBe(200);
    expect(told).toEqual([
      { office: office.slug, changes: ["bookings", "outbox"] },
      { office: office.slug, changes: ["bookings", "outbox"] },
      { office: office.slug, changes: ["bookings", "outbox"] },
    ]);
  });

  it("a request 'nach Vereinbarung': 'requests' and 'outbox'", async () => {
    const office = await createOffice();
    const { told, live } = recorder();
    const body = { topic: "intern", name: "Jonas Weber", email: "jonas@example.org", preferredWeekdays: [2], preferredTimes: ["evening"], wish: "", locale: "de", consent: true };
    expect((await post(office, "/api/requests", body, { deps: { live } })).status).toBe(201);
    expect(told).toEqual([{ office: office.slug, changes: ["requests", "outbox"] }]);
  });

  it("a refused booking and an idempotent replay tell nobody (nothing new was stored)", async () => {
    const office = await createOffice();
    const { told, live } = recorder();
    await book(office, live);
    told.length = 0;
    const full = await post(office, "/api/bookings", bookingBody(), { deps: { live } }); // the same 1-seat slot
    expect(full.status).toBe(409);
    const key = { "Idempotency-Key": crypto.randomUUID() };
    const body = bookingBody({ start: "2026-11-30T15:00:00+01:00" });
    await post(office, "/api/bookings", body, { deps: { live }, headers: key });
    const replay = await post(office, "/api/bookings", body, { deps: { live }, headers: key });
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(told).toHaveLength(1); // the first of the two only
  });
});

describe("the kiosk routes tell live followers what changed", () => {
  it("a walk-in number: 'queue'; a check-in: 'queue' and 'bookings'", async () => {
    const office = await createOffice();
    const { told, live } = recorder();
    const booking = await book(office, live, "2026-11-30T14:00:00+01:00");
    told.length = 0;
    const device = { Authorization: `Bearer ${await pairedDevice(office, "kiosk")}` };
    expect((await post(office, "/api/kiosk/tickets", { topic: "fragen" }, { now: OPEN, headers: device, deps: { live } })).status).toBe(201);
    expect((await post(office, "/api/kiosk/checkin", { code: booking.code }, { now: OPEN, headers: device, deps: { live } })).status).toBe(201);
    expect(told).toEqual([
      { office: office.slug, changes: ["queue"] },
      { office: office.slug, changes: ["queue", "bookings"] },
    ]);
  });

  it("a failing fan-out never fails the change itself (D1 has it; clients poll)", async () => {
    const office = await createOffice();
    const broken: LiveNotifier = { changed: async () => Promise.reject(new Error("hub down")) };
    const device = { Authorization: `Bearer ${await pairedDevice(office, "kiosk")}` };
    const res = await post(office, "/api/kiosk/tickets", { topic: "fragen" }, { now: OPEN, headers: device, deps: { live: broken } });
    expect(res.status).toBe(201);
  });
});

describe("the fan-out runs after the answer", () => {
  /** A notifier that holds each fan-out until the test lets it go. */
  function held() {
    const told: LiveChange[][] = [];
    const waiting: (() => void)[] = [];
    const live: LiveNotifier = {
      changed: (_office, changes) => new Promise<void>((resolve) => waiting.push(() => resolve(void told.push(changes)))),
    };
    return { told, live, release: () => waiting.splice(0).forEach((go) => go()), pending: () => waiting.length };
  }

  async function takeNumber(office: Office, live: LiveNotifier, later?: Promise<unknown>[]) {
    const device = { Authorization: `Bearer ${await pairedDevice(office, "kiosk")}` };
    const ctx = later && { waitUntil: (p: Promise<unknown>) => void later.push(p), passThroughOnException: () => {}, props: {} };
    return createApp(testDeps(OPEN, { live })).request(
      "http://localhost/api/kiosk/tickets",
      { method: "POST", headers: { "Content-Type": "application/json", Origin: "http://localhost", ...device }, body: JSON.stringify({ topic: "fragen" }) },
      { ...env, DEFAULT_LOCATION: office.slug },
      ctx,
    );
  }

  it("in the Worker: the number is answered while the hub is still being told, and the runtime waits for it", async () => {
    const office = await createOffice();
    const { told, live, release, pending } = held();
    const later: Promise<unknown>[] = [];
    const res = await takeNumber(office, live, later);
    expect(res.status).toBe(201);
    expect(pending()).toBe(1); // the fan-out started, and has not ended
    expect(told).toEqual([]);
    expect(later).toHaveLength(1); // handed to waitUntil
    release();
    await Promise.all(later);
    expect(told).toEqual([["queue"]]);
  });

  it("without an execution context (app.request in a test) the request waits for the fan-out", async () => {
    const office = await createOffice();
    const { told, live, release, pending } = held();
    let answered = false;
    const res = takeNumber(office, live).then((r) => ((answered = true), r));
    await vi.waitFor(() => expect(pending()).toBe(1));
    expect(answered).toBe(false);
    release();
    expect((await res).status).toBe(201);
    expect(told).toEqual([["queue"]]);
  });
});
