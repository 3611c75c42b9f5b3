/**
 * Counts one request for `key` in the fixed window starting at `windowStart` (UTC ISO) and returns the
 * count including it. One statement, so concurrent requests each get their own number.
 */
export async function countRequest(db: D1Database, key: string, windowStart: string): Promise<number> {
  const row = await db
    .prepare(
      `INSERT INTO rate_limits (key, window_start, count) VALUES (?1, ?2, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1
       RETURNING count`,
    )
    .bind(key, windowStart)
    .first<{ count: number }>();
  return row!.count;
}

/** The count of `key` in the window starting at `windowStart`, without counting (0 when none). */
export async function currentCount(db: D1Database, key: string, windowStart: string): Promise<number> {
  const row = await db
    .prepare("SELECT count FROM rate_limits WHERE key = ?1 AND window_start = ?2")
    .bind(key, windowStart)
    .first<{ count: number }>();
  return row?.count ?? 0;
}
