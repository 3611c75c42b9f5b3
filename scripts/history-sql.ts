/*
 * An office's long past as SQL (scripts/seed-history.ts writes it into a local D1; the benchmarks and
 * the Worker tests that need a past run it too). Imports nothing, so workerd can run it as well as Node.
 *
 * The rows are made by SQLite itself (recursive CTEs), so 100 000 bookings are a few small statements,
 * not a file of 100 000 inserts. Like data past its retention, they carry no personal data. Idempotent:
 * ids are fixed (`hist-…`, see idPrefix), so running it twice adds nothing.
 */

export interface History {
  /** The office's slug (it must exist, with topics and a room). */
  office: string;
  /** The first and last local day of the history (inclusive, `YYYY-MM-DD`). */
  from: string;
  to: string;
  bookings: number;
  /** Walk-in numbers; default: three for every ten bookings. */
  walkIns?: number;
  /**
   * Mails in the outbox, all finished: each booking's confirmation and reminder, in turn (a cancelled
   * booking's reminder withdrawn, the rest sent). Default none.
   */
  mails?: number;
  /** The seats the bookings that were not cancelled still hold (booking_seats), six 5-minute units each. Default: none. */
  seats?: boolean;
  /**
   * What the ids of its rows start with (ids are unique across offices): another prefix gives a second
   * office a past of its own in the same database. Default `hist-`.
   */
  idPrefix?: string;
}

/**
 * The history as statements, in the order they must run. Appointments start between 07:00 and 16:00 UTC,
 * every half hour (08:00–17:00 Berlin time in winter, 09:00–18:00 in summer; walk-ins end by 17:30 UTC),
 * so their UTC day is their local day the whole year; spread evenly over the days; outcomes by a fixed
 * pattern: 60 % attended (a 'T' number, called and seen), 10 % no-show, 10 % cancelled by the person,
 * 10 % by the office, 10 % left confirmed; every 25th was a request "nach Vereinbarung" first; channels
 * 5:3:2 online, staff, kiosk. Walk-ins: four in five served, the rest gone after two calls.
 */
export function historyStatements(h: History): string[] {
  const p = h.idPrefix ?? "hist-";
  if (!/^[a-z0-9-]+$/.test(h.office) || !/^\d{4}-\d{2}-\d{2}$/.test(h.from) || !/^\d{4}-\d{2}-\d{2}$/.test(h.to) || !/^[a-z0-9]+-$/.test(p)) {
    throw new Error("office: a slug; from, to: YYYY-MM-DD; idPrefix: letters and digits and a final '-'");
  }
  const counts = [h.bookings, h.walkIns ?? 0, h.mails ?? 0];
  if (!counts.every((n) => Number.isInteger(n) && n >= 0)) throw new Error("bookings, walkIns, mails: whole numbers");
  const days = Math.round((Date.parse(h.to) - Date.parse(h.from)) / 86_400_000) + 1;
  const walkIns = h.walkIns ?? Math.round(h.bookings * 0.3);
  const loc = `(SELECT id FROM locations WHERE slug = '${h.office}')`;
  const topics = `tp AS (SELECT id, row_number() OVER (ORDER BY sort_order, id) - 1 AS k, count(*) OVER () AS n FROM topics WHERE location_id = ${loc})`;
  const room = `(SELECT min(id) FROM rooms WHERE location_id = ${loc})`;
  const instant = (day: string, minutes: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${day}, (${minutes}) || ' minutes')`;
  const dayOf = (i: string) => `date('${h.from}', '+' || (${i} % ${days}) || ' days')`;
  const slot = (i: string) => `420 + ((${i} / ${days}) % 19) * 30`;
  const ofHistory = `location_id = ${loc} AND id LIKE '${p}%'`;
  // A booking's number i, from its id.
  const numberOf = (id: string) => `CAST(substr(${id}, ${p.length + 1}) AS INTEGER)`;
  const statements = [
    // Bookings: outcome by r = (i * 7) % 10.
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${h.bookings}), ${topics}
INSERT OR IGNORE INTO bookings (id, location_id, kind, status, topic_id, starts_at, ends_at, source, locale, code,
                                invite_sequence, created_at, updated_at)
SELECT '${p}' || i, ${loc}, 'slot',
       CASE (i * 7) % 10 WHEN 6 THEN 'no_show' WHEN 7 THEN 'cancelled' WHEN 8 THEN 'cancelled' WHEN 9 THEN 'confirmed' ELSE 'completed' END,
       tp.id, ${instant(dayOf("i"), slot("i"))}, ${instant(dayOf("i"), `${slot("i")} + 30`)},
       CASE i % 10 WHEN 5 THEN 'staff' WHEN 6 THEN 'staff' WHEN 7 THEN 'staff' WHEN 8 THEN 'kiosk' WHEN 9 THEN 'kiosk' ELSE 'online' END,
       'de', '~${p}' || i, 1, ${instant(dayOf("i"), `${slot("i")} - 4320`)}, ${instant(dayOf("i"), `${slot("i")} - 1440`)}
FROM n JOIN tp ON tp.k = n.i % tp.n`,
    // Their history: how each began, and who cancelled.
    `INSERT OR IGNORE INTO booking_events (booking_id, sequence, at, status, actor)
SELECT id, 0, created_at, CASE WHEN ${numberOf("id")} % 25 = 0 THEN 'requested' ELSE 'confirmed' END, 'resident'
FROM bookings WHERE ${ofHistory}`,
    `INSERT OR IGNORE INTO booking_events (booking_id, sequence, at, status, actor)
SELECT id, 1, updated_at, status, CASE WHEN status = 'cancelled' AND (${numberOf("id")} * 7) % 10 = 7 THEN 'resident' ELSE 'staff:0' END
FROM bookings WHERE ${ofHistory} AND status IN ('cancelled', 'completed', 'no_show')`,
    // The numbers of those who came: checked in 5 minutes before, called 3 after the start, seen for 26 minutes.
    `INSERT OR IGNORE INTO queue_tickets (id, location_id, local_day, prefix, number, kind, booking_id, status, room_id, call_count,
                                     issued_at, called_at, started_at, ended_at, source)
SELECT '${p}t-' || ${numberOf("id")}, location_id, substr(starts_at, 1, 10), 'T', ${numberOf("id")} + 1, 'appointment', id,
       'done', ${room}, 1, ${instant("starts_at", "-5")}, ${instant("starts_at", "3")}, ${instant("starts_at", "4")}, ${instant("starts_at", "30")}, 'kiosk'
FROM bookings WHERE ${ofHistory} AND status = 'completed'`,
    // Walk-ins.
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${walkIns}), ${topics}
INSERT OR IGNORE INTO queue_tickets (id, location_id, local_day, prefix, number, kind, topic_id, status, room_id, call_count,
                                     issued_at, called_at, started_at, ended_at, source)
