import { z } from "zod";
import { LocalDate, LocalTime } from "./common";
import { Audience } from "./location";

/*
 * Rows as D1 returns them. worker/db maps every row through these, so a column that changed type or
 * went missing fails loudly at the edge of the data layer instead of deep inside the domain.
 */

const Flag = z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1);

export const LocationRow = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  short_name: z.string(),
  street: z.string(),
  postal_code: z.string().nullable(),
  city: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  time_zone: z.string(),
  holiday_region: z.string(),
  slot_minutes: z.number().int(),
  seats_per_slot: z.number().int(),
  min_notice_minutes: z.number().int(),
  horizon_days: z.number().int(),
  max_active_bookings_per_email: z.number().int(),
  checkin_opens_minutes: z.number().int(),
  checkin_closes_minutes: z.number().int(),
  retention_days: z.number().int(),
});
export type LocationRow = z.infer<typeof LocationRow>;

export const TopicRow = z.object({
  id: z.number().int(),
  key: z.string(),
  label_de: z.string(),
  label_en: z.string(),
  description_de: z.string(),
  description_en: z.string(),
  audience: Audience,
  duration_minutes: z.number().int(),
  bookable_online: Flag,
  walk_in: Flag,
  icon: z.string(),
  sort_order: z.number().int(),
});
export type TopicRow = z.infer<typeof TopicRow>;

export const OpeningRuleRow = z.object({
  weekday: z.number().int().min(1).max(7),
  opens: LocalTime,
  closes: LocalTime,
  valid_from: LocalDate,
  valid_until: LocalDate.nullable(),
});
export type OpeningRuleRow = z.infer<typeof OpeningRuleRow>;

export const ClosureRow = z.object({
  first_day: LocalDate,
  last_day: LocalDate,
  reason_de: z.string(),
  reason_en: z.string(),
});
export type ClosureRow = z.infer<typeof ClosureRow>;

export const TakenSeatsRow = z.object({
  slot_start_at: z.string(),
  taken: z.number().int(),
});
export type TakenSeatsRow = z.infer<typeof TakenSeatsRow>;
