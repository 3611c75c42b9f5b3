import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BookingCreated, ManagedBooking } from "../../schemas/bookings";
import { Paired } from "../../schemas/kiosk";
import { SlotsResponse } from "../../schemas/slots";
import { startApp, type TestApp } from "./support/app";
import { expectNoAxeViolations, focused, launchChromium, sidewaysOverflow, tabTo, watchForProblems } from "./support/browser";

/*
 * The booking flow in Chromium against the production build: book by mouse and by keyboard only,
 * cancel and move from the manage page, ask for a time "nach Vereinbarung", and what happens when a
 * time goes or the network drops. axe-core checks every step. The tests share one database, so each
 * booking uses its own topic and day, and each its own e-mail address (at most 2 active per address).
 */

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

const FULL_DATE_TIME = /^(Montag|Mittwoch), \d{1,2}\. [A-Za-zäöüÄÖÜ]+ 20\d\d, \d\d:\d\d Uhr$/;

function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.org`;
}

async function openPage(path = "/", width = 390, height = 844): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } });
  const problems = watchForProblems(page);
  await page.goto(app.baseURL + path);
  return { page, problems };
}

async function openBookingPage(width = 390, height = 844) {
  const opened = await openPage("/", width, height);
  await opened.page.getByRole("radio").first().waitFor();
  return opened;
}

/** The heading of the step on show took the focus (so screen readers read it) and says `text`. */
async function expectStep(page: Page, text: RegExp): Promise<void> {
  await page.waitForFunction(() => document.activeElement?.id === "step-heading");
  expect((await page.locator("#step-heading").textContent())!.replace(/\s+/g, " ")).toMatch(text);
}

/** One day of `GET /api/slots` for a topic, fetched independently of the page. */
async function apiDay(topic: string, date: string) {
  const res = await fetch(`${app.baseURL}/api/slots?from=${date}&to=${date}&topic=${topic}`);
  expect(res.status).toBe(200);
  return SlotsResponse.parse(await res.json()).days[0]!;
}

async function apiManaged(manageUrl: string) {
  const token = new URL(manageUrl).hash.slice(1);
  const res = await fetch(`${app.baseURL}/api/bookings/manage/${token}`);
  expect(res.status).toBe(200);
  return ManagedBooking.parse(await res.json());
}

interface Booked {
  start: string;
  code: string;
  manageUrl: string;
}

/**
 * Books with the mouse: topic card, "Weiter", the `dayIndex`-th free day, the `slotIndex`-th time, the
 * form, the review. Runs axe on each step when `axe` is set.
 */
async function bookByMouse(
  page: Page,
  o: { topic: string; dayIndex: number; slotIndex?: number; email: string; axe?: boolean; width?: number },
): Promise<Booked> {
  const check = async () => {
    if (o.axe) await expectNoAxeViolations(page);
    if (o.width) expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  };
  await check();
  await page.locator("label", { hasText: o.topic }).click(); // choosing a topic moves on
  await expectStep(page, /Schritt 2 von 5: ?Welcher Tag passt Ihnen\?/);
  await page.locator(".day-button").first().waitFor();
  await check();
  await page.locator(".day-button").nth(o.dayIndex).click();
  await expectStep(page, /Schritt 3 von 5: ?Welche Uhrzeit passt Ihnen\?/);
  await check();
  const slotButton = page.locator(".slot-button").nth(o.slotIndex ?? 0);
  const start = (await slotButton.locator("time").getAttribute("datetime"))!;
  await slotButton.click();
  await expectStep(page, /Schritt 4 von 5: ?Ihre Kontaktdaten/);
  await check();
  await page.getByLabel("Vor- und Nachname").fill("Ayşe Yılmaz");
  await page.getByLabel("E-Mail-Adresse").fill(o.email);
  await page.getByLabel(/Telefonnummer/).fill("0831 / 123 45");
  await page.getByRole("checkbox", { name: /Ich habe die Hinweise zum Datenschutz gelesen/ }).check();
  await page.getByRole("button", { name: "Weiter" }).click();
  await expectStep(page, /Schritt 5 von 5: ?Stimmt alles\?/);
  await check();
  await page.getByRole("button", { name: "Termin verbindlich buchen" }).click();
  await expectStep(page, /Ihr Termin ist gebucht/);
  await check();
  const code = (await page.locator(".ticket__code [aria-hidden]").textContent())!;
  const manageUrl = (await page.getByRole("link", { name: "Termin ansehen, verschieben oder absagen" }).getAttribute("href"))!;
  return { start, code, manageUrl };
}

describe("booking flow", () => {
  it("books a slot by mouse on a 320 px phone; every step passes axe and fits the screen", async () => {
    const { page, problems } = await openBookingPage(320, 640);
    const email = uniqueEmail("mouse");

    // "Weiter" without a topic: the error is named at the top and next to the question.
    await page.getByRole("button", { name: "Weiter" }).click();
    await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
    expect(await page.locator(".error-summary").textContent()).toContain("Bitte wählen Sie ein Thema.");
    await expectNoAxeViolations(page);

    // The details step, first empty: errors next to the fields, tied to them, and a summary linking to them.
    await page.locator("label", { hasText: "Allgemeine Fragen" }).click(); // choosing a topic moves on
    await page.locator(".day-button").first().click();
    const firstSlot = page.locator(".slot-button").first();
    // The button is announced with the full date and time, not just "13:00".
    expect((await firstSlot.textContent())!.replace(/\s+/g, " ").trim()).toMatch(FULL_DATE_TIME);
    await firstSlot.click();
    await page.getByRole("button", { name: "Weiter" }).click();
    await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
    const name = page.getByLabel("Vor- und Nachname");
    expect(await name.getAttribute("aria-invalid")).toBe("true");
    expect(await name.getAttribute("aria-describedby")).toContain("f-name-error");
    expect(await page.locator("#f-name-error").textContent()).toContain("Bitte schreiben Sie Ihren Namen.");
    expect(await page.getByLabel("E-Mail-Adresse").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByRole("checkbox").getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    // A link of the summary takes the focus to its field.
    await page.locator(".error-summary a", { hasText: "E-Mail-Adresse" }).click();
    expect((await focused(page)).id).toBe("f-email");
    await page.getByLabel("E-Mail-Adresse").fill("keine-adresse");
    await page.getByLabel("Vor- und Nachname").fill("A");
    await page.getByRole("button", { name: "Weiter" }).click();
    expect(await page.locator("#f-email-error").textContent()).toContain("Die E-Mail-Adresse stimmt so nicht.");
    expect(await page.locator("#f-name-error").textContent()).toContain("Der Name ist zu kurz.");

    // Start again from the first step and book.
    await page.goto(`${app.baseURL}/`);
    await page.getByRole("radio").first().waitFor();
    const booked = await bookByMouse(page, { topic: "Allgemeine Fragen", dayIndex: 0, email, axe: true, width: 320 });

    // The confirmation: code, date and time in words, address, calendar file, manage link, the mail.
    expect(booked.code).toMatch(/^[A-Z0-9]{6}$/);
    const ticket = (await page.locator(".step--done").textContent())!.replace(/\s+/g, " ");
    expect(ticket).toMatch(/(Montag|Mittwoch), \d{1,2}\. \S+ 20\d\d, \d\d:\d\d bis \d\d:\d\d Uhr/);
    expect(ticket).toContain("Anton-Fehr-Str. 6");
    expect(ticket).toContain(email);
    expect(ticket).toContain("Wir haben Ihnen eine E-Mail mit diesen Angaben geschickt");
    const token = new URL(booked.manageUrl).hash.slice(1);
    expect(token.length).toBeGreaterThan(20);
    const calendar = page.getByRole("link", { name: "In den Kalender eintragen" });
    expect(await calendar.getAttribute("href")).toBe(`/api/bookings/manage/${token}/invite.ics`);
    expect(await calendar.getAttribute("download")).toBe("termin.ics");
    const ics = await fetch(`${app.baseURL}/api/bookings/manage/${token}/invite.ics`);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    expect(await ics.text()).toContain("BEGIN:VCALENDAR");

    // The slot is taken: the API no longer offers it.
    const day = await apiDay("fragen", booked.start.slice(0, 10));
    expect(day.slots.map((s) => s.start)).not.toContain(booked.start);
    const managed = await apiManaged(booked.manageUrl);
    expect(managed).toMatchObject({ status: "confirmed", code: booked.code, email, name: "Ayşe Yılmaz", phone: "0831 / 123 45" });
    expect(Date.parse(managed.start!)).toBe(Date.parse(booked.start));

    expect(problems).toEqual([]);
    await page.close();
  });

  it("books a slot with the keyboard only", async () => {
    const { page, problems } = await openBookingPage(1280, 900);
    const email = uniqueEmail("keyboard");
    const keys = page.keyboard;

    // Topic: Tab into the radio group, arrow to "Kompetenzanalyse" (the arrow also selects it).
    await tabTo(page, (f) => f.tag === "input" && f.type === "radio");
    let f = await focused(page);
    while (!f.name.includes("Kompetenzanalyse")) {
      await keys.press("ArrowDown");
      f = await focused(page);
    }
    expect(f.checked).toBe(true);
    await tabTo(page, (x) => x.tag === "button" && x.name === "Weiter");
    await keys.press("Enter");
    await expectStep(page, /Welcher Tag passt Ihnen\?/);
    await page.locator(".day-button").first().waitFor();
    await expectNoAxeViolations(page);

    // Day: the second free day (the mouse test took the first), reached with Tab, chosen with Enter.
    const dayText = (await page.locator(".day-button .day-button__date").nth(1).textContent())!;
    await tabTo(page, (x) => x.tag === "button" && x.name.startsWith(dayText));
    await keys.press("Enter");
    await expectStep(page, /Welche Uhrzeit passt Ihnen\?/);
    await expectNoAxeViolations(page);

    // Time: the first one, chosen with Space; its name is the full date and time.
    const slot = await tabTo(page, (x) => x.tag === "button" && FULL_DATE_TIME.test(x.name));
    expect(slot.name.startsWith(dayText)).toBe(true);
    const start = (await page.evaluate(() => document.activeElement?.querySelector("time")?.getAttribute("datetime")))!;
    await keys.press(" ");
    await expectStep(page, /Ihre Kontaktdaten/);
    await expectNoAxeViolations(page);

    // The form, typed.
    await tabTo(page, (x) => x.id === "f-name");
    await keys.type("Jonas Weber");
    await tabTo(page, (x) => x.id === "f-email");
    await keys.type(email);
    await tabTo(page, (x) => x.id === "f-note");
    await keys.type("Ich brauche Hilfe beim Lebenslauf.");
    await tabTo(page, (x) => x.id === "f-consent");
    await keys.press(" ");
    expect((await focused(page)).checked).toBe(true);
    await tabTo(page, (x) => x.tag === "button" && x.name === "Weiter");
    await keys.press("Enter");
    await expectStep(page, /Stimmt alles\?/);
    const review = (await page.locator(".summary").textContent())!;
    expect(review).toContain("Kompetenzanalyse");
    expect(review).toContain("Jonas Weber");
    expect(review).toContain(email);
    expect(review).toContain("Ich brauche Hilfe beim Lebenslauf.");
    await expectNoAxeViolations(page);

    await tabTo(page, (x) => x.tag === "button" && x.name === "Termin verbindlich buchen");
    await keys.press("Enter");
    await expectStep(page, /Ihr Termin ist gebucht/);
    await expectNoAxeViolations(page);

    // The links of the confirmation are reachable with Tab too.
    await tabTo(page, (x) => x.tag === "a" && x.name === "In den Kalender eintragen");
    const manage = await tabTo(page, (x) => x.tag === "a" && x.name === "Termin ansehen, verschieben oder absagen");
    expect(manage.name).toBeTruthy();
    const manageUrl = (await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href))!;
    const managed = await apiManaged(manageUrl);
    expect(managed).toMatchObject({ status: "confirmed", name: "Jonas Weber", email, note: "Ich brauche Hilfe beim Lebenslauf." });
    expect(managed.topic.key).toBe("kompetenzanalyse");
    expect(Date.parse(managed.start!)).toBe(Date.parse(start));

    expect(problems).toEqual([]);
    await page.close();
  });

  it("cancels from the manage page, after a confirmation question; the slot is free again", async () => {
    const { page, problems } = await openBookingPage();
    const booked = await bookByMouse(page, { topic: "Einzelcoaching", dayIndex: 2, email: uniqueEmail("cancel") });
    const date = booked.start.slice(0, 10);
    expect((await apiDay("einzelcoaching", date)).slots.map((s) => s.start)).not.toContain(booked.start);

    // The manage link from the confirmation screen.
    await page.goto(booked.manageUrl);
    await page.getByRole("heading", { level: 1, name: "Ihr Termin" }).waitFor();
    await page.getByText(booked.code).first().waitFor();
    const overview = (await page.locator("main").textContent())!.replace(/\s+/g, " ");
    expect(overview).toContain("Gebucht");
    expect(overview).toContain("Einzelcoaching");
    expect(await page.getByRole("link", { name: "In den Kalender eintragen" }).getAttribute("href")).toMatch(/invite\.ics$/);
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Termin absagen" }).click();
    await expectStep(page, /Möchten Sie den Termin wirklich absagen\?/);
    await expectNoAxeViolations(page);
    // "No" keeps it.
    await page.getByRole("button", { name: "Nein, nicht absagen" }).click();
    await page.getByRole("button", { name: "Termin absagen" }).click();
    await page.getByRole("button", { name: "Ja, absagen" }).click();
    await page.getByRole("status").getByText("Der Termin ist abgesagt.").waitFor();
    expect((await page.locator(".summary").textContent())!).toContain("Abgesagt");
    expect(await page.getByRole("button", { name: "Termin absagen" }).count()).toBe(0);
    await expectNoAxeViolations(page);

    expect((await apiManaged(booked.manageUrl)).status).toBe("cancelled");
    expect((await apiDay("einzelcoaching", date)).slots.map((s) => s.start)).toContain(booked.start);

    // The browser's back button does not bring back a question that no longer applies.
    await page.goBack();
    await expectStep(page, /Abgesagt|Mittwoch|Montag/);
    expect(await page.getByRole("button", { name: "Ja, absagen" }).count()).toBe(0);

    expect(problems).toEqual([]);
    await page.close();
  });

  it("moves a booking on the manage page with the same day and time picker", async () => {
    const { page, problems } = await openBookingPage();
    const booked = await bookByMouse(page, { topic: "Qualifizierung", dayIndex: 3, email: uniqueEmail("move") });
    await page.goto(booked.manageUrl);
    await page.getByRole("button", { name: "Termin verschieben" }).click();
    await expectStep(page, /Auf welchen Tag möchten Sie den Termin verschieben\?/);
    await page.locator(".day-button").first().waitFor();
    await expectNoAxeViolations(page);
    await page.locator(".day-button").nth(4).click();
    await expectStep(page, /Welche Uhrzeit passt Ihnen\?/);
    const target = page.locator(".slot-button").first();
    expect((await target.textContent())!.replace(/\s+/g, " ").trim()).toMatch(FULL_DATE_TIME);
    const newStart = (await target.locator("time").getAttribute("datetime"))!;
    await target.click();
    await expectStep(page, /Termin verschieben\?/);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Ja, verschieben" }).click();
    await page.getByRole("status").getByText("Der Termin ist verschoben.").waitFor();
    await expectNoAxeViolations(page);

    const managed = await apiManaged(booked.manageUrl);
    expect(Date.parse(managed.start!)).toBe(Date.parse(newStart));
    expect((await apiDay("qualifizierung", booked.start.slice(0, 10))).slots.map((s) => s.start)).toContain(booked.start);
    expect((await apiDay("qualifizierung", newStart.slice(0, 10))).slots.map((s) => s.start)).not.toContain(newStart);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the manage page of a booking at another office shows that office, links its legal pages and moves within it", async () => {
    // Booked at the always-open test office through a kiosk paired there (the booking page books at the default office).
    const pair = await fetch(`${app.baseURL}/api/devices/pair`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: app.codes.spareOpen[5] }),
    });
    expect(pair.status).toBe(201);
    const cookie = `__Host-sprechstunde-kiosk=${Paired.parse(await pair.json()).token}`;
    const today = new Date().toISOString().slice(0, 10);
    const later = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
    const slots = SlotsResponse.parse(await (await fetch(`${app.baseURL}/api/slots?from=${today}&to=${later}&topic=fragen`, { headers: { cookie } })).json());
    const start = slots.days.flatMap((d) => d.slots)[3]!.start;
    const res = await fetch(`${app.baseURL}/api/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: app.baseURL },
      body: JSON.stringify({ start, topic: "fragen", name: "Zora Andersbüro", email: uniqueEmail("other-office"), locale: "de", consent: true }),
    });
    expect(res.status).toBe(201);
    const { manageUrl } = BookingCreated.parse(await res.json());

    const { page, problems } = await openPage(new URL(manageUrl).pathname + new URL(manageUrl).hash);
    const legal = page.getByRole("navigation", { name: "Rechtliches" });
    await legal.waitFor();
    const hrefs = await legal.getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(["/impressum?lang=de&office=e2e-open", "/datenschutz?lang=de&office=e2e-open", "/barrierefreiheit?lang=de&office=e2e-open"]);
    expect(await page.locator("footer address").textContent()).toContain("Immer offen");

    const asked = page.waitForRequest((r) => r.url().includes("/api/slots?") && new URL(r.url()).searchParams.get("office") === "e2e-open");
    await page.getByRole("button", { name: "Termin verschieben" }).click();
    await asked;
    await page.locator(".day-button").first().waitFor();
    await page.locator(".day-button").nth(1).click();
    const target = page.locator(".slot-button").first();
    const newStart = (await target.locator("time").getAttribute("datetime"))!;
    await target.click();
    await page.getByRole("button", { name: "Ja, verschieben" }).click();
    await page.getByRole("status").getByText("Der Termin ist verschoben.").waitFor();
    expect(Date.parse((await apiManaged(manageUrl)).start!)).toBe(Date.parse(newStart));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("sends a request 'nach Vereinbarung' from the booking page", async () => {
    const { page, problems } = await openBookingPage();
    const email = uniqueEmail("request");
    await page.locator("label", { hasText: "Bewerbungstraining" }).click(); // choosing a topic moves on
    await page.getByRole("button", { name: "Keine passende Zeit? Termin nach Vereinbarung anfragen" }).click();
    await expectStep(page, /Termin nach Vereinbarung anfragen/);
    // The topic chosen before is already ticked.
    expect(await page.getByRole("radio", { name: /Bewerbungstraining/ }).isChecked()).toBe(true);
    // The request's own retention rule beside the tick box, not the appointment's.
    expect(await page.locator("#r-consent-text").textContent()).toBe(
      "Wir nutzen Ihre Angaben nur für Ihre Anfrage. Die Anfrage bleibt gespeichert, bis das Büro antwortet. Sagt das Büro ab oder ziehen Sie die Anfrage zurück, löschen wir Ihre Angaben 30 Tage danach. Bekommen Sie einen Termin, löschen wir sie 30 Tage nach dem Termin. Mehr zum Datenschutz",
    );
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Anfrage senden" }).click();
    await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
    const summary = (await page.locator(".error-summary").textContent())!;
    expect(summary).toContain("Bitte wählen Sie mindestens einen Tag.");
    expect(summary).toContain("Bitte wählen Sie mindestens eine Tageszeit.");
    expect(summary).toContain("Bitte schreiben Sie Ihren Namen.");
    await expectNoAxeViolations(page);

    await page.getByRole("checkbox", { name: "Dienstag" }).check();
    await page.getByRole("checkbox", { name: "Freitag" }).check();
    await page.getByRole("checkbox", { name: "Abend" }).check();
    await page.getByLabel(/Was sollen wir noch wissen/).fill("Ich arbeite bis 16 Uhr.");
    await page.getByLabel("Vor- und Nachname").fill("Olena Kovalenko");
    await page.getByLabel("E-Mail-Adresse").fill(email);
    await page.getByRole("checkbox", { name: /Ich habe die Hinweise zum Datenschutz gelesen/ }).check();
    await page.getByRole("button", { name: "Anfrage senden" }).click();
    await expectStep(page, /Ihre Anfrage ist angekommen/);
    expect((await page.locator("main").textContent())!).toContain(email);
    await expectNoAxeViolations(page);

    const manageUrl = (await page.getByRole("link", { name: "Anfrage ansehen oder zurückziehen" }).getAttribute("href"))!;
    const managed = await apiManaged(manageUrl);
    expect(managed).toMatchObject({
      kind: "request",
      status: "requested",
      name: "Olena Kovalenko",
      email,
      preferredWeekdays: [2, 5],
      preferredTimes: ["evening"],
      wish: "Ich arbeite bis 16 Uhr.",
    });
    expect(managed.topic.key).toBe("bewerbung");

    await page.goto(manageUrl);
    await page.getByRole("heading", { level: 1, name: "Ihre Anfrage" }).waitFor();
    const overview = (await page.locator("main").textContent())!;
    expect(overview).toContain("Angefragt");
    expect(overview).toContain("Dienstag, Freitag");
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("keeps the form through the browser's back and forward buttons and the privacy notice", async () => {
    const { page, problems } = await openBookingPage();
    await page.locator("label", { hasText: "Digitale Lernorte" }).click(); // choosing a topic moves on
    await page.locator(".day-button").first().click();
    await page.locator(".slot-button").first().click();
    await page.getByLabel("Vor- und Nachname").fill("Mehmet Demir");
    await page.getByLabel("E-Mail-Adresse").fill("mehmet@example.org");
    await page.getByRole("checkbox", { name: /Ich habe die Hinweise zum Datenschutz gelesen/ }).check();

    // The privacy notice opens in place and "back" returns to the filled form.
    await page.getByRole("link", { name: "Mehr zum Datenschutz" }).click();
    await expectStep(page, /Datenschutz/);
    // The same text as /datenschutz, loaded from the Worker when the notice opens.
    await page.getByRole("heading", { name: "Wie lange?" }).waitFor();
    const privacy = (await page.locator("main").textContent())!;
    expect(privacy).toContain("30 Tage nach dem Termin löschen wir");
    expect(privacy).toContain("Anton-Fehr-Str. 6");
    await expectNoAxeViolations(page);
    await page.goBack();
    await expectStep(page, /Ihre Kontaktdaten/);
    expect(await page.getByLabel("Vor- und Nachname").inputValue()).toBe("Mehmet Demir");

    await page.getByRole("button", { name: "Weiter" }).click();
    await expectStep(page, /Stimmt alles\?/);
    await page.goBack();
    await expectStep(page, /Ihre Kontaktdaten/);
    expect(await page.getByLabel("E-Mail-Adresse").inputValue()).toBe("mehmet@example.org");
    expect(await page.getByRole("checkbox", { name: /Ich habe die Hinweise zum Datenschutz gelesen/ }).isChecked()).toBe(true);
    await page.goBack();
    await expectStep(page, /Welche Uhrzeit passt Ihnen\?/);
    await page.goForward();
    await page.goForward();
    await expectStep(page, /Stimmt alles\?/);
    expect((await page.locator(".summary").textContent())!).toContain("Mehmet Demir");

    // "Ändern" jumps back to the form; its "Zurück" then leads to the times, not to the review.
    await page.getByRole("button", { name: /^Ändern ?: Name$/ }).click();
    await expectStep(page, /Ihre Kontaktdaten/);
    await page.getByRole("button", { name: "Zurück" }).click();
    await expectStep(page, /Welche Uhrzeit passt Ihnen\?/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("says so when the time was taken meanwhile, and offers the fresh times of that day", async () => {
    const { page } = await openBookingPage();
    await page.locator("label", { hasText: "Stadtteilzeitung" }).click(); // choosing a topic moves on
    await page.locator(".day-button").nth(5).click();
    const slotButton = page.locator(".slot-button").first();
    const start = (await slotButton.locator("time").getAttribute("datetime"))!;
    await slotButton.click();
    await page.getByLabel("Vor- und Nachname").fill("Lea Berger");
    await page.getByLabel("E-Mail-Adresse").fill(uniqueEmail("late"));
    await page.getByRole("checkbox", { name: /Ich habe die Hinweise zum Datenschutz gelesen/ }).check();
    await page.getByRole("button", { name: "Weiter" }).click();
    await expectStep(page, /Stimmt alles\?/);

    // Someone else books the same time first.
    const other = await fetch(`${app.baseURL}/api/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ start, topic: "zeitung", name: "Jemand Anders", email: uniqueEmail("other"), locale: "de", consent: true }),
    });
    expect(other.status).toBe(201);

    await page.getByRole("button", { name: "Termin verbindlich buchen" }).click();
    await page.getByRole("alert").getByText("Diese Zeit ist leider nicht mehr frei.").waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Andere Zeit wählen" }).click();
    await expectStep(page, /Welche Uhrzeit passt Ihnen\?/);
    await page.locator(".slot-button").first().waitFor();
    const offered = await page.locator(".slot-button time").evaluateAll((els) => els.map((el) => el.getAttribute("datetime")));
    expect(offered).not.toContain(start);
    await page.close();
  });

  it("says plainly when a manage link opens nothing, with the phone number", async () => {
    const { page } = await openPage("/manage#dieser-link-ist-nicht-vollstaendig-123", 320, 640);
    await page.getByText(/Diesen Termin finden wir nicht/).waitFor();
    await expect(page.getByRole("link", { name: "0172 / 2315911" }).first().isVisible()).resolves.toBe(true);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await page.close();
  });

  it("books once when the answer is lost and the visitor tries again (same Idempotency-Key)", async () => {
    const { page } = await openBookingPage();
    const keys: string[] = [];
    const answers: BookingCreated[] = [];
    let dropNext = true;
    await page.route("**/api/bookings", async (route) => {
      keys.push((await route.request().headerValue("idempotency-key")) ?? "");
      // The first attempt reaches the server and books, but its answer never arrives.
      const response = await route.fetch();
      answers.push(BookingCreated.parse(await response.json()));
      if (dropNext) {
        dropNext = false;
        await route.abort("connectionreset");
      } else {
        await route.fulfill({ response });
      }
    });
    await page.locator("label", { hasText: "Unternehmensnetzwerk" }).click(); // choosing a topic moves on
    await page.locator(".day-button").nth(6).click();
    await page.locator(".slot-button").first().click();
    await page.getByLabel("Vor- und Nachname").fill("Firma Huber");
    await page.getByLabel("E-Mail-Adresse").fill(uniqueEmail("retry"));
    await page.getByRole("checkbox", { name: /Ich habe die Hinweise zum Datenschutz gelesen/ }).check();
    await page.getByRole("button", { name: "Weiter" }).click();
    const submit = page.getByRole("button", { name: "Termin verbindlich buchen" });
    await submit.click();
    await page.getByRole("alert").getByText(/Wir haben keine Antwort bekommen/).waitFor();
    await submit.click();
    await expectStep(page, /Ihr Termin ist gebucht/);

    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(answers[1]!.id).toBe(answers[0]!.id);
    expect(await page.locator(".ticket__code [aria-hidden]").textContent()).toBe(answers[0]!.code);
    await page.close();
  });
});
