import type { TestProject } from "vitest/node";
import { serveIsolated, type IsolatedApp } from "../../../scripts/serve-isolated";
import { chromiumPath } from "./browser";

/*
 * Global setup of the browser tests: checks that Chromium is there (and says how to get it when it is
 * not: the tests never skip silently), then serves the production build on a free port and a fresh
 * local database, exactly as `npm start` would.
 */

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

let app: IsolatedApp | undefined;

export async function setup(project: TestProject): Promise<void> {
  chromiumPath(); // throws with install instructions when missing
  app = await serveIsolated();
  project.provide("baseURL", app.baseURL);
}

export function teardown(): void {
  app?.stop();
}
