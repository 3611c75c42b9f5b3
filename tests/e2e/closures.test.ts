import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BookingCreated, RequestCreated } from "../../schemas/bookings";
import { SlotsResponse } from "../../schemas/slots";
import { OutboxList, ProposalsAnswer } from "../../schemas/staff-bookings";
import { addDays, isoWeekday, localDate, toOffsetIso, zonedInstant } from "../../common/time";
import { holidayOn } from "../../worker/domain/holidays";
import { accountSql, newSignInToken, signInLinkSql } from "../../scripts/sign-in-links";
import { serveIsolated, type IsolatedApp } from "../../scripts/serve-isolated";
import { expectNoAxeViolations, focused, launchChromium, tabTo, watchForProblems } from "./support/browser";

/*
 * Issue 11 items 4 and 6 in Chromium, at the seeded Kempten-Ost office (the booking page's): an admin
 * closes a Monday with appointments and a time proposed for a request, the dialog lists both apart
 * (axe), Escape leaves everything as it was, "Schließen und alle absagen" cancels the appointments and
 * withdraws the proposed time with their mails in one step; on another Monday "Nur schließen" keeps the
 * appointment and the proposed time and links each to its day on the board; the same days again are
 * refused, naming the closure. A "Sondertermin" on a Saturday entered in "Sondertermine" shows on the
 * booking page, in German and English, and its day offers its times. By keyboard where staff would.
 */

const ZONE = "Europe/Berlin";
const DESKTOP = { width: 1280, height: 800 };

let app: IsolatedApp;
let browser: Browser;
const links = Array.from({ length: 4 }, newSignInToken);
let nextLink = 0;

/** The next days from three days ahead on with this ISO weekday that are no Bavarian public holiday. */
function upcoming(weekday: number, count: number): string[] {
  const days: string[] = [];
  for (let d = addDays(localDate(new Date(), ZONE), 3); days.length < count; d = addDays(d, 1)) {
    if (isoWeekday(d) === weekday && !holidayOn(d, "BY")) days.push(d);
  }
  return days;
}
const [closeAll, closeOnly] = upcoming(1, 2) as [string, string];
const [saturday] = upcoming(6, 1) as [string];

