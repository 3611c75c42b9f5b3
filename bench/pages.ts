/*
 * The bench's "pages" section: each surface's first load against its budget (scripts/page-weight.ts,
 * fetched from the served production build as a browser would) and the booking page's layout shift in
 * Chromium at a phone's and a desktop's size (scripts/layout-shift.ts). Prints the details and reports
 * the headline figures to bench/summary.ts. `BENCH_ONLY=pages npm run bench` runs it alone.
 */
import { launchChromium } from "../scripts/chromium.ts";
import { bookingLayoutShift, CLS_GOAL } from "../scripts/layout-shift.ts";
import { gzipSync } from "node:zlib";
import { RESIDENT_LOCALES } from "../common/i18n/languages.ts";
import { BUDGETS_KB, firstLoad, kb, SURFACES, totalGzip, type LoadedFile, type Surface } from "../scripts/page-weight.ts";
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
    await bookingPerLanguage(app);
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

/**
 * The booking page's first load per language. German is the budgeted one (its catalogs are in the first
 * load); another language adds its catalog chunks, which the first load's scripts fetch with
 * `import("./<lang>-<hash>.js")` before the first render (kiosk/shared/locale.ts `startLocale`).
 */
async function bookingPerLanguage(app: IsolatedApp): Promise<void> {
  console.log("\nBooking page first load per language (German + the language's catalog chunks; gzip -9)");
  const { url } = SURFACES.booking;
  const files = await firstLoad(await fetchBytes(new URL(url, app.baseURL)), (ref) => fetchBytes(new URL(ref, app.baseURL)));
  const german = totalGzip(files);
  const scripts = await Promise.all(
    files.filter((f) => f.file.endsWith(".js")).map(async (f) => ({ url: new URL(f.file, app.baseURL), body: (await fetchBytes(new URL(f.file, app.baseURL))).toString("utf8") })),
  );
  for (const locale of RESIDENT_LOCALES) {
    const chunks: LoadedFile[] = [];
    if (locale !== "de") {
      const seen = new Set<string>();
      for (const script of scripts) {
        for (const m of script.body.matchAll(new RegExp(`import\\([\`"'](\\./${locale}-[\\w-]+\\.js)[\`"']\\)`, "g"))) {
          const chunkUrl = new URL(m[1]!, script.url);
          if (seen.has(chunkUrl.pathname)) continue;
          seen.add(chunkUrl.pathname);
          const body = await fetchBytes(chunkUrl);
          chunks.push({ file: chunkUrl.pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
        }
      }
    }
    const total = german + totalGzip(chunks);
    const detail = chunks.map((c) => `${c.file} ${kb(c.gzip)} KB`).join(", ");
    console.log(`  ${locale}  ${kb(total).padStart(6)} KB${locale === "de" ? ` (of ${BUDGETS_KB.booking} KB budget)` : `  (+ ${detail || "no catalog chunk found"})`}`);
    const figure = { name: `booking first load in ${locale}, gzip`, value: `${kb(total)} KB` };
    // German's is the budgeted one (above, as the booking page's first load); the others are printed.
    report("pages", locale === "de" ? { ...figure, goal: `≤ ${BUDGETS_KB.booking} KB`, met: total <= BUDGETS_KB.booking * 1024 } : figure);
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
