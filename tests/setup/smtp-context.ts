/*
 * What the SMTP test servers (tests/setup/smtp-server.ts, run in Node) hand to the Worker tests: the
 * address of their control API, and each received message as mailparser read it.
 */

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the SMTP servers' control API, e.g. `http://127.0.0.1:40123`. */
    smtpControlUrl: string;
  }
}

/** One message as it arrived over SMTP, parsed by mailparser in Node. */
export interface ReceivedMail {
  /** The SMTP envelope (MAIL FROM / RCPT TO). */
  envelope: { from: string; to: string[] };
  /** The message exactly as it came over the wire. */
  raw: string;
  from: { name: string; address: string }[];
  to: { name: string; address: string }[];
  subject: string;
  messageId: string;
  /** The top-level Content-Type value, e.g. `multipart/mixed`. */
  contentType: string;
  text: string;
  html: string;
  /** Every part that is neither the text nor the HTML body (the calendar alternative, attachments). */
  parts: {
    contentType: string;
    params: Record<string, string>;
    disposition: string | null;
    filename: string | null;
    content: string;
  }[];
}
