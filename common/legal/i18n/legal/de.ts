/*
 * The parts of the legal pages a resident reads in their own language (common/legal/*.ts): the
 * Impressum's labels, the privacy notice's plain-language summary, a plain summary of the accessibility
 * statement, and the note that the full text below is German. The full legal wording stays in the page
 * modules, German (binding) and English (for information): pages in other languages show it in German,
 * marked lang="de". German, einfache Sprache: the source every translation is typed by.
 */
export const audience = "residents";

export default {
  /** A retention period, put into the sentences below as `{period}`. */
  days: { one: "{count} Tag", other: "{count} Tage" },
  /** Before the German wording on a page in another language: what it is, that it binds. */
  fullText: {
    heading: "Der genaue Wortlaut (auf Deutsch)",
    note: "Der genaue Wortlaut steht unten auf Deutsch. Nur die deutsche Fassung ist verbindlich. Sie haben Fragen? Rufen Sie uns an oder schreiben Sie uns.",
  },
  impressum: {
    title: "Impressum",
    lead: "Diese Seiten zur Terminbuchung bietet an:",
    provider: "Anbieter",
    contact: "Kontakt",
    phone: "Telefon",
    email: "E-Mail",
    representative: "Vertreten durch",
  },
  datenschutz: {
    title: "Datenschutzerklärung",
    lead: "Hier steht, welche Daten wir speichern, wofür und wie lange. Zuerst in einfacher Sprache, darunter der genaue Wortlaut.",
    plainHeading: "Das Wichtigste in einfacher Sprache",
    whoHeading: "Wer ist verantwortlich?",
    who: "Das Büro, bei dem Sie den Termin buchen. Die Adresse steht weiter unten.",
    whatHeading: "Was speichern wir?",
    what: {
      nameEmail: "Ihren Namen und Ihre E-Mail-Adresse.",
      phoneMessage: "Ihre Telefonnummer und Ihre Nachricht, wenn Sie sie schreiben.",
      topicTime: "Das Thema, den Tag und die Uhrzeit.",
      language: "Die Sprache, die Sie gewählt haben.",
      feedback: "Wenn Sie uns über das Formular zur Barrierefreiheit schreiben: Ihre Nachricht und, wenn Sie sie angeben, Ihren Namen und Ihren Kontakt.",
    },
    whyHeading: "Wofür?",
    why: "Damit wir den Termin für Sie freihalten. Damit wir Ihnen eine Bestätigung schicken können. Damit Sie den Termin verschieben oder absagen können. Wir geben Ihre Angaben nicht weiter. Wir machen damit keine Werbung. Für die Berichte an unseren Geldgeber zählen wir nur, wie viele Termine es gab: ohne Namen.",
    howLongHeading: "Wie lange?",
    howLong: {
      appointment: "{period} nach dem Termin löschen wir Ihren Namen, Ihre Kontaktdaten und Ihre Nachricht.",
      openRequest: "Eine Anfrage ohne Termin bleibt gespeichert, bis das Büro sie beantwortet.",
      closedRequest: "Eine Anfrage ohne Termin löschen wir {period}, nachdem sie abgelehnt oder zurückgezogen wurde.",
      mails: "E-Mails an Sie löschen wir {period}, nachdem wir sie verschickt haben.",
      feedback: "Eine Nachricht aus dem Formular zur Barrierefreiheit geht als E-Mail an das Büro. Die Kopie hier löschen wir {period} nach dem Versand. Die E-Mail im Postfach des Büros behandelt das Büro wie andere Post.",
      counts: "Es bleibt nur eine Zählung ohne Namen, zum Beispiel: wie viele Termine es gab.",
    },
    whereHeading: "Wo?",
    where: "Die Angaben liegen in einer Datenbank in der EU. Die Firma Cloudflare betreibt sie für uns.",
    cookiesHeading: "Cookies",
    cookies: "Diese Seiten setzen auf Ihrem Gerät keine Cookies. Ihr Gerät merkt sich nur die Sprache, die Sie wählen.",
    rightsHeading: "Ihre Rechte",
    rights: "Sie können fragen, was wir über Sie gespeichert haben. Sie können Angaben berichtigen oder löschen lassen. Sie können sich bei der Aufsichtsbehörde für Datenschutz beschweren. Fragen? Rufen Sie uns an oder schreiben Sie uns.",
    erase: "Ist Ihr Termin abgesagt? Oder ist der Tag Ihres Termins vorbei? Dann können Sie Ihre Daten auch selbst löschen: Öffnen Sie den Link aus der E-Mail zu Ihrem Termin oder Ihrer Anfrage und wählen Sie „Meine Daten jetzt löschen“.",
  },
  /** The accessibility statement in plain words: shown in the languages the statement itself is not written in. */
  barrierefreiheit: {
    title: "Erklärung zur Barrierefreiheit",
    lead: "Alle Menschen sollen diese Seiten gut benutzen können. Hier steht, was schon gut geht und was noch nicht.",
    plainHeading: "Das Wichtigste in einfacher Sprache",
    status: "Die Seiten sind zum Teil barrierefrei. Diese Dinge gehen noch nicht gut:",
    gaps: {
      signLanguage: "Es gibt noch keine Erklärungen in Gebärdensprache und in Leichter Sprache.",
      translations: "Die Übersetzungen hat ein Computer gemacht. Ein Mensch mit dieser Muttersprache hat sie noch nicht geprüft. Die Rechtstexte gibt es nur auf Deutsch und Englisch.",
      camera: "Für den QR-Code am Tablet braucht man die Kamera. Sie können den Code aber auch eintippen oder am Empfang sagen.",
      display: "Die Aufrufanzeige sagt die Nummern nicht überall an. Jede Nummer steht aber immer groß auf der Anzeige. Das Team ruft sie auch auf.",
      screenReader: "Mit Screenreadern haben wir die Seiten noch nicht genau geprüft.",
    },
    feedbackHeading: "Sagen Sie es uns",
    feedback: "Ist Ihnen etwas aufgefallen, das nicht barrierefrei ist? Brauchen Sie einen Inhalt in einer anderen Form? Dann sagen Sie es uns. So erreichen Sie uns:",
    enforcement: "Sie haben uns geschrieben und nach sechs Wochen keine gute Antwort bekommen? Dann können Sie sich an eine Stelle in Bayern wenden. Sie prüft Ihr Anliegen. Das kostet nichts. Die Adresse steht unten im deutschen Text, im Abschnitt „Durchsetzungsverfahren“.",
    contact: { phone: "Telefon", email: "E-Mail" },
  },
} as const;
