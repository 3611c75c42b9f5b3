import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestCreated } from "../../schemas/bookings";
import { Paired } from "../../schemas/kiosk";
import { addDays, localDate } from "../../common/time";
import { startApp, type TestApp } from "./support/app";
import { expectNoAxeViolations, focused, launchChromium, watchForProblems } from "./support/browser";
import { query } from "./support/d1";

/*
 * Proposals the resident agrees to (issue 11 item 7) in Chromium, at the always-open test office:
 *   - staff propose three times for a "Bewerbungstraining" request from the board's dialog, which says
 *     the topic's 60 minutes (no length to type); the request then waits for the answer, each time
 *     "offen bis …";
 *   - the resident opens the second time's link from the proposal mail (read from the outbox in the
 *     database: the API shows staff no link's secret): the manage page has that time chosen and changes
 *     nothing until "Termin bestätigen"; then the appointment is booked, with its code;
 *   - the board, open all along, shows the choice without a reload (live, or its poll);
 *   - another resident answers "Keine Zeit passt mir": the request comes back on the board, marked.
 * axe-core checks the dialog, the board with proposals and the resident's page before and after.
 */

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** How long a change may take to reach an open board: live at once, else the board's poll. */
const ON_BOARD = { timeout: 20_000 };

let app: TestApp;
let browser: Browser;
let device: string;
let session: Awaited<ReturnType<BrowserContext["storageState"]>>;

async function json<T>(res: Response, parse: { parse(v: unknown): T }, status: number): Promise<T> {
  const body: unknown = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return parse.parse(body);
}

/** A request "nach Vereinbarung" at the always-open office, made at its tablet. */
async function request(name: string, topic: string): Promise<RequestCreated> {
  const res = await fetch(`${app.baseURL}/api/kiosk/requests`, {
    method: "POST",
    headers: { authorization: `Bearer ${device}`, "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
    body: JSON.stringify({ topic, name, email: `${name.split(" ")[0]!.toLowerCase()}@example.org`, preferredWeekdays: [1, 3], preferredTimes: ["morning"], consent: true }),
  });
  return json(res, RequestCreated, 201);
}

/** The links of the request's newest proposal mail, as its recipient reads them (polled: a look may meet the server writing). */
async function mailLinks(requestId: string): Promise<string[]> {
  let links: string[] = [];
  await expect
    .poll(
      () => {
        try {
          const [row] = query(app.state, `SELECT text_body FROM mail_outbox WHERE booking_id = '${requestId}' AND kind = 'request_proposals' ORDER BY created_at DESC LIMIT 1`);
          links = [...String(row?.text_body ?? "").matchAll(/http:\/\/[^\s]+\/manage\?proposal=[A-Za-z0-9-]+#[A-Za-z0-9_-]+/g)].map((m) => m[0]);
        } catch {
          links = [];
        }
        return links.length;
      },
      { timeout: 60_000, interval: 2_000 },
    )
    .toBeGreaterThan(0);
  // The mail was written for the app's own origin; the test reaches it on its port.
  return links.map((l) => `${app.baseURL}${new URL(l).pathname}${new URL(l).search}${new URL(l).hash}`);
}

/** Failed loads the board expects and handles (the 401 of "who am I?" before signing in). */
function unexpected(problems: string[]): string[] {
  return problems.filter((p) => !/Failed to load resource: the server responded with a status of (401|409)/.test(p));
}

async function openBoard(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: DESKTOP, storageState: session });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(`${app.baseURL}/staff`);
  await page.getByRole("heading", { level: 1, name: /^Heute/ }).waitFor();
  return { context, page, problems };
}

/** Proposes `times` (local `[date, time]` at the office) for the request of `who` through the board's dialog. */
async function proposeOnBoard(page: Page, who: string, times: [string, string][]): Promise<void> {
  const card = page.locator(".request", { hasText: who });
  await card.waitFor(ON_BOARD);
  await card.getByRole("button", { name: /^Termine vorschlagen/ }).click();
  const dialog = page.getByRole("dialog", { name: "Termine vorschlagen" });
  await dialog.waitFor();
  for (const [i, [date, time]] of times.entries()) {
    const row = dialog.getByRole("group", { name: new RegExp(`^${i + 1}\\. Zeit`) });
    await row.getByLabel("Datum").fill(date);
    await row.getByLabel("Uhrzeit").fill(time);
  }
  await dialog.getByRole("button", { name: "Vorschläge senden" }).click();
  await dialog.waitFor({ state: "detached" });
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  const paired = await fetch(`${app.baseURL}/api/devices/pair`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code: app.codes.open }),
  });
  device = (await json(paired, Paired, 201)).token;
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(`${app.baseURL}/staff#link=${app.staffLinks.staff[0]}`);
  await page.getByRole("heading", { level: 1, name: /^Heute/ }).waitFor();
  session = await context.storageState();
  await context.close();
});
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

