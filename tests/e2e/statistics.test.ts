import type { Browser } from "playwright-core";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Statistics } from "../../schemas/statistics";
import { localDate } from "../../common/time";
import { lastFullMonth } from "../../kiosk/staff/stats/period";
import { historySql } from "../../scripts/seed-history";
import { serveIsolated, type IsolatedApp } from "../../scripts/serve-isolated";
import { expectNoAxeViolations, launchChromium, sidewaysOverflow, watchForProblems } from "./support/browser";
import { e2eOffices } from "./support/offices";

/*
 * The board's "Statistik" in Chromium: the always-open test office with a past month seeded by
 * scripts/seed-history.ts (bookings of every channel and outcome, walk-ins, calls). The section opens on
 * the last full month, axe finds nothing, every chart has its table beside it with the API's numbers,
 * and the Excel export downloads as UTF-8 with BOM, umlauts intact, the same bytes the API gives; at
 * 320 px nothing scrolls the page sideways; a failed load says so in the API's words and hides the
 * numbers of the period before.
 */

const DESKTOP = { width: 1280, height: 900 };

let app: IsolatedApp;
let browser: Browser;
/** One-time sign-in links of a staff member, one per test. */
let links: string[];
let month: { from: string; to: string };

beforeAll(async () => {
  const offices = e2eOffices();
  month = lastFullMonth(localDate(new Date(), offices.openZone));
  app = await serveIsolated({ extraSeed: offices.sql + historySql({ office: "e2e-open", ...month, bookings: 150 }) });
  links = offices.staffLinks.staff;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

describe("the statistics section", () => {
  it("opens on the last full month with charts, each beside its table, and exports CSV for Excel", async () => {
    const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(`${app.baseURL}/staff#link=${links.shift()!}`);
    await page.getByRole("heading", { level: 1, name: /^Heute/ }).waitFor();

    await page.getByRole("navigation").getByRole("button", { name: "Statistik" }).click();
    await page.getByRole("heading", { level: 1, name: "Statistik" }).waitFor();
    const heading = page.locator("#stats-heading");
    await heading.waitFor({ timeout: 15_000 });
    const res = await page.request.get(`${app.baseURL}/api/staff/e2e-open/statistics?from=${month.from}&to=${month.to}`);
    expect(res.status()).toBe(200);
    const stats = Statistics.parse(await res.json());
    expect(stats.totals.appointments.booked).toBeGreaterThan(100);
    expect(await heading.textContent()).toContain(String(Number(month.from.slice(0, 4))));

    await expectNoAxeViolations(page);

    // Four charts (weeks, topics, audiences, heat map), each hidden from screen readers beside its table.
    const pairs = page.locator(".stats-pair");
    expect(await pairs.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      const pair = pairs.nth(i);
      expect(await pair.locator("svg[aria-hidden='true']").count()).toBe(1);
      expect(await pair.locator("table caption").count()).toBe(1);
    }
    // The topics' table holds the API's numbers, "< 3" included, and so does the chart's picture.
    const topics = pairs.nth(1);
    for (const t of stats.byTopic) {
      const row = topics.getByRole("row", { name: new RegExp(`^${t.label.de.replace(/[()]/g, "\\$&")}`) });
      const cells = await row.getByRole("cell").allTextContents();
      expect(cells[0]).toBe(String(t.appointments.booked));
      expect(cells[5]).toBe(String(t.walkIns.total));
    }
    const drawn = await topics.locator("svg text").allTextContents();
    for (const t of stats.byTopic) expect(drawn).toContain(String(t.appointments.booked));
    // The heat map's table: one row per weekday.
    expect(await pairs.nth(3).locator("tbody tr").count()).toBe(7);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "CSV für Excel (deutsch)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`statistik-e2e-open-${month.from}-bis-${month.to}.csv`);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    expect(text).toContain("Beratung und Coaching für Unternehmen");
    expect(text).toContain("Ausprägung;Kennzahl;Wert\r\n");
    const direct = await page.request.get(`${app.baseURL}/api/staff/e2e-open/statistics.csv?from=${month.from}&to=${month.to}&format=excel`);
    expect(Buffer.from(await direct.body()).equals(bytes)).toBe(true);

    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
    await context.close();
  }, 90_000);

  it("fits 320 px without sideways scrolling: wide tables scroll inside their own region", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${app.baseURL}/staff#link=${links.shift()!}`);
    await page.getByRole("heading", { level: 1, name: /^Heute/ }).waitFor();
    await page.getByRole("navigation").getByRole("button", { name: "Statistik" }).click();
    await page.locator("#stats-heading").waitFor({ timeout: 15_000 });
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    // Every table of the section, "Wartezeit und Gesprächsdauer" included, stands in a scroll region.
    const tables = page.locator(".stats table");
    const inRegions = page.locator(".stats .stats-scroll[role='region'] > table");
    expect(await tables.count()).toBeGreaterThan(3);
    expect(await inRegions.count()).toBe((await tables.count()) - 3); // the three small totals tables fit as they are
    expect(await page.getByRole("region", { name: "Wartezeit und Gesprächsdauer" }).locator("table").count()).toBe(1);
    await context.close();
  }, 60_000);

  it("says when a load fails, in the API's words, instead of leaving the earlier numbers as if they were new", async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${app.baseURL}/staff#link=${links.shift()!}`);
    await page.getByRole("heading", { level: 1, name: /^Heute/ }).waitFor();
    await page.getByRole("navigation").getByRole("button", { name: "Statistik" }).click();
    const heading = page.locator("#stats-heading");
    await heading.waitFor({ timeout: 15_000 });

    const refusal = { error: { code: "invalid_request", message: "to: a period is at most 366 days", field: "to" } };
    await page.route("**/api/staff/e2e-open/statistics?*", (route) => route.fulfill({ status: 400, contentType: "application/json", body: JSON.stringify(refusal) }));
    await page.locator("#stats-kind").selectOption("quarter");
    await page.getByRole("button", { name: "Anzeigen" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Die Zahlen konnten nicht geladen werden." });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Antwort des Servers: to: a period is at most 366 days");
    await heading.waitFor({ state: "detached" });
    await expectNoAxeViolations(page);

    await page.unroute("**/api/staff/e2e-open/statistics?*");
    await alert.getByRole("button", { name: "Noch einmal versuchen" }).click();
    await heading.waitFor();
    expect(await page.getByRole("alert").filter({ hasText: "nicht geladen" }).count()).toBe(0);
    await context.close();
  }, 60_000);
});
