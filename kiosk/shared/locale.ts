/*
 * The chosen language, shared by every page: the switch, and the document's `lang` and title kept in
 * step with it. No words here: each catalog (./i18n.ts, ./i18n-frame.ts, a surface's strings.ts) follows
 * `locale` on its own, so a page loads only the catalogs it shows.
 */
import { effect, signal } from "@preact/signals";
import { LOCALE_STORAGE_KEY } from "../../common/limits";
import type { Bilingual, Locale } from "../../schemas/common";

const LOCALE_KEY = LOCALE_STORAGE_KEY;

export const locale = signal<Locale>(savedLocale());

/** The text of a bilingual API field in `locale`. */
export function pick(text: Bilingual, locale: Locale): string {
  return text[locale] || text.de;
}

/** Switches between German and English and remembers the choice on this device. */
export function toggleLocale(): void {
  locale.value = locale.value === "de" ? "en" : "de";
  try {
    localStorage.setItem(LOCALE_KEY, locale.value);
  } catch {
    // Storage may be off (private mode, blocked): the switch still works for this visit.
  }
}

/** Keeps `<html lang>` and the document title (from `title()`, read inside an effect) up to date. */
export function syncDocument(title: () => string): void {
  effect(() => {
    document.documentElement.lang = locale.value;
    document.title = title();
  });
}

/**
 * Speaks `wanted` (a booking's own language) unless this device has a saved choice, which wins. Writes
 * nothing: the page follows the booking, the device's choice stays the resident's own.
 */
export function preferLocale(wanted: Locale): void {
  if (storedLocale() === null) locale.value = wanted;
}

function savedLocale(): Locale {
  return storedLocale() ?? "de";
}

function storedLocale(): Locale | null {
  try {
    const saved = localStorage.getItem(LOCALE_KEY);
    return saved === "en" || saved === "de" ? saved : null;
  } catch {
    return null;
  }
}
