import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESIDENT_LOCALES } from "../../common/i18n/languages";
import { serveIsolated, type IsolatedApp } from "../../scripts/serve-isolated";
import { Paired } from "../../schemas/kiosk";
import { OutboxList } from "../../schemas/staff-bookings";
import { expectNoAxeViolations, launchChromium, sidewaysOverflow, watchForProblems } from "./support/browser";
import { e2eOffices } from "./support/offices";

/*
 * The legal pages in Chromium: /impressum, /datenschutz and /barrierefreiheit in the six languages,
 * axe-clean, without script, cookie or anything from elsewhere, readable at 320 px (400 % zoom); the
 * feedback form posted through the browser (an error first, then a mail to the office in the outbox);
 * the booking page's footer linking all three; the kiosk showing all three on the tablet.
 * The always-open test office gets an e-mail address here, so its statement offers the form.
 */

const OFFICE_MAIL = "buero-e2e@example.org";

let app: IsolatedApp;
let browser: Browser;
let offices: ReturnType<typeof e2eOffices>;

beforeAll(async () => {
  offices = e2eOffices();
  app = await serveIsolated({ extraSeed: `${offices.sql}\nUPDATE locations SET email = '${OFFICE_MAIL}' WHERE slug = 'e2e-open';\n` });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

/** Everything the page loaded, as the browser saw it. */
function watchRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => void urls.push(r.url()));
  return urls;
}

describe("the three pages", () => {
  for (const path of ["/impressum", "/datenschutz", "/barrierefreiheit"]) {
    for (const lang of RESIDENT_LOCALES) {
      it(`${path} in ${lang}: accessible, no script, no cookie, nothing from elsewhere, 320 px wide without sideways scrolling`, async () => {
        const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
        const page = await context.newPage();
        const problems = watchForProblems(page);
        const requests = watchRequests(page);
        const res = await page.goto(`${app.baseURL}${path}${lang === "de" ? "" : `?lang=${lang}`}`);
        expect(res?.status()).toBe(200);
        expect(await page.locator("html").getAttribute("lang")).toBe(lang);
        await page.getByRole("heading", { level: 1 }).waitFor();
        await expectNoAxeViolations(page);
        expect(await sidewaysOverflow(page)).toBe(0);
        expect(await page.locator("script").count()).toBe(0);
        expect(await context.cookies()).toEqual([]);
        expect(requests.filter((u) => !u.startsWith(app.baseURL))).toEqual([]);
        expect(requests.some((u) => u.endsWith("/legal.css"))).toBe(true);
        expect(problems).toEqual([]);

        // The skip link first; each language one link away, named in itself; Arabic mirrored (the first
        // language of the list at the right, the next one left of it).
        await page.keyboard.press("Tab");
        expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
        expect(await page.locator("html").getAttribute("dir")).toBe(lang === "ar" ? "rtl" : "ltr");
        const links = page.locator("a.lang-switch__link");
        expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute("lang")))).toEqual([...RESIDENT_LOCALES]);
        const [first, second] = [(await links.nth(0).boundingBox())!, (await links.nth(1).boundingBox())!];
        expect(first.y).toBe(second.y);
        expect(lang === "ar" ? first.x > second.x : first.x < second.x).toBe(true);
        const next = lang === "de" ? "en" : "de";
        await page.locator(`a.lang-switch__link[lang="${next}"]`).click();
        expect(await page.locator("html").getAttribute("lang")).toBe(next);
        await context.close();
      });
    }
  }
});

