import {
  StatsAppointmentCount,
  StatsAppointmentHour,
  StatsDayCount,
  StatsDurationRow,
  StatsHourCount,
  StatsOfficeRow,
  StatsRequestCount,
  StatsTopicRow,
  StatsWalkInCount,
  type StatisticsFacts,
} from "../../schemas/rows";

/*
 * The facts the statistics are computed from, counted by SQLite in one batch and bounded by the period
 * through indexes, so a year of a busy office is a few hundred small rows, not one row per visit. Only
 * columns that erasing personal data keeps are read (ids, times, topic, channel, status, the status
 * history, queue numbers and calls): never a name, a contact or a code.
 *
 * Instants are grouped by their UTC hour (`substr(…, 1, 13)`); the domain turns that into the local day
 * and hour (exact for zones with whole-hour offsets, as Europe/Berlin is, DST included).
 */

/** Appointments of the period: bookings_by_location_start. */
const APPOINTMENTS = "FROM bookings AS b WHERE b.location_id = ?1 AND b.starts_at >= ?2 AND b.starts_at < ?3";
/** Queue numbers of the period's days: queue_tickets_by_day_status. */
const TICKETS = "FROM queue_tickets AS t WHERE t.location_id = ?1 AND t.local_day >= ?2 AND t.local_day <= ?3";
/** Whole milliseconds from one stored instant to another (julianday is exact enough to the ms). */
const ms = (from: string, to: string) => `max(0, CAST(round((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER))`;

/**
 * The facts of office `locationId` for the local days `days.from`…`days.to` (inclusive), whose instants
 * run from `window.from` (inclusive) to `window.until` (exclusive, UTC; domain/settings.ts `daysWindow`).
 * Null when the office does not exist.
 */
