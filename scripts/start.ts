/*
 * `npm start` / `npm run dev`: builds the app, brings the local D1 up to date (migrations, then the
 * development seed; both idempotent) and serves it on http://localhost:8787 (PORT overrides).
 *
 *   node scripts/start.ts            production build, served by `vite preview` in workerd
 *   node scripts/start.ts --dev      Vite dev server with hot reload
 *   node scripts/start.ts --no-build serve the existing build (browser tests and benchmarks)
 *
 * SPRECHSTUNDE_STATE points at another local state folder (default .wrangler/state), so tests and
 * benchmarks run on a database of their own; SPRECHSTUNDE_EXTRA_SEED names a further SQL file applied
 * after the development seed (the browser tests add offices of their own with it). Nothing here needs
 * an account or an outside server.
 *
 * While it serves, it runs the Worker's scheduled work as production's cron triggers do (see runCrons).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PAIRING_CODE_MINUTES, SIGN_IN_LINK_MINUTES } from "../common/limits.ts";
import { newPairingCode, pairingSql } from "./pairing.ts";
import { accountSql, newSignInToken, signInLinkSql, signInUrl } from "./sign-in-links.ts";
import { ensureDevVapidKeys } from "./vapid.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = (name: string) => `${root}node_modules/.bin/${name}`;
const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const port = Number(process.env.PORT ?? 8787);
const state = process.env.SPRECHSTUNDE_STATE ?? `${root}.wrangler/state`;
/** How often the scheduled work runs locally: every minute as deployed; the tests shorten it. */
const cronEveryMs = Number(process.env.SPRECHSTUNDE_CRON_EVERY_MS ?? 60_000);

// Offline-friendly and quiet: no telemetry, no lookup of Cloudflare's `request.cf` data.
// node_modules/.bin first: the tools' `#!/usr/bin/env node` must find the pinned Node 22.
const env = {
  ...process.env,
  PATH: `${root}node_modules/.bin${path.delimiter}${process.env.PATH ?? ""}`,
  PORT: String(port),
  SPRECHSTUNDE_STATE: state,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
};

/** Runs a command to completion; its output is shown only when it fails. */
function run(step: string, command: string, commandArgs: string[]): Promise<void> {
  process.stdout.write(`• ${step} … `);
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) {
        process.stdout.write("ok\n");
        resolve();
      } else {
        process.stdout.write("failed\n\n" + output + "\n");
        reject(new Error(`${step} failed (exit ${code})`));
      }
    });
  });
}

async function waitForHealth(server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit ${server.exitCode})`);
    try {
      const res = await fetch(`http://localhost:${port}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no answer from http://localhost:${port}/api/health within 60 s`);
}

/** The Worker's configuration as served: the build's output in preview, wrangler.toml with --dev. */
const servedConfig = dev ? `${root}wrangler.toml` : `${root}dist/sprechstunde/wrangler.json`;

/** What the served Worker will find in its environment, read the way wrangler reads it for local runs. */
interface Served {
  /** Its cron triggers (`[triggers] crons` of wrangler.toml, copied into the build). */
  crons: readonly string[];
  /** The mail relay's host when SMTP_URL is set (from .dev.vars, or .env and the environment), else null. */
  smtpHost: string | null;
}

async function served(): Promise<Served> {
  // Loaded only here: wrangler is large, and the other steps run it as a command anyway.
  const wrangler = await import("wrangler");
  const config = wrangler.unstable_readConfig({ config: servedConfig });
  const vars = wrangler.unstable_getVarsForDev(servedConfig, undefined, {}, undefined, true);
  const smtp = vars.SMTP_URL?.value;
  // The Worker treats an empty SMTP_URL as unset (worker/mail/transport.ts), so does the banner.
  const smtpUrl = typeof smtp === "string" && smtp.trim() ? smtp.trim() : null;
  return { crons: config.triggers.crons ?? [], smtpHost: smtpUrl === null ? null : hostOf(smtpUrl) };
}

/** The host of an SMTP URL, never its password; the Worker itself says what is wrong with a bad one. */
function hostOf(url: string): string {
  try {
    return new URL(url).host || "(no host)";
  } catch {
    return "(not a URL)";
  }
}

/** The cron expression of "every minute": the only schedule this local runner keeps. */
const EVERY_MINUTE = "* * * * *";
const keptLocally = (cron: string) => cron === EVERY_MINUTE;

/**
 * Runs the Worker's real `scheduled` handler the way production's cron triggers do: Miniflare answers
 * `/cdn-cgi/local/scheduled` (under `vite preview` and the dev server alike) but fires no crons of its
 * own, so without this a mail waiting for its retry would stay pending. At the start of every minute
 * each minutely cron is asked for, with that minute as `scheduledTime` (other schedules are named in
 * the banner as not run). SPRECHSTUNDE_CRON_EVERY_MS shortens the minute for the tests
 * (tests/e2e/scheduled.test.ts); a failed run is printed.
 */
function runCrons(crons: readonly string[], everyMs: number): void {
  const run = async (scheduledTime: number) => {
    for (const cron of crons.filter(keptLocally)) {
      const query = new URLSearchParams({ cron, time: String(scheduledTime), format: "json" });
      try {
        const res = await fetch(`http://localhost:${port}/cdn-cgi/local/scheduled?${query}`);
        if (!res.ok) console.error(`Scheduled run (${cron}) at ${new Date(scheduledTime).toISOString()} failed: ${await res.text()}`);
      } catch (error) {
        console.error(`Scheduled run (${cron}): no answer from the server (${error instanceof Error ? error.message : error})`);
      }
    }
  };
  const next = () => {
    const at = Math.ceil((Date.now() + 1) / everyMs) * everyMs;
    setTimeout(() => {
      void run(at);
      next();
    }, at - Date.now());
  };
  next();
}

