import { escapeHtml } from "./compose";
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
  lang: "de" | "en";
  /** The statement's address, for staff to look at what the person read. */
  pageUrl: string;
  /** The sender address (MAIL_FROM). */
  from: string;
}

export function composeFeedbackMail(m: FeedbackMail): ComposedMail {
  const subject = `Rückmeldung zur Barrierefreiheit – ${m.officeName}`;
  const rows: [string, string][] = [
    ["Nachricht", m.message],
    ["Name", m.name ?? "(nicht angegeben)"],
    ["Kontakt", m.contact ?? "(nicht angegeben)"],
    ["Sprache der Seite", m.lang === "en" ? "Englisch" : "Deutsch"],
  ];
  const intro = "Über das Formular der Erklärung zur Barrierefreiheit ist eine Rückmeldung angekommen:";
  const answer = m.contact
    ? "Bitte antworten Sie der Person über den angegebenen Kontakt (innerhalb von sechs Wochen)."
    : "Die Person hat keinen Kontakt angegeben.";
  const text = [intro, "", ...rows.map(([label, value]) => `${label}:\n  ${value.replaceAll("\n", "\n  ")}`), "", answer, "", `Seite: ${m.pageUrl}`, ""].join("\n");
  const html =
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:sans-serif;font-size:16px;line-height:1.5"><p>${escapeHtml(intro)}</p>` +
    `<table role="presentation">${rows
      .map(([label, value]) => `<tr><th scope="row" style="text-align:left;vertical-align:top;padding-right:16px">${escapeHtml(label)}:</th><td>${escapeHtml(value).replaceAll("\n", "<br>")}</td></tr>`)
      .join("")}</table>` +
    `<p>${escapeHtml(answer)}</p><p><a href="${escapeHtml(m.pageUrl)}">${escapeHtml(m.pageUrl)}</a></p></body></html>`;
  return {
    kind: "accessibility_feedback",
    to: m.to,
    subject,
    text,
    html,
    ics: null,
    icsMethod: null,
    messageId: `<${m.mailId}@${/@([^>\s]+)>?\s*$/.exec(m.from)?.[1] ?? "sprechstunde.local"}>`,
    dedupeKey: null,
  };
}
