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

/**
 * Takes one count of `key` in the window back (a sign-in attempt that succeeded); never below 0.
 */
export function uncountRequest(db: D1Database, key: string, windowStart: string): D1PreparedStatement {
  return db
    .prepare("UPDATE rate_limits SET count = count - 1 WHERE key = ?1 AND window_start = ?2 AND count > 0")
    .bind(key, windowStart);
}
