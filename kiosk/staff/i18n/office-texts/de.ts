/*
 * The administration's words for the office's texts in more languages (topics, closures, extra hours):
 * the disclosure with the four optional languages beside German and English (kiosk/staff/admin/
 * MoreLanguages.tsx). Staff catalog: German and English.
 */
export const audience = "staff";

export default {
  moreLanguages: "Weitere Sprachen (freiwillig)",
  moreLanguagesHint: "Für Menschen, die Türkisch, Russisch, Ukrainisch oder Arabisch lesen. Leer lassen: Dann steht dort der deutsche Text.",
  /** "{field}": the field's own name, e.g. "Grund"; "{language}": the language's name in its own script. */
  fieldIn: "{field} auf {language}",
  fields: {
    reason: "Grund",
    note: "Hinweis",
    label: "Name",
    description: "Beschreibung",
  },
  /** After a topic's or closure's text in the lists: which languages it is written in besides German. */
  alsoIn: "Auch auf: {languages}",
} as const;
