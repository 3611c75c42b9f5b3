import { escapeHtml, plainMail } from "./compose";
import type { LegalLang } from "../../common/legal/types";
import type { ComposedMail } from "./types";

/*
 * Feedback on the accessibility statement, as a mail to the office itself (it lands in the outbox like
 * every mail, so it falls under the outbox's retention rule). Staff read German; what the person wrote
 * is shown as written, each of its lines indented in the text part and escaped in the HTML part, so no
 * line of it can pass for a field of the mail. Pure: the same input gives the same message.
 */

export interface FeedbackMail {
  /** The outbox row's id; the Message-ID is derived from it. */
  mailId: string;
  /** The office's address: the mail goes to the office, never to the sender. */
  to: string;
  officeName: string;
  message: string;
  name: string | null;
  contact: string | null;
  /** The language of the page the person wrote from. */
  lang: LegalLang;
  /** The statement's address, for staff to look at what the person read. */
  pageUrl: string;
  /** The sender address (MAIL_FROM). */
  from: string;
}

/** The labels of the text part's fields, each alone on its line; the value follows, every line indented. */
const LABELS = { message: "Nachricht", name: "Name", contact: "Kontakt", lang: "Sprache der Seite" } as const;
/** What stands for a field the person left empty. */
const NOT_GIVEN = "(nicht angegeben)";
const INDENT = "  ";
/** The page's language as staff read it (the mail to the office is German). */
const LANGUAGES: Record<LegalLang, string> = { de: "Deutsch", en: "Englisch", tr: "Türkisch", ru: "Russisch", uk: "Ukrainisch", ar: "Arabisch" };

export function composeFeedbackMail(m: FeedbackMail): ComposedMail {
  const subject = `Rückmeldung zur Barrierefreiheit – ${m.officeName}`;
  const rows: [string, string][] = [
    [LABELS.message, m.message],
    [LABELS.name, m.name ?? NOT_GIVEN],
    [LABELS.contact, m.contact ?? NOT_GIVEN],
    [LABELS.lang, LANGUAGES[m.lang]],
  ];
  const intro = "Über das Formular der Erklärung zur Barrierefreiheit ist eine Rückmeldung angekommen:";
  const answer = m.contact
    ? "Bitte antworten Sie der Person über den angegebenen Kontakt (innerhalb von sechs Wochen)."
    : "Die Person hat keinen Kontakt angegeben.";
  const text = [intro, "", ...rows.map(([label, value]) => `${label}:\n${INDENT}${value.replaceAll("\n", `\n${INDENT}`)}`), "", answer, "", `Seite: ${m.pageUrl}`, ""].join("\n");
  const html =
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:sans-serif;font-size:16px;line-height:1.5"><p>${escapeHtml(intro)}</p>` +
    `<table role="presentation">${rows
      .map(([label, value]) => `<tr><th scope="row" style="text-align:left;vertical-align:top;padding-right:16px">${escapeHtml(label)}:</th><td dir="auto">${escapeHtml(value).replaceAll("\n", "<br>")}</td></tr>`)
      .join("")}</table>` +
    `<p>${escapeHtml(answer)}</p><p><a href="${escapeHtml(m.pageUrl)}">${escapeHtml(m.pageUrl)}</a></p></body></html>`;
  return plainMail("accessibility_feedback", m, { subject, text, html });
}

/** What the person filled in, as parseFeedbackText reads it back from the mail's text. */
export type FeedbackFields = Pick<FeedbackMail, "message" | "name" | "contact" | "lang">;

/**
 * The fields of a feedback mail's text part (composeFeedbackMail), so that a data-subject search compares
 * what the person filled in and never the template's own words. A field's label stands alone at the start
 * of a line; every line of its value is indented, so a value with line breaks or colons ("Name:" typed in
 * the message) cannot pass for a label. A field given as NOT_GIVEN is null. Null when the text is not
 * one this module composed (a label missing).
 */
export function parseFeedbackText(text: string): FeedbackFields | null {
  const values = new Map<string, string>();
  const lines = text.split("\n");
  const labels = new Set<string>(Object.values(LABELS));
  for (let i = 0; i < lines.length; i++) {
    const label = /^(.+):$/.exec(lines[i]!)?.[1];
    if (label === undefined || !labels.has(label) || values.has(label)) continue;
    const value: string[] = [];
    while (i + 1 < lines.length && lines[i + 1]!.startsWith(INDENT)) value.push(lines[++i]!.slice(INDENT.length));
    values.set(label, value.join("\n"));
  }
  const message = values.get(LABELS.message);
  const name = values.get(LABELS.name);
  const contact = values.get(LABELS.contact);
  const lang = values.get(LABELS.lang);
  if (message === undefined || name === undefined || contact === undefined || lang === undefined) return null;
  return {
    message,
    name: name === NOT_GIVEN ? null : name,
    contact: contact === NOT_GIVEN ? null : contact,
    lang: (Object.keys(LANGUAGES) as LegalLang[]).find((code) => LANGUAGES[code] === lang) ?? "de",
  };
}
