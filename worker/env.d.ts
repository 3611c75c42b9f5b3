// Settings that are not in wrangler.toml: secrets (`wrangler secret put …`) and optional variables.
// All optional: without them the app runs with mail captured in the outbox and Turnstile off.
interface Env {
  /** SMTP relay, e.g. smtps://user:pass@relay.example.org:465 (port 25 is refused). */
  SMTP_URL?: string;
  /** Sender of all mail, e.g. "Zukunft Kempten-Ost" <termine@example.org>. */
  MAIL_FROM?: string;
  /** Cloudflare Turnstile; the check is on only when both are set. */
  TURNSTILE_SECRET_KEY?: string;
  TURNSTILE_SITE_KEY?: string;
  /**
   * "1": a local server started to be measured (`npm run bench`) says in headers what each request cost
   * in D1 rows (middleware.ts measureD1). Never set it for a deployed Worker; it is ignored there anyway
   * unless the request came to localhost.
   */
  MEASURE_D1_ROWS?: string;
  /**
   * Web Push (issue 13): the VAPID key pair (P-256; public key uncompressed, private key `d`, both
   * base64url) and the contact a push service may write to (`mailto:…`). Push is offered only when all
   * three are set; `npm start` writes development keys into .dev.vars (README, "Web Push").
   */
  VAPID_PUBLIC_KEY?: string;
  VAPID_PRIVATE_KEY?: string;
  VAPID_SUBJECT?: string;
}
