import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveIsolated, type IsolatedApp } from "../../scripts/serve-isolated";
import { query, wrangler } from "./support/d1";

/*
 * Retention on the running app, with no browser: the local server runs production's scheduled work
 * (scripts/start.ts), at production's pace of once a minute for the first app.
 *   - A booking planted 400 days in the past while the app runs loses its personal data within a minute,
 *     by the scheduled work alone (the acceptance on `npm start`).
 *   - A backup (`npm run backup -- --local`) taken before the retention step ran still holds a person's
 *     data; restored into a fresh database, the first scheduled run erases it again.
 * The database is read with `wrangler d1 execute` beside the running server (as `npm run staff` does).
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const DAY = 86_400_000;
/**
 * How long the test waits for an erasure: generous, since each look at the database takes seconds on a
 * busy machine. Whether it came within a minute is read from the data (erased_at is the run's minute).
 * The looks come every 3 s: each opens the database beside the server, and fewer looks meet its writes.
 */
const WAIT = { timeout: 150_000, interval: 3_000 };

/**
 * A Kempten-Ost booking whose appointment ended `daysAgo` days ago, with what it leaves behind: a manage
 * link, a sent confirmation, a queue number with its status link.
 */
function plantSql(id: string, name: string, daysAgo: number): string {
  const start = new Date(Math.floor((Date.now() - daysAgo * DAY) / DAY) * DAY + 9 * 3_600_000);
  const end = new Date(start.getTime() + 30 * 60_000).toISOString();
  const created = new Date(start.getTime() - 7 * DAY).toISOString();
  return `
INSERT INTO bookings (id, location_id, kind, status, topic_id, starts_at, ends_at, source, name, email, phone, note, code, created_at, updated_at)
SELECT '${id}', l.id, 'slot', 'completed', (SELECT id FROM topics WHERE location_id = l.id ORDER BY sort_order LIMIT 1),
       '${start.toISOString()}', '${end}', 'online', '${name}', '${id}@example.org', '0831 4004004', 'Lebenslauf', 'X${id}',
       '${created}', '${end}'
FROM locations AS l WHERE l.slug = 'kempten-ost';
INSERT INTO booking_tokens (token_hash, booking_id, created_at) VALUES ('${id}-manage-link', '${id}', '${created}');
INSERT INTO mail_outbox (id, location_id, booking_id, kind, to_address, subject, text_body, message_id, status, next_attempt_at, created_at, sent_at)
SELECT '${id}-mail', location_id, id, 'booking_confirmed', email, 'Ihr Termin', 'Guten Tag ${name}', '<${id}@sprechstunde.test>', 'sent', created_at, created_at, created_at
FROM bookings WHERE id = '${id}';
INSERT INTO queue_tickets (id, location_id, local_day, prefix, number, kind, booking_id, status, issued_at, source)
SELECT '${id}-number', location_id, substr(starts_at, 1, 10), 'T', 1, 'appointment', id, 'done', starts_at, 'kiosk' FROM bookings WHERE id = '${id}';
INSERT INTO ticket_tokens (token_hash, ticket_id, location_id, created_at)
SELECT '${id}-status-link', id, location_id, '${start.toISOString()}' FROM queue_tickets WHERE id = '${id}-number';`;
}

/** What is left of a planted booking: null fields where it was erased. */
function leftOf(state: string, id: string) {
  return query(state, leftSql(id))[0];
}

function leftSql(id: string): string {
  return `SELECT name, email, phone, note, erased_at IS NOT NULL AS erased, erased_at,
            (SELECT count(*) FROM booking_tokens WHERE booking_id = b.id) AS manage_links,
            (SELECT count(*) FROM ticket_tokens WHERE ticket_id = '${id}-number') AS status_links,
            (SELECT to_address || text_body FROM mail_outbox WHERE booking_id = b.id) AS mail,
            status, starts_at IS NOT NULL AS has_time
     FROM bookings AS b WHERE id = '${id}'`;
}

const ERASED = { name: null, email: null, phone: null, note: null, erased: 1, manage_links: 0, status_links: 0, mail: "", status: "completed", has_time: 1 };

