-- Issue 11 item 7: times staff propose for a request "nach Vereinbarung", which the resident agrees to.
-- Additions only; 0001–0007 have landed.

-- One to three times per round (a round: one "propose" of staff; a request may get a new round once the
-- last one ended). No personal data: ids, times and states only, so neither the eraser nor retention has
-- anything to do here (the request's own row and mails carry the person, db/erasure.ts).
--   open        offered, its seats held until hold_until (an open one past hold_until reads as expired
--               until the scheduled work marks it, services/proposal-expiry.ts)
--   accepted    the resident chose it: the request became this slot booking, its seats the booking's
--   not_chosen  another of its round was accepted
--   declined    the resident answered "keiner passt"
--   expired     hold_until passed without an answer
--   withdrawn   staff took it back, or the request was withdrawn or declined
CREATE TABLE proposals (
  id           TEXT PRIMARY KEY,
  location_id  INTEGER NOT NULL REFERENCES locations(id),
  booking_id   TEXT NOT NULL REFERENCES bookings(id),
  -- The request's invite_sequence after the event that proposed the round: the same for the whole round.
  round        INTEGER NOT NULL,
  starts_at    TEXT NOT NULL,
  ends_at      TEXT NOT NULL,
  -- The deadline of the round: never after the proposed start (domain/proposals.ts holdUntil).
  hold_until   TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'not_chosen', 'declined', 'expired', 'withdrawn')),
  created_at   TEXT NOT NULL,
  created_by   INTEGER REFERENCES staff(id),
  decided_at   TEXT,
  CHECK (starts_at < ends_at),
  CHECK (hold_until <= starts_at)
);
-- The rounds of a request (the board and the manage page show the latest).
CREATE INDEX proposals_by_booking ON proposals (booking_id, round);
-- The scheduled work's expiry: open proposals by their deadline, nothing else.
CREATE INDEX proposals_open_due ON proposals (hold_until) WHERE status = 'open';
-- Open proposals of an office by their time (closing days lists them, db/proposals.ts openProposalsOnDays).
CREATE INDEX proposals_open_by_start ON proposals (location_id, starts_at) WHERE status = 'open';
-- The board's "zugesagt" list: accepted proposals of an office by when the resident chose.
CREATE INDEX proposals_accepted ON proposals (location_id, decided_at) WHERE status = 'accepted';

-- An open proposal holds its seats as rows of booking_seats under its request's booking_id, marked with
-- the proposal: the primary key of booking_seats stays the one seat rule, so a proposal, a booking and
-- another request's proposal can never hold one seat twice, and the schedule_version triggers of 0006
-- fire for holds and their release like for any seat. Accepting clears the mark (the seats become the
-- booking's); every other end deletes the proposal's rows.
ALTER TABLE booking_seats ADD COLUMN proposal_id TEXT REFERENCES proposals(id);
CREATE INDEX booking_seats_by_proposal ON booking_seats (proposal_id) WHERE proposal_id IS NOT NULL;

-- How long a resident has to answer proposals, in hours (admins edit it under "Termine & Regeln").
ALTER TABLE locations ADD COLUMN proposal_hold_hours INTEGER NOT NULL DEFAULT 48 CHECK (proposal_hold_hours BETWEEN 1 AND 336);
