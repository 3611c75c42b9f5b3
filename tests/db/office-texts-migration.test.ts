import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { LocationResponse } from "../../schemas/location";
import { SlotsResponse } from "../../schemas/slots";
import { createApp } from "../../worker/app";
import { testDeps } from "../helpers/fixtures";

/*
 * Migration 0010 on a database that has data: this file's database (storage is isolated per test file)
 * is emptied and migrated up to 0009, filled with texts in the old `_de`/`_en` columns, then migrated
 * with 0010 as `wrangler d1 migrations apply` would. Every text must read back as it was: German always,
 * English where it was written, an empty English text becoming no English text.
 */

const MIGRATION = "0010_office_texts.sql";

async function emptyDatabase(): Promise<void> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND substr(name, 1, 4) <> '_cf_' ORDER BY rowid",
  ).all<{ name: string }>();
  // Newest first, so children go before the parents they reference: with foreign keys on, dropping a
  // child after its parent fails ("no such table: main.locations"), empty tables included.
  await env.DB.batch(results.reverse().map((r) => env.DB.prepare(`DROP TABLE "${r.name}"`)));
}

async function apply(names: (name: string) => boolean): Promise<void> {
  for (const m of env.TEST_MIGRATIONS.filter((m) => names(m.name))) {
    await env.DB.batch(m.queries.map((q) => env.DB.prepare(q)));
  }
}

const OLD_DATA = [
  `INSERT INTO locations (id, slug, name, short_name, street, city) VALUES (1, 'alt', 'Altes Büro', 'Alt', 'Anton-Fehr-Str. 6', 'Kempten (Allgäu)')`,
  `INSERT INTO opening_rules (location_id, weekday, opens, closes) VALUES (1, 1, '13:00', '17:30')`,
  `INSERT INTO topics (id, location_id, key, label_de, label_en, description_de, description_en, audience, duration_minutes, sort_order)
   VALUES (1, 1, 'fragen', 'Allgemeine Fragen', 'General questions', 'Wir helfen weiter.', 'We help.', 'everyone', 30, 1),
          (2, 1, 'firmen', 'Beratung für Unternehmen', '', 'Für Betriebe „im Stadtteil“ – mit ''Zitat''.', '', 'businesses', 30, 2),
          (3, 1, 'leer', 'Ohne Beschreibung', 'No description', '', '', 'residents', 30, 3)`,
  `INSERT INTO closures (location_id, first_day, last_day, reason_de, reason_en) VALUES
     (1, '2026-12-07', '2026-12-07', 'Fortbildung', 'Training'),
     (1, '2026-12-14', '2026-12-14', 'Betriebsausflug', '')`,
  `INSERT INTO extra_hours (location_id, day, opens, closes, note_de, note_en, created_at) VALUES
     (1, '2026-12-05', '10:00', '12:00', 'Samstagssprechstunde', 'Saturday hours', '2026-11-01T00:00:00.000Z'),
     (1, '2026-12-12', '10:00', '12:00', '', '', '2026-11-01T00:00:00.000Z')`,
];

describe("migration 0010 keeps the office's texts", () => {
  it("moves every text into its JSON column, reads back identically, and drops the old columns", async () => {
    await emptyDatabase();
    await apply((name) => name < MIGRATION);
    await env.DB.batch(OLD_DATA.map((sql) => env.DB.prepare(sql)));
    await apply((name) => name === MIGRATION);

    const topics = await env.DB.prepare("SELECT key, label, description FROM topics ORDER BY id").all<{ key: string; label: string; description: string }>();
    expect(topics.results.map((t) => [t.key, JSON.parse(t.label), JSON.parse(t.description)])).toEqual([
      ["fragen", { de: "Allgemeine Fragen", en: "General questions" }, { de: "Wir helfen weiter.", en: "We help." }],
      ["firmen", { de: "Beratung für Unternehmen" }, { de: "Für Betriebe „im Stadtteil“ – mit 'Zitat'." }],
      ["leer", { de: "Ohne Beschreibung", en: "No description" }, { de: "" }],
    ]);
    const closures = await env.DB.prepare("SELECT first_day, reason FROM closures ORDER BY first_day").all<{ first_day: string; reason: string }>();
    expect(closures.results.map((c) => [c.first_day, JSON.parse(c.reason)])).toEqual([
      ["2026-12-07", { de: "Fortbildung", en: "Training" }],
      ["2026-12-14", { de: "Betriebsausflug" }],
    ]);
    const extra = await env.DB.prepare("SELECT day, note FROM extra_hours ORDER BY day").all<{ day: string; note: string }>();
    expect(extra.results.map((e) => [e.day, JSON.parse(e.note)])).toEqual([
      ["2026-12-05", { de: "Samstagssprechstunde", en: "Saturday hours" }],
      ["2026-12-12", { de: "" }],
    ]);

    const columns = async (table: string) =>
      (await env.DB.prepare(`SELECT name FROM pragma_table_info('${table}')`).all<{ name: string }>()).results.map((c) => c.name);
    for (const table of ["topics", "closures", "extra_hours"]) {
      expect((await columns(table)).filter((c) => /_(de|en)$/.test(c)), table).toEqual([]);
    }

    // Through the Worker, as the pages read them.
    const app = createApp(testDeps(new Date("2026-11-24T07:00:00Z")));
    const location = LocationResponse.parse(await (await app.request("/api/location", {}, { ...env, DEFAULT_LOCATION: "alt" })).json());
    expect(location.topics.map((t) => [t.key, t.label, t.description])).toEqual([
      ["fragen", { de: "Allgemeine Fragen", en: "General questions" }, { de: "Wir helfen weiter.", en: "We help." }],
      ["firmen", { de: "Beratung für Unternehmen" }, { de: "Für Betriebe „im Stadtteil“ – mit 'Zitat'." }],
      ["leer", { de: "Ohne Beschreibung", en: "No description" }, { de: "" }],
    ]);
    expect(location.extraHours.map((e) => [e.day, e.note])).toEqual([
      ["2026-12-05", { de: "Samstagssprechstunde", en: "Saturday hours" }],
      ["2026-12-12", { de: "" }],
    ]);
    const slots = SlotsResponse.parse(await (await app.request("/api/slots?from=2026-12-07&to=2026-12-14", {}, { ...env, DEFAULT_LOCATION: "alt" })).json());
    expect(slots.days.filter((d) => d.status === "closure").map((d) => [d.date, d.reason])).toEqual([
      ["2026-12-07", { de: "Fortbildung", en: "Training" }],
      ["2026-12-14", { de: "Betriebsausflug" }],
    ]);
  });
});
