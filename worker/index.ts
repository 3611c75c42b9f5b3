import { createApp } from "./app";
import { purgeExpired } from "./db/housekeeping";

/* Builds the real dependencies from the environment and hands requests and cron ticks to the app. */

const app = createApp({ now: () => new Date() });

export default {
  fetch: app.fetch,

  async scheduled(controller, env, ctx) {
    ctx.waitUntil(purgeExpired(env.DB, new Date(controller.scheduledTime)));
  },
} satisfies ExportedHandler<Env>;