/** A booking on the booking page's office at `time` (local) on `day`, as a resident makes it. */
async function book(day: string, time: string, name: string, locale: "de" | "en" = "de"): Promise<BookingCreated> {
  const res = await fetch(`${app.baseURL}/api/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.baseURL, "idempotency-key": crypto.randomUUID() },
    body: JSON.stringify({
      start: toOffsetIso(zonedInstant(day, time, ZONE), ZONE),
      topic: "fragen",
      name,
      email: `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@example.org`,
      locale,
      consent: true,
    }),
  });
  const body: unknown = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return BookingCreated.parse(body);
}

/**
 * A request "nach Vereinbarung" made on the booking page's office, and staff proposing `time` (local) on
 * `day` for it with the admin's session of `page`, as the board's dialog sends it.
 */
async function proposedFor(page: Page, day: string, time: string, name: string): Promise<{ request: RequestCreated; proposal: ProposalsAnswer }> {
  const res = await fetch(`${app.baseURL}/api/requests`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.baseURL },
    body: JSON.stringify({
      topic: "fragen", name, email: `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@example.org`,
      preferredWeekdays: [1], preferredTimes: ["afternoon"], locale: "de", consent: true,
    }),
  });
  const body: unknown = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  const request = RequestCreated.parse(body);
  const proposed = await page.request.post(`${app.baseURL}/api/staff/kempten-ost/requests/${request.id}/propose`, {
    headers: { origin: app.baseURL },
    data: { times: [toOffsetIso(zonedInstant(day, time, ZONE), ZONE)] },
  });
  expect(proposed.status(), await proposed.text()).toBe(201);
  return { request, proposal: ProposalsAnswer.parse(await proposed.json()) };
}

async function slotsOf(day: string): Promise<SlotsResponse["days"][number]> {
  const res = await fetch(`${app.baseURL}/api/slots?from=${day}&to=${day}`);
  return SlotsResponse.parse(await res.json()).days[0]!;
}

beforeAll(async () => {
  const now = new Date("2026-01-01T00:00:00.000Z");
  const expiresAt = new Date("2999-01-01T00:00:00.000Z");
  const email = "admin-closures@example.org";
  app = await serveIsolated({
    extraSeed: [
      accountSql({ email, name: "Schließtage Admin", role: "admin", locationSlug: "kempten-ost", now }),
      ...links.map((token) => signInLinkSql({ email, token, now, expiresAt })),
    ].join("\n"),
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

/** Failed loads the pages expect and handle: "who am I?" before signing in, and the 409 that asks about appointments. */
function unexpected(problems: string[]): string[] {
  return problems.filter((p) => !/Failed to load resource: the server responded with a status of (401|409)/.test(p));
}

/** The board signed in as the admin, at "Verwaltung → `section`". */
async function adminSection(section: string): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(`${app.baseURL}/staff#link=${links[nextLink++]}`);
  await page.getByRole("heading", { level: 1, name: /^Heute/ }).waitFor();
  await page.getByRole("button", { name: "Verwaltung" }).click();
  await page.getByRole("button", { name: section, exact: true }).click();
  await page.getByRole("heading", { level: 2, name: section }).waitFor();
  return { page, problems, close: () => context.close() };
}

/** Fills the closure form and sends it from its button by keyboard. */
async function enterClosure(page: Page, day: string, reasonDe: string, reasonEn: string): Promise<void> {
  await page.fill("#closure-firstDay", day);
  await page.fill("#closure-lastDay", day);
  await page.fill("#closure-reasonDe", reasonDe);
  await page.fill("#closure-reasonEn", reasonEn);
  await page.getByRole("button", { name: "Schließtage eintragen" }).focus();
  await page.keyboard.press("Enter");
}

describe("Verwaltung → Schließtage with appointments", () => {
  it("lists them in a dialog; Escape changes nothing; 'Schließen und alle absagen' cancels them with their mails", async () => {
    const erika = await book(closeAll, "13:00", "Erika Müller");
    const jane = await book(closeAll, "13:30", "Jane Doe", "en");
    const { page, problems, close } = await adminSection("Schließtage");
    await expectNoAxeViolations(page);
    const { request: ayse } = await proposedFor(page, closeAll, "15:00", "Ayşe Yılmaz");

    await enterClosure(page, closeAll, "Krankheit im Team", "Illness in the team");
    const dialog = page.getByRole("dialog", { name: "An diesen Tagen sind Termine gebucht oder vorgeschlagen" });
    await dialog.waitFor();
    const text = (await dialog.textContent())!;
    expect(text).toContain("2 Termine sind betroffen");
    expect(text).toContain("Erika Müller");
    expect(text).toContain(erika.code);
    expect(text).toContain("Jane Doe");
    // The proposed time in a list of its own, with its deadline.
    expect(text).toContain("1 vorgeschlagene Zeit ist betroffen");
    const proposals = dialog.getByRole("list", { name: "Betroffene Terminvorschläge" });
    expect(await proposals.textContent()).toContain("Ayşe Yılmaz");
    expect(await proposals.textContent()).toContain("Antwort möglich bis");
    await expectNoAxeViolations(page);

    // Escape: the dialog goes, the focus returns to the button, nothing is stored.
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect((await focused(page)).name).toBe("Schließtage eintragen");
    expect((await slotsOf(closeAll)).status).toBe("open");

    // Again, and this time the first choice, which has the focus when the dialog opens.
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    expect((await focused(page)).name).toBe("Schließen und alle absagen");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    const outcome = page.locator(".admin-affected-outcome");
    await outcome.getByText("2 Termine sind abgesagt. 1 vorgeschlagene Zeit ist zurückgezogen. 3 Personen bekommen eine E-Mail dazu.").waitFor();
    await page.waitForFunction(() => document.activeElement?.closest(".admin-affected-outcome") !== null);
    await expectNoAxeViolations(page);

    expect(await slotsOf(closeAll)).toMatchObject({ status: "closure", reason: { de: "Krankheit im Team" }, slots: [] });
    const outbox = OutboxList.parse(await (await page.request.get(`${app.baseURL}/api/staff/kempten-ost/outbox?limit=50`)).json());
    const cancels = outbox.mails.filter((m) => m.kind === "booking_cancelled").map((m) => m.bookingId).sort();
    expect(cancels).toEqual([erika.id, jane.id].sort());
    expect(outbox.mails.filter((m) => m.kind === "proposals_withdrawn").map((m) => m.bookingId)).toEqual([ayse.id]);
    expect(unexpected(problems)).toEqual([]);
    await close();
  });

  it("'Nur schließen' keeps the appointment and the proposed time and links each to its day on the board; the same days again are refused by name", async () => {
    const kept = await book(closeOnly, "14:00", "Karl Keller");
    const { page, problems, close } = await adminSection("Schließtage");
    await proposedFor(page, closeOnly, "16:00", "Olga Petrenko");
    await enterClosure(page, closeOnly, "Fortbildung", "Training");
    const dialog = page.getByRole("dialog", { name: "An diesen Tagen sind Termine gebucht oder vorgeschlagen" });
    await dialog.waitFor();
    await tabTo(page, (f) => f.name === "Nur schließen");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });

    const outcome = page.locator(".admin-affected-outcome");
    await outcome.getByText("Dieser Termin bleibt bestehen.").waitFor();
    const link = outcome.getByRole("link", { name: /^Termine am .* ansehen$/ });
    expect(await link.getAttribute("href")).toBe(`/staff/?day=${closeOnly}&view=appointments`);
    // Where it leads: that day on the board, closed, with the appointment still on it.
    const board = await page.context().newPage();
    await board.goto(`${app.baseURL}/staff/?day=${closeOnly}&view=appointments`);
    await board.locator(".appt", { hasText: "Karl Keller" }).waitFor();
    expect(await board.locator(".board-head__opening").textContent()).toBe("Geschlossen: Fortbildung");
    await board.close();
    expect(await outcome.textContent()).toContain("Karl Keller");
    await outcome.getByText("Diese vorgeschlagene Zeit bleibt offen.").waitFor();
    const dayOfProposal = outcome.getByRole("link", { name: /^Den .* ansehen$/ });
    expect(await dayOfProposal.getAttribute("href")).toBe(`/staff/?day=${closeOnly}`);
    expect(await outcome.textContent()).toContain("Olga Petrenko");
    // Where it leads: that day on the board, with the request and its time still open, to withdraw there.
    const day = await page.context().newPage();
    await day.goto(`${app.baseURL}/staff/?day=${closeOnly}`);
    await day.locator(".request", { hasText: "Olga Petrenko" }).getByRole("button", { name: /Zurückziehen/ }).first().waitFor();
    await day.close();
    await expectNoAxeViolations(page);
    expect((await slotsOf(closeOnly)).status).toBe("closure");
    expect(kept.code).toMatch(/\w+/);

    // The same day once more: refused at the first day's field, naming the closure entered.
    await enterClosure(page, closeOnly, "Urlaub", "");
    const error = page.locator("#closure-firstDay-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("An diesen Tagen ist schon geschlossen:");
    expect(await error.textContent()).toContain("(„Fortbildung“)");
    await expectNoAxeViolations(page);

    expect(unexpected(problems)).toEqual([]);
    await close();
  });
});

