import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LANGUAGES, type Locale } from "../../common/i18n/languages";
import { bind } from "../../common/i18n/messages";
import { ManagedBooking } from "../../schemas/bookings";
import ar from "../../kiosk/shared/i18n/flow/ar";
import de from "../../kiosk/shared/i18n/flow/de";
import en from "../../kiosk/shared/i18n/flow/en";
import ru from "../../kiosk/shared/i18n/flow/ru";
import tr from "../../kiosk/shared/i18n/flow/tr";
import uk from "../../kiosk/shared/i18n/flow/uk";
import { startApp, type TestApp } from "./support/app";
import { expectNoAxeViolations, focused, launchChromium, tabTo, watchForProblems } from "./support/browser";

/*
 * The booking page in the residents' languages, in Chromium against the production build: a booking end
 * to end in Arabic (right to left, mirrored; code and times left to right in Latin digits), Turkish,
 * Ukrainian, Russian and English, axe on every step as it passes (topic, day, the request form, time,
 * details, review, done); a browser set to Russian or Turkish gets that language on its first visit; the
 * language menu by keyboard, remembered after a reload; a switch mid-flow loses nothing typed.
 * The words expected are the catalogs' own (kiosk/shared/i18n/flow), bound as the page binds them.
 * German is covered step by step by booking-flow.test.ts.
 */

const CATALOGS = { de, en, tr, ru, uk, ar } as const;
const words = (locale: Locale) => bind(de, CATALOGS[locale], locale);

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  app?.stop();
});

/** A fresh device (nothing saved) whose browser prefers `browserLocale`. */
async function openDevice(browserLocale: string): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ locale: browserLocale, viewport: { width: 390, height: 844 } });
  contexts.push(context);
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(`${app.baseURL}/`);
  await page.getByRole("radio").first().waitFor();
  return { page, problems };
}

/** The document speaks `locale`: `lang`, `dir` and the page's heading. */
async function expectLanguage(page: Page, locale: Locale): Promise<void> {
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
  expect(await page.evaluate(() => document.documentElement.dir)).toBe(LANGUAGES[locale].dir);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(words(locale).title);
}

/** The step's heading took the focus and names `heading`. */
async function expectStep(page: Page, heading: string): Promise<void> {
  await page.waitForFunction(
    (text) => document.activeElement?.id === "step-heading" && (document.activeElement.textContent ?? "").includes(text),
    heading,
  );
}

