import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type TestApp } from "./support/app";
import { expectNoAxeViolations, launchChromium, watchForProblems } from "./support/browser";
import { pairThroughApi, type PairedDevice } from "./support/kiosk";
import { staffSession } from "./support/staff";

/*
 * The kiosk of issue 13: a printed 80 mm ticket (print preview: only the ticket, with its QR code; printed
 * by itself once per number where the device's setting is on), QR check-in offered only where the tablet
 * can scan (BarcodeDetector and a camera), "zu früh" says from when, and every screen fits a tablet in
 * either orientation without scrolling, "Fertig" and the primary buttons in view.
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
    await page.getByRole("button", { name: "Deutsch" }).waitFor({ state: "detached" }).catch(() => undefined);
    await page.getByRole("button", { name: "Fertig" }).click();
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
  ] as const)("%s: start, topics, keypad, ticket, closed start (the request form opens; forms may scroll)", async (_, viewport) => {
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
    await shut.page.getByRole("button", { name: /^Termin nach Vereinbarung/ }).click();
    await heading(shut.page, "Termin nach Vereinbarung anfragen").waitFor();
    await shut.page.getByRole("button", { name: "Anfrage senden" }).waitFor();
    await shut.page.context().close();
  });
});
