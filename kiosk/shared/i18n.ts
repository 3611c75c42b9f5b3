/*
 * Every word the front ends show, in German ("einfache Sprache": short sentences, common words) and
 * English. Office data (topics, closure reasons) comes bilingual from the API; see `pick`.
 */
import type { Bilingual, Locale } from "../../schemas/common";

const de = {
  /** The other language, as offered on the switch (written in that language). */
  otherLocale: "en" as Locale,
  otherLocaleName: "English",
  skipToContent: "Zum Inhalt springen",
  title: "Termin buchen",
  intro: "Hier sehen Sie, wann wir Zeit für Sie haben.",

  topicQuestion: "Worum geht es?",
  topicHint: "Wählen Sie ein Thema. Dann sehen Sie die passenden Zeiten.",
  noTopic: "Ich weiß es noch nicht",
  noTopicDescription: "Kein Problem. Wir sprechen im Termin darüber.",
  minutes: (n: number) => `${n} Minuten`,
  forBusinesses: "für Unternehmen",

  slotsHeading: "Freie Termine",
  bookingSoon: "Online buchen geht bald. Bis dahin rufen Sie uns bitte an:",
  byArrangement: "Außerhalb der Öffnungszeiten gibt es Termine nach Vereinbarung.",
  openLabel: "Offen:",
  otherwiseByArrangement: "Sonst nach Vereinbarung.",
  loading: "Die freien Termine werden geladen …",
  failed: "Das hat nicht geklappt. Bitte laden Sie die Seite neu oder rufen Sie uns an:",
  retry: "Noch einmal versuchen",
  showing: (topic: string, minutes: number) => `Freie Zeiten für: ${topic} (${minutes} Minuten).`,
  anyTopic: "alle Themen",
  noDays: "In den nächsten Wochen ist leider kein Termin frei. Bitte rufen Sie uns an.",
  fullyBooked: "Ausgebucht",
  holiday: (reason: string) => (reason ? `Feiertag: ${reason}` : "Feiertag"),
  closure: (reason: string) => (reason ? `Geschlossen: ${reason}` : "Geschlossen"),
  /** After a time, in the text that screen readers read: "13:00 Uhr". */
  timeSuffix: " Uhr",

  contactHeading: "Kontakt",
  phone: "Telefon:",
  email: "E-Mail:",
  hoursHeading: "Öffnungszeiten",
};

export type Strings = typeof de;

const en: Strings = {
  otherLocale: "de",
  otherLocaleName: "Deutsch",
  skipToContent: "Skip to content",
  title: "Book an appointment",
  intro: "Here you can see when we have time for you.",

  topicQuestion: "What is it about?",
  topicHint: "Choose a topic. Then you see the times that fit.",
  noTopic: "I am not sure yet",
  noTopicDescription: "No problem. We talk about it in the appointment.",
  minutes: (n) => `${n} minutes`,
  forBusinesses: "for businesses",

  slotsHeading: "Free appointments",
  bookingSoon: "Online booking is coming soon. Until then, please call us:",
  byArrangement: "Outside the opening hours, appointments are by arrangement.",
  openLabel: "Open:",
  otherwiseByArrangement: "Other times by arrangement.",
  loading: "Loading the free appointments …",
  failed: "That did not work. Please reload the page or call us:",
  retry: "Try again",
  showing: (topic, minutes) => `Free times for: ${topic} (${minutes} minutes).`,
  anyTopic: "all topics",
  noDays: "Sorry, there is no free appointment in the next weeks. Please call us.",
  fullyBooked: "Fully booked",
  holiday: (reason) => (reason ? `Public holiday: ${reason}` : "Public holiday"),
  closure: (reason) => (reason ? `Closed: ${reason}` : "Closed"),
  timeSuffix: "",

  contactHeading: "Contact",
  phone: "Phone:",
  email: "Email:",
  hoursHeading: "Opening hours",
};

export const strings: Readonly<Record<Locale, Strings>> = { de, en };

/** The text of a bilingual API field in `locale`. */
export function pick(text: Bilingual, locale: Locale): string {
  return text[locale] || text.de;
}
