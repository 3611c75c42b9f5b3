import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Me, PasskeyList } from "../../schemas/auth";
import { startApp, type TestApp } from "./support/app";
import { expectNoAxeViolations, launchChromium, watchForProblems } from "./support/browser";

/*
 * Staff sign-in in Chromium with a virtual authenticator (Chrome DevTools Protocol: WebAuthn.enable +
 * WebAuthn.addVirtualAuthenticator; a platform authenticator with resident keys and user verification,
 * as a Windows Hello PC would be). Accounts and their one-time links come from support/offices.ts.
 *
 *   1. passkeys against the API: the server's WebAuthn checks with a real browser's answers, independent
 *      of the board's UI (navigator.credentials driven from the page, same origin)
 *   2. the sign-in page at /staff: link → board, add a passkey, sign out, sign in with the passkey; axe
 */

let app: TestApp;
let nextAdminLink = 0;
const adminLink = () => app.staffLinks.admin[nextAdminLink++]!;

let browser: Browser;
beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  app?.stop();
});

/** A fresh browser profile with a virtual platform authenticator attached. */
async function withAuthenticator(): Promise<{ context: BrowserContext; page: Page; problems: string[]; credentials: () => Promise<number> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  const credentials = async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials.length;
  return { context, page, problems, credentials };
}

/** Refusals the page handles itself (401 while signed out) are expected; anything else is a problem. */
function unexpected(problems: string[]): string[] {
  return problems.filter((p) => !/Failed to load resource: the server responded with a status of 401/.test(p));
}

describe("passkeys against the API", () => {
  it("registers a passkey with a link session, then signs in with it alone; the challenge works once", async () => {
    const { context, page, credentials } = await withAuthenticator();
    await page.goto(`${app.baseURL}/staff`);
    const result = await page.evaluate(
      async ({ token }) => {
        const json = async (path: string, body?: unknown) => {
          const res = await fetch(path, {
            method: body === undefined ? "GET" : "POST",
            headers: body === undefined ? {} : { "content-type": "application/json" },
            body: body === undefined ? null : JSON.stringify(body),
          });
          const text = await res.text();
          try {
            return { status: res.status, body: res.status === 204 ? null : JSON.parse(text) };
          } catch {
            throw new Error(`${path} answered ${res.status}: ${text.slice(0, 2000)}`);
          }
        };
        const signedIn = await json("/api/auth/link/redeem", { token });
        const office = signedIn.body.office.slug as string;
        const reg = await json(`/api/staff/${office}/passkeys/options`, {});
        const created = (await navigator.credentials.create({
          publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(reg.body.options),
        })) as PublicKeyCredential;
        const stored = await json(`/api/staff/${office}/passkeys`, { challengeId: reg.body.challengeId, response: created.toJSON(), label: "Testrechner" });
        const list = await json(`/api/staff/${office}/passkeys`);
        const out = await json("/api/auth/sign-out", {});
        const afterOut = await json("/api/auth/me");

        const auth = await json("/api/auth/passkey/options", {});
        const assertion = (await navigator.credentials.get({
          publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(auth.body.options),
        })) as PublicKeyCredential;
        const response = assertion.toJSON();
        const verified = await json("/api/auth/passkey/verify", { challengeId: auth.body.challengeId, response });
        const me = await json("/api/auth/me");
        const replay = await json("/api/auth/passkey/verify", { challengeId: auth.body.challengeId, response });
        return { signedIn, stored, list, out, afterOut, verified, me, replay };
      },
      { token: adminLink() },
    );
    expect(result.signedIn.status).toBe(200);
    expect(result.stored.status).toBe(201);
    expect(result.stored.body).toMatchObject({ label: "Testrechner", lastUsedAt: null });
    expect(PasskeyList.parse(result.list.body).passkeys.map((k) => k.label)).toContain("Testrechner");
    expect(result.out.status).toBe(204);
    expect(result.afterOut.status).toBe(401);
    expect(result.verified.status).toBe(200);
    expect(Me.parse(result.verified.body)).toMatchObject({ staff: { name: "E2E Admin", role: "admin" }, office: { slug: "e2e-open" } });
    expect(result.me.status).toBe(200);
    expect(result.replay.status).toBe(401);
    expect(result.replay.body.error.code).toBe("passkey_invalid");
    expect(await credentials()).toBe(1);
    await context.close();
  });
});

describe("the sign-in page at /staff", () => {
  it("has no axe violations and offers both ways in", async () => {
    const { context, page, problems } = await withAuthenticator();
    await page.goto(`${app.baseURL}/staff`);
    await page.getByRole("heading", { level: 1, name: "Anmelden" }).waitFor();
    await page.getByRole("button", { name: "Mit Passkey anmelden" }).waitFor();
    await page.getByLabel("Ihre E-Mail-Adresse").fill("nobody@example.org");
    await page.getByRole("button", { name: "Link schicken" }).click();
    await page.getByText("Wenn es ein Konto gibt, kommt gleich eine E-Mail").waitFor();
    await expectNoAxeViolations(page);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it("signs in with a link, adds a passkey, signs out and signs in with the passkey", async () => {
    const { context, page, problems, credentials } = await withAuthenticator();
    await page.goto(`${app.baseURL}/staff#link=${adminLink()}`);
    // The board: a heading with "Heute" or the office's name.
    await page.getByRole("heading", { name: /Heute|Testbüro immer offen/ }).first().waitFor();
    await page.getByText("Angemeldet: E2E Admin").waitFor();
    expect(new URL(page.url()).hash).toBe("");

    await page.getByRole("link", { name: "Passkeys" }).or(page.getByRole("button", { name: "Passkeys" })).first().click();
    await page.getByLabel("Name für diesen PC (freiwillig)").fill("PC Raum 1");
    await page.getByRole("button", { name: "Passkey für diesen PC hinzufügen" }).click();
    await page.getByText("Passkey „PC Raum 1“ ist gespeichert.").waitFor();
    expect(await credentials()).toBe(1);

    await page.getByRole("button", { name: "Abmelden" }).click();
    await page.getByRole("heading", { level: 1, name: "Anmelden" }).waitFor();
    expect((await page.request.get(`${app.baseURL}/api/auth/me`)).status()).toBe(401);

    await page.getByRole("button", { name: "Mit Passkey anmelden" }).click();
    // Back on the board (it may reopen the section last shown), signed in as the passkey's owner.
    await page.getByText("Angemeldet: E2E Admin").waitFor();
    await page.getByRole("button", { name: "Abmelden" }).waitFor();
    expect((await page.request.get(`${app.baseURL}/api/auth/me`)).status()).toBe(200);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it("a used link says so and offers a new one", async () => {
    const { context, page } = await withAuthenticator();
    const token = adminLink();
    expect((await fetch(`${app.baseURL}/api/auth/link/redeem`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token }) })).status).toBe(200);
    await page.goto(`${app.baseURL}/staff#link=${token}`);
    await page.getByRole("alert").getByText("Dieser Link gilt nicht mehr").waitFor();
    expect(new URL(page.url()).hash).toBe("");
    await context.close();
  });
});
