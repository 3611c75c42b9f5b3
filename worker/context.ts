import type { DeviceRow } from "./db/devices";
import type { SessionStaff } from "./db/staff";
import type { LiveNotifier } from "./live/notifier";
import type { MailTransport } from "./mail/types";
import type { PushPort } from "./push/port";
import type { RandomSource } from "./random";
import type { TurnstileVerifier } from "./turnstile";

/*
 * The types every part of the Worker names: the app's dependencies, its Hono environment, and the scope
 * a service works in. A leaf: it imports types only, so importing it never pulls in the app (app.ts,
 * which wires the routes, is imported by the entry point alone).
 */

/** What the app needs from outside besides the bindings; tests pass their own to hold things still. */
export interface AppDeps {
  now: () => Date;
  random: RandomSource;
  mail: {
    /** null: no SMTP configured, mail stays in the outbox as captured. */
    transport: MailTransport | null;
    from: string;
  };
  /** null: Turnstile is off. */
  turnstile: TurnstileVerifier | null;
  /** Requests per client and window on the public routes that change something. */
  rateLimit: { limit: number; windowSeconds: number };
  /** Live fan-out to boards, kiosks, displays and status pages. */
  live: LiveNotifier;
  /** Web Push to visitors' phones; absent or null: push is off (no VAPID keys). */
  push?: PushPort | null;
}

/** `T`'s fields under new names: `{ newName: "old_name" }`. */
type Renamed<T, Names extends Record<string, keyof T>> = { [K in keyof Names]: T[Names[K]] };

/**
 * The signed-in staff member of a staff route: the session's row (db/staff.ts `SessionStaff`) under the
 * names the routes use (auth/session.ts `currentStaff` maps it). `office` is the office's slug; it
 * equals the `:office` of the path. The office's name, zone and check-in window come along with the
 * session's one query, so staff routes need not read the office again.
 */
export type StaffContext = Renamed<
  SessionStaff,
  {
    id: "staff_id";
    name: "name";
    role: "role";
    locationId: "location_id";
    office: "location_slug";
    officeName: "office_name";
    timeZone: "time_zone";
    checkinClosesMinutes: "checkin_closes_minutes";
  }
>;

export type AppEnv = {
  Bindings: Env;
  Variables: {
    deps: AppDeps;
    /**
     * The office a public request is about: the paired device's, else the deployment's default. Set
     * only on the routes that read it, where app.ts registers `deviceOffice` (auth/device.ts).
     */
    office: string;
    device: DeviceRow;
    /** Device look-ups of this request by token (auth/device.ts), so none is made twice. */
    deviceLookups?: Map<string, Promise<DeviceRow | null>>;
    staff: StaffContext;
  };
};

/**
 * What a service needs of the request it serves, without HTTP: the database, the app's ports, the
 * site's origin (for the links in answers and mails) and a way to finish work after the answer.
 * scope.ts builds it from a Hono context.
 */
export interface Scope {
  db: D1Database;
  deps: AppDeps;
  /** `https://host[:port]`, no trailing slash. */
  origin: string;
  /** The deployment's default office (DEFAULT_LOCATION): the booking page (`/`) books for it alone. */
  defaultOffice: string;
  /**
   * Lets `work` finish after the answer has gone (the runtime's `waitUntil`); where nothing outlives the
   * request (a test calling `app.request`) the returned promise waits for it instead. `work` must handle
   * its own failures: nobody is left to hear a rejection.
   */
  afterResponse(work: Promise<unknown>): Promise<void>;
}

/** A service's scope on a staff route: who acts, for their office, their history and audit rows. */
export interface StaffScope extends Scope {
  staff: StaffContext;
}
