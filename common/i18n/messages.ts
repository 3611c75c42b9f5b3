/*
 * Catalogs and how a page reads them. A catalog is plain data, one file per language and surface area
 * (`…/i18n/de.ts`, `en.ts`, …): nested groups of messages, each message a string with named
 * placeholders ("Schritt {n} von {total}") or plural forms keyed by Intl.PluralRules categories
 * ({ one: "1 Person vor Ihnen", other: "{count} Personen vor Ihnen" }, `{count}` the number).
 *
 * The German file is the source (`as const`, so its placeholders are types); every other language is a
 * `Translation<typeof de>`: a missing or extra key is a type error. `bind` turns a catalog into what
 * components call: `t.stepOf({ n: 2, total: 5 })`, `t.ahead(3)`, `t.title`. `npm run i18n:check`
 * compares placeholders and plural categories per language (scripts/i18n-check.ts).
 *
 * No library: Intl.PluralRules and Intl.NumberFormat do the language work; the rest is these lines.
 */
import { intlLocale, type Locale } from "./languages";

/** The forms of one plural message. German needs `one` and `other`; Arabic all six; `other` always. */
export interface PluralForms {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

export const PLURAL_CATEGORIES = ["zero", "one", "two", "few", "many", "other"] as const;

/** What a catalog holds: messages, plural forms and groups of them. A group never has a key `other`. */
export interface CatalogShape {
  readonly [key: string]: string | PluralForms | CatalogShape;
}

/** The shape a translation of the German catalog `T` must have: the same keys, any strings. */
export type Translation<T> = T extends string
  ? string
  : T extends PluralForms
    ? PluralForms
    : { readonly [K in keyof T]: Translation<T[K]> };

/** The placeholder names in a message type: "Schritt {n} von {total}" → "n" | "total". */
export type Placeholders<S> = S extends `${infer _Before}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

type Values<S> = { readonly [K in Placeholders<S>]: string | number };
type PluralValues<T extends PluralForms> = Values<Exclude<T[keyof T], undefined>> extends infer V
  ? Omit<V, "count">
  : never;

/** A bound message: a string, a function of its placeholders, or of a count (plural). */
export type Bound<T> = T extends string
  ? [Placeholders<T>] extends [never]
    ? string
    : (values: Values<T>) => string
  : T extends PluralForms
    ? keyof PluralValues<T> extends never
      ? (count: number) => string
      : (count: number, values: PluralValues<T>) => string
    : { readonly [K in keyof T]: Bound<T[K]> };

const PLACEHOLDER = /\{(\w+)\}/g;

function isPlural(value: object): value is PluralForms {
  return "other" in value && Object.keys(value).every((k) => (PLURAL_CATEGORIES as readonly string[]).includes(k));
}

/** The placeholder names in a message, sorted: what scripts/i18n-check.ts compares across languages. */
export function placeholdersOf(message: string): string[] {
  return [...new Set([...message.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/**
 * `catalog` (a translation, or German itself) bound to `locale`; a key the translation lacks (only
 * possible if the types were bypassed) falls back to German's.
 */
export function bind<T extends CatalogShape>(german: T, catalog: Translation<NoInfer<T>> | NoInfer<T>, locale: Locale): Bound<T> {
  const intl = intlLocale(locale);
  const numbers = new Intl.NumberFormat(intl);
  const plurals = new Intl.PluralRules(intl);
  const fill = (message: string, values: Readonly<Record<string, string | number>>): string =>
    message.replace(PLACEHOLDER, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return typeof value === "number" ? numbers.format(value) : value;
    });
  const walk = (source: unknown, target: unknown): unknown => {
    if (typeof source === "string") {
      const message = typeof target === "string" ? target : source;
      return placeholdersOf(message).length === 0 ? message : (values: Record<string, string | number>) => fill(message, values);
    }
    const src = source as Record<string, unknown>;
    const tgt = (target && typeof target === "object" ? target : source) as Record<string, unknown>;
    if (isPlural(src)) {
      const forms = tgt as unknown as PluralForms;
      return (count: number, values: Record<string, string | number> = {}) =>
        fill(forms[plurals.select(count)] ?? forms.other, { ...values, count });
    }
    return Object.fromEntries(Object.keys(src).map((key) => [key, walk(src[key], tgt[key])]));
  };
  return walk(german, catalog) as Bound<T>;
}

/** A date or time in `locale`'s own words and digits (Arabic with Latin digits, see ./languages.ts). */
export function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(intlLocale(locale), options);
}
