-- Issue 12 item 4: the office's own texts in every resident language, not only German and English.
--
-- Topic names and descriptions, closure reasons and the notes of extra hours (the office's words to the
-- public) become one JSON object per text: {"de":"…","en":"…","tr":"…","ru":"…","uk":"…","ar":"…"}.
-- German is always there (it is what a page shows, marked lang="de", where a language is missing); every
-- other language only where it was written. An empty translation is not stored: "missing" has one form.
--
-- Why a JSON column and not a translation table: a text is always read and written whole with its row
-- (a topic list, a closure, the booking's topic in a mail), never searched by language; a column keeps
-- every read one row, every write one statement, and the audit of a change one field. A sixth language
-- later is a key, not a migration. schemas/common.ts `Texts` is its shape; worker/db reads it through
-- schemas/rows.ts `StoredTexts`.
--
-- The CHECK holds what SQLite can check without a subquery: valid JSON, an object, German as text (`IS`,
-- not `=`: a NULL from json_type would pass a CHECK). Which keys are allowed, their length and "German
-- not empty" are the API's (schemas/staff-settings.ts).
-- SQLite's ADD COLUMN needs a default for NOT NULL and checks it against the rows already there, hence
-- '{"de":""}'; every row gets its real value in the UPDATE below, and every INSERT names the column.
--
-- The old `_de`/`_en` columns are dropped, so nothing can read a stale copy: no index, trigger, view or
-- table CHECK names them (the triggers of 0006/0007 use only location_id, days and times), which is what
-- DROP COLUMN needs.

ALTER TABLE topics ADD COLUMN label TEXT NOT NULL DEFAULT '{"de":""}'
  CHECK (json_valid(label) = 1 AND json_type(label) IS 'object' AND json_type(label, '$.de') IS 'text');
ALTER TABLE topics ADD COLUMN description TEXT NOT NULL DEFAULT '{"de":""}'
  CHECK (json_valid(description) = 1 AND json_type(description) IS 'object' AND json_type(description, '$.de') IS 'text');
ALTER TABLE closures ADD COLUMN reason TEXT NOT NULL DEFAULT '{"de":""}'
  CHECK (json_valid(reason) = 1 AND json_type(reason) IS 'object' AND json_type(reason, '$.de') IS 'text');
ALTER TABLE extra_hours ADD COLUMN note TEXT NOT NULL DEFAULT '{"de":""}'
  CHECK (json_valid(note) = 1 AND json_type(note) IS 'object' AND json_type(note, '$.de') IS 'text');

-- Existing texts, as they were: German always, English where it was not empty (an empty English text
-- meant "show the German", which is now what a missing key means).
UPDATE topics SET
  label = CASE WHEN trim(label_en) = '' THEN json_object('de', label_de) ELSE json_object('de', label_de, 'en', label_en) END,
  description = CASE WHEN trim(description_en) = '' THEN json_object('de', description_de)
                     ELSE json_object('de', description_de, 'en', description_en) END;
UPDATE closures SET
  reason = CASE WHEN trim(reason_en) = '' THEN json_object('de', reason_de) ELSE json_object('de', reason_de, 'en', reason_en) END;
UPDATE extra_hours SET
  note = CASE WHEN trim(note_en) = '' THEN json_object('de', note_de) ELSE json_object('de', note_de, 'en', note_en) END;

ALTER TABLE topics DROP COLUMN label_de;
ALTER TABLE topics DROP COLUMN label_en;
ALTER TABLE topics DROP COLUMN description_de;
ALTER TABLE topics DROP COLUMN description_en;
ALTER TABLE closures DROP COLUMN reason_de;
ALTER TABLE closures DROP COLUMN reason_en;
ALTER TABLE extra_hours DROP COLUMN note_de;
ALTER TABLE extra_hours DROP COLUMN note_en;
