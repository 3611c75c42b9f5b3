import { z } from "zod";
import { LocalDate, OffsetDateTime, Texts } from "./common";
import { LocationQuery, TopicKey } from "./location";

export const SlotsQuery = z
  .object({
    from: LocalDate,
    to: LocalDate,
    topic: TopicKey.optional(),
  })
  .strict();
export type SlotsQuery = z.infer<typeof SlotsQuery>;

/**
 * `GET /api/slots`: `?office=` names the office (the manage page moves a booking within its own office);
 * without it, the office of the page (a paired kiosk's, else the deployment's default).
 */
export const PublicSlotsQuery = SlotsQuery.extend({ office: LocationQuery.shape.office });
export type PublicSlotsQuery = z.infer<typeof PublicSlotsQuery>;

export const DayStatus = z.enum(["open", "closed", "holiday", "closure"]);
export type DayStatus = z.infer<typeof DayStatus>;

export const Slot = z.object({
  start: OffsetDateTime,
  end: OffsetDateTime,
  /** Seats still free for the whole length of the chosen topic. */
  free: z.number().int().positive(),
});
export type Slot = z.infer<typeof Slot>;

export const Day = z.object({
  date: LocalDate,
  status: DayStatus,
  /**
   * Why the office is closed that day (holiday name or the closure's reason): German, and the other
   * languages where known (a holiday's in English; a closure's as the office wrote them).
   */
  reason: Texts.optional(),
  /** Bookable slots only: not past, not inside the minimum notice, not beyond the horizon, not full. */
  slots: z.array(Slot),
});
export type Day = z.infer<typeof Day>;

/** `GET /api/slots`: every day of the range, in order. */
export const SlotsResponse = z.object({
  timezone: z.string(),
  topic: TopicKey.optional(),
  days: z.array(Day),
});
export type SlotsResponse = z.infer<typeof SlotsResponse>;
