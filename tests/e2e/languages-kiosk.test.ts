import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESIDENT_LOCALES } from "../../common/i18n/languages";
import { KioskState, TicketView } from "../../schemas/kiosk";
import { qrMatrix, qrPath } from "../../kiosk/shared/qr";
import { startApp, type TestApp } from "./support/app";
import { expectNoAxeViolations, focused, launchChromium, sidewaysOverflow, tabTo, watchForProblems } from "./support/browser";
import { pairThroughApi, type PairedDevice } from "./support/kiosk";

/*
 * The kiosk in six languages (issue 12): the start screen's six big language buttons (fit on a tablet in
 * either orientation, work by keyboard, pass axe in Ukrainian and in Arabic, right to left), and a number
 * taken in Ukrainian whose QR code opens the status page in Ukrainian on a phone that has never chosen.
 */

const LANDSCAPE = { width: 1024, height: 768 };
const PORTRAIT = { width: 768, height: 1024 };
const NAMES = ["Deutsch", "English", "Türkçe", "Русский", "Українська", "العربية"];

let app: TestApp;
let browser: Browser;
let device: PairedDevice;

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  device = await pairThroughApi(app, app.codes.open);
});
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

/** Failed loads the kiosk expects and handles; anything else is a problem. */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of (401|404|409)/.test(p));

async function openKiosk(viewport = LANDSCAPE): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport, storageState: device.storageState, locale: "de-DE" });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(`${app.baseURL}/kiosk`);
  await page.getByRole("heading", { level: 1, name: "Willkommen!" }).waitFor();
  // The open office's start screen (its facts arrived): the two main choices are there.
  await page.getByRole("button", { name: /^Ohne Termin/ }).waitFor();
  return { page, problems };
}

const languageGroup = (page: Page) => page.locator(".start-languages__list");
const htmlLang = (page: Page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);

async function choose(page: Page, name: string, lang: string): Promise<void> {
  await languageGroup(page).getByRole("button", { name, exact: true }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** Whether `page`'s element lies inside the viewport as it is, without scrolling. */
async function inView(page: Page, selector: string): Promise<boolean[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
    }),
  );
}

