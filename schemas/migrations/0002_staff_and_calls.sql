-- Issue 5: the staff board, the call display and live updates. Additions only; 0001 has landed.

-- Every call of a queue number to a room, also a repeated call ("call again"): the call display shows the
-- last few and chimes on each new one. No personal data: a ticket id, a room and a time.
CREATE TABLE queue_calls (
  id          INTEGER PRIMARY KEY,
  location_id INTEGER NOT NULL REFERENCES locations(id),
  ticket_id   TEXT NOT NULL REFERENCES queue_tickets(id),
  room_id     INTEGER NOT NULL REFERENCES rooms(id),
  at          TEXT NOT NULL,
  by_staff_id INTEGER REFERENCES staff(id)
);
-- For "the last calls of this location" on the display.
CREATE INDEX queue_calls_by_location_at ON queue_calls (location_id, at);
CREATE INDEX queue_calls_by_ticket ON queue_calls (ticket_id);

-- Private calendar feeds of staff members (webcal:// URL with a secret token): only the hash is stored;
-- revoking sets revoked_at, a new feed is a new row.
CREATE TABLE staff_calendar_feeds (
  token_hash  TEXT PRIMARY KEY,
  staff_id    INTEGER NOT NULL REFERENCES staff(id),
  created_at  TEXT NOT NULL,
  revoked_at  TEXT
) WITHOUT ROWID;
CREATE INDEX staff_calendar_feeds_by_staff ON staff_calendar_feeds (staff_id);

-- For the session checks and housekeeping of sign-in links and challenges.
CREATE INDEX staff_sign_in_links_by_staff ON staff_sign_in_links (staff_id);
CREATE INDEX webauthn_challenges_by_expiry ON webauthn_challenges (expires_at);
