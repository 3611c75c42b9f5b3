/*
 * The office's own texts in the residents' languages (topic names and descriptions, closure reasons, the
 * notes of extra hours): German always, every other language only where the office wrote it. Stored as
 * one JSON object per text (schemas/migrations/0010_office_texts.sql), validated by schemas/common.ts
 * `Texts`, shown by pages through kiosk/shared/Localized.tsx (German marked `lang="de"` where missing).
 */
import { RESIDENT_LOCALES, type Locale } from "./i18n/languages";

/** A text in German and, where written, the other resident languages. */
export type OfficeTexts = { de: string } & { [L in Exclude<Locale, "de">]?: string };

/** The languages of a text besides German, in the menus' order. */
export const TRANSLATED_LOCALES = RESIDENT_LOCALES.filter((l): l is Exclude<Locale, "de"> => l !== "de");

/** `texts` in `locale`, or null where that language is missing (or empty). */
export function textIn(texts: OfficeTexts, locale: Locale): string | null {
  const value = texts[locale];
  return value ? value : null;
}

/** `texts` in `locale`, else German: for the staff board and mails (pages mark the German, Localized.tsx). */
export function textOr(texts: OfficeTexts, locale: Locale): string {
  return textIn(texts, locale) ?? texts.de;
}

/** A text as it is stored: German and every translation that is not blank, nothing else. */
export function compactTexts(texts: OfficeTexts): OfficeTexts {
  const out: OfficeTexts = { de: texts.de };
  for (const l of TRANSLATED_LOCALES) {
    const value = texts[l];
    if (value && value.trim() !== "") out[l] = value;
  }
  return out;
}
