import { wrangler } from "../../../scripts/d1";

/*
 * The running app's local database, read (and written) with `wrangler d1 execute` beside the server, as
 * `npm run staff` and `npm run outbox` do: what a test cannot see through the API (a mail's working links).
 * A look that meets the server writing (SQLITE_BUSY) fails and the caller's poll looks again.
 */

export { wrangler };

/** Runs SQL on the local database in `state` and returns the rows of its last statement. */
export function query(state: string, sql: string): Record<string, unknown>[] {
  const out = JSON.parse(wrangler(["d1", "execute", "DB", "--local", "--persist-to", state, "--json", "--command", sql])) as { results: Record<string, unknown>[] }[];
  return out.at(-1)!.results;
}
