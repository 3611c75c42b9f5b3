import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BookingCreated, ManagedBooking } from "../../schemas/bookings";
import { DataSubjectRecord } from "../../schemas/data-subjects";
import { Paired } from "../../schemas/kiosk";
import { addDays, localDate, toOffsetIso, zonedInstant } from "../../common/time";
import { startApp, type TestApp } from "./support/app";
import { expectNoAxeViolations, launchChromium, tabTo, watchForProblems } from "./support/browser";

/*
 * Requests of data subjects in Chromium: an admin of the always-open test office finds a person in
 * "Verwaltung → Datenschutz-Anfragen" by a differently written name, shows what is stored, takes the
 * JSON and the printable page, and erases it through the confirm dialog; a resident erases their own
 * cancelled booking from its manage page after the confirm step. axe-core on every step.
 */

let app: TestApp;
let browser: Browser;
let kioskToken: string;

async function json<T>(path: string, schema: { parse(v: unknown): T }, init: RequestInit = {}, status = 200): Promise<T> {
  const res = await fetch(app.baseURL + path, init);
  const body: unknown = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return schema.parse(body);
}

/** A booking at the always-open office, made on its tablet; cancelled from its manage link unless `keep`. */
async function booking(name: string, email: string, slotIndex: number, keep = false): Promise<{ created: BookingCreated; token: string }> {
  // Tomorrow at the always-open office (open around the clock), a half hour apart per booking.
  const tomorrow = addDays(localDate(new Date(), app.openZone), 1);
  const start = toOffsetIso(new Date(zonedInstant(tomorrow, "09:00", app.openZone).getTime() + slotIndex * 1_800_000), app.openZone);
  const created = await json(
    "/api/kiosk/bookings",
    BookingCreated,
    {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${kioskToken}`, "idempotency-key": crypto.randomUUID() },
      body: JSON.stringify({ start, topic: "fragen", name, email, phone: "0831 / 555 66", locale: "de", consent: true }),
    },
    201,
  );
  const token = new URL(created.manageUrl).hash.slice(1);
  if (!keep) {
    await json(`/api/bookings/manage/${token}/cancel`, ManagedBooking, { method: "POST", headers: { "content-type": "application/json", origin: app.baseURL }, body: "{}" });
  }
  return { created, token };
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  const paired = await json(
    "/api/devices/pair",
    Paired,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: app.codes.open }) },
    201,
  );
  kioskToken = paired.token;
});
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

/** Waits until the element `id` has the keyboard focus (the page moves it after its render or a dialog's close event). */
async function focusOn(page: Page, id: string): Promise<void> {
  await page.waitForFunction((wanted) => document.activeElement?.id === wanted, id);
}

/** Failed loads the pages expect and handle (the board's "who am I?" before signing in). */
function unexpected(problems: string[]): string[] {
  return problems.filter((p) => !/Failed to load resource: the server responded with a status of 401/.test(p));
}

describe("Verwaltung → Datenschutz-Anfragen", () => {
  it("finds a person by a differently written name, shows and exports their data, and erases it after the dialog", async () => {
    const person = await booking("Zoë Ødegaard", `zoe-${Date.now()}@example.org`, 0);
    const bystander = await booking("Erika Mustermann", `erika-${Date.now()}@example.org`, 1);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(`${app.baseURL}/staff#link=${app.staffLinks.admin[0]}`);
    await page.getByRole("heading", { level: 1, name: /^Heute/ }).waitFor();
    await page.getByRole("button", { name: "Verwaltung" }).click();
    await page.getByRole("button", { name: "Datenschutz-Anfragen" }).click();
    await page.getByRole("heading", { name: "Datenschutz-Anfragen" }).waitFor();
    await expectNoAxeViolations(page);

    // Keyboard only: into the search field, type, Enter.
    const field = await tabTo(page, (f) => f.id === "ds-query");
    expect(field.tag).toBe("input");
    await page.keyboard.type("zoe  ODEGAARD");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: /^Gefunden: 1 Termin oder Anfrage/ }).waitFor();
    await focusOn(page, "ds-results");
    const table = page.getByRole("table", { name: "Termine und Anfragen" });
    expect(await table.getByRole("row").count()).toBe(2);
    expect(await table.textContent()).toContain("Zoë Ødegaard");
    expect(await table.textContent()).not.toContain("Erika");
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Anzeigen" }).click();
    await page.getByRole("heading", { name: "Gespeicherte Daten" }).waitFor();
    await focusOn(page, "ds-record");
    expect(await page.locator(".ds-record").textContent()).toContain(person.created.code);
    await expectNoAxeViolations(page);

    // The JSON file and the printable page are links with the chosen ids; the session opens them.
    const jsonHref = (await page.getByRole("link", { name: "JSON herunterladen" }).getAttribute("href"))!;
    expect(jsonHref).toContain(`booking=${person.created.id}`);
    expect(jsonHref).not.toMatch(/zo|ødegaard/i);
    const file = await page.request.get(app.baseURL + jsonHref);
    expect(file.headers()["content-disposition"]).toMatch(/^attachment; filename="auskunft-\d{4}-\d{2}-\d{2}\.json"$/);
    const record = DataSubjectRecord.parse(await file.json());
    expect(record.bookings.map((b) => b.name)).toEqual(["Zoë Ødegaard"]);

    const printHref = (await page.getByRole("link", { name: "Druckansicht" }).getAttribute("href"))!;
    const print = await context.newPage();
    const printProblems = watchForProblems(print);
    await print.goto(app.baseURL + printHref);
    await print.getByRole("heading", { level: 1, name: "Auskunft über gespeicherte Daten" }).waitFor();
    expect(await print.locator("main").textContent()).toContain("Zoë Ødegaard");
    await expectNoAxeViolations(print);
    // In print, the page's navigation is gone.
    await print.emulateMedia({ media: "print" });
    expect(await print.locator("nav").isVisible()).toBe(false);
    expect(printProblems).toEqual([]);
    await print.close();

    // "Jetzt löschen": the dialog lists what goes; Escape closes it and gives the focus back.
    await page.getByRole("button", { name: "Jetzt löschen" }).click();
    const dialog = page.getByRole("dialog", { name: "Diese Daten jetzt löschen?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("Zoë Ødegaard");
    await expectNoAxeViolations(page);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await focusOn(page, "ds-erase");

    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Ja, jetzt löschen" }).click();
    await page.getByRole("status").filter({ hasText: "Gelöscht: 1 Termin oder Anfrage" }).waitFor();
    await page.getByRole("heading", { name: /^Nichts gefunden/ }).waitFor();
    await expectNoAxeViolations(page);

    expect((await fetch(`${app.baseURL}/api/bookings/manage/${person.token}`)).status).toBe(404);
    expect((await fetch(`${app.baseURL}/api/bookings/manage/${bystander.token}`)).status).toBe(200);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});

describe("the manage page: Meine Daten jetzt löschen", () => {
  async function openManage(token: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const problems = watchForProblems(page);
    await page.goto(`${app.baseURL}/manage#${token}`);
    await page.locator("#step-heading").waitFor();
    return { page, problems };
  }

  it("erases a cancelled booking after the confirm step and says what went and that the link is dead", async () => {
    const { created, token } = await booking("Jürgen Groß", `juergen-${Date.now()}@example.org`, 2);
    const { page, problems } = await openManage(token);
    const erase = page.getByRole("button", { name: "Meine Daten jetzt löschen" });
    await expectNoAxeViolations(page);

    // "Nein" goes back and erases nothing.
    await erase.click();
    await page.getByRole("heading", { name: "Möchten Sie Ihre Daten jetzt löschen?" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("Danach funktioniert dieser Link nicht mehr.");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Nein, nicht löschen" }).click();
    await erase.waitFor();
    expect((await fetch(`${app.baseURL}/api/bookings/manage/${token}`)).status).toBe(200);

    await erase.click();
    await page.getByRole("button", { name: "Ja, jetzt löschen" }).click();
    await page.getByRole("heading", { name: "Ihre Daten sind gelöscht." }).waitFor();
    const text = (await page.locator("main").textContent())!;
    expect(text).toContain("Ihren Namen");
    expect(text).toContain("Ihre Telefonnummer");
    expect(text).toContain("Dieser Link funktioniert jetzt nicht mehr.");
    expect(text).not.toContain("Jürgen");
    expect(text).not.toContain(created.code);
    await expectNoAxeViolations(page);
    expect((await fetch(`${app.baseURL}/api/bookings/manage/${token}`)).status).toBe(404);
    expect(problems).toEqual([]);

    await page.reload();
    await page.getByText(/nicht|not/).first().waitFor();
    expect(await page.locator("main").textContent()).not.toContain("Jürgen");
    await page.close();
  });

  it("offers nothing to erase while the booking is active", async () => {
    const { token } = await booking("Aktive Person", `aktiv-${Date.now()}@example.org`, 3, true);
    const { page } = await openManage(token);
    await page.getByRole("button", { name: "Termin absagen" }).waitFor();
    expect(await page.getByRole("button", { name: "Meine Daten jetzt löschen" }).count()).toBe(0);
    await page.close();
  });
});
