import type { TestProject } from "vitest/node";
import { serveIsolated, type IsolatedApp } from "../../../scripts/serve-isolated";
import { chromiumPath } from "./browser";
import { e2eOffices, type KioskCodes, type StaffLinks } from "./offices";

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
    /** Sign-in link tokens of an admin and a staff member of the always-open office (support/offices.ts). */
    staffLinks: StaffLinks;
  }
}

let app: IsolatedApp | undefined;

export async function setup(project: TestProject): Promise<void> {
  chromiumPath(); // throws with install instructions when missing
  const offices = e2eOffices();
  app = await serveIsolated({ extraSeed: offices.sql });
  project.provide("baseURL", app.baseURL);
  project.provide("kioskCodes", offices.codes);
  project.provide("staffLinks", offices.staffLinks);
}

export function teardown(): void {
  app?.stop();
}
