import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { historyStatements } from "../../scripts/history-sql";
import { createApp } from "../../worker/app";
import { D1_COST_HEADERS } from "../../worker/middleware";
import { createOffice, testDeps, type Office } from "../helpers/fixtures";
import { CONCURRENCY } from "../helpers/timeouts";
import { aDay, clientsOf, d1Cost, dayReads, DAY_NOW } from "../helpers/tour";

/*
 * What a request costs in D1 rows (what Cloudflare bills) does not grow with an office's past: the same
 * day at two offices, one with a short past and one with twenty times as much (bookings with their seats,
 * queue numbers with their calls, finished mails), runs the same statements for every request of the
 * day, writes the same rows and reads the same rows but for one per statement: a range read steps onto
 * the first row past its range, which is another office's row or none, depending on the neighbours. The
 * rows are the Worker's own count (middleware.ts measureD1, as `npm run bench` reads it from a local
 * server). A query that walks the past instead of an index reads hundreds more here and fails.
 */

/**
 * A year of anonymous history (scripts/history-sql.ts), `bookings` of it, that ends five days before
 * DAY_NOW: the schedule of today reads the seats of the days around it (db/locations.ts
 * loadScheduleAround), and those days are the present, the same at both offices.
 */
async function pastOf(office: Office, bookings: number): Promise<void> {
  const statements = historyStatements({
    office: office.slug, from: "2025-11-26", to: "2026-11-25", bookings, walkIns: bookings / 4, mails: bookings * 2, seats: true,
    idPrefix: `past${office.id}-`,
  });
  for (const sql of statements) await env.DB.prepare(sql).run();
  // Nothing of it is due for erasure yet: the past stays in every index a query might walk.
  await env.DB.prepare("UPDATE locations SET retention_days = 400 WHERE id = ?1").bind(office.id).run();
}

const MEASURED = { MEASURE_D1_ROWS: "1" };

describe("D1 rows per request", () => {
  it("are the same at an office with a long past as at one with a short past", CONCURRENCY, async () => {
    const short = await createOffice({ minNoticeMinutes: 0, seatsPerSlot: 2 });
    const long = await createOffice({ minNoticeMinutes: 0, seatsPerSlot: 2 });
    await pastOf(short, 200);
    await pastOf(long, 4_000);
    const counts = await env.DB.prepare(
      `SELECT (SELECT count(*) FROM bookings WHERE location_id = ?1) AS bookings, (SELECT count(*) FROM booking_seats WHERE location_id = ?1) AS seats,
              (SELECT count(*) FROM queue_tickets WHERE location_id = ?1) AS tickets, (SELECT count(*) FROM mail_outbox WHERE location_id = ?1) AS mails`,
    ).bind(long.id).first();
    expect(counts).toEqual({ bookings: 4_000, seats: 19_200, tickets: 3_400, mails: 8_000 });

    const day = async (office: Office, n: number) => {
      const clients = await clientsOf(office, { vars: MEASURED, headers: { "CF-Connecting-IP": `2001:db8:${n}::1` } });
      const trail = await aDay(clients);
      const costs = new Map(trail.costs);
      for (const [name, request] of dayReads(clients, trail)) costs.set(name, d1Cost(await request()));
      return costs;
    };
    const shortCosts = await day(short, 1);
    const longCosts = await day(long, 2);

    // Every request was measured and read something (a count of nothing proves nothing).
    expect([...longCosts.keys()]).toEqual([...shortCosts.keys()]);
    for (const [name, cost] of shortCosts) expect({ name, read: (cost?.read ?? 0) > 0 }).toEqual({ name, read: true });
    const compared = [...shortCosts].map(([name, s]) => {
      const l = longCosts.get(name)!;
      return { name, statements: l.statements - s!.statements, written: l.written - s!.written, readWithin: Math.abs(l.read - s!.read) <= s!.statements };
    });
    expect(compared).toEqual([...shortCosts.keys()].map((name) => ({ name, statements: 0, written: 0, readWithin: true })));
  });
});

describe("the D1 cost headers", () => {
  const health = (host: string, vars: Partial<Env>) =>
    createApp(testDeps(DAY_NOW)).request(`http://${host}/api/health`, {}, { ...env, ...vars });

  it("are given by a local server started to measure, and by no other", async () => {
    const measured = await health("localhost:8787", MEASURED);
    expect(measured.headers.get(D1_COST_HEADERS.read)).toBe("0");
    expect(measured.headers.get(D1_COST_HEADERS.statements)).toBe("0");
    // Not started to measure, or a request to any other host (a deployed Worker, whatever its settings).
    for (const res of [await health("localhost", {}), await health("sprechstunde.example.org", MEASURED), await health("127.0.0.2", MEASURED)]) {
      expect(Object.values(D1_COST_HEADERS).map((h) => res.headers.get(h))).toEqual([null, null, null]);
    }
  });

  it("count what the request read and wrote", async () => {
    const office = await createOffice();
    const clients = await clientsOf(office, { vars: MEASURED });
    const slots = () => clients.public.get("/api/slots?from=2026-11-30&to=2026-11-30");
    const first = await slots();
    expect(first.status).toBe(200);
    // Asked for the first time, the free times are computed from one batch (db/locations.ts loadSchedule):
    // the office with its schedule version, its topics, its opening rules, its closures, its extra hours
    // and its taken seats: six statements, nothing written.
    expect(d1Cost(first)).toMatchObject({ statements: 6, written: 0 });
    expect(d1Cost(first)!.read).toBeGreaterThan(0);
    // Asked again with nothing changed, the kept answer is checked against the schedule version alone
    // (services/slots.ts): one statement reading the office's row.
    const again = await slots();
    expect(await again.text()).toBe(await first.text());
    expect(d1Cost(again)).toEqual({ statements: 1, read: 1, written: 0 });
  });
});
