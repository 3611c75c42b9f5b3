/**
 * A D1Database whose answers add up their `meta.rows_read`, to measure what a piece of scheduled work reads.
 * Counts statements run with `all`, `run` and `batch`; `first` and `raw` throw, since their answers carry no
 * meta and a read that is not counted would make the sum look better than it is.
 */
export function countingRowsRead(db: D1Database): { db: D1Database; read: () => number } {
  let rowsRead = 0;
  const add = (meta: { rows_read?: number }) => {
    rowsRead += meta.rows_read ?? 0;
  };
  const inner = new WeakMap<D1PreparedStatement, D1PreparedStatement>();
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const wrapped = new Proxy(statement, {
      get(target, prop) {
        if (prop === "bind") return (...values: unknown[]) => wrap(target.bind(...values));
        if (prop === "all") return async () => { const r = await target.all(); add(r.meta); return r; };
        if (prop === "run") return async () => { const r = await target.run(); add(r.meta); return r; };
        if (prop === "first" || prop === "raw") throw new Error(`countingRowsRead: ${prop}() is not counted; use all()`);
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    inner.set(wrapped, statement);
    return wrapped;
  };
  const counted = new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") return (query: string) => wrap(target.prepare(query));
      if (prop === "batch") {
        return async (statements: D1PreparedStatement[]) => {
          const results = await target.batch(statements.map((s) => inner.get(s) ?? s));
          for (const r of results) add(r.meta);
          return results;
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db: counted, read: () => rowsRead };
}
