import { z } from "zod";

/*
 * Queue tickets. The number is the day's highest for the prefix plus one, computed in the INSERT itself:
 * D1 runs one statement at a time, so concurrent issues get 1, 2, 3 … without gaps or repeats, and
 * UNIQUE (location_id, local_day, prefix, number) backs it.
 */

export interface NewTicket {
  id: string;
  locationId: number;
  localDay: string;
  prefix: string;
  kind: "walk_in" | "appointment";
  bookingId: string | null;
  topicId: number | null;
  source: "kiosk" | "staff";
  idempotencyKey: string | null;
  now: Date;
}

/**
 * Issues the next number. For an appointment ticket the booking must still be confirmed when the
 * statement runs (put it before the check-in UPDATE in the same batch), so one booking gets one ticket.
 */
export function issueTicket(db: D1Database, t: NewTicket, tokenHash: string): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO queue_tickets (id, location_id, local_day, prefix, number, kind, booking_id, topic_id, status,
                                    issued_at, source, idempotency_key)
         SELECT ?1, ?2, ?3, ?4, COALESCE(MAX(number), 0) + 1, ?5, ?6, ?7, 'waiting', ?8, ?9, ?10
         FROM queue_tickets WHERE location_id = ?2 AND local_day = ?3 AND prefix = ?4
         HAVING ?6 IS NULL OR EXISTS (SELECT 1 FROM bookings WHERE id = ?6 AND status = 'confirmed')`,
      )
      .bind(t.id, t.locationId, t.localDay, t.prefix, t.kind, t.bookingId, t.topicId, t.now.toISOString(), t.source, t.idempotencyKey),
    addTicketToken(db, t.id, tokenHash, t.now),
  ];
}

/** Another status link for a ticket (an idempotent replay answers with a fresh, working link). */
export function addTicketToken(db: D1Database, ticketId: string, tokenHash: string, now: Date): D1PreparedStatement {
  return db
    .prepare("INSERT INTO ticket_tokens (token_hash, ticket_id, created_at) SELECT ?1, id, ?3 FROM queue_tickets WHERE id = ?2")
    .bind(tokenHash, ticketId, now.toISOString());
}

const TicketRow = z.object({
  id: z.string(),
  location_id: z.number().int(),
  local_day: z.string(),
  prefix: z.string(),
  number: z.number().int(),
  kind: z.enum(["walk_in", "appointment"]),
  status: z.enum(["waiting", "called", "in_progress", "done", "no_show", "cancelled"]),
  room: z.string().nullable(),
  issued_at: z.string(),
  /** The location's online seats per slot: the rooms left for walk-ins follow from it. */
  seats_per_slot: z.number().int(),
  /** Waiting tickets of the same day issued before this one (first come, first counted). */
  ahead: z.number().int(),
});
export type TicketRow = z.infer<typeof TicketRow>;

const selectTicket = `
  SELECT t.id, t.location_id, t.local_day, t.prefix, t.number, t.kind, t.status, r.name AS room, t.issued_at,
         (SELECT seats_per_slot FROM locations WHERE id = t.location_id) AS seats_per_slot,
         (SELECT count(*) FROM queue_tickets AS o
          WHERE o.location_id = t.location_id AND o.local_day = t.local_day AND o.status = 'waiting'
            AND (o.issued_at < t.issued_at OR (o.issued_at = t.issued_at AND o.rowid < t.rowid))) AS ahead
  FROM queue_tickets AS t LEFT JOIN rooms AS r ON r.id = t.room_id`;

export async function ticketById(db: D1Database, id: string): Promise<TicketRow | null> {
  const row = await db.prepare(`${selectTicket} WHERE t.id = ?1`).bind(id).first();
  return row ? TicketRow.parse(row) : null;
}

export async function ticketByIdempotencyKey(db: D1Database, locationId: number, key: string): Promise<TicketRow | null> {
  const row = await db.prepare(`${selectTicket} WHERE t.location_id = ?1 AND t.idempotency_key = ?2`).bind(locationId, key).first();
  return row ? TicketRow.parse(row) : null;
}

export async function ticketByTokenHash(db: D1Database, tokenHash: string): Promise<TicketRow | null> {
  const row = await db
    .prepare(`${selectTicket} JOIN ticket_tokens AS k ON k.ticket_id = t.id WHERE k.token_hash = ?1`)
    .bind(tokenHash)
    .first();
  return row ? TicketRow.parse(row) : null;
}

/** The day's queue in brief: active rooms, how many wait, how long finished conversations took (minutes). */
export async function queueToday(db: D1Database, locationId: number, localDay: string) {
  const [rooms, waiting, durations] = await db.batch([
    db.prepare("SELECT count(*) AS n FROM rooms WHERE location_id = ?1 AND active = 1").bind(locationId),
    db
      .prepare("SELECT count(*) AS n FROM queue_tickets WHERE location_id = ?1 AND local_day = ?2 AND status = 'waiting'")
      .bind(locationId, localDay),
    db
      .prepare(
        `SELECT (julianday(ended_at) - julianday(started_at)) * 1440.0 AS minutes FROM queue_tickets
         WHERE location_id = ?1 AND local_day = ?2 AND status = 'done' AND started_at IS NOT NULL AND ended_at IS NOT NULL`,
      )
      .bind(locationId, localDay),
  ]);
  return {
    rooms: (rooms!.results[0] as { n: number }).n,
    waiting: (waiting!.results[0] as { n: number }).n,
    serviceMinutes: (durations!.results as { minutes: number }[]).map((r) => r.minutes),
  };
}
