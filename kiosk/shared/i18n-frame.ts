/*
 * The words around every resident page (booking, manage, status, kiosk): the skip link, the language
 * switch, the footer's contact, hours and extra opening days, "a new appointment" where the booking page
 * does not book. In German (einfache Sprache) and English. Kept apart from the booking flow's words
 * (./i18n.ts), which the status page does not need.
 */
import { computed } from "@preact/signals";
import type { Locale } from "../../schemas/common";
import { locale } from "./locale";

const de = {
  /** The other language, as offered on the switch (written in that language). */
  otherLocale: "en" as Locale,
  otherLocaleName: "English",
  skipToContent: "Zum Inhalt springen",
  contactHeading: "Kontakt",
  phone: "Telefon:",
  email: "E-Mail:",
  hoursHeading: "Öffnungszeiten",
  otherwiseByArrangement: "Sonst nach Vereinbarung.",
  extraHoursHeading: "Sondertermine",
  extraHoursHint: "An diesen Tagen haben wir extra offen. Sie können dafür einen Termin buchen.",
  legalNav: "Rechtliches",
  /** Where the booking page does not book for the office: a new appointment by phone or mail (`also`: after the phone). */
  rebookByPhone: "Sie möchten einen neuen Termin? Rufen Sie uns an:",
  rebookByMail: (also: boolean): string => (also ? "Oder schreiben Sie uns:" : "Sie möchten einen neuen Termin? Schreiben Sie uns:"),
};

export type FrameStrings = typeof de;

const en: FrameStrings = {
  otherLocale: "de",
  otherLocaleName: "Deutsch",
  skipToContent: "Skip to content",
  contactHeading: "Contact",
  phone: "Phone:",
  email: "Email:",
  hoursHeading: "Opening hours",
  otherwiseByArrangement: "Other times by arrangement.",
  extraHoursHeading: "Extra opening hours",
  extraHoursHint: "On these days we are open extra. You can book an appointment for them.",
  legalNav: "Legal",
  rebookByPhone: "Would you like a new appointment? Call us:",
  rebookByMail: (also) => (also ? "Or write to us:" : "Would you like a new appointment? Write to us:"),
};

export const frameStrings: Readonly<Record<Locale, FrameStrings>> = { de, en };

/** The frame's words in the chosen language. */
export const frame = computed(() => frameStrings[locale.value]);
