import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { purgeExpired } from "../../worker/db/housekeeping";
import { eraseBookings, eraseFinishedMails, eraseMailOfErasedBooking, withdrawMailsWithoutBooking } from "../../worker/db/erasure";
import { runRetention } from "../../worker/services/retention";
import { countingRowsRead } from "../helpers/rows-read";

describe("purgeExpired (minutely cron)", () => {
  it("deletes expired short-lived rows and keeps live ones", async () => {
    const now = new Date("2026-11-24T12:00:00.000Z");
    const minutes = (m: number) => new Date(now.getTime() + m * 60_000).toISOString();
    const location = await env.DB.prepare(
      "INSERT INTO locations (slug, name, short_name, street, city) VALUES ('purge', 'P', 'P', 'S', 'C') RETURNING id",
    ).first<{ id: number }>();
    await env.DB.batch([
      env.DB.prepare("INSERT INTO rate_limits (key, window_start, count) VALUES ('old', ?1, 3), ('new', ?2, 1)").bind(
        minutes(-25 * 60),
        minutes(-1),
      ),
      env.DB.prepare(
        "INSERT INTO webauthn_challenges (id, challenge, purpose, expires_at) VALUES ('gone', 'x', 'authenticate', ?1), ('live', 'y', 'authenticate', ?2)",
      ).bind(minutes(-1), minutes(4)),
      env.DB.prepare(
        `INSERT INTO devices (id, location_id, kind, label, pairing_code_hash, pairing_expires_at, created_at)
         VALUES ('stale', ?1, 'kiosk', 'Tablet', 'h1', ?2, ?4), ('fresh', ?1, 'display', 'TV', 'h2', ?3, ?4)`,
      ).bind(location!.id, minutes(-1), minutes(10), minutes(-20)),
      env.DB.prepare("INSERT INTO staff (location_id, email, name) VALUES (?1, 'purge@example.org', 'P')").bind(location!.id),
      // [hash, created, last seen, absolute end, ended]
      ...([
        ["ended-long-ago", -30 * 60, -26 * 60, 10 * 60, -25 * 60],
        ["ended-just-now", -60, -2, 9 * 60, -1],
        ["expired-long-ago", -40 * 60, -31 * 60, -30 * 60, null],
        ["idle-long-ago", -27 * 60 + 30, -27 * 60, 60, null],
        ["live", -60, -1, 9 * 60, null],
      ] as const).map(([hash, created, seen, expires, ended]) =>
        env.DB.prepare(
          `INSERT INTO staff_sessions (token_hash, staff_id, created_at, last_seen_at, expires_at, ended_at)
           VALUES (?1, (SELECT id FROM staff WHERE email = 'purge@example.org'), ?2, ?3, ?4, ?5)`,
        ).bind(hash, minutes(created), minutes(seen), minutes(expires), ended === null ? null : minutes(ended)),
      ),
    ]);

    expect(await purgeExpired(env.DB, now)).toBe(6);

    const keys = await env.DB.prepare("SELECT key FROM rate_limits ORDER BY key").all();
    expect(keys.results).toEqual([{ key: "new" }]);
    const challenges = await env.DB.prepare("SELECT id FROM webauthn_challenges").all();
    expect(challenges.results).toEqual([{ id: "live" }]);
    const sessions = await env.DB.prepare("SELECT token_hash FROM staff_sessions ORDER BY token_hash").all();
    expect(sessions.results).toEqual([{ token_hash: "ended-just-now" }, { token_hash: "live" }]);
    const devices = await env.DB.prepare("SELECT id, pairing_code_hash FROM devices ORDER BY id").all();
    expect(devices.results).toEqual([
      { id: "fresh", pairing_code_hash: "h2" },
      { id: "stale", pairing_code_hash: null },
    ]);
  });
});

describe("the minutely run when nothing is due", () => {
  it("reads a few rows, not the thousands of mails and rate-limit windows that are not due yet", async () => {
    const location = await env.DB.prepare(
      "INSERT INTO locations (slug, name, short_name, street, city, retention_days) VALUES ('quiet', 'Q', 'Q', 'S', 'C', 30) RETURNING id",
    ).first<{ id: number }>();
    const now = new Date("2026-12-15T10:00:00.000Z");
    await env.DB.batch([
      // 5 000 reminders made 50 days ago (booked seven weeks ahead) and sent two days ago: due in 28 days.
      env.DB.prepare(
        `WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 5000)
         INSERT INTO mail_outbox (id, location_id, booking_id, kind, to_address, subject, text_body, message_id, status, next_attempt_at, created_at, sent_at)
         SELECT 'sent-' || i, ?1, NULL, 'booking_reminder', 'x@example.org', 's', 't', '<sent-' || i || '@t>', 'sent',
                '2026-12-13T08:00:00.000Z', '2026-10-26T10:00:00.000Z', '2026-12-13T08:00:00.000Z' FROM s`,
      ).bind(location!.id),
      // 3 000 reminders made in October for January, still waiting to go out.
      env.DB.prepare(
        `WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 3000)
         INSERT INTO mail_outbox (id, location_id, booking_id, kind, to_address, subject, text_body, message_id, status, next_attempt_at, created_at)
         SELECT 'pending-' || i, ?1, NULL, 'booking_reminder', 'x@example.org', 's', 't', '<pending-' || i || '@t>', 'pending',
                '2027-01-10T08:00:00.000Z', '2026-10-20T10:00:00.000Z' FROM s`,
      ).bind(location!.id),
      // 20 000 rate-limit windows of the last hour.
      env.DB.prepare(
        `WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 20000)
         INSERT INTO rate_limits (key, window_start, count) SELECT 'quiet-' || i, '2026-12-15T09:00:00.000Z', 1 FROM s`,
      ),
    ]);
    const { db, read } = countingRowsRead(env.DB);
    const erased = await runRetention(db, now);
    await purgeExpired(db, now);
    expect(erased.get(location!.id)).toBeUndefined();
    // The offices (one per test here) and what the test above left: a few rows.
    expect(read()).toBeLessThan(50);
  });
});

describe("an erasure among many finished mails", () => {
  it("reads the mails it erases, not every finished mail of the outbox (they are found by booking or id)", async () => {
    const location = await env.DB.prepare(
      "INSERT INTO locations (slug, name, short_name, street, city) VALUES ('busy-outbox', 'B', 'B', 'S', 'C') RETURNING id",
    ).first<{ id: number }>();
    const now = new Date("2026-12-15T10:00:00.000Z");
    await env.DB.prepare(
      `WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 5000)
       INSERT INTO mail_outbox (id, location_id, booking_id, kind, to_address, subject, text_body, message_id, status, next_attempt_at, created_at, sent_at)
       SELECT 'many-' || i, ?1, NULL, 'staff_sign_in', 'x@example.org', 's', 't', '<many-' || i || '@t>', 'sent',
              '2026-12-13T08:00:00.000Z', '2026-12-13T08:00:00.000Z', '2026-12-13T08:00:00.000Z' FROM s`,
    ).bind(location!.id).run();
    const { db, read } = countingRowsRead(env.DB);
    await db.batch([
      ...eraseBookings(db, ["no-such-booking"], now),
      withdrawMailsWithoutBooking(db, ["many-7"], now),
      eraseFinishedMails(db, ["many-7"], now),
      eraseMailOfErasedBooking(db, "many-8", now),
    ]);
    expect(read()).toBeLessThan(50);
    const erased = await env.DB.prepare("SELECT id FROM mail_outbox WHERE erased_at IS NOT NULL").all();
    expect(erased.results).toEqual([{ id: "many-7" }]);
  });
});
