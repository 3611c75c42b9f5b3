-- Issue 13, the kiosk: a printed ticket.

-- Whether a kiosk prints each new number on its receipt printer (80 mm): an admin turns it on for a tablet
-- that has one (Verwaltung → Geräte → "Bon drucken"); the kiosk reads it with its state. Off by default:
-- a tablet without a printer changes nothing. A call display has the column too and ignores it.
ALTER TABLE devices ADD COLUMN print_ticket INTEGER NOT NULL DEFAULT 0 CHECK (print_ticket IN (0, 1));
