import { RESIDENT_LOCALES, type Locale } from "../../../i18n/languages";
import { bind, type Bound } from "../../../i18n/messages";
import ar from "./ar";
import de from "./de";
import en from "./en";
import ru from "./ru";
import tr from "./tr";
import uk from "./uk";

/*
 * Imported by the page modules (common/legal/*.ts), which only the Worker loads: the front ends take the
 * documents as JSON from /api/legal/:page, so these six catalogs never reach a page's bundle.
 */

export type LegalTexts = Bound<typeof de>;

const CATALOGS = { de, en, tr, ru, uk, ar } as const;

const bound = new Map<Locale, LegalTexts>();

/** The legal pages' plain-language words in `lang`. */
export function legalTexts(lang: Locale): LegalTexts {
  let t = bound.get(lang);
  if (!t) bound.set(lang, (t = bind(de, CATALOGS[lang] ?? de, RESIDENT_LOCALES.includes(lang) ? lang : "de")));
  return t;
}
