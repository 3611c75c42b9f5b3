import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { deviceOffice } from "./auth/device";
import { requireAdmin, requireStaff } from "./auth/session";
import type { AppDeps, AppEnv } from "./context";
import { AppError } from "./errors";
import { measureD1, noStore, rateLimit, readBody, sameOrigin, securityHeaders } from "./middleware";
import { authRoutes } from "./routes/auth";
import { bookingRoutes } from "./routes/bookings";
import { calendarRoutes } from "./routes/calendar";
import { kioskRoutes } from "./routes/kiosk";
import { feedbackRefusals, legalRoutes } from "./routes/legal";
import { displayRoutes } from "./routes/display";
import { liveRoutes } from "./routes/live";
import { publicRoutes } from "./routes/public";
import { staffAccountRoutes } from "./routes/staff-account";
import { staffBoardRoutes } from "./routes/staff-board";
import { staffBookingRoutes } from "./routes/staff-bookings";
import { staffDataSubjectRoutes } from "./routes/staff-data-subjects";
import { staffDeviceRoutes } from "./routes/staff-devices";
import { staffQueueRoutes } from "./routes/staff-queue";
import { staffSettingsRoutes } from "./routes/staff-settings";
import { staffStatisticsRoutes } from "./routes/staff-statistics";
import { statusRoutes } from "./routes/status";

/** The app; `deps` may depend on the environment (SMTP settings, secrets), so it can be a function of it. */
export function createApp(deps: AppDeps | ((env: Env) => AppDeps)): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const depsFor = typeof deps === "function" ? deps : () => deps;

  app.use("*", securityHeaders);
  app.use("*", async (c, next) => {
    c.set("deps", depsFor(c.env));
    await next();
  });
  // No API answer may be kept by a browser or proxy (middleware.ts noStore). Registered before every
  // other /api/ middleware, so their refusals (403 origin, 429, 401/403 of the guards) get it too.
  app.use("/api/*", noStore);
  // Benchmarks only (MEASURE_D1_ROWS on a local server): what each API request costs in D1 rows.
  app.use("/api/*", measureD1);
  // The feedback form's refusals by the middleware below (origin, body too large) as its page, not JSON.
  app.use("/barrierefreiheit", feedbackRefusals);
  // Before anything that may refuse a request: an answer given before the body was read breaks the
  // connection it came on (see readBody).
  app.use("*", readBody);
  app.use("/api/*", sameOrigin);
  // The accessibility feedback form posts to its page; it counts in the public window itself (routes/legal.ts).
  app.use("/barrierefreiheit", sameOrigin);
  // The routes that read `c.var.office` (the public pages follow a paired kiosk's or display's office),
  // and only they: every other request is spared the two device look-ups. `/api/bookings` is the
  // booking itself, not the manage routes under it.
  for (const path of ["/api/location", "/api/slots", "/api/bookings", "/api/bookings/lost-link", "/api/requests"]) app.use(path, deviceOffice);
  // `/api/bookings/*` covers `/api/bookings` itself too: one registration, one count per request.
  app.use("/api/bookings/*", rateLimit);
  app.use("/api/requests", rateLimit);
  app.use("/api/devices/pair", rateLimit);
  // The status page's push subscription and "Ich warte nicht mehr" (reads of the status pass uncounted).
  app.use("/api/status/*", rateLimit);
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
  app.route("/api", statusRoutes);
  app.route("/api", displayRoutes);
  app.route("/api", liveRoutes);
  app.route("/api", calendarRoutes);
  app.route("/api/auth", authRoutes);
  app.route("/api/staff/:office", staffQueueRoutes);
  app.route("/api/staff/:office", staffBoardRoutes);
  app.route("/api/staff/:office", staffBookingRoutes);
  app.route("/api/staff/:office", staffSettingsRoutes);
  app.route("/api/staff/:office", staffDeviceRoutes);
  app.route("/api/staff/:office", staffAccountRoutes);
  app.route("/api/staff/:office", staffStatisticsRoutes);
  app.route("/api/staff/:office", staffDataSubjectRoutes);
  app.route("/", legalRoutes);

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
