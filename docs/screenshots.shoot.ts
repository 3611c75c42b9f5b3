import { afterAll, beforeAll, expect, it } from "vitest";
import { KioskState, Paired, TicketView } from "../schemas/kiosk";
import { startApp, type TestApp } from "../tests/e2e/support/app";
import { launchChromium } from "../tests/e2e/support/browser";

/*
 * `npm run screenshots`: the README's pictures of each surface, taken from the production build on the
 * browser tests' own offices (the always-open one, so the queue has something to show at any hour).
 * Not a test: it asserts only what it needs to reach each screen. JPEG keeps the repository small.
 */

const OUT = "docs/screenshots";

// The office's clock in the pictures is Kempten's (the browser tests' own office lives where it is noon).
let app: TestApp;
beforeAll(async () => {
  app = await startApp("Europe/Berlin");
});
afterAll(() => app?.stop());

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

it("takes the README's screenshots", async () => {
  const { baseURL, codes, staffLinks: links } = app;
  const browser = await launchChromium();
  try {
    const shot = async (page: import("playwright-core").Page, name: string) =>
      page.screenshot({ path: `${OUT}/${name}.jpg`, type: "jpeg", quality: 80 });

    // A kiosk paired through the API, and three walk-in numbers for the queue.
    const res = await fetch(`${baseURL}/api/devices/pair`, post({ code: codes.open }));
    const kiosk = Paired.parse(await res.json()).token;
    const state = KioskState.parse(await (await fetch(`${baseURL}/api/kiosk/state`, { headers: { authorization: `Bearer ${kiosk}` } })).json());
    const tickets: TicketView[] = [];
    for (const i of [0, 1, 0]) {
      const t = await fetch(`${baseURL}/api/kiosk/tickets`, post({ topic: state.walkInTopics[i]!.key }, { authorization: `Bearer ${kiosk}` }));
      tickets.push(TicketView.parse(await t.json()));
    }

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${baseURL}/`);
    await phone.getByRole("heading", { level: 1 }).waitFor();
    await shot(phone, "booking");

    // The same page in Arabic, right to left (chosen on this device, as the language menu saves it).
    const arabic = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "ar" })).newPage();
    await arabic.goto(`${baseURL}/`);
    await arabic.waitForFunction(() => document.documentElement.lang === "ar");
    await arabic.getByRole("radio").first().waitFor();
    await shot(arabic, "booking-ar");

    const tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    await tablet.goto(`${baseURL}/kiosk`);
    await tablet.evaluate((token) => localStorage.setItem("sprechstunde.kiosk.token", token), kiosk);
    await tablet.reload();
    await tablet.getByRole("heading", { level: 1 }).waitFor();
    // Its first kiosk call set the device cookie (pairing on the screen sets it at once): now the public
    // parts of the page know the tablet's office too.
    await tablet.reload();
    await tablet.getByRole("heading", { level: 1 }).waitFor();
    await tablet.getByText("Immer offen").first().waitFor();
    await shot(tablet, "kiosk");

    const display = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 0.5 })).newPage();
    await display.goto(`${baseURL}/display`);
    await display.getByLabel(/Kopplungscode/).fill(codes.display);
    await display.getByRole("button", { name: /Koppeln/ }).click();
    await display.locator(".display__clock time").waitFor();

    const board = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await board.goto(`${baseURL}/staff#link=${links.admin[0]}`);
    await board.getByRole("heading", { level: 1, name: /^Heute/ }).waitFor();
    await board.getByRole("combobox", { name: "Mein Raum" }).selectOption({ label: "Raum 2" });
    await board.getByRole("button", { name: /Nächste Person aufrufen/ }).click();
    await board.locator(".my-room__label", { hasText: tickets[0]!.label }).waitFor();
    await shot(board, "staff-board");
    await display.locator(".current__number", { hasText: tickets[0]!.label }).waitFor();
    await shot(display, "display");

    const visitor = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await visitor.goto(tickets[1]!.statusUrl);
    await visitor.locator(".number").waitFor();
    await shot(visitor, "status");

    await board.getByRole("button", { name: "Verwaltung" }).click();
    await board.getByRole("heading", { level: 2, name: "Öffnungszeiten" }).waitFor();
    await shot(board, "staff-admin");
    expect(tickets).toHaveLength(3);
  } finally {
    await browser.close();
  }
});
