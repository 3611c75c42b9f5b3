import { RESIDENT_LOCALES, type Locale } from "../../../../common/i18n/languages";
import { bind, type Bound } from "../../../../common/i18n/messages";
import ar from "./ar";
import de from "./de";
import en from "./en";
import ru from "./ru";
import tr from "./tr";
import uk from "./uk";

export type ShellStrings = Bound<typeof de>;

const CATALOGS = { de, en, tr, ru, uk, ar } as const;

/** The words around the legal pages, bound per language once (the Worker serves all six). */
export const SHELL = Object.fromEntries(RESIDENT_LOCALES.map((l) => [l, bind(de, CATALOGS[l], l)])) as Record<Locale, ShellStrings>;
