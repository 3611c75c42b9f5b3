import { z } from "zod";
import { AdminClosureRow, AdminExtraHoursRow, AdminRoomRow, AdminRuleRow, AdminTopicRow, LocationRow } from "../../schemas/rows";
import { locationColumns } from "./locations";
import { compactTexts } from "../../common/texts";

/*
 * What admins edit: the location's settings, weekly opening rules, topics and rooms (closures and extra
 * hours: db/closures.ts, db/extra-hours.ts), and everything at once for the admin panels. Reads
 * are keyed by the location id of the signed-in admin, and every write names it too, so an id of
 * another office never matches. Writes are returned as statements, unrun, so a route puts each change
 * and its audit row into one `batch()`.
 */

export interface AdminSettingsData {
  location: LocationRow;
  rules: AdminRuleRow[];
  closures: AdminClosureRow[];
  extraHours: AdminExtraHoursRow[];
  topics: AdminTopicRow[];
  rooms: AdminRoomRow[];
}

const selectLocation = `SELECT ${locationColumns} FROM locations WHERE id = ?1`;

const selectRules = `
  SELECT id, weekday, opens, closes, valid_from, valid_until FROM opening_rules
  WHERE location_id = ?1 AND (valid_until IS NULL OR valid_until >= ?2)
  ORDER BY weekday, opens, valid_from`;

// Uses closures_by_location_range.
const selectClosures = `
  SELECT id, first_day, last_day, reason FROM closures
  WHERE location_id = ?1 AND last_day >= ?2
  ORDER BY first_day, id`;

// Uses extra_hours_by_location_day.
const selectExtraHours = `
  SELECT id, day, opens, closes, note FROM extra_hours
  WHERE location_id = ?1 AND day >= ?2
  ORDER BY day, opens`;

const selectTopics = `
  SELECT id, key, label, description, audience, duration_minutes,
         bookable_online, walk_in, icon, sort_order, active
  FROM topics WHERE location_id = ?1 ORDER BY sort_order, key`;

const selectRooms = `SELECT id, name, sort_order, active FROM rooms WHERE location_id = ?1 ORDER BY sort_order, name`;

function rows<T extends z.ZodType>(schema: T, result: D1Result | undefined): z.infer<T>[] {
  return result!.results.map((row) => schema.parse(row));
}

/**
 * Everything an admin edits, in one round trip: the location row, the opening rules still in force on
 * or after `rulesFrom`, the closures ending and the extra hours on or after `closuresFrom` (local days
 * `YYYY-MM-DD`), and all topics and rooms, inactive ones included. Null when the location does not exist.
 */
export async function loadAdminSettings(
  db: D1Database,
  locationId: number,
  rulesFrom: string,
  closuresFrom: string,
): Promise<AdminSettingsData | null> {
  const [location, rules, closures, extraHours, topics, rooms] = await db.batch([
    db.prepare(selectLocation).bind(locationId),
    db.prepare(selectRules).bind(locationId, rulesFrom),
    db.prepare(selectClosures).bind(locationId, closuresFrom),
    db.prepare(selectExtraHours).bind(locationId, closuresFrom),
    db.prepare(selectTopics).bind(locationId),
    db.prepare(selectRooms).bind(locationId),
  ]);
  const [row] = rows(LocationRow, location);
  if (!row) return null;
  return {
    location: row,
    rules: rows(AdminRuleRow, rules),
    closures: rows(AdminClosureRow, closures),
    extraHours: rows(AdminExtraHoursRow, extraHours),
    topics: rows(AdminTopicRow, topics),
    rooms: rows(AdminRoomRow, rooms),
  };
}

/** The location row by id (settings and time zone), or null. */
export async function locationById(db: D1Database, locationId: number): Promise<LocationRow | null> {
  const row = await db.prepare(selectLocation).bind(locationId).first();
  return row ? LocationRow.parse(row) : null;
}

// ---------------------------------------------------------------------------------------------------
// Office settings

