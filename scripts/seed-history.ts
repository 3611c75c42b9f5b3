/*
 * Seeds an office with a long past: slot bookings of every channel and outcome (attended, no-show,
 * cancelled by the person or the office, a few born as requests), their status history, the queue
 * numbers of those who came with their calls, and walk-ins. For benchmarks (npm run bench: the
 * statistics of a year) and for tests that need a past month; reusable by later issues.
 *
 *   node scripts/seed-history.ts [--office kempten-ost] [--bookings 100000] [--days 365]
 *
 * writes into the local D1 of SPRECHSTUNDE_STATE (default .wrangler/state; migrations applied first), so
 * `SPRECHSTUNDE_STATE=/tmp/history node scripts/seed-history.ts && SPRECHSTUNDE_STATE=/tmp/history npm start`
 * shows an office with years of history without touching the usual local database.
 *
 * The rows are made by SQLite itself (a recursive CTE), so 100 000 bookings are one small statement, not
 * a file of 100 000 inserts. Like data past its retention, they carry no personal data. Idempotent: ids
 * are fixed (`hist-…`), so running it twice adds nothing.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface History {
  /** The office's slug (it must exist, with topics and a room). */
  office: string;
  /** The first and last local day of the history (inclusive, `YYYY-MM-DD`). */
  from: string;
  to: string;
  bookings: number;
  /** Walk-in numbers; default: three for every ten bookings. */
  walkIns?: number;
}

/**
 * The history as SQL. Appointments start between 07:00 and 16:00 UTC, every half hour (08:00–17:00 Berlin
 * time in winter, 09:00–18:00 in summer; walk-ins end by 17:30 UTC), so their UTC day is their local day the
 * whole year; spread evenly over the days; outcomes by a fixed pattern:
 * 60 % attended (a 'T' number, called and seen), 10 % no-show, 10 % cancelled by the person, 10 % by the
 * office, 10 % left confirmed; every 25th was a request "nach Vereinbarung" first; channels 5:3:2 online,
 * staff, kiosk. Walk-ins: four in five served, the rest gone after two calls.
 */
export function historySql(h: History): string {
  if (!/^[a-z0-9-]+$/.test(h.office) || !/^\d{4}-\d{2}-\d{2}$/.test(h.from) || !/^\d{4}-\d{2}-\d{2}$/.test(h.to)) {
    throw new Error("office: a slug; from, to: YYYY-MM-DD");
  }
  const days = Math.round((Date.parse(h.to) - Date.parse(h.from)) / 86_400_000) + 1;
  const walkIns = h.walkIns ?? Math.round(h.bookings * 0.3);
  const loc = `(SELECT id FROM locations WHERE slug = '${h.office}')`;
  const topics = `tp AS (SELECT id, row_number() OVER (ORDER BY sort_order, id) - 1 AS k, count(*) OVER () AS n FROM topics WHERE location_id = ${loc})`;
  const room = `(SELECT min(id) FROM rooms WHERE location_id = ${loc})`;
  const instant = (day: string, minutes: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${day}, (${minutes}) || ' minutes')`;
  const dayOf = (i: string) => `date('${h.from}', '+' || (${i} % ${days}) || ' days')`;
  const slot = (i: string) => `420 + ((${i} / ${days}) % 19) * 30`;
  return `
-- Bookings: outcome by r = (i * 7) % 10.
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${h.bookings}), ${topics}
INSERT OR IGNORE INTO bookings (id, location_id, kind, status, topic_id, starts_at, ends_at, source, locale, code,
                                invite_sequence, created_at, updated_at)
SELECT 'hist-' || i, ${loc}, 'slot',
       CASE (i * 7) % 10 WHEN 6 THEN 'no_show' WHEN 7 THEN 'cancelled' WHEN 8 THEN 'cancelled' WHEN 9 THEN 'confirmed' ELSE 'completed' END,
       tp.id, ${instant(dayOf("i"), slot("i"))}, ${instant(dayOf("i"), `${slot("i")} + 30`)},
       CASE i % 10 WHEN 5 THEN 'staff' WHEN 6 THEN 'staff' WHEN 7 THEN 'staff' WHEN 8 THEN 'kiosk' WHEN 9 THEN 'kiosk' ELSE 'online' END,
       'de', '~hist-' || i, 1, ${instant(dayOf("i"), `${slot("i")} - 4320`)}, ${instant(dayOf("i"), `${slot("i")} - 1440`)}
