-- Issue 12: a queue ticket keeps the language the visitor chose at the kiosk, so its status page (the QR
-- code on the ticket screen) opens in that language. Not personal data: a language, like a booking's locale.
-- Tickets issued before this migration, and numbers added at the staff desk, are German.
ALTER TABLE queue_tickets ADD COLUMN locale TEXT NOT NULL DEFAULT 'de' CHECK (locale IN ('de', 'en', 'tr', 'ru', 'uk', 'ar'));
