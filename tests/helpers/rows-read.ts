import { meteredD1 } from "../../worker/d1-meter";

/**
 * A D1Database whose answers add up their `meta.rows_read`, to measure what a piece of scheduled work
 * reads (worker/d1-meter.ts: `all`, `run`, `first` and `batch` count; `raw` and `exec` throw).
 */
export function countingRowsRead(db: D1Database): { db: D1Database; read: () => number } {
  const { db: counted, tally } = meteredD1(db);
  return { db: counted, read: () => tally.rowsRead };
}