async function chooseInMenu(page: Page, locale: Locale): Promise<void> {
  await page.locator(".lang-switch").click();
  await page.locator(`.lang-menu__item[lang="${locale}"]`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}

function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.org`;
}

interface Booked {
  code: string;
  manageUrl: string;
}

/**
 * Books the first free time of "Allgemeine Fragen" in the page's language, running axe on each step;
 * on the day step it opens the request form (axe) and comes back. `onDetails` runs on the filled-in
 * details step before "Weiter".
 */
async function bookIn(page: Page, locale: Locale, onDetails?: () => Promise<void>): Promise<Booked> {
  const s = words(locale);
  await expectNoAxeViolations(page);
  await page.locator('label[for="topic-fragen"]').click(); // choosing a topic moves on
  await expectStep(page, s.dayHeading);
  await page.locator(".day-button").first().waitFor();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: s.requestLink }).click();
  await expectStep(page, s.requestHeading);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: s.back, exact: true }).click();
  await expectStep(page, s.dayHeading);

  await page.locator(".day-button").first().click();
  await expectStep(page, s.timeHeading);
  await expectNoAxeViolations(page);
  await page.locator(".slot-button").first().click();
  await expectStep(page, s.detailsHeading);
  await page.getByLabel(s.nameLabel).fill("Ayşe Yılmaz");
  await page.getByLabel(s.emailLabel).fill(uniqueEmail(locale));
  await page.getByRole("checkbox", { name: s.consentLabel }).check();
  await expectNoAxeViolations(page);
  await onDetails?.();
  await page.getByRole("button", { name: s.next, exact: true }).click();
  await expectStep(page, s.reviewHeading);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: s.submitBooking }).click();
  await expectStep(page, s.doneHeading);
  await expectNoAxeViolations(page);
  const code = (await page.locator(".ticket__code [aria-hidden]").textContent())!;
  const manageUrl = (await page.getByRole("link", { name: s.manageLink }).getAttribute("href"))!;
  return { code, manageUrl };
}

/** The booking's language as the API stored it. */
async function storedLocale(manageUrl: string): Promise<string> {
  const token = new URL(manageUrl).hash.slice(1);
  const res = await fetch(`${app.baseURL}/api/bookings/manage/${token}`);
  expect(res.status).toBe(200);
  return ManagedBooking.parse(await res.json()).locale;
}

describe("the booking page in the residents' languages", () => {
  it("books in Arabic, right to left: mirrored layout, code and times left to right in Latin digits", async () => {
    const { page, problems } = await openDevice("de-DE");
    await expectLanguage(page, "de");
    await chooseInMenu(page, "ar");
    await expectLanguage(page, "ar");

    const booked = await bookIn(page, "ar", async () => {
      // Mirrored: the masthead's name at the right, the language menu left of it; "رجوع" (back) at the
      // start of the line, which is the right.
      const name = (await page.locator(".masthead__name").boundingBox())!;
      const menu = (await page.locator(".lang-switch").boundingBox())!;
      expect(name.x).toBeGreaterThan(menu.x + menu.width);
      const main = (await page.locator("main").boundingBox())!;
      const back = (await page.locator(".step .back").boundingBox())!;
      expect(back.x).toBeGreaterThan(main.x + main.width / 2);
      // The back arrow points right, as the way back does in Arabic.
      expect(await page.locator(".back .icon--directional").evaluate((el) => getComputedStyle(el).transform)).toMatch(/^matrix\(-1,/);
      // What is typed into the e-mail field reads left to right.
      expect(await page.getByLabel(words("ar").emailLabel).getAttribute("dir")).toBe("ltr");
    });

    expect(booked.code).toMatch(/^[A-Z0-9]{4,8}$/);
    const code = page.locator(".ticket__code");
    expect(await code.getAttribute("dir")).toBe("ltr");
    const times = page.locator(".step--done .when__times");
    expect(await times.getAttribute("dir")).toBe("ltr");
    expect((await times.textContent())!).toMatch(/^\d\d:\d\d–\d\d:\d\d$/);
    expect(await page.locator(".step--done .email").getAttribute("dir")).toBe("ltr");
    // The day is Arabic words with Latin digits: no Arabic-Indic digit anywhere on the page.
    expect(await page.locator("main").textContent()).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/);
    expect(await storedLocale(booked.manageUrl)).toBe("ar");
    expect(problems).toEqual([]);
  });

  it("a browser set to Turkish books in Turkish, and the booking keeps its language", async () => {
    const { page, problems } = await openDevice("tr-TR");
    await expectLanguage(page, "tr");
    const booked = await bookIn(page, "tr");
    expect(await storedLocale(booked.manageUrl)).toBe("tr");
    expect(problems).toEqual([]);
  });

  it("books in Ukrainian; switching the language on the details step keeps what was typed", async () => {
    const { page, problems } = await openDevice("uk-UA");
    await expectLanguage(page, "uk");
    const booked = await bookIn(page, "uk", async () => {
      const email = await page.locator("#f-email").inputValue();
      await chooseInMenu(page, "de");
      expect(await page.locator("#step-heading").textContent()).toContain(words("de").detailsHeading);
      expect(await page.locator("#f-name").inputValue()).toBe("Ayşe Yılmaz");
      expect(await page.locator("#f-email").inputValue()).toBe(email);
      expect(await page.getByRole("checkbox", { name: words("de").consentLabel }).isChecked()).toBe(true);
      await chooseInMenu(page, "uk");
      expect(await page.locator("#f-name").inputValue()).toBe("Ayşe Yılmaz");
    });
    expect(await storedLocale(booked.manageUrl)).toBe("uk");
    expect(problems).toEqual([]);
  });

  it("a browser set to Russian gets Russian on its first visit and books in it", async () => {
    const { page, problems } = await openDevice("ru-RU");
    await expectLanguage(page, "ru");
    const booked = await bookIn(page, "ru");
    expect(await storedLocale(booked.manageUrl)).toBe("ru");
    expect(problems).toEqual([]);
  });

  it("the language menu by keyboard only: Tab, Enter, ArrowDown, Enter; focus back on the button; remembered", async () => {
    const { page, problems } = await openDevice("de-DE");
    await expectLanguage(page, "de");
    await tabTo(page, (f) => f.tag === "button" && f.name.includes("Deutsch"));
    await page.keyboard.press("Enter");
    // The list opens on the current language.
    await page.waitForFunction(() => document.activeElement?.getAttribute("lang") === "de");
    await page.keyboard.press("ArrowDown");
    expect((await focused(page)).name).toBe("English");
    await page.keyboard.press("Enter");
    await expectLanguage(page, "en");
    await page.waitForFunction(() => document.activeElement?.classList.contains("lang-switch"));
    expect(await page.locator(".lang-menu__list").isHidden()).toBe(true);

    await page.reload();
    await page.getByRole("radio").first().waitFor();
    await expectLanguage(page, "en");
    const booked = await bookIn(page, "en");
    expect(await storedLocale(booked.manageUrl)).toBe("en");
    expect(problems).toEqual([]);
  });
});
