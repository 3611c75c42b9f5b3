/*
 * The admin forms' fields for the office's texts in the four resident languages beyond German and
 * English (MoreLanguages.tsx shows them): a draft holds them flat, `reasonTr`, `labelAr`, …, as the
 * closures' and extra hours' API takes them; topics send them inside `label` and `description`.
 */
import { TRANSLATED_LOCALES, type OfficeTexts } from "../../../common/texts";

/** The languages of the disclosure: the residents' besides German and English. */
export const MORE_LOCALES = TRANSLATED_LOCALES.filter((l) => l !== "en");
export type MoreLocale = (typeof MORE_LOCALES)[number];

/** "Tr", "Ru", …: the suffix of a draft's field (`reasonTr`) and of a flat API field. */
export const suffixOf = (l: MoreLocale) => `${l[0]!.toUpperCase()}${l.slice(1)}` as Capitalize<MoreLocale>;

type MoreTexts<P extends string> = Record<`${P}${Capitalize<MoreLocale>}`, string>;

/** A draft's fields `labelTr`, `labelRu`, … of a stored text (empty where the language is missing). */
export function moreTexts<P extends string>(prefix: P, texts: OfficeTexts): MoreTexts<P> {
  return Object.fromEntries(MORE_LOCALES.map((l) => [`${prefix}${suffixOf(l)}`, texts[l] ?? ""])) as MoreTexts<P>;
}

/** `{ tr: …, ar: … }`: the languages of a draft's fields `<prefix>Tr`, … that are filled in, trimmed. */
export function givenTexts(d: object, prefix: string): Partial<Record<MoreLocale, string>> {
  const fields = d as Record<string, unknown>;
  const out: Partial<Record<MoreLocale, string>> = {};
  for (const l of MORE_LOCALES) {
    const value = fields[`${prefix}${suffixOf(l)}`];
    if (typeof value === "string" && value.trim() !== "") out[l] = value.trim();
  }
  return out;
}
