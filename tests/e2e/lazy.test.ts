import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "./support/app";
import { expectNoAxeViolations, launchChromium, watchForProblems } from "./support/browser";

/*
 * Parts that a page's first paint does not need come as chunks of their own, fetched when shown
 * (kiosk/shared/lazy.tsx; the budgets are tests/kiosk/page-weight.test.ts). Here in Chromium: the board
 * fetches a section's code when it is opened, and a chunk that fails to load (the network dropped) says
 * so in place and loads on "Noch einmal versuchen", although the browser keeps a failed module failed
 * (a failed dependency of the chunk too: then the retry reloads the page, kiosk/shared/load-once.ts).
 */

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

/** The scripts the page has fetched so far, by path. */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname + new URL(request.url()).search);
  });
  return scripts;
}

/** The failures a test provoked on purpose (an aborted chunk), which are no problem of the page. */
const provoked = (problems: string[]) =>
  problems.filter((p) => !/net::ERR_FAILED|Failed to fetch dynamically imported module|later-[\w-]+\.js/.test(p));

describe("parts loaded when shown", () => {
  it("board: a section's code is fetched when it is opened, not with the board", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = watchForProblems(page);
    const scripts = scriptsOf(page);
    await page.goto(`${app.baseURL}/staff#link=${app.staffLinks.admin[0]}`);
    await page.getByRole("heading", { level: 1, name: /^Heute/ }).waitFor();
    await page.waitForLoadState("networkidle");
    const withBoard = [...scripts];

    await page.getByRole("button", { name: "Verwaltung" }).click();
    await page.getByRole("heading", { name: "Öffnungszeiten", exact: true }).waitFor();
    const forSection = scripts.slice(withBoard.length);
    expect(forSection.length, `fetched with the board: ${withBoard.join(", ")}`).toBeGreaterThan(0);
    expect(withBoard.filter((s) => forSection.includes(s))).toEqual([]);
    await expectNoAxeViolations(page);

    // A second section: its own chunk, the panel's code is there already.
    const before = scripts.length;
    await page.getByRole("button", { name: "Geräte" }).click();
    // Exactly: once the section is there, "Geräte dieses Büros" is a heading too.
    await page.getByRole("heading", { name: "Geräte", exact: true }).waitFor();
    // The heading is drawn at once; the section's chunk is asked for right after.
    await expect.poll(() => scripts.length).toBeGreaterThan(before);
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
    await context.close();
  });

  it("board: a section loads on retry after a chunk it shares with others failed once (the retry reloads the page)", async () => {
    // Chromium's error names the section's chunk (admin-*.js), not the failed dependency (form-*.js), and
    // admin-*.js?retry=1 would find form-*.js failed still: the retry reloads, with the section in the address.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = watchForProblems(page);
    let blocked = true;
    await page.route(/\/assets\/form-[\w-]+\.js/, (route) => (blocked ? route.abort() : route.continue()));
    await page.goto(`${app.baseURL}/staff#link=${app.staffLinks.admin[1]}`);
    await page.getByRole("heading", { level: 1, name: /^Heute/ }).waitFor();
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: "Verwaltung" }).click();
    const retry = page.getByRole("button", { name: "Noch einmal versuchen" }).first();
    await retry.waitFor();

    blocked = false;
    await retry.click();
    await page.getByRole("heading", { name: "Öffnungszeiten", exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get("view")).toBe("admin");
    await expectNoAxeViolations(page);
    expect(provoked(problems).filter((p) => !/status of 401|form-[\w-]+\.js/.test(p))).toEqual([]);
    await context.close();
  });

  it("booking page: the later steps failing to load say so with the phone, and a retry brings the step", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const problems = watchForProblems(page);
    let blocked = true;
    // The later steps' chunk, under its address and any retry address: refused until released.
    await page.route(/\/assets\/later-[\w-]+\.js/, (route) => (blocked ? route.abort() : route.continue()));
    await page.goto(`${app.baseURL}/`);
    await page.locator("label", { hasText: "Allgemeine Fragen" }).click(); // choosing a topic moves on
    await page.locator(".day-button").first().click();
    await page.locator(".slot-button").first().click();

    const status = page.getByRole("status").filter({ hasText: "Das hat nicht geklappt." });
    await status.waitFor();
    expect(await status.getByRole("link", { name: "0172 / 2315911" }).count()).toBe(1);
    await expectNoAxeViolations(page);

    blocked = false;
    await page.getByRole("button", { name: "Noch einmal versuchen" }).click();
    await page.getByRole("textbox", { name: /Vor- und Nachname/ }).waitFor();
    await expectNoAxeViolations(page);
    expect(provoked(problems)).toEqual([]);
    await page.close();
  });
});
