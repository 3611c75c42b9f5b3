import { lines, list, p, settingLines } from "./blocks";
import { legalTexts } from "./i18n/legal";
import { contactLines, providerLines } from "./impressum";
import type { Block, LegalDocument, LegalFacts, LegalLang, LegalOffice, Section } from "./types";

/*
 * The privacy notice (Datenschutzerklärung) of a Bavarian public body: plain language first, then the
 * exact legal wording. Retention periods come from the office's settings and follow the one rule the
 * retention step runs (worker/db/erasure.ts): the notice never promises what the software does not do.
 * The booking form's tick box confirms that the notice was read; the processing rests on the office's
 * task (Art. 6 Abs. 1 lit. e DSGVO), not on consent, so the notice says so and offers no "withdraw".
 */

/** The full wording: German (binding) and English (for information). The plain part is in ./i18n/legal. */
interface Texts {
  legalHeading: string;
  controllerHeading: string;
  controllerIntro: string;
  contact: { phone: string; email: string };
  representative: (name: string) => string;
  dpoHeading: string;
  dpoIntro: string;
  /** When no contact is configured: how to reach the officer all the same. */
  dpoFallback: string;
  purposesHeading: string;
  purposes: string[];
  basisHeading: string;
  basis: string[];
  voluntary: string;
  tickBox: string;
  recipientsHeading: string;
  recipients: (f: LegalFacts) => string[];
  processor: string[];
  mail: string;
  feedback: string;
  turnstile: string;
  retentionHeading: string;
  retentionIntro: (days: number) => string;
  retention: (days: number) => string[];
  retentionKept: string;
  retentionOther: (f: LegalFacts) => string[];
  cookiesHeading: string;
  cookies: (f: LegalFacts) => string[];
  rightsHeading: string;
  rights: string[];
  useRights: string;
  eraseLink: string;
  complaintHeading: string;
  complaint: string;
  noAutomated: string;
  translation: string | null;
}

