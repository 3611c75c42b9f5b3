import { z } from "zod";
import { RESIDENT_LOCALES, STAFF_LOCALES } from "../common/i18n/languages";
import type { OfficeTexts } from "../common/texts";
import { EARLIEST_DAY, isDayInRange, LATEST_DAY } from "../common/field-rules";

const IN_RANGE = `must be a day from ${EARLIEST_DAY} to ${LATEST_DAY}`;

/** A local calendar day, `YYYY-MM-DD`, in the location's time zone, from EARLIEST_DAY to LATEST_DAY. */
export const LocalDate = z.iso.date().refine(isDayInRange, IN_RANGE);
export type LocalDate = z.infer<typeof LocalDate>;

/** A local wall-clock time, `HH:MM` (24 h), in the location's time zone. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM");
export type LocalTime = z.infer<typeof LocalTime>;

/** When an opening span ends: a local time, or `24:00` for "until midnight". */
export const ClosingTime = z.union([LocalTime, z.literal("24:00")]);

/** A UTC instant as stored in D1: exactly what `Date#toISOString()` gives. */
export const UtcInstant = z.iso.datetime({ precision: 3 });

/**
 * An instant written as local time with its UTC offset, e.g. `2026-11-30T13:00:00+01:00`, on a local day
 * from EARLIEST_DAY to LATEST_DAY (anything else is no appointment, and far years break date arithmetic).
 */
export const OffsetDateTime = z.iso
  .datetime({ offset: true, local: false })
  .refine((v) => isDayInRange(v) && Number.isFinite(Date.parse(v)), IN_RANGE);

/** A resident's language (common/i18n/languages.ts): a booking's and a ticket's, its mails' and pages'. */
export const Locale = z.enum(RESIDENT_LOCALES);
export type Locale = z.infer<typeof Locale>;
/** The staff board's languages. */
export const StaffLocale = z.enum(STAFF_LOCALES);

/**
 * One of the office's own texts (a topic's name or description, a closure's reason, the note of extra
 * hours) in the residents' languages: German always, every other language only where the office wrote
 * it. A page shows the German text marked `lang="de"` where its language is missing
 * (kiosk/shared/Localized.tsx); the staff board shows German or English. Helpers: common/texts.ts.
 */
export const Texts = z.object({
  de: z.string(),
  en: z.string().optional(),
  tr: z.string().optional(),
  ru: z.string().optional(),
  uk: z.string().optional(),
  ar: z.string().optional(),
}) satisfies z.ZodType<OfficeTexts>;
export type Texts = z.infer<typeof Texts>;

/** The one error shape every API error uses. `field` names the offending input, when there is one. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    /** What the refusal points at, for codes that say so (e.g. `bookings_affected`, schemas/staff-settings.ts). */
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const HealthResponse = z.object({ ok: z.literal(true) });
