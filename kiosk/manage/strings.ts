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
  proposalsHeading: (n: number): string => (n === 1 ? "Wir schlagen Ihnen eine Zeit vor" : "Wir schlagen Ihnen Zeiten vor"),
  proposalsDeadline: (when: string) => `Bitte antworten Sie bis ${when}. So lange halten wir die Zeiten für Sie frei.`,
  proposalsLegend: "Welche Zeit passt Ihnen?",
  proposalsNone: "Keine Zeit passt mir",
  proposalsChooseFirst: "Bitte wählen Sie eine Zeit oder „Keine Zeit passt mir“.",
  proposalsConfirm: "Termin bestätigen",
  proposalsSendNone: "Antwort senden",
  proposalsExplain: "Erst wenn Sie auf „Termin bestätigen“ klicken, ist der Termin gebucht. Sie bekommen dann eine E-Mail.",
  /** The last round ended without a time chosen (or the page was opened from an older mail). */
  proposalsEnded: {
    declined: "Sie haben geantwortet: Keine Zeit passt. Wir melden uns bei Ihnen mit neuen Vorschlägen.",
    expired: "Die Zeit zum Antworten ist vorbei. Wir melden uns bei Ihnen. Oder rufen Sie uns an.",
    withdrawn: "Diese Vorschläge gelten nicht mehr. Wir melden uns bei Ihnen.",
  },
  accepted: "Ihr Termin ist gebucht. Sie bekommen gleich eine E-Mail mit der Bestätigung.",
  declinedProposals: "Danke für Ihre Antwort. Wir melden uns bei Ihnen mit neuen Vorschlägen.",
  proposalExpired: "Die Zeit zum Antworten ist leider vorbei. Bitte rufen Sie uns an:",
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
  proposalsHeading: (n) => (n === 1 ? "We suggest a time for you" : "We suggest times for you"),
  proposalsDeadline: (when) => `Please answer by ${when}. We keep the times free for you until then.`,
  proposalsLegend: "Which time suits you?",
  proposalsNone: "No time suits me",
  proposalsChooseFirst: "Please choose a time or “No time suits me”.",
  proposalsConfirm: "Confirm appointment",
  proposalsSendNone: "Send answer",
  proposalsExplain: "The appointment is booked only when you click “Confirm appointment”. You then get an e-mail.",
  proposalsEnded: {
    declined: "You answered: no time suits you. We will get back to you with new times.",
    expired: "The time to answer has passed. We will get back to you. Or call us.",
    withdrawn: "These times no longer apply. We will get back to you.",
  },
  accepted: "Your appointment is booked. You will get an e-mail with the confirmation shortly.",
  declinedProposals: "Thank you for your answer. We will get back to you with new times.",
  proposalExpired: "Unfortunately, the time to answer has passed. Please call us:",
};

const STRINGS: Readonly<Record<Locale, typeof de>> = { de, en };

export const pageStrings = computed(() => STRINGS[locale.value]);
