declare namespace Cloudflare {
  // Bindings only the workerd tests have (see vitest.config.ts).
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    /** schemas/seed/dev.sql, as `npm start` applies it. */
    TEST_DEV_SEED: string;
    /** The SQL text of worker/db/*.ts as JSON (tests/setup/db-sql.ts `DbSqlLiteral[]`), for the query-plan test. */
    TEST_DB_SQL: string;
  }
  // Types `exports.default` of `cloudflare:workers` as the Worker's own entry point.
  interface GlobalProps {
    mainModule: typeof import("../worker/index");
  }
}
