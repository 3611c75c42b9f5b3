/*
 * Cumulative layout shift of the booking page in Chromium, for the bench (bench/pages.ts) and the browser
 * test that bounds it (tests/e2e/layout-shift.test.ts). A PerformanceObserver ("layout-shift", installed
 * before the page's own scripts run) collects every shift that no input caused (Chromium marks a shift
 * within 500 ms of a click or key press with `hadRecentInput`), while the page loads and while a visitor
 * goes from the topic to the review. The API answers late on purpose (SLOW_API), as on a slow phone
 * connection: late content that does not have its place kept moves what is below it, and that counts.
 *
 * The figure is the sum of all those shifts (at least the "session window" figure that Lighthouse
 * reports, so a bound on it is a bound on that). Runs against the default office (the development
 * seed), which has free times in the coming weeks.
 */
import type { Browser, BrowserContextOptions, Page } from "playwright-core";

/** The layout-shift goal of issue 14. */
export const CLS_GOAL = 0.02;

/**
 * How late the API answers in these runs, in milliseconds: long after the 500 ms that input excuses.
 * Everything else under /api/ (a booking, a board, a number's status) answers after DEFAULT_DELAY.
 */
export const SLOW_API: Readonly<Record<string, number>> = { "/api/location": 700, "/api/slots": 1200, "/api/legal/": 700 };
const DEFAULT_DELAY = 900;

export interface Shift {
  value: number;
  /** What moved, as `tag#id.class` of each source node, for finding the cause. */
  sources: string[];
}

export interface LayoutShiftRun {
  viewport: Viewport;
  /** Per phase (the load, then each step change) the sum of its shifts. */
  phases: { phase: string; cls: number; shifts: Shift[] }[];
  total: number;
}

const OBSERVER = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const sources = (entry.sources || []).map((s) => {
        const n = s.node;
        if (!n || !n.tagName) return n ? n.nodeName : "?";
        const cls = typeof n.className === "string" && n.className ? "." + n.className.trim().split(/\\s+/).join(".") : "";
        return n.tagName.toLowerCase() + (n.id ? "#" + n.id : "") + cls;
      });
      window.__shifts.push({ value: entry.value, sources });
    }
  }).observe({ type: "layout-shift", buffered: true });
`;

/** Shifts recorded since the last call. */
async function takeShifts(page: Page): Promise<Shift[]> {
  return (await page.evaluate("window.__shifts.splice(0)")) as Shift[];
}

/** Waits until nothing has moved for two animation frames more than `quietMs`: the page has settled. */
async function settle(page: Page, quietMs = 400): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.evaluate(
    `new Promise((resolve) => { let last = performance.now(); let n = window.__shifts.length;
      const tick = () => { if (window.__shifts.length !== n) { n = window.__shifts.length; last = performance.now(); }
        if (performance.now() - last >= ${quietMs}) resolve(); else requestAnimationFrame(tick); };
      requestAnimationFrame(tick); })`,
  );
}

async function slowApi(page: Page): Promise<void> {
  await page.route("**/api/**", async (route) => {
    const path = new URL(route.request().url()).pathname;
    const delay = Object.entries(SLOW_API).find(([prefix]) => path.startsWith(prefix))?.[1] ?? DEFAULT_DELAY;
    await new Promise((resolve) => setTimeout(resolve, delay));
    await route.continue();
  });
}

type Viewport = { width: number; height: number };

/** A fresh page at `viewport` with the observer installed (and the API slowed down unless `slow` is false). */
async function observed<T>(
  browser: Browser,
  options: { viewport: Viewport; context?: BrowserContextOptions; slow?: boolean },
  run: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({ ...options.context, viewport: options.viewport });
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: OBSERVER });
    if (options.slow !== false) await slowApi(page);
    return await run(page);
  } finally {
    await context.close();
  }
}

/** The shifts since the last look once the page has settled, and their sum. */
async function settled(page: Page): Promise<{ cls: number; shifts: Shift[] }> {
  await settle(page);
  const shifts = await takeShifts(page);
  return { cls: shifts.reduce((sum, s) => sum + s.value, 0), shifts };
}

/**
 * Opens the booking page at `viewport` and books as far as the review: load, topic → day (the free times
 * arrive late), day → time, time → contact, contact → review. Returns the shifts of each phase.
 */
export function bookingLayoutShift(browser: Browser, baseURL: string, viewport: Viewport): Promise<LayoutShiftRun> {
  return observed(browser, { viewport }, async (page) => {
    const phases: LayoutShiftRun["phases"] = [];
    const phase = async (name: string, act: () => Promise<void>) => {
      await act();
      phases.push({ phase: name, ...(await settled(page)) });
    };

    await phase("load", async () => {
      await page.goto(`${baseURL}/`);
      await page.getByRole("radio").first().waitFor();
    });
    await phase("topic → day (free times arrive late)", async () => {
      // Tapping a topic chooses it and moves on to the days.
      await page.locator("label", { hasText: "Allgemeine Fragen" }).click();
      await page.locator(".day-button").first().waitFor();
    });
    await phase("day → time", async () => {
      await page.locator(".day-button").first().click();
      await page.locator(".slot-button").first().waitFor();
    });
    await phase("time → contact", async () => {
      await page.locator(".slot-button").first().click();
      await page.getByRole("textbox", { name: /Vor- und Nachname/ }).waitFor();
    });
    await phase("contact → review", async () => {
      await page.getByRole("textbox", { name: /Vor- und Nachname/ }).fill("Erika Mustermann");
      await page.getByRole("textbox", { name: /E-Mail-Adresse/ }).fill("erika@example.org");
      await page.getByRole("checkbox").check();
      await page.getByRole("button", { name: "Weiter" }).click();
      await page.getByRole("button", { name: "Termin verbindlich buchen" }).waitFor();
    });
    return { viewport, phases, total: phases.reduce((sum, p) => sum + p.cls, 0) };
  });
}

/**
 * The layout shift of one page's load, the API answering late: from `goto(url)` until `ready` (a selector
 * of the late content: the booking on the manage page, the number on the status page) shows and the
 * page has settled. `context` brings what the page needs (a paired device's storage, a session cookie).
 */
export function loadLayoutShift(
  browser: Browser,
  url: string,
  options: { viewport: Viewport; ready: string; context?: BrowserContextOptions },
): Promise<{ cls: number; shifts: Shift[] }> {
  return observed(browser, options, async (page) => {
    await page.goto(url);
    await page.locator(options.ready).first().waitFor();
    return settled(page);
  });
}

/**
 * The check of the check: on the settled booking page, a block of 200 px put above the content by a
 * script (no input) must be measured as a shift. Returns what was measured.
 */
export function insertedBlockShift(browser: Browser, baseURL: string, viewport: Viewport): Promise<number> {
  return observed(browser, { viewport, slow: false }, async (page) => {
    await page.goto(`${baseURL}/`);
    await page.getByRole("radio").first().waitFor();
    await settled(page);
    await page.evaluate(`document.getElementById("main").prepend(Object.assign(document.createElement("div"), { style: "height: 200px" }))`);
    return (await settled(page)).cls;
  });
}
