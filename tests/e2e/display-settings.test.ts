import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DisplayState } from "../../schemas/display";
import { KioskState, Paired, TicketView } from "../../schemas/kiosk";
import { Board } from "../../schemas/staff-board";
import { newPairingCode, pairingSql } from "../../scripts/pairing";
import { serveIsolated } from "../../scripts/serve-isolated";
import { e2eOffices } from "./support/offices";
import { chromiumPath, expectNoAxeViolations, launchChromium, watchForProblems } from "./support/browser";

/*
 * The call display once it hangs in the waiting room (issue 13): a call put back in the queue leaves
 * "Jetzt bitte" live; closed, it says when it opens again; nothing to operate on the screen (sound and
 * speech are the device's settings, switched from the board's "Verwaltung → Geräte", and the display
 * follows live); when the browser blocks audio (Chromium's default policy, no gesture yet) a small hint
 * for staff, gone after one tap anywhere; with Chromium's autoplay flag (README) no hint at all.
 */

/** An office of this file's own: never open by rule, one Sondertermin three days ahead, a display. */
const CLOSED = "e2e-display-closed";
const BERLIN = "Europe/Berlin";

let app: Awaited<ReturnType<typeof serveIsolated>>;
let offices: ReturnType<typeof e2eOffices>;
let browser: Browser;
let kiosk: string;
let staffCookie: string;
let topic: string;
let adminLink = 0;
/** Displays of this file's own: A, B, C at the always-open office, and one at the closed office. */
const codes = { a: newPairingCode(), b: newPairingCode(), c: newPairingCode(), d: newPairingCode(), closed: newPairingCode() };
/** The Sondertermin's day at the closed office: three days after today in Berlin (a weekday name, not "morgen"). */
const extraDay = (() => {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: BERLIN }).format(new Date());
  return new Date(Date.parse(`${today}T12:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
})();

async function api<T>(path: string, parse: { parse(v: unknown): T }, init: RequestInit = {}, status = 200): Promise<T> {
  const res = await fetch(app.baseURL + path, init);
  const body: unknown = await res.json();
  expect(res.status, `${path}: ${JSON.stringify(body)}`).toBe(status);
  return parse.parse(body);
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

function takeNumber(): Promise<TicketView> {
  return api("/api/kiosk/tickets", TicketView, json({ topic }, { authorization: `Bearer ${kiosk}`, "idempotency-key": crypto.randomUUID() }), 201);
}

async function board(): Promise<Board> {
  return api("/api/staff/e2e-open/board", Board, { headers: { cookie: staffCookie } });
}

async function staffAction(path: string, body: unknown = {}): Promise<void> {
  const res = await fetch(`${app.baseURL}/api/staff/e2e-open${path}`, json(body, { cookie: staffCookie }));
  expect(res.status, await res.text()).toBe(200);
}

/** Staff call this number into a room, as the board's "Aufrufen" does (a number still called there is taken in first). */
async function callNumber(label: string, roomName: string): Promise<string> {
  const b = await board();
  const ticket = b.walkIns.find((t) => t.label === label && t.status === "waiting")!;
  const room = b.rooms.find((r) => r.name === roomName)!;
  if (room.current?.status === "called") await staffAction(`/tickets/${room.current.id}/start`);
  await staffAction(`/tickets/${ticket.id}/call`, { roomId: room.id });
  return ticket.id;
}

/** A display token, paired through the API (as a display set up earlier that now restarts). */
async function displayToken(code: string): Promise<string> {
  return (await api("/api/devices/pair", Paired, json({ code }), 201)).token;
}

/** A fresh browser context whose display was paired before: it starts without anyone touching it. */
async function restartedDisplay(token: string, on: Browser = browser): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await on.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript((t) => localStorage.setItem("sprechstunde.display.token", t), token);
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(`${app.baseURL}/display`);
  await page.locator(".display__waiting:not(.display__waiting--placeholder)").waitFor();
  return { context, page, problems };
}

/** Nothing on the paired display to operate: no button, checkbox, field or link. */
async function expectNoControls(page: Page): Promise<void> {
  expect(await page.locator("button, input, select, textarea, a[href], [role=button], [role=checkbox], [tabindex]").count()).toBe(0);
}

const HINT = "Ton blockiert – einmal auf den Bildschirm tippen";

beforeAll(async () => {
  offices = e2eOffices();
  const far = new Date("2999-01-01T00:00:00.000Z");
  const then = new Date("2026-01-01T00:00:00.000Z");
  const display = (id: string, locationSlug: string, label: string, code: string) =>
    pairingSql({ id, locationSlug, kind: "display", label, code, expiresAt: far, now: then });
  const extra = `
INSERT INTO locations (slug, name, short_name, street, city, phone, time_zone, holiday_region, seats_per_slot, min_notice_minutes, horizon_days)
VALUES ('${CLOSED}', 'Testbüro Anzeige geschlossen', 'Anzeige zu', 'Anton-Fehr-Str. 6', 'Kempten (Allgäu)', '0172 / 2315911', '${BERLIN}', 'NONE', 1, 120, 56);
INSERT INTO extra_hours (location_id, day, opens, closes, created_at) SELECT id, '${extraDay}', '10:00', '12:00', '2026-01-01T00:00:00.000Z' FROM locations WHERE slug = '${CLOSED}';
${display("e2e-display-a", "e2e-open", "Anzeige A", codes.a)}
${display("e2e-display-b", "e2e-open", "Anzeige B", codes.b)}
${display("e2e-display-c", "e2e-open", "Anzeige C", codes.c)}
${display("e2e-display-d", "e2e-open", "Anzeige Flur", codes.d)}
${display("e2e-display-closed", CLOSED, "Anzeige zu", codes.closed)}
`;
  app = await serveIsolated({ extraSeed: offices.sql + extra });
  browser = await launchChromium();
  kiosk = (await api("/api/devices/pair", Paired, json({ code: offices.codes.open }), 201)).token;
  topic = (await api("/api/kiosk/state", KioskState, { headers: { authorization: `Bearer ${kiosk}` } })).walkInTopics[0]!.key;
  const signIn = await fetch(`${app.baseURL}/api/auth/link/redeem`, json({ token: offices.staffLinks.staff[0] }));
  expect(signIn.status, await signIn.text()).toBe(200);
  staffCookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");
});
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

describe("the call display in the waiting room", () => {
  it("pairs, then has nothing to operate; a call put back in the queue leaves 'Jetzt bitte' at once, live", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems = watchForProblems(page);
    await page.goto(`${app.baseURL}/display`);
    await page.getByLabel(/Kopplungscode/).fill(codes.a);
    await page.getByRole("button", { name: /Koppeln/ }).click();
    await page.locator(".display__waiting:not(.display__waiting--placeholder)").waitFor();
    await expectNoControls(page);
    // The click on "Koppeln" was the gesture the browser wants: sound plays, no hint.
    expect(await page.getByText(HINT).count()).toBe(0);

    const first = await takeNumber();
    const second = await takeNumber();
    await callNumber(first.label, "Raum 1");
    await page.locator(".current__number", { hasText: new RegExp(`^${first.label}$`) }).waitFor({ timeout: 2_000 });
    const secondId = await callNumber(second.label, "Raum 2");
    await page.locator(".current__number", { hasText: new RegExp(`^${second.label}$`) }).waitFor({ timeout: 2_000 });
    expect(await page.locator(".earlier__list").textContent()).toContain(first.label);

    // "Zurück in die Warteschlange": the call is withdrawn; the display shows the call before it again.
    const asked = Date.now();
    await staffAction(`/tickets/${secondId}/requeue`);
    await page.locator(".current__number", { hasText: new RegExp(`^${first.label}$`) }).waitFor({ timeout: 2_000 });
    console.info(`display dropped the requeued ${second.label} ${Date.now() - asked} ms after the requeue was sent`);
    expect(await page.locator(".display__main").textContent()).not.toContain(second.label);
    await expectNoControls(page);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("closed: says when it opens again, German and English, by the office's Sondertermin", async () => {
    const { context, page, problems } = await restartedDisplay(await displayToken(codes.closed));
    const weekday = (locale: string) => new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(new Date(`${extraDay}T12:00:00Z`));
    await page.locator(".current__empty", { hasText: "Das Büro ist jetzt geschlossen." }).waitFor();
    const opens = page.locator(".current__opens");
    expect(await opens.textContent()).toBe(`Geöffnet ab ${weekday("de-DE")}, 10:00 · Open from ${weekday("en-GB")}, 10:00`);
    expect(await opens.locator("[lang=en]").textContent()).toBe(` · Open from ${weekday("en-GB")}, 10:00`);
    await expectNoControls(page);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("after a restart without a gesture (Chromium's default policy) shows the audio hint for staff; one tap anywhere ends it", async () => {
    const { context, page, problems } = await restartedDisplay(await displayToken(codes.b));
    await page.locator(".display[data-audio=blocked]").waitFor();
    const hint = page.getByText(HINT);
    await hint.waitFor();
    expect(await page.evaluate(() => document.querySelector(".display__blocked")?.textContent)).toBe(`${HINT} Sound blocked – tap the screen once`);
    await expectNoControls(page);
    await expectNoAxeViolations(page);
    // A tap on the clock, not on the hint: anywhere will do.
    await page.locator(".display__clock").click();
    await hint.waitFor({ state: "detached", timeout: 2_000 });
    expect(await page.locator(".display").getAttribute("data-audio")).toBe("running");
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("with Chromium's autoplay flag (kiosk mode, README) sound plays after a restart: no hint", async () => {
    const flagged = await chromium.launch({
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--accept-lang=de-DE,de", "--autoplay-policy=no-user-gesture-required"],
    });
    try {
      const { page, problems } = await restartedDisplay(await displayToken(codes.c), flagged);
      await page.locator(".display[data-audio=running]").waitFor({ timeout: 5_000 });
      expect(await page.getByText(HINT).count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await flagged.close();
    }
  });

  it("the board's device admin switches speech on and off; the display follows live", async () => {
    // The display records what it would say (speechSynthesis stubbed; everything else is the real page).
    const screen = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const token = await displayToken(codes.d);
    await screen.addInitScript((t) => {
      localStorage.setItem("sprechstunde.display.token", t);
      const spoken: string[] = [];
      (globalThis as unknown as { spoken: string[] }).spoken = spoken;
      speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void spoken.push(u.text);
    }, token);
    const display = await screen.newPage();
    const displayProblems = watchForProblems(display);
    await display.goto(`${app.baseURL}/display`);
    await display.locator(".display__waiting:not(.display__waiting--placeholder)").waitFor();
    await display.locator(".display__clock").click(); // staff's one tap after the restart
    await display.locator(".display[data-audio=running]").waitFor();
    const spoken = () => display.evaluate(() => (globalThis as unknown as { spoken: string[] }).spoken.slice());

    // The admin on the board: Verwaltung → Geräte, the row of "Anzeige Flur".
    const office = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await office.newPage();
    const adminProblems = watchForProblems(admin);
    await admin.goto(`${app.baseURL}/staff#link=${offices.staffLinks.admin[adminLink++]}`);
    await admin.getByRole("heading", { level: 1, name: /^Heute/ }).waitFor();
    await admin.getByRole("button", { name: "Verwaltung" }).click();
    await admin.getByRole("button", { name: "Geräte", exact: true }).click();
    await admin.getByRole("heading", { level: 2, name: "Geräte" }).waitFor();
    const speech = admin.getByRole("checkbox", { name: "Aufruf ansagen (Sprache) – Anzeige Flur" });
    const sound = admin.getByRole("checkbox", { name: "Gong bei jedem Aufruf – Anzeige Flur" });
    expect([await sound.isChecked(), await speech.isChecked()]).toEqual([true, false]);
    await expectNoAxeViolations(admin);

    /** Switches speech on the board and waits until the display has fetched its state with it. */
    async function switchSpeech(on: boolean): Promise<void> {
      const followed = display.waitForResponse(
        async (r) => r.url().endsWith("/api/display/state") && DisplayState.parse(await r.json()).settings.speech === on,
        { timeout: 2_000 },
      );
      await speech.setChecked(on);
      await followed;
      await admin.getByRole("status").getByText("Einstellung der Anzeige gespeichert.").waitFor();
      expect(await speech.isChecked()).toBe(on);
    }

    await switchSpeech(true);
    const loud = await takeNumber();
    await callNumber(loud.label, "Raum 1");
    await display.waitForFunction((text) => (globalThis as unknown as { spoken: string[] }).spoken.includes(text), `Nummer ${loud.label}, bitte in Raum 1.`, { timeout: 5_000 });

    await switchSpeech(false);
    const quiet = await takeNumber();
    await callNumber(quiet.label, "Raum 2");
    await display.locator(".current__number", { hasText: new RegExp(`^${quiet.label}$`) }).waitFor({ timeout: 2_000 });
    // On again, and one more call: once it is spoken, anything said for the quiet call (queued before it) would be too.
    await switchSpeech(true);
    const last = await takeNumber();
    await callNumber(last.label, "Raum 1");
    await display.waitForFunction((text) => (globalThis as unknown as { spoken: string[] }).spoken.includes(text), `Nummer ${last.label}, bitte in Raum 1.`, { timeout: 5_000 });
    expect(await spoken()).toEqual([`Nummer ${loud.label}, bitte in Raum 1.`, `Nummer ${last.label}, bitte in Raum 1.`]);

    // The audit log names the change.
    await admin.getByRole("button", { name: "Protokoll", exact: true }).click();
    await admin.getByText("Gong oder Ansage einer Anzeige geändert").first().waitFor();
    await expectNoAxeViolations(display);
    expect(displayProblems).toEqual([]);
    expect(adminProblems.filter((p) => !/status of 401/.test(p))).toEqual([]);
    await screen.close();
    await office.close();
  });
});
