import {
  StatsAppointmentRow,
  StatsOfficeRow,
  StatsRequestRow,
  StatsTicketRow,
  StatsTopicRow,
  type StatisticsFacts,
} from "../../schemas/rows";

/*
 * The facts the statistics are computed from, read in one batch and bounded by the period through
 * indexes. Only columns that erasing personal data keeps are read (ids, times, topic, channel, status,
 * the status history, queue numbers and calls): never a name, a contact or a code.
 */

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
  const from = window.from.toISOString();
  const until = window.until.toISOString();
  const [office, topics, appointments, requests, tickets] = await db.batch([
    db.prepare("SELECT slug, name FROM locations WHERE id = ?1").bind(locationId),
    db
      .prepare("SELECT id, key, label_de, label_en, audience, active FROM topics WHERE location_id = ?1 ORDER BY sort_order, id")
      .bind(locationId),
    // bookings_by_location_start; the cancel's actor through booking_events' UNIQUE (booking_id, sequence).
    db
      .prepare(
        `SELECT b.topic_id, b.source, b.status, b.starts_at,
                (SELECT e.actor FROM booking_events AS e
                 WHERE e.booking_id = b.id AND e.status = 'cancelled' ORDER BY e.sequence DESC LIMIT 1) AS cancelled_by
         FROM bookings AS b
         WHERE b.location_id = ?1 AND b.starts_at >= ?2 AND b.starts_at < ?3`,
      )
      .bind(locationId, from, until),
    // bookings_by_location_created (0005). A request is what was created as one (its first event);
    // a proposal turns it into a slot booking with a time.
    db
      .prepare(
        `SELECT b.topic_id, b.status, b.created_at, b.starts_at IS NOT NULL AS proposed
         FROM bookings AS b JOIN booking_events AS e ON e.booking_id = b.id AND e.sequence = 0
         WHERE b.location_id = ?1 AND b.created_at >= ?2 AND b.created_at < ?3 AND e.status = 'requested'`,
      )
      .bind(locationId, from, until),
    // queue_tickets_by_day_status; the first call through queue_calls_by_ticket.
    db
      .prepare(
        `SELECT t.kind, t.status, COALESCE(t.topic_id, b.topic_id) AS topic_id, t.local_day, t.issued_at,
                (SELECT min(q.at) FROM queue_calls AS q WHERE q.ticket_id = t.id) AS first_call_at,
                t.called_at, t.started_at, t.ended_at, b.starts_at AS appointment_start
         FROM queue_tickets AS t LEFT JOIN bookings AS b ON b.id = t.booking_id
         WHERE t.location_id = ?1 AND t.local_day >= ?2 AND t.local_day <= ?3`,
      )
      .bind(locationId, days.from, days.to),
  ]);
  const [officeRow] = office!.results.map((r) => StatsOfficeRow.parse(r));
  if (!officeRow) return null;
  return {
    office: officeRow,
    topics: topics!.results.map((r) => StatsTopicRow.parse(r)),
    appointments: appointments!.results.map((r) => StatsAppointmentRow.parse(r)),
    requests: requests!.results.map((r) => StatsRequestRow.parse(r)),
    tickets: tickets!.results.map((r) => StatsTicketRow.parse(r)),
  };
}
