/*
 * The words around the legal pages (worker/legal/render.ts): the page shell, the language list, the
 * accessibility feedback form and its answers. German, einfache Sprache: the source every translation
 * is typed by.
 */
export const audience = "residents";

export default {
  skip: "Zum Inhalt springen",
  /** The list of the pages' languages in the masthead. */
  languages: "Sprache",
  navLabel: "Rechtliches",
  errorPrefix: "Fehler: ",
  booking: "Termin buchen",
  notFoundTitle: "Diese Seite gibt es nicht",
  notFoundText: "Dieses Büro kennen wir nicht. Bitte prüfen Sie den Link.",
  form: {
    heading: "Rückmeldung schreiben",
    message: "Ihre Nachricht",
    messageHint: "Was ist nicht barrierefrei? Wo haben Sie es gefunden?",
    name: "Ihr Name (freiwillig)",
    contact: "E-Mail-Adresse oder Telefonnummer (freiwillig)",
    contactHint: "Nur wenn Sie eine Antwort möchten.",
    privacy:
      "Wofür: Das Büro soll erfahren, was nicht barrierefrei ist, und Ihnen antworten können. Was wir speichern: Ihre Nachricht und, wenn Sie sie angeben, Ihren Namen und Ihren Kontakt. Wohin: Alles kommt als E-Mail beim Büro an. Wie lange: Die Kopie hier löschen wir {days} Tage nach dem Versand. Die E-Mail im Postfach des Büros behandelt das Büro wie andere Post. Mehr dazu:",
    privacyLink: "Datenschutzerklärung",
    submit: "Nachricht senden",
    problem: "Bitte prüfen Sie Ihre Angaben:",
    errors: {
      required: "Bitte schreiben Sie eine Nachricht.",
      tooLong: "Das ist zu lang. Höchstens {max} Zeichen.",
      invalid: "Hier sind Zeichen, die wir nicht annehmen. Bitte schreiben Sie nur Text.",
      unknown: "Das Formular hat ein Feld, das wir nicht kennen. Bitte laden Sie die Seite neu.",
      rateLimited: "Zu viele Versuche in kurzer Zeit. Bitte warten Sie ein paar Minuten. Dann senden Sie noch einmal.",
      unreadable: "Ihre Nachricht ist nicht richtig bei uns angekommen. Bitte schreiben Sie sie noch einmal und senden Sie sie.",
      foreignOrigin: "Wir nehmen Nachrichten nur von dieser Seite an. Bitte schreiben Sie Ihre Nachricht hier und senden Sie sie.",
    },
    unavailable: "Für dieses Büro ist das Formular nicht eingerichtet. Bitte rufen Sie an oder schreiben Sie uns.",
  },
  thanksTitle: "Danke für Ihre Nachricht",
  thanksText: "Ihre Nachricht wird an das Büro geschickt. Wenn Sie einen Kontakt angegeben haben, kann das Büro Ihnen antworten.",
  back: "Zurück zur Erklärung zur Barrierefreiheit",
} as const;