/** The editable columns of a location, as stored. */
export type OfficeColumns = Pick<
  LocationRow,
  | "name" | "short_name" | "street" | "postal_code" | "city" | "phone" | "email" | "slot_minutes" | "seats_per_slot"
  | "min_notice_minutes" | "horizon_days" | "checkin_opens_minutes" | "checkin_closes_minutes"
  | "max_active_bookings_per_email" | "retention_days" | "proposal_hold_hours"
  | "provider_body" | "provider_department" | "provider_representative" | "dpo_contact" | "privacy_authority"
  | "accessibility_enforcement"
>;

/**
 * Writes all editable columns of a location. The route merges the change into the current row first,
 * so one fixed statement serves every partial update.
 */
export function updateOffice(db: D1Database, locationId: number, o: OfficeColumns): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE locations SET name = ?2, short_name = ?3, street = ?4, postal_code = ?5, city = ?6, phone = ?7, email = ?8,
         slot_minutes = ?9, seats_per_slot = ?10, min_notice_minutes = ?11, horizon_days = ?12,
         checkin_opens_minutes = ?13, checkin_closes_minutes = ?14, max_active_bookings_per_email = ?15,
         retention_days = ?16, provider_body = ?17, provider_department = ?18, provider_representative = ?19,
         dpo_contact = ?20, privacy_authority = ?21, accessibility_enforcement = ?22, proposal_hold_hours = ?23
       WHERE id = ?1`,
    )
    .bind(
      locationId, o.name, o.short_name, o.street, o.postal_code, o.city, o.phone, o.email, o.slot_minutes,
      o.seats_per_slot, o.min_notice_minutes, o.horizon_days, o.checkin_opens_minutes, o.checkin_closes_minutes,
      o.max_active_bookings_per_email, o.retention_days, o.provider_body, o.provider_department,
      o.provider_representative, o.dpo_contact, o.privacy_authority, o.accessibility_enforcement, o.proposal_hold_hours,
    );
}

// ---------------------------------------------------------------------------------------------------
// Opening hours

/**
 * Replaces the weekly hours from local day `validFrom` on, keeping history: rules that start on or after
 * `validFrom` have never applied before it and are deleted; rules in force across it end the day before
 * (`dayBefore`); the new rules start on `validFrom`, open-ended. Days before `validFrom` keep their hours.
 */
export function replaceOpeningRules(
  db: D1Database,
  locationId: number,
  validFrom: string,
  dayBefore: string,
  rules: readonly { weekday: number; opens: string; closes: string }[],
): D1PreparedStatement[] {
  return [
    db.prepare("DELETE FROM opening_rules WHERE location_id = ?1 AND valid_from >= ?2").bind(locationId, validFrom),
    db
      .prepare(
        `UPDATE opening_rules SET valid_until = ?3
         WHERE location_id = ?1 AND valid_from < ?2 AND (valid_until IS NULL OR valid_until >= ?2)`,
      )
      .bind(locationId, validFrom, dayBefore),
    ...rules.map((r) =>
      db
        .prepare("INSERT INTO opening_rules (location_id, weekday, opens, closes, valid_from) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(locationId, r.weekday, r.opens, r.closes, validFrom),
    ),
  ];
}

/** Every opening rule of a location (history included), for checking a change against bookings. */
export async function allOpeningRules(db: D1Database, locationId: number): Promise<AdminRuleRow[]> {
  const { results } = await db
    .prepare("SELECT id, weekday, opens, closes, valid_from, valid_until FROM opening_rules WHERE location_id = ?1 ORDER BY weekday, opens")
    .bind(locationId)
    .all();
  return results.map((r) => AdminRuleRow.parse(r));
}

// ---------------------------------------------------------------------------------------------------
// Topics

export type TopicColumns = Omit<AdminTopicRow, "id" | "key">;

const topicSelect = `SELECT id, key, label, description, audience, duration_minutes,
         bookable_online, walk_in, icon, sort_order, active FROM topics`;

/** A topic of this location by id, or null (also for another office's id). */
export async function topicById(db: D1Database, locationId: number, id: number): Promise<AdminTopicRow | null> {
  const row = await db.prepare(`${topicSelect} WHERE id = ?1 AND location_id = ?2`).bind(id, locationId).first();
  return row ? AdminTopicRow.parse(row) : null;
}

/** A topic of this location by key, or null. */
export async function topicByKey(db: D1Database, locationId: number, key: string): Promise<AdminTopicRow | null> {
  const row = await db.prepare(`${topicSelect} WHERE key = ?1 AND location_id = ?2`).bind(key, locationId).first();
  return row ? AdminTopicRow.parse(row) : null;
}

/** A new topic (UNIQUE (location_id, key) refuses a second one with the same key). */
export function insertTopic(db: D1Database, locationId: number, key: string, t: TopicColumns): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO topics (location_id, key, label, description, audience,
                           duration_minutes, bookable_online, walk_in, icon, sort_order, active)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)`,
    )
    .bind(
      locationId, key, JSON.stringify(compactTexts(t.label)), JSON.stringify(compactTexts(t.description)), t.audience, t.duration_minutes,
      t.bookable_online ? 1 : 0, t.walk_in ? 1 : 0, t.icon, t.sort_order, t.active ? 1 : 0,
    );
}

