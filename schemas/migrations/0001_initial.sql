-- sprechstunde: the whole data model, designed up front so later issues add columns, not rewrites.
--
-- Conventions
--   * Instants are UTC text in one fixed form, `YYYY-MM-DDTHH:MM:SS.sssZ` (what Date#toISOString gives),
--     so they compare and sort as text. Columns holding them end in `_at`.
--   * Local calendar days (`YYYY-MM-DD`) and wall-clock times (`HH:MM`) are in the location's time zone.
--   * Every row carries its location, so one deployment can serve many offices.
--   * PERSONAL DATA marks tables holding data about a person; the retention job (later issue) erases or
--     anonymises those columns a set number of days (locations.retention_days) after they are needed.

CREATE TABLE locations (
  id                              INTEGER PRIMARY KEY,
  slug                            TEXT NOT NULL UNIQUE CHECK (slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*'),
  name                            TEXT NOT NULL,
  short_name                      TEXT NOT NULL,
  street                          TEXT NOT NULL,
  postal_code                     TEXT,            -- optional: shown only when known
  city                            TEXT NOT NULL,
  phone                           TEXT,
  email                           TEXT,
  time_zone                       TEXT NOT NULL DEFAULT 'Europe/Berlin',
  -- Region code for public holidays (ISO 3166-2 subdivision without country, e.g. BY).
  holiday_region                  TEXT NOT NULL DEFAULT 'BY',
  slot_minutes                    INTEGER NOT NULL DEFAULT 30 CHECK (slot_minutes BETWEEN 5 AND 240 AND slot_minutes % 5 = 0),
  seats_per_slot                  INTEGER NOT NULL DEFAULT 1 CHECK (seats_per_slot BETWEEN 0 AND 20),
  min_notice_minutes              INTEGER NOT NULL DEFAULT 120 CHECK (min_notice_minutes >= 0),
  horizon_days                    INTEGER NOT NULL DEFAULT 56 CHECK (horizon_days BETWEEN 1 AND 366),
  max_active_bookings_per_email   INTEGER NOT NULL DEFAULT 2 CHECK (max_active_bookings_per_email >= 1),
  checkin_opens_minutes           INTEGER NOT NULL DEFAULT 30 CHECK (checkin_opens_minutes >= 0),
  checkin_closes_minutes          INTEGER NOT NULL DEFAULT 15 CHECK (checkin_closes_minutes >= 0),
  retention_days                  INTEGER NOT NULL DEFAULT 30 CHECK (retention_days >= 1),
  created_at                      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Rooms or desks where conversations happen; the call display names them.
CREATE TABLE rooms (
  id          INTEGER PRIMARY KEY,
  location_id INTEGER NOT NULL REFERENCES locations(id),
  name        TEXT NOT NULL,
  sort_order  INTEGER NOT NULL DEFAULT 0,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (location_id, name)
);

-- Concerns a visitor can come with. `audience`: who the offer is for.
CREATE TABLE topics (
  id                INTEGER PRIMARY KEY,
  location_id       INTEGER NOT NULL REFERENCES locations(id),
  key               TEXT NOT NULL CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9-]*'),
  label_de          TEXT NOT NULL,
  label_en          TEXT NOT NULL,
  description_de    TEXT NOT NULL DEFAULT '',
  description_en    TEXT NOT NULL DEFAULT '',
  audience          TEXT NOT NULL CHECK (audience IN ('residents', 'businesses', 'everyone')),
  duration_minutes  INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480 AND duration_minutes % 5 = 0),
  bookable_online   INTEGER NOT NULL DEFAULT 1 CHECK (bookable_online IN (0, 1)),
  walk_in           INTEGER NOT NULL DEFAULT 1 CHECK (walk_in IN (0, 1)),
  icon              TEXT NOT NULL DEFAULT 'chat',
  sort_order        INTEGER NOT NULL DEFAULT 0,
  active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (location_id, key)
);

-- Weekly opening hours; a rule applies from valid_from to valid_until (local days, inclusive; NULL = open-ended).
-- weekday: ISO 8601, 1 = Monday … 7 = Sunday. Several rules on one weekday give several opening spans.
CREATE TABLE opening_rules (
  id           INTEGER PRIMARY KEY,
  location_id  INTEGER NOT NULL REFERENCES locations(id),
  weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  -- On the 5-minute raster that seats are held on (see booking_seats).
  opens        TEXT NOT NULL CHECK (opens GLOB '[0-2][0-9]:[0-5][05]'),
  closes       TEXT NOT NULL CHECK (closes GLOB '[0-2][0-9]:[0-5][05]'),
  valid_from   TEXT NOT NULL DEFAULT '2020-01-01' CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  valid_until  TEXT CHECK (valid_until IS NULL OR valid_until GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  CHECK (opens < closes AND opens < '24:00' AND closes <= '24:00'),  -- closes '24:00': until midnight
  CHECK (valid_until IS NULL OR valid_from <= valid_until),
  UNIQUE (location_id, weekday, opens, valid_from)
);
CREATE INDEX opening_rules_by_location ON opening_rules (location_id, weekday);

-- Days the office is closed beyond public holidays (local days, inclusive), with a reason shown to the public.
CREATE TABLE closures (
  id          INTEGER PRIMARY KEY,
  location_id INTEGER NOT NULL REFERENCES locations(id),
  first_day   TEXT NOT NULL CHECK (first_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  last_day    TEXT NOT NULL CHECK (last_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  reason_de   TEXT NOT NULL,
  reason_en   TEXT NOT NULL DEFAULT '',
  created_by  INTEGER REFERENCES staff(id),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (first_day <= last_day)
);
-- For "closures overlapping this date range".
CREATE INDEX closures_by_location_range ON closures (location_id, last_day, first_day);

-- PERSONAL DATA (name, email, phone, note, wish). Slot bookings and requests "nach Vereinbarung".
--   kind 'slot':    starts_at/ends_at set; the seats it occupies are rows of booking_seats.
--   kind 'request': no time until staff propose one; preferred_* say when the person could come.
-- Manage tokens live in booking_tokens, hashed.
CREATE TABLE bookings (
  id                  TEXT PRIMARY KEY,
  location_id         INTEGER NOT NULL REFERENCES locations(id),
  kind                TEXT NOT NULL CHECK (kind IN ('slot', 'request')),
  status              TEXT NOT NULL CHECK (status IN ('requested', 'confirmed', 'checked_in', 'completed',
                                                      'no_show', 'cancelled', 'declined')),
  topic_id            INTEGER NOT NULL REFERENCES topics(id),
  starts_at           TEXT,
  ends_at             TEXT,
  source              TEXT NOT NULL DEFAULT 'online' CHECK (source IN ('online', 'kiosk', 'staff')),
  name                TEXT,
  email               TEXT,
  phone               TEXT,
  note                TEXT,
  locale              TEXT NOT NULL DEFAULT 'de',
  preferred_weekdays  TEXT,            -- JSON array of ISO weekdays (requests)
  preferred_times     TEXT,            -- JSON array of 'morning' | 'afternoon' | 'evening' (requests)
  wish                TEXT,            -- free text (requests)
  code                TEXT NOT NULL,   -- short check-in code, look-alike-free alphabet
  invite_sequence     INTEGER NOT NULL DEFAULT 0,  -- raised by every change; iCalendar SEQUENCE
  idempotency_key     TEXT,
  request_hash        TEXT,            -- hash of the request body that came with the idempotency key
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  erased_at           TEXT,            -- personal data erased by the retention job
  CHECK (kind = 'request' OR (starts_at IS NOT NULL AND ends_at IS NOT NULL AND starts_at < ends_at)),
  CHECK (status NOT IN ('confirmed', 'checked_in') OR starts_at IS NOT NULL)
);
CREATE UNIQUE INDEX bookings_code_per_location ON bookings (location_id, code);
CREATE UNIQUE INDEX bookings_idempotency ON bookings (location_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
-- For the day's appointments on the staff board.
CREATE INDEX bookings_by_location_start ON bookings (location_id, starts_at);
-- For the per-address cap on active bookings.
CREATE INDEX bookings_by_location_email ON bookings (location_id, email) WHERE status IN ('requested', 'confirmed');

-- The seats a slot booking holds: one row per 5-minute unit of [starts_at, ends_at) (a 30-minute
-- appointment holds six). Units are fixed instants, independent of slot length and opening spans, so
-- overlapping rules or a changed slot length cannot give one seat twice. The primary key makes it
-- impossible to give one seat of one unit to two bookings, whatever the concurrency; seat runs from 1 to
-- locations.seats_per_slot, and the insert that picks a seat fails when none is free (worker/db/bookings.ts).
-- Cancelling deletes the rows.
CREATE TABLE booking_seats (
  location_id    INTEGER NOT NULL REFERENCES locations(id),
  unit_start_at  TEXT NOT NULL,
  seat           INTEGER NOT NULL CHECK (seat >= 1),
  booking_id     TEXT NOT NULL REFERENCES bookings(id),
  PRIMARY KEY (location_id, unit_start_at, seat)
) WITHOUT ROWID;
CREATE INDEX booking_seats_by_booking ON booking_seats (booking_id);

-- Manage links of a booking: only the SHA-256 hash of each token (256 random bits) is stored. A booking
-- usually has one; an idempotent replay of its creation mints another, so the replay can answer with a
-- working link while the one in the confirmation mail keeps working too.
CREATE TABLE booking_tokens (
  token_hash  TEXT PRIMARY KEY,
  booking_id  TEXT NOT NULL REFERENCES bookings(id),
  created_at  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX booking_tokens_by_booking ON booking_tokens (booking_id);

-- Status history of a booking: who changed what, when. `actor` is 'resident', 'system' or 'staff:<id>'.
-- `sequence` is the booking's invite_sequence after the change: every change (move, cancel, check-in …)
-- raises it and appends its event first in its batch. Two changes made from the same state both claim
-- the same sequence, the UNIQUE constraint fails the later batch as a whole, and nothing of it is written
-- (optimistic concurrency without locks). Calendar invites carry it as SEQUENCE, which may skip numbers.
CREATE TABLE booking_events (
  id          INTEGER PRIMARY KEY,
  booking_id  TEXT NOT NULL REFERENCES bookings(id),
  sequence    INTEGER NOT NULL,
  at          TEXT NOT NULL,
  status      TEXT NOT NULL,
  actor       TEXT NOT NULL,
  detail      TEXT,            -- JSON, no personal data
  UNIQUE (booking_id, sequence)
);

-- Queue numbers per location, local day and prefix ('W' walk-in, 'T' appointment), gap-free and unique:
-- the number is computed in the INSERT from the day's highest (one statement, so concurrent issues each
-- get the next), and UNIQUE backs it. No personal data of its own; an appointment ticket points at its
-- booking, at most one ticket per booking.
CREATE TABLE queue_tickets (
  id                 TEXT PRIMARY KEY,
  location_id        INTEGER NOT NULL REFERENCES locations(id),
  local_day          TEXT NOT NULL,
  prefix             TEXT NOT NULL CHECK (prefix GLOB '[A-Z]'),
  number             INTEGER NOT NULL CHECK (number >= 1),
  kind               TEXT NOT NULL CHECK (kind IN ('walk_in', 'appointment')),
  booking_id         TEXT REFERENCES bookings(id),
  topic_id           INTEGER REFERENCES topics(id),
  status             TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'in_progress', 'done', 'no_show', 'cancelled')),
  room_id            INTEGER REFERENCES rooms(id),
  call_count         INTEGER NOT NULL DEFAULT 0,
  issued_at          TEXT NOT NULL,
  called_at          TEXT,
  started_at         TEXT,
  ended_at           TEXT,
  source             TEXT NOT NULL DEFAULT 'kiosk' CHECK (source IN ('kiosk', 'staff')),
  idempotency_key    TEXT,
  UNIQUE (location_id, local_day, prefix, number)
);
CREATE UNIQUE INDEX queue_tickets_idempotency ON queue_tickets (location_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE UNIQUE INDEX queue_tickets_one_per_booking ON queue_tickets (booking_id) WHERE booking_id IS NOT NULL;
CREATE INDEX queue_tickets_by_day_status ON queue_tickets (location_id, local_day, status);

-- Status links of queue tickets (the visitor's own phone follows the number): hashes only, as for bookings.
CREATE TABLE ticket_tokens (
  token_hash  TEXT PRIMARY KEY,
  ticket_id   TEXT NOT NULL REFERENCES queue_tickets(id),
  created_at  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX ticket_tokens_by_ticket ON ticket_tokens (ticket_id);

-- PERSONAL DATA (email, name). Staff accounts; role 'admin' may change settings, staff and devices.
CREATE TABLE staff (
  id           INTEGER PRIMARY KEY,
  location_id  INTEGER NOT NULL REFERENCES locations(id),
  email        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name         TEXT NOT NULL,
  role         TEXT NOT NULL DEFAULT 'staff' CHECK (role IN ('staff', 'admin')),
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Passkeys (WebAuthn credentials). No passwords are ever stored.
CREATE TABLE staff_credentials (
  id            TEXT PRIMARY KEY,    -- credential id, base64url
  staff_id      INTEGER NOT NULL REFERENCES staff(id),
  public_key    BLOB NOT NULL,
  counter       INTEGER NOT NULL DEFAULT 0,
  transports    TEXT,                -- JSON array
  label         TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  last_used_at  TEXT
);
CREATE INDEX staff_credentials_by_staff ON staff_credentials (staff_id);

-- One-time sign-in links (by mail or printed by the CLI); only the hash is stored.
CREATE TABLE staff_sign_in_links (
  token_hash  TEXT PRIMARY KEY,
  staff_id    INTEGER NOT NULL REFERENCES staff(id),
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT
);

-- Staff sessions; only the hash of the cookie value is stored. Idle and absolute timeouts are checked on use.
CREATE TABLE staff_sessions (
  token_hash    TEXT PRIMARY KEY,
  staff_id      INTEGER NOT NULL REFERENCES staff(id),
  created_at    TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  ended_at      TEXT
);
CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);

-- WebAuthn challenges awaiting their answer (short-lived).
CREATE TABLE webauthn_challenges (
  id          TEXT PRIMARY KEY,
  staff_id    INTEGER REFERENCES staff(id),
  challenge   TEXT NOT NULL,
  purpose     TEXT NOT NULL CHECK (purpose IN ('register', 'authenticate')),
  expires_at  TEXT NOT NULL
);

-- Paired kiosks and call displays. Only hashes of the pairing code and of the device token are stored.
CREATE TABLE devices (
  id                  TEXT PRIMARY KEY,
  location_id         INTEGER NOT NULL REFERENCES locations(id),
  kind                TEXT NOT NULL CHECK (kind IN ('kiosk', 'display')),
  label               TEXT NOT NULL,
  pairing_code_hash   TEXT UNIQUE,
  pairing_expires_at  TEXT,
  token_hash          TEXT UNIQUE,
  created_at          TEXT NOT NULL,
  paired_at           TEXT,
  last_seen_at        TEXT,
  revoked_at          TEXT
);

-- PERSONAL DATA (recipient, bodies). Every mail is written here first, in the same batch as the change
-- that causes it; a sender delivers it. `dedupe_key` makes "send once" mails (reminders) impossible to repeat.
CREATE TABLE mail_outbox (
  id               TEXT PRIMARY KEY,
  location_id      INTEGER NOT NULL REFERENCES locations(id),
  booking_id       TEXT REFERENCES bookings(id),
  kind             TEXT NOT NULL,
  to_address       TEXT NOT NULL,
  subject          TEXT NOT NULL,
  text_body        TEXT NOT NULL,
  html_body        TEXT,
  ics              TEXT,
  ics_method       TEXT CHECK (ics_method IS NULL OR ics_method IN ('REQUEST', 'CANCEL')),
  message_id       TEXT NOT NULL UNIQUE,
  dedupe_key       TEXT UNIQUE,
  -- pending: to be sent at next_attempt_at (reminders wait there until their hour); sending: claimed by a
  -- sender; captured: kept, not sent (no SMTP configured); cancelled: withdrawn before it went out.
  status           TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'captured', 'failed', 'cancelled')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT NOT NULL,
  last_error       TEXT,
  created_at       TEXT NOT NULL,
  sent_at          TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_by_location ON mail_outbox (location_id, created_at);

-- What happened, by whom: sign-ins, settings changes, device pairing. Never personal data in clear
-- (hash or id instead of an e-mail address).
CREATE TABLE audit_events (
  id            INTEGER PRIMARY KEY,
  location_id   INTEGER REFERENCES locations(id),
  at            TEXT NOT NULL,
  actor_kind    TEXT NOT NULL CHECK (actor_kind IN ('staff', 'device', 'system', 'public')),
  actor_id      TEXT,
  action        TEXT NOT NULL,
  subject_kind  TEXT,
  subject_id    TEXT,
  detail        TEXT           -- JSON
);
CREATE INDEX audit_events_by_location ON audit_events (location_id, at);

-- Fixed-window counters for rate limits on public routes; the key is a hash, never an address in clear.
CREATE TABLE rate_limits (
  key           TEXT NOT NULL,
  window_start  TEXT NOT NULL,
  count         INTEGER NOT NULL,
  PRIMARY KEY (key, window_start)
);
