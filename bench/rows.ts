/*
 * What each request costs in D1 rows (what Cloudflare bills), for an office with no past and for one with
 * a long past (issue 14): 100 000 bookings with their seats, 90 000 queue numbers with their calls and
 * 200 000 finished mails over a year (scripts/history-sql.ts), each on a server and database of its own.
 *
 * How the rows are seen from outside the Worker: the servers are started with MEASURE_D1_ROWS=1, and the
 * Worker then adds up the `meta.rows_read` / `meta.rows_written` of every D1 result a request gets and
 * says the sums in response headers (worker/middleware.ts measureD1, worker/d1-meter.ts). Only a local
 * server does that: the Worker ignores the variable unless the request came to localhost. This measures
 * the real HTTP path (middleware, device and staff look-ups, rate limits) with the production build, which
 * a workers test cannot; tests/routes/d1-rows.test.ts asserts the same independence inside workerd.
 *
 * Both offices are Kempten-Ost, reshaped to be open every day 09:00–17:00 in a time zone where it is
 * about noon now (so the kiosk can give out numbers whenever the bench runs), with no minimum notice and
 * two seats per slot. The same visits run at both: the public pages, bookings, the manage link, the
 * kiosk, the display, the status page, staff signing in, the board and "call next". Then the three reads
 * that run all day (free times, the kiosk's state, the board) are timed one at a time, the two servers
 * taking turns, and the big office's median is compared with the empty one's (goal: within 1.2×).
 * The past ends four days before today: the day's schedule reads the seats of the days around it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { newPairingCode, pairingSql } from "../scripts/pairing.ts";
import { seedHistory } from "../scripts/seed-history.ts";
import { serveIsolated, type IsolatedApp } from "../scripts/serve-isolated.ts";
import { accountSql, newSignInToken, signInLinkSql } from "../scripts/sign-in-links.ts";
import { report } from "./summary.ts";

const OFFICE = "kempten-ost";
const RUNS = Number(process.env.BENCH_ROWS_RUNS ?? 30);
const BOOKINGS = Number(process.env.BENCH_ROWS_BOOKINGS ?? 100_000);
const LATENCY_GOAL = 1.2;
/** The D1 cost headers of worker/middleware.ts (D1_COST_HEADERS), as a measured server sends them. */
const HEADERS = { read: "x-d1-rows-read", written: "x-d1-rows-written", statements: "x-d1-statements" } as const;

interface Cost {
  read: number;
  written: number;
  statements: number;
}

/** A time zone in which it is between 12:00 and 13:00 now (Etc/GMT-2 is UTC+2: POSIX signs). */
function zoneNearNoon(now = new Date()): string {
  const east = 12 - now.getUTCHours();
  return east === 0 ? "Etc/GMT" : `Etc/GMT${east > 0 ? "-" : "+"}${Math.abs(east)}`;
}

