import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BookingCreated } from "../../schemas/bookings";
import { SlotsResponse } from "../../schemas/slots";
import { StaffWeek } from "../../schemas/staff-week";
import { addDays, localDate, toOffsetIso } from "../../common/time";
import { startApp, type TestApp } from "./support/app";
import { expectNoAxeViolations, focused, launchChromium, tabTo, watchForProblems } from "./support/browser";
import { pairKiosk, staffSession, unexpected, type Session } from "./support/staff";

/*
 * The staff board for every day (issue 11 items 1–3 and 8) in Chromium: moving from day to day by
 * keyboard with the address keeping the place (reload, back and forward), a day gone by read only, the
 * week at a glance opening a day, the search found by its shortcut and opened with the arrow keys onto
 * the booking's row with its actions, the printed day list alone on paper, and the line that says what
 * just happened never over a button. axe-core checks every new view.
 */

const DESKTOP = { width: 1280, height: 800 };

let app: TestApp;
let browser: Browser;
let device: string;
let session: Session;
let today: string;

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  device = await pairKiosk(app, app.codes.open);
  today = localDate(new Date(), app.openZone);
  session = await staffSession(browser, app, app.staffLinks.staff[0]!);
});
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

async function openBoard(path = "/staff", viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport, storageState: session });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(`${app.baseURL}${path}`);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  return { context, page, problems };
}

