-- Issue 10: retention that runs, requests of data subjects, the legal pages. Additions only; 0001 and
-- 0002 have landed.

-- Outbox rows are PERSONAL DATA (recipient, bodies with names and manage links): the retention step and
-- an erasure empty them and set this; the row (kind, status, times) stays for the counts.
ALTER TABLE mail_outbox ADD COLUMN erased_at TEXT;

-- For the retention step (worker/db/erasure.ts), so a minutely run that finds nothing due reads nothing:
-- slot bookings and proposed requests by the end of their appointment …
CREATE INDEX bookings_erasure_due ON bookings (location_id, ends_at) WHERE erased_at IS NULL AND ends_at IS NOT NULL;
-- … requests without a time by their last change (declined or withdrawn) …
CREATE INDEX requests_erasure_due ON bookings (location_id, updated_at) WHERE erased_at IS NULL AND ends_at IS NULL;
-- … finished mails by their creation …
CREATE INDEX mail_outbox_erasure_due ON mail_outbox (location_id, created_at) WHERE erased_at IS NULL;
-- … and status links of queue numbers by their creation (the number's own day).
CREATE INDEX ticket_tokens_by_created ON ticket_tokens (created_at);

-- The provider of the office's pages (Impressum) and the bodies its legal pages name. Shown as entered;
-- NULL where nothing is configured (the pages then leave the line out, they never invent one).
ALTER TABLE locations ADD COLUMN provider_body TEXT;            -- the public body, e.g. 'Stadt Kempten (Allgäu)'
ALTER TABLE locations ADD COLUMN provider_department TEXT;      -- its department, e.g. 'Amt für Wirtschaft und Stadtentwicklung'
ALTER TABLE locations ADD COLUMN provider_representative TEXT;  -- who represents the body, where configured
ALTER TABLE locations ADD COLUMN dpo_contact TEXT;              -- the data protection officer's contact (several lines)
-- The supervisory authority for complaints about a Bavarian public body's processing (Art. 77 DSGVO).
ALTER TABLE locations ADD COLUMN privacy_authority TEXT NOT NULL DEFAULT 'Der Bayerische Landesbeauftragte für den Datenschutz
Wagmüllerstraße 18
80538 München
https://www.datenschutz-bayern.de';
-- The enforcement body for digital accessibility of Bavarian public bodies (§ 11 BayDiV).
ALTER TABLE locations ADD COLUMN accessibility_enforcement TEXT NOT NULL DEFAULT 'Landesamt für Digitalisierung, Breitband und Vermessung
Durchsetzungs- und Überwachungsstelle für barrierefreie Informationstechnik';
