import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { DeviceKind } from "../../schemas/kiosk";
import type { AppEnv } from "../context";
import { deviceByToken, markDeviceSeen, type DeviceRow } from "../db/devices";
import { AppError } from "../errors";
import { sha256Hex } from "../random";

/*
 * The office's paired devices (kiosks and call displays) on the wire: a Bearer token for their API
 * routes, and a cookie per kind for what a header cannot carry (the public pages' office, the live
 * socket). Only token hashes are stored (db/devices.ts).
 */

type Ctx = Context<AppEnv>;

/** Device tokens as they are handed out (256 random bits, base64url); anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** Routes for paired devices of one kind: Bearer token → device (401 when missing, wrong or revoked). */
export function requireDevice(kind: DeviceKind): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = /^Bearer (\S+)$/.exec(c.req.header("Authorization") ?? "")?.[1];
    const device = token ? await deviceOfToken(c, token) : null;
    if (!token || !device) throw new AppError("unauthorized", "This device is not paired (or no longer). Please ask the staff.");
    if (device.kind !== kind) throw new AppError("forbidden", `This route is for a paired ${kind}.`);
    await markSeen(c, device);
    // The page's cookie went missing (cleared, expired, or paired before it existed): set it again.
    if (getCookie(c, deviceCookieName(kind)) !== token) setDeviceCookie(c, kind, token);
    c.set("device", device);
    await next();
  };
}

/**
 * The cookie a paired device's pages carry, one per kind (a kiosk and a display may be tabs of one
 * browser, as after `npm start`): it chooses which office the public pages show (a kiosk shows its own
 * office's slots) and admits the device's live socket (a browser WebSocket cannot send an Authorization
 * header); kiosk and display routes still need the Bearer token, and set the cookie again when it is
 * missing (cleared by the browser, or older than its 400 days).
 */
export const deviceCookieName = (kind: DeviceKind) => `__Host-sprechstunde-${kind}`;

/** How long a device cookie lives, in days (the privacy notice states it). */
export const DEVICE_COOKIE_DAYS = 400;

/** Gives a device's pages its cookie (at pairing, and again when it went missing). */
export function setDeviceCookie(c: Ctx, kind: DeviceKind, token: string): void {
  setCookie(c, deviceCookieName(kind), token, { path: "/", secure: true, httpOnly: true, sameSite: "Strict", maxAge: DEVICE_COOKIE_DAYS * 86_400 });
}

/** The paired, unrevoked device of this kind whose cookie this request carries. */
export async function cookieDevice(c: Ctx, kind: DeviceKind): Promise<DeviceRow | null> {
  const token = getCookie(c, deviceCookieName(kind));
  return token ? deviceOfToken(c, token) : null;
}

/**
 * The paired, unrevoked device behind a token, looked up in D1 once per request: a page may send the
 * same token as its cookie and as its Bearer header, and several checks may ask.
 */
async function deviceOfToken(c: Ctx, token: string): Promise<DeviceRow | null> {
  if (!TOKEN.test(token)) return null;
  const lookups = c.var.deviceLookups ?? new Map<string, Promise<DeviceRow | null>>();
  c.set("deviceLookups", lookups);
  let lookup = lookups.get(token);
  if (!lookup) {
    lookup = sha256Hex(token).then((hash) => deviceByToken(c.env.DB, hash));
    lookups.set(token, lookup);
  }
  return lookup;
}

/** Writes a device's `last_seen_at` at most this often (the admin list's precision vs. D1 writes). */
const SEEN_EVERY_MS = 5 * 60_000;

/**
 * A device used its token (a device route, its live socket): records when, for the admin's device list,
 * at most every SEEN_EVERY_MS.
 */
export async function markSeen(c: Ctx, device: DeviceRow): Promise<void> {
  const now = c.var.deps.now();
  const cutoff = new Date(now.getTime() - SEEN_EVERY_MS);
  if (device.last_seen_at !== null && Date.parse(device.last_seen_at) >= cutoff.getTime()) return;
  await markDeviceSeen(c.env.DB, device.id, now, cutoff).run();
}

/**
 * Sets `office` for the routes that read it (registered on those paths in app.ts): a paired device's
 * office when its cookie is valid (kiosk first), else the deployment's default.
 */
export const deviceOffice: MiddlewareHandler<AppEnv> = async (c, next) => {
  const device = (await cookieDevice(c, "kiosk")) ?? (await cookieDevice(c, "display"));
  c.set("office", device?.location_slug ?? c.env.DEFAULT_LOCATION);
  await next();
};