/** A booking at the always-open office through its kiosk, as a visitor at the tablet would make it. */
async function book(start: string, name: string, extra: Record<string, unknown> = {}): Promise<BookingCreated> {
  const res = await fetch(`${app.baseURL}/api/kiosk/bookings`, {
    method: "POST",
    headers: { authorization: `Bearer ${device}`, "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
    body: JSON.stringify({ start, topic: "fragen", name, email: `e2e.${crypto.randomUUID().slice(0, 8)}@example.org`, locale: "de", consent: true, ...extra }),
  });
  const body: unknown = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return BookingCreated.parse(body);
}

/** The free starts of a day at the always-open office (the kiosk books by the online rules). */
async function freeStarts(page: Page, day: string): Promise<string[]> {
  const res = await page.request.get(`${app.baseURL}/api/staff/e2e-open/slots?from=${day}&to=${day}&topic=fragen`);
  expect(res.status()).toBe(200);
  return SlotsResponse.parse(await res.json()).days[0]!.slots.map((s) => s.start);
}

/** The search's live region: what a screen reader hears after a search. */
const liveRegion = (page: Page) => page.locator('.search > [role="status"]').textContent();
const heading = (page: Page) => page.getByRole("heading", { level: 1 }).first().textContent();
const query = (page: Page) => new URL(page.url()).search;

/** "Mittwoch, 2. Dezember 2026" as the board writes a day. */
function dayInWords(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  const weekday = date.toLocaleDateString("de-DE", { weekday: "long", timeZone: "UTC" });
  const month = date.toLocaleDateString("de-DE", { month: "long", timeZone: "UTC" });
  return `${weekday}, ${date.getUTCDate()}. ${month} ${date.getUTCFullYear()}`;
}

describe("any day on the board", () => {
  it("moves from day to day by keyboard; the address keeps the place through reload, back and forward", async () => {
    const { context, page, problems } = await openBoard();
    const tomorrow = addDays(today, 1);
    const yesterday = addDays(today, -1);
    await expect.poll(() => heading(page)).toBe(`Heute, ${dayInWords(today)}`);
    expect(query(page)).toBe("");

    const next = await tabTo(page, (f) => f.tag === "button" && f.name.includes("Nächster Tag"));
    expect(next.name).toContain("Nächster Tag");
    await page.keyboard.press("Enter");
    await expect.poll(() => heading(page)).toBe(dayInWords(tomorrow));
    expect(query(page)).toBe(`?day=${tomorrow}`);
    // The button keeps the focus (press again to go on), the new day is said in the live region.
    expect((await focused(page)).name).toContain("Nächster Tag");
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Gezeigt:" }).first().textContent()).toBe(`Gezeigt: ${dayInWords(tomorrow)}`);
    await page.getByText("Kommender Tag: Termine und Anfragen.").waitFor();
    // A day to come runs no queue: no "call next", no walk-in at the desk, but a phone booking.
    expect(await page.getByRole("button", { name: /Nächste Person aufrufen/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Person ohne Termin eintragen" }).count()).toBe(0);
    await page.getByRole("button", { name: "Termin am Telefon eintragen" }).waitFor();
    await expectNoAxeViolations(page);

    await page.reload();
    await expect.poll(() => heading(page)).toBe(dayInWords(tomorrow));

    // Two days back by keyboard: a day gone by, read only.
    const previous = await tabTo(page, (f) => f.tag === "button" && f.name.includes("Vorheriger Tag"));
    expect(previous.name).toContain("Vorheriger Tag");
    await page.keyboard.press("Enter");
    await expect.poll(() => heading(page)).toBe(`Heute, ${dayInWords(today)}`);
    expect(query(page)).toBe("");
    await page.keyboard.press("Enter");
    await expect.poll(() => heading(page)).toBe(dayInWords(yesterday));
    await page.getByText("Vergangener Tag: nur zum Nachsehen.").waitFor();
    await page.getByRole("heading", { level: 2, name: "So war der Tag" }).waitFor();
    expect(await page.getByRole("button", { name: /Nächste Person aufrufen|Termin am Telefon|Absagen|Verschieben/ }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // The date field: typed, then Enter.
    const date = page.getByLabel("Datum", { exact: true });
    const later = addDays(today, 9);
    await date.fill(later);
    await date.press("Enter");
    await expect.poll(() => heading(page)).toBe(dayInWords(later));

    // Back and forward walk the days shown, the focus to the new content.
    await page.goBack();
    await expect.poll(() => heading(page)).toBe(dayInWords(yesterday));
    await page.goBack();
    await expect.poll(() => heading(page)).toBe(`Heute, ${dayInWords(today)}`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.goForward();
    await expect.poll(() => heading(page)).toBe(dayInWords(yesterday));

    // "Heute" from anywhere, and a shared link opens its day.
    await page.getByRole("button", { name: "Heute", exact: true }).click();
    await expect.poll(() => heading(page)).toBe(`Heute, ${dayInWords(today)}`);
    const shared = await context.newPage();
    await shared.goto(`${app.baseURL}/staff/?day=${later}&view=appointments`);
    await expect.poll(() => heading(shared)).toBe(dayInWords(later));
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it("the week at a glance counts what the API counts and opens a day", async () => {
    const first = (await freeStartsFor(addDays(today, 2)))[0]!;
    await book(first, "Wilma Woche");
    const { context, page, problems } = await openBoard(`/staff/?day=${addDays(today, 2)}`);
    await page.getByRole("button", { name: "Woche", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Woche" }).waitFor();
    expect(query(page)).toBe(`?day=${addDays(today, 2)}&view=week`);
    const table = page.locator(".week__table");
    await table.waitFor();
    const res = await page.request.get(`${app.baseURL}/api/staff/e2e-open/week?day=${addDays(today, 2)}`);
    const week = StaffWeek.parse(await res.json());
    const rows = await table.locator("tbody tr").allTextContents();
    expect(rows).toHaveLength(7);
    week.days.forEach((d, i) => {
      expect(rows[i]).toContain(d.free === 1 ? "1 Zeit" : `${d.free} Zeiten`);
      expect(rows[i]).toContain(d.booked === 1 ? "1 Termin" : `${d.booked} Termine`);
    });
    await expectNoAxeViolations(page);

    // Next week and back by keyboard, then a day opens from its link.
    await page.getByRole("button", { name: "Nächste Woche" }).click();
    await expect.poll(() => table.locator("caption").textContent()).not.toContain(String(new Date(`${week.from}T12:00:00Z`).getUTCDate()) + ". ");
    await page.getByRole("button", { name: "Vorherige Woche" }).click();
    const link = table.getByRole("link", { name: new RegExp(dayInWords(addDays(today, 2)).split(" 20")[0]!) });
    await link.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => heading(page)).toBe(dayInWords(addDays(today, 2)));
    expect(query(page)).toBe(`?day=${addDays(today, 2)}`);
    await page.locator(".appt", { hasText: "Wilma Woche" }).waitFor();
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});

/** The free starts of `day` (by the staff API, through a page of its own). */
async function freeStartsFor(day: string): Promise<string[]> {
  const context = await browser.newContext({ storageState: session });
  const page = await context.newPage();
  const starts = await freeStarts(page, day);
  await context.close();
  return starts;
}

describe("the search", () => {
  it("'/' focuses it, Enter searches, the arrow keys reach a hit, Enter opens its day with its row focused and its actions", async () => {
    const day = addDays(today, 3);
    const start = (await freeStartsFor(day))[1]!;
    const booked = await book(start, "Sabine Suchmann", { email: "sabine.suchmann@example.org", phone: "0831 4711" });
    const { context, page, problems } = await openBoard();
    await page.getByRole("heading", { level: 1, name: /^Heute/ }).waitFor();

    // Not while typing in a field: there "/" is the field's own.
    await page.locator("#day-pick").focus();
    await page.keyboard.press("/");
    expect((await focused(page)).id).toBe("day-pick");
    // Anywhere else it moves the focus to the search.
    await page.locator("#main").focus();
    await page.keyboard.press("/");
    expect((await focused(page)).id).toBe("board-search");
    // A typo in the surname.
    await page.keyboard.type("Sabine Suchman");
    await page.keyboard.press("Enter");
    await expect.poll(() => liveRegion(page), { timeout: 10_000 }).toBe("1 Treffer.");
    const hit = page.locator("#search-results .hit").first();
    expect(await hit.textContent()).toContain("Sabine Suchmann");
    expect(await hit.textContent()).toContain(booked.code);
    await expectNoAxeViolations(page);
    // Escape closes, the focus stays in the field; Enter brings the results again.
    await page.keyboard.press("Escape");
    await page.locator("#search-results").waitFor({ state: "detached" });
    expect((await focused(page)).id).toBe("board-search");
    await page.keyboard.press("Enter");
    await hit.waitFor();
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("hit"))).toBe(true);
    await page.keyboard.press("Enter");

    await expect.poll(() => heading(page)).toBe(dayInWords(day));
    expect(query(page)).toBe(`?day=${day}`);
    const row = page.locator(`#appt-${booked.id}`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`appt-${booked.id}`);
    expect(await row.getAttribute("class")).toContain("appt--found");
    // All its actions are right there.
    for (const name of [/^Verschieben/, /^Absagen/, /^E-Mail erneut senden/]) await row.getByRole("button", { name }).waitFor();
    await expectNoAxeViolations(page);
    await row.getByRole("button", { name: /^E-Mail erneut senden/ }).click();
    await expect.poll(() => page.locator(".announcer").textContent()).toContain("Die E-Mail an Sabine Suchmann wird noch einmal gesendet.");

    // Ctrl+K too; a code finds its booking; another office's people are never found.
    await page.keyboard.press("Control+k");
    expect((await focused(page)).id).toBe("board-search");
    await page.keyboard.press("Control+a");
    await page.keyboard.type(booked.code.toLowerCase());
    await page.keyboard.press("Enter");
    await expect.poll(() => liveRegion(page)).toBe("1 Treffer.");
    await page.locator("#board-search").fill("Niemand Unbekannt");
    await page.keyboard.press("Enter");
    await expect.poll(() => liveRegion(page)).toBe("Keine Treffer.");
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});

describe("the printed day list", () => {
  it("shows the day's list alone on paper: time, code, name, topic, phone and an empty notes column", async () => {
    const day = addDays(today, 4);
    const starts = await freeStartsFor(day);
    const first = await book(starts[0]!, "Paula Papier", { phone: "0831 998877" });
    const cancelled = await book(starts[2]!, "Carl Gestrichen");
    const { context, page, problems } = await openBoard(`/staff/?day=${day}`);
    await page.locator(".appt", { hasText: "Paula Papier" }).waitFor();
    await page.locator(".appt", { hasText: "Carl Gestrichen" }).getByRole("button", { name: /^Absagen/ }).click();
    const dialog = page.getByRole("dialog", { name: "Termin absagen" });
    await dialog.getByLabel("Die Person hat abgesagt (z. B. am Telefon)").check();
    await dialog.getByRole("button", { name: "Ja, Termin absagen" }).click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => page.locator(".appt", { hasText: "Carl Gestrichen" }).textContent()).toContain("Abgesagt");

    await page.getByRole("button", { name: "Drucken" }).waitFor();
    // The list is on the page (hidden) a moment after the board, so the browser's own Ctrl+P prints it too.
    const list = page.locator(".print-list");
    await list.waitFor({ state: "attached", timeout: 10_000 });
    expect(await list.isVisible()).toBe(false);

    await page.emulateMedia({ media: "print" });
    expect(await list.isVisible()).toBe(true);
    for (const hidden of [".topbar", ".sections", ".announcer", ".board", ".board-head"]) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    const rows = await list.locator("tbody tr").allTextContents();
    expect(rows).toHaveLength(1);
    const time = new Date(starts[0]!).toLocaleTimeString("de-DE", { hour: "2-digit", minute: "2-digit", timeZone: app.openZone });
    expect(rows[0]).toContain(time);
    for (const text of [first.code, "Paula Papier", "Allgemeine Fragen", "0831 998877"]) expect(rows[0]).toContain(text);
    expect(await list.locator("thead th").allTextContents()).toEqual(["Zeit", "Code", "Name", "Thema", "Telefon", "Notizen"]);
    expect((await list.locator("tbody tr td").last().textContent())!.trim()).toBe("");
    expect(await list.textContent()).toContain("verschlossen aufbewahren und am Ende des Tages vernichten");
    expect(await list.textContent()).not.toContain("Carl Gestrichen");
    // Black on white: no colour carries anything on paper.
    const colours = await list.evaluate((el) => {
      const seen = new Set<string>();
      for (const node of [el, ...el.querySelectorAll("*")]) {
        const style = getComputedStyle(node);
        seen.add(style.color);
        if (style.backgroundColor !== "rgba(0, 0, 0, 0)") seen.add(style.backgroundColor);
      }
      return [...seen];
    });
    expect(colours.every((c) => c === "rgb(0, 0, 0)" || c === "rgb(255, 255, 255)"), colours.join(", ")).toBe(true);
    await page.emulateMedia({ media: "screen" });
    expect(await list.isVisible()).toBe(false);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});

describe("the line that says what just happened", () => {
  it("never covers a button: in the page's flow, wherever the page is scrolled", async () => {
    // Enough appointments today that the list runs far below the fold.
    const starts = (await freeStartsFor(today)).slice(0, 12);
    for (const [i, start] of starts.entries()) await book(start, `Liste Lang ${i + 1}`);
    const { context, page, problems } = await openBoard("/staff", { width: 1280, height: 600 });
    const last = page.locator(".appt", { hasText: `Liste Lang ${starts.length}` });
    await last.waitFor();
    await last.getByRole("button", { name: /^E-Mail erneut senden/ }).click();
    const toast = page.locator(".announcer p").last();
    await expect.poll(() => toast.textContent()).toContain(`Liste Lang ${starts.length}`);
    // At every scroll position (a fixed toast would sit over whichever button scrolls under it).
    const overlaps = await page.evaluate(() => {
      const found = new Set<string>();
      const toast = document.querySelector(".announcer p:last-child")!;
      for (let y = 0; y <= document.documentElement.scrollHeight; y += 40) {
        scrollTo({ top: y, behavior: "instant" });
        const box = toast.getBoundingClientRect();
        for (const b of document.querySelectorAll("button")) {
          const r = b.getBoundingClientRect();
          if (r.width > 0 && r.left < box.right && box.left < r.right && r.top < box.bottom && box.top < r.bottom) found.add(b.textContent ?? "");
        }
      }
      return [...found];
    });
    expect(overlaps).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});
