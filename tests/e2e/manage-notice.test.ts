import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BookingCreated } from "../../schemas/bookings";
import { SlotsResponse } from "../../schemas/slots";
import { addDays, localDate } from "../../common/time";
import { startApp, type TestApp } from "./support/app";
import { expectNoAxeViolations, launchChromium, watchForProblems } from "./support/browser";
import { pairKiosk } from "./support/staff";

/*
 * The manage page's small things (issue 11 item 8) in Chromium, on a phone: a tab that showed one
 * booking shows another when the address's fragment changes (`/manage#A` → `/manage#B`, and back), with
 * nothing of the first left on the page; after a cancel or a move the notice that says so has the focus
 * and is in view.
 */

const PHONE = { width: 390, height: 700 };

let app: TestApp;
let browser: Browser;
let device: string;
let starts: string[];

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  device = await pairKiosk(app, app.codes.open);
  const day = addDays(localDate(new Date(), app.openZone), 2);
  const res = await fetch(`${app.baseURL}/api/slots?office=e2e-open&topic=fragen&from=${day}&to=${day}`);
  starts = SlotsResponse.parse(await res.json()).days[0]!.slots.map((s) => s.start);
});
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

async function book(start: string, name: string): Promise<BookingCreated> {
  const res = await fetch(`${app.baseURL}/api/kiosk/bookings`, {
    method: "POST",
    headers: { authorization: `Bearer ${device}`, "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
    body: JSON.stringify({ start, topic: "fragen", name, email: `m.${crypto.randomUUID().slice(0, 8)}@example.org`, locale: "de", consent: true }),
  });
  expect(res.status).toBe(201);
  return BookingCreated.parse(await res.json());
}

/** Whether the focused element is the notice, and whether it lies within the viewport. */
function noticeState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const r = el?.getBoundingClientRect();
    return {
      focused: el?.classList.contains("notice") ?? false,
      text: el?.textContent ?? "",
      inView: !!r && r.top >= 0 && r.bottom <= innerHeight,
    };
  });
}

describe("the manage page", () => {
  it("a new #token in the same tab shows that booking, nothing of the one before; back shows the first again", async () => {
    const anna = await book(starts[0]!, "Anna Erste");
    const bernd = await book(starts[1]!, "Bernd Zweiter");
    const page = await browser.newPage({ viewport: PHONE });
    const problems = watchForProblems(page);
    await page.goto(anna.manageUrl);
    await page.getByText(anna.code).first().waitFor();
    expect(await page.locator("main").textContent()).toContain("Anna Erste");

    await page.evaluate((hash) => (location.hash = hash), new URL(bernd.manageUrl).hash);
    await page.getByText(bernd.code).first().waitFor();
    const main = (await page.locator("main").textContent())!;
    expect(main).toContain("Bernd Zweiter");
    expect(main).not.toContain("Anna Erste");
    expect(main).not.toContain(anna.code);
    await expectNoAxeViolations(page);

    await page.goBack();
    await page.getByText(anna.code).first().waitFor();
    expect(await page.locator("main").textContent()).not.toContain("Bernd Zweiter");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("after a cancel, the notice has the focus and is in view", async () => {
    const clara = await book(starts[2]!, "Clara Absage");
    const page = await browser.newPage({ viewport: PHONE });
    const problems = watchForProblems(page);
    await page.goto(clara.manageUrl);
    await page.getByRole("button", { name: "Termin absagen" }).click();
    await page.getByRole("button", { name: "Ja, absagen" }).click();
    await expect.poll(() => noticeState(page)).toEqual({ focused: true, text: "Der Termin ist abgesagt. Sie können jederzeit einen neuen Termin buchen.", inView: true });
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("after a move, the notice has the focus and is in view", async () => {
    const moritz = await book(starts[3]!, "Moritz Verschieben");
    const page = await browser.newPage({ viewport: PHONE });
    const problems = watchForProblems(page);
    await page.goto(moritz.manageUrl);
    await page.getByRole("button", { name: "Termin verschieben" }).click();
    await page.locator(".day-button").nth(1).click();
    await page.locator(".slot-button").first().click();
    await page.getByRole("button", { name: "Ja, verschieben" }).click();
    await expect.poll(() => noticeState(page)).toEqual({ focused: true, text: "Der Termin ist verschoben.", inView: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
