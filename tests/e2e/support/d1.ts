import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/*
 * The running app's local database, read (and written) with `wrangler d1 execute` beside the server, as
 * `npm run staff` and `npm run outbox` do: what a test cannot see through the API (a mail's working links).
 */

const root = fileURLToPath(new URL("../../..", import.meta.url));

/** Runs wrangler from the repository, its output kept (not printed). */
export function wrangler(args: string[]): string {
  return execFileSync(`${root}node_modules/.bin/wrangler`, args, {
    cwd: root,
    encoding: "utf8",
    // Kept, not printed: a look that meets the server writing (SQLITE_BUSY) fails and the caller's poll looks again.
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PATH: `${root}node_modules/.bin${path.delimiter}${process.env.PATH ?? ""}`, WRANGLER_SEND_METRICS: "false" },
  });
}

/** Runs SQL on the local database in `state` and returns the rows of its last statement. */
export function query(state: string, sql: string): Record<string, unknown>[] {
  const out = JSON.parse(wrangler(["d1", "execute", "DB", "--local", "--persist-to", state, "--json", "--command", sql])) as { results: Record<string, unknown>[] }[];
  return out.at(-1)!.results;
}