describe("the feedback form", () => {
  it("a plain form post (the page has no script): a missing message is named at its field, then the message reaches the office's outbox", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.baseURL}/barrierefreiheit?office=e2e-open`);
    expect(await page.locator("script").count()).toBe(0);
    await page.getByLabel("Ihr Name (freiwillig)").fill("Erika Beispiel");
    await page.getByRole("button", { name: "Nachricht senden" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("Bitte schreiben Sie eine Nachricht.");
    // The answer is a new page: focus on its summary and "Fehler:" first in the title say what happened.
    await page.waitForFunction(() => document.activeElement?.id === "feedback-problems"); // autofocus runs at the next frame
    expect(await page.title()).toMatch(/^Fehler: Erklärung zur Barrierefreiheit/);
    expect(await page.getByLabel("Ihre Nachricht").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Ihr Name (freiwillig)").inputValue()).toBe("Erika Beispiel");
    await expectNoAxeViolations(page);

    await page.getByLabel("Ihre Nachricht").fill("Die Tabelle der Öffnungszeiten liest mein Screenreader durcheinander.");
    await page.getByLabel("E-Mail-Adresse oder Telefonnummer (freiwillig)").fill("erika@example.org");
    await page.getByRole("button", { name: "Nachricht senden" }).click();
    await page.getByRole("heading", { level: 1, name: "Danke für Ihre Nachricht" }).waitFor();
    // Sent with its real Origin (Referrer-Policy same-origin), then 303 to the thanks: a reload sends nothing again.
    expect(new URL(page.url()).search).toBe("?lang=de&office=e2e-open&gesendet=1");
    await expectNoAxeViolations(page);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Danke für Ihre Nachricht" }).waitFor();
    expect(await context.cookies()).toEqual([]);
    await context.close();

    // The office sees it in its outbox: a mail to its own address, about no booking.
    const signIn = await fetch(`${app.baseURL}/api/auth/link/redeem`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: offices.staffLinks.admin[0] }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");
    const outbox = OutboxList.parse(await (await fetch(`${app.baseURL}/api/staff/e2e-open/outbox`, { headers: { cookie } })).json());
    expect(outbox.mails.filter((m) => m.kind === "accessibility_feedback")).toMatchObject([{ to: OFFICE_MAIL, bookingId: null, status: "captured" }]);
  });
});

describe("the feedback form's other states", () => {
  it("its error state in English, and the state of an office without an address, pass axe", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.baseURL}/barrierefreiheit?lang=en&office=e2e-open`);
    await page.getByRole("button", { name: "Send message" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.waitForFunction(() => document.activeElement?.id === "feedback-problems"); // autofocus runs at the next frame
    expect(await page.title()).toMatch(/^Error: Accessibility statement/);
    await expectNoAxeViolations(page);
    await page.goto(`${app.baseURL}/barrierefreiheit?office=e2e-closed`);
    expect(await page.locator("form").count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.close();
  });

  it("2000 characters of a 3-byte script reach the office (multipart: UTF-8 as it is)", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.baseURL}/barrierefreiheit?office=e2e-open`);
    await page.getByLabel("Ihre Nachricht").fill("ሰ".repeat(2000));
    await page.getByRole("button", { name: "Nachricht senden" }).click();
    await page.getByRole("heading", { level: 1, name: "Danke für Ihre Nachricht" }).waitFor();
    await page.close();
  });
});

describe("linked from the surfaces", () => {
  it("the booking page's footer links all three pages of its office", async () => {
    const page = await browser.newPage();
    const problems = watchForProblems(page);
    await page.goto(`${app.baseURL}/`);
    const nav = page.getByRole("navigation", { name: "Rechtliches" });
    for (const [name, href] of [
      ["Impressum", "/impressum?lang=de&office=kempten-ost"],
      ["Datenschutz", "/datenschutz?lang=de&office=kempten-ost"],
      ["Barrierefreiheit", "/barrierefreiheit?lang=de&office=kempten-ost"],
    ]) {
      expect(await nav.getByRole("link", { name }).getAttribute("href")).toBe(href);
    }
    await expectNoAxeViolations(page);
    await nav.getByRole("link", { name: "Impressum" }).click();
    await page.getByRole("heading", { level: 1, name: "Impressum" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("Stadt Kempten (Allgäu)");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the kiosk shows all three documents on the tablet, without a way off it", async () => {
    const res = await fetch(`${app.baseURL}/api/devices/pair`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: offices.codes.open }),
    });
    expect(res.status).toBe(201);
    const { token } = Paired.parse(await res.json());
    const context = await browser.newContext({
      viewport: { width: 1024, height: 768 },
      storageState: { cookies: [], origins: [{ origin: app.baseURL, localStorage: [{ name: "sprechstunde.kiosk.token", value: token }] }] },
    });
    const page = await context.newPage();
    await page.goto(`${app.baseURL}/kiosk`);
    await page.getByRole("button", { name: "Datenschutz" }).click();
    await page.getByRole("heading", { level: 1, name: "Datenschutz" }).waitFor();
    await page.getByRole("heading", { name: "Wie lange?" }).waitFor();
    const text = (await page.locator("main").textContent())!;
    expect(text).toContain("30 Tage nach dem Termin löschen wir");
    expect(text).toContain("Art. 6 Abs. 1 UAbs. 1 Buchst. e");
    // Addresses are text here: nobody leaves the tablet's screen.
    expect(await page.locator("main a").count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Zurück" }).click();

    // The Impressum and the accessibility statement too; the statement's feedback part says where to write, as text.
    await page.getByRole("button", { name: "Impressum" }).click();
    await page.getByRole("heading", { level: 1, name: "Impressum" }).waitFor();
    await page.getByRole("heading", { name: "Anbieter" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("Testbüro immer offen");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Zurück" }).click();
    await page.getByRole("button", { name: "Barrierefreiheit" }).click();
    await page.getByRole("heading", { level: 1, name: "Barrierefreiheit" }).waitFor();
    const feedback = page.getByRole("region", { name: "Feedback und Kontakt" });
    await feedback.waitFor();
    const said = (await feedback.textContent())!;
    expect(said).toContain("So erreichen Sie uns:");
    expect(said).toContain(OFFICE_MAIL);
    expect(said).toContain("0172 / 2315911");
    expect(await page.locator("main a, main form").count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Zurück" }).click();
    await page.getByRole("button", { name: "Datenschutz" }).waitFor();
    await context.close();
  });

  it("a link with a trailing slash reaches the page, not the static 404", async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${app.baseURL}/impressum/?lang=en`);
    expect(res?.status()).toBe(200);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/impressum?lang=en");
    await page.getByRole("heading", { level: 1, name: "Legal notice (Impressum)" }).waitFor();
    await page.close();
  });
});
