/*
 * The manage page's words for the check-in QR code, in German (einfache Sprache) and English. The rest
 * of the page's words are shared with the booking page (../shared/i18n.ts).
 */
import { computed } from "@preact/signals";
import type { Locale } from "../../schemas/common";
import { locale } from "../shared/locale";

const de = {
  /** What a screen reader says for the QR code: what it holds, letter by letter. */
  qrLabel: (code: string) => `QR-Code für die Anmeldung mit dem Code ${code.split("").join(" ")}`,
  qrHint: "Zeigen Sie diesen Code am Tablet im Eingang. Oder tippen Sie den Code dort ein.",
};

const en: typeof de = {
  qrLabel: (code) => `QR code to check in with the code ${code.split("").join(" ")}`,
  qrHint: "Show this code to the tablet at the entrance. Or type in the code there.",
};

const STRINGS: Readonly<Record<Locale, typeof de>> = { de, en };

export const qrStrings = computed(() => STRINGS[locale.value]);
