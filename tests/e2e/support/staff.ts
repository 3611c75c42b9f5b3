import type { Browser, BrowserContext } from "playwright-core";
import { expect } from "vitest";
import { Paired } from "../../../schemas/kiosk";
import type { TestApp } from "./app";

/*
 * What the board's browser tests share: a staff session signed in once with a one-time link, the
 * failures the board expects on its way, and a kiosk paired at the always-open office.
 */

export type Session = Awaited<ReturnType<BrowserContext["storageState"]>>;

/**
 * Signs in once with the one-time sign-in link `link` (a link works once) and keeps the session, so each
 * test starts from it. The link is gone from the address afterwards: neither in the history nor sent again.
 */
export async function staffSession(browser: Browser, app: TestApp, link: string, viewport = { width: 1280, height: 800 }): Promise<Session> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${app.baseURL}/staff#link=${link}`);
  await page.getByRole("heading", { level: 1, name: /^Heute/ }).waitFor();
  expect(new URL(page.url()).hash).toBe("");
  const session = await context.storageState();
  await context.close();
  return session;
}

/** Failed loads the board expects and handles (the 401 of "who am I?" before signing in, a 409 refusal). */
export function unexpected(problems: string[]): string[] {
  return problems.filter((p) => !/Failed to load resource: the server responded with a status of (401|409)/.test(p));
}

/** A kiosk paired with `code` at the always-open office: its bearer token. */
export async function pairKiosk(app: TestApp, code: string): Promise<string> {
  const res = await fetch(`${app.baseURL}/api/devices/pair`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code }),
  });
  expect(res.status).toBe(201);
  return Paired.parse(await res.json()).token;
}
