-- Issue 10, review fixes: the retention step and the data-subject search read only what is theirs.

-- Status links per office: the minutely due query of one office reads only its own links, however many
-- old links other offices (with longer retention periods) keep. Every insert sets it (db/tickets.ts);
-- links made before this migration take their number's office.
ALTER TABLE ticket_tokens ADD COLUMN location_id INTEGER REFERENCES locations(id);
UPDATE ticket_tokens SET location_id = (SELECT q.location_id FROM queue_tickets AS q WHERE q.id = ticket_tokens.ticket_id);
CREATE INDEX ticket_tokens_erasure_due ON ticket_tokens (location_id, created_at);
DROP INDEX ticket_tokens_by_created;

-- The name and phone search of a data-subject request (db/data-subjects.ts scanCandidates) pages through
-- the office's rows that are not erased, by rowid; erased rows (the most, once retention runs) are not read.
CREATE INDEX bookings_not_erased ON bookings (location_id) WHERE erased_at IS NULL;

-- The same search reads the office's mails that belong to no booking and are not erased (staff sign-in
-- mails, accessibility feedback with its sender's name and contact in the body), newest first.
CREATE INDEX mail_outbox_without_booking ON mail_outbox (location_id, created_at) WHERE booking_id IS NULL AND erased_at IS NULL;

-- The minutely retention step finds finished mails by the time its rule counts from (sent, else last due:
-- db/retention.ts DUE_SQL.mails), not by their creation: a reminder made weeks ahead and sent yesterday is
-- not read every minute until it is due. Only finished mails that are not erased are in the index.
DROP INDEX mail_outbox_erasure_due;
CREATE INDEX mail_outbox_finished_due ON mail_outbox (location_id, COALESCE(sent_at, next_attempt_at))
  WHERE erased_at IS NULL AND status IN ('sent', 'failed', 'captured', 'cancelled');

-- Housekeeping deletes rate-limit windows older than a day (db/housekeeping.ts) through this, instead of
-- reading every window of the last day each minute.
CREATE INDEX rate_limits_by_window ON rate_limits (window_start);

-- The mails of a booking: erasing a booking empties its mails (db/erasure.ts) and withdrawing its
-- reminders finds them (db/outbox.ts) without reading the rest of the outbox.
CREATE INDEX mail_outbox_by_booking ON mail_outbox (booking_id);