let app: IsolatedApp | undefined;
let restored: IsolatedApp | undefined;
let backupFile: string | undefined;
let backupOutput = "";
let oldBackup = "";
let youngBackup = "";
const backups = path.join(root, "backups");

beforeAll(async () => {
  // A database as `npm start` leaves it, with a person whose time is long up, backed up before any
  // scheduled run could see it.
  const state = mkdtempSync(path.join(tmpdir(), "sprechstunde-retention-"));
  wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", state]);
  wrangler(["d1", "execute", "DB", "--local", "--persist-to", state, "--file", "schemas/seed/dev.sql"]);
  query(state, plantSql("berta", "Berta Backup", 401));
  // Backup files of earlier runs: one past the 30 days the privacy notice promises, one just inside them.
  mkdirSync(backups, { recursive: true });
  const stamp = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 19).replace(/:/g, "");
  oldBackup = path.join(backups, `sprechstunde-${stamp(31)}Z.sql`);
  youngBackup = path.join(backups, `sprechstunde-${stamp(29)}Z.sql`);
  writeFileSync(oldBackup, "-- old\n");
  writeFileSync(youngBackup, "-- young\n");
  const out = execFileSync(process.execPath, [`${root}scripts/backup.ts`, "--local"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, SPRECHSTUNDE_STATE: state },
  });
  backupFile = /: (\S+\.sql) \(\d+ KB\)/.exec(out)?.[1];
  expect(out).toContain("It holds personal data");
  backupOutput = out;
  app = await serveIsolated({ state });
});

afterAll(() => {
  app?.stop();
  restored?.stop();
  for (const file of [backupFile, oldBackup, youngBackup]) if (file) rmSync(file, { force: true });
});

describe("retention on the running app", () => {
  it("deletes backup files older than 30 days on every backup run, and keeps younger ones", () => {
    expect(existsSync(oldBackup)).toBe(false);
    expect(backupOutput).toContain(path.basename(oldBackup));
    expect(existsSync(youngBackup)).toBe(true);
  });

  it("erases a booking planted 400 days in the past within a minute, by the scheduled work alone", { timeout: WAIT.timeout + 30_000 }, async () => {
    expect(app!.startOutput()).toContain("runs every minute, as deployed");
    // Planted and read back in one go: a scheduled run may come any second after it (a look of its own,
    // seconds later, could find it erased already).
    const [before] = query(app!.state, `${plantSql("anton", "Anton Alt", 400)}\n${leftSql("anton")};`);
    const planted = Date.now();
    expect(before).toMatchObject({ name: "Anton Alt", erased: 0, manage_links: 1, status_links: 1 });
    await expect.poll(() => leftOf(app!.state, "anton"), WAIT).toMatchObject(ERASED);
    // erased_at is the scheduled minute of the run that erased it: the first one after the planting.
    expect(Date.parse(String(leftOf(app!.state, "anton")!.erased_at)) - planted).toBeLessThanOrEqual(60_000);
  });

  it("erases again what a restored backup brings back, on the first scheduled run", { timeout: WAIT.timeout + 90_000 }, async () => {
    // The backup was taken before the scheduled work erased Berta's data; by now it has.
    await expect.poll(() => leftOf(app!.state, "berta"), WAIT).toMatchObject(ERASED);
    expect(backupFile).toBeDefined();
    expect(readFileSync(backupFile!, "utf8")).toContain("Berta Backup");

    const fresh = mkdtempSync(path.join(tmpdir(), "sprechstunde-restored-"));
    wrangler(["d1", "execute", "DB", "--local", "--persist-to", fresh, "--file", backupFile!]);
    expect(leftOf(fresh, "berta")).toMatchObject({ name: "Berta Backup", email: "berta@example.org", erased: 0, manage_links: 1, status_links: 1 });

    restored = await serveIsolated({ state: fresh, env: { SPRECHSTUNDE_CRON_EVERY_MS: "1000" } });
    await expect.poll(() => leftOf(fresh, "berta"), WAIT).toMatchObject(ERASED);
  });
});
