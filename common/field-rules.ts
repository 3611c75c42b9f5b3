/*
 * The rules of what people type into the forms: e-mail addresses, one-line and multi-line text, days.
 * Free of zod and of any import, so the Worker's schemas (schemas/fields.ts), the pages and the Node
 * scripts apply the very same rule and a page never accepts what the API refuses (or the other way round).
 */

// ---------------------------------------------------------------------------------------------------
// Days

/**
 * The first and last local day any date input may name. Outside them nobody books anything, and the
 * years 0–99 would turn into 1900–1999 in `Date.UTC` arithmetic.
 */
export const EARLIEST_DAY = "2000-01-01";
export const LATEST_DAY = "2100-12-31";

/** Whether a `YYYY-MM-DD…` string (a day, or an instant starting with its day) lies in EARLIEST_DAY … LATEST_DAY. */
export function isDayInRange(value: string): boolean {
  const day = value.slice(0, 10);
  return day >= EARLIEST_DAY && day <= LATEST_DAY;
}

// ---------------------------------------------------------------------------------------------------
// Text

/*
 * Characters that change how text around them reads rather than being text: C0 and C1 controls (CR and
 * LF among them, which start a new line in a mail), the line and paragraph separators, and the bidi
 * embeddings, overrides and isolates that reorder what follows them (a name could otherwise render
 * backwards on the board or in a mail). The marks LRM/RLM stay allowed: they reorder nothing. Lone
 * surrogates (\p{Cs}: half of a character, which JSON can carry) are refused too: stored as UTF-8 they
 * would turn into replacement characters.
 */
const LAYOUT = "\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069";
const NOT_SINGLE_LINE = new RegExp(`[\\p{Cc}\\p{Cs}${LAYOUT}]`, "u");
const NOT_MULTI_LINE = new RegExp(`[^\\P{Cc}\\n]|[\\p{Cs}${LAYOUT}]`, "u");

/** Whether text may stand in a one-line field (names, phone, labels, rooms, reasons …). */
export function isSingleLine(text: string): boolean {
  return !NOT_SINGLE_LINE.test(text);
}

/** Line breaks as one `\n` each, whether the browser or client sent CRLF, CR or LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** Whether (newline-normalised) text may stand in a multi-line field (note, wish, staff message): `\n` is its only control. */
export function isMultiLine(text: string): boolean {
  return !NOT_MULTI_LINE.test(text);
}

/** Tabs and line breaks of every kind: white space a person can type or paste into a field. */
const SPACING = /[\t\n\r\v\f\u0085\u2028\u2029]+/g;
const EVERY_NOT_SINGLE_LINE = new RegExp(NOT_SINGLE_LINE.source, "gu");
const EVERY_NOT_MULTI_LINE = new RegExp(NOT_MULTI_LINE.source, "gu");

/**
 * What the pages send of a one-line field: tabs and line breaks become one space, the other characters
 * `isSingleLine` refuses are dropped (they are invisible: a name pasted from a chat often carries bidi
 * isolates), and the ends are trimmed. So a person never meets a refusal for what they cannot see.
 */
export function cleanLine(text: string): string {
  return text.replace(SPACING, " ").replace(EVERY_NOT_SINGLE_LINE, "").trim();
}

/** What the pages send of a multi-line field: line breaks as `\n`, a tab as a space, other controls dropped, trimmed. */
export function cleanText(text: string): string {
  return normalizeNewlines(text)
    .replace(/[\t\v\f]/g, " ")
    .replace(/[\u0085\u2028\u2029]/g, "\n")
    .replace(EVERY_NOT_MULTI_LINE, "")
    .trim();
}

// ---------------------------------------------------------------------------------------------------
// E-mail addresses

/** The longest address, in UTF-8 bytes (RFC 5321's path limit less the angle brackets). */
export const EMAIL_MAX_BYTES = 254;
const LOCAL_MAX_BYTES = 64;

/*
 * A local part is a dot-atom (RFC 5322) whose atoms hold the ASCII `atext` characters or, for
 * international addresses (RFC 6531), letters, marks and digits of any script. So no quoted local part,
 * no comment, no display name, no list, no space and no control or invisible formatting character:
 * nothing a mailer could read as something other than this one mailbox.
 */
const ATOM = "[\\p{L}\\p{M}\\p{N}!#$%&'*+\\-/=?^_`{|}~]+";
const LOCAL_PART = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`, "u");
/** A domain as typed: labels of letters, marks, digits and hyphens, at least two of them. */
const TYPED_DOMAIN = /^[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)+$/u;
/** The domain after IDNA: LDH labels of 1–63 characters, and a top-level domain that is a name, not a number. */
const ASCII_DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/**
 * The one stored form of an e-mail address, or null when `input` is not a plain addr-spec.
 *
 * Canonical form: trimmed, Unicode NFC, the local part lower-cased, the domain in IDNA ASCII form
 * (punycode, `xn--…`, as the WHATWG URL parser gives it in workerd, Node and browsers alike). Storing,
 * comparing (the cap of active bookings per address) and sending all use this one string, so
 * `User@Example.ORG` and `user@example.org` are one mailbox, and so are `jörg@bücher.de` and
 * `jörg@xn--bcher-kva.de`.
 * - Local part lower-cased: RFC 5321 lets a server tell `Jo` from `jo`, but discourages it, and the
 *   providers residents use (and the usual MTAs) do not; folding it keeps one person from holding the
 *   cap twice by changing case.
 * - Punycode domain: every relay accepts it in RCPT TO (a Unicode domain needs SMTPUTF8), and it is
 *   the form the URL parser validates and maps (case, width, NFC) for us.
 */
export function canonicalEmail(input: string): string | null {
  const address = input.trim().normalize("NFC");
  if (address.length > EMAIL_MAX_BYTES) return null;
  const at = address.lastIndexOf("@");
  if (at < 1 || at === address.length - 1) return null;
  const local = address.slice(0, at);
  const typedDomain = address.slice(at + 1);
  if (!LOCAL_PART.test(local) || utf8Bytes(local) > LOCAL_MAX_BYTES) return null;
  if (!TYPED_DOMAIN.test(typedDomain)) return null;
  let domain: string;
  try {
    domain = new URL(`http://${typedDomain}`).hostname;
  } catch {
    return null;
  }
  if (!ASCII_DOMAIN.test(domain)) return null;
  const canonical = `${local.toLowerCase()}@${domain}`;
  return utf8Bytes(canonical) <= EMAIL_MAX_BYTES ? canonical : null;
}
