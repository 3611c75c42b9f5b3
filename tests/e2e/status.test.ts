import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BookingCreated } from "../../schemas/bookings";
import { KioskState, Paired, TicketView } from "../../schemas/kiosk";
import { SlotsResponse } from "../../schemas/slots";
import { qrMatrix, qrPath } from "../../kiosk/shared/qr";
import { startApp, type TestApp } from "./support/app";
import { expectNoAxeViolations, launchChromium, sidewaysOverflow, watchForProblems } from "./support/browser";

/*
 * The visitor's status page (`/status#<token>`) in Chromium, with numbers taken from Node at the tests'
 * always-open office through the kiosk API, and the check-in QR code on the manage page. The "called"
 * screen is shown by answering the page's own status request with status "called" (there is no staff
 * API to call a number yet); its rules are proven in tests/kiosk/status-view.test.ts.
 */

let app: TestApp;
let browser: Browser;
let device: string;
let topic: string;

async function api<T>(path: string, parse: { parse(v: unknown): T }, init: RequestInit = {}, status = 200): Promise<T> {
  const res = await fetch(app.baseURL + path, init);
  const body: unknown = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return parse.parse(body);
}

/** A walk-in number at the always-open office, as the tablet would take it. */
function takeNumber(): Promise<TicketView> {
  return api(
    "/api/kiosk/tickets",
    TicketView,
    {
      method: "POST",
      headers: { authorization: `Bearer ${device}`, "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
      body: JSON.stringify({ topic }),
    },
    201,
  );
}

const tokenOf = (t: TicketView) => new URL(t.statusUrl).hash.slice(1);

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  const paired = await api(
    "/api/devices/pair",
    Paired,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: app.codes.open }) },
    201,
  );
  device = paired.token;
  const state = await api("/api/kiosk/state", KioskState, { headers: { authorization: `Bearer ${device}` } });
  expect(state.open).toBe(true);
  topic = state.walkInTopics[0]!.key;
});
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

async function openStatus(url: string, width = 320, height = 640): Promise<{ page: Page; problems: string[] }> {
  // A German browser: a page without a number (unknown link) speaks the browser's language.
  const page = await browser.newPage({ viewport: { width, height }, locale: "de-DE" });
  const problems = watchForProblems(page);
  await page.goto(url);
  return { page, problems };
}

