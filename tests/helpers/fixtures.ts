import { env } from "cloudflare:workers";
import { createApp } from "../../worker/app";
import type { AppDeps } from "../../worker/context";
import { seatUnits } from "../../worker/domain/schedule";
import { silentNotifier } from "../../worker/live/notifier";
import { cryptoRandom, sha256Hex } from "../../worker/random";

/** The real dependencies with a held clock, mail captured (no transport) and a roomy rate limit. */
export function testDeps(now: Date, overrides: Partial<AppDeps> = {}): AppDeps {
  return {
    now: () => now,
    random: cryptoRandom,
    mail: { transport: null, from: '"Testbüro" <termine@example.org>' },
    turnstile: null,
    rateLimit: { limit: 100_000, windowSeconds: 600 },
    live: silentNotifier,
    ...overrides,
  };
}

/*
 * Test data built per test. Storage is shared by the tests of one file, so every office gets its own
 * slug and nothing a test creates leaks into another test's answers.
 */

let counter = 0;

export interface OfficeOptions {
  seatsPerSlot?: number;
  minNoticeMinutes?: number;
  horizonDays?: number;
  /** [weekday, opens, closes] */
  rules?: [number, string, string][];
  /** [key, duration minutes, bookable online] */
  topics?: [string, number, boolean][];
}

export interface Office {
  slug: string;
  id: number;
  /** Calls the app for this office with a held clock (and other dependencies, if given). */
  request(path: string, init?: RequestInit, now?: Date, deps?: Partial<AppDeps>): Promise<Response>;
}

/** A location like Kempten-Ost (Mon 13:00–17:30, Wed 09:00–13:00, 30-minute slots), under a fresh slug. */
export async function createOffice(options: OfficeOptions = {}): Promise<Office> {
  const slug = `office-${++counter}-${crypto.randomUUID().slice(0, 8)}`;
  const location = await env.DB.prepare(
    `INSERT INTO locations (slug, name, short_name, street, postal_code, city, phone, email, seats_per_slot,
                            min_notice_minutes, horizon_days)
     VALUES (?1, 'Testbüro Kempten-Ost', 'Testbüro', 'Anton-Fehr-Str. 6', NULL, 'Kempten (Allgäu)',
             '0172 / 2315911', 'buero@example.org', ?2, ?3, ?4)
     RETURNING id`,
  )
    .bind(slug, options.seatsPerSlot ?? 1, options.minNoticeMinutes ?? 120, options.horizonDays ?? 56)
    .first<{ id: number }>();
  const id = location!.id;
  const rules = options.rules ?? [[1, "13:00", "17:30"], [3, "09:00", "13:00"]];
  const topics = options.topics ?? [["fragen", 30, true], ["kompetenzanalyse", 60, true], ["intern", 30, false]];
  await env.DB.batch([
    ...["Raum 1", "Raum 2"].map((name, i) =>
      env.DB.prepare("INSERT INTO rooms (location_id, name, sort_order) VALUES (?1, ?2, ?3)").bind(id, name, i + 1),
    ),
    ...rules.map(([weekday, opens, closes]) =>
      env.DB.prepare("INSERT INTO opening_rules (location_id, weekday, opens, closes) VALUES (?1, ?2, ?3, ?4)").bind(
        id, weekday, opens, closes,
      ),
    ),
    ...topics.map(([key, duration, online], i) =>
      env.DB.prepare(
        `INSERT INTO topics (location_id, key, label, audience, duration_minutes, bookable_online, sort_order)
         VALUES (?1, ?2, ?3, 'everyone', ?4, ?5, ?6)`,
      ).bind(id, key, JSON.stringify({ de: `Thema ${key}`, en: `Topic ${key}` }), duration, online ? 1 : 0, i),
    ),
  ]);

  return {
    slug,
    id,
    async request(path, init, now = new Date(), deps = {}) {
      const app = createApp(testDeps(now, deps));
      return app.request(path, init, { ...env, DEFAULT_LOCATION: slug });
    },
  };
}

export async function addClosure(office: Office, firstDay: string, lastDay: string, reasonDe: string, reasonEn = "") {
  await env.DB.prepare(
    "INSERT INTO closures (location_id, first_day, last_day, reason) VALUES (?1, ?2, ?3, ?4)",
  )
    .bind(office.id, firstDay, lastDay, JSON.stringify(reasonEn ? { de: reasonDe, en: reasonEn } : { de: reasonDe }))
    .run();
}

/** A confirmed booking of `minutes` from `start` (UTC ISO), holding seat `seat` of each 5-minute unit. */
export async function takeSeats(office: Office, start: string, minutes = 30, seat = 1): Promise<string> {
  const bookingId = crypto.randomUUID();
  const end = new Date(Date.parse(start) + minutes * 60_000).toISOString();
  const topic = await env.DB.prepare("SELECT id FROM topics WHERE location_id = ?1 ORDER BY sort_order LIMIT 1")
    .bind(office.id)
    .first<{ id: number }>();
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO bookings (id, location_id, kind, status, topic_id, starts_at, ends_at, name, email, code,
                             created_at, updated_at)
       VALUES (?1, ?2, 'slot', 'confirmed', ?3, ?4, ?5, 'Test Person', 'test@example.org', ?6, ?7, ?7)`,
    ).bind(bookingId, office.id, topic!.id, start, end, bookingId.slice(0, 6), new Date().toISOString()),
    ...seatUnits(new Date(start), new Date(end)).map((unit) =>
      env.DB.prepare("INSERT INTO booking_seats (location_id, unit_start_at, seat, booking_id) VALUES (?1, ?2, ?3, ?4)").bind(
        office.id, unit, seat, bookingId,
      ),
    ),
  ]);
  return bookingId;
}

export interface StaffMember {
  id: number;
  email: string;
  /** A `Cookie` header value with a fresh session of this member (signed in at `signedInAt`). */
  cookie: string;
}

/**
 * A staff member of this office with a session started at `signedInAt` (default: now), as a sign-in
 * would leave it. Use `cookie` as the request's Cookie header.
 */
export async function staffMember(
  office: Office,
  role: "staff" | "admin" = "staff",
  signedInAt: Date = new Date(),
): Promise<StaffMember> {
  const email = `staff-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const row = await env.DB.prepare("INSERT INTO staff (location_id, email, name, role) VALUES (?1, ?2, ?3, ?4) RETURNING id")
    .bind(office.id, email, `Mitarbeiterin ${email.slice(6, 10)}`, role)
    .first<{ id: number }>();
  const token = `s${crypto.randomUUID()}${crypto.randomUUID()}`.replace(/[^A-Za-z0-9_-]/g, "");
  const { createSession } = await import("../../worker/db/staff");
  await createSession(env.DB, await sha256Hex(token), row!.id, signedInAt).run();
  return { id: row!.id, email, cookie: `__Host-sprechstunde-staff=${token}` };
}

/** A paired device of this office; returns its bearer token. Revoked when `revoked` is set. */
export async function pairedDevice(office: Office, kind: "kiosk" | "display", revoked = false): Promise<string> {
  const token = `test-${crypto.randomUUID()}-${crypto.randomUUID()}`.replace(/[^A-Za-z0-9_-]/g, "");
  await env.DB.prepare(
    `INSERT INTO devices (id, location_id, kind, label, token_hash, created_at, paired_at, revoked_at)
     VALUES (?1, ?2, ?3, 'Testgerät', ?4, ?5, ?5, ?6)`,
  )
    .bind(crypto.randomUUID(), office.id, kind, await sha256Hex(token), new Date().toISOString(), revoked ? new Date().toISOString() : null)
    .run();
  return token;
}
