import { z } from "zod";
import { Texts, ClosingTime, LocalDate, LocalTime } from "./common";

export const Audience = z.enum(["residents", "businesses", "everyone"]);
export type Audience = z.infer<typeof Audience>;

/** A topic key as used in URLs and bodies: lower-case letters, digits and dashes. */
export const TopicKey = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, "expected a topic key such as 'fragen'");

export const Topic = z.object({
  key: TopicKey,
  label: Texts,
  description: Texts,
  audience: Audience,
  durationMinutes: z.number().int().positive(),
  bookableOnline: z.boolean(),
  walkIn: z.boolean(),
  icon: z.string(),
});
export type Topic = z.infer<typeof Topic>;

/** One opening span on a weekday (ISO weekday, 1 = Monday). */
export const OpeningSpan = z.object({
  weekday: z.number().int().min(1).max(7),
  opens: LocalTime,
  closes: ClosingTime,
  validFrom: LocalDate,
  validUntil: LocalDate.nullable(),
});
export type OpeningSpan = z.infer<typeof OpeningSpan>;

/**
 * One-day extra hours ("Sondertermin"): the office opens on `day` (local) from `opens` to `closes`,
 * bookable like any open day; `note` says what for (may be empty).
 */
export const ExtraOpening = z.object({ day: LocalDate, opens: LocalTime, closes: ClosingTime, note: Texts });
export type ExtraOpening = z.infer<typeof ExtraOpening>;

/** `GET /api/location` query: `office` names an office other than the request's own (a status page's). */
export const LocationQuery = z.object({ office: z.string().regex(/^[a-z0-9-]{1,64}$/, "expected an office slug").optional() });

/** `GET /api/location`: the office as residents see it. */
export const LocationResponse = z.object({
  slug: z.string(),
  name: z.string(),
  shortName: z.string(),
  address: z.object({
    street: z.string(),
    postalCode: z.string().nullable(),
    city: z.string(),
  }),
  contact: z.object({
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  timezone: z.string(),
  openingHours: z.array(OpeningSpan),
  /**
   * Extra hours from today up to the booking horizon, earliest first, on days that are no public
   * holiday and no closure (which win over them).
   */
  extraHours: z.array(ExtraOpening),
  /** Shown with the opening hours: appointments outside them can be requested. */
  byArrangement: z.literal(true),
  booking: z.object({
    slotMinutes: z.number().int().positive(),
    minNoticeMinutes: z.number().int().nonnegative(),
    horizonDays: z.number().int().positive(),
  }),
  /** Days after an appointment until its personal data is erased (the privacy notice names it). */
  retentionDays: z.number().int().positive(),
  topics: z.array(Topic),
  /**
   * Whether the booking page (`/`) books for this office: only for the deployment's default one. Pages
   * about another office's booking or number (manage, status) offer its phone and e-mail instead.
   */
  bookableOnline: z.boolean(),
  /** Cloudflare Turnstile site key when the office has the check switched on; null when it is off. */
  turnstileSiteKey: z.string().nullable(),
});
export type LocationResponse = z.infer<typeof LocationResponse>;
