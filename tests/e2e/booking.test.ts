import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlotsResponse } from "../../schemas/slots";
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

async function openBookingPage(width: number, height: number): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } });
  const problems = watchForProblems(page);
  await page.goto(`${app.baseURL}/`);
  await page.getByRole("radio").first().waitFor();
  return { page, problems };
}

/** Chooses a topic (the whole card is the label; choosing it moves on to the days). */
async function showDays(page: Page, topic: string): Promise<void> {
  await page.locator("label", { hasText: topic }).click(); // the whole card is the label
  await page.getByRole("status").getByText(/Freie Zeiten für|Free times for/).waitFor();
}

/** What the API offers for the two weeks from the first day the page shows, fetched independently. */
async function apiSlots(page: Page, topic: string): Promise<SlotsResponse> {
  const first = (await page.locator(".day-button .day-button__date").first().textContent())!;
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
  const to = new Date(Date.parse(`${today}T12:00:00Z`) + 20 * 86_400_000).toISOString().slice(0, 10);
  const res = await fetch(`${app.baseURL}/api/slots?from=${today}&to=${to}&topic=${topic}`);
  const answer = SlotsResponse.parse(await res.json());
  expect(first).toBeTruthy();
  return answer;
}

/** The shown days with free times: their buttons' dates and counts, in order. */
async function shownDays(page: Page): Promise<string[]> {
  return page.locator(".day-button").evaluateAll((els) => els.map((el) => el.textContent!.replace(/\s+/g, " ").trim()));
}

describe("booking page", () => {
  it("shows the office and its real free slots on a phone, announced with full date and time", async () => {
    const { page, problems } = await openBookingPage(390, 844);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Termin buchen");
    await expect(page.getByText("Anton-Fehr-Str. 6").first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole("link", { name: "0172 / 2315911" }).first().isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page);

    await showDays(page, "Allgemeine Fragen");
    // The first day on the page is the first day the API has free slots on.
    const api = await apiSlots(page, "fragen");
    const firstApiDay = api.days.find((d) => d.slots.length > 0)!;
    const days = await shownDays(page);
    expect(days[0]).toMatch(new RegExp(`, ${Number(firstApiDay.date.slice(8))}\\. .*: ${firstApiDay.slots.length} freie Zeit`));
    await expectNoAxeViolations(page);

    // Its times are the API's, in the office's local time.
    await page.locator(".day-button").first().click();
    const firstApiSlot = firstApiDay.slots[0]!;
    const firstTime = page.locator("ul.slots time").first();
    expect(await firstTime.getAttribute("datetime")).toBe(firstApiSlot.start);
    const shown = await page.locator("ul.slots time").evaluateAll((els) => els.map((el) => el.getAttribute("datetime")));
    expect(shown).toEqual(firstApiDay.slots.map((s) => s.start));
    const visibleText = await firstTime.evaluate((el) =>
      [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join("").trim(),
    );
    expect(visibleText).toBe(firstApiSlot.start.slice(11, 16));
    // Screen readers hear the whole date, not just "13:00": it is the button's name.
    expect((await firstTime.textContent())!.replace(/\s+/g, " ")).toMatch(
      /^(Montag|Mittwoch), \d{1,2}\. \S+ 20\d\d, \d\d:\d\d Uhr$/,
    );
    const button = page.getByRole("button", { name: (await firstTime.textContent())!.replace(/\s+/g, " ").trim() });
    expect(await button.count()).toBe(1);

    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows the slots of a 60-minute topic when one is chosen", async () => {
    const { page, problems } = await openBookingPage(1280, 900);
    await showDays(page, "Kompetenzanalyse");
    await page.getByRole("status").getByText("Freie Zeiten für: Kompetenzanalyse (60 Minuten).").waitFor();
    const api = await apiSlots(page, "kompetenzanalyse");
    const apiDays = api.days.filter((d) => d.slots.length > 0);
    const days = await shownDays(page);
    // Each day shows as many free times as the API offers for a 60-minute appointment.
    apiDays.forEach((d, i) => {
      expect(days[i]).toContain(`, ${Number(d.date.slice(8))}. `);
      expect(days[i]).toContain(`: ${d.slots.length} freie Zeit`);
    });
    for (const [i, apiDay] of apiDays.slice(0, 2).entries()) {
      await page.locator(".day-button").nth(i).click();
      const shown = await page.locator("ul.slots time").evaluateAll((els) => els.map((el) => el.getAttribute("datetime")));
      expect(shown).toEqual(apiDay.slots.map((s) => s.start));
      // A 60-minute appointment cannot start in the last half hour before closing (17:30 / 13:00).
      expect(shown.some((start) => /T(17:00|12:30):00/.test(start!))).toBe(false);
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Anderen Tag wählen" }).click();
      await page.locator(".day-button").first().waitFor();
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it("switches to English and remembers it", async () => {
    const { page } = await openBookingPage(390, 844);
    // The language menu: English from the list (it switches once the English words are loaded).
    await page.locator(".lang-switch").click();
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Book an appointment");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await expectNoAxeViolations(page);
    await page.reload();
    await page.getByRole("radio").first().waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Book an appointment");
    await showDays(page, "General questions");
    await page.locator(".day-button").first().click();
    // English names the slot "Monday, 30 November 2026, 13:00".
    expect((await page.locator("ul.slots time").first().textContent())!.replace(/\s+/g, " ")).toMatch(
      /^(Monday|Wednesday), \d{1,2} \w+ 20\d\d, \d\d:\d\d$/,
    );
    await page.close();
  });

  it("fits a 320 px wide screen without sideways scrolling", async () => {
    const { page } = await openBookingPage(320, 640);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await page.close();
  });
});
