import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { configDefaults, defineConfig } from "vitest/config";
import { dbSqlLiterals } from "./tests/setup/db-sql.ts";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Mail composition is pure and runs in Node; the other mail tests deliver from inside workerd.
const UNIT_MAIL_TESTS = "tests/mail/compose*.test.ts";

/*
 * Two projects:
 *   unit     pure code in Node (domain rules, front-end helpers, mail composition); `npm test` runs it under
 *            two time zones
 *   workers  the Worker inside workerd against a migrated local D1 (routes, data layer, mail delivery
 *            through real SMTP servers on loopback that tests/setup/smtp-server.ts runs in Node)
 * Browser tests have their own config (vitest.e2e.config.ts): they need a built app and Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          environment: "node",
          include: [
            "tests/domain/**/*.test.ts",
            "tests/kiosk/**/*.test.ts",
            "tests/staff/**/*.test.ts",
            "tests/architecture/**/*.test.ts",
            "tests/i18n/**/*.test.ts",
            UNIT_MAIL_TESTS,
          ],
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: here("wrangler.toml") },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations(here("schemas/migrations")),
                TEST_DEV_SEED: readFileSync(here("schemas/seed/dev.sql"), "utf8"),
                TEST_DB_SQL: JSON.stringify(dbSqlLiterals(here("."))),
              },
            },
          })),
        ],
        test: {
          name: "workers",
          include: ["tests/routes/**/*.test.ts", "tests/db/**/*.test.ts", "tests/mail/**/*.test.ts", "tests/live/**/*.test.ts"],
          exclude: [...configDefaults.exclude, UNIT_MAIL_TESTS],
          setupFiles: ["tests/setup/apply-migrations.ts"],
          // Each file starts a workerd of its own; on a busy two-core CI machine a plain route test has
          // taken longer than vitest's 5 s. These tests prove behaviour, not speed (npm run bench does).
          testTimeout: 30_000,
          // Two files at a time: a file's tests mostly wait on workerd (a process of its own) and D1, so
          // two share the two cores of CI well; vitest's default would be one (cores − 1).
          maxWorkers: 2,
          globalSetup: ["tests/setup/smtp-server.ts"],
        },
      },
    ],
  },
});
