import type { TestProject } from "vitest/node";
import { serveIsolated, type IsolatedApp } from "../../../scripts/serve-isolated";
import { chromiumPath } from "./browser";
import { e2eOffices, type KioskCodes } from "./offices";

/*
 * Global setup of the browser tests: checks that Chromium is there (and says how to get it when it is
 * not: the tests never skip silently), then serves the production build on a free port and a fresh
 * local database, exactly as `npm start` would, plus the tests' own offices (support/offices.ts).
 */

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    /** Pairing codes of kiosks at the tests' own always-open and never-open offices (support/offices.ts). */
    kioskCodes: KioskCodes;
  }
}

let app: IsolatedApp | undefined;

export async function setup(project: TestProject): Promise<void> {
  chromiumPath(); // throws with install instructions when missing
  const offices = e2eOffices();
  app = await serveIsolated({ extraSeed: offices.sql });
  project.provide("baseURL", app.baseURL);
  project.provide("kioskCodes", offices.codes);
}

export function teardown(): void {
  app?.stop();
}
