import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCALE_STORAGE_KEY } from "../../common/limits";
import type { Locale } from "../../common/i18n/languages";
import { BookingCreated } from "../../schemas/bookings";
import { KioskState, Paired, TicketView } from "../../schemas/kiosk";
import { SlotsResponse } from "../../schemas/slots";
import { startApp, type TestApp } from "./support/app";
import { expectNoAxeViolations, launchChromium, sidewaysOverflow, watchForProblems } from "./support/browser";

/*
 * The manage page and the status page in the resident's language (issue 12): a booking made in Turkish
 * opens its manage link in Turkish, before the booking shows (no German first); a device with a saved
 * choice keeps it; a number taken in Arabic shows its status page right to left with the number "W 7"
 * isolated left to right; an explicit `?lang=` wins. axe finds nothing in Turkish and Arabic.
 *
 * The ticket's language comes from the status API (`locale`, stored with the ticket by the kiosk); here
 * the page's own status request is answered with the ticket's locale set, so this file does not depend
 * on how the kiosk stores it.
 */

let app: TestApp;
let browser: Browser;
let device: string;
let walkIn: string;
let slots: string[] = [];

async function api<T>(path: string, parse: { parse(v: unknown): T }, init: RequestInit = {}, status = 200): Promise<T> {
  const res = await fetch(app.baseURL + path, init);
  const body: unknown = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return parse.parse(body);
}

/** A booking made through the API in `locale`, at the next free time (each its own address). */
async function book(locale: Locale): Promise<BookingCreated> {
  const start = slots.shift()!;
  return api(
    "/api/bookings",
    BookingCreated,
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ start, topic: "fragen", name: "Ayşe Yılmaz", email: `lang-${locale}-${crypto.randomUUID()}@example.org`, locale, consent: true }),
    },
    201,
  );
}

function takeNumber(): Promise<TicketView> {
  return api(
    "/api/kiosk/tickets",
    TicketView,
    {
      method: "POST",
      headers: { authorization: `Bearer ${device}`, "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
      body: JSON.stringify({ topic: walkIn }),
    },
    201,
  );
}

/** A browser whose own language is German, with `saved` as the device's saved choice (if any). */
async function deviceContext(saved?: Locale): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "de-DE", viewport: { width: 320, height: 640 } });
  // Set once, before the first page: whatever the page writes later stays for the test to read.
  if (saved) {
    await context.addInitScript(
      ([key, value]) => {
        if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
      },
      [LOCALE_STORAGE_KEY, saved] as const,
    );
  }
  return context;
}

/** Records `<html lang>` at the moment `selector` first appears, whatever happens afterwards. */
async function langWhenShown(page: Page, selector: string): Promise<void> {
  await page.addInitScript((sel) => {
    const w = window as unknown as { firstLang?: string };
    new MutationObserver(() => {
      if (w.firstLang === undefined && document.querySelector(sel)) w.firstLang = document.documentElement.lang;
    }).observe(document, { subtree: true, childList: true });
  }, selector);
}
const firstLang = (page: Page) => page.evaluate(() => (window as unknown as { firstLang?: string }).firstLang);
const htmlLangDir = (page: Page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);

/** The page's own status requests answered with the ticket's language set, as the API says it. */
async function ticketIn(page: Page, locale: Locale): Promise<void> {
  await page.route("**/api/status/**", async (route) => {
    try {
      const real = await route.fetch();
      const body = TicketView.parse(await real.json());
      await route.fulfill({ response: real, json: { ...body, locale } });
    } catch (error) {
      // A poll still on its way when the test closes the page: nothing left to answer (the fetch fails,
      // or its answer is disposed before it is read). Anything else is a failure.
      if (page.isClosed() || /disposed|closed/i.test(String(error))) return;
      throw error;
    }
  });
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
  const to = new Date(Date.parse(`${today}T12:00:00Z`) + 55 * 86_400_000).toISOString().slice(0, 10);
  const free = await api(`/api/slots?from=${today}&to=${to}&topic=fragen`, SlotsResponse);
  slots = free.days.flatMap((d) => d.slots.map((s) => s.start));
  expect(slots.length).toBeGreaterThanOrEqual(4);
  const paired = await api(
    "/api/devices/pair",
    Paired,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: app.codes.open }) },
    201,
  );
  device = paired.token;
  const state = await api("/api/kiosk/state", KioskState, { headers: { authorization: `Bearer ${device}` } });
  walkIn = state.walkInTopics[0]!.key;
});
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

