import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BookingCreated } from "../../schemas/bookings";
import { ErrorBody } from "../../schemas/common";
import { bookingBody, countRows, mailsOf, post, tokenOf } from "../helpers/bookings";
import { createOffice } from "../helpers/fixtures";
import { CONCURRENCY } from "../helpers/timeouts";

/** Fires all requests at once and tallies the answers by status and error code. */
async function race(requests: Promise<Response>[]) {
  const responses = await Promise.all(requests);
  const tally: Record<string, number> = {};
  const created: string[] = [];
  for (const res of responses) {
    const body: unknown = await res.json();
    const key = res.status === 201 ? "201" : `${res.status} ${ErrorBody.parse(body).error.code}`;
    tally[key] = (tally[key] ?? 0) + 1;
    if (res.status === 201) created.push(BookingCreated.parse(body).id);
  }
  return { tally, created };
}

describe("a slot never holds more bookings than its seats", () => {
  it.each([
    [1, { "201": 1, "409 slot_full": 199 }],
    [2, { "201": 2, "409 slot_full": 198 }],
  ])("200 concurrent bookings of one slot with %i seat(s)", CONCURRENCY, async (seats, expected) => {
    const office = await createOffice({ seatsPerSlot: seats });
    const { tally } = await race(Array.from({ length: 200 }, () => post(office, "/api/bookings", bookingBody())));
    expect(tally).toEqual(expected);
    const rows = await countRows(office);
    expect(rows).toMatchObject({ bookings: seats, confirmed: seats, seats: 6 * seats, tokens: seats, mails: 2 * seats });
    const numbers = await env.DB.prepare("SELECT DISTINCT seat FROM booking_seats WHERE location_id = ?1 ORDER BY seat").bind(office.id).all();
    expect(numbers.results.map((r) => r.seat)).toEqual(Array.from({ length: seats }, (_, i) => i + 1));
  });

  it("60-minute and 30-minute bookings racing for overlapping half hours never double-book one", CONCURRENCY, async () => {
    const office = await createOffice();
    const starts = ["13:00", "13:30", "14:00"];
    const requests = Array.from({ length: 60 }, (_, i) =>
      post(
        office,
        "/api/bookings",
        i % 2
          ? bookingBody({ start: `2026-11-30T${starts[i % 3]}:00+01:00` })
          : bookingBody({ topic: "kompetenzanalyse", start: `2026-11-30T${starts[(i / 2) % 2]}:00+01:00` }),
      ),
    );
    await race(requests);
    const perSlot = await env.DB.prepare(
      "SELECT unit_start_at, count(*) AS n FROM booking_seats WHERE location_id = ?1 GROUP BY unit_start_at",
    )
      .bind(office.id)
      .all<{ n: number }>();
    expect(perSlot.results.length).toBeGreaterThan(0);
    expect(perSlot.results.every((r) => r.n === 1)).toBe(true);
    // Every confirmed booking holds all of its half hours.
    const holes = await env.DB.prepare(
      `SELECT b.id FROM bookings b JOIN topics t ON t.id = b.topic_id
       WHERE b.location_id = ?1 AND (SELECT count(*) FROM booking_seats s WHERE s.booking_id = b.id) != t.duration_minutes / 5`,
    )
      .bind(office.id)
      .all();
    expect(holes.results).toEqual([]);
  });
});

