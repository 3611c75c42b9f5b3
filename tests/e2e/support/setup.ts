import { rmSync } from "node:fs";
import { MIGRATED_STATE_ENV, migratedState } from "../../../scripts/serve-isolated";
import { chromiumPath } from "./browser";

/*
 * Global setup of the browser tests: checks that Chromium is there and says how to get it when it is
 * not (the tests never skip silently), and migrates one database that every test file's server starts
 * from a copy of (scripts/serve-isolated.ts `migratedState`). Each test file serves the app for itself
 * (support/app.ts).
 */
export function setup(): () => void {
  chromiumPath();
  const state = migratedState();
  // The test files' processes start after this and inherit it.
  process.env[MIGRATED_STATE_ENV] = state;
  return () => rmSync(state, { recursive: true, force: true });
}