SELECT '${p}w-' || i, ${loc}, ${dayOf("i")}, 'W', i + 1, 'walk_in', tp.id,
       CASE WHEN i % 5 = 4 THEN 'no_show' ELSE 'done' END, ${room}, CASE WHEN i % 5 = 4 THEN 2 ELSE 1 END,
       ${instant(dayOf("i"), `${slot("i")} + 2`)}, ${instant(dayOf("i"), `${slot("i")} + 2 + i % 37`)},
       CASE WHEN i % 5 = 4 THEN NULL ELSE ${instant(dayOf("i"), `${slot("i")} + 3 + i % 37`)} END,
       ${instant(dayOf("i"), `${slot("i")} + 23 + i % 37 + i % 23`)}, 'kiosk'
FROM n JOIN tp ON tp.k = n.i % tp.n`,
    // Their first calls (the statistics' waiting times read them).
    `INSERT INTO queue_calls (location_id, ticket_id, room_id, at)
SELECT t.location_id, t.id, t.room_id, t.called_at FROM queue_tickets AS t
WHERE t.location_id = ${loc} AND t.id LIKE '${p}%' AND NOT EXISTS (SELECT 1 FROM queue_calls AS q WHERE q.ticket_id = t.id)`,
  ];
  if (h.seats) {
    // Bookings i and i + 19 · days share a day and a start: the seat number tells them apart.
    statements.push(`WITH u(k) AS (VALUES (0), (1), (2), (3), (4), (5))
INSERT OR IGNORE INTO booking_seats (location_id, unit_start_at, seat, booking_id)
SELECT b.location_id, ${instant("b.starts_at", "u.k * 5")}, 1 + ${numberOf("b.id")} / ${19 * days}, b.id
FROM bookings AS b, u WHERE b.location_id = ${loc} AND b.id LIKE '${p}%' AND b.status <> 'cancelled'`);
  }
  if (h.mails) {
    // Mail i is about booking (i / 2) mod bookings: its confirmation (even i) or its reminder (odd i),
    // sent the evening before; a cancelled booking's reminder was withdrawn then.
    const reminderWithdrawn = "n.i % 2 = 1 AND b.status = 'cancelled'";
    const due = `CASE n.i % 2 WHEN 0 THEN b.created_at ELSE ${instant("date(b.starts_at)", "-420")} END`;
    statements.push(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${h.mails})
INSERT OR IGNORE INTO mail_outbox (id, location_id, booking_id, kind, to_address, subject, text_body, message_id, dedupe_key,
                                   status, attempts, next_attempt_at, created_at, sent_at)
SELECT '${p}m-' || n.i, b.location_id, b.id, CASE n.i % 2 WHEN 0 THEN 'booking_confirmed' ELSE 'booking_reminder' END,
       '', '', '', '<${p}m-' || n.i || '@history.invalid>', '${p}m-' || n.i,
       CASE WHEN ${reminderWithdrawn} THEN 'cancelled' ELSE 'sent' END, 1, ${due}, b.created_at,
       CASE WHEN ${reminderWithdrawn} THEN NULL ELSE ${due} END
FROM n JOIN bookings AS b ON b.id = '${p}' || ((n.i / 2) % ${h.bookings}) AND b.location_id = ${loc}`);
  }
  return statements;
}

/** The history as one SQL text (for `wrangler d1 execute --file` and the servers' extra seed). */
export function historySql(h: History): string {
  return `${historyStatements(h).join(";\n\n")};\n`;
}
