import { lines, list, p, settingLines } from "./blocks";
import { contactLines } from "./impressum";
import { legalTexts } from "./i18n/legal";
import type { LegalDocument, LegalLang, LegalOffice, Section } from "./types";

/*
 * The accessibility statement (Erklärung zur Barrierefreiheit) after the EU model statement
 * (Durchführungsbeschluss (EU) 2018/1523): status, what is not accessible, how it was checked, feedback
 * and contact, enforcement procedure. The feedback form itself is rendered by the Worker into the section
 * `FEEDBACK_SECTION` (worker/legal/render.ts), since it only exists on the web page; the section's own
 * text names no form, so it also holds on the kiosk, where the phone and e-mail say where to write.
 */

/** The day this statement was written and last checked against the product (local day). */
export const STATEMENT_DATE = "2026-12-02";

/** The section the Worker puts the feedback form into. */
export const FEEDBACK_SECTION = "feedback";

interface Texts {
  title: string;
  scope: (office: string) => string;
  statusHeading: string;
  status: string;
  gapsHeading: string;
  gapsIntro: string;
  gaps: string[];
  checkHeading: string;
  check: (date: string) => string[];
  feedbackHeading: string;
  feedback: string;
  contact: { phone: string; email: string };
  enforcementHeading: string;
  enforcement: string;
  enforcementBody: string;
  translation: string | null;
  date: (iso: string) => string;
}

const DE: Texts = {
  title: "Erklärung zur Barrierefreiheit",
  scope: (office) =>
    `${office} ist bemüht, diese Seiten zur Terminbuchung im Einklang mit Art. 14 des Bayerischen Behindertengleichstellungsgesetzes (BayBGG) und den dazu erlassenen Vorschriften barrierefrei zugänglich zu machen. Maßstab sind die Anforderungen der BITV 2.0 und der harmonisierten Norm EN 301 549 (entspricht WCAG 2.1, Stufe AA). Diese Erklärung gilt für die Buchungsseite, die Seiten zum Ändern eines Termins und zum Stand einer Wartenummer, das Tablet im Büro, die Aufrufanzeige und die Übersicht für das Team.`,
  statusHeading: "Stand der Vereinbarkeit mit den Anforderungen",
  status: "Diese Seiten sind wegen der folgenden Unvereinbarkeiten und Ausnahmen teilweise mit den Anforderungen vereinbar.",
  gapsHeading: "Nicht barrierefreie Inhalte",
  gapsIntro: "Die folgenden Inhalte sind nicht oder noch nicht barrierefrei:",
  gaps: [
    "Erläuterungen in Deutscher Gebärdensprache und in Leichter Sprache gibt es noch nicht. Die Seiten sind in einfacher Sprache geschrieben; das ersetzt Leichte Sprache nicht.",
    "Die Seiten für Bürgerinnen und Bürger gibt es auf Deutsch, Englisch, Türkisch, Russisch, Ukrainisch und Arabisch. Die Übersetzungen außer der englischen sind maschinell erstellt und noch nicht von Muttersprachlerinnen oder Muttersprachlern geprüft. Die Rechtstexte (diese Erklärung, die Datenschutzerklärung) gibt es vollständig nur auf Deutsch und Englisch; in den anderen Sprachen steht das Wichtigste in einfacher Sprache, darüber.",
    "Die Anmeldung am Tablet mit dem QR-Code braucht die Kamera des Tablets. Ersatz: Den Code aus der E-Mail können Sie auch eintippen oder am Empfang sagen.",
    "Die Aufrufanzeige im Wartebereich kündigt Nummern mit einem Ton an; die gesprochene Ansage ist nicht überall eingeschaltet. Jede Nummer steht immer auch groß auf der Anzeige, und das Team ruft sie im Wartebereich auf.",
    "Wenn die Sicherheitsprüfung Cloudflare Turnstile eingeschaltet ist, stammt sie von Cloudflare; ihre Barrierefreiheit können wir nicht selbst prüfen. Wer sie nicht lösen kann, bucht bitte telefonisch.",
    "Mit Screenreadern wurden die Seiten noch nicht systematisch geprüft.",
  ],
  checkHeading: "Erstellung dieser Erklärung",
  check: (date) => [
    `Diese Erklärung wurde am ${date} erstellt und zuletzt überprüft.`,
    "Grundlage ist eine Selbstbewertung: Bei jeder Änderung prüfen automatische Tests jede Seite und jeden Schritt in einem echten Browser (Chromium) mit axe-core auf die Kriterien der WCAG 2.1, Stufen A und AA. Die Buchung wird in diesen Tests auch nur mit der Tastatur durchgeführt, und die Seiten werden bei 320 Pixel Breite (entspricht 400 % Vergrößerung) geprüft.",
  ],
  feedbackHeading: "Feedback und Kontakt",
  feedback:
    "Ist Ihnen etwas aufgefallen, das nicht barrierefrei ist? Brauchen Sie einen Inhalt in einer anderen Form? Dann sagen Sie es uns. So erreichen Sie uns:",
  contact: { phone: "Telefon", email: "E-Mail" },
  enforcementHeading: "Durchsetzungsverfahren",
  enforcement:
    "Haben Sie uns geschrieben und keine zufriedenstellende Antwort bekommen (auch nicht innerhalb von sechs Wochen)? Dann können Sie sich an die zuständige Durchsetzungs- und Überwachungsstelle in Bayern wenden. Sie prüft Ihr Anliegen; das Verfahren ist kostenlos.",
  enforcementBody: "Zuständig ist:",
  translation: null,
  date: (iso) => {
    const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
    const months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
    return `${d}. ${months[m - 1]} ${y}`;
  },
};

