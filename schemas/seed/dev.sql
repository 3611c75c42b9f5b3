-- Development seed (not a migration): the BIWAQ project office "Zukunft Kempten-Ost" as published
-- (../shared/seed/office-announcement-2020.txt). Idempotent: every insert skips rows that exist, so
-- `npm start` can apply it on every run and a second run changes nothing.

INSERT INTO locations (slug, name, short_name, street, postal_code, city, phone, email, time_zone, holiday_region,
                       slot_minutes, seats_per_slot, min_notice_minutes, horizon_days)
VALUES ('kempten-ost',
        'Projektbüro BIWAQ „Zukunft Kempten-Ost – Leben und Arbeiten (LeA)“ im Quartiersbüro Soziale Stadt Kempten-Ost',
        'Zukunft Kempten-Ost',
        'Anton-Fehr-Str. 6', NULL, 'Kempten (Allgäu)',
        '0172 / 2315911', 'franziska.kull@kempten.de', 'Europe/Berlin', 'BY',
        30, 1, 120, 56)
ON CONFLICT (slug) DO NOTHING;

-- The provider as the announcement names it: the city, its department, the project office (issue 10).
-- Nothing more is published there (no representative, no data protection officer): admins add those.
UPDATE locations SET provider_body = 'Stadt Kempten (Allgäu)', provider_department = 'Amt für Wirtschaft und Stadtentwicklung'
WHERE slug = 'kempten-ost' AND provider_body IS NULL;

WITH r(name, sort_order) AS (VALUES ('Raum 1', 1), ('Raum 2', 2))
INSERT INTO rooms (location_id, name, sort_order)
SELECT l.id, r.name, r.sort_order
FROM locations AS l, r
WHERE l.slug = 'kempten-ost'
ON CONFLICT (location_id, name) DO NOTHING;

-- Monday 13:00–17:30 and Wednesday 09:00–13:00; otherwise "nach Vereinbarung".
WITH r(weekday, opens, closes) AS (VALUES (1, '13:00', '17:30'), (3, '09:00', '13:00'))
INSERT INTO opening_rules (location_id, weekday, opens, closes, valid_from)
SELECT l.id, r.weekday, r.opens, r.closes, '2020-06-01'
FROM locations AS l, r
WHERE l.slug = 'kempten-ost'
ON CONFLICT (location_id, weekday, opens, valid_from) DO NOTHING;

-- Offers from the announcement. Durations fit the 30-minute grid; a 60-minute topic holds two slots.
WITH t(key, label_de, label_en, description_de, description_en, audience,
       duration_minutes, bookable_online, walk_in, icon, sort_order) AS (VALUES
  ('fragen', 'Allgemeine Fragen', 'General questions',
   'Sie haben eine Frage oder ein Anliegen? Wir hören zu und helfen weiter.',
   'You have a question or a concern? We listen and help.',
   'everyone', 30, 1, 1, 'chat', 1),
  ('kompetenzanalyse', 'Kompetenzanalyse', 'Skills assessment',
   'Gemeinsam finden wir heraus, was Sie gut können.',
   'Together we find out what you are good at.',
   'residents', 60, 1, 1, 'star', 2),
  ('einzelcoaching', 'Einzelcoaching', 'One-to-one coaching',
   'Ein Gespräch nur für Sie: Ziele, nächste Schritte, Arbeit.',
   'A conversation just for you: goals, next steps, work.',
   'residents', 60, 1, 1, 'person', 3),
  ('bewerbung', 'Bewerbungstraining (auch digital)', 'Job application training (also digital)',
   'Lebenslauf, Anschreiben, Bewerben am Computer, Vorstellungsgespräch üben.',
   'CV, cover letter, applying online, practising the job interview.',
   'residents', 60, 1, 1, 'document', 4),
  ('qualifizierung', 'Qualifizierung', 'Training and qualifications',
   'Welche Kurse und Weiterbildungen passen zu Ihnen?',
   'Which courses and further training suit you?',
   'residents', 30, 1, 1, 'school', 5),
  ('unternehmen', 'Beratung und Coaching für Unternehmen', 'Advice and coaching for businesses',
   'Für Betriebe im Stadtteil: Personal, Fragen, Unterstützung.',
   'For businesses in the district: staff, questions, support.',
   'businesses', 60, 1, 0, 'shop', 6),
  ('vernetzung', 'Unternehmensnetzwerk Kempten-Ost', 'Kempten-Ost business network',
   'Lernen Sie andere Betriebe im Stadtteil kennen.',
   'Meet other businesses in the district.',
   'businesses', 30, 1, 0, 'network', 7),
  ('lernorte', 'Digitale Lernorte: mitmachen', 'Digital learning places: take part',
   'Gemeinsam lernen am Computer und im Internet.',
   'Learning together on the computer and online.',
   'everyone', 30, 1, 1, 'laptop', 8),
  ('zeitung', 'Stadtteilzeitung: mitmachen', 'District newspaper: take part',
   'Schreiben Sie mit oder erzählen Sie Ihre Geschichte.',
   'Write with us or tell your story.',
   'everyone', 30, 1, 1, 'newspaper', 9)
)
INSERT INTO topics (location_id, key, label_de, label_en, description_de, description_en, audience,
                    duration_minutes, bookable_online, walk_in, icon, sort_order)
SELECT l.id, t.*
FROM locations AS l, t
WHERE l.slug = 'kempten-ost'
ON CONFLICT (location_id, key) DO NOTHING;
