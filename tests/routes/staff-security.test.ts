import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { ErrorBody } from "../../schemas/common";
import { createApp } from "../../worker/app";
import { sha256Hex } from "../../worker/random";
import { createOffice, staffMember, testDeps, type Office, type StaffMember } from "../helpers/fixtures";

/*
 * Every staff route, taken from the app's own route table (so a route added tomorrow is checked too):
 * 401 without a session and with an ended or expired one, 403 with a session of another office, and
 * under /admin/ 403 for the role 'staff'. Only the guard's answer is checked: it must come before any
 * handler reads the body or the database.
 */

const NOW = new Date("2026-11-30T09:00:00.000Z");

interface StaffRoute {
  method: string;
  /** The registered path, e.g. /api/staff/:office/passkeys/:id/delete */
  path: string;
}

/** The staff routes the app registers: every method + path under /api/staff/:office, without the guards themselves. */
function staffRoutes(): StaffRoute[] {
  const seen = new Set<string>();
  const routes: StaffRoute[] = [];
  for (const r of createApp(testDeps(NOW)).routes) {
    if (!r.path.startsWith("/api/staff/:office")) continue;
    // app.use() registrations (requireStaff, requireAdmin) show up as ALL …/*; they are the guards.
    if (r.method === "ALL" && r.path.endsWith("/*")) continue;
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    routes.push({ method: r.method, path: r.path });
  }
  return routes;
}

/** A value for a path parameter that its pattern (if any) accepts, so the request reaches the route. */
function dummyFor(pattern: string | undefined): string {
  const candidates = ["1", "2026-11-30", "abc", "a1b2c3d4-0000-4000-8000-000000000000", "W7"];
  if (!pattern) return "1";
  const regex = new RegExp(`^(?:${pattern})$`);
  return candidates.find((c) => regex.test(c)) ?? "1";
}

/** The concrete URL of a route for an office. */
function urlOf(route: StaffRoute, office: string): string {
  const path = route.path.replace(/:([A-Za-z_]\w*)(?:\{((?:[^{}]|\{[^{}]*\})*)\})?/g, (_, name: string, pattern?: string) =>
    name === "office" ? office : dummyFor(pattern),
  );
  return `http://localhost${path}`;
}

function call(route: StaffRoute, office: string, cookie: string | null): Promise<Response> {
  const method = route.method === "ALL" ? "POST" : route.method;
  const headers: Record<string, string> = { Origin: "http://localhost" };
  if (cookie) headers.Cookie = cookie;
  const init: RequestInit = { method, headers };
  if (method !== "GET" && method !== "HEAD") {
    headers["Content-Type"] = "application/json";
    init.body = "{}";
  }
  return Promise.resolve(createApp(testDeps(NOW)).request(urlOf(route, office), init, env));
}

async function expectError(res: Response, status: number, code: string, what: string) {
  expect(res.status, what).toBe(status);
  expect(ErrorBody.parse(await res.json()).error.code, what).toBe(code);
}

let routes: StaffRoute[];
let home: Office;
let other: Office;
let staffHere: StaffMember;
let adminElsewhere: StaffMember;
let ended: StaffMember;
let expired: StaffMember;
let idle: StaffMember;

beforeAll(async () => {
  routes = staffRoutes();
  home = await createOffice();
  other = await createOffice();
  staffHere = await staffMember(home, "staff", NOW);
  adminElsewhere = await staffMember(other, "admin", NOW);
  ended = await staffMember(home, "admin", NOW);
  await env.DB.prepare("UPDATE staff_sessions SET ended_at = ?2 WHERE token_hash = ?1")
    .bind(await sha256Hex(ended.cookie.split("=")[1]!), NOW.toISOString())
    .run();
  // Signed in 10 hours ago (absolute timeout) and 2 hours ago without a request since (idle timeout).
  expired = await staffMember(home, "admin", new Date(NOW.getTime() - 10 * 3_600_000));
  idle = await staffMember(home, "admin", new Date(NOW.getTime() - 2 * 3_600_000));
});

