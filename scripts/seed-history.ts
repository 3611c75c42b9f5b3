/*
 * Seeds an office with a long past: slot bookings of every channel and outcome (attended, no-show,
 * cancelled by the person or the office, a few born as requests), their status history and the seats
 * they held, the queue numbers of those who came with their calls, walk-ins, and the outbox's finished
 * mails. For benchmarks (npm run bench: the statistics of a year, D1 rows per request of an office with
 * a long past) and for tests that need a past month. The SQL itself is scripts/history-sql.ts.
 *
 *   node scripts/seed-history.ts [--office kempten-ost] [--bookings 100000] [--walk-ins 30000]
 *                                [--mails 200000] [--days 365] [--no-seats]
 *
 * writes into the local D1 of SPRECHSTUNDE_STATE (default .wrangler/state; migrations applied first), so
 * `SPRECHSTUNDE_STATE=/tmp/history node scripts/seed-history.ts && SPRECHSTUNDE_STATE=/tmp/history npm start`
 * shows an office with years of history without touching the usual local database.
 *
 * The defaults are issue 14's office with a long past: 100 000 bookings with their seats, 90 000 queue
 * numbers (60 000 of appointments, 30 000 walk-ins) and 200 000 mails, over a year. Idempotent: running
 * it twice adds nothing.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { historySql, type History } from "./history-sql.ts";

export { historySql, historyStatements, type History } from "./history-sql.ts";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** The local day `days` days before today in Berlin. */
function berlinDay(daysBack: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
  const t = new Date(`${today}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() - daysBack);
  return t.toISOString().slice(0, 10);
}

/**
 * Writes `history` into the local D1 of the state folder `state` (migrations and the development seed
 * first, both idempotent), with wrangler as `npm start` uses it. Seeding 100 000 bookings with their seats
 * and mails takes about half a minute.
 */
export function seedHistory(state: string, history: History): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const wrangler = path.join(root, "node_modules/.bin/wrangler");
  const run = (command: string[], ...rest: string[]) =>
    execFileSync(wrangler, ["d1", ...command, "DB", "--local", "--persist-to", state, ...rest], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      // node_modules/.bin first: wrangler's `#!/usr/bin/env node` must find the pinned Node 22.
      env: { ...process.env, PATH: `${path.join(root, "node_modules/.bin")}${path.delimiter}${process.env.PATH ?? ""}`, WRANGLER_SEND_METRICS: "false" },
    });
  const dir = mkdtempSync(path.join(tmpdir(), "sprechstunde-history-"));
  try {
    const file = path.join(dir, "history.sql");
    writeFileSync(file, historySql(history));
    run(["migrations", "apply"]);
    run(["execute"], "--file", path.join(root, "schemas/seed/dev.sql"));
    run(["execute"], "--file", file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const state = process.env.SPRECHSTUNDE_STATE ?? path.join(root, ".wrangler/state");
  const days = Number(arg("days", "365"));
  const bookings = Number(arg("bookings", "100000"));
  const history: History = {
    office: arg("office", "kempten-ost"),
    from: berlinDay(days),
    to: berlinDay(1),
    bookings,
    walkIns: Number(arg("walk-ins", String(Math.round(bookings * 0.3)))),
    mails: Number(arg("mails", String(bookings * 2))),
    seats: !process.argv.includes("--no-seats"),
  };
  seedHistory(state, history);
  console.log(
    `${history.office}: ${history.bookings} bookings${history.seats ? " with their seats" : ""}, ${history.walkIns} walk-ins and ` +
      `${history.mails} mails from ${history.from} to ${history.to} in ${state}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
