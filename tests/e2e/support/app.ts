import { serveIsolated, type IsolatedApp } from "../../../scripts/serve-isolated";
import { e2eOffices, type KioskCodes, type StaffLinks } from "./offices";

/*
 * Every browser test file serves the app for itself: the production build as `npm start` serves it, on
 * a free port and a database of its own, with the development seed (Kempten-Ost, the booking page's
 * office) and the tests' offices (support/offices.ts). Nothing another file booked, numbered, signed in
 * or counted against a rate limit is in it.
 */

export interface TestApp extends IsolatedApp {
  /** Pairing codes of kiosks and displays at the tests' offices. */
  codes: KioskCodes;
  /** Sign-in link tokens of an admin and a staff member of the always-open office. */
  staffLinks: StaffLinks;
  /** The always-open office's time zone (about noon when the app started; see support/offices.ts). */
  openZone: string;
}

/** Serves the app for one test file (call in `beforeAll`, `stop()` in `afterAll`); `openZone` as in e2eOffices. */
export async function startApp(openZone?: string): Promise<TestApp> {
  const offices = e2eOffices(openZone);
  const app = await serveIsolated({ extraSeed: offices.sql });
  return { ...app, codes: offices.codes, staffLinks: offices.staffLinks, openZone: offices.openZone };
}
