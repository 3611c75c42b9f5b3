/*
 * The words around every resident page (booking, manage, status, kiosk): the skip link, the language
 * menu, the footer's contact, hours and extra opening days, "a new appointment" where the booking page
 * does not book. German, einfache Sprache: the source every translation is typed by.
 */
export const audience = "residents";

export default {
  skipToContent: "Zum Inhalt springen",
  /** The language menu's button and list: the button shows this word and the current language's name. */
  languageMenu: "Sprache",
  languageListLabel: "Sprache wählen",
  languageFailed: "Diese Sprache lädt gerade nicht. Bitte versuchen Sie es noch einmal.",
  contactHeading: "Kontakt",
  phone: "Telefon:",
  email: "E-Mail:",
  hoursHeading: "Öffnungszeiten",
  otherwiseByArrangement: "Sonst nach Vereinbarung.",
  extraHoursHeading: "Sondertermine",
  extraHoursHint: "An diesen Tagen haben wir extra offen. Sie können dafür einen Termin buchen.",
  legalNav: "Rechtliches",
  /** Where the booking page does not book for the office: a new appointment by phone or mail. */
  rebookByPhone: "Sie möchten einen neuen Termin? Rufen Sie uns an:",
  rebookByMail: "Sie möchten einen neuen Termin? Schreiben Sie uns:",
  /** `rebookByMail` after the phone line. */
  rebookByMailAlso: "Oder schreiben Sie uns:",
} as const;
