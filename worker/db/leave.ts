/*
 * "Ich warte nicht mehr" (issue 13): the visitor ends their own number from the status page. One batch,
 * every statement conditional on the number still 'waiting', so a call that comes first wins and the
 * leave changes nothing (the caller answers 409). Statements:
 *   [event, booking, seats, subscription, ticket … RETURNING id]
 * An appointment's checked-in booking is cancelled by its resident (event actor 'resident', so the
 * statistics count it as "abgesagt von der Person") and its seats are freed; the number ends 'cancelled'
 * with ended_by = 'visitor' (counted as "gegangen"); its push subscription goes with it. For an
 * appointment the caller passes the booking and the sequence it read and appends the cancel mail and the
 * reminders' withdrawal (routes/status.ts): then the event is guarded (see below).
 */
export function leaveQueue(
  db: D1Database,
  ticketId: string,
  now: Date,
  appointment?: { bookingId: string; sequence: number },
): D1PreparedStatement[] {
  const at = now.toISOString();
  const bookingOfWaiting = "(SELECT booking_id FROM queue_tickets WHERE id = ?1 AND status = 'waiting')";
  return [
    appointment
      ? // The caller queues the cancel mail at `sequence` in the same batch: the event is guarded, so a
        // number called (or left) meanwhile, or a booking changed since it was read, fails the whole
        // batch (NOT NULL / UNIQUE on the sequence: runBookingBatch's `booking_changed`), mail included.
        db
          .prepare(
            `INSERT INTO booking_events (booking_id, sequence, at, status, actor, detail)
             VALUES (?3, (SELECT ?4 FROM bookings AS b WHERE b.id = ?3 AND b.status = 'checked_in' AND b.invite_sequence = ?4 - 1
                            AND b.id = ${bookingOfWaiting}), ?2, 'cancelled', 'resident', '{"left":"queue"}')`,
          )
          .bind(ticketId, at, appointment.bookingId, appointment.sequence)
      : db
          .prepare(
            `INSERT INTO booking_events (booking_id, sequence, at, status, actor, detail)
             SELECT b.id, b.invite_sequence + 1, ?2, 'cancelled', 'resident', '{"left":"queue"}'
             FROM bookings AS b WHERE b.status = 'checked_in' AND b.id = ${bookingOfWaiting}`,
          )
          .bind(ticketId, at),
    db
      .prepare(
        `UPDATE bookings SET status = 'cancelled', invite_sequence = invite_sequence + 1, updated_at = ?2
         WHERE status = 'checked_in' AND id = ${bookingOfWaiting}`,
      )
      .bind(ticketId, at),
    db.prepare(`DELETE FROM booking_seats WHERE booking_id = ${bookingOfWaiting}`).bind(ticketId),
    db
      .prepare("DELETE FROM push_subscriptions WHERE ticket_id = ?1 AND EXISTS (SELECT 1 FROM queue_tickets WHERE id = ?1 AND status = 'waiting')")
      .bind(ticketId),
    db
      .prepare(
        `UPDATE queue_tickets SET status = 'cancelled', ended_at = ?2, ended_by = 'visitor'
         WHERE id = ?1 AND status = 'waiting'
         RETURNING id`,
      )
      .bind(ticketId, at),
  ];
}
