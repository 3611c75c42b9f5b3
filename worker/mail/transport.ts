import type { SMTPTransportOptions } from "nodemailer";
import { canonicalEmail } from "../../common/field-rules";
import { MailDeliveryError, type MailTransport, type OutgoingMail } from "./types";

/*
 * The one file that imports nodemailer: SMTP delivery from inside the Worker (nodejs_compat gives
 * nodemailer the sockets it needs). Everything else sees only the MailTransport port. nodemailer is loaded
 * with the first mail sent, not when the Worker starts: most requests send none (bench/worker.ts).
 */

export interface MailSettings {
  /** `smtps://user:pass@relay.example.org:465` or `smtp://user:pass@relay.example.org:587`. */
  SMTP_URL?: string;
  /** The sender, e.g. `"Zukunft Kempten-Ost" <termine@example.org>`. */
  MAIL_FROM?: string;
}

/** Without MAIL_FROM: a sender that says where it comes from and invites no replies. */
export const DEFAULT_FROM = '"sprechstunde" <no-reply@localhost>';

/** Seconds nodemailer waits to connect, for the greeting, and for each answer: a stuck relay must not hold a Worker. */
const TIMEOUT_MS = 10_000;

/** The sender address: MAIL_FROM, or DEFAULT_FROM. */
export function mailFrom(env: MailSettings): string {
  return env.MAIL_FROM?.trim() || DEFAULT_FROM;
}

/**
 * The SMTP transport for SMTP_URL, or null when SMTP_URL is unset or empty (mail then stays in the
 * outbox as 'captured'). Throws for a URL that cannot be used: not smtp:// or smtps://, no host, or port
 * 25 (Workers cannot reach it, and a relay on 465/587 is the right setting anyway). The error never repeats
 * the URL, which carries the password.
 * Plain smtp:// must upgrade with STARTTLS, except to a loopback address (a relay on the same machine,
 * the tests' server): personal data and the password never cross a network unencrypted.
 */
export function createTransport(env: MailSettings): MailTransport | null {
  const raw = env.SMTP_URL?.trim();
  if (!raw) return null;
  const options = smtpOptions(raw);
  let transporter: Promise<ReturnType<typeof import("nodemailer").createTransport>> | undefined;

  return {
    async send(mail: OutgoingMail): Promise<void> {
      // Stored before addresses were checked as strictly (or written by hand): refused for good rather
      // than sent to whatever a mailer makes of it.
      if (canonicalEmail(mail.to) === null) {
        throw new MailDeliveryError("The recipient is not one plain e-mail address; not sent.", true);
      }
      // The recipient as an address object, in the header and in an explicit envelope: nodemailer then
      // parses no display string, so `a,b@…` could never become a list nor `e(c)@…` lose its comment.
      const to = { name: "", address: mail.to };
      transporter ??= import("nodemailer").then((m) => m.default.createTransport(options));
      try {
        await (await transporter).sendMail({
          from: mail.from,
          to,
          envelope: { from: mail.from, to: [to] },
          subject: mail.subject,
          text: mail.text,
          ...(mail.html === null ? {} : { html: mail.html }),
          // An alternative part `text/calendar; method=…; charset=utf-8` beside text and HTML (plus the
          // same as an attachment, for clients that only look there).
          ...(mail.ics === null
            ? {}
            : { icalEvent: { method: mail.icsMethod ?? "REQUEST", filename: "termin.ics", content: mail.ics } }),
          messageId: mail.messageId,
        });
      } catch (err) {
        throw deliveryError(err);
      }
    },
  };
}

function smtpOptions(raw: string): SMTPTransportOptions {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error("SMTP_URL is not a URL; expected smtps://user:password@host:465 or smtp://user:password@host:587");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new Error(`SMTP_URL must start with smtps:// or smtp://, not ${url.protocol}//`);
  }
  if (!url.hostname) throw new Error("SMTP_URL has no host");
  const secure = url.protocol === "smtps:";
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  if (port === 25) {
    throw new Error(
      "SMTP_URL uses port 25, which Cloudflare Workers cannot connect to; use your relay's port 465 (smtps://) or 587 (smtp:// with STARTTLS)",
    );
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const loopback = host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
  return {
    host,
    port,
    secure,
    requireTLS: !secure && !loopback,
    ...(url.username || url.password
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    dnsTimeout: TIMEOUT_MS,
  };
}

/**
 * Permanent: the server refused this message for good (an SMTP 5xx reply), so trying it again would get
 * the same answer. Everything else is temporary: no connection, a timeout, a 4xx, and also 503 (a session
 * in the wrong state, RFC 5321) and a refused login (the settings are wrong, not the message: once they
 * are fixed the message can go).
 */
function deliveryError(err: unknown): MailDeliveryError {
  // What nodemailer puts on its errors (NodemailerError, typed against @types/node the Worker does not load).
  const e = (err ?? {}) as { code?: unknown; responseCode?: unknown; response?: unknown };
  const code = typeof e.responseCode === "number" ? e.responseCode : null;
  const permanent = code !== null && code >= 500 && code < 600 && code !== 503 && e.code !== "EAUTH";
  const reply = typeof e.response === "string" ? e.response : err instanceof Error ? err.message : String(err);
  const message = [typeof e.code === "string" ? e.code : null, reply].filter(Boolean).join(": ");
  return new MailDeliveryError(message || "SMTP delivery failed", permanent);
}
