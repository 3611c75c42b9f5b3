/*
 * Runs SQL against the app's D1 database from the Node-side tools (`npm run device`, `npm run staff`)
 * through `wrangler d1 execute`: the local database `npm start` uses (SPRECHSTUNDE_STATE moves it), or
 * with `remote` the deployed one. wrangler's --command takes no bound parameters: build literals with
 * sqlText (scripts/pairing.ts).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Runs `sql` (one or more statements) and returns the rows of all of them. */
export function d1(sql: string, options: { remote: boolean }): Record<string, unknown>[] {
  const target = options.remote
    ? ["--remote"]
    : ["--local", "--persist-to", process.env.SPRECHSTUNDE_STATE ?? `${root}.wrangler/state`];
  const out = execFileSync(`${root}node_modules/.bin/wrangler`, ["d1", "execute", "DB", ...target, "--json", "--command", sql], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, PATH: `${root}node_modules/.bin${path.delimiter}${process.env.PATH ?? ""}`, WRANGLER_SEND_METRICS: "false" },
  });
  return (JSON.parse(out) as { results: Record<string, unknown>[] }[]).flatMap((r) => r.results);
}
