import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveIsolated, type IsolatedApp } from "../../scripts/serve-isolated";
import { BookingCreated } from "../../schemas/bookings";
import { Paired, TicketView } from "../../schemas/kiosk";
import { SlotsResponse } from "../../schemas/slots";
import { LOCALE_STORAGE_KEY } from "../../common/limits";
import { expectNoAxeViolations, launchChromium, watchForProblems } from "./support/browser";
import { e2eOffices, type KioskCodes } from "./support/offices";

/*
 * A booking and a queue number at an office other than the deployment's default (the tablet at
 * "Immer offen" books there; the booking page `/` books for Kempten-Ost only). Their pages offer a new
 * appointment by the office's phone and e-mail, never a link that would book at the default office; the
 * manage page speaks the booking's language when the device has no saved choice.
 */

let app: IsolatedApp;
let browser: Browser;
let codes: KioskCodes;

beforeAll(async () => {
  const offices = e2eOffices();
  codes = offices.codes;
  app = await serveIsolated({ extraSeed: `${offices.sql}\nUPDATE locations SET email = 'buero-e2e@example.org' WHERE slug = 'e2e-open';\n` });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

async function pair(code: string): Promise<string> {
  const res = await fetch(`${app.baseURL}/api/devices/pair`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });
  expect(res.status).toBe(201);
  return Paired.parse(await res.json()).token;
}

/** A booking in English at "Immer offen", made by its tablet (paired with `code`) and cancelled through its link: its manage token. */
async function cancelledBookingElsewhere(code: string): Promise<string> {
  // The booking page's routes know a tablet by its cookie (auth/device.ts deviceOffice).
  const headers = { cookie: `__Host-sprechstunde-kiosk=${await pair(code)}` };
  const today = new Date().toISOString().slice(0, 10);
  const later = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
  const slots = SlotsResponse.parse(await (await fetch(`${app.baseURL}/api/slots?from=${today}&to=${later}&topic=fragen`, { headers })).json());
  const start = slots.days.flatMap((d) => d.slots)[3]!.start;
  const res = await fetch(`${app.baseURL}/api/bookings`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json", origin: app.baseURL },
    body: JSON.stringify({ start, topic: "fragen", name: "Zora Andersbuero", email: "zora@example.org", locale: "en", consent: true }),
  });
  expect(res.status).toBe(201);
  const token = new URL(BookingCreated.parse(await res.json()).manageUrl).hash.slice(1);
  const cancel = await fetch(`${app.baseURL}/api/bookings/manage/${token}/cancel`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.baseURL },
    body: "{}",
  });
  expect(cancel.status).toBe(200);
  return token;
}

describe("a booking at another office", () => {
  it("the manage page speaks the booking's English, links the legal pages in English, and offers phone and e-mail instead of the booking page; also after erasing", async () => {
    const token = await cancelledBookingElsewhere(codes.spareOpen[0]!);
    const page = await browser.newPage(); // a fresh device: nothing saved, German by default
    const problems = watchForProblems(page);
    await page.goto(`${app.baseURL}/manage#${token}`);
    await page.getByRole("heading", { level: 1, name: "Your appointment" }).waitFor();
    expect(await page.locator("footer address").textContent()).toContain("Immer offen");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    // Following the booking is not the device's choice: nothing is stored.
    expect(await page.evaluate((key) => localStorage.getItem(key), LOCALE_STORAGE_KEY)).toBeNull();
    const legal = page.getByRole("navigation", { name: "Legal" });
    const hrefs = await legal.getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toHaveLength(3);
    for (const href of hrefs) expect(href).toMatch(/[?&]lang=en(&|$)/);

    expect(await page.getByRole("link", { name: "Book a new appointment" }).count()).toBe(0);
    expect(await page.locator('a[href="/"], a[href^="/?"]').count()).toBe(0);
    const offer = page.locator(".new-booking");
    expect(await offer.textContent()).toBe("Would you like a new appointment? Call us: 0172 / 2315911 Or write to us: buero-e2e@example.org");
    expect(await offer.getByRole("link", { name: "buero-e2e@example.org" }).getAttribute("href")).toBe("mailto:buero-e2e@example.org");
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Delete my data now" }).click();
    await page.getByRole("button", { name: /^Yes/ }).click();
    await page.locator(".new-booking").waitFor();
    expect(await page.locator('a[href="/"], a[href^="/?"]').count()).toBe(0);
    expect(await page.locator(".new-booking").textContent()).toContain("Call us: 0172 / 2315911");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("a device's saved language wins over the booking's", async () => {
    const token = await cancelledBookingElsewhere(codes.spareOpen[1]!);
    const page = await browser.newPage();
    await page.addInitScript((key) => localStorage.setItem(key, "de"), LOCALE_STORAGE_KEY);
    await page.goto(`${app.baseURL}/manage#${token}`);
    await page.getByRole("heading", { level: 1, name: "Ihr Termin" }).waitFor();
    await page.locator(".new-booking").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    expect(await page.locator(".new-booking").textContent()).toBe("Sie möchten einen neuen Termin? Rufen Sie uns an: 0172 / 2315911 Oder schreiben Sie uns: buero-e2e@example.org");
    await page.close();
  });
});

describe("a queue number at another office", () => {
  it("its status page, once the number is over, offers phone and e-mail, not the booking page", async () => {
    const res = await fetch(`${app.baseURL}/api/kiosk/tickets`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await pair(codes.spareOpen[2]!)}`, origin: app.baseURL },
      body: JSON.stringify({ topic: "fragen" }),
    });
    expect(res.status).toBe(201);
    const ticket = TicketView.parse(await res.json());
    const page = await browser.newPage();
    // Nothing in this file finishes numbers: the page's own status answer says "done" (rules: tests/kiosk/status-view.test.ts).
    await page.route("**/api/status/**", async (route) => {
      const real = await route.fetch();
      await route.fulfill({ response: real, json: { ...TicketView.parse(await real.json()), status: "done" } });
    });
    await page.goto(ticket.statusUrl);
    await page.locator(".new-booking").waitFor();
    expect(await page.getByRole("link", { name: "Einen Termin buchen" }).count()).toBe(0);
    expect(await page.locator('a[href="/"], a[href^="/?"]').count()).toBe(0);
    expect(await page.locator(".new-booking").textContent()).toContain("Rufen Sie uns an: 0172 / 2315911");
    await expectNoAxeViolations(page);
    await page.close();
  });
});
