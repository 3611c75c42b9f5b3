/*
 * Every mail a resident gets (worker/mail/compose.ts): confirmation, move, cancel, reminder, request
 * received, declined, proposed times and their withdrawal. German, einfache Sprache: short sentences,
 * one thing per line; the source every translation is typed by. `{date}` is the day in words by Intl in
 * the mail's language, `{time}` the clock time ("13:00", Latin digits), both in the office's time zone.
 */
export const audience = "residents";

export default {
  greeting: "Guten Tag {name},",
  signOff: "Viele Grüße",
  /** "Montag, 30. November 2026, 13:00 Uhr". */
  at: "{date}, {time} Uhr",
  until: "bis {time} Uhr",
  /** A time with its end: "Montag, 30. November 2026, 13:00 Uhr (bis 14:00 Uhr)". */
  span: "{when} ({until})",
  labels: { topic: "Thema", when: "Wann", where: "Wo", code: "Ihr Code", days: "Tage", times: "Uhrzeit", wish: "Ihr Wunsch" },
  codeHint: "Geben Sie den Code am Eingang am Tablet ein. Oder sagen Sie ihn uns.",
  /** The QR code beside the check-in code, HTML part only: what a screen reader says, and what to do. `{code}` spelled out. */
  qr: {
    label: "QR-Code für die Anmeldung mit dem Code {code}",
    hint: "Hat das Tablet eine Kamera, können Sie dort auch diesen QR-Code zeigen.",
  },
  bring: {
    intro: "Bringen Sie gern mit:",
    cv: "Ihren Lebenslauf, wenn Sie einen haben.",
    letters: "Briefe vom Jobcenter oder von der Agentur für Arbeit, wenn Sie welche haben.",
    questions: "Ihre Fragen. Sie können sie auf einen Zettel schreiben.",
  },
  manage: { intro: "Sie können nicht kommen? Sagen Sie bitte ab oder wählen Sie eine andere Zeit:", link: "Termin absagen oder verschieben" },
  manageRequest: { intro: "Hier sehen Sie Ihre Anfrage. Dort können Sie sie auch zurückziehen:", link: "Anfrage ansehen" },
  rebook: "Sie möchten einen neuen Termin? Hier können Sie buchen: {url}",
  /** A new appointment at an office the booking page does not book for: by phone, by mail, by mail after the phone. */
  rebookByPhone: "Sie möchten einen neuen Termin? Rufen Sie uns an:",
  rebookByMail: "Sie möchten einen neuen Termin? Schreiben Sie uns: {email}",
  rebookByMailAlso: "Oder schreiben Sie uns: {email}",
  phone: "Sie haben Fragen? Rufen Sie uns an:",
  inviteHint: "Den Termin für Ihren Kalender finden Sie im Anhang.",
  times: { morning: "vormittags", afternoon: "nachmittags", evening: "abends" },
  confirmed: {
    subject: "Ihr Termin am {when} – {office}",
    headline: "Ihr Termin ist gebucht.",
  },
  rescheduled: {
    subject: "Ihr Termin ist verschoben: {when} – {office}",
    headline: "Ihr Termin ist verschoben.",
    lead: "Das ist Ihr neuer Termin:",
  },
  cancelled: {
    subject: "Ihr Termin am {when} ist abgesagt – {office}",
    headline: "Ihr Termin ist abgesagt.",
    lead: "Dieser Termin findet nicht statt:",
  },
  reminder: {
    subject: "Erinnerung: Ihr Termin am {when} – {office}",
    headline: "Wir erinnern Sie an Ihren Termin.",
    lead: "Wir freuen uns auf Sie.",
  },
  requested: {
    subject: "Ihre Anfrage ist angekommen – {office}",
    headline: "Ihre Anfrage ist angekommen.",
    lead: "Danke! Das haben Sie uns geschrieben:",
    next: "Wir melden uns bei Ihnen und schlagen Ihnen einen Termin vor.",
  },
  declined: {
    subject: "Antwort auf Ihre Anfrage – {office}",
    headline: "Leider können wir Ihnen dafür keinen Termin geben.",
    lead: "Sie haben bei uns angefragt:",
  },
  proposals: {
    subject: "Wir schlagen Ihnen einen Termin vor – {office}",
    /** By the number of times proposed (a language whose `one` also covers 21 writes the number there). */
    headline: { one: "Wir schlagen Ihnen einen Termin vor.", other: "Wir schlagen Ihnen {count} Termine vor." },
    /** Code chooses: one time, or several. */
    leadOne: "Sie haben einen Termin angefragt. Diese Zeit können wir Ihnen anbieten:",
    leadMany: "Sie haben einen Termin angefragt. Diese Zeiten können wir Ihnen anbieten:",
    choose: "Klicken Sie auf die Zeit, die Ihnen passt. Auf der Seite danach klicken Sie auf „Termin bestätigen“. Erst dann ist der Termin gebucht.",
    none: { intro: "Keine Zeit passt Ihnen? Dann klicken Sie hier. Wir melden uns dann wieder bei Ihnen.", link: "Keine Zeit passt" },
    deadline: "Bitte antworten Sie bis {when}. So lange halten wir die Zeiten für Sie frei.",
  },
  withdrawn: {
    subject: "Änderung bei Ihren Terminvorschlägen – {office}",
    /** Code chooses: one time taken back, or several. */
    headlineOne: "Eine vorgeschlagene Zeit geht leider nicht mehr.",
    headlineMany: "Die vorgeschlagenen Zeiten gehen leider nicht mehr.",
    leadOne: "Diese Zeit können wir Ihnen nicht mehr anbieten:",
    leadMany: "Diese Zeiten können wir Ihnen nicht mehr anbieten:",
    still: "Diese Zeiten können Sie noch wählen, bis {when}:",
    none: { intro: "Keine dieser Zeiten passt Ihnen? Dann klicken Sie hier:", link: "Keine Zeit passt" },
    contact: "Wir melden uns wieder bei Ihnen und schlagen Ihnen eine neue Zeit vor.",
  },
  /** "Link verloren?" on the booking page: the manage links of the address's active bookings, sent again. */
  lostLink: {
    subject: "Ihre Links zu Ihren Terminen – {office}",
    headline: "Hier sind Ihre Links.",
    lead: "Sie haben nach dem Link zu Ihrem Termin gefragt. Mit diesen Links können Sie Ihre Termine ansehen, absagen oder verschieben.",
    /** One appointment: its topic and time. */
    appointment: "{topic}: {when}",
    /** One request "nach Vereinbarung": its topic. */
    request: "Anfrage: {topic}",
    ignore: "Sie haben nicht nach dem Link gefragt? Dann löschen Sie diese E-Mail einfach. Ihre Termine bleiben, wie sie sind.",
  },
  /** Heading of a message staff wrote to the resident. */
  staffMessage: "Nachricht vom Büro",
  /** The office's message when changed opening hours cancel an appointment (services/opening-changes.ts). */
  hoursChanged: "Unsere Öffnungszeiten ändern sich. Zu dieser Zeit ist das Büro nicht mehr offen.",
  /** The office's message when a closure cancels an appointment; `{reason}` the closure's reason as the office wrote it. */
  closed: "Das Büro ist an diesem Tag geschlossen. Grund: {reason}",
  /** The invite's DESCRIPTION. */
  inviteDescription: { manage: "Absagen oder verschieben", code: "Ihr Code für den Eingang", cancelled: "Dieser Termin ist abgesagt." },
} as const;
