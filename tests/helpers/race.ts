import { env } from "cloudflare:workers";

/*
 * Two requests forced into the worst order: both read before either writes. Each request gets its own
 * view of D1 (pass it as the request's `DB` binding); its first batch that writes waits until the other
 * request has reached its own first writing batch, then the two run one after the other, `order[0]`
 * first, so `order[0]` wins. Reads pass straight through. What this proves does not depend on timing:
 * the loser always works from what it read before the winner wrote.
 */

const SQL = new WeakMap<object, string>();
const WRITES = /^\s*(INSERT|UPDATE|DELETE|WITH)/i;

/** A gate for two labelled requests; call it with each label for that request's D1 binding. */
export function forcedRace(order: [winner: string, loser: string]): (label: string) => D1Database {
  const arrived = new Map<string, () => void>();
  return (label) => {
    let gated = false;
    return new Proxy(env.DB, {
      get(target, prop) {
        if (prop === "prepare") {
          // Remember each statement's SQL (also once bound), so a batch can tell whether it writes.
          return (sql: string) => {
            const statement = target.prepare(sql);
            const bind = statement.bind.bind(statement);
            statement.bind = (...args: unknown[]) => {
              const bound = bind(...args);
              SQL.set(bound, sql);
              return bound;
            };
            SQL.set(statement, sql);
            return statement;
          };
        }
        if (prop === "batch") {
          return async (statements: D1PreparedStatement[]) => {
            const writes = statements.some((s) => WRITES.test(SQL.get(s) ?? ""));
            if (gated || !writes) return target.batch(statements);
            gated = true;
            await new Promise<void>((go) => {
              arrived.set(label, go);
              if (arrived.size === 2) arrived.get(order[0])!();
            });
            try {
              return await target.batch(statements);
            } finally {
              if (label === order[0]) arrived.get(order[1])!();
            }
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  };
}
