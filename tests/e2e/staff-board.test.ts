import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KioskState, Paired, TicketView } from "../../schemas/kiosk";
import { SlotsResponse } from "../../schemas/slots";
import { addDays, localDate, toOffsetIso } from "../../common/time";
import { startApp, type TestApp } from "./support/app";
import { expectNoAxeViolations, launchChromium, sidewaysOverflow, watchForProblems } from "./support/browser";
import { staffSession, unexpected, type Session } from "./support/staff";

/*
 * The staff board at /staff in Chromium, desktop first: a staff member of the always-open test office
 * signs in with a one-time link, chooses "Raum 1", and calls the next person after a walk-in number was
 * taken through the kiosk API; the number shows in "Mein Raum", the live region says it was called,
 * and "Gespräch beginnen" and "Fertig" take it through. axe-core checks the board and its dialogs.
 */

const DESKTOP = { width: 1280, height: 800 };

let app: TestApp;
let browser: Browser;
let device: string;
let topic: string;
let session: Session;

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

  // Signed in once with a one-time link; every test starts from that session.
  session = await staffSession(browser, app, app.staffLinks.staff[0]!, DESKTOP);
});
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

/** A page of the board, signed in as the staff member of the always-open office. */
async function openBoard(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport, storageState: session });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(`${app.baseURL}/staff`);
  await page.getByRole("heading", { level: 1, name: /^Heute/ }).waitFor();
  return { context, page, problems };
}

/**
 * The label in "Mein Raum", or null when nobody is called there. Read in one step in the page: counting
 * first and reading after would wait without end for a label that went in between (the poll then never
 * returns and times out although the card is right).
 */
function labelInMyRoom(page: Page): Promise<string | null> {
  return page.locator(".my-room").evaluate((card) => card.querySelector(".my-room__label")?.textContent?.trim() ?? null);
}

/** The first day after today with free times at the always-open office (a public holiday has none). */
async function dayWithFreeTimes(page: Page): Promise<string> {
  const today = localDate(new Date(), app.openZone);
  const res = await page.request.get(`${app.baseURL}/api/staff/e2e-open/slots?from=${addDays(today, 1)}&to=${addDays(today, 14)}`);
  expect(res.status()).toBe(200);
  return SlotsResponse.parse(await res.json()).days.find((d) => d.slots.length > 0)!.date;
}

/** A free time later today at the always-open office (about noon there: see support/offices.ts). */
const nextHalfHour = () => new Date(Math.ceil((Date.now() + 60_000) / 1_800_000) * 1_800_000);