/** The development admin `npm start` signs in: a made-up address, never the office's real one. */
const DEV_ADMIN = { email: "admin@example.org", name: "Entwicklung Admin" };

function banner(codes: { kiosk: string; display: string }, signInToken: string, worker: Served): string {
  const url = `http://localhost:${port}`;
  const rows: [string, string][] = [
    ["Termin buchen – booking page", `${url}/`],
    ["Tablet im Büro – kiosk", `${url}/kiosk`],
    ["Team-Übersicht – staff board", `${url}/staff`],
    ["Anzeige im Wartebereich – call display", `${url}/display`],
    ["API", `${url}/api/location`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    "",
    `sprechstunde läuft${dev ? " (dev, hot reload)" : ""} – is running:`,
    ...rows.map(([label, link]) => `  ${label.padEnd(width)}  ${link}`),
    "",
    `  Sign in to the staff board as ${DEV_ADMIN.name} (${DEV_ADMIN.email}; valid ${SIGN_IN_LINK_MINUTES} minutes, once;`,
    "  more with npm run staff -- link admin@example.org):",
    `    ${signInUrl(url, signInToken)}`,
    "",
    `  Pairing codes (valid ${PAIRING_CODE_MINUTES} minutes; more with npm run device -- add kiosk "Name"):`,
    `    kiosk ${codes.kiosk}    display ${codes.display}`,
    "",
    `  Local database: ${state}`,
    worker.smtpHost === null
      ? "  Mail is not sent: without SMTP_URL every message stays in the outbox."
      : `  Mail is sent through ${worker.smtpHost} (SMTP_URL); what fails is tried again by the minutely run.`,
    ...scheduleLines(worker.crons, cronEveryMs),
    "  Stop with Ctrl+C.",
    "",
  ].join("\n");
}

/** What the banner says about the scheduled work, crons this runner does not keep included. */
function scheduleLines(crons: readonly string[], everyMs: number): string[] {
  const pace = everyMs === 60_000 ? "every minute, as deployed" : `every ${everyMs / 1000} s (SPRECHSTUNDE_CRON_EVERY_MS; deployed: every minute)`;
  return [
    ...(crons.some(keptLocally) ? [`  Scheduled work (the cron of wrangler.toml) runs ${pace}: retries, reminders, housekeeping.`] : []),
    ...crons.filter((cron) => !keptLocally(cron)).map((cron) => `  Not run locally: the cron "${cron}" (only "${EVERY_MINUTE}" is).`),
  ];
}

async function main(): Promise<void> {
  // Before the build: it copies .dev.vars beside the built Worker for `vite preview`. Not when serving an
  // existing build (browser tests, benchmarks): they leave the developer's files alone.
  if (!args.has("--no-build") && (await ensureDevVapidKeys(`${root}.dev.vars`))) {
    console.log("• Web Push: development keys written to .dev.vars");
  }
  if (!dev && !args.has("--no-build")) await run("Build front ends and Worker", bin("vite"), ["build"]);
  const wrangler = bin("wrangler");
  await run("Apply D1 migrations (local)", wrangler, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", state]);
  // Fresh pairing codes for a local kiosk and call display, so both can be tried at once.
  const now = new Date();
  const expiresAt = new Date(now.getTime() + PAIRING_CODE_MINUTES * 60_000);
  const codes = { kiosk: newPairingCode(), display: newPairingCode() };
  const signInToken = newSignInToken();
  // The development seed, the extra seed and the codes in one file, so one `wrangler d1 execute` (a
  // process with its own workerd) does them all: each start of a browser test's server spawns one, not three.
  const seeds = [
    readFileSync(`${root}schemas/seed/dev.sql`, "utf8"),
    ...(process.env.SPRECHSTUNDE_EXTRA_SEED ? [readFileSync(process.env.SPRECHSTUNDE_EXTRA_SEED, "utf8")] : []),
    pairingSql({ id: "local-kiosk", locationSlug: "kempten-ost", kind: "kiosk", label: "Tablet (lokal)", code: codes.kiosk, expiresAt, now }),
    pairingSql({ id: "local-display", locationSlug: "kempten-ost", kind: "display", label: "Anzeige (lokal)", code: codes.display, expiresAt, now }),
    accountSql({ ...DEV_ADMIN, role: "admin", locationSlug: "kempten-ost", now }),
    signInLinkSql({ email: DEV_ADMIN.email, token: signInToken, now }),
  ];
  mkdirSync(state, { recursive: true });
  const seedFile = `${state}/start-seed.sql`;
  writeFileSync(seedFile, seeds.join("\n"));
  try {
    await run("Apply the development seed, pairing codes and a sign-in link (local)", wrangler, ["d1", "execute", "DB", "--local", "--persist-to", state, "--file", seedFile]);
  } finally {
    rmSync(seedFile, { force: true });
  }

  const server = spawn(bin("vite"), dev ? ["--logLevel", "warn"] : ["preview", "--logLevel", "warn"], {
    cwd: root,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("close", (code) => process.exit(code ?? 0));
  const [worker] = await Promise.all([served(), waitForHealth(server)]);
  runCrons(worker.crons, cronEveryMs);
  console.log(banner(codes, signInToken, worker));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
