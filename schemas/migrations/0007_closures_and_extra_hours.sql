-- Issue 11 items 4–6: closures that take care of their bookings, changed hours, one-day extra hours.

-- ---------------------------------------------------------------------------------------------------
-- A statement that fails its batch. A change that was decided on a list staff saw (the appointments on
-- the days being closed) carries a guard: `INSERT INTO batch_guards … SELECT … WHERE <the list is out of
-- date>` (worker/db/closures.ts `affectedUnchanged`). The insert always aborts, so the guard's batch is
-- rolled back as a whole exactly when its condition holds; otherwise it inserts nothing. No row is ever
-- stored here.
CREATE TABLE batch_guards (guard TEXT NOT NULL);
CREATE TRIGGER batch_guards_fail BEFORE INSERT ON batch_guards BEGIN
  SELECT RAISE(ABORT, 'batch_guard_failed');
END;

-- ---------------------------------------------------------------------------------------------------
-- Closures: never two over the same day of an office, and no seat taken on a closed day.

-- The closed days as UTC instants: [start of first_day, start of the day after last_day) in the office's
-- zone, computed by the Worker when it stores the closure (SQLite knows no time zones). Closures stored
-- before this migration have none; the booking routes' own check covers them as before.
ALTER TABLE closures ADD COLUMN starts_at TEXT;
ALTER TABLE closures ADD COLUMN ends_at TEXT;
CREATE INDEX closures_by_location_instants ON closures (location_id, ends_at, starts_at);

-- A closure that shares a day with one already stored is refused in the INSERT itself (adjacent days
-- are fine), so two admins adding the same days at once cannot both succeed. The route names the
-- existing closure in its 409 (`closure_overlap`).
CREATE TRIGGER closures_no_overlap BEFORE INSERT ON closures
WHEN EXISTS (SELECT 1 FROM closures
             WHERE location_id = NEW.location_id AND first_day <= NEW.last_day AND NEW.first_day <= last_day)
BEGIN
  SELECT RAISE(ABORT, 'closure_overlap');
END;

-- Once a closure is stored no seat can be taken on its days: a booking, move or hold that read the
-- schedule before the closure came fails as a whole (`slot_unavailable`) instead of landing on a closed
-- day. Every way to hold a time goes through booking_seats, so this one trigger covers them all.
CREATE TRIGGER booking_seats_not_on_closure BEFORE INSERT ON booking_seats
WHEN EXISTS (SELECT 1 FROM closures
             WHERE location_id = NEW.location_id AND ends_at > NEW.unit_start_at AND starts_at <= NEW.unit_start_at)
BEGIN
  SELECT RAISE(ABORT, 'closed_day');
END;

-- ---------------------------------------------------------------------------------------------------
-- One-day extra hours ("Sondertermin"): the office opens on a single local day with its own span(s),
-- bookable online like the weekly hours; public holidays and closures still win. A day may have several
-- spans (one row each) that must not overlap. The notes are the office's words to the public, no
-- personal data.
CREATE TABLE extra_hours (
  id          INTEGER PRIMARY KEY,
  location_id INTEGER NOT NULL REFERENCES locations(id),
  day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  -- On the 5-minute raster that seats are held on, as opening_rules.
  opens       TEXT NOT NULL CHECK (opens GLOB '[0-2][0-9]:[0-5][05]'),
  closes      TEXT NOT NULL CHECK (closes GLOB '[0-2][0-9]:[0-5][05]'),
  note_de     TEXT NOT NULL DEFAULT '',
  note_en     TEXT NOT NULL DEFAULT '',
  created_by  INTEGER REFERENCES staff(id),
  created_at  TEXT NOT NULL,
  CHECK (opens < closes AND opens < '24:00' AND closes <= '24:00')
);
-- For "extra hours on these days" (slots, the public location, the admin list).
CREATE INDEX extra_hours_by_location_day ON extra_hours (location_id, day);

CREATE TRIGGER extra_hours_no_overlap BEFORE INSERT ON extra_hours
WHEN EXISTS (SELECT 1 FROM extra_hours
             WHERE location_id = NEW.location_id AND day = NEW.day AND opens < NEW.closes AND NEW.opens < closes)
BEGIN
  SELECT RAISE(ABORT, 'extra_hours_overlap');
END;

-- Extra hours change free times: they raise the schedule version like opening_rules (migration 0006).
CREATE TRIGGER schedule_on_extra_hours_insert AFTER INSERT ON extra_hours BEGIN
  UPDATE locations SET schedule_version = schedule_version + 1 WHERE id = NEW.location_id;
END;
CREATE TRIGGER schedule_on_extra_hours_update AFTER UPDATE ON extra_hours BEGIN
  UPDATE locations SET schedule_version = schedule_version + 1 WHERE id IN (OLD.location_id, NEW.location_id);
END;
CREATE TRIGGER schedule_on_extra_hours_delete AFTER DELETE ON extra_hours BEGIN
  UPDATE locations SET schedule_version = schedule_version + 1 WHERE id = OLD.location_id;
END;
