import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BookingCreated } from "../../schemas/bookings";
import { SlotsResponse } from "../../schemas/slots";
import { bookingBody, NOW, post } from "../helpers/bookings";
import { createOffice } from "../helpers/fixtures";
import { CONCURRENCY } from "../helpers/timeouts";

/*
 * The cached free times under real load (worker/services/slots.ts): 100 bookings of 100 different slots
 * interleaved with 100 reads of GET /api/slots, every request from a client (/64) of its own. No read
 * that started after a booking had answered 201 may offer that booking's slot, whether it was answered
 * from the cache or computed.
 */

const WEEK = "from=2026-11-30&to=2026-12-04";
const CHAINS = 10;
const PER_CHAIN = 10;

/** Monday 30 November to Friday 4 December 2026, 08:00–18:00 in 30-minute slots: 100 slots, one seat each. */
function weekSlots(): string[] {
  const starts: string[] = [];
  for (let day = 30; day <= 34; day++) {
    const date = day <= 30 ? `2026-11-${day}` : `2026-12-0${day - 30}`;
    for (let m = 8 * 60; m < 18 * 60; m += 30) {
      starts.push(`${date}T${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}:00+01:00`);
    }
  }
  return starts;
}

describe("GET /api/slots under 100 concurrent bookings", () => {
  it("no read that started after a booking's 201 offers its slot", CONCURRENCY, async () => {
    const office = await createOffice({ rules: [1, 2, 3, 4, 5].map((weekday): [number, string, string] => [weekday, "08:00", "18:00"]) });
    const slots = weekSlots();
    expect(slots).toHaveLength(CHAINS * PER_CHAIN);
    const client = (n: number) => ({ "CF-Connecting-IP": `2001:db8:${n.toString(16)}::1` });

    // One clock of events in this test's single thread: when each booking answered, when each read began.
    let tick = 0;
    const booked: { start: string; answeredAt: number }[] = [];
    const waiting: { count: number; go: () => void }[] = [];
    const bookedCount = (count: number) =>
      booked.length >= count ? Promise.resolve() : new Promise<void>((go) => waiting.push({ count, go }));

    const bookingChain = async (chain: number) => {
      for (let k = 0; k < PER_CHAIN; k++) {
        const start = slots[k * CHAINS + chain]!;
        const res = await post(office, "/api/bookings", bookingBody({ start }), { headers: client(chain * PER_CHAIN + k) });
        expect(res.status, await res.clone().text()).toBe(201);
        expect(BookingCreated.parse(await res.json()).start).toBe(start);
        booked.push({ start, answeredAt: ++tick });
        for (const w of waiting.filter((w) => booked.length >= w.count)) w.go();
      }
    };

    const reads: { startedAt: number; offered: Set<string> }[] = [];
    const readChain = async (chain: number) => {
      for (let k = 0; k < PER_CHAIN; k++) {
        // Spread the reads over the stream of bookings: this one waits for a number of 201s (an event,
        // not a time), then runs while the other bookings go on.
        await bookedCount(k * CHAINS + chain);
        const startedAt = ++tick;
        const res = await office.request(`http://localhost/api/slots?${WEEK}`, { headers: client(1000 + chain * PER_CHAIN + k) }, NOW);
        expect(res.status).toBe(200);
        const body = SlotsResponse.parse(await res.json());
        reads.push({ startedAt, offered: new Set(body.days.flatMap((d) => d.slots.map((s) => s.start))) });
      }
    };

    await Promise.all([
      ...Array.from({ length: CHAINS }, (_, c) => bookingChain(c)),
      ...Array.from({ length: CHAINS }, (_, c) => readChain(c)),
    ]);

    expect(booked).toHaveLength(100);
    expect(reads).toHaveLength(100);
    let checked = 0;
    for (const read of reads) {
      for (const b of booked.filter((b) => b.answeredAt < read.startedAt)) {
        expect(read.offered.has(b.start), `a read begun at ${read.startedAt} offers ${b.start}, booked at ${b.answeredAt}`).toBe(false);
        checked++;
      }
    }
    // Each read began after at least its share of 201s (0 + 1 + … + 99 pairs at the least).
    expect(checked).toBeGreaterThanOrEqual(4950);
    // Reads that ran while bookings went on saw some slots still free: the reads did interleave.
    expect(reads.some((r) => r.offered.size > 0 && r.offered.size < 100)).toBe(true);

    const after = SlotsResponse.parse(await (await office.request(`http://localhost/api/slots?${WEEK}`, {}, NOW)).json());
    expect(after.days.flatMap((d) => d.slots)).toEqual([]);
    const seats = await env.DB.prepare("SELECT count(*) AS n FROM booking_seats WHERE location_id = ?1").bind(office.id).first<{ n: number }>();
    expect(seats!.n).toBe(600);
  });
});