const DE: Texts = {
  legalHeading: "Die Datenschutzerklärung im Einzelnen",
  controllerHeading: "Verantwortlicher",
  controllerIntro: "Verantwortlich für die Verarbeitung personenbezogener Daten auf diesen Seiten (Art. 4 Nr. 7 DSGVO) ist:",
  contact: { phone: "Telefon", email: "E-Mail" },
  representative: (name) => `Vertreten durch: ${name}`,
  dpoHeading: "Die oder der behördliche Datenschutzbeauftragte",
  dpoIntro: "Die oder den behördlichen Datenschutzbeauftragten erreichen Sie unter:",
  dpoFallback:
    "Die oder den behördlichen Datenschutzbeauftragten erreichen Sie über die Anschrift des Verantwortlichen (oben, unter 1.), Stichwort „Datenschutzbeauftragte“.",
  purposesHeading: "Zwecke der Verarbeitung",
  purposes: [
    "Vergabe, Bestätigung, Änderung und Absage von Beratungsterminen sowie die Bearbeitung von Terminanfragen „nach Vereinbarung“ (Name, E-Mail-Adresse, freiwillig Telefonnummer und Nachricht, Thema, Zeit, Sprache);",
    "Anmeldung vor Ort am Tablet und Aufruf der Wartenummern (Wartenummer, Thema, Zeit; im Wartebereich wird nie ein Name angezeigt);",
    "Versand der Bestätigungen, Erinnerungen und Antworten per E-Mail;",
    "Rückmeldungen über das Formular in der Erklärung zur Barrierefreiheit (Nachricht, freiwillig Name und Kontakt): Sie gehen als E-Mail an das Büro, damit es Mängel beheben und Ihnen antworten kann;",
    "anonyme Zählungen für die Berichte an den Fördergeber (ESF-Programm BIWAQ), die nur Angaben ohne Personenbezug auswerten (Zeit, Thema, Weg der Buchung, Stand);",
    "Schutz der Seiten vor Missbrauch (Begrenzung der Anfragen je Anschluss).",
  ],
  basisHeading: "Rechtsgrundlage",
  basis: [
    "Die Verarbeitung ist zur Erfüllung einer Aufgabe erforderlich, die im öffentlichen Interesse liegt bzw. in Ausübung öffentlicher Gewalt erfolgt, die uns übertragen wurde. Rechtsgrundlage ist Art. 6 Abs. 1 UAbs. 1 Buchst. e, Abs. 3 DSGVO in Verbindung mit Art. 4 Abs. 1 Bayerisches Datenschutzgesetz (BayDSG).",
  ],
  voluntary: "Die Terminbuchung über diese Seiten ist freiwillig. Sie können einen Termin auch telefonisch oder im Büro vereinbaren. Telefonnummer und Nachricht sind freiwillige Angaben.",
  tickBox: "Das Häkchen im Buchungsformular bestätigt, dass Sie diese Hinweise zur Kenntnis genommen haben. Es ist keine Einwilligung im Sinne von Art. 6 Abs. 1 UAbs. 1 Buchst. a DSGVO; die Verarbeitung stützt sich nicht auf eine Einwilligung.",
  recipientsHeading: "Empfänger und Auftragsverarbeiter",
  recipients: () => [
    "Ihre Angaben sehen nur die Mitarbeiterinnen und Mitarbeiter des Büros. Wir geben sie nicht an Dritte weiter.",
  ],
  processor: [
    "Diese Seiten und die Datenbank betreibt für uns als Auftragsverarbeiter (Art. 28 DSGVO) die Cloudflare, Inc., 101 Townsend St., San Francisco, CA 94107, USA, mit ihrer Niederlassung Cloudflare Germany GmbH, Rosental 7, 80331 München.",
    "Die Datenbank (Cloudflare D1) liegt im Rechtsraum der EU: Die Daten werden in Rechenzentren in der Europäischen Union gespeichert. Ein Aufruf dieser Seiten wird im nächstgelegenen Rechenzentrum von Cloudflare bearbeitet. Cloudflare verarbeitet dabei die Anfragen mit den Angaben, die Sie eingeben, Ihre IP-Adresse und technische Angaben Ihres Browsers.",
    "Soweit Cloudflare Daten in den USA verarbeiten kann, ist die Übermittlung durch den Angemessenheitsbeschluss der EU-Kommission zum EU-US Data Privacy Framework (Art. 45 DSGVO), unter dem Cloudflare zertifiziert ist, und durch Standardvertragsklauseln (Art. 46 Abs. 2 Buchst. c DSGVO) abgesichert.",
  ],
  mail: "E-Mails an Sie versenden wir über den Mail-Server, den das Büro dafür beauftragt hat. Dabei werden Ihre E-Mail-Adresse und der Inhalt der Nachricht übertragen.",
  feedback:
    "Eine Rückmeldung zur Barrierefreiheit geht auf demselben Weg als E-Mail an das Postfach des Büros; sie enthält Ihre Nachricht und, wenn Sie sie angeben, Ihren Namen und Ihren Kontakt.",
  turnstile: "Auf den Formularen prüft Cloudflare Turnstile, ob ein Mensch die Seite benutzt (Schutz vor Missbrauch). Dafür sendet Ihr Browser technische Daten (u. a. IP-Adresse und Browser-Merkmale) an Cloudflare. Turnstile setzt dafür keine Cookies zu Werbezwecken.",
  retentionHeading: "Speicherdauer",
  retentionIntro: (days) => `Wir löschen personenbezogene Daten, sobald sie nicht mehr erforderlich sind. Die Frist beträgt ${days} Tage; die Löschung läuft automatisch:`,
  retention: (days) => [
    `Termine (auch Anfragen, für die Sie eine von uns vorgeschlagene Zeit gewählt haben): Name, E-Mail-Adresse, Telefonnummer, Nachricht, Code und Link zum Ändern werden ${days} Tage nach dem Ende des Termins gelöscht.`,
    `Anfragen ohne Termin: Solange das Büro eine Anfrage noch nicht beantwortet hat, bleibt sie gespeichert. Gelöscht wird sie ${days} Tage, nachdem sie abgelehnt oder zurückgezogen wurde.`,
    `Wartenummern: Der Link zum Stand der Wartenummer wird ${days} Tage nach dem Tag der Nummer gelöscht.`,
    `E-Mails (Empfänger, Betreff, Text, Kalendereinladung): ${days} Tage, nachdem sie verschickt wurden, nicht zugestellt werden konnten, ungesendet aufbewahrt oder zurückgezogen wurden; mit einem Termin auch alle E-Mails zu diesem Termin.`,
    `Rückmeldungen zur Barrierefreiheit: Die Kopie in diesem System (die E-Mail an das Büro) wird wie jede E-Mail ${days} Tage nach dem Versand gelöscht. Die E-Mail im Postfach des Büros wird wie andere Post an das Büro behandelt.`,
    "Ausgedruckte Tageslisten: Das Büro kann die Termine eines Tages für die Arbeit am Empfang auf Papier drucken (Uhrzeit, Code, Name, Thema, Telefonnummer). So ein Ausdruck enthält personenbezogene Daten. Er wird verschlossen aufbewahrt und am Ende des Tages vernichtet (Aktenvernichter).",
  ],
  retentionKept:
    "Es bleiben nur Angaben ohne Personenbezug: Kennnummern, Zeiten, Thema, Weg der Buchung (online, Telefon, Tablet), Stand, Sprache, der Verlauf der Statusänderungen und das Änderungsprotokoll (nur mit Kennnummern). Daraus entstehen die Zählungen für die Berichte; das Löschen ändert keine Zahl.",
  retentionOther: (f) => [
    `Zur Begrenzung der Anfragen speichern wir Ihre IP-Adresse nicht im Klartext, sondern nur als Prüfsumme (Hash); sie wird nach ${f.rateLimitHours} Stunden gelöscht.`,
    `Datensicherung: Die Datenbank kann bis zu ${f.backupDays} Tage in die Vergangenheit wiederhergestellt werden (Cloudflare D1 Time Travel). Gelöschte Daten können deshalb höchstens ${f.backupDays} Tage lang in dieser Sicherung enthalten sein. Nach einer Wiederherstellung löscht die automatische Löschung, die jede Minute läuft, fällige Daten wieder: je Büro bis zu ${f.erasedPerMinute} Termine pro Minute, bis nichts Fälliges mehr übrig ist. Sicherungsdateien, die das Büro selbst anlegt, bewahrt es ebenfalls höchstens ${f.backupDays} Tage auf.`,
  ],
  cookiesHeading: "Cookies und Speicher im Browser",
  cookies: (f) => [
    "Für Bürgerinnen und Bürger setzen diese Seiten keine Cookies. Im Speicher Ihres Browsers (localStorage, Schlüssel „" + f.localeKey + "“) merken wir uns nur die Sprache, die Sie gewählt haben; das ist für die gewünschte Anzeige unbedingt erforderlich (§ 25 Abs. 2 Nr. 2 TDDDG). Sie können den Eintrag jederzeit in Ihrem Browser löschen.",
    `Die Tablets und Anzeigen im Büro tragen ein Geräte-Cookie (${f.deviceCookie.names.join(", ")}; Laufzeit ${f.deviceCookie.days} Tage). Es sagt nur, zu welchem Büro das Gerät gehört, nichts über Sie.`,
    `Die Mitarbeiterinnen und Mitarbeiter melden sich mit einem Sitzungs-Cookie an (${f.staffCookie.name}). Es endet nach höchstens ${f.staffCookie.hours} Stunden und nach ${f.staffCookie.idleMinutes} Minuten ohne Nutzung.`,
  ],
  rightsHeading: "Ihre Rechte",
  rights: [
    "Auskunft über die zu Ihrer Person gespeicherten Daten (Art. 15 DSGVO);",
    "Berichtigung unrichtiger Daten (Art. 16 DSGVO);",
    "Löschung (Art. 17 DSGVO);",
    "Einschränkung der Verarbeitung (Art. 18 DSGVO);",
    "Widerspruch gegen die Verarbeitung aus Gründen, die sich aus Ihrer besonderen Situation ergeben (Art. 21 DSGVO).",
  ],
  useRights: "Wenden Sie sich dafür an das Büro (Kontakt oben, unter 1.) oder an die oder den behördlichen Datenschutzbeauftragten (oben, unter 2.).",
  eraseLink: "Ist Ihr Termin abgesagt, oder ist der Tag des Termins vorbei (ab dem folgenden Tag), können Sie Ihre Daten auch selbst sofort löschen: auf der Seite zu Ihrem Termin (über den Link in der E-Mail zu Ihrem Termin oder Ihrer Anfrage) mit „Meine Daten jetzt löschen“.",
  complaintHeading: "Beschwerde bei der Aufsichtsbehörde",
  complaint: "Sie haben das Recht, sich bei der Aufsichtsbehörde über die Verarbeitung Ihrer Daten zu beschweren (Art. 77 DSGVO). Zuständig für öffentliche Stellen in Bayern ist:",
  noAutomated: "Eine automatisierte Entscheidungsfindung einschließlich Profiling (Art. 22 DSGVO) findet nicht statt.",
  translation: null,
};

