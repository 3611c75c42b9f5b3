/*
 * What `npm run i18n:check` (scripts/i18n-check.ts) and tests/i18n/catalogs.test.ts find in a
 * translation, compared with its German source: keys missing or extra, placeholders that differ, plural
 * forms the language needs but lacks, and strings left identical to German (listed, never a failure:
 * "OK" or an e-mail address may rightly stay). Pure: the catalogs come in as data.
 */
import { intlLocale, type Locale } from "./languages";
import { placeholdersOf, PLURAL_CATEGORIES, type CatalogShape, type PluralForms } from "./messages";

export interface Problem {
  readonly kind: "missing" | "extra" | "placeholders" | "plural" | "identical";
  /** Dotted path of the message, e.g. `fieldErrors.nameMissing` or `ahead.few`. */
  readonly key: string;
  readonly detail: string;
}

/** Problems that fail the check; "identical" is only listed. */
export const FAILING: ReadonlySet<Problem["kind"]> = new Set(["missing", "extra", "placeholders", "plural"]);

/** Who produced a translation and whether a native speaker has reviewed it: each catalog file says. */
export interface CatalogMeta {
  readonly producedBy: string;
  /** `null` until a native speaker has reviewed the file; then who and when ("2027-01-10, Name"). */
  readonly nativeReview: string | null;
}

function isPluralForms(value: object): value is PluralForms {
  return "other" in value && Object.keys(value).every((k) => (PLURAL_CATEGORIES as readonly string[]).includes(k));
}

export function compareCatalog(german: CatalogShape, translation: unknown, locale: Locale): Problem[] {
  const problems: Problem[] = [];
  const categories = new Intl.PluralRules(intlLocale(locale)).resolvedOptions().pluralCategories as string[];
  const walk = (source: unknown, target: unknown, path: string) => {
    if (target === undefined) {
      problems.push({ kind: "missing", key: path, detail: "not translated" });
      return;
    }
    if (typeof source === "string") {
      if (typeof target !== "string") {
        problems.push({ kind: "missing", key: path, detail: "expected a string" });
        return;
      }
      const want = placeholdersOf(source).join(",");
      const got = placeholdersOf(target).join(",");
      if (want !== got) problems.push({ kind: "placeholders", key: path, detail: `German {${want}}, here {${got}}` });
      if (locale !== "de" && target === source && /\p{L}{2}/u.test(source)) {
        problems.push({ kind: "identical", key: path, detail: source });
      }
      return;
    }
    if (typeof target !== "object" || target === null) {
      problems.push({ kind: "missing", key: path, detail: "expected a group or plural forms" });
      return;
    }
    const src = source as Record<string, unknown>;
    const tgt = target as Record<string, unknown>;
    if (isPluralForms(src)) {
      const want = placeholdersOf(Object.values(src).join(" ")).filter((p) => p !== "count").join(",");
      for (const category of categories) {
        const form = tgt[category];
        if (typeof form !== "string") {
          problems.push({ kind: "plural", key: `${path}.${category}`, detail: `${locale} needs the form "${category}"` });
          continue;
        }
        const got = placeholdersOf(form).filter((p) => p !== "count").join(",");
        if (want !== got) problems.push({ kind: "placeholders", key: `${path}.${category}`, detail: `German {${want}}, here {${got}}` });
      }
      for (const key of Object.keys(tgt)) {
        if (!categories.includes(key)) problems.push({ kind: "extra", key: `${path}.${key}`, detail: `${locale} has no plural form "${key}"` });
      }
      return;
    }
    for (const key of Object.keys(src)) walk(src[key], tgt[key], path ? `${path}.${key}` : key);
    for (const key of Object.keys(tgt)) {
      if (!(key in src)) problems.push({ kind: "extra", key: path ? `${path}.${key}` : key, detail: "not in German" });
    }
  };
  walk(german, translation, "");
  return problems;
}
