import { z } from "zod";
import { canonicalEmail, isMultiLine, isSingleLine, normalizeNewlines } from "../common/field-rules";

/*
 * The field builders every request schema takes its free text and addresses from, so a rule holds for
 * every field of its kind: one-line text (names, phone, labels, rooms, office data, reasons), multi-line
 * text (a note, a wish, a message from staff) and e-mail addresses. The rules themselves are zod-free
 * (common/field-rules.ts), for the pages and scripts.
 */

/**
 * One line of text, trimmed, at most `max` characters: no control characters (no CR/LF, tab or NUL),
 * no line separators, no bidi overrides. Chain `.min()` for a required field.
 */
export function singleLine(max: number) {
  return z.string().trim().max(max).refine(isSingleLine, "must be one line without control characters");
}

/**
 * Text that may run over several lines, trimmed, at most `max` characters: CRLF and CR become `\n`,
 * which is then the only control character allowed. Whoever shows it renders each line as text
 * (mails indent them; pages escape them).
 */
export function multiLine(max: number) {
  return z
    .string()
    .overwrite(normalizeNewlines)
    .trim()
    .max(max)
    .refine(isMultiLine, "must not contain control characters other than line breaks");
}

/**
 * An e-mail address, given as a plain addr-spec (`name@example.org`: no display name, no list, no
 * comment, no quotes, no spaces or control characters), answered in its one canonical form
 * (common/field-rules.ts canonicalEmail: local part lower-cased, domain in punycode).
 */
export const Email = z.string().transform(toCanonicalEmail);

/**
 * An address where a form may leave the field empty: an empty or blank string stands for `empty` ("no
 * address": undefined for a field that may be left out, null for a setting that can be cleared).
 */
export function emailOr<T extends null | undefined>(empty: T) {
  return z.string().transform((value, ctx): string | T => (value.trim() === "" ? empty : toCanonicalEmail(value, ctx)));
}

function toCanonicalEmail(value: string, ctx: z.RefinementCtx): string {
  const canonical = canonicalEmail(value);
  if (canonical !== null) return canonical;
  ctx.addIssue({ code: "custom", message: "expected one plain e-mail address such as name@example.org", input: value });
  return z.NEVER;
}