const EN: Texts = {
  title: "Accessibility statement",
  scope: (office) =>
    `${office} is committed to making these booking pages accessible in accordance with Art. 14 of the Bavarian Disability Equality Act (BayBGG) and the rules made under it. The standard is the requirements of BITV 2.0 and the harmonised standard EN 301 549 (equivalent to WCAG 2.1, level AA). This statement covers the booking page, the pages to change an appointment and to follow a queue number, the tablet in the office, the call display and the staff board.`,
  statusHeading: "Compliance status",
  status: "These pages are partially compliant with the requirements due to the non-compliances and exemptions listed below.",
  gapsHeading: "Non-accessible content",
  gapsIntro: "The following content is not, or not yet, accessible:",
  gaps: [
    "There are no explanations in German Sign Language or in Easy German (Leichte Sprache) yet. The pages are written in plain language; this does not replace Easy German.",
    "The pages for residents are in German, English, Turkish, Russian, Ukrainian and Arabic. The translations other than English were made by machine and have not yet been checked by native speakers. The legal texts (this statement, the privacy notice) are complete only in German and English; in the other languages the main points are given in plain language above them.",
    "Checking in at the tablet with the QR code needs the tablet's camera. Alternative: you can also type the code from the e-mail or tell it to us at the front desk.",
    "The call display in the waiting room announces numbers with a tone; the spoken announcement is not switched on everywhere. Every number is always shown large on the display as well, and staff call it out in the waiting room.",
    "When the Cloudflare Turnstile security check is switched on, it comes from Cloudflare; we cannot check its accessibility ourselves. If you cannot complete it, please book by phone.",
    "The pages have not yet been tested systematically with screen readers.",
  ],
  checkHeading: "Preparation of this statement",
  check: (date) => [
    `This statement was prepared and last reviewed on ${date}.`,
    "It is based on a self-assessment: with every change, automated tests check every page and every step in a real browser (Chromium) with axe-core against the WCAG 2.1 criteria, levels A and AA. These tests also book an appointment using the keyboard only, and check the pages at a width of 320 pixels (equivalent to 400 % zoom).",
  ],
  feedbackHeading: "Feedback and contact",
  feedback:
    "Have you noticed something that is not accessible? Do you need content in another form? Then tell us. This is how to reach us:",
  contact: { phone: "Phone", email: "E-mail" },
  enforcementHeading: "Enforcement procedure",
  enforcement:
    "Did you write to us and not get a satisfactory answer (or none within six weeks)? Then you can turn to the responsible enforcement and monitoring body in Bavaria. It looks into your concern; the procedure is free of charge.",
  enforcementBody: "The responsible body is:",
  translation: "This English version is for your information; the German version is authoritative.",
  date: (iso) => {
    const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
    const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    return `${d} ${months[m - 1]} ${y}`;
  },
};

/** The statement's full wording: English for English, German for every other language. */
const fullText = (lang: LegalLang): { t: Texts; lang: "de" | "en" } => (lang === "en" ? { t: EN, lang: "en" } : { t: DE, lang: "de" });

export function barrierefreiheit(o: LegalOffice, lang: LegalLang): LegalDocument {
  const { t, lang: fullLang } = fullText(lang);
  const sections: Section[] = [
    { id: "stand", heading: t.statusHeading, blocks: [p(t.status)] },
    { id: "nicht-barrierefrei", heading: t.gapsHeading, blocks: [p(t.gapsIntro), list(...t.gaps)] },
    { id: "erstellung", heading: t.checkHeading, blocks: t.check(t.date(STATEMENT_DATE)).map((x) => p(x)) },
    { id: FEEDBACK_SECTION, heading: t.feedbackHeading, blocks: [p(t.feedback), contactLines(o, t.contact)] },
    { id: "durchsetzung", heading: t.enforcementHeading, blocks: [p(t.enforcement), p(t.enforcementBody), lines(...settingLines(o.accessibilityEnforcement))] },
  ];
  const scope = p(t.scope(o.providerBody ? `${o.providerBody} (${o.name})` : o.name));
  if (lang === fullLang) {
    return { page: "barrierefreiheit", lang, title: t.title, lead: [scope, ...(t.translation ? [p(t.translation)] : [])], sections };
  }
  // In a language the statement is not written in: the main points and the feedback (with the form) in
  // that language, then the statement in German, marked as German; its own feedback section would repeat.
  const words = legalTexts(lang);
  const plain = words.barrierefreiheit;
  return {
    page: "barrierefreiheit",
    lang,
    title: plain.title,
    lead: [p(plain.lead)],
    sections: [
      { id: "einfach", heading: plain.plainHeading, blocks: [p(plain.status), list(...Object.values(plain.gaps)), p(plain.enforcement)] },
      { id: FEEDBACK_SECTION, heading: plain.feedbackHeading, blocks: [p(plain.feedback), contactLines(o, plain.contact)] },
      {
        id: "volltext",
        heading: words.fullText.heading,
        blocks: [p(words.fullText.note)],
        sections: [
          { id: "geltungsbereich", heading: t.title, blocks: [scope], lang: fullLang },
          ...sections.filter((s) => s.id !== FEEDBACK_SECTION).map((s) => ({ ...s, lang: fullLang })),
        ],
      },
    ],
  };
}