describe("the list of staff routes", () => {
  it("is taken from the app and holds the routes we know of", () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(keys.length).toBeGreaterThanOrEqual(6);
    expect(keys).toEqual(
      expect.arrayContaining([
        "GET /api/staff/:office/passkeys",
        "POST /api/staff/:office/passkeys/options",
        "POST /api/staff/:office/passkeys/:id/delete",
        "GET /api/staff/:office/admin/staff",
        "POST /api/staff/:office/admin/staff",
        "POST /api/staff/:office/admin/staff/:id/deactivate",
      ]),
    );
  });

  it("fills parameters so each route is reached (a signed-in admin of the office gets no 401/403)", async () => {
    // An office of its own: handlers run here with dummy ids and must not touch the sessions used below.
    const reach = await createOffice();
    const admin = await staffMember(reach, "admin", NOW);
    // A dummy id may well be 404 or 400 for the handler; what matters is that the guards let it through.
    const guardMessages = ["Please sign in.", "Your account belongs to another office.", "This needs an administrator."];
    for (const route of routes) {
      const res = await call(route, reach.slug, admin.cookie);
      const what = `${route.method} ${route.path}`;
      expect(res.status, what).not.toBe(401);
      const body = res.headers.get("Content-Type")?.includes("json") ? ((await res.json()) as { error?: { message?: string } }) : {};
      expect(guardMessages, what).not.toContain(body.error?.message);
    }
  });
});

describe("every sign-in route", () => {
  it("answers with Cache-Control: no-store", async () => {
    const auth = [...new Set(createApp(testDeps(NOW)).routes.filter((r) => r.path.startsWith("/api/auth/") && !r.path.endsWith("/*")).map((r) => `${r.method} ${r.path}`))];
    expect(auth).toEqual(expect.arrayContaining(["GET /api/auth/me", "POST /api/auth/link", "POST /api/auth/link/redeem", "POST /api/auth/sign-out"]));
    for (const key of auth) {
      const [method, path] = key.split(" ") as [string, string];
      // A session of its own: sign-out ends it.
      const res = await call({ method, path }, home.slug, (await staffMember(home, "staff", NOW)).cookie);
      expect(res.headers.get("Cache-Control"), key).toBe("no-store");
    }
  });
});

describe("every staff route", () => {
  it("answers 401 without a session", async () => {
    for (const route of routes) await expectError(await call(route, home.slug, null), 401, "unauthorized", `${route.method} ${route.path}`);
  });

  it("tells browsers and proxies to keep no copy (Cache-Control: no-store), signed in or not", async () => {
    // An office of its own, as above: handlers run with dummy ids.
    const reach = await createOffice();
    const admin = await staffMember(reach, "admin", NOW);
    for (const route of routes) {
      const what = `${route.method} ${route.path}`;
      expect((await call(route, reach.slug, admin.cookie)).headers.get("Cache-Control"), what).toBe("no-store");
      expect((await call(route, reach.slug, null)).headers.get("Cache-Control"), what).toBe("no-store");
    }
  });

  it("answers 401 with a malformed, an ended, an expired and an idle session", async () => {
    for (const route of routes) {
      const what = `${route.method} ${route.path}`;
      await expectError(await call(route, home.slug, "__Host-sprechstunde-staff=not-a-token"), 401, "unauthorized", what);
      await expectError(await call(route, home.slug, `__Host-sprechstunde-staff=${"a".repeat(43)}`), 401, "unauthorized", what);
      await expectError(await call(route, home.slug, ended.cookie), 401, "unauthorized", what);
      await expectError(await call(route, home.slug, expired.cookie), 401, "unauthorized", what);
      await expectError(await call(route, home.slug, idle.cookie), 401, "unauthorized", what);
    }
  });

  it("answers 403 to a session of another office, even an admin's", async () => {
    for (const route of routes) {
      await expectError(await call(route, home.slug, adminElsewhere.cookie), 403, "forbidden", `${route.method} ${route.path}`);
    }
  });

  it("under /admin/ answers 403 to the role 'staff' of the right office", async () => {
    const admin = routes.filter((r) => r.path.startsWith("/api/staff/:office/admin/"));
    expect(admin.length).toBeGreaterThanOrEqual(3);
    for (const route of admin) {
      await expectError(await call(route, home.slug, staffHere.cookie), 403, "forbidden", `${route.method} ${route.path}`);
    }
  });
});
