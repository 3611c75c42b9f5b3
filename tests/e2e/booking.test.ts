import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SlotsResponse } from "../../schemas/slots";
import { expectNoAxeViolations, launchChromium, watchForProblems } from "./support/browser";

const baseURL = inject("baseURL");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openBookingPage(width: number, height: number): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } });
  const problems = watchForProblems(page);
  await page.goto(`${baseURL}/`);
  await page.getByRole("status").getByText(/Freie Zeiten für|Free times for/).waitFor();
  return { page, problems };
}

/** What the API offers for the days the page shows, fetched independently of the page. */
async function apiSlots(page: Page, topic?: string): Promise<SlotsResponse> {
  const from = await page.locator("ul.slots time").first().getAttribute("datetime");
  const day = from!.slice(0, 10);
  const to = new Date(Date.parse(`${day}T12:00:00Z`) + 13 * 86_400_000).toISOString().slice(0, 10);
  const res = await fetch(`${baseURL}/api/slots?from=${day}&to=${to}${topic ? `&topic=${topic}` : ""}`);
  return SlotsResponse.parse(await res.json());
}

describe("booking page (first version)", () => {
  it("shows the office and its real free slots on a phone, announced with full date and time", async () => {
    const { page, problems } = await openBookingPage(390, 844);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Termin buchen");
    await expect(page.getByText("Anton-Fehr-Str. 6").first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole("link", { name: "0172 / 2315911" }).first().isVisible()).resolves.toBe(true);

    // The first slot on the page is the first the API offers, in the office's local time.
    const api = await apiSlots(page);
    const firstApiSlot = api.days.flatMap((d) => d.slots)[0]!;
    const firstTime = page.locator("ul.slots time").first();
    expect(await firstTime.getAttribute("datetime")).toBe(firstApiSlot.start);
    const visibleText = await firstTime.evaluate((el) =>
      [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join("").trim(),
    );
    expect(visibleText).toBe(firstApiSlot.start.slice(11, 16));
    // Screen readers hear the whole date, not just "13:00".
    expect((await firstTime.textContent())!.replace(/\s+/g, " ")).toMatch(
      /^(Montag|Mittwoch), \d{1,2}\. \w+ 20\d\d, \d\d:\d\d Uhr$/,
    );

    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows the slots of a 60-minute topic when one is chosen", async () => {
    const { page, problems } = await openBookingPage(1280, 900);
    await page.locator("label", { hasText: "Kompetenzanalyse" }).click(); // the whole card is the label
    expect(await page.getByRole("radio", { name: /Kompetenzanalyse/ }).isChecked()).toBe(true);
    await page.getByRole("status").getByText("Freie Zeiten für: Kompetenzanalyse (60 Minuten).").waitFor();
    const api = await apiSlots(page, "kompetenzanalyse");
    const shown = await page.locator("ul.slots time").evaluateAll((els) => els.map((el) => el.getAttribute("datetime")));
    const offered = api.days.flatMap((d) => d.slots.map((s) => s.start));
    expect(shown.slice(0, offered.length)).toEqual(offered);
    // A 60-minute appointment cannot start in the last half hour before closing.
    expect(shown.some((start) => /T17:00:00/.test(start!))).toBe(false);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("switches to English and remembers it", async () => {
    const { page } = await openBookingPage(390, 844);
    await page.getByRole("button", { name: "English" }).click();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Book an appointment");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await expectNoAxeViolations(page);
    await page.reload();
    await page.getByRole("status").getByText(/Free times for/).waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Book an appointment");
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