describe("capacity holds across different grids", () => {
  it("overlapping opening spans cannot put two bookings into one seat", async () => {
    // Spans that overlap are one span (common/opening-hours.ts spansOfDay, also for extra hours): one
    // grid from 09:00, so 09:15 is not offered at all. The seat rule across grids: the next test.
    const office = await createOffice({ rules: [[3, "09:00", "13:00"], [3, "09:15", "12:00"]] });
    expect((await post(office, "/api/bookings", bookingBody({ start: "2026-12-02T09:00:00+01:00" }))).status).toBe(201);
    const overlapping = await post(office, "/api/bookings", bookingBody({ start: "2026-12-02T09:15:00+01:00" }));
    expect(overlapping.status).toBe(409);
    expect(ErrorBody.parse(await overlapping.json()).error.code).toBe("slot_unavailable");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM booking_seats WHERE location_id = ?1").bind(office.id).first()).toEqual({ n: 6 });
  });

  it("a changed slot length cannot put two bookings into one seat", async () => {
    const office = await createOffice();
    expect((await post(office, "/api/bookings", bookingBody({ start: "2026-11-30T13:00:00+01:00" }))).status).toBe(201);
    await env.DB.prepare("UPDATE locations SET slot_minutes = 20 WHERE id = ?1").bind(office.id).run();
    const overlapping = await post(office, "/api/bookings", bookingBody({ start: "2026-11-30T13:20:00+01:00" }));
    expect(overlapping.status).toBe(409);
    expect((await post(office, "/api/bookings", bookingBody({ start: "2026-11-30T13:40:00+01:00" }))).status).toBe(201);
  });
});

describe("the same change at the same moment happens once", () => {
  it("20 concurrent requests with one Idempotency-Key make one booking", CONCURRENCY, async () => {
    const office = await createOffice();
    const body = bookingBody();
    const headers = { "Idempotency-Key": crypto.randomUUID() };
    const { tally, created } = await race(Array.from({ length: 20 }, () => post(office, "/api/bookings", body, { headers })));
    expect(tally).toEqual({ "201": 20 });
    expect(new Set(created).size).toBe(1);
    expect(await countRows(office)).toMatchObject({ bookings: 1, seats: 6, mails: 2 });
  });

  it("5 concurrent same-key requests from an address one short of its cap make one booking", CONCURRENCY, async () => {
    const office = await createOffice();
    const email = "fast@example.org";
    expect((await post(office, "/api/bookings", bookingBody({ email, start: "2026-11-30T15:00:00+01:00" }))).status).toBe(201);
    const body = bookingBody({ email });
    const headers = { "Idempotency-Key": crypto.randomUUID() };
    const { tally, created } = await race(Array.from({ length: 5 }, () => post(office, "/api/bookings", body, { headers })));
    expect(tally).toEqual({ "201": 5 });
    expect(new Set(created).size).toBe(1);
  });

  it("10 concurrent cancels send one cancellation", CONCURRENCY, async () => {
    const office = await createOffice();
    const booked = BookingCreated.parse(await (await post(office, "/api/bookings", bookingBody())).json());
    const path = `/api/bookings/manage/${tokenOf(booked.manageUrl)}/cancel`;
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(office, path, {})));
    // Cancelling twice is harmless, also at the same moment: every answer is 200, one mail goes out.
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    const cancels = (await mailsOf(booked.id)).filter((m) => m.kind === "booking_cancelled");
    expect(cancels).toHaveLength(1);
    const events = await env.DB.prepare("SELECT sequence FROM booking_events WHERE booking_id = ?1 ORDER BY sequence").bind(booked.id).all();
    expect(events.results.map((r) => r.sequence)).toEqual([0, 1]);
  });

  it("two concurrent moves of one booking: one wins, the booking holds exactly one seat", CONCURRENCY, async () => {
    const office = await createOffice();
    const booked = BookingCreated.parse(await (await post(office, "/api/bookings", bookingBody())).json());
    const path = `/api/bookings/manage/${tokenOf(booked.manageUrl)}/reschedule`;
    const [a, b] = await Promise.all([
      post(office, path, { start: "2026-12-02T10:00:00+01:00" }),
      post(office, path, { start: "2026-12-02T11:00:00+01:00" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const seats = await env.DB.prepare("SELECT count(*) AS n FROM booking_seats WHERE booking_id = ?1").bind(booked.id).first<{ n: number }>();
    expect(seats!.n).toBe(6);
    expect((await mailsOf(booked.id)).filter((m) => m.kind === "booking_rescheduled")).toHaveLength(1);
  });
});
