import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KioskState } from "../../schemas/kiosk";
import kioskAr from "../../kiosk/kiosk/i18n/kiosk/ar";
import kioskDe from "../../kiosk/kiosk/i18n/kiosk/de";
import kioskRu from "../../kiosk/kiosk/i18n/kiosk/ru";
import flowAr from "../../kiosk/shared/i18n/flow/ar";
import flowDe from "../../kiosk/shared/i18n/flow/de";
import flowRu from "../../kiosk/shared/i18n/flow/ru";
import { startApp, type TestApp } from "./support/app";
import { expectNoAxeViolations, launchChromium, sidewaysOverflow, tabTo, watchForProblems } from "./support/browser";
import { pairThroughApi, type PairedDevice } from "./support/kiosk";
import { staffSession } from "./support/staff";

/*
 * The kiosk of issue 13: a printed 80 mm ticket (print preview: only the ticket, with its QR code; printed
 * by itself once per number where the device's setting is on), QR check-in offered only where the tablet
 * can scan (BarcodeDetector and a camera), "zu früh" says from when, and every screen fits a tablet in
 * either orientation without scrolling, "Fertig" and the primary buttons in view. The steps of booking and
 * the request keep their buttons in view too; what can be longer than the tablet (many free days, the
 * request form, a form with its errors) scrolls in a part of its own (kiosk/kiosk/Step.tsx) that says
 * there is more, is a stop for the keyboard and passes axe.
 */

const LANDSCAPE = { width: 1024, height: 768 };
const PORTRAIT = { width: 768, height: 1024 };

let app: TestApp;
let browser: Browser;
let open: PairedDevice;
let closed: PairedDevice;
let printing: PairedDevice;

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  [open, closed, printing] = await Promise.all([
    pairThroughApi(app, app.codes.open),
    pairThroughApi(app, app.codes.closed),
    pairThroughApi(app, app.codes.spareOpen[0]!),
  ]);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

const unexpected = (problems: string[]) => problems.filter((p) => !/status of (401|404|409)/.test(p));

async function kiosk(device: PairedDevice, viewport = LANDSCAPE, init?: (context: BrowserContext) => Promise<void>): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport, storageState: device.storageState, locale: "de-DE" });
  // window.print counted, not opened: headless Chromium has no printer.
  await context.addInitScript(() => {
    (window as unknown as { __prints: number }).__prints = 0;
    window.print = () => void (window as unknown as { __prints: number }).__prints++;
  });
  await init?.(context);
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(`${app.baseURL}/kiosk`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  return { page, problems };
}

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

/** No vertical scrolling, and each of `buttons` (accessible names) lies inside the viewport. */
async function fits(page: Page, buttons: (string | RegExp)[]): Promise<void> {
  expect(await sidewaysOverflow(page)).toBe(0);
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollHeight, inner: innerHeight }));
  // On failure: the screen's parts with their heights, to see what took the room.
  const parts = scroll > inner
    ? await page.evaluate(() => [...document.querySelectorAll("header, main .screen > *, main .screen > * > *")].map((el) => `${el.tagName}.${el.className}: ${Math.round(el.getBoundingClientRect().top)}+${Math.round(el.getBoundingClientRect().height)}`).join("\n"))
    : "";
  expect(scroll, `${await page.title()}: ${scroll} > ${inner}\n${parts}`).toBeLessThanOrEqual(inner);
  for (const name of buttons) {
    const box = await page.getByRole("button", { name }).last().boundingBox();
    expect(box, String(name)).not.toBeNull();
    const vp = page.viewportSize()!;
    expect(box!.y + box!.height, String(name)).toBeLessThanOrEqual(vp.height);
    expect(box!.y, String(name)).toBeGreaterThanOrEqual(0);
  }
}

/** The step's part that scrolls by itself when it is longer than the tablet (kiosk/kiosk/Step.tsx). */
const part = (page: Page) => page.locator(".scroll-area__region");
/** "Weiter unten gibt es mehr" on the part's bottom edge. */
const moreHint = (page: Page) => page.locator(".scroll-more__button");

/** The whole step is in view: its part has nothing to scroll, and no hint says there is more. */
async function allInView(page: Page): Promise<void> {
  const { scroll, client } = await part(page).evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
  expect(scroll, `${await page.title()}: the step's part scrolls (${scroll} > ${client})`).toBeLessThanOrEqual(client + 1);
  expect(await part(page).getAttribute("tabindex")).toBeNull();
  expect(await moreHint(page).count()).toBe(0);
}

