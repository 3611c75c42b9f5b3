import { chromium, type Browser, type BrowserContext, type Page, type Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BookingCreated, RequestCreated } from "../../schemas/bookings";
import { CheckedIn, KioskState, TicketView } from "../../schemas/kiosk";
import { addDays, localDate, toOffsetIso, zonedInstant } from "../../common/time";
import { startApp, type TestApp } from "./support/app";
import { KIOSK_TOKEN_KEY, pairThroughApi, type PairedDevice } from "./support/kiosk";
import { chromiumPath, expectNoAxeViolations, launchChromium, sidewaysOverflow, watchForProblems } from "./support/browser";

/*
 * The tablet kiosk in Chromium on tablet viewports (landscape 1024×768 and portrait 768×1024), against
 * the tests' own offices (support/offices.ts): "e2e-open" is open around the clock, "e2e-closed" never.
 * Pairing through the screen is tested once; the other tests start with a tablet paired through the API
 * (token in localStorage, the device cookie set), as it would be after pairing.
 */

const TOKEN_KEY = KIOSK_TOKEN_KEY;
const LANDSCAPE = { width: 1024, height: 768 };
const PORTRAIT = { width: 768, height: 1024 };

let app: TestApp;
let browser: Browser;
let open: PairedDevice;
let closed: PairedDevice;

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  [open, closed] = await Promise.all([pairThroughApi(app, app.codes.open), pairThroughApi(app, app.codes.closed)]);
});
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

/** Failed loads the kiosk expects and handles (refusals are 4xx answers); anything else is a problem. */
function unexpected(problems: string[], also: RegExp[] = []): string[] {
  const expected = [/Failed to load resource: the server responded with a status of (401|404|409)/, ...also];
  return problems.filter((p) => !expected.some((e) => e.test(p)));
}

async function tablet(device: PairedDevice | null, viewport = LANDSCAPE, context?: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const ctx = context ?? (await browser.newContext({ viewport, ...(device ? { storageState: device.storageState } : {}) }));
  const page = await ctx.newPage();
  const problems = watchForProblems(page);
  return { page, problems };
}

async function openKiosk(page: Page): Promise<void> {
  await page.goto(`${app.baseURL}/kiosk`);
  await page.getByRole("heading", { level: 1 }).waitFor();
}

/** Every screen: axe finds nothing, and nothing is wider than the tablet. */
async function checkScreen(page: Page): Promise<void> {
  await expectNoAxeViolations(page);
  expect(await sidewaysOverflow(page)).toBe(0);
}

function heading(page: Page, name: string | RegExp) {
  return page.getByRole("heading", { level: 1, name });
}

/** Taps a code on the on-screen keypad, key by key. */
async function tapCode(page: Page, code: string): Promise<void> {
  for (const key of code) await page.getByRole("group", { name: /Ihr Code|Your code|Code zum Koppeln/ }).getByRole("button", { name: key, exact: true }).click();
}

/**
 * The start of a free slot later today at the always-open office (about noon there when this file
 * started: support/offices.ts): the half hour a minute from now or after; its check-in is open (an hour before).
 */
function nextHalfHour(): string {
  return new Date(Math.ceil((Date.now() + 60_000) / 1_800_000) * 1_800_000).toISOString();
}

/** `time` tomorrow at the always-open office, as an offset instant (tomorrow is another day for check-in). */
function tomorrowAt(time: string): string {
  const tomorrow = addDays(localDate(new Date(), app.openZone), 1);
  return toOffsetIso(zonedInstant(tomorrow, time, app.openZone), app.openZone);
}

/** Books at the open office with the kiosk's own route, as the tablet does. */
async function book(start: string, name = "Erika Mustermann"): Promise<BookingCreated> {
  const email = `${name.split(" ")[0]!.toLowerCase()}@example.org`;
  const res = await fetch(`${app.baseURL}/api/kiosk/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${open.token}`, "idempotency-key": crypto.randomUUID() },
    body: JSON.stringify({ start, topic: "fragen", name, email, locale: "de", consent: true }),
  });
  const body: unknown = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return BookingCreated.parse(body);
}

