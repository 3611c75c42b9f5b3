import { z } from "zod";
import { RESIDENT_LOCALES, isLocale } from "../common/i18n/languages";
import { LEGAL_PAGES, type LegalLang } from "../common/legal/types";
import { multiLine, singleLine } from "./fields";

/*
 * The legal pages (/impressum, /datenschutz, /barrierefreiheit) and the accessibility feedback form.
 * The pages are HTML rendered by the Worker; `GET /api/legal/:page` answers the same document as JSON
 * (common/legal/types.ts `LegalDocument`) for the kiosk and the booking page.
 */

const Slug = z.string().regex(/^[a-z0-9-]{1,64}$/, "expected an office slug");

/**
 * A page's query: `?lang=en` (or tr, ru, uk, ar; German without it) and `?office=` (the deployment's default without it).
 * A language the pages do not have yet falls back to German rather than failing a link from elsewhere.
 * `?gesendet=1`: the accessibility statement's thanks after its form was sent (anything else: the page).
 */
export const LegalQuery = z.object({
  lang: z
    .string()
    .optional()
    .transform((v): LegalLang => (isLocale(v) ? v : "de")),
  office: Slug.optional(),
  gesendet: z
    .string()
    .optional()
    .transform((v) => v === "1"),
});
export type LegalQuery = z.infer<typeof LegalQuery>;

export const LegalPageParam = z.enum(LEGAL_PAGES);

const optional = (max: number) =>
  singleLine(max)
    .optional()
    .transform((v) => (v ? v : null));

/**
 * `POST /barrierefreiheit`: a plain HTML form (works without JavaScript). The message is required;
 * name and contact (an e-mail address or a phone number, as the person writes it) are optional.
 * `lang` and `office` come back as hidden fields, so the answer is in the page's language and office.
 */
export const AccessibilityFeedback = z
  .object({
    message: multiLine(2000).min(1, "must not be empty"),
    name: optional(120),
    contact: optional(200),
    lang: z.enum(RESIDENT_LOCALES).default("de"),
    office: Slug.optional(),
  })
  .strict();
export type AccessibilityFeedback = z.infer<typeof AccessibilityFeedback>;
