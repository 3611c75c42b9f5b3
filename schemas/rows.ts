import { z } from "zod";
import { ClosingTime, LocalDate, LocalTime, UtcInstant } from "./common";
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
  closes: ClosingTime,
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

/*
 * What admins edit (worker/db/settings.ts): the rows above with the id each change names, and for
 * topics and rooms also the ones switched off (`active`).
 */
export const AdminRuleRow = z.object({ id: z.number().int(), ...OpeningRuleRow.shape });
export type AdminRuleRow = z.infer<typeof AdminRuleRow>;

export const AdminClosureRow = z.object({ id: z.number().int(), ...ClosureRow.shape });
export type AdminClosureRow = z.infer<typeof AdminClosureRow>;

export const AdminTopicRow = TopicRow.extend({ active: Flag });
export type AdminTopicRow = z.infer<typeof AdminTopicRow>;

export const AdminRoomRow = z.object({
  id: z.number().int(),
  name: z.string(),
  sort_order: z.number().int(),
  active: Flag,
});
export type AdminRoomRow = z.infer<typeof AdminRoomRow>;

export const TakenSeatsRow = z.object({
  unit_start_at: z.string(),
  taken: z.number().int(),
});
export type TakenSeatsRow = z.infer<typeof TakenSeatsRow>;

const JsonArray = <T extends z.ZodType>(item: T) =>
  z
    .string()
    .nullable()
    .transform((text, ctx) => {
      if (text === null) return null;
      const parsed = z.array(item).safeParse(JSON.parse(text));
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", message: "not a JSON array of the expected items" });
        return z.NEVER;
      }
      return parsed.data;
    });

/** A booking with its topic and location, as the manage routes load it. */
export const BookingRow = z.object({
  id: z.string(),
  location_id: z.number().int(),
  location_slug: z.string(),
  kind: z.enum(["slot", "request"]),
  status: z.enum(["requested", "confirmed", "checked_in", "completed", "no_show", "cancelled", "declined"]),
  topic_key: z.string(),
  topic_label_de: z.string(),
  topic_label_en: z.string(),
  topic_duration_minutes: z.number().int(),
  starts_at: z.string().nullable(),
  ends_at: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  locale: z.enum(["de", "en"]),
  preferred_weekdays: JsonArray(z.number().int()),
  preferred_times: JsonArray(z.enum(["morning", "afternoon", "evening"])),
  wish: z.string().nullable(),
  code: z.string(),
  invite_sequence: z.number().int(),
  request_hash: z.string().nullable(),
  erased_at: z.string().nullable(),
});
export type BookingRow = z.infer<typeof BookingRow>;

export const OutboxStatus = z.enum(["pending", "sending", "sent", "captured", "failed", "cancelled"]);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

/** A row of mail_outbox (PERSONAL DATA: recipient and bodies). Instants are UTC ISO text. */
export const OutboxRow = z.object({
  id: z.string(),
  location_id: z.number().int(),
  booking_id: z.string().nullable(),
  kind: z.enum(["booking_confirmed", "booking_rescheduled", "booking_cancelled", "booking_reminder", "request_received", "request_declined", "staff_sign_in"]),
  to_address: z.string(),
  subject: z.string(),
  text_body: z.string(),
  html_body: z.string().nullable(),
  ics: z.string().nullable(),
  ics_method: z.enum(["REQUEST", "CANCEL"]).nullable(),
  message_id: z.string(),
  dedupe_key: z.string().nullable(),
  status: OutboxStatus,
  attempts: z.number().int().nonnegative(),
  next_attempt_at: UtcInstant,
  last_error: z.string().nullable(),
  created_at: UtcInstant,
  sent_at: UtcInstant.nullable(),
});
export type OutboxRow = z.infer<typeof OutboxRow>;
