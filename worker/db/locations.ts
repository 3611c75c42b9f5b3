import { z } from "zod";
import { isHolidayRegion } from "../domain/holidays";
import type { ExtraSpan, OpeningRule } from "../../common/opening-hours";
import type { ScheduleInput } from "../domain/schedule";
import { localDate } from "../../common/time";
import { AppError } from "../errors";
import {
  ClosureRow,
  ExtraHoursRow,
  LocationRow,
  OpeningRuleRow,
  TakenSeatsRow,
  TopicRow,
} from "../../schemas/rows";

/*
 * A location and what its schedule is made of. Every query is keyed by the location's slug, so one
 * `batch()` (one round trip to D1) fetches everything a request needs.
 */

export interface LocationData {
  location: LocationRow;
  /** Active topics, in display order. */
  topics: TopicRow[];
  /** All weekly opening rules, past and future validity included. */
  rules: OpeningRuleRow[];
}

export interface ScheduleData extends LocationData {
  /**
   * The office's schedule version (migration 0006) in the same snapshot as everything else here: one
   * batch is one transaction, so these rows are exactly the data of this version.
   */
  version: number;
  /** Closures overlapping the requested days (and the days `openingTo` adds). */
  closures: ClosureRow[];
  /** Extra hours ("Sondertermin") on the requested days (and the days `openingTo` adds). */
  extraHours: ExtraHoursRow[];
  /** Seats taken per 5-minute unit start (UTC ISO) around the requested days. */
  taken: Map<string, number>;
}

/** The columns of LocationRow; db/settings.ts reads the same row by id. */
export const locationColumns = `
  id, slug, name, short_name, street, postal_code, city, phone, email, time_zone, holiday_region,
  slot_minutes, seats_per_slot, min_notice_minutes, horizon_days, max_active_bookings_per_email,
  checkin_opens_minutes, checkin_closes_minutes, retention_days,
  provider_body, provider_department, provider_representative, dpo_contact, privacy_authority, accessibility_enforcement,
  proposal_hold_hours`;

/** The columns of LocationRow of the table named `alias` in a join (`l.id, l.slug, …`). */
export function locationColumnsOf(alias: string): string {
  return locationColumns
    .split(",")
    .map((column) => `${alias}.${column.trim()}`)
    .join(", ");
}

// schedule_version rides along (not part of LocationRow): the same row, no extra read.
const selectLocation = `SELECT ${locationColumns}, schedule_version FROM locations WHERE slug = ?1`;

// Uses the unique index on slug: one row read.
const selectVersion = "SELECT schedule_version FROM locations WHERE slug = ?1";

const VersionRow = z.object({ schedule_version: z.number().int() });

const selectTopics = `
  SELECT t.id, t.key, t.label, t.description, t.audience,
         t.duration_minutes, t.bookable_online, t.walk_in, t.icon, t.sort_order
  FROM topics AS t JOIN locations AS l ON l.id = t.location_id
  WHERE l.slug = ?1 AND t.active = 1
  ORDER BY t.sort_order, t.key`;

const selectRules = `
  SELECT r.weekday, r.opens, r.closes, r.valid_from, r.valid_until
  FROM opening_rules AS r JOIN locations AS l ON l.id = r.location_id
  WHERE l.slug = ?1
  ORDER BY r.weekday, r.opens`;

// Uses closures_by_location_range.
const selectClosures = `
  SELECT c.first_day, c.last_day, c.reason
  FROM closures AS c JOIN locations AS l ON l.id = c.location_id
  WHERE l.slug = ?1 AND c.last_day >= ?2 AND c.first_day <= ?3
  ORDER BY c.first_day`;

// Uses extra_hours_by_location_day.
const selectExtraHours = `
  SELECT e.day, e.opens, e.closes, e.note
  FROM extra_hours AS e JOIN locations AS l ON l.id = e.location_id
  WHERE l.slug = ?1 AND e.day >= ?2 AND e.day <= ?3
  ORDER BY e.day, e.opens`;

// Uses the primary key of booking_seats (location_id, unit_start_at, seat).
const selectTakenSeats = `
  SELECT s.unit_start_at, count(*) AS taken
  FROM booking_seats AS s JOIN locations AS l ON l.id = s.location_id
  WHERE l.slug = ?1 AND s.unit_start_at >= ?2 AND s.unit_start_at < ?3
  GROUP BY s.unit_start_at`;

function rows<T extends z.ZodType>(schema: T, result: D1Result): z.infer<T>[] {
  return result.results.map((row) => schema.parse(row));
}

function locationData(location: D1Result, topics: D1Result, rules: D1Result): LocationData | null {
  const [row] = rows(LocationRow, location);
  if (!row) return null;
  return { location: row, topics: rows(TopicRow, topics), rules: rows(OpeningRuleRow, rules) };
}

/** The location with this slug, its active topics and its opening rules; null if there is none. */
export async function loadLocation(db: D1Database, slug: string): Promise<LocationData | null> {
  const [location, topics, rules] = await db.batch([
    db.prepare(selectLocation).bind(slug),
    db.prepare(selectTopics).bind(slug),
    db.prepare(selectRules).bind(slug),
  ]);
  return locationData(location!, topics!, rules!);
}

/**
 * Everything the free slots of local days `from`…`to` (inclusive, `YYYY-MM-DD`) depend on.
 * Taken seats are read for the UTC window from a day before `from` to two days after `to`, which
 * covers those local days in any time zone. Closures and extra hours are read up to `openingTo` (a
 * later day, when the next opening is looked for beyond the range), else up to `to`.
 */