FROM n JOIN tp ON tp.k = n.i % tp.n;

-- Their history: how each began, and who cancelled.
INSERT OR IGNORE INTO booking_events (booking_id, sequence, at, status, actor)
SELECT id, 0, created_at, CASE WHEN CAST(substr(id, 6) AS INTEGER) % 25 = 0 THEN 'requested' ELSE 'confirmed' END, 'resident'
FROM bookings WHERE location_id = ${loc} AND id LIKE 'hist-%';
INSERT OR IGNORE INTO booking_events (booking_id, sequence, at, status, actor)
SELECT id, 1, updated_at, status, CASE WHEN status = 'cancelled' AND (CAST(substr(id, 6) AS INTEGER) * 7) % 10 = 7 THEN 'resident' ELSE 'staff:0' END
FROM bookings WHERE location_id = ${loc} AND id LIKE 'hist-%' AND status IN ('cancelled', 'completed', 'no_show');

-- The numbers of those who came: checked in 5 minutes before, called 3 after the start, seen for 26 minutes.
INSERT OR IGNORE INTO queue_tickets (id, location_id, local_day, prefix, number, kind, booking_id, status, room_id, call_count,
                                     issued_at, called_at, started_at, ended_at, source)
SELECT 'hist-t-' || substr(id, 6), location_id, substr(starts_at, 1, 10), 'T', CAST(substr(id, 6) AS INTEGER) + 1, 'appointment', id,
       'done', ${room}, 1, ${instant("starts_at", "-5")}, ${instant("starts_at", "3")}, ${instant("starts_at", "4")}, ${instant("starts_at", "30")}, 'kiosk'
FROM bookings WHERE location_id = ${loc} AND id LIKE 'hist-%' AND status = 'completed';

-- Walk-ins.
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${walkIns}), ${topics}
INSERT OR IGNORE INTO queue_tickets (id, location_id, local_day, prefix, number, kind, topic_id, status, room_id, call_count,
                                     issued_at, called_at, started_at, ended_at, source)
SELECT 'hist-w-' || i, ${loc}, ${dayOf("i")}, 'W', i + 1, 'walk_in', tp.id,
       CASE WHEN i % 5 = 4 THEN 'no_show' ELSE 'done' END, ${room}, CASE WHEN i % 5 = 4 THEN 2 ELSE 1 END,
       ${instant(dayOf("i"), `${slot("i")} + 2`)}, ${instant(dayOf("i"), `${slot("i")} + 2 + i % 37`)},
       CASE WHEN i % 5 = 4 THEN NULL ELSE ${instant(dayOf("i"), `${slot("i")} + 3 + i % 37`)} END,
       ${instant(dayOf("i"), `${slot("i")} + 23 + i % 37 + i % 23`)}, 'kiosk'
FROM n JOIN tp ON tp.k = n.i % tp.n;

-- Their first calls (the statistics' waiting times read them).
INSERT INTO queue_calls (location_id, ticket_id, room_id, at)
SELECT t.location_id, t.id, t.room_id, t.called_at FROM queue_tickets AS t
WHERE t.location_id = ${loc} AND t.id LIKE 'hist-%' AND NOT EXISTS (SELECT 1 FROM queue_calls AS q WHERE q.ticket_id = t.id);
`;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** The local day `days` days before today in Berlin. */
function berlinDay(daysBack: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
  const t = new Date(`${today}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() - daysBack);
  return t.toISOString().slice(0, 10);
}

function main(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const state = process.env.SPRECHSTUNDE_STATE ?? path.join(root, ".wrangler/state");
  const days = Number(arg("days", "365"));
  const history: History = { office: arg("office", "kempten-ost"), from: berlinDay(days), to: berlinDay(1), bookings: Number(arg("bookings", "100000")) };
  const wrangler = path.join(root, "node_modules/.bin/wrangler");
  const run = (command: string[], ...rest: string[]) =>
    execFileSync(wrangler, ["d1", ...command, "DB", "--local", "--persist-to", state, ...rest], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    });
  const dir = mkdtempSync(path.join(tmpdir(), "sprechstunde-history-"));
  try {
    const file = path.join(dir, "history.sql");
    writeFileSync(file, historySql(history));
    run(["migrations", "apply"]);
    run(["execute"], "--file", path.join(root, "schemas/seed/dev.sql"));
    run(["execute"], "--file", file);
    console.log(`${history.office}: ${history.bookings} bookings from ${history.from} to ${history.to} in ${state}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
