import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestCreated } from "../../schemas/bookings";
import { startApp, type TestApp } from "./support/app";
import { query } from "./support/d1";
import { expectNoAxeViolations, focused, launchChromium, tabTo, watchForProblems } from "./support/browser";

/*
 * The booking page for everyone (issue 13, item 6), in Chromium against the production build: a topic
 * card chosen by mouse or by Space moves on (arrows only select), the step change takes the focus, and
 * back shows the choice; a request with a phone number only; the e-mail typo suggestion; "Link verloren?"
 * on the booking page (its mail's link opens the booking) and where the manage page finds nothing.
 * axe on every changed screen.
 */

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

async function openBookingPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const problems = watchForProblems(page);
  await page.goto(`${app.baseURL}/`);
  await page.getByRole("radio").first().waitFor();
  return { page, problems };
}

/** The heading of the step on show took the focus (so screen readers read it) and says `text`. */
async function expectStep(page: Page, text: RegExp): Promise<void> {
  await page.waitForFunction(() => document.activeElement?.id === "step-heading");
  expect((await page.locator("#step-heading").textContent())!.replace(/\s+/g, " ")).toMatch(text);
}

describe("the booking page for everyone", () => {
  it("a tapped topic card moves on to the days; back shows it chosen", async () => {
    const { page, problems } = await openBookingPage();
    await expectNoAxeViolations(page);
    await page.locator("label", { hasText: "Bewerbungstraining" }).click();
    await expectStep(page, /Schritt 2 von 5: ?Welcher Tag passt Ihnen\?/);
    await page.locator(".day-button").first().waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Zurück", exact: true }).click();
    await expectStep(page, /Schritt 1 von 5: ?Worum geht es\?/);
    expect(await page.getByRole("radio", { name: /Bewerbungstraining/ }).isChecked()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("by keyboard: arrows walk the cards without moving on, Space chooses and moves on", async () => {
    const { page, problems } = await openBookingPage();
    await tabTo(page, (f) => f.tag === "input" && f.type === "radio");
    const first = await focused(page);
    await page.keyboard.press("ArrowDown");
    const second = await focused(page);
    expect(second.id).not.toBe(first.id);
    expect(second.checked).toBe(true);
    // Still the topic step: an arrow only selects.
    expect(await page.locator("#step-heading").textContent()).toMatch(/Worum geht es\?/);
    expect(await page.getByRole("radio").count()).toBeGreaterThan(1);
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press(" ");
    await expectStep(page, /Welcher Tag passt Ihnen\?/);
    await page.getByRole("button", { name: "Zurück", exact: true }).click();
    await expectStep(page, /Worum geht es\?/);
    expect(await page.locator(`#${first.id}`).isChecked()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("a request with a phone number only; the typo suggestion takes the address meant", async () => {
    const { page, problems } = await openBookingPage();
    await page.locator("label", { hasText: "Stadtteilzeitung" }).click();
    await page.getByRole("button", { name: "Keine passende Zeit? Termin nach Vereinbarung anfragen" }).click();
    await expectStep(page, /Termin nach Vereinbarung anfragen/);
    await page.getByRole("checkbox", { name: "Mittwoch" }).check();
    await page.getByRole("checkbox", { name: "Vormittag" }).check();
    await page.getByLabel("Vor- und Nachname").fill("Oleh Kovalenko");
    await page.getByRole("checkbox", { name: /Ich habe die Hinweise zum Datenschutz gelesen/ }).check();

    // "name@gmail.con": on leaving the field, "Meinten Sie …?" with the address meant as a button.
    const email = page.getByLabel(/E-Mail-Adresse/);
    await email.fill("oleh.kovalenko@gmail.con");
    await email.press("Tab");
    const suggestion = page.locator("#r-email-suggestion");
    expect(await suggestion.getAttribute("aria-live")).toBe("polite");
    const take = suggestion.getByRole("button", { name: "oleh.kovalenko@gmail.com" });
    await take.waitFor();
    expect(await suggestion.textContent()).toContain("Meinten Sie diese Adresse?");
    await expectNoAxeViolations(page);
    await take.click();
    expect(await email.inputValue()).toBe("oleh.kovalenko@gmail.com");
    expect((await suggestion.textContent())!.trim()).toBe("");

    // Neither address nor phone: one error naming both.
    await email.fill("");
    await page.getByRole("button", { name: "Anfrage senden" }).click();
    await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
    expect(await page.locator(".error-summary").textContent()).toContain("Bitte schreiben Sie Ihre E-Mail-Adresse oder Ihre Telefonnummer.");
    await expectNoAxeViolations(page);

    const phone = `0831 ${Date.now() % 1_000_000}`;
    await page.getByLabel(/Telefonnummer/).fill(phone);
    await page.getByRole("button", { name: "Anfrage senden" }).click();
    await expectStep(page, /Ihre Anfrage ist angekommen/);
    const done = (await page.locator("main").textContent())!;
    expect(done).toContain("Wir rufen Sie an");
    expect(done).toContain(phone);
    await expectNoAxeViolations(page);
    const [row] = query(app.state, `SELECT email, phone FROM bookings WHERE phone = '${phone}'`);
    expect(row).toEqual({ email: null, phone });
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  it("'Link verloren?' mails the links of the address's bookings; the manage page's 'not found' offers it too", async () => {
    const email = `lost-${Date.now().toString(36)}@example.org`;
    const res = await fetch(`${app.baseURL}/api/requests`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ topic: "fragen", name: "Erika Müller", email, preferredWeekdays: [2], preferredTimes: ["morning"], consent: true }),
    });
    expect(res.status).toBe(201);
    const request = RequestCreated.parse(await res.json());

    const { page, problems } = await openBookingPage();
    await page.getByText("Link verloren?").click();
    await page.getByLabel("E-Mail-Adresse", { exact: true }).fill(email);
    await page.getByRole("button", { name: "Links schicken" }).click();
    await page.getByText(/Danke\. Wenn mit dieser Adresse Termine gebucht sind/).waitFor();
    await expectNoAxeViolations(page);

    // The mail is in the outbox (queued, sent after the answer); its link opens the request.
    let text = "";
    for (let i = 0; i < 30 && !text; i++) {
      const [row] = query(app.state, `SELECT text_body FROM mail_outbox WHERE to_address = '${email}' AND kind = 'manage_links'`);
      text = (row?.text_body as string | undefined) ?? "";
      if (!text) await new Promise((r) => setTimeout(r, 500));
    }
    const link = /http\S+\/manage#[A-Za-z0-9_-]+/.exec(text)![0];
    const manage = await browser.newPage();
    await manage.goto(new URL(new URL(link).pathname + new URL(link).hash, app.baseURL).href);
    await manage.getByRole("heading", { name: "Ihre Anfrage" }).waitFor();
    expect(new URL(link).hash).not.toBe(new URL(request.manageUrl).hash);

    // A link that opens nothing: the form is there too.
    await manage.goto(`${app.baseURL}/manage#gibt-es-nicht-${Date.now()}`);
    await manage.getByText("Diesen Termin finden wir nicht.", { exact: false }).waitFor();
    await manage.getByText("Link verloren?").click();
    await manage.getByLabel("E-Mail-Adresse", { exact: true }).waitFor();
    await expectNoAxeViolations(manage);
    expect(problems).toEqual([]);
    await manage.close();
    await page.close();
  }, 180_000);
});
