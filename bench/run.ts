/*
 * `npm run bench`: measures the local production build and prints a table. It asserts nothing about
 * time: figures depend on the machine, so they are printed, compared and discussed, never tested.
 *
 *   1. First-load transfer of the booking page: the HTML plus every script, module preload and
 *      stylesheet it references, each gzip-compressed (level 9), against the 35 KB budget; the same
 *      total for the other surfaces (kiosk, staff board, call display, manage, status), without a budget.
 *   2. Throughput and p99 latency of GET /api/health (the runtime's own ceiling: no D1, no work) and of
 *      GET /api/slots for eight weeks (one D1 batch + the schedule), measured in the same run with
 *      autocannon at the same concurrency, and the ratio of the two.
 */
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { serveIsolated } from "../scripts/serve-isolated.ts";
const BUDGET_KB = 35;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

/** Gzipped bytes of a page (default: the booking page) and everything it loads before it can show anything. */
async function firstLoad(base: string, page = "/"): Promise<{ file: string; raw: number; gzip: number }[]> {
  const html = await (await fetch(`${base}${page}`)).text();
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((ref) => /\.(m?js|css)$/.test(ref));
  const files = [{ file: "index.html", body: Buffer.from(html) }];
  for (const ref of [...new Set(refs)]) {
    files.push({ file: ref, body: Buffer.from(await (await fetch(new URL(ref, base))).arrayBuffer()) });
  }
  return files.map(({ file, body }) => ({ file, raw: body.length, gzip: gzipSync(body, { level: 9 }).length }));
}

async function load(url: string) {
  await autocannon({ url, connections: CONNECTIONS, duration: 2 }); // warm-up
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total };
}

function berlinToday(offsetDays = 0): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
  const t = new Date(`${day}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + offsetDays);
  return t.toISOString().slice(0, 10);
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

async function main() {
  const app = await serveIsolated();
  const base = app.baseURL;
  try {
    const files = await firstLoad(base);
    const total = files.reduce((sum, f) => sum + f.gzip, 0);
    console.log("\nBooking page, first load (gzip -9)");
    for (const f of files) console.log(`  ${f.file.padEnd(40)} ${kb(f.raw).padStart(7)} KB raw ${kb(f.gzip).padStart(7)} KB gzip`);
    const verdict = total <= BUDGET_KB * 1024 ? "within" : "OVER";
    console.log(`  ${"total".padEnd(40)} ${"".padStart(14)} ${kb(total).padStart(7)} KB gzip — ${verdict} the ${BUDGET_KB} KB budget`);
    console.log("\nOther surfaces, first load (gzip -9, total)");
    for (const page of ["/kiosk", "/staff", "/display", "/manage", "/status"]) {
      const sum = (await firstLoad(base, page)).reduce((s, f) => s + f.gzip, 0);
      console.log(`  ${page.padEnd(40)} ${"".padStart(14)} ${kb(sum).padStart(7)} KB gzip`);
    }

    const slotsUrl = `${base}/api/slots?from=${berlinToday()}&to=${berlinToday(55)}`;
    console.log(`\nLoad: autocannon, ${CONNECTIONS} connections, ${SECONDS} s each after a 2 s warm-up`);
    const health = await load(`${base}/api/health`);
    const slots = await load(slotsUrl);
    const rows = [
      ["GET /api/health", health],
      ["GET /api/slots (8 weeks)", slots],
    ] as const;
    console.log(`  ${"endpoint".padEnd(28)} ${"req/s".padStart(9)} ${"p99 ms".padStart(8)} ${"requests".padStart(9)}`);
    for (const [name, r] of rows) {
      console.log(`  ${name.padEnd(28)} ${r.rps.toFixed(0).padStart(9)} ${String(r.p99).padStart(8)} ${String(r.total).padStart(9)}`);
    }
    console.log(`  slots / health throughput: ${(slots.rps / health.rps).toFixed(2)}\n`);
  } finally {
    app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
