/*
 * The chosen language, shared by every page: which one a visit starts in, the switch, the catalogs that
 * follow it, and the document's `lang`, `dir` and title kept in step with it.
 *
 * A page's words come from catalogs (`defineCatalog`): German is bundled with the page, every other
 * language is a chunk of its own fetched when chosen (common/i18n/messages.ts for the catalog format).
 * `setLocale` fetches every catalog the page has defined for the new language first and only then
 * switches, so a page never shows two languages at once, and `lang`/`dir` always match its words.
 *
 * Which language a visit starts in: the address's `?lang=xx` (a link from a page in that language, the
 * kiosk ticket's QR code; not saved), else the device's saved choice, else the booking's or ticket's own
 * (`preferLocale`), else the browser's preferred languages (`navigator.languages`), else German.
 */
import { computed, effect, signal, type ReadonlySignal } from "@preact/signals";
import { LOCALE_STORAGE_KEY } from "../../common/limits";
import { direction, isLocale, negotiate, RESIDENT_LOCALES, type Locale } from "../../common/i18n/languages";
import { bind, type Bound, type CatalogShape, type Translation } from "../../common/i18n/messages";
import { textOr, type OfficeTexts } from "../../common/texts";
import { once } from "./load-once";

export const locale = signal<Locale>("de");

/** The languages this page offers (residents' pages all six, the staff board German and English). */
let offered: readonly Locale[] = RESIDENT_LOCALES;
/** Whether a choice is saved on the device (not on the kiosk, which returns to German by itself). */
let remembers = true;

type Loaders<T> = { readonly [L in Exclude<Locale, "de">]?: () => Promise<{ default: Translation<T> }> };

interface Registered {
  load(locale: Locale): Promise<void>;
}
const registered = new Set<Registered>();

/**
 * A catalog of this page: German bound at once, other languages fetched (one chunk each, once) when the
 * page switches to them. Call at module level; a part loaded later (a lazy chunk) that defines its own
 * catalog gets it for the current language before it shows (see `catalogsReady`).
 */
export function defineCatalog<T extends CatalogShape>(german: T, loaders: Loaders<T>): ReadonlySignal<Bound<T>> {
  const bound = signal<Partial<Record<Locale, Bound<T>>>>({ de: bind(german, german, "de") });
  const fetchers = new Map<Locale, () => Promise<void>>();
  const entry: Registered = {
    load(wanted) {
      if (bound.peek()[wanted]) return Promise.resolve();
      const loader = loaders[wanted as Exclude<Locale, "de">];
      if (!loader) return Promise.resolve(); // a language this catalog does not have: German stands in
      let fetch = fetchers.get(wanted);
      if (!fetch) {
        fetch = once(() =>
          loader().then((module) => {
            bound.value = { ...bound.peek(), [wanted]: bind(german, module.default, wanted) };
          }),
        );
        fetchers.set(wanted, fetch);
      }
      return fetch();
    },
  };
  registered.add(entry);
  if (locale.peek() !== "de") void entry.load(locale.peek()).catch(() => undefined);
  return computed(() => bound.value[locale.value] ?? bound.value.de!);
}

/** Resolves when every catalog defined so far has the current language (German, where one failed). */
export function catalogsReady(): Promise<void> {
  const wanted = locale.peek();
  return Promise.allSettled([...registered].map((entry) => entry.load(wanted))).then(() => undefined);
}

/** The language an address asks for (`?lang=tr`), if it is one of the six. */
export function langParam(search: string): Locale | null {
  const wanted = new URLSearchParams(search).get("lang");
  return isLocale(wanted) ? wanted : null;
}

/** `?lang=` of this page's address, if the page offers that language. */
export function addressLocale(): Locale | null {
  const wanted = langParam(location.search);
  return wanted !== null && offered.includes(wanted) ? wanted : null;
}

/**
 * Decides the language a visit starts in and fetches its catalogs; render after it resolves. `offered`
 * limits the choice (the staff board: German and English); `remember: false` (the kiosk) neither reads
 * nor writes the device's choice, ignores the address and starts in German.
 */
export async function startLocale(options: { offered?: readonly Locale[]; remember?: boolean } = {}): Promise<void> {
  offered = options.offered ?? RESIDENT_LOCALES;
  remembers = options.remember ?? true;
  const first = remembers ? (addressLocale() ?? storedLocale() ?? negotiate(navigator.languages ?? [], offered)) : "de";
  await setLocale(first, { save: false }).catch(() => setLocale("de", { save: false }));
}

/**
 * Switches the page to `next` once its catalogs are here; rejects (and stays in the current language)
 * when one cannot be fetched. `save` remembers the choice on this device (default: where the page does).
 */
export async function setLocale(next: Locale, options: { save?: boolean } = {}): Promise<void> {
  if (!offered.includes(next)) next = "de";
  // A lazy part may define its catalog while these load (still in the old language): it is fetched too,
  // or it would stay in the old language after the switch.
  const asked = new Set<Registered>();
  for (let pending = [...registered]; pending.length > 0; pending = [...registered].filter((entry) => !asked.has(entry))) {
    pending.forEach((entry) => asked.add(entry));
    const results = await Promise.allSettled(pending.map((entry) => entry.load(next)));
    const failed = results.find((r) => r.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }
  locale.value = next;
  if ((options.save ?? true) && remembers) {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Storage may be off (private mode, blocked): the switch still works for this visit.
    }
    // The address's `?lang=` would win over this choice on a reload: the resident has chosen now.
    if (addressLocale() !== null) {
      const url = new URL(location.href);
      url.searchParams.delete("lang");
      history.replaceState(history.state, "", url);
    }
  }
}

/**
 * Speaks `wanted` (a booking's or ticket's own language) unless the address names a language or this
 * device has a saved choice, which win. Saves nothing: the page follows the booking, the device's choice
 * stays the resident's own.
 */
export function preferLocale(wanted: Locale): Promise<void> {
  if (remembers && (addressLocale() !== null || storedLocale() !== null)) return Promise.resolve();
  return setLocale(wanted, { save: false }).catch(() => undefined);
}

/** The languages this page offers, for its language menu. */
export function offeredLocales(): readonly Locale[] {
  return offered;
}

/** Keeps `<html lang>`, `<html dir>` and the document title (from `title()`, read inside an effect) up to date. */
export function syncDocument(title: () => string): void {
  effect(() => {
    document.documentElement.lang = locale.value;
    document.documentElement.dir = direction(locale.value);
    document.title = title();
  });
}

/**
 * An office text (common/texts.ts) in `locale`, else German, as plain text: for the staff board, which
 * speaks German and English. Residents' pages use Localized.tsx, which marks the German as such.
 */
export function pick(text: OfficeTexts, locale: Locale): string {
  return textOr(text, locale);
}

function storedLocale(): Locale | null {
  try {
    const saved = localStorage.getItem(LOCALE_STORAGE_KEY);
    return saved !== null && offered.includes(saved as Locale) ? (saved as Locale) : null;
  } catch {
    return null;
  }
}
