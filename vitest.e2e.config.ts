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
    // One more try for a failed test, and only because of the local server, not the app: under load the
    // dev proxy (vite preview → miniflare → workerd) now and then answers a POST with a 500 "fetch failed"
    // page without any Worker log (seen on one or two POSTs in some full runs on this two-core machine,
    // never on a test run alone; cause not found yet). A test that fails twice still fails the run.
    retry: 1,
  },
});