describe("the tablet kiosk", () => {
  it("asks an unpaired tablet for the pairing code, pairs, stays paired, and asks again when revoked", async () => {
    const { page, problems } = await tablet(null);
    await openKiosk(page);
    expect(await heading(page, "Das Tablet im Büro").isVisible()).toBe(true);
    await page.getByRole("heading", { level: 2, name: "Tablet einrichten" }).waitFor();
    await checkScreen(page);

    // A code nobody issued, tapped on the keypad: a plain refusal.
    await tapCode(page, "ACDEFGH");
    const submit = page.getByRole("button", { name: "Tablet koppeln" });
    expect(await submit.isDisabled()).toBe(true);
    await page.getByText("Es fehlt noch 1 Zeichen.").waitFor();
    await tapCode(page, "J");
    await submit.click();
    await page.getByRole("alert").getByText("Diesen Code kennen wir nicht").waitFor();
    await checkScreen(page);

    // The right one, typed on a keyboard (staff often have one), lower case.
    await page.getByRole("button", { name: "Alles löschen" }).click();
    await page.keyboard.type(app.codes.spareOpen[0]!.toLowerCase());
    await page.getByRole("button", { name: "Tablet koppeln" }).click();
    await heading(page, "Willkommen!").waitFor();
    const token = await page.evaluate((key) => localStorage.getItem(key), TOKEN_KEY);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await page.getByText("Das Büro ist geöffnet.").waitFor();
    // The device's office, not the deployment's default.
    await page.locator(".kiosk-bar__name", { hasText: "Immer offen" }).waitFor();
    await checkScreen(page);

    await page.reload();
    await heading(page, "Willkommen!").waitFor();

    // Revoked (here: a token the Worker does not know): forgotten, and the pairing screen comes back.
    await page.evaluate((key) => localStorage.setItem(key, "x".repeat(43)), TOKEN_KEY);
    await page.reload();
    await page.getByText("Dieses Tablet ist nicht mehr gekoppelt.").waitFor();
    expect(await page.evaluate((key) => localStorage.getItem(key), TOKEN_KEY)).toBeNull();
    await checkScreen(page);
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("gives a walk-in number in two taps: large, with the people ahead, a wait range and a QR code", async () => {
    const { page, problems } = await tablet(open);
    await openKiosk(page);
    await heading(page, "Willkommen!").waitFor();
    const state = KioskState.parse(await (await fetch(`${app.baseURL}/api/kiosk/state`, { headers: { authorization: `Bearer ${open.token}` } })).json());
    await page.getByText(`Das Büro ist geöffnet. ${state.waiting === 1 ? "Gerade wartet 1 Person." : state.waiting === 0 ? "Gerade wartet niemand." : `Gerade warten ${state.waiting} Personen.`}`).waitFor();
    await checkScreen(page);

    await page.getByRole("button", { name: /^Ohne Termin/ }).click();
    await heading(page, "Worum geht es?").waitFor();
    // Each concern a big button with its word (and an icon beside it).
    const topics = page.locator(".topic-grid button");
    expect(await topics.allTextContents()).toEqual(state.walkInTopics.map((t) => t.label.de));
    expect(await topics.first().locator("svg").count()).toBe(1);
    const box = (await topics.first().boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(120);
    await checkScreen(page);

    const answer = page.waitForResponse((r) => r.url().endsWith("/api/kiosk/tickets"));
    await page.getByRole("button", { name: "Allgemeine Fragen" }).click();
    const res = await answer;
    expect(res.request().headers()["idempotency-key"]).toMatch(/^[0-9a-f-]{32,36}$/);
    const ticket = TicketView.parse(await res.json());
    expect(ticket.label).toMatch(/^W \d+$/);

    await heading(page, /^Ihre Nummer/).waitFor();
    expect(await page.locator(".number-card__number").textContent()).toBe(ticket.label);
    const big = await page.locator(".number-card__number").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(big).toBeGreaterThanOrEqual(80);
    await page.getByText(ticket.ahead === 0 ? "Vor Ihnen ist niemand." : ticket.ahead === 1 ? "Vor Ihnen ist 1 Person." : `Vor Ihnen sind ${ticket.ahead} Personen.`).waitFor();
    await page.getByText(/^Wartezeit: (bis zu|etwa) /).waitFor();
    // The QR code of the status page: an image for screen readers, the status link in its pattern.
    await page.getByRole("img", { name: new RegExp(`QR-Code für Ihr Handy: Nummer ${ticket.label}`) }).waitFor();
    await checkScreen(page);

    await page.getByRole("button", { name: "Fertig" }).click();
    await heading(page, "Willkommen!").waitFor();
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("shows 'Bitte wenden Sie sich an das Personal' when the answer is lost, and retries without a second number", async () => {
    const { page, problems } = await tablet(open, PORTRAIT);
    const stateRequests = new Set<Request>();
    page.on("request", (r) => r.url().endsWith("/api/kiosk/state") && stateRequests.add(r));
    page.on("requestfinished", (r) => stateRequests.delete(r));
    page.on("requestfailed", (r) => stateRequests.delete(r));
    await openKiosk(page);
    await page.getByRole("button", { name: /^Ohne Termin/ }).click();
    await heading(page, "Worum geht es?").waitFor();

    // The first request reaches the Worker (a number is issued), but its answer never arrives.
    const keys: string[] = [];
    let issued: TicketView | undefined;
    await page.route("**/api/kiosk/tickets", async (route) => {
      keys.push(route.request().headers()["idempotency-key"]!);
      if (!issued) {
        issued = TicketView.parse(await (await route.fetch()).json());
        await route.abort("connectionreset");
      } else {
        await route.continue();
      }
    });
    await page.getByRole("button", { name: "Qualifizierung" }).click();
    await heading(page, "Bitte wenden Sie sich an das Personal.").waitFor();
    await page.getByText("Keine Sorge: Sie bekommen Ihre Nummer nur einmal.").waitFor();
    await checkScreen(page);

    // The retry (same key) answers the number already issued.
    await heading(page, /^Ihre Nummer/).waitFor({ timeout: 15_000 });
    expect(keys.length).toBe(2);
    expect(keys[1]).toBe(keys[0]);
    expect(await page.locator(".number-card__number").textContent()).toBe(issued!.label);

    // The next tap is the next number: nothing was issued twice.
    await page.unroute("**/api/kiosk/tickets");
    await page.getByRole("button", { name: "Fertig" }).click();
    await page.getByRole("button", { name: /^Ohne Termin/ }).click();
    await page.getByRole("button", { name: "Qualifizierung" }).click();
    await heading(page, /^Ihre Nummer/).waitFor();
    expect(await page.locator(".number-card__number").textContent()).toBe(`W ${issued!.number + 1}`);

    // The start screen itself: no answer, the same words, and back by itself once there is one. The
    // number asked for the state already (and the live news of it may): those answers land first, so
    // none of them can show the office as reachable after the failed one.
    await page.route("**/api/kiosk/state", (route) => route.abort("internetdisconnected"));
    await expect.poll(() => stateRequests.size).toBe(0);
    await page.getByRole("button", { name: "Fertig" }).click();
    await heading(page, "Bitte wenden Sie sich an das Personal.").waitFor();
    expect(await page.getByRole("button", { name: /^Ohne Termin/ }).count()).toBe(0);
    await checkScreen(page);
    await page.unroute("**/api/kiosk/state");
    await page.evaluate(() => dispatchEvent(new Event("online")));
    await heading(page, "Willkommen!").waitFor();
    expect(unexpected(problems, [/ERR_CONNECTION_RESET|ERR_INTERNET_DISCONNECTED|request failed: .*\/api\/kiosk\/(tickets|state)/])).toEqual([]);
    await page.context().close();
  });

  it("checks in with the code from the mail: a welcome without the name, the T number, once", async () => {
    const booking = await book(nextHalfHour());
    const { page, problems } = await tablet(open);
    await openKiosk(page);
    await page.getByRole("button", { name: /^Ich habe einen Termin/ }).click();
    await heading(page, "Anmelden mit Ihrem Code").waitFor();
    await checkScreen(page);

    await tapCode(page, booking.code.slice(0, 3));
    await page.getByText("Es fehlen noch 3 Zeichen.").waitFor();
    await checkScreen(page);
    await tapCode(page, booking.code.slice(3));
    const answer = page.waitForResponse((r) => r.url().endsWith("/api/kiosk/checkin"));
    await page.getByRole("button", { name: "Anmelden" }).click();
    const checked = CheckedIn.parse(await (await answer).json());
    expect(checked.label).toMatch(/^T \d+$/);

    await heading(page, "Willkommen! Sie sind angemeldet.").waitFor();
    expect(await page.locator(".number-card__number").textContent()).toBe(checked.label);
    await page.getByText(/^Ihr Termin: \d\d:\d\d Uhr, Allgemeine Fragen$/).waitFor();
    const text = (await page.locator("body").textContent())!;
    expect(text).not.toContain("Erika");
    expect(text).not.toContain("Mustermann");
    expect(text).not.toContain("erika@example.org");
    await page.getByRole("img", { name: /QR-Code für Ihr Handy/ }).waitFor();
    await checkScreen(page);

    // The same code again: already checked in, said plainly.
    await page.getByRole("button", { name: "Fertig" }).click();
    await page.getByRole("button", { name: /^Ich habe einen Termin/ }).click();
    await heading(page, "Anmelden mit Ihrem Code").waitFor();
    await page.keyboard.type(booking.code);
    await page.keyboard.press("Enter");
    await heading(page, "Sie sind schon angemeldet").waitFor();
    await checkScreen(page);
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("explains an unknown code, another day and a cancelled appointment, each in its own words", async () => {
    const tomorrow = await book(tomorrowAt("10:00"), "Max Muster");
    const cancelled = await book(tomorrowAt("10:00"), "Mia Muster");
    const manage = decodeURIComponent(new URL(cancelled.manageUrl).hash.slice(1));
    expect((await fetch(`${app.baseURL}/api/bookings/manage/${encodeURIComponent(manage)}/cancel`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status).toBe(200);

    const { page, problems } = await tablet(open, PORTRAIT);
    await openKiosk(page);
    const checkIn = async (code: string) => {
      await page.getByRole("button", { name: /^Ich habe einen Termin/ }).click();
      await heading(page, "Anmelden mit Ihrem Code").waitFor();
      await tapCode(page, code);
      await page.getByRole("button", { name: "Anmelden" }).click();
    };

    await checkIn("AAAAAA");
    await heading(page, "Diesen Code kennen wir nicht").waitFor();
    await page.getByText("Bitte prüfen Sie den Code.", { exact: false }).waitFor();
    expect(await page.locator(".refused-code__code").textContent()).toBe("AAA AAA");
    await checkScreen(page);
    // "Noch einmal eingeben" brings the code back to correct it.
    await page.getByRole("button", { name: "Code noch einmal eingeben" }).click();
    await heading(page, "Anmelden mit Ihrem Code").waitFor();
    expect(await page.locator(".code-box").allTextContents()).toEqual(["A", "A", "A", "A", "A", "A"]);
    await page.getByRole("button", { name: "Zum Anfang" }).click();

    await checkIn(tomorrow.code);
    await heading(page, "Ihr Termin ist an einem anderen Tag").waitFor();
    await checkScreen(page);
    await page.getByRole("button", { name: "Zum Anfang" }).last().click();

    await checkIn(cancelled.code);
    await heading(page, "Dieser Termin ist abgesagt").waitFor();
    await checkScreen(page);
    await page.getByRole("button", { name: "Zum Anfang" }).last().click();

    // Too early and too late depend on the clock (the Worker's own tests hold it still); here the
    // answers are played to the tablet to show their words, and the late visitor's way to a number.
    for (const [code, words] of [
      ["checkin_too_early", "Sie sind zu früh da"],
      ["checkin_too_late", "Die Zeit für Ihren Termin ist vorbei"],
    ] as const) {
      await page.route("**/api/kiosk/checkin", (route) =>
        route.fulfill({ status: 409, contentType: "application/json", body: JSON.stringify({ error: { code, message: code } }) }),
      );
      await checkIn("CDEFGH");
      await heading(page, words).waitFor();
      await checkScreen(page);
      await page.unroute("**/api/kiosk/checkin");
      if (code === "checkin_too_early") await page.getByRole("button", { name: "Zum Anfang" }).last().click();
    }
    await page.getByRole("button", { name: "Nummer ohne Termin ziehen" }).click();
    await heading(page, "Worum geht es?").waitFor();
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("reads the check-in code from a QR code where the browser can, and stops the camera afterwards", async () => {
    const booking = await book(tomorrowAt("10:30"), "Quentin Code");
    // A camera (Chromium's fake one) and a BarcodeDetector that reads a web address first, then the code
    // once, then nothing (so the second visit to the camera screen below is left by hand, not by a scan).
    const camBrowser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
    });
    try {
      const context = await camBrowser.newContext({ viewport: LANDSCAPE, storageState: open.storageState });
      await context.addInitScript((code: string) => {
        const streams: MediaStream[] = [];
        (window as unknown as { __streams: MediaStream[] }).__streams = streams;
        const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
        navigator.mediaDevices.getUserMedia = async (constraints) => {
          const stream = await original(constraints);
          streams.push(stream);
          return stream;
        };
        let calls = 0;
        class FakeBarcodeDetector {
          static async getSupportedFormats() {
            return ["qr_code", "ean_13"];
          }
          async detect() {
            calls++;
            return calls === 3 ? [{ rawValue: "https://example.org/not-a-code" }] : calls === 4 ? [{ rawValue: ` ${code.toLowerCase()} ` }] : [];
          }
        }
        (window as unknown as { BarcodeDetector: unknown }).BarcodeDetector = FakeBarcodeDetector;
      }, booking.code);
      const page = await context.newPage();
      const problems = watchForProblems(page);
      await openKiosk(page);
      await page.getByRole("button", { name: /^Ich habe einen Termin/ }).click();
      await page.getByRole("button", { name: /QR-Code zeigen/ }).click();
      await heading(page, "QR-Code zeigen").waitFor();
      await page.waitForFunction(() => (window as unknown as { __streams: MediaStream[] }).__streams.length === 1);
      await checkScreen(page);
      // The code of tomorrow's appointment arrives as if typed.
      await heading(page, "Ihr Termin ist an einem anderen Tag").waitFor({ timeout: 15_000 });
      const live = await page.evaluate(() =>
        (window as unknown as { __streams: MediaStream[] }).__streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === "live").length,
      );
      expect(live).toBe(0);
      expect(unexpected(problems)).toEqual([]);

      // Leaving the camera screen by hand stops it as well.
      await page.getByRole("button", { name: "Zum Anfang" }).last().click();
      await page.getByRole("button", { name: /^Ich habe einen Termin/ }).click();
      await page.getByRole("button", { name: /QR-Code zeigen/ }).click();
      await page.waitForFunction(() => (window as unknown as { __streams: MediaStream[] }).__streams.length === 2);
      await page.getByRole("button", { name: "Code lieber eintippen" }).first().click();
      await heading(page, "Anmelden mit Ihrem Code").waitFor();
      await page.waitForFunction(() =>
        (window as unknown as { __streams: MediaStream[] }).__streams.every((s) => s.getTracks().every((t) => t.readyState === "ended")),
      );
    } finally {
      await camBrowser.close();
    }

    // Where the browser cannot read QR codes (no BarcodeDetector, or no camera), the option is not there;
    // typing always is (both cases stubbed in kiosk-tablet.test.ts).
    const { page } = await tablet(open);
    await openKiosk(page);
    await page.getByRole("button", { name: /^Ich habe einen Termin/ }).click();
    await heading(page, "Anmelden mit Ihrem Code").waitFor();
    const canScan = await page.evaluate(
      async () => "BarcodeDetector" in window && (await navigator.mediaDevices.enumerateDevices()).some((d) => d.kind === "videoinput"),
    );
    expect(await page.getByRole("button", { name: /QR-Code zeigen/ }).count()).toBe(canScan ? 1 : 0);
    await page.context().close();
  });

  it("when closed: says so and when it opens again, gives no numbers, and takes a request 'nach Vereinbarung'", async () => {
    const { page, problems } = await tablet(closed, PORTRAIT);
    await openKiosk(page);
    await heading(page, "Das Büro ist jetzt geschlossen.").waitFor();
    await page.getByText(/^(Wir sind wieder da: .+|Wann wir wieder da sind, steht noch nicht fest\.)$/).waitFor();
    expect(await page.getByRole("button", { name: /^Ohne Termin/ }).count()).toBe(0);
    await checkScreen(page);

    await page.getByRole("button", { name: /^Termin nach Vereinbarung/ }).click();
    await heading(page, "Termin nach Vereinbarung anfragen").waitFor();
    await checkScreen(page);
    await page.getByRole("button", { name: "Anfrage senden" }).click();
    await page.getByRole("group", { name: "Bitte prüfen Sie diese Angaben:" }).waitFor();
    await checkScreen(page);

    await page.locator("label", { hasText: "Einzelcoaching" }).click();
    await page.locator("label", { hasText: "Dienstag" }).click();
    await page.locator("label", { hasText: "Nachmittag" }).click();
    // A shared tablet offers nobody's earlier entries.
    for (const field of ["Vor- und Nachname", "E-Mail-Adresse", "Telefonnummer"]) {
      expect(await page.getByLabel(field).getAttribute("autocomplete")).toBe("off");
    }
    expect(await page.getByLabel("E-Mail-Adresse").getAttribute("inputmode")).toBe("email");
    expect(await page.getByLabel("Telefonnummer").getAttribute("inputmode")).toBe("tel");
    await page.getByLabel("Vor- und Nachname").fill("Jana Nowak");
    await page.getByLabel("E-Mail-Adresse").fill("jana@example.org");
    // The request's own retention rule, not the appointment's.
    expect(await page.locator("#r-consent-text").textContent()).toBe(
      "Wir nutzen Ihre Angaben nur für Ihre Anfrage. Die Anfrage bleibt gespeichert, bis das Büro antwortet. Sagt das Büro ab oder ziehen Sie die Anfrage zurück, löschen wir Ihre Angaben 30 Tage danach. Bekommen Sie einen Termin, löschen wir sie 30 Tage nach dem Termin.",
    );
    await page.getByText("Mehr zum Datenschutz").click();
    await page.getByRole("heading", { name: "Wie lange?" }).waitFor();
    await page.getByLabel(/Ich habe die Hinweise zum Datenschutz gelesen/).check();
    const answer = page.waitForResponse((r) => r.url().endsWith("/api/kiosk/requests"));
    await page.getByRole("button", { name: "Anfrage senden" }).click();
    const res = await answer;
    expect(res.status()).toBe(201);
    RequestCreated.parse(await res.json());
    expect(res.request().headers()["authorization"]).toBe(`Bearer ${closed.token}`);
    await heading(page, /Ihre Anfrage ist angekommen/).waitFor();
    await page.getByText("jana@example.org").waitFor();
    await checkScreen(page);
    await page.getByRole("button", { name: "Fertig" }).click();
    await heading(page, "Das Büro ist jetzt geschlossen.").waitFor();
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("when closed: books a time right here, made for touch, and the invite mail goes out as online", async () => {
    // The always-open office shown as closed (its hours are what makes free times to book), with its
    // next opening tomorrow at 9:00; the booking itself is real.
    const { page, problems } = await tablet(open);
    const tomorrowNine = tomorrowAt("09:00");
    await page.route("**/api/kiosk/state", async (route) => {
      const real = KioskState.parse(await (await route.fetch()).json());
      await route.fulfill({ json: { ...real, open: false, nextOpening: tomorrowNine } });
    });
    await openKiosk(page);
    await heading(page, "Das Büro ist jetzt geschlossen.").waitFor();
    await page.getByText("Wir sind wieder da: morgen, 9:00 Uhr").waitFor();
    await checkScreen(page);

    await page.getByRole("button", { name: /^Termin buchen/ }).click();
    await heading(page, "Worum geht es?").waitFor();
    await checkScreen(page);
    await page.getByRole("button", { name: /^Allgemeine Fragen/ }).click();
    await heading(page, "Welcher Tag passt Ihnen?").waitFor();
    await page.getByRole("status").getByText("Freie Zeiten für: Allgemeine Fragen (30 Minuten).").waitFor();
    await checkScreen(page);
    const dayButton = page.locator(".day-button").nth(1); // tomorrow: free whatever the hour
    const dayBox = (await dayButton.boundingBox())!;
    expect(dayBox.height).toBeGreaterThanOrEqual(64);
    await dayButton.click();
    await heading(page, "Welche Uhrzeit passt Ihnen?").waitFor();
    await checkScreen(page);
    const slot = page.locator("ul.slots time").nth(20);
    const start = (await slot.getAttribute("datetime"))!;
    await slot.click();
    await heading(page, "Ihre Kontaktdaten").waitFor();
    await page.getByRole("button", { name: "Weiter" }).click();
    await page.getByRole("group", { name: "Bitte prüfen Sie diese Angaben:" }).waitFor();
    await checkScreen(page);
    expect(await page.getByLabel("Vor- und Nachname").getAttribute("autocapitalize")).toBe("words");
    expect(await page.getByLabel("Vor- und Nachname").getAttribute("enterkeyhint")).toBe("next");
    await page.getByLabel("Vor- und Nachname").fill("Ayşe Yılmaz");
    await page.getByLabel("E-Mail-Adresse").fill("ayse@example.org");
    await page.getByLabel(/Ich habe die Hinweise zum Datenschutz gelesen/).check();
    await page.getByRole("button", { name: "Weiter" }).click();
    await heading(page, "Stimmt alles?").waitFor();
    await checkScreen(page);

    const answer = page.waitForResponse((r) => r.url().endsWith("/api/kiosk/bookings"));
    await page.getByRole("button", { name: "Termin verbindlich buchen" }).click();
    const res = await answer;
    const created = BookingCreated.parse(await res.json());
    expect(created.start).toBe(start);
    const sent = JSON.parse(res.request().postData()!) as Record<string, unknown>;
    expect(sent).toMatchObject({ start, topic: "fragen", name: "Ayşe Yılmaz", email: "ayse@example.org", locale: "de", consent: true });
    expect(sent).not.toHaveProperty("turnstileToken");
    expect(res.request().headers()["idempotency-key"]).toBeTruthy();

    await heading(page, /Ihr Termin ist gebucht/).waitFor();
    expect((await page.locator(".ticket__code [aria-hidden]").textContent())!.trim()).toBe(created.code);
    await page.getByText("ayse@example.org").waitFor();
    await checkScreen(page);

    // The booking is there, confirmed, for its holder's link (the link went out by mail).
    const manage = decodeURIComponent(new URL(created.manageUrl).hash.slice(1));
    const held = await (await fetch(`${app.baseURL}/api/bookings/manage/${encodeURIComponent(manage)}`)).json();
    expect(held).toMatchObject({ status: "confirmed", start, name: "Ayşe Yılmaz", office: { name: "Testbüro immer offen" } });
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });

  it("starts again after a minute without a touch, asks first, and forgets what was typed and the language", async () => {
    const context = await browser.newContext({ viewport: PORTRAIT, storageState: open.storageState });
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.clock.install();
    await openKiosk(page);
    await heading(page, "Willkommen!").waitFor();
    await page.getByRole("button", { name: /^Ich habe einen Termin/ }).click();
    await tapCode(page, "DJR");
    // Off the start screen the languages are in the bar's menu.
    await page.locator(".kiosk-bar .lang-switch").click();
    await page.getByRole("button", { name: "English", exact: true }).click();
    await heading(page, "Check in with your code").waitFor();

    // 40 seconds: "Are you still there?"; a tap keeps everything.
    await page.clock.fastForward(41_000);
    const dialog = page.getByRole("dialog", { name: "Are you still there?" });
    await dialog.waitFor();
    await checkScreen(page);
    await dialog.getByRole("button", { name: "Yes, I am still here" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await page.locator(".code-box").allTextContents()).toEqual(["D", "J", "R", "", "", ""]);

    // A full minute without a touch: the start, in German, with nothing left of the visitor.
    await page.clock.fastForward(41_000);
    await dialog.waitFor();
    await page.clock.fastForward(20_000);
    await heading(page, "Willkommen!").waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("de");
    // The question goes with the reset (closed right after the start screen renders).
    await page.getByRole("dialog").waitFor({ state: "hidden", timeout: 5_000 });
    await page.getByRole("button", { name: /^Ich habe einen Termin/ }).click();
    expect(await page.locator(".code-box").allTextContents()).toEqual(["", "", "", "", "", ""]);

    // A number on screen goes as well (the next visitor must not see it).
    await page.getByRole("button", { name: "Zurück" }).click();
    await page.getByRole("button", { name: /^Ohne Termin/ }).click();
    await page.getByRole("button", { name: "Allgemeine Fragen" }).click();
    await heading(page, /^Ihre Nummer/).waitFor();
    await page.clock.fastForward(61_000);
    await heading(page, "Willkommen!").waitFor();
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it("is an installable full-screen web app that keeps the screen on, and mirrors for right-to-left scripts", async () => {
    const context = await browser.newContext({ viewport: LANDSCAPE, storageState: open.storageState });
    // Records the page's wake lock requests (headless Chromium may refuse them, which the kiosk survives).
    await context.addInitScript(() => {
      const calls: string[] = [];
      (window as unknown as { __wakeLocks: string[] }).__wakeLocks = calls;
      const lock = navigator.wakeLock;
      const request = lock ? lock.request.bind(lock) : () => Promise.reject(new Error("no wake lock"));
      Object.defineProperty(navigator, "wakeLock", {
        value: { request: (type: WakeLockType) => (calls.push(type), request(type)) },
        configurable: true,
      });
    });
    const { page, problems } = await tablet(open, LANDSCAPE, context);
    await openKiosk(page);
    expect(await page.evaluate(() => (window as unknown as { __wakeLocks: string[] }).__wakeLocks)).toEqual(["screen"]);
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    const res = await fetch(new URL(href!, app.baseURL));
    expect(res.status).toBe(200);
    const manifest = (await res.json()) as { display: string; start_url: string; scope: string; icons: { src: string; type: string; sizes: string }[]; name: string };
    expect(manifest).toMatchObject({ display: "fullscreen", start_url: "/kiosk", scope: "/kiosk" });
    expect(manifest.icons.length).toBeGreaterThan(0);
    for (const icon of manifest.icons) {
      expect(icon).toMatchObject({ type: "image/svg+xml", sizes: "any" });
      expect(icon.src.startsWith("/")).toBe(true); // same origin
      const img = await fetch(new URL(icon.src, app.baseURL));
      expect(img.status).toBe(200);
      expect(img.headers.get("content-type")).toContain("image/svg+xml");
    }

    // A right-to-left language chosen at the start: the same layout, mirrored (logical properties), nothing
    // wider than the screen. (Chosen, not set by hand: the page sets dir itself whenever it renders anew.)
    await heading(page, "Willkommen!").waitFor();
    await page.locator(".start-languages__list").getByRole("button", { name: "العربية", exact: true }).click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    await page.getByRole("button", { name: /^بدون موعد/ }).click();
    await heading(page, "ما الموضوع؟").waitFor();
    const back = (await page.getByRole("button", { name: "رجوع" }).boundingBox())!;
    expect(back.x + back.width).toBeGreaterThan(LANDSCAPE.width / 2);
    expect(await sidewaysOverflow(page)).toBe(0);
    expect(unexpected(problems)).toEqual([]);
    await page.context().close();
  });
});