const EN: Texts = {
  legalHeading: "The privacy notice in detail",
  controllerHeading: "Controller",
  controllerIntro: "The controller for the processing of personal data on these pages (Art. 4(7) GDPR) is:",
  contact: { phone: "Phone", email: "E-mail" },
  representative: (name) => `Represented by: ${name}`,
  dpoHeading: "The official data protection officer",
  dpoIntro: "You can reach the official data protection officer at:",
  dpoFallback: "You can reach the official data protection officer through the controller's address (above, under 1.), marked “Datenschutzbeauftragte” (data protection officer).",
  purposesHeading: "Purposes of the processing",
  purposes: [
    "giving, confirming, moving and cancelling counselling appointments and handling requests for an appointment “by arrangement” (name, e-mail address, optionally phone number and message, topic, time, language);",
    "checking in at the tablet in the office and calling the queue numbers (number, topic, time; the waiting room never shows a name);",
    "sending confirmations, reminders and replies by e-mail;",
    "feedback through the form in the accessibility statement (message, optionally name and contact): it goes to the office as an e-mail, so that it can remedy shortcomings and answer you;",
    "anonymous counts for the reports to the funder (ESF programme BIWAQ), which only use data that identifies no one (time, topic, channel of the booking, status);",
    "protecting these pages against misuse (limiting the number of requests per connection).",
  ],
  basisHeading: "Legal basis",
  basis: [
    "The processing is necessary for the performance of a task carried out in the public interest or in the exercise of official authority vested in us. The legal basis is Art. 6(1)(e) and (3) GDPR in conjunction with Art. 4(1) of the Bavarian Data Protection Act (BayDSG).",
  ],
  voluntary: "Booking through these pages is voluntary. You can also make an appointment by phone or in the office. Phone number and message are optional.",
  tickBox: "The tick box in the booking form confirms that you have taken note of this notice. It is not consent within the meaning of Art. 6(1)(a) GDPR; the processing does not rely on consent.",
  recipientsHeading: "Recipients and processors",
  recipients: () => ["Only the staff of the office see your details. We do not pass them on to third parties."],
  processor: [
    "These pages and the database are run for us as a processor (Art. 28 GDPR) by Cloudflare, Inc., 101 Townsend St., San Francisco, CA 94107, USA, with its branch Cloudflare Germany GmbH, Rosental 7, 80331 München, Germany.",
    "The database (Cloudflare D1) is in the EU jurisdiction: the data is stored in data centres in the European Union. A visit to these pages is handled in Cloudflare's nearest data centre. Cloudflare processes the requests with the details you enter, your IP address and technical details of your browser.",
    "Where Cloudflare may process data in the USA, the transfer is covered by the European Commission's adequacy decision on the EU-US Data Privacy Framework (Art. 45 GDPR), under which Cloudflare is certified, and by standard contractual clauses (Art. 46(2)(c) GDPR).",
  ],
  mail: "We send e-mails to you through the mail server the office has engaged for this. Your e-mail address and the content of the message are transmitted.",
  feedback:
    "Accessibility feedback goes the same way as an e-mail to the office's mailbox; it contains your message and, if you give them, your name and your contact.",
  turnstile: "On the forms, Cloudflare Turnstile checks whether a human is using the page (protection against misuse). For this your browser sends technical data (including the IP address and browser features) to Cloudflare. Turnstile sets no advertising cookies.",
  retentionHeading: "How long we keep data",
  retentionIntro: (days) => `We delete personal data as soon as it is no longer needed. The period is ${days} days; deletion runs automatically:`,
  retention: (days) => [
    `Appointments (also requests for which you chose a time we proposed): name, e-mail address, phone number, message, code and the link to make changes are deleted ${days} days after the end of the appointment.`,
    `Requests without an appointment: as long as the office has not answered a request, it stays stored. It is deleted ${days} days after it was declined or withdrawn.`,
    `Queue numbers: the link to the number's status is deleted ${days} days after the number's day.`,
    `E-mails (recipient, subject, text, calendar invitation): ${days} days after they were sent, could not be delivered, were kept unsent or were withdrawn; with an appointment, all e-mails about it as well.`,
    `Accessibility feedback: the copy in this system (the e-mail to the office) is deleted ${days} days after it was sent, like every e-mail. The e-mail in the office's mailbox is handled like other post to the office.`,
    "Printed day lists: for the work at the desk the office can print a day's appointments on paper (time, code, name, topic, phone number). Such a printout holds personal data. It is kept locked away and destroyed at the end of the day (shredder).",
  ],
  retentionKept:
    "Only data that identifies no one remains: ids, times, topic, channel of the booking (online, phone, tablet), status, language, the history of status changes and the change log (ids only). The counts for the reports are made from these; deleting changes no number.",
  retentionOther: (f) => [
    `To limit requests we do not store your IP address in clear, only as a checksum (hash); it is deleted after ${f.rateLimitHours} hours.`,
    `Backups: the database can be restored up to ${f.backupDays} days back (Cloudflare D1 Time Travel). Deleted data can therefore remain in that backup for at most ${f.backupDays} days. After a restore, the automatic deletion, which runs every minute, deletes data that is due again: up to ${f.erasedPerMinute} appointments per office and minute, until nothing due is left. Backup files the office makes itself are also kept for at most ${f.backupDays} days.`,
  ],
  cookiesHeading: "Cookies and browser storage",
  cookies: (f) => [
    `For residents these pages set no cookies. In your browser's storage (localStorage, key “${f.localeKey}”) we only remember the language you chose; this is strictly necessary for the display you asked for (§ 25(2) no. 2 TDDDG). You can delete the entry in your browser at any time.`,
    `The tablets and displays in the office carry a device cookie (${f.deviceCookie.names.join(", ")}; lifetime ${f.deviceCookie.days} days). It only says which office the device belongs to, nothing about you.`,
    `Staff sign in with a session cookie (${f.staffCookie.name}). It ends after at most ${f.staffCookie.hours} hours and after ${f.staffCookie.idleMinutes} minutes without use.`,
  ],
  rightsHeading: "Your rights",
  rights: [
    "access to the data stored about you (Art. 15 GDPR);",
    "rectification of inaccurate data (Art. 16 GDPR);",
    "erasure (Art. 17 GDPR);",
    "restriction of processing (Art. 18 GDPR);",
    "objection to the processing on grounds relating to your particular situation (Art. 21 GDPR).",
  ],
  useRights: "To use them, contact the office (contact above, under 1.) or the official data protection officer (above, under 2.).",
  eraseLink: "Once your appointment is cancelled, or its day is over (from the following day), you can also delete your data yourself at once: on your appointment's page (through the link in the e-mail about your appointment or request) with “Delete my data now”.",
  complaintHeading: "Complaint to the supervisory authority",
  complaint: "You have the right to lodge a complaint with the supervisory authority about the processing of your data (Art. 77 GDPR). For public bodies in Bavaria this is:",
  noAutomated: "There is no automated decision-making, including profiling (Art. 22 GDPR).",
  translation: "This English version is for your information; the German version is authoritative.",
};

