import { defineConfig } from "vitest/config";

/*
 * Browser tests: real Chromium (Debian's package, driven by playwright-core) against the production
 * build served in workerd, each file on a server and database of its own (tests/e2e/support/app.ts).
 * `npm run test:e2e` builds first.
 */
export default defineConfig({
  test: {
    name: "e2e",
    environment: "node",
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/support/setup.ts"],
    testTimeout: 60_000,
    // A file's beforeAll starts its own server (migrations, seeds, workerd): longer on a busy machine.
    hookTimeout: 120_000,
    // One app server and one browser per file; two files at a time: a file mostly waits (server start,
    // page loads, live updates), so two share the two cores well and the run stays well inside CI's time.
    fileParallelism: true,
    maxWorkers: 2,
    // A failed test fails the run: no second try hides a flake.
    retry: 0,
    // expect.poll waits for what a page does after a server's answer or a live update: vitest's 1 s is
    // too short for that on a busy machine (a poll that needs longer still says so).
    expect: { poll: { timeout: 10_000 } },
  },
});