export function loadSchedule(db: D1Database, slug: string, from: string, to: string, openingTo = to): Promise<ScheduleData | null> {
  const seatsFrom = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString();
  const seatsTo = new Date(Date.parse(`${to}T00:00:00Z`) + 2 * 86_400_000).toISOString();
  return readSchedule(db, slug, from, openingTo > to ? openingTo : to, { from: seatsFrom, to: seatsTo });
}

/**
 * The location with its topics, rules and the closures and extra hours of local days `from`…`to`, but no
 * taken seats (an empty map): for rules that do not count seats themselves, such as times staff propose,
 * whose seats the statement that holds them counts (db/proposals.ts). Reads nothing per booking, however
 * far apart the days are.
 */
export function loadDaysWithoutSeats(db: D1Database, slug: string, from: string, to: string): Promise<ScheduleData | null> {
  return readSchedule(db, slug, from, to, null);
}

/**
 * One batch (one snapshot, so `version` is exactly the version of these rows): the location, its topics
 * and rules, closures and extra hours of local days `from`…`until`, and, unless `seats` is null, the seats
 * taken per unit in the UTC window `seats.from`…`seats.to`.
 */
async function readSchedule(
  db: D1Database,
  slug: string,
  from: string,
  until: string,
  seats: { from: string; to: string } | null,
): Promise<ScheduleData | null> {
  const [location, topics, rules, closures, extraHours, taken] = await db.batch([
    db.prepare(selectLocation).bind(slug),
    db.prepare(selectTopics).bind(slug),
    db.prepare(selectRules).bind(slug),
    db.prepare(selectClosures).bind(slug, from, until),
    db.prepare(selectExtraHours).bind(slug, from, until),
    ...(seats ? [db.prepare(selectTakenSeats).bind(slug, seats.from, seats.to)] : []),
  ]);
  const data = locationData(location!, topics!, rules!);
  if (!data) return null;
  return {
    ...data,
    version: VersionRow.parse(location!.results[0]).schedule_version,
    closures: rows(ClosureRow, closures!),
    extraHours: rows(ExtraHoursRow, extraHours!),
    taken: new Map(taken ? rows(TakenSeatsRow, taken).map((r) => [r.unit_start_at, r.taken]) : []),
  };
}

/**
 * The office's schedule version now (migration 0006: every change of its free times raises it in the
 * change's own batch); null when there is no such office. One indexed read of one row, made against the
 * primary database (no read replica), so it sees every change that has answered before this read began.
 */
export async function scheduleVersion(db: D1Database, slug: string): Promise<number | null> {
  const [row] = rows(VersionRow, await db.prepare(selectVersion).bind(slug).all());
  return row ? row.schedule_version : null;
}

/**
 * Everything the schedule of the local day around `instant` depends on, before the location's zone is
 * known: the UTC day with a day either side covers that local day in any zone. `openingDays`: read
 * closures and extra hours that many days further ahead (for the next opening).
 */
export function loadScheduleAround(db: D1Database, slug: string, instant: Date, openingDays = 0): Promise<ScheduleData | null> {
  const utcDay = instant.toISOString().slice(0, 10);
  const day = Date.parse(`${utcDay}T00:00:00Z`);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return loadSchedule(db, slug, iso(day - 86_400_000), iso(day + 86_400_000), iso(day + (1 + openingDays) * 86_400_000));
}

/**
 * A paired device's office at `now`: its schedule data around `now` (see `loadScheduleAround`, with
 * closures and extra hours `openingDays` further ahead) and its local day then (`YYYY-MM-DD` in the
 * office's zone); `unknown_location` (404) when the office is gone.
 */
export async function loadOfficeToday(db: D1Database, slug: string, now: Date, openingDays = 0): Promise<{ data: ScheduleData; today: string }> {
  const data = await loadScheduleAround(db, slug, now, openingDays);
  if (!data) throw new AppError("unknown_location", "This office is not set up any more.");
  return { data, today: localDate(now, data.location.time_zone) };
}

/**
 * The rows as the schedule domain takes them: settings, opening rules, closures and extra hours (English
 * falling back to German) and taken seats.
 */
export function scheduleBasis(data: ScheduleData): Pick<ScheduleInput, "settings" | "rules" | "closures" | "extraHours" | "taken"> {
  const l = data.location;
  if (!isHolidayRegion(l.holiday_region)) {
    throw new Error(`location ${l.slug} has an unknown holiday region ${l.holiday_region}`);
  }
  return {
    settings: {
      timeZone: l.time_zone,
      holidayRegion: l.holiday_region,
      slotMinutes: l.slot_minutes,
      seatsPerSlot: l.seats_per_slot,
      minNoticeMinutes: l.min_notice_minutes,
      horizonDays: l.horizon_days,
    },
    rules: data.rules.map(openingRule),
    closures: data.closures.map((c) => ({
      firstDay: c.first_day,
      lastDay: c.last_day,
      reason: c.reason,
    })),
    extraHours: data.extraHours.map(extraSpan),
    taken: data.taken,
  };
}

/** An extra-hours row in the domain's shape. */
export function extraSpan(r: ExtraHoursRow): ExtraSpan {
  return { day: r.day, opens: r.opens, closes: r.closes, note: r.note };
}

/** An opening rule row in the domain's (and the API's) shape. */
export function openingRule(r: OpeningRuleRow): OpeningRule {
  return { weekday: r.weekday, opens: r.opens, closes: r.closes, validFrom: r.valid_from, validUntil: r.valid_until };
}
