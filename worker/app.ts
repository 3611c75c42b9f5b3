import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { requireAdmin, requireStaff } from "./auth/session";
import type { DeviceRow } from "./db/devices";
import type { SessionStaff } from "./db/staff";
import { AppError } from "./errors";
import type { MailTransport } from "./mail/types";
import { rateLimit, readBody, sameOrigin, securityHeaders } from "./middleware";
import type { LiveNotifier } from "./live/notifier";
import type { RandomSource } from "./random";
import { authRoutes } from "./routes/auth";
import { bookingRoutes } from "./routes/bookings";
import { calendarRoutes } from "./routes/calendar";
import { deviceOffice, kioskRoutes } from "./routes/kiosk";
import { displayRoutes } from "./routes/display";
import { liveRoutes } from "./routes/live";
import { publicRoutes } from "./routes/public";
import { staffAccountRoutes } from "./routes/staff-account";
import { staffAdminRoutes } from "./routes/staff-admin";
import { staffQueueRoutes } from "./routes/staff-queue";
import { staffSettingsRoutes } from "./routes/staff-settings";
import type { TurnstileVerifier } from "./turnstile";

/** What the app needs from outside besides the bindings; tests pass their own to hold things still. */
export interface AppDeps {
  now: () => Date;
  random: RandomSource;
  mail: {
    /** null: no SMTP configured, mail stays in the outbox as captured. */
    transport: MailTransport | null;
    from: string;
  };
  /** null: Turnstile is off. */
  turnstile: TurnstileVerifier | null;
  /** Requests per client and window on the public routes that change something. */
  rateLimit: { limit: number; windowSeconds: number };
  /** Live fan-out to boards, kiosks, displays and status pages. */
  live: LiveNotifier;
}

/** `T`'s fields under new names: `{ newName: "old_name" }`. */
type Renamed<T, Names extends Record<string, keyof T>> = { [K in keyof Names]: T[Names[K]] };

/**
 * The signed-in staff member of a staff route: the session's row (db/staff.ts `SessionStaff`) under the
 * names the routes use (auth/session.ts `currentStaff` maps it). `office` is the office's slug; it
 * equals the `:office` of the path. The office's name, zone and check-in window come along with the
 * session's one query, so staff routes need not read the office again.
 */
export type StaffContext = Renamed<
  SessionStaff,
  {
    id: "staff_id";
    name: "name";
    role: "role";
    locationId: "location_id";
    office: "location_slug";
    officeName: "office_name";
    timeZone: "time_zone";
    checkinClosesMinutes: "checkin_closes_minutes";
  }
>;

export type AppEnv = {
  Bindings: Env;
  Variables: {
    deps: AppDeps;
    /**
     * The office a public request is about: the paired device's, else the deployment's default. Set
     * only on the routes that read it, where app.ts registers `deviceOffice`.
     */
    office: string;
    device: DeviceRow;
    /** Device look-ups of this request by token (routes/kiosk.ts), so none is made twice. */
    deviceLookups?: Map<string, Promise<DeviceRow | null>>;
    staff: StaffContext;
  };
};

/** The app; `deps` may depend on the environment (SMTP settings, secrets), so it can be a function of it. */
export function createApp(deps: AppDeps | ((env: Env) => AppDeps)): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const depsFor = typeof deps === "function" ? deps : () => deps;

  app.use("*", securityHeaders);
  app.use("*", async (c, next) => {
    c.set("deps", depsFor(c.env));
    await next();
  });
  // Staff and sign-in answers carry personal data (names, addresses, who is signed in): no browser or
  // proxy may keep a copy. Registered before every other /api/ middleware, so
  // their refusals (403 origin, 429, 401/403 of the guards) get it too.
  app.use("/api/*", async (c, next) => {
    await next();
    if (c.req.path.startsWith("/api/staff/") || c.req.path.startsWith("/api/auth/")) c.res.headers.set("Cache-Control", "no-store");
  });
  // Before anything that may refuse a request: an answer given before the body was read breaks the
  // connection it came on (see readBody).
  app.use("*", readBody);
  app.use("/api/*", sameOrigin);
  // The routes that read `c.var.office` (the public pages follow a paired kiosk's or display's office),
  // and only they: every other request is spared the two device look-ups. `/api/bookings` is the
  // booking itself, not the manage routes under it.
  for (const path of ["/api/location", "/api/slots", "/api/bookings", "/api/requests"]) app.use(path, deviceOffice);
  // `/api/bookings/*` covers `/api/bookings` itself too: one registration, one count per request.
  app.use("/api/bookings/*", rateLimit);
  app.use("/api/requests", rateLimit);
  app.use("/api/devices/pair", rateLimit);
  // Sign-in: what sends mail or stores a challenge is counted here; failed redeems and passkey answers
  // have their own, stricter throttle (auth/throttle.ts), so a busy office signing in is never blocked.
  app.use("/api/auth/link", rateLimit);
  app.use("/api/auth/passkey/options", rateLimit);
  // Every staff route is /api/staff/:office/…: one guard here, so no staff route exists without it.
  app.use("/api/staff/:office/*", requireStaff);
  // Settings, staff accounts and devices: /api/staff/:office/admin/…, admins only, guarded here once.
  app.use("/api/staff/:office/admin/*", requireAdmin);

  app.route("/api", publicRoutes);
  app.route("/api", bookingRoutes);
  app.route("/api", kioskRoutes);
  app.route("/api", displayRoutes);
  app.route("/api", liveRoutes);
  app.route("/api", calendarRoutes);
  app.route("/api/auth", authRoutes);
  app.route("/api/staff/:office", staffQueueRoutes);
  app.route("/api/staff/:office", staffAdminRoutes);
  app.route("/api/staff/:office", staffSettingsRoutes);
  app.route("/api/staff/:office", staffAccountRoutes);

  app.notFound((c) => c.json(new AppError("not_found", "There is nothing at this address.").toBody(), 404));

  app.onError((err, c) => {
    if (err instanceof AppError) return c.json(err.toBody(), err.status, err.headers);
    if (err instanceof HTTPException && err.status < 500) {
      return c.json(new AppError("invalid_request", err.message || "The request is not valid.").toBody(), 400);
    }
    // Paths can carry secrets (manage and status tokens): never log them.
    const path = new URL(c.req.url).pathname.replace(/\/(manage|status|calendar)\/[^/]+/, "/$1/…");
    console.error("unhandled error", c.req.method, path, err);
    return c.json(new AppError("internal", "Something went wrong on our side. Please try again.").toBody(), 500);
  });

  return app;
}
