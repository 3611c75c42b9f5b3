-- Issue 14: the queries a working day runs read the day, not the office's past (found by
-- tests/routes/d1-rows.test.ts, which compares rows read at an office with a short and a long past, and
-- tests/db/query-plans.test.ts, which reads the plan of every query a day runs).

-- "Call next" finishes the conversation still in progress in the caller's room, whatever its day
-- (db/tickets.ts claimTicket): it looked for it among all of the office's numbers (location_id alone of
-- queue_tickets_by_day_status). Only the numbers in progress are in this index: a handful.
CREATE INDEX queue_tickets_in_progress ON queue_tickets (location_id, room_id) WHERE status = 'in_progress';

-- The board's open requests (db/board.ts): read through bookings_by_location_created (every booking of
-- the office) and filtered. Only requests waiting for an answer are in this index; one leaves it when a
-- time is proposed, it is declined or withdrawn.
CREATE INDEX bookings_open_requests ON bookings (location_id, created_at) WHERE kind = 'request' AND status = 'requested';

-- The board's outbox filtered by status (db/outbox.ts listOutbox): newest first among that status's mails,
-- instead of walking every mail of the office for the few that failed.
CREATE INDEX mail_outbox_by_location_status ON mail_outbox (location_id, status, created_at);
