import { z } from "zod";
import { staffTicketRows, staffTicketsOfDay, type StaffTicketRow } from "./tickets";

/*
 * What the staff board shows of one local day, read in one batch (one round trip to D1): the office,
 * its rooms, the day's tickets, slot bookings and last calls, and the open requests. Personal data
 * (names, contacts) is read here for signed-in staff only.
 */

const OfficeRow = z.object({
  slug: z.string(),
  name: z.string(),
  time_zone: z.string(),
  /** Minutes after an appointment's start when the kiosk's check-in closes (and a no-show may be marked). */
  checkin_closes_minutes: z.number().int(),
});

const RoomRow = z.object({ id: z.number().int(), name: z.string() });

const AppointmentRow = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(["requested", "confirmed", "checked_in", "completed", "no_show", "cancelled", "declined"]),
  starts_at: z.string(),
  ends_at: z.string(),
  source: z.enum(["online", "kiosk", "staff"]),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  topic_key: z.string(),
  topic_label_de: z.string(),
  topic_label_en: z.string(),
});
export type AppointmentRow = z.infer<typeof AppointmentRow>;

const JsonList = <T extends z.ZodType>(item: T) =>
  z
    .string()
    .nullable()
    .transform((text) => (text === null ? [] : z.array(item).parse(JSON.parse(text))));

const RequestRow = z.object({
  id: z.string(),
  topic_key: z.string(),
  topic_label_de: z.string(),
  topic_label_en: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  preferred_weekdays: JsonList(z.number().int().min(1).max(7)),
  preferred_times: JsonList(z.enum(["morning", "afternoon", "evening"])),
  wish: z.string().nullable(),
  created_at: z.string(),
});
export type RequestRow = z.infer<typeof RequestRow>;

const CallRow = z.object({
  ticket_id: z.string(),
  prefix: z.string(),
  number: z.number().int(),
  room_name: z.string(),
  at: z.string(),
});
export type CallRow = z.infer<typeof CallRow>;

export interface BoardData {
  office: z.infer<typeof OfficeRow>;
  /** Active rooms in display order. */
  rooms: z.infer<typeof RoomRow>[];
  /** Every ticket of the day, in issue order. */
  tickets: StaffTicketRow[];
  /** Slot bookings starting within the day, cancelled ones included, in start order. */
  appointments: AppointmentRow[];
  /** Open requests "nach Vereinbarung" (any day), oldest first. */
  requests: RequestRow[];
  /** The last 5 calls within the day, newest first. */
  calls: CallRow[];
}

/** The office's slug, name, time zone and check-in close minutes; null for an unknown id. */
export async function officeBasics(db: D1Database, locationId: number): Promise<z.infer<typeof OfficeRow> | null> {
  const row = await db.prepare("SELECT slug, name, time_zone, checkin_closes_minutes FROM locations WHERE id = ?1").bind(locationId).first();
  return row ? OfficeRow.parse(row) : null;
}

/**
 * The board's data of local day `localDay` (`YYYY-MM-DD`), whose instants run from `dayStart`
 * (inclusive) to `dayEnd` (exclusive), both UTC ISO like the stored instants so they compare as text.
 */
export async function loadBoard(
  db: D1Database,
  locationId: number,
  localDay: string,
  dayStart: string,
  dayEnd: string,
): Promise<BoardData | null> {
  const [office, rooms, tickets, appointments, requests, calls] = await db.batch([
    db.prepare("SELECT slug, name, time_zone, checkin_closes_minutes FROM locations WHERE id = ?1").bind(locationId),
    db.prepare("SELECT id, name FROM rooms WHERE location_id = ?1 AND active = 1 ORDER BY sort_order, id").bind(locationId),
    staffTicketsOfDay(db, locationId, localDay),
    // Uses bookings_by_location_start.
    db
      .prepare(
        `SELECT b.id, b.code, b.status, b.starts_at, b.ends_at, b.source, b.name, b.email, b.phone, b.note,
                t.key AS topic_key, t.label_de AS topic_label_de, t.label_en AS topic_label_en
         FROM bookings AS b JOIN topics AS t ON t.id = b.topic_id
         WHERE b.location_id = ?1 AND b.kind = 'slot' AND b.starts_at >= ?2 AND b.starts_at < ?3
         ORDER BY b.starts_at, b.created_at, b.id`,
      )
      .bind(locationId, dayStart, dayEnd),
    db
      .prepare(
        `SELECT b.id, t.key AS topic_key, t.label_de AS topic_label_de, t.label_en AS topic_label_en, b.name, b.email,
                b.phone, b.preferred_weekdays, b.preferred_times, b.wish, b.created_at
         FROM bookings AS b JOIN topics AS t ON t.id = b.topic_id
         WHERE b.location_id = ?1 AND b.kind = 'request' AND b.status = 'requested' AND b.erased_at IS NULL
         ORDER BY b.created_at, b.id`,
      )
      .bind(locationId),
    // Uses queue_calls_by_location_at.
    db
      .prepare(
        `SELECT q.ticket_id, t.prefix, t.number, r.name AS room_name, q.at
         FROM queue_calls AS q JOIN queue_tickets AS t ON t.id = q.ticket_id JOIN rooms AS r ON r.id = q.room_id
         WHERE q.location_id = ?1 AND q.at >= ?2 AND q.at < ?3
         ORDER BY q.at DESC, q.id DESC LIMIT 5`,
      )
      .bind(locationId, dayStart, dayEnd),
  ]);
  const [officeRow] = office!.results.map((r) => OfficeRow.parse(r));
  if (!officeRow) return null;
  return {
    office: officeRow,
    rooms: rooms!.results.map((r) => RoomRow.parse(r)),
    tickets: staffTicketRows(tickets!),
    appointments: appointments!.results.map((r) => AppointmentRow.parse(r)),
    requests: requests!.results.map((r) => RequestRow.parse(r)),
    calls: calls!.results.map((r) => CallRow.parse(r)),
  };
}
