import type { LegalLang } from "../../common/legal";

/** The words around the legal documents: the page shell, the feedback form and its answers. */
export const SHELL = {
  de: {
    skip: "Zum Inhalt springen",
    otherLangName: "English",
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
      privacy: (days: number) =>
        `Wofür: Das Büro soll erfahren, was nicht barrierefrei ist, und Ihnen antworten können. Was wir speichern: Ihre Nachricht und, wenn Sie sie angeben, Ihren Namen und Ihren Kontakt. Wohin: Alles kommt als E-Mail beim Büro an. Wie lange: Die Kopie hier löschen wir ${days} Tage nach dem Versand. Die E-Mail im Postfach des Büros behandelt das Büro wie andere Post. Mehr dazu:`,
      privacyLink: "Datenschutzerklärung",
      submit: "Nachricht senden",
      problem: "Bitte prüfen Sie Ihre Angaben:",
      errors: {
        required: "Bitte schreiben Sie eine Nachricht.",
        tooLong: (max: number) => `Das ist zu lang. Höchstens ${max} Zeichen.`,
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
  },
  en: {
    skip: "Skip to content",
    otherLangName: "Deutsch",
    navLabel: "Legal",
    errorPrefix: "Error: ",
    booking: "Book an appointment",
    notFoundTitle: "This page does not exist",
    notFoundText: "We do not know this office. Please check the link.",
    form: {
      heading: "Write to us",
      message: "Your message",
      messageHint: "What is not accessible? Where did you find it?",
      name: "Your name (optional)",
      contact: "E-mail address or phone number (optional)",
      contactHint: "Only if you would like an answer.",
      privacy: (days: number) =>
        `What for: so that the office learns what is not accessible and can answer you. What we store: your message and, if you give them, your name and your contact. Where it goes: everything reaches the office as an e-mail. For how long: we delete the copy here ${days} days after it was sent. The office handles the e-mail in its mailbox like other post. More about this:`,
      privacyLink: "Privacy notice",
      submit: "Send message",
      problem: "Please check what you entered:",
      errors: {
        required: "Please write a message.",
        tooLong: (max: number) => `This is too long. At most ${max} characters.`,
        invalid: "There are characters here we do not accept. Please write text only.",
        unknown: "The form has a field we do not know. Please reload the page.",
        rateLimited: "Too many attempts in a short time. Please wait a few minutes, then send again.",
        unreadable: "Your message did not reach us properly. Please write it again and send it.",
        foreignOrigin: "We only take messages from this page. Please write your message here and send it.",
      },
      unavailable: "The form is not set up for this office. Please call us or write to us.",
    },
    thanksTitle: "Thank you for your message",
    thanksText: "Your message is being sent to the office. If you gave a contact, the office can answer you.",
    back: "Back to the accessibility statement",
  },
} satisfies Record<LegalLang, unknown>;

export type ShellStrings = (typeof SHELL)["de"];