describe("status page", () => {
  it("shows the number, the people ahead and the wait in words on a 320 px phone, accessible", async () => {
    const first = await takeNumber();
    const mine = await takeNumber();
    expect(mine.statusUrl).toMatch(new RegExp(`^${app.baseURL}/status#[A-Za-z0-9_-]{20,}$`));
    // The first numbers of the day at this file's own office.
    expect([first.ahead, mine.ahead]).toEqual([0, 1]);
    // What the API says now (nothing calls numbers while this test runs, so it stays).
    const now = await api(`/api/status/${tokenOf(mine)}`, TicketView);

    const { page, problems } = await openStatus(mine.statusUrl);
    await page.locator(".number").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Ihre Nummer");
    expect(await page.locator(".number").textContent()).toBe(now.label);
    const status = page.locator(".status-region");
    expect(await status.getAttribute("role")).toBe("status");
    expect(await status.locator(".status-line").textContent()).toBe(
      now.ahead === 1 ? "Vor Ihnen ist noch 1 Person." : `Vor Ihnen sind noch ${now.ahead} Personen.`,
    );
    expect(await status.locator(".wait").textContent()).toMatch(/^Wartezeit: (etwa \d+ bis \d+ Minuten|bis zu \d+ Minuten|etwa .* Stunden?)\.?$/);
    expect(await page.title()).toMatch(new RegExp(`^${now.label} – Ihre Nummer`));
    expect(await sidewaysOverflow(page)).toBe(0);
    await expectNoAxeViolations(page);

    // The language menu: its button, then the language named in itself.
    await page.getByRole("button", { name: "Sprache: Deutsch" }).click();
    await page.getByRole("button", { name: "English", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Your number" }).waitFor();
    expect(await status.locator(".wait").textContent()).toMatch(/^Waiting time: (about|up to) /);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("asks the API again by itself, and keeps the number on screen while the network is gone", async () => {
    const mine = await takeNumber();
    const { page, problems } = await openStatus(mine.statusUrl, 390, 844);
    await page.locator(".number").waitFor();
    const asked: number[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/status/")) asked.push(Date.now());
    });

    // The network goes: the live socket drops with it, and the page falls back to asking by itself.
    await page.context().setOffline(true);
    await page.getByText("Keine Verbindung – wir versuchen es weiter.").waitFor({ timeout: 15_000 });
    expect(await page.locator(".number").textContent()).toBe(mine.label);
    expect(await page.locator(".connection-region").getAttribute("role")).toBe("status");
    expect(await page.locator(".connection-region").textContent()).toMatch(/Stand: \d\d:\d\d Uhr\./);
    await expectNoAxeViolations(page);

    await page.context().setOffline(false);
    await page.locator(".connection-region .alert").waitFor({ state: "detached", timeout: 20_000 });
    expect(await page.locator(".number").textContent()).toBe(mine.label);
    expect(asked.length).toBeGreaterThanOrEqual(2);
    // Only what the missing network broke may have failed.
    expect(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|WebSocket connection/.test(p))).toEqual([]);
    await page.close();
  });

  it("announces the call: 'Sie sind dran – Raum 2' in an alert, and in the title", async () => {
    const mine = await takeNumber();
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const problems = watchForProblems(page);
    let called = false;
    await page.route("**/api/status/**", async (route) => {
      const real = await route.fetch();
      const body = TicketView.parse(await real.json());
      await route.fulfill({
        response: real,
        json: called ? { ...body, status: "called", room: "Raum 2", ahead: 0, estimate: { low: 0, high: 0 } } : body,
      });
    });
    await page.goto(mine.statusUrl);
    await page.locator(".number").waitFor();
    expect(await page.getByRole("alert").textContent()).toBe("");

    called = true;
    // Any change in the queue (here another number) makes the page ask again at once through its live
    // socket; the answer it then gets says "called" (faked above: nothing calls numbers in this file).
    await takeNumber();
    await page.getByRole("alert").getByText("Sie sind dran – Raum 2").waitFor({ timeout: 10_000 });
    expect(await page.getByRole("alert").textContent()).toBe("Sie sind dran – Raum 2Bitte kommen Sie jetzt zu uns.");
    expect(await page.locator(".number").textContent()).toBe(mine.label);
    expect(await page.title()).toMatch(new RegExp(`^Sie sind dran – Raum 2: ${mine.label}`));
    expect(await sidewaysOverflow(page)).toBe(0);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each([
    ["an unknown token", "/status#unknown_token_abcdefghijklmnop"],
    ["no token at all", "/status"],
  ])("says plainly when the link leads nowhere (%s)", async (_, path) => {
    const { page, problems } = await openStatus(app.baseURL + path);
    await page.getByText("Diese Nummer finden wir nicht.", { exact: false }).waitFor();
    await expect(page.getByRole("link", { name: "0172 / 2315911" }).first().isVisible()).resolves.toBe(true);
    expect(await page.locator(".number").count()).toBe(0);
    await expectNoAxeViolations(page);
    // The 404 of an unknown token is the answer the page expects, not a problem.
    expect(problems.filter((p) => !p.includes("404"))).toEqual([]);
    await page.close();
  });
});

describe("manage page: the check-in QR code", () => {
  it("shows the code as an SVG QR code that encodes exactly the bare check-in code", async () => {
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
    const to = new Date(Date.parse(`${today}T12:00:00Z`) + 55 * 86_400_000).toISOString().slice(0, 10);
    const slots = await api(`/api/slots?from=${today}&to=${to}&topic=fragen`, SlotsResponse);
    const slot = slots.days.flatMap((d) => d.slots)[0]!;
    const booked = await api(
      "/api/bookings",
      BookingCreated,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ start: slot.start, topic: "fragen", name: "Ada Status", email: `qr-${Date.now()}@example.org`, consent: true }),
      },
      201,
    );

    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const problems = watchForProblems(page);
    await page.goto(booked.manageUrl);
    const qr = page.getByRole("img", { name: `QR-Code für die Anmeldung mit dem Code ${booked.code.split("").join(" ")}` });
    // The square is there at once; the code is drawn once the encoder's chunk has come.
    await qr.locator("path").waitFor();
    const expected = qrPath(qrMatrix(booked.code));
    expect(await qr.getAttribute("viewBox")).toBe(`0 0 ${expected.size} ${expected.size}`);
    expect(await qr.locator("path").getAttribute("d")).toBe(expected.d);
    expect(await page.getByText("Zeigen Sie diesen Code am Tablet im Eingang.", { exact: false }).isVisible()).toBe(true);
    const box = (await qr.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(150);
    expect(box.width).toBeLessThanOrEqual(320);
    expect(await sidewaysOverflow(page)).toBe(0);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await page.close();
  });
});
