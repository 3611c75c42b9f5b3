/*
 * Erasing personal data: the one place that knows which columns hold it. The retention step, an admin's
 * erasure on request (Art. 17 DSGVO) and a resident's own "delete my data" all erase through the
 * statements here, so a column added later is erased everywhere once it is listed here.
 *
 * What goes: every column the schema marks PERSONAL DATA (names, addresses, phone numbers, notes, wishes,
 * the idempotency key and the hash of the request body derived from them), the check-in code, the manage
 * links of a booking and the status links and Web Push subscription of its queue number, and the
 * recipients and bodies of its mails.
 * What stays: ids, times, topic, channel (source), status, language and the history of status changes, so
 * the statistics and the audit trail still add up. Every statement is idempotent: erasing twice changes
 * nothing more.
 */

/**
 * Personal columns per table and what they become. The retention tests scan exactly these for a
 * person's traces; a column that holds personal data and is missing here is a defect.
 */
export const PERSONAL_COLUMNS = {
  bookings: ["name", "email", "phone", "note", "wish", "preferred_weekdays", "preferred_times", "code", "idempotency_key", "request_hash"],
  mail_outbox: ["to_address", "subject", "text_body", "html_body", "ics", "last_error"],
} as const;

/** A check-in code no one can type (codes use a look-alike-free alphabet of letters and digits). */
const ERASED_CODE = "'~' || id";

/**
 * The statements that erase bookings and requests `ids` (as of `now`): their personal columns, manage
 * links, the status links of their queue numbers and their mails. A mail still on its way (pending or
 * being sent) is never withdrawn: it is delivered, and emptied the moment the sender marks it finished
 * (eraseMailOfErasedBooking).
 * Ids of other offices are the caller's concern: pass only ids it has checked.
 */
export function eraseBookings(db: D1Database, ids: readonly string[], now: Date): D1PreparedStatement[] {
  const list = JSON.stringify(ids);
  const at = now.toISOString();
  const inList = "IN (SELECT value FROM json_each(?1))";
  return [
    db
      .prepare(
        `UPDATE bookings
         SET name = NULL, email = NULL, phone = NULL, note = NULL, wish = NULL, preferred_weekdays = NULL,
             preferred_times = NULL, idempotency_key = NULL, request_hash = NULL, code = ${ERASED_CODE}, erased_at = ?2
         WHERE id ${inList} AND erased_at IS NULL`,
      )
      .bind(list, at),
    db.prepare(`DELETE FROM booking_tokens WHERE booking_id ${inList}`).bind(list),
    db.prepare(`DELETE FROM ticket_tokens WHERE ticket_id IN (SELECT id FROM queue_tickets WHERE booking_id ${inList})`).bind(list),
    db.prepare(`DELETE FROM push_subscriptions WHERE ticket_id IN (SELECT id FROM queue_tickets WHERE booking_id ${inList})`).bind(list),
    db
      .prepare(
        `UPDATE mail_outbox SET ${emptiedMail}, erased_at = ?2
         WHERE booking_id ${inList} AND erased_at IS NULL AND +status IN ${FINISHED}`,
      )
      .bind(list, at),
  ];
}

/**
 * Empties mail `id` once it has finished (sent, failed, …) if its booking was erased while it was on its
 * way (eraseBookings leaves such a mail to be delivered). For the sender's batch with its mark* write,
 * after it: so the mail is emptied the moment it is marked, and a mail that goes back to the queue stays.
 * Its booking is looked up by primary key (EXISTS), never by listing the erased bookings.
 */
export function eraseMailOfErasedBooking(db: D1Database, id: string, now: Date): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE mail_outbox SET ${emptiedMail}, erased_at = ?2
       WHERE id = ?1 AND erased_at IS NULL AND +status IN ${FINISHED}
         AND EXISTS (SELECT 1 FROM bookings AS b WHERE b.id = mail_outbox.booking_id AND b.erased_at IS NOT NULL)`,
    )
    .bind(id, now.toISOString());
}

/**
 * Mail statuses that are over: delivered, given up, kept unsent (no relay) or withdrawn. The statements
 * here write `+status IN …`: the mails are found by id or booking (primary key, mail_outbox_by_booking),
 * never by walking every finished mail of the outbox through mail_outbox_due.
 */
const FINISHED = "('sent', 'failed', 'captured', 'cancelled')";

/** A mail without recipient, subject, bodies, invite or error text (the columns are NOT NULL where empty). */
const emptiedMail = `to_address = '', subject = '', text_body = '', html_body = NULL, ics = NULL, last_error = NULL`;

/**
 * Empties mails `ids` that have gone out, failed, were kept unsent (no relay) or withdrawn; one still
 * waiting to be sent is left alone.
 */
export function eraseFinishedMails(db: D1Database, ids: readonly string[], now: Date): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE mail_outbox SET ${emptiedMail}, erased_at = ?2
       WHERE id IN (SELECT value FROM json_each(?1)) AND erased_at IS NULL
         AND +status IN ${FINISHED}`,
    )
    .bind(JSON.stringify(ids), now.toISOString());
}

/**
 * Withdraws mails `ids` that belong to no booking (accessibility feedback to the office, a staff sign-in
 * mail) and are still waiting or being sent: nobody waits for them, so an erasure on request does not let
 * them go out first. Put it in the batch before eraseFinishedMails, which then empties them at once. A
 * sender that holds one already finds it withdrawn and marks nothing (its mark* writes need 'sending').
 * Mails of a booking are left to eraseBookings' rule (delivered, then emptied).
 */
export function withdrawMailsWithoutBooking(db: D1Database, ids: readonly string[], now: Date): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE mail_outbox SET status = 'cancelled', next_attempt_at = ?2
       WHERE id IN (SELECT value FROM json_each(?1)) AND +booking_id IS NULL AND erased_at IS NULL
         AND +status IN ('pending', 'sending')`,
    )
    .bind(JSON.stringify(ids), now.toISOString());
}

/**
 * Deletes status links of queue numbers by their hashes (a walk-in number's only trace of its holder;
 * an appointment number's links also go with its booking, see eraseBookings).
 */
export function eraseTicketLinks(db: D1Database, hashes: readonly string[]): D1PreparedStatement {
  // (Their numbers' Web Push subscriptions go first, through erasePushOfTicketLinks.)
  return db.prepare("DELETE FROM ticket_tokens WHERE token_hash IN (SELECT value FROM json_each(?1))").bind(JSON.stringify(hashes));
}

/**
 * Deletes the Web Push subscriptions of the queue numbers whose status links `hashes` are erased: put it
 * in the batch before eraseTicketLinks, which removes the links it finds them by. (Subscriptions are
 * purged a day after they were made anyway, db/push.ts purgeOldSubscriptions; this holds when an older
 * one is left by a restore.)
 */
export function erasePushOfTicketLinks(db: D1Database, hashes: readonly string[]): D1PreparedStatement {
  return db
    .prepare(
      `DELETE FROM push_subscriptions
       WHERE ticket_id IN (SELECT ticket_id FROM ticket_tokens WHERE token_hash IN (SELECT value FROM json_each(?1)))`,
    )
    .bind(JSON.stringify(hashes));
}