/**
 * The step's part is longer than the tablet: the hint `more` shows on its bottom edge, inside the
 * viewport; the part is named by the step's heading and is the keyboard's next stop after the heading
 * (or the field the focus is in); End scrolls it to its end (the hint goes), Home back to its top (the
 * hint comes back), and a tap on the hint scrolls on.
 */
async function scrollsWithHint(page: Page, headingText: string, more: string): Promise<void> {
  const region = page.getByRole("group", { name: headingText, exact: true });
  const hint = moreHint(page);
  await hint.waitFor();
  expect((await hint.textContent())!.trim()).toBe(more);
  const box = (await hint.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
  expect(box.height).toBeGreaterThanOrEqual(44);
  expect(await region.getAttribute("tabindex")).toBe("0");
  await page.getByRole("heading", { level: 1 }).focus();
  await tabTo(page, (f) => f.tag === "div", { limit: 3 });
  expect(await region.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press("End");
  await page.waitForFunction(() => {
    const el = document.querySelector(".scroll-area__region")!;
    return el.scrollTop > 0 && el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
  });
  await hint.waitFor({ state: "detached" });
  await page.keyboard.press("Home");
  await page.waitForFunction(() => document.querySelector(".scroll-area__region")!.scrollTop === 0);
  await hint.waitFor();
  await hint.click();
  await page.waitForFunction(() => document.querySelector(".scroll-area__region")!.scrollTop > 0);
  await region.evaluate((el) => el.scrollTo({ top: 0 }));
}

/** After a submit with empty fields: the error summary has the focus and lies in view inside the part. */
async function errorsInView(page: Page, summary: string): Promise<void> {
  const group = page.getByRole("group", { name: summary });
  await group.waitFor();
  // The summary takes the focus once it is drawn (an effect after the render).
  await expect.poll(() => group.evaluate((el) => el === document.activeElement)).toBe(true);
  const [box, within] = [(await group.boundingBox())!, (await part(page).boundingBox())!];
  expect(box.y).toBeGreaterThanOrEqual(within.y);
  expect(box.y).toBeLessThan(within.y + within.height);
}

/** The always-open office shown as closed, so the tablet offers booking here (the booking itself is real). */
async function closedForBooking(context: BrowserContext): Promise<void> {
  await context.route("**/api/kiosk/state", async (route) => {
    const real = KioskState.parse(await (await route.fetch()).json());
    await route.fulfill({ json: { ...real, open: false, nextOpening: null } });
  });
}

/** Switches the tablet's language on the start screen (its six big buttons). */
async function speak(page: Page, name: string, lang: string): Promise<void> {
  await page.locator(".start-languages__list").getByRole("button", { name, exact: true }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

async function takeNumber(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^Ohne Termin/ }).click();
  await heading(page, "Worum geht es?").waitFor();
  await page.locator(".topic-button").first().click();
  await heading(page, /^Ihre Nummer/).waitFor();
}

describe("the kiosk's printed ticket", () => {
  it("print preview shows only the ticket, 80 mm wide, with the number, concern, time, address and QR code", async () => {
    const { page, problems } = await kiosk(open);
    await takeNumber(page);
    const label = (await page.locator(".number-card__number").textContent())!.trim();
    await page.locator(".print-ticket__qr path").waitFor({ state: "attached" });
    // Without the device's setting nothing prints by itself.
    expect(await page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(0);

    await page.emulateMedia({ media: "print" });
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden")
        .filter((el) => !el.querySelector(".print-ticket")) // its containers
        .map((el) => (el.closest(".print-ticket") ? "ticket" : `${el.tagName.toLowerCase()}.${el.className} ${el.textContent?.slice(0, 40)}`)),
    );
    expect(shown).toContain("ticket");
    expect(shown.filter((what) => what !== "ticket")).toEqual([]);
    const ticket = page.locator(".print-ticket");
    expect((await ticket.locator(".print-ticket__number").textContent())!.trim()).toBe(label);
    expect(await ticket.locator(".print-ticket__topic").textContent()).toMatch(/^Thema: .+/);
    expect(await ticket.locator(".print-ticket__time").textContent()).toMatch(/, \d\d:\d\d Uhr$/);
    expect(await ticket.locator(".print-ticket__url").textContent()).toMatch(/^localhost:\d+\/status#[A-Za-z0-9_-]{20,}$/);
    // 80 mm paper less 3 mm margins: 74 mm = about 280 CSS px; the QR code is drawn and black on white.
    const width = (await ticket.boundingBox())!.width;
    expect(width).toBeGreaterThan(270);
    expect(width).toBeLessThan(290);
    const qr = await ticket.locator(".print-ticket__qr").evaluate((el) => ({ w: el.getBoundingClientRect().width, fill: getComputedStyle(el).fill, bg: getComputedStyle(el).backgroundColor }));
    expect(qr.w).toBeGreaterThan(140);
    expect(qr).toMatchObject({ fill: "rgb(0, 0, 0)", bg: "rgb(255, 255, 255)" });
    // The print is a real PDF page of 80 mm (226.77 pt) width.
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
    const mediaBox = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(pdf);
    expect(mediaBox, pdf.slice(0, 2000)).not.toBeNull();
    expect(Number(mediaBox![3]) - Number(mediaBox![1])).toBeCloseTo((80 / 25.4) * 72, 0);
    await page.emulateMedia({ media: "screen" });
    expect(await ticket.isVisible()).toBe(false);
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("a tablet whose setting 'Bon drucken' is on prints each new number once, by itself", async () => {
    // An admin turns it on for the tablet (Verwaltung → Geräte), through the board's API.
    const session = await staffSession(browser, app, app.staffLinks.admin[0]!);
    const staff = await browser.newContext({ storageState: session });
    const board = await staff.newPage();
    await board.goto(`${app.baseURL}/staff`);
    const answer = await board.evaluate(async () => {
      const res = await fetch("/api/staff/e2e-open/admin/devices/e2e-e2e-open-kiosk-1/kiosk", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ print: true }) });
      return { status: res.status, body: (await res.json()) as { kiosk: { print: boolean } | null } };
    });
    expect(answer.status).toBe(200);
    expect(answer.body.kiosk).toEqual({ print: true });
    await staff.close();

    const { page, problems } = await kiosk(printing, PORTRAIT);
    await takeNumber(page);
    await page.waitForFunction(() => (window as unknown as { __prints: number }).__prints === 1);
    // The same number printed once, also when its screen renders again (another language).
    await page.locator(".kiosk-bar .lang-switch").click();
    await page.getByRole("button", { name: "English", exact: true }).click();
    await heading(page, /^Your number/).waitFor();
    await page.getByRole("button", { name: "Done" }).click();
    await heading(page, "Willkommen!").waitFor();
    expect(await page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
    await takeNumber(page);
    await page.waitForFunction(() => (window as unknown as { __prints: number }).__prints === 2);
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });
});

/** A BarcodeDetector that knows QR codes, and (`camera`) a camera in the device list. */
function scanning(camera: boolean) {
  return async (context: BrowserContext) => {
    await context.addInitScript((withCamera: boolean) => {
      class FakeBarcodeDetector {
        static async getSupportedFormats() {
          return ["qr_code"];
        }
        async detect() {
          return [];
        }
      }
      (window as unknown as { BarcodeDetector: unknown }).BarcodeDetector = FakeBarcodeDetector;
      const devices: MediaDeviceInfo[] = withCamera ? [{ kind: "videoinput", deviceId: "cam", groupId: "g", label: "", toJSON: () => ({}) } as MediaDeviceInfo] : [];
      navigator.mediaDevices.enumerateDevices = async () => devices;
    }, camera);
  };
}

describe("QR check-in only where the tablet can scan", () => {
  it.each([
    ["BarcodeDetector and a camera", true, true],
    ["BarcodeDetector without a camera", false, false],
  ] as const)("%s", async (_, camera, offered) => {
    const { page, problems } = await kiosk(open, LANDSCAPE, scanning(camera));
    const choice = page.getByRole("button", { name: /^Ich habe einen Termin/ });
    await choice.waitFor();
    await page.waitForFunction(() => true);
    if (offered) await page.getByRole("button", { name: /Code eingeben oder QR-Code zeigen/ }).waitFor();
    else expect(await choice.textContent()).toContain("Den Code aus der E-Mail eingeben");
    await choice.click();
    await heading(page, "Anmelden mit Ihrem Code").waitFor();
    expect(await page.getByRole("button", { name: /QR-Code zeigen/ }).count()).toBe(offered ? 1 : 0);
    // No word promises a QR code where none can be read (the keypad's keys "…P Q R…" are no promise).
    expect((await page.locator("main").getByText(/QR-Code/).count()) > 0).toBe(offered);
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("a plain browser (no BarcodeDetector, no camera) offers only the keypad", async () => {
    const { page } = await kiosk(open);
    await page.getByRole("button", { name: /^Ich habe einen Termin/ }).click();
    await heading(page, "Anmelden mit Ihrem Code").waitFor();
    expect(await page.getByRole("button", { name: /QR-Code zeigen/ }).count()).toBe(0);
    await page.context().close();
  });
});

describe("'zu früh' says from when", () => {
  it("shows 'ab HH:MM Uhr' from the refusal's time, in the office's zone", async () => {
    const { page, problems } = await kiosk(open, PORTRAIT);
    // 13:30 in the always-open office's zone, whatever the date.
    const zone = app.openZone;
    const hoursEast = zone === "Etc/GMT" ? 0 : -Number(zone.slice(7));
    const opensAt = `2026-12-02T13:30:00${hoursEast >= 0 ? "+" : "-"}${String(Math.abs(hoursEast)).padStart(2, "0")}:00`;
    await page.route("**/api/kiosk/checkin", (route) =>
      route.fulfill({ status: 409, contentType: "application/json", body: JSON.stringify({ error: { code: "checkin_too_early", message: "early", details: { opensAt } } }) }),
    );
    await page.getByRole("button", { name: /^Ich habe einen Termin/ }).click();
    await heading(page, "Anmelden mit Ihrem Code").waitFor();
    await page.keyboard.type("CDEFGH");
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    await heading(page, "Sie sind zu früh da").waitFor();
    await page.getByText("Sie können sich ab 13:30 Uhr anmelden.", { exact: false }).waitFor();
    await expectNoAxeViolations(page);
    await fits(page, ["Zum Anfang"]);
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });
});

describe("every kiosk screen fits the tablet without scrolling", () => {
  it.each([
    ["landscape", LANDSCAPE],
    ["portrait", PORTRAIT],
  ] as const)("%s: start, topics, keypad, ticket, closed start", async (_, viewport) => {
    const { page, problems } = await kiosk(open, viewport);
    await page.getByRole("button", { name: /^Ohne Termin/ }).waitFor();
    await fits(page, [/^Ich habe einen Termin/, /^Ohne Termin/, "العربية"]);

    await page.getByRole("button", { name: /^Ohne Termin/ }).click();
    await heading(page, "Worum geht es?").waitFor();
    expect(await page.locator(".topic-button").count()).toBeGreaterThanOrEqual(7);
    await fits(page, (await page.locator(".topic-button").allTextContents()).map((t) => t.trim()));
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Zurück" }).click();
    await page.getByRole("button", { name: /^Ich habe einen Termin/ }).click();
    await heading(page, "Anmelden mit Ihrem Code").waitFor();
    await fits(page, ["Anmelden", "Z", "Alles löschen"]);

    await page.getByRole("button", { name: "Zum Anfang" }).click();
    await takeNumber(page);
    await page.locator(".status-qr path").waitFor({ state: "attached" });
    await fits(page, ["Fertig"]);
    await expectNoAxeViolations(page);
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();

    const shut = await kiosk(closed, viewport);
    await heading(shut.page, "Das Büro ist jetzt geschlossen.").waitFor();
    await fits(shut.page, [/^Termin buchen/, /^Termin nach Vereinbarung/]);
    await shut.page.context().close();
  });

  it.each([
    ["landscape", LANDSCAPE, 20],
    ["portrait", PORTRAIT, 22],
  ] as const)("%s: every step of booking a time, from the topic to the code", async (name, viewport, slot) => {
    const { page, problems } = await kiosk(open, viewport, closedForBooking);
    const s = flowDe;
    await page.getByRole("button", { name: /^Termin buchen/ }).click();

    // The nine topics, each in view: nothing to scroll.
    await heading(page, s.topicQuestion).waitFor();
    const topics = page.locator(".topic-button");
    await topics.first().waitFor();
    expect(await topics.count()).toBeGreaterThanOrEqual(9);
    for (const box of await topics.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height))) expect(box).toBeGreaterThanOrEqual(44);
    await fits(page, ["Zurück", "Zum Anfang", s.requestLink, ...(await topics.evaluateAll((els) => els.map((el) => el.querySelector(".topic-button__label")!.textContent!)))]);
    await allInView(page);
    await expectNoAxeViolations(page);

    // Eight weeks of days: they scroll, the hint says so, "Zurück" and the request stay in view.
    await page.getByRole("button", { name: /^Allgemeine Fragen/ }).click();
    await heading(page, s.dayHeading).waitFor();
    await page.locator(".day-button").first().waitFor();
    await fits(page, ["Zurück", s.requestLink]);
    await scrollsWithHint(page, s.dayHeading, kioskDe.moreBelow);
    await expectNoAxeViolations(page);

    // The day's times in a grid.
    await page.locator(".day-button").nth(1).click();
    await heading(page, s.timeHeading).waitFor();
    await page.locator(".slot-button").first().waitFor();
    await fits(page, [s.otherDay, s.requestLink]);
    await expectNoAxeViolations(page);
    await page.locator(".slot-button").nth(slot).click();

    // The contact details, all in view with "Weiter"; with its errors the summary is in view.
    await heading(page, s.detailsHeading).waitFor();
    await fits(page, [s.next, "Zurück"]);
    await allInView(page);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: s.next, exact: true }).click();
    await errorsInView(page, s.errorSummary);
    await fits(page, [s.next, "Zurück"]);
    await expectNoAxeViolations(page);
    await page.getByLabel("Vor- und Nachname").fill("Maximiliane Schönberger-Großkopf");
    await page.getByLabel("E-Mail-Adresse").fill(`maximiliane.schoenberger-${name}@example.org`);
    await page.getByLabel("Telefonnummer").fill("+49 831 1234567");
    await page.getByLabel(/Ich habe die Hinweise zum Datenschutz gelesen/).check();
    await page.getByRole("button", { name: s.next, exact: true }).click();

    // Everything once more, each "Ändern" and the booking button in view.
    await heading(page, s.reviewHeading).waitFor();
    await fits(page, [s.submitBooking, "Zurück", /^Ändern\W+Thema$/, /^Ändern\W+Telefon$/]);
    await allInView(page);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: s.submitBooking }).click();

    // The code, when and where, and "Fertig".
    await heading(page, new RegExp(s.doneHeading)).waitFor();
    await fits(page, [kioskDe.done]);
    await allInView(page);
    await expectNoAxeViolations(page);
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it.each([
    ["landscape", LANDSCAPE],
    ["portrait", PORTRAIT],
  ] as const)("%s: the request 'nach Vereinbarung', its errors and its answer", async (name, viewport) => {
    const { page, problems } = await kiosk(closed, viewport);
    const s = flowDe;
    await heading(page, "Das Büro ist jetzt geschlossen.").waitFor();
    await page.getByRole("button", { name: /^Termin nach Vereinbarung/ }).click();
    await heading(page, s.requestHeading).waitFor();
    await page.locator("#r-name").waitFor();
    // Longer than any tablet: the fields scroll, "Anfrage senden" and "Zurück" stay in view.
    await fits(page, [s.sendRequest, "Zurück", "Zum Anfang"]);
    await scrollsWithHint(page, s.requestHeading, kioskDe.moreBelow);
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: s.sendRequest }).click();
    await errorsInView(page, s.errorSummary);
    await fits(page, [s.sendRequest, "Zurück"]);
    await expectNoAxeViolations(page);

    // A field far down is reached by the summary's link and scrolled into view above the hint.
    await page.getByRole("link", { name: /Bitte setzen Sie den Haken/ }).click();
    const consent = page.getByLabel(/Ich habe die Hinweise zum Datenschutz gelesen/);
    expect(await consent.evaluate((el) => el === document.activeElement)).toBe(true);
    const [box, within] = [(await consent.boundingBox())!, (await part(page).boundingBox())!];
    expect(box.y).toBeGreaterThanOrEqual(within.y);
    expect(box.y + box.height).toBeLessThanOrEqual(within.y + within.height);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    if (await moreHint(page).count()) expect(box.y + box.height).toBeLessThanOrEqual((await moreHint(page).boundingBox())!.y);
    // The privacy notice folded out makes it longer still; the button stays.
    await page.getByText("Mehr zum Datenschutz").click();
    await page.getByRole("heading", { name: "Wie lange?" }).waitFor();
    await fits(page, [s.sendRequest]);

    await page.locator("label", { hasText: "Einzelcoaching" }).click();
    await page.locator("label", { hasText: "Dienstag" }).click();
    await page.locator("label", { hasText: "Nachmittag" }).click();
    await page.getByLabel("Vor- und Nachname").fill("Jana Nowak");
    await page.getByLabel("Telefonnummer").fill(`0831 55${name.length}`);
    await consent.check();
    await page.getByRole("button", { name: s.sendRequest }).click();
    await heading(page, new RegExp(s.requestDoneHeading)).waitFor();
    await fits(page, [kioskDe.done]);
    await allInView(page);
    await expectNoAxeViolations(page);
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });
});