export async function loadStatisticsFacts(
  db: D1Database,
  locationId: number,
  days: { from: string; to: string },
  window: { from: Date; until: Date },
): Promise<StatisticsFacts | null> {
  const instants = [locationId, window.from.toISOString(), window.until.toISOString()] as const;
  const localDays = [locationId, days.from, days.to] as const;
  const [office, topics, appointments, appointmentHours, requests, walkIns, walkInDays, visitHours, durations] = await db.batch([
    db.prepare("SELECT slug, name FROM locations WHERE id = ?1").bind(locationId),
    db
      .prepare("SELECT id, key, label, audience, active FROM topics WHERE location_id = ?1 ORDER BY sort_order, id")
      .bind(locationId),
    // Who called it off, from the cancel event (booking_events' UNIQUE (booking_id, sequence)): the person
    // on the manage page, or staff on the person's word (`detail.by`); else the office or the system.
    db
      .prepare(
        `SELECT b.topic_id, b.source, b.status,
                CASE WHEN b.status = 'cancelled' THEN
                  (SELECT CASE WHEN e.actor = 'resident' OR json_extract(e.detail, '$.by') = 'resident' THEN 'resident' ELSE 'office' END
                   FROM booking_events AS e
                   WHERE e.booking_id = b.id AND e.status = 'cancelled' ORDER BY e.sequence DESC LIMIT 1)
                END AS cancelled_by,
                count(*) AS n
         ${APPOINTMENTS} GROUP BY 1, 2, 3, 4`,
      )
      .bind(...instants),
    db
      .prepare(
        `SELECT substr(b.starts_at, 1, 13) AS hour, b.status IN ('checked_in', 'completed') AS attended, count(*) AS n
         ${APPOINTMENTS} GROUP BY 1, 2`,
      )
      .bind(...instants),
    // bookings_by_location_created (0004). A request is what was created as one (its first event). It
    // counts as proposed once staff proposed times for it (proposals_by_booking, 0008; before 0008 a
    // proposal turned it into a slot booking with a time at once), unless it ended declined: the two
    // are parts of the received that never overlap.
    db
      .prepare(
        `SELECT b.topic_id,
                b.status != 'declined' AND (b.starts_at IS NOT NULL OR EXISTS (SELECT 1 FROM proposals AS p WHERE p.booking_id = b.id)) AS proposed,
                b.status = 'declined' AS declined, count(*) AS n
         FROM bookings AS b JOIN booking_events AS e ON e.booking_id = b.id AND e.sequence = 0
         WHERE b.location_id = ?1 AND b.created_at >= ?2 AND b.created_at < ?3 AND e.status = 'requested'
         GROUP BY 1, 2, 3`,
      )
      .bind(...instants),
    db
      .prepare(`SELECT t.topic_id, t.status IN ('done', 'in_progress') AS served, coalesce(t.ended_by = 'visitor', 0) AS gone, count(*) AS n
         ${TICKETS} AND t.kind = 'walk_in' GROUP BY 1, 2, 3`)
      .bind(...localDays),
    db.prepare(`SELECT t.local_day AS day, count(*) AS n ${TICKETS} AND t.kind = 'walk_in' GROUP BY 1`).bind(...localDays),
    db.prepare(`SELECT substr(t.issued_at, 1, 13) AS hour, count(*) AS n ${TICKETS} GROUP BY 1`).bind(...localDays),
    // One pass over the numbers (queue_calls_by_ticket for the first call). Waiting until the first call:
    // a walk-in from its number, an appointment from the later of check-in and its start. Conversations
    // that staff finished ('done'): from "begin", or from the (last) call where nobody pressed it.
    // group_concat leaves out the NULLs of numbers without the measure.
    db
      .prepare(
        `SELECT kind, group_concat(wait) AS wait, group_concat(talk) AS talk, coalesce(sum(from_call), 0) AS from_call
         FROM (
           SELECT kind,
                  ${ms("waits_from", "first_call_at")} AS wait,
                  CASE WHEN status = 'done' AND ended_at IS NOT NULL AND coalesce(started_at, called_at) IS NOT NULL
                       THEN ${ms("coalesce(started_at, called_at)", "ended_at")} END AS talk,
                  CASE WHEN status = 'done' AND ended_at IS NOT NULL AND started_at IS NULL AND called_at IS NOT NULL THEN 1 END AS from_call
           FROM (
             SELECT t.kind, t.status, t.called_at, t.started_at, t.ended_at,
                    CASE WHEN t.kind = 'appointment' AND b.starts_at > t.issued_at THEN b.starts_at ELSE t.issued_at END AS waits_from,
                    (SELECT min(q.at) FROM queue_calls AS q WHERE q.ticket_id = t.id) AS first_call_at
             FROM queue_tickets AS t LEFT JOIN bookings AS b ON b.id = t.booking_id
             WHERE t.location_id = ?1 AND t.local_day >= ?2 AND t.local_day <= ?3))
         GROUP BY kind`,
      )
      .bind(...localDays),
  ]);
  const [officeRow] = office!.results.map((r) => StatsOfficeRow.parse(r));
  if (!officeRow) return null;
  const spans = durations!.results.map((r) => StatsDurationRow.parse(r));
  const minutes = (kind: StatsDurationRow["kind"], measure: "wait" | "talk") =>
    spans.find((d) => d.kind === kind)?.[measure]?.split(",").map((v) => Number(v) / 60_000) ?? [];
  return {
    office: officeRow,
    topics: topics!.results.map((r) => StatsTopicRow.parse(r)),
    appointments: appointments!.results.map((r) => StatsAppointmentCount.parse(r)),
    appointmentHours: appointmentHours!.results.map((r) => StatsAppointmentHour.parse(r)),
    requests: requests!.results.map((r) => StatsRequestCount.parse(r)),
    walkIns: walkIns!.results.map((r) => StatsWalkInCount.parse(r)),
    walkInDays: walkInDays!.results.map((r) => StatsDayCount.parse(r)),
    visitHours: visitHours!.results.map((r) => StatsHourCount.parse(r)),
    durations: {
      waitWalkIn: minutes("walk_in", "wait"),
      waitAppointment: minutes("appointment", "wait"),
      talkWalkIn: minutes("walk_in", "talk"),
      talkAppointment: minutes("appointment", "talk"),
      fromCall: spans.reduce((sum, d) => sum + d.from_call, 0),
    },
  };
}
