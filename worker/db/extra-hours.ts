import type { Texts } from "../../schemas/common";
import { AdminExtraHoursRow, ExtraHoursRow } from "../../schemas/rows";
import { compactTexts } from "../../common/texts";

/*
 * One-day extra hours ("Sondertermin", migration 0007): a local day on which the office opens with a
 * span of its own. Spans of one day never overlap (the INSERT refuses one that would:
 * `extra_hours_overlap`), and every change raises the office's schedule version by trigger. The slot
 * computation reads them with the schedule (db/locations.ts `loadSchedule`).
 */

/** New extra hours; run it right before an `auditInsert` so the audit row names its id. */
export function insertExtraHours(
  db: D1Database,
  e: { locationId: number; day: string; opens: string; closes: string; note: Texts; staffId: number; now: Date },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO extra_hours (location_id, day, opens, closes, note, created_by, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
    )
    .bind(e.locationId, e.day, e.opens, e.closes, JSON.stringify(compactTexts(e.note)), e.staffId, e.now.toISOString());
}

/** Whether a batch failed on the rule that spans of one day do not overlap. */
export function isExtraHoursOverlap(error: unknown): boolean {
  return /extra_hours_overlap/.test(String(error));
}

const columns = "id, day, opens, closes, note";

/** Extra hours of this location by id, or null (also for another office's id). */
export async function extraHoursById(db: D1Database, locationId: number, id: number): Promise<AdminExtraHoursRow | null> {
  const row = await db.prepare(`SELECT ${columns} FROM extra_hours WHERE id = ?1 AND location_id = ?2`).bind(id, locationId).first();
  return row ? AdminExtraHoursRow.parse(row) : null;
}

/** The office's extra hours on local days `from`…`to` (inclusive), by day and time. Uses extra_hours_by_location_day. */
export async function extraHoursBetween(db: D1Database, locationId: number, from: string, to: string): Promise<AdminExtraHoursRow[]> {
  const { results } = await db
    .prepare(`SELECT ${columns} FROM extra_hours WHERE location_id = ?1 AND day >= ?2 AND day <= ?3 ORDER BY day, opens`)
    .bind(locationId, from, to)
    .all();
  return results.map((r) => AdminExtraHoursRow.parse(r));
}

/**
 * The extra hours the public is told about: on local days from `from` on that no closure of the
 * office covers (public holidays the caller leaves out itself), at most `limit`, earliest first.
 */
export async function upcomingExtraHours(db: D1Database, locationId: number, from: string, limit = 20): Promise<ExtraHoursRow[]> {
  const { results } = await db
    .prepare(
      `SELECT e.day, e.opens, e.closes, e.note FROM extra_hours AS e
       WHERE e.location_id = ?1 AND e.day >= ?2
         AND NOT EXISTS (SELECT 1 FROM closures AS c WHERE c.location_id = e.location_id AND c.first_day <= e.day AND e.day <= c.last_day)
       ORDER BY e.day, e.opens LIMIT ?3`,
    )
    .bind(locationId, from, limit)
    .all();
  return results.map((r) => ExtraHoursRow.parse(r));
}

/** Deletes extra hours of this location. */
export function deleteExtraHours(db: D1Database, locationId: number, id: number): D1PreparedStatement {
  return db.prepare("DELETE FROM extra_hours WHERE id = ?1 AND location_id = ?2").bind(id, locationId);
}