describe("the longest language and right to left", () => {
  const LANGS = {
    ru: { button: "Русский", flow: flowRu, kiosk: kioskRu },
    ar: { button: "العربية", flow: flowAr, kiosk: kioskAr },
  } as const;

  it.each([
    ["ru", "landscape", LANDSCAPE],
    ["ru", "portrait", PORTRAIT],
    ["ar", "landscape", LANDSCAPE],
  ] as const)("%s, %s: the request form and its errors", async (lang, _, viewport) => {
    const { button, flow: s, kiosk: k } = LANGS[lang];
    const { page, problems } = await kiosk(closed, viewport);
    await heading(page, "Das Büro ist jetzt geschlossen.").waitFor();
    await speak(page, button, lang);
    await page.getByRole("button", { name: new RegExp(`^${k.requestHere}`) }).click();
    await heading(page, s.requestHeading).waitFor();
    await page.locator("#r-name").waitFor();
    await fits(page, [s.sendRequest, k.back, k.home]);
    await scrollsWithHint(page, s.requestHeading, k.moreBelow);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: s.sendRequest }).click();
    await errorsInView(page, s.errorSummary);
    await fits(page, [s.sendRequest, k.back]);
    await expectNoAxeViolations(page);
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it.each([
    ["ru", "landscape", LANDSCAPE],
    ["ru", "portrait", PORTRAIT],
    ["ar", "portrait", PORTRAIT],
  ] as const)("%s, %s: topics, days, times, contact details with errors, review", async (lang, _, viewport) => {
    const { button, flow: s, kiosk: k } = LANGS[lang];
    const { page, problems } = await kiosk(open, viewport, closedForBooking);
    await heading(page, "Das Büro ist jetzt geschlossen.").waitFor();
    await speak(page, button, lang);
    await page.getByRole("button", { name: new RegExp(`^${k.bookHere}`) }).click();
    await heading(page, s.topicQuestion).waitFor();
    await page.locator(".topic-button").first().waitFor();
    await fits(page, [k.back, s.requestLink]);
    await expectNoAxeViolations(page);
    await page.locator(".topic-button").first().click();
    await heading(page, s.dayHeading).waitFor();
    await page.locator(".day-button").first().waitFor();
    await fits(page, [k.back, s.requestLink]);
    await scrollsWithHint(page, s.dayHeading, k.moreBelow);
    await page.locator(".day-button").nth(1).click();
    await heading(page, s.timeHeading).waitFor();
    await page.locator(".slot-button").first().waitFor();
    await fits(page, [s.otherDay, s.requestLink]);
    await expectNoAxeViolations(page);
    await page.locator(".slot-button").nth(30).click();
    await heading(page, s.detailsHeading).waitFor();
    await fits(page, [s.next, k.back]);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: s.next, exact: true }).click();
    await errorsInView(page, s.errorSummary);
    await fits(page, [s.next, k.back]);
    await expectNoAxeViolations(page);
    await page.locator("#k-name").fill("Олександра Костянтинівна Шевченко-Григоренко");
    await page.locator("#k-email").fill("oleksandra.shevchenko-hryhorenko@example.org");
    await page.locator("#k-phone").fill("+49 171 1234567");
    await page.locator("#k-consent").check();
    await page.getByRole("button", { name: s.next, exact: true }).click();
    await heading(page, s.reviewHeading).waitFor();
    await fits(page, [s.submitBooking, k.back]);
    await expectNoAxeViolations(page);
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });
});