/** The local day `days` from today in `zone` (`YYYY-MM-DD`). */
function dayIn(zone: string, days = 0): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());
  const t = new Date(`${today}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** What both servers get: the office reshaped, a kiosk and a display to pair, a staff member's sign-in link. */
function presentSql(zone: string, codes: { kiosk: string; display: string }, signIn: string): string {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + 3_600_000);
  const office = `(SELECT id FROM locations WHERE slug = '${OFFICE}')`;
  return `
UPDATE locations SET time_zone = '${zone}', holiday_region = 'NONE', seats_per_slot = 2, min_notice_minutes = 0, retention_days = 400
WHERE slug = '${OFFICE}';
DELETE FROM opening_rules WHERE location_id = ${office};
DELETE FROM closures WHERE location_id = ${office};
WITH d(weekday) AS (VALUES (1), (2), (3), (4), (5), (6), (7))
INSERT INTO opening_rules (location_id, weekday, opens, closes) SELECT ${office}, weekday, '09:00', '17:00' FROM d;
${pairingSql({ id: "bench-kiosk", locationSlug: OFFICE, kind: "kiosk", label: "Bench kiosk", code: codes.kiosk, expiresAt, now })}
${pairingSql({ id: "bench-display", locationSlug: OFFICE, kind: "display", label: "Bench display", code: codes.display, expiresAt, now })}
${accountSql({ email: "bench@example.org", name: "Bench", role: "staff", locationSlug: OFFICE, now })}
${signInLinkSql({ email: "bench@example.org", token: signIn, now, expiresAt })}
`;
}

/** An office's server and what its visits cost, by endpoint. */
interface Measured {
  app: IsolatedApp;
  costs: Map<string, Cost>;
  kiosk: string;
  cookie: string;
}

/** Runs the visits of a day against one server and reads what each cost. */
async function visit(app: IsolatedApp, zone: string, codes: { kiosk: string; display: string }, signIn: string, client: number): Promise<Measured> {
  const base = app.baseURL;
  const costs = new Map<string, Cost>();
  const headers = { "content-type": "application/json", origin: base, "cf-connecting-ip": `2001:db8:${client}::1` };
  const call = async (name: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}, status = 200) => {
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: { ...headers, ...init.headers },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await res.text();
    if (res.status !== status) throw new Error(`${name}: ${res.status} instead of ${status}: ${text.slice(0, 300)}`);
    const [read, written, statements] = [HEADERS.read, HEADERS.written, HEADERS.statements].map((h) => res.headers.get(h));
    if (read === null || written === null || statements === null) throw new Error(`${name}: no D1 cost headers (is MEASURE_D1_ROWS set?)`);
    costs.set(name, { read: Number(read), written: Number(written), statements: Number(statements) });
    const json = res.headers.get("content-type")?.startsWith("application/json");
    return { body: json ? (JSON.parse(text) as Record<string, unknown>) : {}, res };
  };
  const today = dayIn(zone);
  const person = (n: number) => ({ name: "Erika Muster", email: `bench-${client}-${n}@example.org`, locale: "de", consent: true });

  await call("GET /api/health", "/api/health");
  await call("GET /api/location", "/api/location");
  const day = await call("GET /api/slots (today)", `/api/slots?from=${today}&to=${today}`);
  const soon = ((day.body.days as { slots: { start: string; free: number }[] }[])[0]!.slots.find((s) => s.free > 0))!.start;
  await call("GET /api/slots (8 weeks)", `/api/slots?from=${today}&to=${dayIn(zone, 55)}`);
  const week = await call("GET /api/slots (next week)", `/api/slots?from=${dayIn(zone, 7)}&to=${dayIn(zone, 7)}`);
  const [later, moved] = (week.body.days as { slots: { start: string }[] }[])[0]!.slots.map((s) => s.start);
  const first = await call("POST /api/bookings", "/api/bookings", { body: { start: soon, topic: "fragen", ...person(1) } }, 201);
  const second = await call("POST /api/bookings (next week)", "/api/bookings", { body: { start: later, topic: "fragen", ...person(2) } }, 201);
  const manage = `/api/bookings/manage/${new URL(second.body.manageUrl as string).hash.slice(1)}`;
  await call("GET /api/bookings/manage/:token", manage);
  await call("GET …/manage/:token/invite.ics", `${manage}/invite.ics`);
  await call("POST …/manage/:token/reschedule", `${manage}/reschedule`, { body: { start: moved } });
  await call("POST …/manage/:token/cancel", `${manage}/cancel`, { body: {} });
  const ask = { topic: "fragen", preferredWeekdays: [2], preferredTimes: ["morning"] };
  await call("POST /api/requests", "/api/requests", { body: { ...ask, ...person(3) } }, 201);
  await call("GET /api/legal/datenschutz", "/api/legal/datenschutz");

  const kiosk = (await call("POST /api/devices/pair (kiosk)", "/api/devices/pair", { body: { code: codes.kiosk } }, 201)).body.token as string;
  const display = (await call("POST /api/devices/pair (display)", "/api/devices/pair", { body: { code: codes.display } }, 201)).body.token as string;
  const asKiosk = { authorization: `Bearer ${kiosk}` };
  await call("GET /api/kiosk/state", "/api/kiosk/state", { headers: asKiosk });
  const ticket = await call("POST /api/kiosk/tickets", "/api/kiosk/tickets", { body: { topic: "fragen" }, headers: asKiosk }, 201);
  await call("POST /api/kiosk/checkin", "/api/kiosk/checkin", { body: { code: first.body.code }, headers: asKiosk }, 201);
  await call("POST /api/kiosk/bookings", "/api/kiosk/bookings", { body: { start: moved, topic: "fragen", ...person(4) }, headers: asKiosk }, 201);
  await call("POST /api/kiosk/requests", "/api/kiosk/requests", { body: { ...ask, ...person(5) }, headers: asKiosk }, 201);
  await call("GET /api/status/:token", `/api/status/${new URL(ticket.body.statusUrl as string).hash.slice(1)}`);
  await call("GET /api/display/state", "/api/display/state", { headers: { authorization: `Bearer ${display}` } });

  const signedIn = await call("POST /api/auth/link/redeem", "/api/auth/link/redeem", { body: { token: signIn } });
  const cookie = signedIn.res.headers.get("set-cookie")!.split(";")[0]!;
  const board = await call("GET /api/staff/…/board", `/api/staff/${OFFICE}/board`, { headers: { cookie } });
  const roomId = (board.body.rooms as { id: number }[])[0]!.id;
  await call("POST …/queue/call-next", `/api/staff/${OFFICE}/queue/call-next`, { body: { roomId }, headers: { cookie } });
  return { app, costs, kiosk, cookie };
}

/** Milliseconds of one request, its body read. */
async function timed(url: string, headers: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function rowsPerRequest(): Promise<void> {
  const zone = zoneNearNoon();
  const codes = { kiosk: newPairingCode(), display: newPairingCode() };
  const signIn = newSignInToken();
  const present = presentSql(zone, codes, signIn);
  const env = { CLOUDFLARE_INCLUDE_PROCESS_ENV: "true", MEASURE_D1_ROWS: "1" };
  console.log(`\nD1 rows per request: ${OFFICE} open every day 09:00–17:00 (${zone}), with no past and with ${BOOKINGS} bookings of a year`);
  let started = performance.now();
  const emptyApp = await serveIsolated({ extraSeed: present, env });
  console.log(`  empty office up in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  let bigApp: IsolatedApp | undefined;
  try {
    // The past is written before the server starts (serveIsolated waits 90 s for a server, seeding included).
    const state = mkdtempSync(path.join(tmpdir(), "sprechstunde-big-"));
    try {
      seedHistory(state, {
        office: OFFICE, from: dayIn(zone, -369), to: dayIn(zone, -4), bookings: BOOKINGS, walkIns: Math.round(BOOKINGS * 0.3), mails: BOOKINGS * 2, seats: true,
      });
    } catch (error) {
      rmSync(state, { recursive: true, force: true });
      throw error;
    }
    console.log(`  the past seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    bigApp = await serveIsolated({ state, extraSeed: present, env });
    console.log(`  big office up in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const empty = await visit(emptyApp, zone, codes, signIn, 1);
    const big = await visit(bigApp, zone, codes, signIn, 2);

    console.log(`  ${"request".padEnd(36)} ${"empty: read".padStart(12)} ${"written".padStart(8)} ${"big: read".padStart(10)} ${"written".padStart(8)}`);
    for (const [name, e] of empty.costs) {
      const b = big.costs.get(name)!;
      // Equal but for one row per statement: a range read steps onto the first row past it (another
      // office's, or none), as tests/routes/d1-rows.test.ts explains.
      const same = b.statements === e.statements && b.written === e.written && Math.abs(b.read - e.read) <= e.statements;
      console.log(`  ${name.padEnd(36)} ${String(e.read).padStart(12)} ${String(e.written).padStart(8)} ${String(b.read).padStart(10)} ${String(b.written).padStart(8)}${same ? "" : "  ← grows with the past"}`);
      report("rows", { name: `${name}, empty office: rows read / written`, value: `${e.read} / ${e.written}` });
      report("rows", { name: `${name}, big office: rows read / written`, value: `${b.read} / ${b.written}`, goal: "= empty", met: same });
    }

    console.log(`\n  Latency, one request at a time, the two servers taking turns, ${RUNS} runs each (median ms)`);
    const reads: [string, (m: Measured) => [string, Record<string, string>]][] = [
      ["GET /api/slots (8 weeks)", (m) => [`${m.app.baseURL}/api/slots?from=${dayIn(zone)}&to=${dayIn(zone, 55)}`, {}]],
      ["GET /api/kiosk/state", (m) => [`${m.app.baseURL}/api/kiosk/state`, { authorization: `Bearer ${m.kiosk}` }]],
      ["GET /api/staff/…/board", (m) => [`${m.app.baseURL}/api/staff/${OFFICE}/board`, { cookie: m.cookie }]],
    ];
    for (const [name, request] of reads) {
      const times = { empty: [] as number[], big: [] as number[] };
      for (let run = -3; run < RUNS; run++) {
        // Alternate who goes first, so neither server always finds the machine warmer; 3 runs of warm-up.
        const order = run % 2 === 0 ? (["empty", "big"] as const) : (["big", "empty"] as const);
        for (const which of order) {
          const ms = await timed(...request(which === "empty" ? empty : big));
          if (run >= 0) times[which].push(ms);
        }
      }
      const ratio = median(times.big) / median(times.empty);
      console.log(`  ${name.padEnd(36)} empty ${median(times.empty).toFixed(1).padStart(6)}   big ${median(times.big).toFixed(1).padStart(6)}   big / empty ${ratio.toFixed(2)}`);
      report("rows", { name: `${name}: latency big / empty office`, value: ratio.toFixed(2), goal: `≤ ${LATENCY_GOAL}`, met: ratio <= LATENCY_GOAL });
    }
  } finally {
    emptyApp.stop();
    bigApp?.stop();
  }
}
