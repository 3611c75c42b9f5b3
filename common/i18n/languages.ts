/*
 * The languages sprechstunde speaks. Residents' surfaces (booking, manage, request, status, kiosk, their
 * mails and the legal pages' plain-language parts) offer all six; the staff board and administration
 * German and English. German is the default and the source every other catalog is typed by.
 */

export interface Language {
  /** BCP 47 primary tag, as stored with a booking or ticket and written to `<html lang>`. */
  readonly code: string;
  /** The language's name in itself, in its own script: what the menu shows (never a flag). */
  readonly name: string;
  readonly dir: "ltr" | "rtl";
  /**
   * The Intl locale for dates, times and numbers. Arabic uses Latin digits ("nu-latn") so a time or a
   * number reads the same as on the call display, in the mail and on the printed ticket.
   */
  readonly intl: string;
}

export const LANGUAGES = {
  de: { code: "de", name: "Deutsch", dir: "ltr", intl: "de-DE" },
  en: { code: "en", name: "English", dir: "ltr", intl: "en-GB" },
  tr: { code: "tr", name: "Türkçe", dir: "ltr", intl: "tr-TR" },
  ru: { code: "ru", name: "Русский", dir: "ltr", intl: "ru-RU" },
  uk: { code: "uk", name: "Українська", dir: "ltr", intl: "uk-UA" },
  ar: { code: "ar", name: "العربية", dir: "rtl", intl: "ar-u-nu-latn" },
} as const satisfies Record<string, Language>;

/** Every language a resident can choose, in the order the menus show them. */
export const RESIDENT_LOCALES = ["de", "en", "tr", "ru", "uk", "ar"] as const;
/** The staff board's and administration's languages. */
export const STAFF_LOCALES = ["de", "en"] as const;

export type Locale = (typeof RESIDENT_LOCALES)[number];
export type StaffLocale = (typeof STAFF_LOCALES)[number];

export const DEFAULT_LOCALE = "de" satisfies Locale;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (RESIDENT_LOCALES as readonly string[]).includes(value);
}

/**
 * The language tags of an HTTP `Accept-Language` header, most wanted first, as `negotiate` takes them:
 * "en;q=0.5, tr-TR, tr;q=0.9" → ["tr-TR", "tr", "en"]. A tag with q=0 (not wanted) or a weight that is
 * no number is left out.
 */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";").map((p) => p.trim());
      const q = params.find((p) => p.startsWith("q="));
      return { tag, weight: q === undefined ? 1 : Number(q.slice(2)), index };
    })
    .filter((x) => x.tag !== "" && x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((x) => x.tag);
}

/**
 * The first of `preferred` (e.g. `navigator.languages`: "tr-TR", "en-US", "de") whose primary subtag is
 * `offered`, else German.
 */
export function negotiate<L extends Locale>(preferred: readonly string[], offered: readonly L[]): L | "de" {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    const hit = offered.find((code) => code === primary);
    if (hit) return hit;
  }
  return DEFAULT_LOCALE;
}

/** The Intl locale of `locale` (dates, times, numbers, plural rules). */
export function intlLocale(locale: Locale): string {
  return LANGUAGES[locale].intl;
}

export function direction(locale: Locale): "ltr" | "rtl" {
  return LANGUAGES[locale].dir;
}