describe("the kiosk's languages", () => {
  it.each([
    ["landscape", LANDSCAPE],
    ["portrait", PORTRAIT],
  ] as const)("offers all six as big buttons that fit the %s tablet with the two main choices, no scrolling", async (_, viewport) => {
    const { page, problems } = await openKiosk(viewport);
    const buttons = languageGroup(page).getByRole("button");
    expect(await buttons.allTextContents()).toEqual(NAMES);
    // Each named in itself and marked with its language (no flags: text only).
    expect(await buttons.evaluateAll((els) => els.map((el) => el.getAttribute("lang")))).toEqual([...RESIDENT_LOCALES]);
    expect(await languageGroup(page).locator("img, svg").count()).toBe(0);
    for (const [name, lang] of [["Deutsch", "de"], ["Русский", "ru"], ["العربية", "ar"]] as const) {
      await choose(page, name, lang);
      for (const box of await buttons.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.height).toBeGreaterThanOrEqual(44);
        expect(box.width).toBeGreaterThanOrEqual(44);
      }
      expect(await page.evaluate(() => scrollY)).toBe(0);
      expect(await inView(page, ".start-languages__list button")).toEqual([true, true, true, true, true, true]);
      expect(await inView(page, ".start-choices .big-choice")).toEqual([true, true]);
      expect(await sidewaysOverflow(page)).toBe(0);
    }
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("works by keyboard: Tab reaches the six in order, Enter and Space switch, the pressed one says so", async () => {
    const { page, problems } = await openKiosk();
    const first = await tabTo(page, (f) => f.name === "Deutsch");
    expect(first.tag).toBe("button");
    const order = [first.name];
    for (let i = 1; i < NAMES.length; i++) {
      await page.keyboard.press("Tab");
      order.push((await focused(page)).name);
    }
    expect(order).toEqual(NAMES);
    // Back to Türkçe, Enter: the tablet speaks Turkish, the focus stays on the button.
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+Tab");
    expect((await focused(page)).name).toBe("Türkçe");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.documentElement.lang === "tr");
    await page.getByRole("heading", { level: 1, name: "Hoş geldiniz!" }).waitFor();
    expect((await focused(page)).name).toBe("Türkçe");
    expect(await languageGroup(page).getByRole("button", { name: "Türkçe" }).getAttribute("aria-pressed")).toBe("true");
    expect(await languageGroup(page).getByRole("button", { name: "Deutsch" }).getAttribute("aria-pressed")).toBe("false");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    expect((await focused(page)).name).toBe("Deutsch");
    await page.keyboard.press("Space");
    await page.waitForFunction(() => document.documentElement.lang === "de");
    await page.getByRole("heading", { level: 1, name: "Willkommen!" }).waitFor();
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("passes axe on the start screen in Ukrainian and in Arabic, which is mirrored right to left", async () => {
    const { page, problems } = await openKiosk();
    await choose(page, "Українська", "uk");
    await page.getByRole("heading", { level: 1, name: "Ласкаво просимо!" }).waitFor();
    expect(await htmlLang(page)).toEqual(["uk", "ltr"]);
    await expectNoAxeViolations(page);

    await choose(page, "العربية", "ar");
    await page.getByRole("heading", { level: 1, name: "أهلًا وسهلًا!" }).waitFor();
    expect(await htmlLang(page)).toEqual(["ar", "rtl"]);
    await expectNoAxeViolations(page);
    // Mirrored: the first language (Deutsch) at the right, the last (العربية) at the left.
    const german = (await languageGroup(page).getByRole("button", { name: "Deutsch" }).boundingBox())!;
    const arabic = (await languageGroup(page).getByRole("button", { name: "العربية" }).boundingBox())!;
    expect(german.x).toBeGreaterThan(arabic.x);
    expect(await sidewaysOverflow(page)).toBe(0);
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("a number taken in Ukrainian: the ticket screen is Ukrainian, and its QR code opens the status page in Ukrainian on a fresh phone", async () => {
    const { page, problems } = await openKiosk(PORTRAIT);
    await choose(page, "Українська", "uk");
    await page.getByRole("button", { name: /^Без запису/ }).click();
    await page.getByRole("heading", { level: 1, name: "З якого питання?" }).waitFor();
    const state = KioskState.parse(await (await fetch(`${app.baseURL}/api/kiosk/state`, { headers: { authorization: `Bearer ${device.token}` } })).json());
    const answer = page.waitForResponse((r) => r.url().endsWith("/api/kiosk/tickets"));
    await page.locator(".topic-grid button").first().click();
    const res = await answer;
    expect(JSON.parse(res.request().postData() ?? "{}")).toEqual({ topic: state.walkInTopics[0]!.key, locale: "uk" });
    const ticket = TicketView.parse(await res.json());
    expect(ticket.locale).toBe("uk");

    // The ticket screen, in Ukrainian; the number itself left to right, as on the call display.
    await page.getByRole("heading", { level: 1, name: /^Ваш номер черги/ }).waitFor();
    expect(await htmlLang(page)).toEqual(["uk", "ltr"]);
    await page.getByText(/^(Перед вами|Час очікування|Зараз ваша черга)/).first().waitFor();
    expect(await page.locator(".number-card__number").getAttribute("dir")).toBe("ltr");
    expect((await page.locator(".number-card__number").textContent())!.trim()).toBe(ticket.label);
    await expectNoAxeViolations(page);

    // The QR code holds the status link with the ticket's language.
    const qr = page.getByRole("img", { name: new RegExp(`^QR-код для вашого телефона: номер ${ticket.label}`) });
    await qr.locator("path").waitFor();
    const expected = qrPath(qrMatrix(ticket.statusUrl));
    expect(await qr.locator("path").getAttribute("d")).toBe(expected.d);
    const link = new URL(ticket.statusUrl);
    expect(link.searchParams.get("lang")).toBe("uk");

    // A phone that has never chosen a language, set to German, opens that link: Ukrainian.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "de-DE" });
    const status = await phone.newPage();
    const statusProblems = watchForProblems(status);
    await status.goto(ticket.statusUrl);
    await status.getByText(ticket.label, { exact: false }).first().waitFor();
    await status.waitForFunction(() => document.documentElement.lang === "uk", undefined, { timeout: 10_000 });
    expect(await htmlLang(status)).toEqual(["uk", "ltr"]);
    expect(unexpected(statusProblems)).toEqual([]);
    await phone.close();

    // "Готово": the next visitor starts in German again.
    await page.getByRole("button", { name: "Готово" }).click();
    await page.getByRole("heading", { level: 1, name: "Willkommen!" }).waitFor();
    expect(await htmlLang(page)).toEqual(["de", "ltr"]);
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });
});
