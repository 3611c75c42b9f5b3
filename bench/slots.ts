/*
 * Bench section "slots" (issue 14 item 1): GET /api/slots for eight weeks against GET /api/health.
 *
 *   1. Throughput and p99 latency on the local production build (`npm start`'s way: vite preview in
 *      workerd, a fresh database with the development seed), autocannon at the same concurrency, in
 *      alternating rounds so that both endpoints meet the same load from whatever else runs on the
 *      machine. After the first request, /api/slots is answered from the isolate's cache: one D1 read
 *      (the office's schedule version) and the kept JSON body.
 *   2. CPU time per request of the Worker's own work: the app (worker/app.ts, loaded through Vite as the
 *      bundle holds it) answering in-process from a D1 stand-in that replays recorded rows
 *      (bench/d1-replay.ts), so the figure is routing, middleware, checks, the computation and the
 *      answer, without the database (in production a D1 query is time spent waiting, not CPU). Measured
 *      with process.cpuUsage over many requests: GET /api/health, /api/slots with a kept answer, and
 *      /api/slots computed (the schedule version raised before each request, as a booking would).
 */
import autocannon from "autocannon";
import { createServer } from "vite";
import { serveIsolated } from "../scripts/serve-isolated.ts";
import { replayD1 } from "./d1-replay.ts";
import { report } from "./summary.ts";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const GOAL = 0.8;

/** The Berlin day `offsetDays` from today, `YYYY-MM-DD`. */
export function berlinToday(offsetDays = 0): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
  const t = new Date(`${day}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + offsetDays);
  return t.toISOString().slice(0, 10);
}

const eightWeeks = () => `/api/slots?from=${berlinToday()}&to=${berlinToday(55)}`;

interface Load {
  requests: number;
  seconds: number;
  p99: number[];
}

async function round(url: string, seconds: number): Promise<autocannon.Result> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result;
}

async function throughput(): Promise<void> {
  const app = await serveIsolated();
  try {
    const urls = { health: `${app.baseURL}/api/health`, slots: `${app.baseURL}${eightWeeks()}` };
    const body = await (await fetch(urls.slots)).text();
    console.log(`\nLoad: autocannon, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s each after a 2 s warm-up`);
    console.log(`  GET ${eightWeeks()}: ${(body.length / 1024).toFixed(1)} KB of JSON`);
    const load: Record<keyof typeof urls, Load> = { health: { requests: 0, seconds: 0, p99: [] }, slots: { requests: 0, seconds: 0, p99: [] } };
    for (const url of Object.values(urls)) await round(url, 2);
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, url] of Object.entries(urls) as [keyof typeof urls, string][]) {
        const result = await round(url, SECONDS);
        load[name].requests += result.requests.total;
        load[name].seconds += SECONDS;
        load[name].p99.push(result.latency.p99);
      }
    }
    const rps = (l: Load) => l.requests / l.seconds;
    console.log(`  ${"endpoint".padEnd(28)} ${"req/s".padStart(9)} ${"p99 ms (rounds)".padStart(20)} ${"requests".padStart(9)}`);
    for (const [name, l] of [["GET /api/health", load.health], ["GET /api/slots (8 weeks)", load.slots]] as const) {
      console.log(`  ${name.padEnd(28)} ${rps(l).toFixed(0).padStart(9)} ${l.p99.join(" / ").padStart(20)} ${String(l.requests).padStart(9)}`);
    }
    const ratio = rps(load.slots) / rps(load.health);
    console.log(`  slots / health throughput: ${ratio.toFixed(2)} (goal ≥ ${GOAL})`);
    report("slots", { name: "GET /api/slots (8 weeks) / GET /api/health throughput", value: ratio.toFixed(2), goal: `≥ ${GOAL}`, met: ratio >= GOAL });
  } finally {
    app.stop();
  }
}

async function cpuPerRequest(): Promise<void> {
  const vite = await createServer({ configFile: false, appType: "custom", logLevel: "error", server: { middlewareMode: true, hmr: false } });
  try {
    // Typed by hand: the Node tooling's tsconfig has no Workers types to check the Worker's own with.
    const { createApp } = (await vite.ssrLoadModule("/worker/app.ts")) as {
      createApp(deps: object): { request(url: string, init: RequestInit, env: object): Promise<Response> };
    };
    const { cryptoRandom } = (await vite.ssrLoadModule("/worker/random.ts")) as { cryptoRandom: object };
    const d1 = replayD1();
    const app = createApp({
      now: () => new Date(),
      random: cryptoRandom,
      mail: { transport: null, from: "bench@example.org" },
      turnstile: null,
      rateLimit: { limit: 1_000_000, windowSeconds: 600 },
      live: { changed: async () => {} },
    });
    const env = { DB: d1.db, DEFAULT_LOCATION: "kempten-ost" };
    const get = async (path: string) => {
      const res = await app.request(`http://localhost${path}`, {}, env);
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      await res.text();
    };
    /** Mean CPU milliseconds (user + system) per request over `n` requests after `n / 10` to warm up. */
    const cpu = async (n: number, path: string, before: () => void = () => {}) => {
      for (let i = 0; i < n / 10; i++) (before(), await get(path));
      const started = process.cpuUsage();
      for (let i = 0; i < n; i++) (before(), await get(path));
      const used = process.cpuUsage(started);
      return (used.user + used.system) / 1000 / n;
    };
    const slots = eightWeeks();
    const health = await cpu(20_000, "/api/health");
    const kept = await cpu(20_000, slots);
    const computed = await cpu(500, slots, () => d1.version++);
    console.log("\nCPU per request, the Worker's own work in-process (D1 replayed from memory: no database time)");
    console.log(`  GET /api/health                        ${health.toFixed(3)} ms`);
    console.log(`  GET /api/slots (8 weeks), kept answer  ${kept.toFixed(3)} ms   (${(health / kept).toFixed(2)} of health's rate if CPU were all)`);
    console.log(`  GET /api/slots (8 weeks), computed     ${computed.toFixed(3)} ms   (after a change; what every request cost before)\n`);
    report("slots", { name: "CPU per GET /api/slots, kept answer", value: `${kept.toFixed(3)} ms` });
    report("slots", { name: "CPU per GET /api/slots, computed after a change", value: `${computed.toFixed(2)} ms` });
    report("slots", { name: "CPU per GET /api/health (the same way)", value: `${health.toFixed(3)} ms` });
  } finally {
    await vite.close();
  }
}

export async function slotsSection(): Promise<void> {
  await throughput();
  await cpuPerRequest();
}
