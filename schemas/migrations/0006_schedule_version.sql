-- Issue 14: a schedule version per office, raised by every change that can change its free times.
--
-- The cached answers of /api/slots (services/slots.ts) are keyed by it: a cached day is served only while
-- the version it was computed at is still the office's version. Triggers raise it, so it moves inside the
-- very statement (and so the very batch) that changes seats, hours, closures, topics or settings; no write
-- path can forget it, and a reader never sees a change without its new version.
--
-- A table that later changes free times (extra hours, proposal holds that are not seats) adds its own
-- triggers the same way, in its own migration.

ALTER TABLE locations ADD COLUMN schedule_version INTEGER NOT NULL DEFAULT 0;

-- Seats: a booking, a move, a cancel, a hold. One raise per seat row (a 30-minute booking writes six);
-- cheap beside the booking itself, and correct whatever code inserts or deletes seats.
CREATE TRIGGER schedule_on_seat_insert AFTER INSERT ON booking_seats BEGIN
  UPDATE locations SET schedule_version = schedule_version + 1 WHERE id = NEW.location_id;
END;
CREATE TRIGGER schedule_on_seat_delete AFTER DELETE ON booking_seats BEGIN
  UPDATE locations SET schedule_version = schedule_version + 1 WHERE id = OLD.location_id;
END;

CREATE TRIGGER schedule_on_rule_insert AFTER INSERT ON opening_rules BEGIN
  UPDATE locations SET schedule_version = schedule_version + 1 WHERE id = NEW.location_id;
END;
CREATE TRIGGER schedule_on_rule_update AFTER UPDATE ON opening_rules BEGIN
  UPDATE locations SET schedule_version = schedule_version + 1 WHERE id IN (OLD.location_id, NEW.location_id);
END;
CREATE TRIGGER schedule_on_rule_delete AFTER DELETE ON opening_rules BEGIN
  UPDATE locations SET schedule_version = schedule_version + 1 WHERE id = OLD.location_id;
END;

CREATE TRIGGER schedule_on_closure_insert AFTER INSERT ON closures BEGIN
  UPDATE locations SET schedule_version = schedule_version + 1 WHERE id = NEW.location_id;
END;
CREATE TRIGGER schedule_on_closure_update AFTER UPDATE ON closures BEGIN
  UPDATE locations SET schedule_version = schedule_version + 1 WHERE id IN (OLD.location_id, NEW.location_id);
END;
CREATE TRIGGER schedule_on_closure_delete AFTER DELETE ON closures BEGIN
  UPDATE locations SET schedule_version = schedule_version + 1 WHERE id = OLD.location_id;
END;

CREATE TRIGGER schedule_on_topic_insert AFTER INSERT ON topics BEGIN
  UPDATE locations SET schedule_version = schedule_version + 1 WHERE id = NEW.location_id;
END;
CREATE TRIGGER schedule_on_topic_update AFTER UPDATE ON topics BEGIN
  UPDATE locations SET schedule_version = schedule_version + 1 WHERE id IN (OLD.location_id, NEW.location_id);
END;
CREATE TRIGGER schedule_on_topic_delete AFTER DELETE ON topics BEGIN
  UPDATE locations SET schedule_version = schedule_version + 1 WHERE id = OLD.location_id;
END;

-- The office's own settings that shape slots. The raise writes only schedule_version, which is not in
-- this list, so it does not fire the trigger again.
CREATE TRIGGER schedule_on_settings AFTER UPDATE OF
  time_zone, holiday_region, slot_minutes, seats_per_slot, min_notice_minutes, horizon_days
  ON locations BEGIN
  UPDATE locations SET schedule_version = schedule_version + 1 WHERE id = NEW.id;
END;
