import { MAX_SLOT_RANGE_DAYS } from "../../common/limits";
import type { SlotsQuery, SlotsResponse } from "../../schemas/slots";
import { loadSchedule, scheduleBasis } from "../db/locations";
import { scheduleDays } from "../domain/schedule";
import { staffSettings } from "../domain/staff-booking";
import { daysBetween, toOffsetIso } from "../../common/time";
import { AppError } from "../errors";

/**
 * The free slots of `office` for the query's local days, the one computation behind `GET /api/slots`
 * and the staff board's `GET /api/staff/:office/slots`. `online`: the minimum notice and topics bookable
 * online only. `staff`: the rules of a phone booking (domain/staff-booking.ts): no minimum notice, but
 * never a start before now, and any active topic. Times in the answer carry the office's offset.
 */
export async function freeSlots(
  db: D1Database,
  now: Date,
  office: string,
  query: SlotsQuery,
  rules: "online" | "staff",
): Promise<SlotsResponse> {
  const length = daysBetween(query.from, query.to) + 1;
  if (length < 1) throw new AppError("invalid_range", "to: must not be before from.", "to");
  if (length > MAX_SLOT_RANGE_DAYS) {
    throw new AppError("invalid_range", `to: at most ${MAX_SLOT_RANGE_DAYS} days from 'from'.`, "to");
  }

  const data = await loadSchedule(db, office, query.from, query.to);
  if (!data) throw new AppError("unknown_location", "This office is not set up yet.");
  const { location } = data;
  const topic = query.topic === undefined ? undefined : data.topics.find((t) => t.key === query.topic);
  if (query.topic !== undefined && !(topic && (rules === "staff" || topic.bookable_online))) {
    throw new AppError("unknown_topic", `topic: '${query.topic}' is not a topic that can be booked here.`, "topic");
  }

  const basis = scheduleBasis(data);
  const days = scheduleDays({
    from: query.from,
    to: query.to,
    now,
    durationMinutes: topic?.duration_minutes ?? location.slot_minutes,
    ...basis,
    settings: rules === "staff" ? staffSettings(basis.settings) : basis.settings,
  });

  const tz = location.time_zone;
  return {
    timezone: tz,
    ...(topic ? { topic: topic.key } : {}),
    days: days.map((d) => ({
      date: d.date,
      status: d.status,
      ...(d.reason ? { reason: d.reason.de, reasonEn: d.reason.en } : {}),
      slots: d.slots.map((s) => ({ start: toOffsetIso(s.start, tz), end: toOffsetIso(s.end, tz), free: s.free })),
    })),
  };
}