/** The full wording in `lang`: English for English, German for every other language. */
const fullText = (lang: LegalLang): { t: Texts; lang: "de" | "en" } => (lang === "en" ? { t: EN, lang: "en" } : { t: DE, lang: "de" });

export function datenschutz(o: LegalOffice, lang: LegalLang, f: LegalFacts): LegalDocument {
  const words = legalTexts(lang);
  const plainWords = words.datenschutz;
  const { t, lang: fullLang } = fullText(lang);
  const days = o.retentionDays;
  const period = words.days(days);
  const paras = (texts: string[]): Block[] => texts.filter(Boolean).map((x) => p(x));
  const h = plainWords.howLong;

  const plain: Section = {
    id: "einfach",
    heading: plainWords.plainHeading,
    blocks: [],
    sections: [
      { id: "wer", heading: plainWords.whoHeading, blocks: [p(plainWords.who)] },
      { id: "was", heading: plainWords.whatHeading, blocks: [list(...Object.values(plainWords.what))] },
      { id: "wofuer", heading: plainWords.whyHeading, blocks: [p(plainWords.why)] },
      {
        id: "wie-lange",
        heading: plainWords.howLongHeading,
        blocks: paras([h.appointment({ period }), h.openRequest, h.closedRequest({ period }), h.mails({ period }), h.feedback({ period }), h.counts]),
      },
      { id: "wo", heading: plainWords.whereHeading, blocks: [p(plainWords.where)] },
      { id: "cookies-kurz", heading: plainWords.cookiesHeading, blocks: [p(plainWords.cookies)] },
      { id: "rechte-kurz", heading: plainWords.rightsHeading, blocks: [p(plainWords.rights), p(plainWords.erase)] },
    ],
  };

  const controller: Block[] = [
    p(t.controllerIntro),
    providerLines(o),
    contactLines(o, t.contact),
    ...(o.providerRepresentative ? [p(t.representative(o.providerRepresentative))] : []),
  ];
  const legal: Section[] = [
    { id: "verantwortlicher", heading: t.controllerHeading, blocks: controller },
    // Not configured: the admin form says the page needs it; the page invents no contact, it says how to reach them.
    {
      id: "datenschutzbeauftragter",
      heading: t.dpoHeading,
      blocks: o.dpoContact ? [p(t.dpoIntro), lines(...settingLines(o.dpoContact))] : [p(t.dpoFallback)],
    },
    { id: "zwecke", heading: t.purposesHeading, blocks: [list(...t.purposes)] },
    { id: "rechtsgrundlage", heading: t.basisHeading, blocks: [...paras(t.basis), p(t.voluntary), p(t.tickBox)] },
    {
      id: "empfaenger",
      heading: t.recipientsHeading,
      blocks: [...paras(t.recipients(f)), ...paras(t.processor), p(t.mail), p(t.feedback), ...(f.turnstile ? [p(t.turnstile)] : [])],
    },
    {
      id: "speicherdauer",
      heading: t.retentionHeading,
      blocks: [p(t.retentionIntro(days)), list(...t.retention(days)), p(t.retentionKept), ...paras(t.retentionOther(f))],
    },
    { id: "cookies", heading: t.cookiesHeading, blocks: paras(t.cookies(f)) },
    { id: "rechte", heading: t.rightsHeading, blocks: [list(...t.rights), p(t.useRights), p(t.eraseLink), p(t.noAutomated)] },
    { id: "beschwerde", heading: t.complaintHeading, blocks: [p(t.complaint), lines(...settingLines(o.privacyAuthority))] },
  ];

  // Numbered as the legal texts are (the rights refer to "1." for the contact); a section left out takes no number.
  const numbered = legal.map((s, i) => ({ ...s, heading: `${i + 1}. ${s.heading}` }));
  const lead = paras([plainWords.lead, lang === fullLang ? (t.translation ?? "") : ""]);
  // In a language the wording is not written in: said plainly in that language, the German marked as German.
  const detail: Section =
    lang === fullLang
      ? { id: "im-einzelnen", heading: t.legalHeading, blocks: [], sections: numbered }
      : { id: "im-einzelnen", heading: words.fullText.heading, blocks: [p(words.fullText.note)], sections: numbered.map((s) => ({ ...s, lang: fullLang })) };
  return { page: "datenschutz", lang, title: plainWords.title, lead, sections: [plain, detail] };
}
