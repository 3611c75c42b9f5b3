import { newPairingCode as pairingCode, sha256Hex as sha256 } from "../../../scripts/pairing";
import { accountSql, newSignInToken, signInLinkSql } from "../../../scripts/sign-in-links";

/*
 * Offices of the browser tests' own, besides the seeded Kempten-Ost (whose hours make "open" and
 * "closed" depend on when the tests run): one open around the clock with no minimum notice and two seats,
 * one never open. Each gets kiosk devices with known pairing codes (a code pairs once, so there are spares).
 *
 * The server's clock cannot be held: the Worker reads the machine's time (worker/index.ts) and workerd
 * has no fake clock. So the always-open office lives where it is about noon when its test file starts
 * (zoneNearNoon): its day does not turn while the file runs, whatever the hour in Berlin, and "a time
 * later today" always exists. Its check-in opens an hour before: with the default 30 minutes, a time
 * booked in the first minute after a half hour (the next free one starts 30 to 31 minutes later) would
 * still be too early to check in. It keeps no public holidays (region NONE), so it is open on Christmas
 * Day too.
 */

/**
 * A time zone in which it is between 12:00 and 13:00 at `now`: UTC−11 … UTC+12 in whole hours. The
 * Etc/GMT zones have no daylight saving time; their sign is the POSIX one (Etc/GMT-2 is UTC+2).
 */
export function zoneNearNoon(now = new Date()): string {
  const hoursEast = 12 - now.getUTCHours();
  return hoursEast === 0 ? "Etc/GMT" : `Etc/GMT${hoursEast > 0 ? "-" : "+"}${Math.abs(hoursEast)}`;
}

export interface KioskCodes {
  /** A pairing code of a kiosk at the office that is always open. */
  open: string;
  /** A pairing code of a kiosk at the office that is never open. */
  closed: string;
  /** More codes for kiosks at the always-open office, one per test that pairs. */
  spareOpen: string[];
  /** A pairing code of a call display at the always-open office. */
  display: string;
  /** More codes for displays at the always-open office, one per test that pairs one. */
  spareDisplay: string[];
}

/**
 * Sign-in link tokens of staff accounts at the always-open office (open `/staff#link=<token>`). A link
 * works once, so each test that signs in takes its own; they never expire.
 */
export interface StaffLinks {
  /** Links of the admin "E2E Admin" (admin-e2e@example.org). */
  admin: string[];
  /** Links of the staff member "E2E Mitarbeiterin" (staff-e2e@example.org). */
  staff: string[];
}

/** The accounts behind StaffLinks and their links, as SQL for the extra seed. */
function staffSql(links: StaffLinks): string {
  const now = new Date("2026-01-01T00:00:00.000Z");
  const expiresAt = new Date("2999-01-01T00:00:00.000Z");
  const accounts = [
    { email: "admin-e2e@example.org", name: "E2E Admin", role: "admin" as const, tokens: links.admin },
    { email: "staff-e2e@example.org", name: "E2E Mitarbeiterin", role: "staff" as const, tokens: links.staff },
  ];
  return accounts
    .flatMap((a) => [
      accountSql({ email: a.email, name: a.name, role: a.role, locationSlug: "e2e-open", now }),
      ...a.tokens.map((token) => signInLinkSql({ email: a.email, token, now, expiresAt })),
    ])
    .join("\n");
}

/** The tests' offices as SQL for the extra seed, with their codes and links; `openZone`: see above. */
export function e2eOffices(openZone = zoneNearNoon()): { sql: string; codes: KioskCodes; staffLinks: StaffLinks; openZone: string } {
  const staffLinks: StaffLinks = {
    admin: Array.from({ length: 8 }, newSignInToken),
    staff: Array.from({ length: 8 }, newSignInToken),
  };
  const codes: KioskCodes = {
    open: pairingCode(),
    closed: pairingCode(),
    spareOpen: Array.from({ length: 6 }, pairingCode),
    display: pairingCode(),
    spareDisplay: Array.from({ length: 3 }, pairingCode),
  };
  const device = (slug: string, kind: string, code: string, n: number) =>
    `INSERT INTO devices (id, location_id, kind, label, pairing_code_hash, pairing_expires_at, created_at)
     SELECT 'e2e-${slug}-${kind}-${n}', id, '${kind}', 'E2E ${kind} ${n}', '${sha256(code)}', '2999-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
     FROM locations WHERE slug = '${slug}';`;
  const sql = `
INSERT INTO locations (slug, name, short_name, street, city, phone, time_zone, holiday_region, seats_per_slot, min_notice_minutes, horizon_days, checkin_opens_minutes)
VALUES ('e2e-open', 'Testbüro immer offen', 'Immer offen', 'Anton-Fehr-Str. 6', 'Kempten (Allgäu)', '0172 / 2315911', '${openZone}', 'NONE', 2, 0, 56, 60),
       ('e2e-closed', 'Testbüro geschlossen', 'Geschlossen', 'Anton-Fehr-Str. 6', 'Kempten (Allgäu)', '0172 / 2315911', 'Europe/Berlin', 'BY', 1, 120, 56, 30);
WITH d(weekday) AS (VALUES (1), (2), (3), (4), (5), (6), (7))
INSERT INTO opening_rules (location_id, weekday, opens, closes) SELECT l.id, d.weekday, '00:00', '24:00' FROM locations AS l, d WHERE l.slug = 'e2e-open';
INSERT INTO rooms (location_id, name, sort_order) SELECT l.id, r.name, r.sort_order FROM locations AS l, rooms AS r
  WHERE l.slug IN ('e2e-open', 'e2e-closed') AND r.location_id = (SELECT id FROM locations WHERE slug = 'kempten-ost');
INSERT INTO topics (location_id, key, label, description, audience, duration_minutes, bookable_online, walk_in, icon, sort_order)
  SELECT l.id, t.key, t.label, t.description, t.audience, t.duration_minutes, t.bookable_online, t.walk_in, t.icon, t.sort_order
  FROM locations AS l, topics AS t
  WHERE l.slug IN ('e2e-open', 'e2e-closed') AND t.location_id = (SELECT id FROM locations WHERE slug = 'kempten-ost');
${device("e2e-open", "kiosk", codes.open, 0)}
${device("e2e-closed", "kiosk", codes.closed, 0)}
${codes.spareOpen.map((code, i) => device("e2e-open", "kiosk", code, i + 1)).join("\n")}
${device("e2e-open", "display", codes.display, 0)}
${codes.spareDisplay.map((code, i) => device("e2e-open", "display", code, i + 1)).join("\n")}
${staffSql(staffLinks)}
`;
  return { sql, codes, staffLinks, openZone };
}
