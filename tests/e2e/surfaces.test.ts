import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "./support/app";
import { expectNoAxeViolations, launchChromium, watchForProblems } from "./support/browser";

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

describe("every surface is built and served", () => {
  it.each([
    // Unpaired or signed out, each surface opens with its first step.
    ["/kiosk", /^Das Tablet im Büro/],
    ["/staff", /^Anmelden/],
    ["/display", /^Anzeige im Wartebereich einrichten/],
  ])("%s answers with its page, accessible, with the security headers", async (path, heading) => {
    const page = await browser.newPage();
    const problems = watchForProblems(page);
    const res = await page.goto(app.baseURL + path);
    expect(res?.status()).toBe(200);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(heading);
    const headers = res!.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["strict-transport-security"]).toContain("max-age=31536000");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    await expectNoAxeViolations(page);
    // Signed out, the board's "who am I?" answers 401 (and Chromium logs it); nothing else may fail.
    const expected = path === "/staff" ? /status of 401 \(Unauthorized\)/ : null;
    expect(problems.filter((p) => !expected?.test(p))).toEqual([]);
    await page.close();
  });

  it("answers an unknown page with the 404 page", async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${app.baseURL}/gibt-es-nicht`);
    expect(res?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Diese Seite gibt es nicht.");
    await expectNoAxeViolations(page);
    await page.close();
  });
});
