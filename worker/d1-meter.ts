/*
 * What work costs in D1: the rows SQLite read and wrote for it (what Cloudflare bills, `meta.rows_read` and
 * `meta.rows_written` of each result, triggers included) and how many statements ran. A measuring tool:
 * `measureD1` (middleware.ts) wraps a request's database in it when a local server was started to be
 * measured (`npm run bench`), and tests wrap a database directly. Never in the path of a deployed Worker.
 */

/** The sums so far; they grow as statements run. */
export interface D1Tally {
  rowsRead: number;
  rowsWritten: number;
  statements: number;
}

/** A statement as it ran: its SQL text, the values bound to it, and what D1 says it cost. */
export interface RanStatement {
  sql: string;
  params: unknown[];
  rowsRead: number;
  rowsWritten: number;
}

type StatementText = Pick<RanStatement, "sql" | "params">;

/**
 * A database that adds the `meta` of every result it gives to `tally`: statements run with `all`, `run`,
 * `first` and `batch`. `first` runs as `all` (D1 runs the whole statement for it too, but its answer
 * carries no meta) and answers the same. `raw`, `exec`, `dump` and sessions throw: their answers carry
 * no meta, and a read that went uncounted would make the sum look better than it is. `ran`, when given,
 * hears of every statement that ran and its cost (a test collects them to look at their query plans).
 */
export function meteredD1(db: D1Database, ran?: (statement: RanStatement) => void): { db: D1Database; tally: D1Tally } {
  const tally: D1Tally = { rowsRead: 0, rowsWritten: 0, statements: 0 };
  const add = (text: StatementText, meta: { rows_read?: number; rows_written?: number }) => {
    const rowsRead = meta.rows_read ?? 0;
    const rowsWritten = meta.rows_written ?? 0;
    tally.rowsRead += rowsRead;
    tally.rowsWritten += rowsWritten;
    tally.statements += 1;
    ran?.({ ...text, rowsRead, rowsWritten });
  };
  const uncounted = (what: string) => () => {
    throw new Error(`meteredD1: ${what} is not counted; use prepare(…).all() or run()`);
  };
  // The runtime's batch takes only its own statements: each wrapper remembers the one it wraps.
  const inner = new WeakMap<D1PreparedStatement, { statement: D1PreparedStatement; text: StatementText }>();
  const wrap = (statement: D1PreparedStatement, text: StatementText): D1PreparedStatement => {
    const all = async <T>() => {
      const result = await statement.all<T>();
      add(text, result.meta);
      return result;
    };
    const wrapped: D1PreparedStatement = {
      bind: (...values: unknown[]) => wrap(statement.bind(...values), { sql: text.sql, params: values }),
      all,
      run: async <T>() => {
        const result = await statement.run<T>();
        add(text, result.meta);
        return result;
      },
      first: (async (column?: string) => {
        const row = (await all<Record<string, unknown>>()).results[0];
        if (row === undefined) return null;
        if (column === undefined) return row;
        if (!(column in row)) throw new Error(`D1_COLUMN_NOTFOUND: Column not found (${column})`);
        return row[column];
      }) as D1PreparedStatement["first"],
      raw: uncounted("raw()") as D1PreparedStatement["raw"],
    };
    inner.set(wrapped, { statement, text });
    return wrapped;
  };
  const metered: D1Database = {
    prepare: (query: string) => wrap(db.prepare(query), { sql: query, params: [] }),
    batch: async <T>(statements: D1PreparedStatement[]) => {
      const unwrapped = statements.map((s) => inner.get(s));
      const results = await db.batch<T>(statements.map((s, i) => unwrapped[i]?.statement ?? s));
      results.forEach((r, i) => add(unwrapped[i]?.text ?? { sql: "?", params: [] }, r.meta));
      return results;
    },
    exec: uncounted("exec()"),
    dump: uncounted("dump()"),
    withSession: uncounted("withSession()"),
  };
  return { db: metered, tally };
}
