import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv, StaffContext } from "../context";
import { createSession, endSession, sessionStaff, SESSION_ABSOLUTE_HOURS, touchSession } from "../db/staff";
import { AppError } from "../errors";
import { SAFE_METHODS } from "../middleware";
import { sha256Hex } from "../random";

/*
 * Staff sessions on the wire: a `__Host-` cookie (Secure, HttpOnly, SameSite=Strict, path /) holding
 * 256 random bits; the database keeps only its hash. Every staff route lives under
 * /api/staff/:office/… and passes `requireStaff` first (mounted once in app.ts), so a route cannot be
 * added without it.
 */

export const STAFF_COOKIE = "__Host-sprechstunde-staff";

/** Writes the `last_seen_at` of a session at most this often (idle timeout precision vs. D1 writes). */
const TOUCH_EVERY_MS = 60_000;

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** The hash of this request's session cookie, when it carries a well-formed one. */
export async function sessionHashOf(c: Context<AppEnv>): Promise<string | null> {
  const token = getCookie(c, STAFF_COOKIE);
  return token && TOKEN.test(token) ? sha256Hex(token) : null;
}

/**
 * Signs a staff member in: ends the session this browser had (if any), starts a new one (a new value at
 * every sign-in) and sets its cookie.
 */
export async function startSession(c: Context<AppEnv>, staffId: number): Promise<void> {
  const { random, now } = c.var.deps;
  const token = random.token();
  const previous = await sessionHashOf(c);
  const at = now();
  await c.env.DB.batch([
    ...(previous ? [endSession(c.env.DB, previous, at)] : []),
    createSession(c.env.DB, await sha256Hex(token), staffId, at),
  ]);
  setCookie(c, STAFF_COOKIE, token, {
    path: "/",
    secure: true,
    httpOnly: true,
    sameSite: "Strict",
    maxAge: SESSION_ABSOLUTE_HOURS * 3600,
  });
}

/** Signs out: ends the session at once and clears its cookie. Harmless without one. */
export async function endThisSession(c: Context<AppEnv>): Promise<void> {
  const hash = await sessionHashOf(c);
  if (hash) await endSession(c.env.DB, hash, c.var.deps.now()).run();
  deleteCookie(c, STAFF_COOKIE, { path: "/", secure: true });
}

/**
 * Staff routes: a valid session (401 otherwise) of a staff member of the office named in the path
 * (403 otherwise). Sets `c.var.staff`. Only state-changing requests count as use of the session: the
 * board's background reads (its poll while the socket is down, its periodic reload) would otherwise
 * keep an unattended board signed in forever.
 */
export const requireStaff: MiddlewareHandler<AppEnv> = async (c, next) => {
  const staff = await currentStaff(c, !SAFE_METHODS.has(c.req.method));
  if (!staff) throw new AppError("unauthorized", "Please sign in.");
  if (staff.office !== c.req.param("office")) {
    throw new AppError("forbidden", "Your account belongs to another office.");
  }
  c.set("staff", staff);
  await next();
};

/**
 * The staff member of this request's session, or null without a valid one (ended, idle for
 * SESSION_IDLE_MINUTES, past its absolute end). `use`: the request is something a person did (a
 * change, the page load), so it keeps the session from the idle timeout; background reads pass false.
 */
export async function currentStaff(c: Context<AppEnv>, use: boolean): Promise<StaffContext | null> {
  const hash = await sessionHashOf(c);
  if (!hash) return null;
  const now = c.var.deps.now();
  const staff = await sessionStaff(c.env.DB, hash, now);
  if (!staff) return null;
  if (use && now.getTime() - Date.parse(staff.last_seen_at) >= TOUCH_EVERY_MS) await touchSession(c.env.DB, hash, now).run();
  return {
    id: staff.staff_id,
    name: staff.name,
    role: staff.role,
    locationId: staff.location_id,
    office: staff.location_slug,
    officeName: staff.office_name,
    timeZone: staff.time_zone,
    checkinClosesMinutes: staff.checkin_closes_minutes,
  };
}

/** Admin-only staff routes (settings, staff accounts, devices): 403 for the role 'staff'. */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.var.staff.role !== "admin") throw new AppError("forbidden", "This needs an administrator.");
  await next();
};
