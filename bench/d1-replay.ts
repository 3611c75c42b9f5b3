/*
 * A stand-in for the D1 binding, for timing the Worker's own work in Node: the real schema and seed in
 * node:sqlite answer each distinct statement (SQL and arguments) once, and every later run of it gets
 * the recorded rows back at once, so the time measured is the Worker's (parsing rows, computing,
 * formatting, answering), not the database's. In production a D1 query is a network round trip whose
 * time is waiting, not the Worker's CPU.
 *
 * `schedule_version` is the exception: it is answered from `version`, which the caller raises to play a
 * change of the schedule (every later request then computes afresh, as after a booking).
 */
import { readdirSync, readFileSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";

export interface ReplayD1 {
  /** Pass as the Worker's `DB` binding (the D1 methods the Worker uses; typed loosely, as the Node tooling has no Workers types). */
  db: object;
  /** The schedule version every office answers with. */
  version: number;
}

const root = new URL("../", import.meta.url);

/** The migrated schema with the development seed (the Kempten-Ost office), in memory. */
function seededDatabase(): DatabaseSync {
  const sqlite = new DatabaseSync(":memory:");
  const migrations = new URL("schemas/migrations/", root);
  for (const file of readdirSync(migrations).filter((f) => f.endsWith(".sql")).sort()) {
    sqlite.exec(readFileSync(new URL(file, migrations), "utf8"));
  }
  sqlite.exec(readFileSync(new URL("schemas/seed/dev.sql", root), "utf8"));
  return sqlite;
}

export function replayD1(): ReplayD1 {
  const sqlite = seededDatabase();
  const recorded = new Map<string, Record<string, unknown>[]>();
  const state: ReplayD1 = { db: {}, version: 0 };

  const rowsOf = (sql: string, args: unknown[]): Record<string, unknown>[] => {
    const key = `${sql}\u0000${JSON.stringify(args)}`;
    let rows = recorded.get(key);
    if (!rows) {
      rows = sqlite.prepare(sql).all(...(args as (string | number | null)[])) as Record<string, unknown>[];
      recorded.set(key, rows);
    }
    return "schedule_version" in (rows[0] ?? {}) ? rows.map((r) => ({ ...r, schedule_version: state.version })) : rows;
  };
  const meta = { rows_read: 0, rows_written: 0, duration: 0, changes: 0, last_row_id: 0, changed_db: false, size_after: 0 };
  const statement = (sql: string, args: unknown[] = []) => ({
    bind: (...values: unknown[]) => statement(sql, values),
    all: async () => ({ success: true, results: rowsOf(sql, args), meta }),
    first: async (column?: string) => {
      const row = rowsOf(sql, args)[0] ?? null;
      return column && row ? row[column] : row;
    },
    run: async () => ({ success: true, results: rowsOf(sql, args), meta }),
    raw: async () => rowsOf(sql, args).map((r) => Object.values(r)),
  });
  type Statement = ReturnType<typeof statement>;
  state.db = {
    prepare: (sql: string) => statement(sql),
    batch: async (statements: Statement[]) => Promise.all(statements.map((s) => s.all())),
  };
  return state;
}
