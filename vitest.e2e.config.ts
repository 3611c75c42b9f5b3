import { defineConfig } from "vitest/config";

/*
 * Browser tests: real Chromium (Debian's package, driven by playwright-core) against the production
 * build served in workerd on a database of its own. `npm run test:e2e` builds first.
 */
export default defineConfig({
  test: {
    name: "e2e",
    environment: "node",
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/support/server.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One app server and one browser per file; files run one after another on a two-core machine.
    fileParallelism: false,
  },
});
