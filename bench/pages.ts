/*
 * The bench's "pages" section: each surface's first load against its budget (scripts/page-weight.ts,
 * fetched from the served production build as a browser would) and the booking page's layout shift in
 * Chromium at a phone's and a desktop's size (scripts/layout-shift.ts). Prints the details and reports
 * the headline figures to bench/summary.ts. `BENCH_ONLY=pages npm run bench` runs it alone.
 */
import { launchChromium } from "../scripts/chromium.ts";
import { bookingLayoutShift, CLS_GOAL } from "../scripts/layout-shift.ts";
import { BUDGETS_KB, firstLoad, kb, SURFACES, totalGzip, type Surface } from "../scripts/page-weight.ts";
import { serveIsolated, type IsolatedApp } from "../scripts/serve-isolated.ts";
import { report } from "./summary.ts";

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
];

async function fetchBytes(url: URL): Promise<Buffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** The section: the production build served on a database of its own, measured, stopped. */
export async function pages(): Promise<void> {
  const app = await serveIsolated();
  try {
    await pageWeights(app);
    await layoutShift(app);
  } finally {
    app.stop();
  }
}

async function pageWeights(app: IsolatedApp): Promise<void> {
  console.log("\nFirst load of each surface (HTML + scripts, module preloads, stylesheets; gzip -9)");
  for (const [surface, { url }] of Object.entries(SURFACES) as [Surface, (typeof SURFACES)[Surface]][]) {
    const files = await firstLoad(await fetchBytes(new URL(url, app.baseURL)), (ref) => fetchBytes(new URL(ref, app.baseURL)));
    const total = totalGzip(files);
    const budget = BUDGETS_KB[surface];
    const met = total <= budget * 1024;
    console.log(`  ${url.padEnd(10)} ${kb(total).padStart(6)} KB of ${budget} KB ${met ? "" : "— OVER"}`);
    for (const f of files) console.log(`      ${f.file.padEnd(40)} ${kb(f.raw).padStart(7)} KB raw ${kb(f.gzip).padStart(6)} KB gzip`);
    report("pages", { name: `${surface} (${url}) first load, gzip`, value: `${kb(total)} KB`, goal: `≤ ${budget} KB`, met });
  }
}

async function layoutShift(app: IsolatedApp): Promise<void> {
  console.log("\nBooking page: layout shift while it loads and from topic to review, API answering late");
  const browser = await launchChromium();
  try {
    for (const viewport of VIEWPORTS) {
      const run = await bookingLayoutShift(browser, app.baseURL, viewport);
      console.log(`  ${viewport.width}×${viewport.height}: ${run.total.toFixed(4)}`);
      for (const p of run.phases) {
        const causes = p.shifts.map((s) => `${s.value.toFixed(4)} ${s.sources.join(" ")}`).join("; ");
        console.log(`      ${p.phase.padEnd(40)} ${p.cls.toFixed(4)}${causes ? `  (${causes})` : ""}`);
      }
      report("pages", {
        name: `booking page layout shift at ${viewport.width}×${viewport.height}`,
        value: run.total.toFixed(4),
        goal: `< ${CLS_GOAL}`,
        met: run.total < CLS_GOAL,
      });
    }
  } finally {
    await browser.close();
  }
}
