import { env } from "cloudflare:workers";
import { BookingCreated } from "../../schemas/bookings";
import { CheckedIn, TicketView } from "../../schemas/kiosk";
import { TicketActionResult } from "../../schemas/staff-board";
import { createApp } from "../../worker/app";
import type { AppDeps } from "../../worker/context";
import { D1_COST_HEADERS } from "../../worker/middleware";
import { bookingBody } from "./bookings";
import { pairedDevice, staffMember, testDeps, type Office } from "./fixtures";

/*
 * A working day at an office, driven through the real app: what the rows test (tests/routes/d1-rows.test.ts)
 * measures at two offices with different pasts and what the query-plan test (tests/db/query-plans.test.ts)
 * records. Every request can run on a database of the caller's choice (a metered or recording one) and
 * with more variables (MEASURE_D1_ROWS).
 */

/** Monday 30 November 2026, 14:00 in Kempten: the office is open (13:00–17:30). */
export const DAY_NOW = new Date("2026-11-30T13:00:00Z");
export const DAY = "2026-11-30";

export interface Caller {
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  put(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

export interface CallerOptions {
  /** The database the app works on; default the test's own. */
  db?: D1Database;
  /** Variables added to the environment (e.g. MEASURE_D1_ROWS). */
  vars?: Partial<Env>;
  now?: Date;
  /** Headers of every request (a session cookie, a device token, a client address). */
  headers?: Record<string, string>;
  /** Dependencies other than testDeps' (e.g. a mail transport). */
  deps?: Partial<AppDeps>;
}

/** Calls the app for `office` (its default office) at a held clock, as a same-origin page does. */
export function caller(office: Office, options: CallerOptions = {}): Caller {
  const call = async (path: string, init: RequestInit) => {
    const app = createApp(testDeps(options.now ?? DAY_NOW, options.deps));
    return app.request(`http://localhost${path}`, init, { ...env, DEFAULT_LOCATION: office.slug, ...options.vars, DB: options.db ?? env.DB });
  };
  const send = (method: string) => (path: string, body: unknown = {}, headers: Record<string, string> = {}) =>
    call(path, {
      method,
      headers: { "Content-Type": "application/json", Origin: "http://localhost", ...options.headers, ...headers },
      body: JSON.stringify(body),
    });
  return {
    get: (path, headers = {}) => call(path, { headers: { ...options.headers, ...headers } }),
    post: send("POST"),
    put: send("PUT"),
  };
}

/** What a request cost in D1: rows read and written, statements run. */
export interface D1Cost {
  read: number;
  written: number;
  statements: number;
}

/** What a request cost in D1 as a measured server says it (middleware.ts measureD1); null when it does not. */
export function d1Cost(res: Response): D1Cost | null {
  const [read, written, statements] = [D1_COST_HEADERS.read, D1_COST_HEADERS.written, D1_COST_HEADERS.statements].map((h) => res.headers.get(h));
  return read == null || written == null || statements == null ? null : { read: Number(read), written: Number(written), statements: Number(statements) };
}

/** Throws with the body when the answer is not `status`: a tour that went wrong must not pass quietly. */
export async function expectStatus(res: Response, status: number, what: string): Promise<Response> {
  if (res.status !== status) throw new Error(`${what}: ${res.status} instead of ${status}: ${await res.text()}`);
  return res;
}

/** The office's clients of a day: a kiosk, a call display and a signed-in staff member. */
export interface Clients {
  public: Caller;
  kiosk: Caller;
  display: Caller;
  staff: Caller;
  /** `/api/staff/<slug>`. */
  staffBase: string;
  roomId: number;
}

export async function clientsOf(office: Office, options: CallerOptions = {}): Promise<Clients> {
  const member = await staffMember(office, "staff", options.now ?? DAY_NOW);
  const bearer = async (kind: "kiosk" | "display") => ({ Authorization: `Bearer ${await pairedDevice(office, kind)}` });
  const room = await env.DB.prepare("SELECT min(id) AS id FROM rooms WHERE location_id = ?1").bind(office.id).first<{ id: number }>();
  const as = (headers: Record<string, string>) => caller(office, { ...options, headers: { ...options.headers, ...headers } });
  return {
    public: as({}),
    kiosk: as(await bearer("kiosk")),
    display: as(await bearer("display")),
    staff: as({ Cookie: member.cookie }),
    staffBase: `/api/staff/${office.slug}`,
    roomId: room!.id,
  };
}

/** The secrets a day's visits leave for the visits after them. */
export interface DayTrail {
  /** Manage link token of the booking made for next Monday. */
  manageToken: string;
  /** Status link token of the walk-in number. */
  statusToken: string;
  /** What each step cost when the app measures (D1 cost headers), by step name. */
  costs: Map<string, D1Cost | null>;
}

/**
 * The visits that make a day, each answered as it should be: two online bookings (one this afternoon,
 * one next week), a walk-in number at the kiosk, the afternoon booking's check-in, and staff calling the
 * next person. The same steps at two offices leave the same present behind.
 */
export async function aDay(c: Clients): Promise<DayTrail> {
  const costs = new Map<string, D1Cost | null>();
  const step = async (name: string, res: Promise<Response>, status: number) => {
    const answer = await expectStatus(await res, status, name);
    costs.set(name, d1Cost(answer));
    return answer.json();
  };
  const today = BookingCreated.parse(await step("POST /api/bookings", c.public.post("/api/bookings", bookingBody({ start: `${DAY}T14:30:00+01:00` })), 201));
  const later = BookingCreated.parse(await step("POST /api/bookings (next week)", c.public.post("/api/bookings", bookingBody({ start: "2026-12-07T13:00:00+01:00" })), 201));
  const walkIn = TicketView.parse(await step("POST /api/kiosk/tickets", c.kiosk.post("/api/kiosk/tickets", { topic: "fragen" }), 201));
  CheckedIn.parse(await step("POST /api/kiosk/checkin", c.kiosk.post("/api/kiosk/checkin", { code: today.code }), 201));
  TicketActionResult.parse(await step("POST …/queue/call-next", c.staff.post(`${c.staffBase}/queue/call-next`, { roomId: c.roomId }), 200));
  return {
    manageToken: new URL(later.manageUrl).hash.slice(1),
    statusToken: new URL(walkIn.statusUrl).hash.slice(1),
    costs,
  };
}

/** The reads that a day's screens repeat all day long: public pages, kiosk, display, status page, board. */
export function dayReads(c: Clients, trail: DayTrail): [name: string, request: () => Promise<Response>][] {
  return [
    ["GET /api/location", () => c.public.get("/api/location")],
    ["GET /api/slots (8 weeks)", () => c.public.get(`/api/slots?from=${DAY}&to=2027-01-24`)],
    ["GET /api/bookings/manage/:token", () => c.public.get(`/api/bookings/manage/${trail.manageToken}`)],
    ["GET /api/status/:token", () => c.public.get(`/api/status/${trail.statusToken}`)],
    ["GET /api/kiosk/state", () => c.kiosk.get("/api/kiosk/state")],
    ["GET /api/display/state", () => c.display.get("/api/display/state")],
    ["GET …/board", () => c.staff.get(`${c.staffBase}/board`)],
  ];
}
