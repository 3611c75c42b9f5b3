-- Issue 13, the call display: nothing to operate on the public screen once it is paired.

-- Sound (the chime) and speech (the spoken announcement) are settings of the display device, changed by
-- an admin on the board (Verwaltung → Geräte) and read by the display with its state; before, both were
-- switches on the screen itself, within reach of everyone in the waiting room. A kiosk has the columns
-- too and ignores them (one devices table for both kinds). Sound on and speech off, as a new display was.
ALTER TABLE devices ADD COLUMN sound INTEGER NOT NULL DEFAULT 1 CHECK (sound IN (0, 1));
ALTER TABLE devices ADD COLUMN speech INTEGER NOT NULL DEFAULT 0 CHECK (speech IN (0, 1));

-- A call put back in the queue ("Zurück in die Warteschlange", db/tickets.ts requeueTicket) is withdrawn:
-- the display no longer shows it, neither as "Jetzt bitte" nor among the calls before (the person waits
-- again and will be called again; a number listed as called would say they missed their turn). The row
-- stays for the board and the statistics; NULL: the call stands.
ALTER TABLE queue_calls ADD COLUMN withdrawn_at TEXT;
