/*
 * The chosen language, shared by every page: the strings in it, the switch, and the document's
 * `lang` and title kept in step with it.
 */
import { computed, effect, signal } from "@preact/signals";
import { LOCALE_STORAGE_KEY } from "../../common/limits";
import type { Locale } from "../../schemas/common";
import { strings } from "./i18n";

const LOCALE_KEY = LOCALE_STORAGE_KEY;

export const locale = signal<Locale>(savedLocale());
/** The UI strings in the chosen language. */
export const t = computed(() => strings[locale.value]);

/** Switches between German and English and remembers the choice on this device. */
export function toggleLocale(): void {
  locale.value = t.value.otherLocale;
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
