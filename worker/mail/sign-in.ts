import { SIGN_IN_LINK_MINUTES } from "../../common/limits";
import { escapeHtml, plainMail } from "./compose";
import type { ComposedMail } from "./types";

/*
 * The staff sign-in mail: a one-time link, German first, English below, plain language. Pure: the same
 * input gives the same message. It is about no booking, so it has no invite; the link carries its secret
 * in the URL fragment (`/staff#link=…`), which browsers never send to a server or put in its logs.
 */

export interface SignInMail {
  /** The outbox row's id; the Message-ID is derived from it. */
  mailId: string;
  to: string;
  name: string;
  officeName: string;
  /** `<origin>/staff#link=<token>` */
  url: string;
  /** The sender address (MAIL_FROM). */
  from: string;
}

/** Composes the sign-in mail. */
export function composeSignInMail(m: SignInMail): ComposedMail {
  const subject = `Ihr Anmelde-Link – ${m.officeName} (sign-in link)`;
  const de = [
    `Hallo ${m.name},`,
    "",
    "hier ist Ihr Link zum Anmelden in der Team-Übersicht:",
    m.url,
    "",
    `Der Link gilt ${SIGN_IN_LINK_MINUTES} Minuten. Er funktioniert nur einmal.`,
    "Nach dem Anmelden können Sie einen Passkey für diesen PC hinzufügen. Dann brauchen Sie keinen Link mehr.",
    "",
    "Sie haben keinen Link angefordert? Dann löschen Sie diese E-Mail einfach. Niemand kann sich ohne den Link anmelden.",
  ];
  const en = [
    `Hello ${m.name},`,
    "",
    `here is your link to sign in to the staff board: ${m.url}`,
    `It works for ${SIGN_IN_LINK_MINUTES} minutes, and only once. After signing in you can add a passkey for this PC.`,
    "You did not ask for a link? Then just delete this e-mail.",
  ];
  const text = [...de, "", "—", "", ...en, "", m.officeName, ""].join("\n");
  const p = (lines: string[]) => lines.filter((l) => l !== "").map((l) => `<p>${escapeHtml(l)}</p>`).join("");
  const link = `<p><a href="${escapeHtml(m.url)}" style="font-size:20px">Jetzt anmelden</a></p>`;
  const html =
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:sans-serif;font-size:16px;line-height:1.5">` +
    p(de.slice(0, 3)) + link + p(de.slice(5)) +
    `<hr><div lang="en">${p(en)}</div><p>${escapeHtml(m.officeName)}</p></body></html>`;
  return plainMail("staff_sign_in", m, { subject, text, html });
}

/**
 * The text of a sign-in mail as colleagues may see it in the board's outbox: the link's secret replaced,
 * so nobody can sign in as the recipient by reading a captured mail. Other text passes unchanged.
 */
export function redactSignInLink(text: string): string {
  return text.replace(/#link=[A-Za-z0-9_-]+/g, "#link=…");
}