describe("manage page in the booking's language", () => {
  it("a booking made in Turkish opens in Turkish on a German browser, Turkish from the first sight of the booking", async () => {
    const booked = await book("tr");
    const context = await deviceContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await langWhenShown(page, ".ticket__code");
    await page.goto(booked.manageUrl);
    const qr = page.getByRole("img", { name: `Giriş için QR kodu, giriş kodu: ${booked.code.split("").join(" ")}` });
    await qr.waitFor();
    expect(await firstLang(page)).toBe("tr");
    expect(await htmlLangDir(page)).toEqual(["tr", "ltr"]);
    expect(await page.getByText("Bu kodu girişteki tablete gösterin.", { exact: false }).isVisible()).toBe(true);
    // The code reads left to right, isolated from the text around it.
    const code = page.locator(".ticket__code [aria-hidden='true']");
    expect(await code.textContent()).toBe(booked.code);
    expect(await code.evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
    // Following the booking saves nothing: the device's choice stays the resident's own.
    expect(await page.evaluate((key) => localStorage.getItem(key), LOCALE_STORAGE_KEY)).toBeNull();
    expect(await sidewaysOverflow(page)).toBe(0);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a device with a saved choice keeps it: the Turkish booking opens in English", async () => {
    const booked = await book("tr");
    const context = await deviceContext("en");
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(booked.manageUrl);
    await page.getByRole("img", { name: `QR code to check in with the code ${booked.code.split("").join(" ")}` }).waitFor();
    expect(await htmlLangDir(page)).toEqual(["en", "ltr"]);
    expect(await page.evaluate((key) => localStorage.getItem(key), LOCALE_STORAGE_KEY)).toBe("en");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a booking made in Arabic opens right to left, its code and e-mail address left to right, accessible", async () => {
    const booked = await book("ar");
    const context = await deviceContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await langWhenShown(page, ".ticket__code");
    await page.goto(booked.manageUrl);
    await page.getByRole("img", { name: `رمز QR لتسجيل الحضور برمز تسجيل الحضور ${booked.code.split("").join(" ")}` }).waitFor();
    expect(await firstLang(page)).toBe("ar");
    expect(await htmlLangDir(page)).toEqual(["ar", "rtl"]);
    expect(await page.locator(".ticket__code [aria-hidden='true']").evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
    expect(await page.locator(".email").evaluate((el) => [el.tagName, getComputedStyle(el).direction, getComputedStyle(el).unicodeBidi])).toEqual([
      "BDI",
      "ltr",
      "isolate",
    ]);
    expect(await sidewaysOverflow(page)).toBe(0);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("status page in the ticket's language", () => {
  it("a number taken in Arabic: right to left, 'W 7' isolated left to right, the people ahead in Arabic, accessible", async () => {
    await takeNumber();
    const mine = await takeNumber();
    const context = await deviceContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await ticketIn(page, "ar");
    await langWhenShown(page, ".number");
    await page.goto(mine.statusUrl);
    await page.locator(".number").waitFor();
    expect(await firstLang(page)).toBe("ar");
    expect(await htmlLangDir(page)).toEqual(["ar", "rtl"]);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("رقم انتظاركم");
    const number = page.locator(".number bdi");
    expect(await number.textContent()).toBe(mine.label);
    expect(await number.evaluate((el) => [el.getAttribute("dir"), getComputedStyle(el).direction, getComputedStyle(el).unicodeBidi])).toEqual([
      "ltr",
      "ltr",
      "isolate",
    ]);
    // "W" stands left of the digits, as on the display, though the page runs right to left.
    const [letter, digits] = await number.evaluate((el) => {
      const range = document.createRange();
      const text = el.firstChild!;
      range.setStart(text, 0);
      range.setEnd(text, 1);
      const first = range.getBoundingClientRect().left;
      range.setStart(text, text.textContent!.length - 1);
      range.setEnd(text, text.textContent!.length);
      return [first, range.getBoundingClientRect().left];
    });
    expect(letter).toBeLessThan(digits!);
    const now = await api(`/api/status/${new URL(mine.statusUrl).hash.slice(1)}`, TicketView);
    expect(now.ahead).toBeGreaterThanOrEqual(1);
    const ahead = { 1: "يوجد قبلكم شخص واحد.", 2: "يوجد قبلكم شخصان." }[now.ahead] ?? `يوجد قبلكم ${now.ahead}`;
    expect(await page.locator(".status-line").textContent()).toContain(ahead);
    expect(await page.title()).toMatch(new RegExp(`^${mine.label} – رقم انتظاركم`));
    expect(await sidewaysOverflow(page)).toBe(0);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a number taken in Turkish opens in Turkish, accessible; a saved choice wins over it", async () => {
    const mine = await takeNumber();
    for (const [saved, heading, lang] of [
      [undefined, "Sıra numaranız", "tr"],
      ["ru", "Ваш номер очереди", "ru"],
    ] as const) {
      const context = await deviceContext(saved);
      const page = await context.newPage();
      const problems = watchForProblems(page);
      await ticketIn(page, "tr");
      await page.goto(mine.statusUrl);
      await page.locator(".number").waitFor();
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(heading);
      expect(await htmlLangDir(page)).toEqual([lang, "ltr"]);
      if (lang === "tr") await expectNoAxeViolations(page);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it("an explicit ?lang= in the address wins over the saved choice and the ticket's language", async () => {
    const mine = await takeNumber();
    const url = new URL(mine.statusUrl);
    url.search = "?lang=uk";
    const context = await deviceContext("en");
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await ticketIn(page, "ar");
    await langWhenShown(page, ".number");
    await page.goto(url.href);
    await page.locator(".number").waitFor();
    expect(await firstLang(page)).toBe("uk");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Ваш номер черги");
    expect(await htmlLangDir(page)).toEqual(["uk", "ltr"]);
    // The address's language is not saved as the device's choice.
    expect(await page.evaluate((key) => localStorage.getItem(key), LOCALE_STORAGE_KEY)).toBe("en");
    expect(problems).toEqual([]);
    await context.close();
  });
});
