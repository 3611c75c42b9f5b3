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

/**
 * Runs the project's wrangler from the repository and returns its output, kept (not printed); throws
 * with it when wrangler fails. node_modules/.bin first: wrangler's `#!/usr/bin/env node` must find the
 * pinned Node 22.
 */
export function wrangler(args: string[]): string {
  return execFileSync(`${root}node_modules/.bin/wrangler`, args, {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PATH: `${root}node_modules/.bin${path.delimiter}${process.env.PATH ?? ""}`, WRANGLER_SEND_METRICS: "false" },
  });
}

/** Runs `sql` (one or more statements) and returns the rows of all of them. */
export function d1(sql: string, options: { remote: boolean }): Record<string, unknown>[] {
  const target = options.remote
    ? ["--remote"]
    : ["--local", "--persist-to", process.env.SPRECHSTUNDE_STATE ?? `${root}.wrangler/state`];
  const out = wrangler(["d1", "execute", "DB", ...target, "--json", "--command", sql]);
  return (JSON.parse(out) as { results: Record<string, unknown>[] }[]).flatMap((r) => r.results);
}
