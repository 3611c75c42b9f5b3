-- Issue 10: anonymous statistics. Additions only.

-- For the statistics' requests "nach Vereinbarung" of a period, counted on the day they were made
-- (worker/db/statistics.ts). Not partial on kind: a proposal turns a request into a slot booking.
CREATE INDEX bookings_by_location_created ON bookings (location_id, created_at);
