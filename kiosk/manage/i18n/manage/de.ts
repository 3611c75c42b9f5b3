/*
 * The manage page's own words: the check-in QR code, "Meine Daten jetzt löschen" and the answers to
 * proposed times. German, einfache Sprache: the source every translation is typed by. The rest of the
 * page's words are shared with the booking page (../../../shared/i18n.ts).
 */
export const audience = "residents";

export default {
  /** What a screen reader says for the QR code: `code` is the code letter by letter ("K 7 M 2"). */
  qrLabel: "QR-Code für die Anmeldung mit dem Code {code}",
  qrHint: "Zeigen Sie diesen Code am Tablet im Eingang. Oder tippen Sie den Code dort ein.",
  eraseButton: "Meine Daten jetzt löschen",
  eraseQuestion: "Möchten Sie Ihre Daten jetzt löschen?",
  eraseWhatGoes: "Das löschen wir sofort:",
  /** The list under `eraseWhatGoes`, in this order. */
  eraseGoes: {
    contact: "Ihren Namen, Ihre E-Mail-Adresse und Ihre Telefonnummer",
    note: "Ihre Nachricht an uns",
    code: "den Code für die Anmeldung",
    mails: "die E-Mails, die wir Ihnen zu diesem Termin geschickt haben",
  },
  eraseWhatStays:
    "Das bleibt, ohne Ihren Namen: Tag, Uhrzeit, Thema und ob der Termin stattgefunden hat. Das brauchen wir für unsere Statistik.",
  eraseLinkGoes: "Danach funktioniert dieser Link nicht mehr. Sie können das nicht rückgängig machen.",
  eraseYes: "Ja, jetzt löschen",
  eraseNo: "Nein, nicht löschen",
  erasing: "Ihre Daten werden gelöscht …",
  erasedHeading: "Ihre Daten sind gelöscht.",
  erasedList: "Wir haben gelöscht:",
  /** One line per item that went (kiosk/manage/view.ts `ErasedItem`). */
  erased: {
    name: "Ihren Namen",
    email: "Ihre E-Mail-Adresse",
    phone: "Ihre Telefonnummer",
    note: "Ihre Nachricht",
    wish: "Ihren Wunsch",
    code: "den Code für die Anmeldung",
    mails: "die E-Mails an Sie",
    link: "diesen Link",
  },
  erasedMailOnItsWay: "Eine Nachricht an Sie ist noch unterwegs. Sie wird gelöscht, sobald sie verschickt ist.",
  erasedLinkGone: "Dieser Link funktioniert jetzt nicht mehr. Sie können diese Seite schließen.",
  /** After an answer to proposed times (the choice itself has its words in ../proposals). */
  accepted: "Ihr Termin ist gebucht. Sie bekommen gleich eine E-Mail mit der Bestätigung.",
  declinedProposals: "Danke für Ihre Antwort. Wir melden uns bei Ihnen mit neuen Vorschlägen.",
  /** Followed by the office's phone number. */
  proposalExpired: "Die Zeit zum Antworten ist leider vorbei. Bitte rufen Sie uns an:",
  /** Followed by the office's phone number. */
  proposalClosedDay: "An diesem Tag ist das Büro leider geschlossen. Bitte wählen Sie eine andere Zeit. Oder rufen Sie uns an:",
} as const;
