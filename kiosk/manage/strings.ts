/*
 * The manage page's own words, in German (einfache Sprache) and English: the check-in QR code and
 * "Meine Daten jetzt löschen". The rest of the page's words are shared with the booking page
 * (../shared/i18n.ts).
 */
import { computed } from "@preact/signals";
import type { Locale } from "../../schemas/common";
import { locale } from "../shared/locale";
import type { ErasedItem } from "./view";

const de = {
  /** What a screen reader says for the QR code: what it holds, letter by letter. */
  qrLabel: (code: string) => `QR-Code für die Anmeldung mit dem Code ${code.split("").join(" ")}`,
  qrHint: "Zeigen Sie diesen Code am Tablet im Eingang. Oder tippen Sie den Code dort ein.",
  eraseButton: "Meine Daten jetzt löschen",
  eraseQuestion: "Möchten Sie Ihre Daten jetzt löschen?",
  eraseWhatGoes: "Das löschen wir sofort:",
  eraseGoes: [
    "Ihren Namen, Ihre E-Mail-Adresse und Ihre Telefonnummer",
    "Ihre Nachricht an uns",
    "den Code für die Anmeldung",
    "die E-Mails, die wir Ihnen zu diesem Termin geschickt haben",
  ],
  eraseWhatStays:
    "Das bleibt, ohne Ihren Namen: Tag, Uhrzeit, Thema und ob der Termin stattgefunden hat. Das brauchen wir für unsere Statistik.",
  eraseLinkGoes: "Danach funktioniert dieser Link nicht mehr. Sie können das nicht rückgängig machen.",
  eraseYes: "Ja, jetzt löschen",
  eraseNo: "Nein, nicht löschen",
  erasing: "Ihre Daten werden gelöscht …",
  erasedHeading: "Ihre Daten sind gelöscht.",
  erasedList: "Wir haben gelöscht:",
  erased: {
    name: "Ihren Namen",
    email: "Ihre E-Mail-Adresse",
    phone: "Ihre Telefonnummer",
    note: "Ihre Nachricht",
    wish: "Ihren Wunsch",
    code: "den Code für die Anmeldung",
    mails: "die E-Mails an Sie",
    link: "diesen Link",
  } satisfies Record<ErasedItem, string>,
  erasedMailOnItsWay: "Eine Nachricht an Sie ist noch unterwegs; sie wird gelöscht, sobald sie verschickt ist.",
  erasedLinkGone: "Dieser Link funktioniert jetzt nicht mehr. Sie können diese Seite schließen.",
  /** After an answer to proposed times (the choice itself has its words in proposal-strings.ts). */
  accepted: "Ihr Termin ist gebucht. Sie bekommen gleich eine E-Mail mit der Bestätigung.",
  declinedProposals: "Danke für Ihre Antwort. Wir melden uns bei Ihnen mit neuen Vorschlägen.",
  proposalExpired: "Die Zeit zum Antworten ist leider vorbei. Bitte rufen Sie uns an:",
  proposalClosedDay: "An diesem Tag ist das Büro leider geschlossen. Bitte wählen Sie eine andere Zeit. Oder rufen Sie uns an:",
};

const en: typeof de = {
  qrLabel: (code) => `QR code to check in with the code ${code.split("").join(" ")}`,
  qrHint: "Show this code to the tablet at the entrance. Or type in the code there.",
  eraseButton: "Delete my data now",
  eraseQuestion: "Do you want to delete your data now?",
  eraseWhatGoes: "We delete this at once:",
  eraseGoes: [
    "your name, your e-mail address and your phone number",
    "your message to us",
    "the check-in code",
    "the e-mails we sent you about this appointment",
  ],
  eraseWhatStays:
    "This stays, without your name: day, time, topic and whether the appointment took place. We need it for our statistics.",
  eraseLinkGoes: "After that, this link does not work any more. You cannot undo this.",
  eraseYes: "Yes, delete now",
  eraseNo: "No, do not delete",
  erasing: "Deleting your data …",
  erasedHeading: "Your data is deleted.",
  erasedList: "We deleted:",
  erased: {
    name: "your name",
    email: "your e-mail address",
    phone: "your phone number",
    note: "your message",
    wish: "your wish",
    code: "the check-in code",
    mails: "the e-mails to you",
    link: "this link",
  },
  erasedMailOnItsWay: "A message to you is still on its way; it will be deleted as soon as it has been sent.",
  erasedLinkGone: "This link does not work any more. You can close this page.",
  accepted: "Your appointment is booked. You will get an e-mail with the confirmation shortly.",
  declinedProposals: "Thank you for your answer. We will get back to you with new times.",
  proposalExpired: "Unfortunately, the time to answer has passed. Please call us:",
  proposalClosedDay: "Sorry, the office is closed on that day. Please choose another time, or call us:",
};

const STRINGS: Readonly<Record<Locale, typeof de>> = { de, en };

export const pageStrings = computed(() => STRINGS[locale.value]);
