import type { Browser } from "playwright-core";
import { expect } from "vitest";
import { Paired } from "../../../schemas/kiosk";
import type { TestApp } from "./app";

/*
 * A kiosk tablet paired through the API, as it is after pairing on its own screen: the device token in
 * localStorage and the device cookie set. For the browser tests that start with a paired tablet.
 */

/** Where the kiosk page keeps its device token (kiosk/kiosk/device.ts). */
export const KIOSK_TOKEN_KEY = "sprechstunde.kiosk.token";

export interface PairedDevice {
  token: string;
  storageState: Exclude<Parameters<Browser["newContext"]>[0], undefined>["storageState"];
}

/** Pairs a kiosk with a pairing `code` of the tests' offices (support/offices.ts); a code pairs once. */
export async function pairThroughApi(app: TestApp, code: string): Promise<PairedDevice> {
  const res = await fetch(`${app.baseURL}/api/devices/pair`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });
  expect(res.status).toBe(201);
  const { token, kind } = Paired.parse(await res.json());
  expect(kind).toBe("kiosk");
  const [pair] = (res.headers.get("set-cookie") ?? "").split(";");
  const cookies = pair?.includes("=")
    ? [{ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1), domain: "localhost", path: "/", expires: -1, httpOnly: true, secure: true, sameSite: "Strict" as const }]
    : [];
  return { token, storageState: { cookies, origins: [{ origin: app.baseURL, localStorage: [{ name: KIOSK_TOKEN_KEY, value: token }] }] } };
}
