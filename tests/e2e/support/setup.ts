import { chromiumPath } from "./browser";

/*
 * Global setup of the browser tests: checks that Chromium is there and says how to get it when it is
 * not (the tests never skip silently). Each test file serves the app for itself (support/app.ts).
 */
export function setup(): void {
  chromiumPath();
}
