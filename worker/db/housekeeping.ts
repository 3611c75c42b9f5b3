import { purgeOldSubscriptions } from "./push";
import { SESSION_IDLE_MINUTES } from "./staff";

/**
 * Deletes short-lived rows whose time is up: rate-limit windows older than a day, expired WebAuthn
 * challenges, sign-in links, staff sessions that ended (or timed out) a day ago, unused pairing codes and
 * Web Push subscriptions made a day ago (their number's day is over). Runs from the minutely cron; `now` is passed in.
 * Returns how many rows went, for the log.
 */
export async function purgeExpired(db: D1Database, now: Date): Promise<number> {
  const nowIso = now.toISOString();
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  const results = await db.batch([
    db.prepare("DELETE FROM rate_limits WHERE window_start < ?1").bind(dayAgo),
    db.prepare("DELETE FROM webauthn_challenges WHERE expires_at < ?1").bind(nowIso),
    db.prepare("DELETE FROM staff_sign_in_links WHERE expires_at < ?1").bind(dayAgo),
    // Ended, past the absolute end, or idle for longer than the idle timeout plus a day: none can be used again.
    db.prepare(
      `DELETE FROM staff_sessions
       WHERE ended_at < ?1 OR expires_at < ?1 OR last_seen_at < ?2`,
    ).bind(dayAgo, new Date(now.getTime() - 86_400_000 - SESSION_IDLE_MINUTES * 60_000).toISOString()),
    db.prepare(
      "UPDATE devices SET pairing_code_hash = NULL, pairing_expires_at = NULL WHERE pairing_expires_at < ?1",
    ).bind(nowIso),
    purgeOldSubscriptions(db, now),
  ]);
  return results.reduce((sum, r) => sum + (r.meta.changes ?? 0), 0);
}
