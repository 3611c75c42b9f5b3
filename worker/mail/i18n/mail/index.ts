import { bind, type Bound } from "../../../../common/i18n/messages";
import type { Locale } from "../../../../common/i18n/languages";
import de from "./de";
import en from "./en";
import tr from "./tr";
import ru from "./ru";
import uk from "./uk";
import ar from "./ar";

/* The Worker sends every language, so all six catalogs are imported; each mail binds the one it needs. */

export type MailTexts = Bound<typeof de>;

const CATALOGS = { de, en, tr, ru, uk, ar } as const;

/** The mail catalog bound to `locale` (plurals and numbers by Intl in that language). */
export function mailTexts(locale: Locale): MailTexts {
  return bind(de, CATALOGS[locale] ?? de, locale);
}