/** Writes every column of a topic but its key, which links and bookings rely on. */
export function updateTopic(db: D1Database, locationId: number, id: number, t: TopicColumns): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE topics SET label = ?3, description = ?4, audience = ?5,
         duration_minutes = ?6, bookable_online = ?7, walk_in = ?8, icon = ?9, sort_order = ?10, active = ?11
       WHERE id = ?1 AND location_id = ?2`,
    )
    .bind(
      id, locationId, JSON.stringify(compactTexts(t.label)), JSON.stringify(compactTexts(t.description)), t.audience, t.duration_minutes,
      t.bookable_online ? 1 : 0, t.walk_in ? 1 : 0, t.icon, t.sort_order, t.active ? 1 : 0,
    );
}

// ---------------------------------------------------------------------------------------------------
// Rooms

export type RoomColumns = Omit<AdminRoomRow, "id">;

/** A room of this location by id, or null (also for another office's id). */
export async function roomById(db: D1Database, locationId: number, id: number): Promise<AdminRoomRow | null> {
  const row = await db.prepare("SELECT id, name, sort_order, active FROM rooms WHERE id = ?1 AND location_id = ?2").bind(id, locationId).first();
  return row ? AdminRoomRow.parse(row) : null;
}

/** Another room of this location with this name (names are unique per location), or null. */
export async function roomByName(db: D1Database, locationId: number, name: string): Promise<AdminRoomRow | null> {
  const row = await db.prepare("SELECT id, name, sort_order, active FROM rooms WHERE name = ?1 AND location_id = ?2").bind(name, locationId).first();
  return row ? AdminRoomRow.parse(row) : null;
}

/** A new room. */
export function insertRoom(db: D1Database, locationId: number, r: RoomColumns): D1PreparedStatement {
  return db
    .prepare("INSERT INTO rooms (location_id, name, sort_order, active) VALUES (?1, ?2, ?3, ?4)")
    .bind(locationId, r.name, r.sort_order, r.active ? 1 : 0);
}

/** Renames, reorders or (de)activates a room. */
export function updateRoom(db: D1Database, locationId: number, id: number, r: RoomColumns): D1PreparedStatement {
  return db
    .prepare("UPDATE rooms SET name = ?3, sort_order = ?4, active = ?5 WHERE id = ?1 AND location_id = ?2")
    .bind(id, locationId, r.name, r.sort_order, r.active ? 1 : 0);
}

/** Whether an error is the UNIQUE constraint of `table(columns)` failing (a racing duplicate). */
export function isUniqueViolation(error: unknown, table: string): boolean {
  return new RegExp(`UNIQUE constraint failed: ${table}\\.`).test(String(error));
}

/**
 * Upcoming appointments (units starting at or after `from`) that hold a seat numbered above `seats`:
 * the ones a lowered `seats_per_slot` leaves beyond the new capacity. Seats are numbered from 1 in
 * every unit, so a booking holding seat 2 is "beyond" one seat per slot.
 */
export async function bookingsBeyondSeats(db: D1Database, locationId: number, seats: number, from: Date): Promise<number> {
  const row = await db
    .prepare(
      `SELECT count(DISTINCT booking_id) AS n FROM booking_seats
       WHERE location_id = ?1 AND unit_start_at >= ?2 AND seat > ?3`,
    )
    .bind(locationId, from.toISOString(), seats)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
