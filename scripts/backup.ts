/*
 * `npm run backup`: the deployed database exported to `backups/sprechstunde-<UTC timestamp>.sql` with
 * `wrangler d1 export DB --remote` (schema and data; restore with `wrangler d1 execute DB --file`).
 *
 *   npm run backup                the deployed database (needs `wrangler login` or CLOUDFLARE_API_TOKEN)
 *   npm run backup -- --local     the local database `npm start` uses (SPRECHSTUNDE_STATE moves it)
 *
 * The file holds personal data. D1 Time Travel already keeps 30 days of restore points; a file of your
 * own is for what Time Travel cannot do (a copy outside Cloudflare, an audit). A restore never brings
 * personal data back for long: the minutely retention step erases whatever is due, whatever its age.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const local = process.argv.includes("--local");
const state = path.resolve(process.env.SPRECHSTUNDE_STATE ?? `${root}.wrangler/state`);

/** `sprechstunde-2026-12-02T081500Z.sql`: sorts by time, no characters a file system minds. */
function fileName(now: Date): string {
  return `sprechstunde-${now.toISOString().slice(0, 19).replace(/:/g, "")}Z.sql`;
}

function wrangler(args: string[], cwd = root): void {
  execFileSync(`${root}node_modules/.bin/wrangler`, args, {
    cwd,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PATH: `${root}node_modules/.bin${path.delimiter}${process.env.PATH ?? ""}`, WRANGLER_SEND_METRICS: "false" },
  });
}

/**
 * `wrangler d1 export --local` has no --persist-to: it reads `.wrangler/state` beside its configuration.
 * So the local export runs on a configuration of the D1 binding alone, in a folder whose
 * `.wrangler/state` is the state folder.
 */
async function exportLocal(output: string): Promise<void> {
  const { unstable_readConfig } = await import("wrangler");
  const databases: { binding: string; database_name?: string; database_id?: string }[] = unstable_readConfig({ config: `${root}wrangler.toml` }).d1_databases;
  const db = databases.find((d) => d.binding === "DB");
  if (!db) throw new Error("wrangler.toml has no D1 binding DB");
  const dir = mkdtempSync(path.join(tmpdir(), "sprechstunde-backup-"));
  try {
    writeFileSync(
      path.join(dir, "wrangler.json"),
      JSON.stringify({ name: "sprechstunde", d1_databases: [{ binding: "DB", database_name: db.database_name, database_id: db.database_id }] }),
    );
    mkdirSync(path.join(dir, ".wrangler"));
    symlinkSync(state, path.join(dir, ".wrangler/state"), "dir");
    wrangler(["d1", "export", "DB", "--local", "--config", path.join(dir, "wrangler.json"), "--output", output], dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A message for a state folder that holds no local database, else null (wrangler keeps D1 under v3/d1). */
function missingLocalDatabase(): string | null {
  if (existsSync(path.join(state, "v3", "d1"))) return null;
  return [
    `There is no local database in ${state}.`,
    "Start the app once with `npm start` (it creates it), or point SPRECHSTUNDE_STATE at the state folder you use.",
  ].join("\n");
}

/** Exports into `output`; on failure leaves neither a partial file nor a `backups/` folder it created. */
async function exportTo(output: string): Promise<void> {
  const folder = path.dirname(output);
  const created = !existsSync(folder);
  mkdirSync(folder, { recursive: true });
  try {
    if (local) await exportLocal(output);
    else wrangler(["d1", "export", "DB", "--remote", "--output", output]);
  } catch (error) {
    rmSync(output, { force: true });
    if (created && readdirSync(folder).length === 0) rmdirSync(folder);
    throw error;
  }
}

/** How long a backup file may be kept: what the privacy notice promises for backups (D1 Time Travel's 30 days). */
const KEEP_DAYS = 30;

/**
 * Deletes this script's backup files in `folder` older than KEEP_DAYS (by the time in their name), so
 * every backup also ends the ones whose time is up; answers their names.
 */
function pruneOld(folder: string, now: Date): string[] {
  if (!existsSync(folder)) return [];
  const cutoff = now.getTime() - KEEP_DAYS * 86_400_000;
  const old = readdirSync(folder).filter((name) => {
    const m = /^sprechstunde-(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})Z\.sql$/.exec(name);
    return m !== null && Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`) < cutoff;
  });
  for (const name of old) rmSync(path.join(folder, name));
  return old;
}

async function main(): Promise<void> {
  const missing = local ? missingLocalDatabase() : null;
  if (missing) {
    console.error(missing);
    process.exit(1);
  }
  const now = new Date();
  const output = path.join(root, "backups", fileName(now));
  await exportTo(output);
  const pruned = pruneOld(path.dirname(output), now);
  const kb = Math.ceil(statSync(output).size / 1024);
  // A restore goes into a database of its own: executed into the one in use, its rows would collide.
  const fresh = `${state}-restored`;
  console.log(
    [
      `Backup of the ${local ? `local database (${state})` : "deployed database"}: ${output} (${kb} KB)`,
      "It holds personal data (names, addresses, phone numbers, mails): keep it encrypted, never in the",
      `repository, and delete copies of it after at most ${KEEP_DAYS} days. Backup files here older than ${KEEP_DAYS} days`,
      `are deleted by every backup run: ${pruned.length === 0 ? "none were due" : pruned.join(", ")}.`,
      local
        ? `Restore into a fresh state folder (not the one in use): npx wrangler d1 execute DB --local --persist-to ${fresh} --file ${path.relative(process.cwd(), output)}\n` +
          `then start on it: SPRECHSTUNDE_STATE=${fresh} npm start`
        : `Restore into an empty database: npx wrangler d1 execute DB --remote --file ${path.relative(process.cwd(), output)}`,
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