describe("the staff board", () => {
  it("calls the next person into Raum 1, starts and finishes the conversation", async () => {
    const { context, page, problems } = await openBoard(DESKTOP);
    await expect.poll(() => page.getByText("E2E Mitarbeiterin").count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    // The first number of the day at this file's own office: the only one waiting.
    const mine = await takeNumber();
    expect(mine.label).toBe("W 1");
    await page.getByRole("combobox", { name: "Mein Raum" }).selectOption({ label: "Raum 1" });
    await expect.poll(() => page.getByRole("heading", { level: 2, name: "Mein Raum: Raum 1" }).count()).toBe(1);
    // The number shows in the queue by itself (live update or the 5 s poll).
    const row = page.locator(".queue__row", { hasText: mine.label });
    await row.waitFor({ timeout: 15_000 });
    // Its wait until the call, in the words of the status page's range (nobody ahead: a few minutes at most).
    expect(await row.locator(".call-in").textContent()).toMatch(/^Aufruf (gleich|in bis zu \d+ Min\.|in etwa \d+–\d+ Min\.)$/);
    await expectNoAxeViolations(page);
    const callNext = page.getByRole("button", { name: /Nächste Person aufrufen/ });
    await expect.poll(() => callNext.getAttribute("aria-disabled")).toBeNull();

    await callNext.click();
    await expect.poll(() => labelInMyRoom(page), { timeout: 10_000 }).toBe(mine.label);
    await expect.poll(() => page.locator(".announcer").textContent()).toContain(`${mine.label} wurde in Raum 1 aufgerufen.`);
    const card = page.locator(".my-room");
    expect(await card.textContent()).toContain("Aufgerufen");
    // One call only: "Nicht erschienen" is not offered yet, and the card says when it will be.
    expect(await card.getByRole("button", { name: "Nicht erschienen" }).count()).toBe(0);
    await page.getByRole("button", { name: "Nochmal aufrufen" }).click();
    await card.getByRole("button", { name: "Nicht erschienen" }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Gespräch beginnen" }).click();
    // Wait for the answer (the button goes): a click on "Fertig" while the start is on its way is not taken.
    await card.getByRole("button", { name: "Gespräch beginnen" }).waitFor({ state: "detached" });
    expect(await card.textContent()).toContain("Im Gespräch");
    // The live news can bring the new state before the start's own answer: until that answer the card's
    // buttons say they are busy (aria-disabled) and take no click. Wait for it, as a person would see it.
    const finish = page.getByRole("button", { name: "Fertig" });
    await expect.poll(() => finish.getAttribute("aria-disabled"), { timeout: 10_000 }).toBeNull();
    await finish.click();
    await expect.poll(() => labelInMyRoom(page), { timeout: 10_000 }).toBeNull();
    expect(await card.textContent()).toContain("Gerade ist niemand aufgerufen.");
    // The room is remembered on this PC.
    await page.reload();
    await page.getByRole("heading", { level: 2, name: "Mein Raum: Raum 1" }).waitFor();

    expect(await sidewaysOverflow(page)).toBe(0);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it("adds a walk-in at the desk, shows the number, and passes axe with the dialogs open", async () => {
    // At 1024 px wide, the smallest width the board is made for.
    const { context: ctx, page: p, problems } = await openBoard({ width: 1024, height: 768 });
    await p.getByRole("button", { name: "Person ohne Termin eintragen" }).click();
    const dialog = p.getByRole("dialog", { name: "Person ohne Termin eintragen" });
    await dialog.waitFor();
    await expectNoAxeViolations(p);
    // Sending without a topic names the missing field.
    await dialog.getByRole("button", { name: "Nummer ausgeben" }).click();
    await dialog.getByText("Bitte wählen Sie ein Thema.", { exact: false }).first().waitFor();
    await dialog.getByLabel("Thema").selectOption({ index: 1 });
    await dialog.getByRole("button", { name: "Nummer ausgeben" }).click();
    await dialog.getByText("Bitte sagen Sie der Person ihre Nummer:").waitFor();
    const label = (await dialog.locator(".issued-number").textContent())!.trim();
    expect(label).toMatch(/^[A-Z] \d+$/);
    await dialog.getByRole("button", { name: "Schließen" }).first().click();
    await p.locator(".queue__row", { hasText: label }).waitFor();

    await p.getByRole("button", { name: "Termin am Telefon eintragen" }).click();
    const phone = p.getByRole("dialog", { name: "Termin am Telefon eintragen" });
    await phone.waitFor();
    await expectNoAxeViolations(p);
    await p.keyboard.press("Escape");
    await phone.waitFor({ state: "detached" });
    // The focus is back on the button that opened the dialog.
    expect(await p.evaluate(() => document.activeElement?.textContent)).toContain("Termin am Telefon eintragen");

    // A caller on the phone: topic, the next day with free times, the last free time, a name.
    await p.getByRole("button", { name: "Termin am Telefon eintragen" }).click();
    await phone.getByLabel("Thema").selectOption({ index: 1 });
    await phone.getByLabel("Tag").fill(await dayWithFreeTimes(p));
    const slot = phone.getByLabel("Freie Zeit");
    await expect.poll(() => slot.locator("option").count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await slot.selectOption({ index: (await slot.locator("option").count()) - 1 });
    await phone.getByLabel("Vor- und Nachname").fill("Paula Telefon");
    await phone.getByLabel("Telefonnummer").fill("0831 123456");
    // The person's language: any of the residents' six, named in itself.
    await phone.getByLabel("Sprache der Person").selectOption("Türkçe");
    await phone.getByRole("button", { name: "Termin eintragen" }).click();
    await phone.getByText(/Eingetragen: Paula Telefon/).waitFor();
    await expectNoAxeViolations(p);
    await phone.getByRole("button", { name: "Schließen" }).first().click();
    await phone.waitFor({ state: "detached" });

    // English alongside, remembered on this PC (a reload starts in English), and back.
    await p.getByRole("button", { name: "English" }).click();
    await p.getByRole("heading", { level: 1, name: /^Today/ }).waitFor();
    expect(await p.evaluate(() => document.documentElement.lang)).toBe("en");
    await p.reload();
    await p.getByRole("heading", { level: 1, name: /^Today/ }).waitFor();
    await p.getByRole("button", { name: "Deutsch" }).click();
    await p.getByRole("heading", { level: 1, name: /^Heute/ }).waitFor();
    expect(await p.evaluate(() => document.documentElement.lang)).toBe("de");
    expect(await sidewaysOverflow(p)).toBe(0);
    expect(unexpected(problems)).toEqual([]);
    await ctx.close();
  });

  it("answers a request: declining needs a message, a proposal at any time waits for the resident's answer", async () => {
    const res = await fetch(`${app.baseURL}/api/kiosk/requests`, {
      method: "POST",
      headers: { authorization: `Bearer ${device}`, "content-type": "application/json" },
      body: JSON.stringify({ topic, name: "Rosa Request", email: "rosa@example.org", preferredWeekdays: [2, 4], preferredTimes: ["evening"], wish: "Erst ab 18 Uhr.", consent: true }),
    });
    expect(res.status).toBe(201);
    const { context: ctx, page, problems } = await openBoard({ width: 1920, height: 1080 });
    const request = page.locator(".request", { hasText: "Rosa Request" });
    await request.waitFor();
    expect(await request.textContent()).toContain("Erst ab 18 Uhr.");

    await request.getByRole("button", { name: /^Absagen/ }).click();
    const decline = page.getByRole("dialog", { name: "Anfrage absagen" });
    await decline.getByRole("button", { name: "Anfrage absagen und senden" }).click();
    await decline.getByText("Bitte schreiben Sie eine Nachricht.").first().waitFor();
    await expectNoAxeViolations(page);
    await decline.getByRole("button", { name: "Zurück" }).click();
    await decline.waitFor({ state: "detached" });

    // Proposing times and the resident's answer: tests/e2e/proposals.test.ts.
    await request.getByRole("button", { name: /^Termine vorschlagen/ }).click();
    const propose = page.getByRole("dialog", { name: "Termine vorschlagen" });
    await propose.waitFor();
    // Outside any opening hours of a normal office: 19:30, a month ahead.
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const first = propose.getByRole("group", { name: "1. Zeit" });
    await first.getByLabel("Datum").fill(day);
    await first.getByLabel("Uhrzeit").fill("19:30");
    await propose.getByRole("button", { name: "Vorschläge senden" }).click();
    await propose.waitFor({ state: "detached" });
    await expect.poll(() => page.locator(".announcer").textContent()).toContain("Rosa Request bekommt einen Terminvorschlag.");
    // The request stays on the list, waiting for the answer; it offers no second round meanwhile.
    await expect.poll(() => request.textContent()).toContain("Wartet auf Antwort");
    expect(await request.getByRole("button", { name: /^Termine vorschlagen/ }).count()).toBe(0);
    expect(unexpected(problems)).toEqual([]);
    await ctx.close();
  });

  it("cancels today's appointment with a message, after a confirm dialog", async () => {
    const start = toOffsetIso(nextHalfHour(), app.openZone);
    const res = await fetch(`${app.baseURL}/api/kiosk/bookings`, {
      method: "POST",
      headers: { authorization: `Bearer ${device}`, "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
      body: JSON.stringify({ start, topic, name: "Clara Cancel", email: "clara@example.org", locale: "de", consent: true }),
    });
    expect(res.status).toBe(201);
    const { context: ctx, page, problems } = await openBoard(DESKTOP);
    const row = page.locator(".appt", { hasText: "Clara Cancel" });
    await row.waitFor();
    expect(await row.textContent()).toContain("Gebucht");

    await row.getByRole("button", { name: /^Absagen/ }).click();
    const dialog = page.getByRole("dialog", { name: "Termin absagen" });
    await dialog.waitFor();
    await expectNoAxeViolations(page);
    await dialog.getByLabel(/Nachricht an die Person/).fill("Die Beraterin ist krank. Bitte buchen Sie neu.");
    // Who called it off is asked, nothing preselected: without an answer the dialog names the field.
    await dialog.getByRole("button", { name: "Ja, Termin absagen" }).click();
    const who = dialog.getByRole("group", { name: "Wer sagt ab?" });
    await expect.poll(() => who.textContent()).toContain("Bitte wählen Sie, wer absagt.");
    await expectNoAxeViolations(page);
    await who.getByLabel("Das Büro sagt den Termin ab").check();
    await dialog.getByRole("button", { name: "Ja, Termin absagen" }).click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => row.textContent()).toContain("Abgesagt");
    await expect.poll(() => page.locator(".announcer").textContent()).toContain("Der Termin von Clara Cancel ist abgesagt.");
    // A cancelled appointment offers nothing more.
    expect(await row.getByRole("button").count()).toBe(0);
    await expectNoAxeViolations(page);
    expect(unexpected(problems)).toEqual([]);
    await ctx.close();
  });
});