describe("Sondertermin", () => {
  it("entered in 'Sondertermine', shown on the booking page in both languages, its day offering its times", async () => {
    const { page: admin, problems: adminProblems, close } = await adminSection("Sondertermine");
    await expectNoAxeViolations(admin);
    await admin.fill("#extra-day", saturday);
    await admin.fill("#extra-opens", "10:00");
    await admin.fill("#extra-closes", "12:00");
    await admin.fill("#extra-noteDe", "Aktionstag im Quartier");
    await admin.fill("#extra-noteEn", "Neighbourhood day");
    await admin.getByRole("button", { name: "Sondertermin eintragen" }).focus();
    await admin.keyboard.press("Enter");
    await admin.getByText("Eingetragen. Man kann diese Zeit jetzt online buchen.").waitFor();
    const listed = admin.getByRole("list").filter({ hasText: "Aktionstag im Quartier" });
    await listed.waitFor();
    await expectNoAxeViolations(admin);
    expect(unexpected(adminProblems)).toEqual([]);
    await close();

    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(`${app.baseURL}/`);
    await page.getByRole("radio").first().waitFor();
    const footerNotice = page.locator("footer").getByRole("region", { name: "Sondertermine" });
    await footerNotice.waitFor();
    expect(await footerNotice.textContent()).toContain("10–12 Uhr – Aktionstag im Quartier");

    await page.locator("label", { hasText: "Allgemeine Fragen" }).click(); // the whole card is the label; it moves on
    await page.getByRole("status").getByText(/Freie Zeiten für/).waitFor();
    const notice = page.locator("main").getByRole("region", { name: "Sondertermine" });
    expect(await notice.textContent()).toContain("Aktionstag im Quartier");
    const day = page.locator(".day-button", { hasText: /Samstag/ }).first();
    expect(await day.textContent()).toContain("4 freie Zeiten");
    await expectNoAxeViolations(page);
    await day.click();
    const times = await page.locator(".slot-button").evaluateAll((els) => els.map((el) => el.textContent!.trim()));
    expect(times.map((t) => /\d{2}:\d{2}/.exec(t)?.[0])).toEqual(["10:00", "10:30", "11:00", "11:30"]);

    // The language menu: English from the list.
    await page.locator(".lang-switch").click();
    await page.locator('.lang-menu__item[lang="en"]').click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    const english = page.locator("footer").getByRole("region", { name: "Extra opening hours" });
    await english.waitFor();
    expect(await english.textContent()).toContain("10:00–12:00 – Neighbourhood day");
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
