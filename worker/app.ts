import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError } from "./errors";
import { sameOrigin, securityHeaders } from "./middleware";
import { publicRoutes } from "./routes/public";

/** What the app needs from outside besides the bindings; tests pass a held clock. */
export interface AppDeps {
  now: () => Date;
}

export type AppEnv = { Bindings: Env; Variables: { deps: AppDeps } };

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use("*", securityHeaders);
  app.use("*", async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  app.use("/api/*", sameOrigin);

  app.route("/api", publicRoutes);

  app.notFound((c) => c.json(new AppError("not_found", "There is nothing at this address.").toBody(), 404));

  app.onError((err, c) => {
    if (err instanceof AppError) return c.json(err.toBody(), err.status);
    if (err instanceof HTTPException && err.status < 500) {
      return c.json(new AppError("invalid_request", err.message || "The request is not valid.").toBody(), 400);
    }
    console.error("unhandled error", c.req.method, new URL(c.req.url).pathname, err);
    return c.json(new AppError("internal", "Something went wrong on our side. Please try again.").toBody(), 500);
  });

  return app;
}
