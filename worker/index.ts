import { createApp } from "./app";
import type { AppDeps } from "./context";
import { purgeExpired } from "./db/housekeeping";
import { runRetention } from "./services/retention";
import { runProposalExpiry } from "./services/proposal-expiry";
import { createTransport, mailFrom } from "./mail/transport";
import { deliverDue } from "./mail/sender";
import { hubNotifier } from "./live/notifier";
import { pushPortOf } from "./push/port";
import { cryptoRandom } from "./random";
import { createTurnstileVerifier } from "./turnstile";

// The Durable Object class must be exported by the entry module for the runtime to find it.
export { LiveHub } from "./live/hub";

/* Builds the real dependencies from the environment and hands requests and cron ticks to the app. */

/** Public routes that change something: requests per client per 10 minutes. */
const RATE_LIMIT = { limit: 30, windowSeconds: 600 };

let cached: { env: Env; deps: AppDeps } | undefined;

/** The dependencies for this environment, built once per isolate (env is the same object each time). */
function depsFor(env: Env): AppDeps {
  if (cached?.env !== env) {
    const turnstileOn = Boolean(env.TURNSTILE_SECRET_KEY && env.TURNSTILE_SITE_KEY);
    cached = {
      env,
      deps: {
        now: () => new Date(),
        random: cryptoRandom,
        mail: { transport: createTransport(env), from: mailFrom(env) },
        turnstile: turnstileOn ? createTurnstileVerifier(env.TURNSTILE_SECRET_KEY) : null,
        rateLimit: RATE_LIMIT,
        live: hubNotifier(env.LIVE, () => new Date()),
        push: pushPortOf(env),
      },
    };
  }
  return cached.deps;
}

const app = createApp(depsFor);

export default {
  fetch: app.fetch,

  async scheduled(controller, env, ctx) {
    const now = new Date(controller.scheduledTime);
    const { mail, live } = depsFor(env);
    ctx.waitUntil(purgeExpired(env.DB, now));
    // Ends rounds of proposals whose deadline passed: frees their seats, the boards hear of it.
    ctx.waitUntil(runProposalExpiry(env.DB, now, live));
    // Erases what the retention rule says is due (bounded per run; services/retention.ts).
    ctx.waitUntil(runRetention(env.DB, now));
    if (mail.transport) ctx.waitUntil(deliverDue({ db: env.DB, transport: mail.transport, from: mail.from, now }));
  },
} satisfies ExportedHandler<Env>;