describe("proposals the resident agrees to", () => {
  it("staff propose three times of the topic's length; the resident takes the second from the mail's link; the board shows it live", async () => {
    const rosa = await request("Rosa Vorschlag", "bewerbung");
    const { context, page, problems } = await openBoard();
    const card = page.locator(".request", { hasText: "Rosa Vorschlag" });
    await card.waitFor(ON_BOARD);

    // The dialog: the length is the topic's, said, not asked; a missing time is named at its field.
    await card.getByRole("button", { name: /^Termine vorschlagen/ }).click();
    const dialog = page.getByRole("dialog", { name: "Termine vorschlagen" });
    await dialog.waitFor();
    // The topic's length comes with the office's data, which the board loads beside the day.
    await expect.poll(() => dialog.textContent()).toContain("Dauer: 60 Minuten, wie beim Thema.");
    expect(await dialog.getByRole("spinbutton").count()).toBe(0);
    await expectNoAxeViolations(page);
    await dialog.getByRole("button", { name: "Vorschläge senden" }).click();
    await expect.poll(() => dialog.getByRole("group", { name: "1. Zeit" }).textContent()).toContain("Bitte wählen Sie eine Uhrzeit.");
    await expectNoAxeViolations(page);
    await dialog.getByRole("button", { name: "Zurück" }).click();
    await dialog.waitFor({ state: "detached" });

    const day = addDays(localDate(new Date(), app.openZone), 2);
    await proposeOnBoard(page, "Rosa Vorschlag", [
      [day, "10:00"],
      [day, "11:00"],
      [addDays(day, 1), "09:30"],
    ]);
    await expect.poll(() => page.locator(".announcer").textContent()).toContain("Rosa Vorschlag bekommt 3 Terminvorschläge. Antwort bis");
    await expect.poll(() => card.textContent()).toContain("Wartet auf Antwort");
    const times = card.getByRole("list", { name: /^Vorgeschlagene Zeiten/ }).getByRole("listitem");
    expect(await times.count()).toBe(3);
    expect(await times.nth(1).textContent()).toMatch(/11:00 bis 12:00 Uhr.*offen bis/);
    await expectNoAxeViolations(page);

    // The resident opens the second time's link on a phone: that time is chosen, nothing is booked yet.
    const links = await mailLinks(rosa.id);
    expect(links).toHaveLength(4);
    const resident = await browser.newContext({ viewport: PHONE });
    const phone = await resident.newPage();
    const residentProblems = watchForProblems(phone);
    await phone.goto(links[1]!);
    const choice = phone.getByRole("group", { name: "Welche Zeit passt Ihnen?" });
    await choice.waitFor();
    expect(await choice.getByRole("radio", { name: /11:00 bis 12:00 Uhr/ }).isChecked()).toBe(true);
    expect(await choice.getByRole("radio", { name: "Keine Zeit passt mir" }).isChecked()).toBe(false);
    await expectNoAxeViolations(phone);
    expect(await card.textContent()).toContain("Wartet auf Antwort");

    // By keyboard: to the button, and confirm.
    const confirm = phone.getByRole("button", { name: "Termin bestätigen" });
    await confirm.focus();
    expect((await focused(phone)).name).toBe("Termin bestätigen");
    await phone.keyboard.press("Enter");
    await phone.getByText("Ihr Termin ist gebucht.").waitFor();
    expect(await phone.locator(".ticket").textContent()).toMatch(/[ACDEFGHJKMNPQRTUVWXY3469]{6}/);
    expect(await phone.locator("main").textContent()).toContain("11:00 bis 12:00 Uhr");
    // The page moved the focus to the notice that says what happened (as after a move or cancel).
    await phone.waitForFunction(() => document.activeElement?.classList.contains("notice") === true);
    expect((await focused(phone)).name).toBe("Ihr Termin ist gebucht. Sie bekommen gleich eine E-Mail mit der Bestätigung.");
    await expectNoAxeViolations(phone);

    // The board, open all along: the request has left the list, the answer is listed with its day.
    await card.waitFor({ state: "detached", ...ON_BOARD });
    const accepted = page.locator(".accepted li", { hasText: "Rosa Vorschlag" });
    await accepted.waitFor(ON_BOARD);
    expect(await accepted.textContent()).toContain("hat den Termin am");
    expect(await accepted.getByRole("link").getAttribute("href")).toBe(`/staff/?day=${day}&view=appointments`);
    await expectNoAxeViolations(page);
    expect(unexpected(problems)).toEqual([]);
    expect(residentProblems).toEqual([]);
    await resident.close();
    await context.close();
  });

  it("'Keine Zeit passt mir': the request comes back on the board, marked", async () => {
    const paul = await request("Paul Passtnicht", "qualifizierung");
    const { context, page, problems } = await openBoard();
    const day = addDays(localDate(new Date(), app.openZone), 3);
    await proposeOnBoard(page, "Paul Passtnicht", [[day, "14:00"]]);
    const card = page.locator(".request", { hasText: "Paul Passtnicht" });
    await expect.poll(() => card.textContent()).toContain("Wartet auf Antwort");

    const [none] = (await mailLinks(paul.id)).filter((l) => l.includes("proposal=none"));
    const resident = await browser.newContext({ viewport: PHONE });
    const phone = await resident.newPage();
    const residentProblems = watchForProblems(phone);
    await phone.goto(none!);
    const choice = phone.getByRole("group", { name: "Welche Zeit passt Ihnen?" });
    await choice.waitFor();
    expect(await choice.getByRole("radio", { name: "Keine Zeit passt mir" }).isChecked()).toBe(true);
    await phone.getByRole("button", { name: "Antwort senden" }).click();
    await phone.getByText("Danke für Ihre Antwort. Wir melden uns bei Ihnen mit neuen Vorschlägen.").first().waitFor();
    expect(await phone.locator("main").textContent()).toContain("Sie haben geantwortet: Keine Zeit passt.");
    await expectNoAxeViolations(phone);

    await expect.poll(() => card.textContent(), ON_BOARD).toContain("Keiner passt: Die Person möchte andere Zeiten.");
    expect(await card.getByRole("listitem").first().textContent()).toContain("keiner passt");
    expect(await card.getByRole("button", { name: /^Neue Termine vorschlagen/ }).count()).toBe(1);
    await expectNoAxeViolations(page);
    expect(unexpected(problems)).toEqual([]);
    expect(residentProblems).toEqual([]);
    await resident.close();
    await context.close();
  });
});
