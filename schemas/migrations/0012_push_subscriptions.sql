-- Issue 13: the phone of a visitor waiting with a number is told when it is their turn (Web Push), and
-- a visitor may leave the queue from the status page.

-- PERSONAL DATA (the endpoint and keys single out one browser). One Web Push subscription per queue
-- number, given with the visitor's consent on the status page. Erased with the number's status links
-- (worker/db/erasure.ts: retention and erasure on request), when the visitor leaves, when the push
-- service says it is gone (404/410), and by the housekeeping run a day after it was made (a number lives
-- one day). `locale`: the language of the status page that subscribed, the language of its messages.
-- `soon_sent_at`: "Gleich sind Sie dran" went out (once per number).
CREATE TABLE push_subscriptions (
  ticket_id     TEXT PRIMARY KEY REFERENCES queue_tickets(id) ON DELETE CASCADE,
  location_id   INTEGER NOT NULL REFERENCES locations(id),
  endpoint      TEXT NOT NULL,
  p256dh        TEXT NOT NULL,
  auth          TEXT NOT NULL,
  locale        TEXT NOT NULL DEFAULT 'de',
  created_at    TEXT NOT NULL,
  soon_sent_at  TEXT
) WITHOUT ROWID;
-- The office's subscriptions of today (a handful) for "one person ahead", and housekeeping by age.
CREATE INDEX push_subscriptions_by_location ON push_subscriptions (location_id, created_at);
CREATE INDEX push_subscriptions_by_created ON push_subscriptions (created_at);

-- Who ended a number that ended as 'cancelled': 'visitor' ("Ich warte nicht mehr" on the status page;
-- statistics count it as "gegangen") or 'staff'. NULL for every other ending and for older rows.
ALTER TABLE queue_tickets ADD COLUMN ended_by TEXT CHECK (ended_by IN ('visitor', 'staff'));
