import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlotsResponse } from "../../schemas/slots";
import { addDays, isoWeekday, localDate } from "../../common/time";
import { holidayOn } from "../../worker/domain/holidays";
import { accountSql, newSignInToken, signInLinkSql } from "../../scripts/sign-in-links";
import { serveIsolated, type IsolatedApp } from "../../scripts/serve-isolated";
import { expectNoAxeViolations, launchChromium, watchForProblems } from "./support/browser";

/*
 * Issue 12 item 4 in Chromium: an admin writes a closure's reason in Turkish and Arabic under "Weitere
 * Sprachen (freiwillig)", a disclosure opened by keyboard whose fields carry their language and
 * direction (Arabic right to left), axe-clean; the public calendar then has the reason in those
 * languages. A seeded topic's editor opens the disclosure by itself, as the topic has all four.
 */

const ZONE = "Europe/Berlin";
const DESKTOP = { width: 1280, height: 800 };

let app: IsolatedApp;
let browser: Browser;
const links = Array.from({ length: 2 }, newSignInToken);
let nextLink = 0;

/** The first Wednesday from four days ahead on that is no Bavarian public holiday (the office opens then). */
function nextWednesday(): string {
  for (let d = addDays(localDate(new Date(), ZONE), 4); ; d = addDays(d, 1)) {
    if (isoWeekday(d) === 3 && !holidayOn(d, "BY")) return d;
  }
}

beforeAll(async () => {
  const now = new Date("2026-01-01T00:00:00.000Z");
  const expiresAt = new Date("2999-01-01T00:00:00.000Z");
  const email = "admin-texts@example.org";
  app = await serveIsolated({
    extraSeed: [
      accountSql({ email, name: "Sprachen Admin", role: "admin", locationSlug: "kempten-ost", now }),
      ...links.map((token) => signInLinkSql({ email, token, now, expiresAt })),
    ].join("\n"),
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

/** The board signed in as the admin, at "Verwaltung → `section`". */
async function adminSection(section: string): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(`${app.baseURL}/staff#link=${links[nextLink++]}`);
  await page.getByRole("heading", { level: 1, name: /^Heute/ }).waitFor();
  await page.getByRole("button", { name: "Verwaltung" }).click();
  await page.getByRole("button", { name: section, exact: true }).click();
  await page.getByRole("heading", { level: 2, name: section }).waitFor();
  return { page, problems, close: () => context.close() };
}

/** Failed loads the board expects: "who am I?" before signing in. */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401/.test(p));

describe("Weitere Sprachen (freiwillig)", () => {
  it("a closure's reason in Turkish and Arabic, typed in fields of their own language, reaches the public calendar", async () => {
    const day = nextWednesday();
    const { page, problems, close } = await adminSection("Schließtage");
    await page.fill("#closure-firstDay", day);
    await page.fill("#closure-lastDay", day);
    await page.fill("#closure-reasonDe", "Fortbildung");
    await page.fill("#closure-reasonEn", "Training");

    const more = page.locator("details.more-languages");
    expect(await more.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    await page.locator("#closure-reasonEn").focus();
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("SUMMARY");
    await page.keyboard.press("Enter");
    await page.locator("#closure-reasonAr").waitFor();
    expect(await page.locator("#closure-reasonAr").evaluate((el) => [el.lang, el.dir])).toEqual(["ar", "rtl"]);
    expect(await page.locator("#closure-reasonTr").evaluate((el) => [el.lang, el.dir])).toEqual(["tr", "ltr"]);
    expect(await page.locator("#closure-reasonDe").evaluate((el) => [el.lang, el.dir])).toEqual(["de", "ltr"]);
    await page.getByLabel("Grund auf Türkçe").fill("Eğitim");
    await page.getByLabel("Grund auf العربية").fill("تدريب");
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Schließtage eintragen" }).click();
    await page.locator("ul.admin-list li", { hasText: "Fortbildung" }).waitFor();
    const res = await fetch(`${app.baseURL}/api/slots?from=${day}&to=${day}`);
    const [closed] = SlotsResponse.parse(await res.json()).days;
    expect(closed).toMatchObject({ status: "closure", reason: { de: "Fortbildung", en: "Training", tr: "Eğitim", ar: "تدريب" } });
    expect(closed!.reason).not.toHaveProperty("ru");
    // The list says which more languages the reason has, in their own names.
    await page.locator("ul.admin-list li", { hasText: "Auch auf: Türkçe, العربية" }).waitFor();
    expect(unexpected(problems)).toEqual([]);
    await close();
  });

  it("a seeded topic's editor shows its four more languages at once", async () => {
    const { page, problems, close } = await adminSection("Anliegen");
    await page.getByRole("button", { name: /Allgemeine Fragen/ }).first().click();
    await page.locator("#topic-labelDe").waitFor();
    expect(await page.locator("details.more-languages").first().evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    expect(await page.locator("#topic-labelUk").inputValue()).toBe("Загальні питання");
    expect(await page.locator("#topic-labelAr").evaluate((el: HTMLInputElement) => [el.value, el.dir])).toEqual(["أسئلة عامة", "rtl"]);
    await expectNoAxeViolations(page);
    expect(unexpected(problems)).toEqual([]);
    await close();
  });
});
