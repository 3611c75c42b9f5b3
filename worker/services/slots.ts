import { MAX_SLOT_RANGE_DAYS } from "../../common/limits";
import type { SlotsQuery, SlotsResponse } from "../../schemas/slots";
import { loadSchedule, scheduleBasis, scheduleVersion } from "../db/locations";
import { scheduleChangesAt, scheduleDays } from "../domain/schedule";
import { staffSettings } from "../domain/staff-booking";
import { daysBetween, toOffsetIso } from "../../common/time";
import { AppError } from "../errors";
import { AnswerCache } from "./slots-cache";

type Rules = "online" | "staff";

/**
 * This isolate's computed answers (slots-cache.ts says why memory). 200 keys cover an office's usual
 * ranges many times over; 4 million characters (about 4 MB) bound the memory whatever ranges are asked
 * for: eight weeks of Kempten-Ost are about 13 000, of an office open 08:00–18:00 every weekday with
 * 30-minute slots about 65 000.
 */
const answers = new AnswerCache({ entries: 200, chars: 4_000_000 });

/**
 * The free slots of `office` for the query's local days as the JSON body of `GET /api/slots` (rules
 * `online`) and of the staff board's `GET /api/staff/:office/slots` (`staff`); see `freeSlots`.
 *
 * Served from this isolate's cache when the kept answer was computed at the office's current schedule
 * version (read from D1 on every request: one row) and the clock lies in its validity (until the first
 * listed start passes the minimum notice or the local day ends: domain/schedule.ts scheduleChangesAt).
 * Every change of free times raises the version in its own batch (migration 0006), so a change that has
 * answered is never hidden by a kept answer. A computation stores its answer under the version read in
 * the same batch as its data, never under a newer one.
 */
export async function freeSlotsJson(db: D1Database, now: Date, office: string, query: SlotsQuery, rules: Rules): Promise<string> {
  checkRange(query);
  const key = `${rules}|${office}|${query.from}|${query.to}|${query.topic ?? ""}`;
  const kept = answers.get(key, now.getTime());
  if (kept && kept.version === (await scheduleVersion(db, office))) return kept.body;

  const computed = await computeFreeSlots(db, now, office, query, rules);
  const body = JSON.stringify(computed.answer);
  answers.set(key, { version: computed.version, validFrom: now.getTime(), validUntil: computed.changesAt.getTime(), body });
  return body;
}

/**
 * The free slots of `office` for the query's local days, computed afresh. `online`: the minimum notice
 * and topics bookable online only. `staff`: the rules of a phone booking (domain/staff-booking.ts): no
 * minimum notice, but never a start before now, and any active topic. Times in the answer carry the
 * office's offset.
 */
export async function freeSlots(db: D1Database, now: Date, office: string, query: SlotsQuery, rules: Rules): Promise<SlotsResponse> {
  checkRange(query);
  return (await computeFreeSlots(db, now, office, query, rules)).answer;
}

function checkRange(query: SlotsQuery): void {
  const length = daysBetween(query.from, query.to) + 1;
  if (length < 1) throw new AppError("invalid_range", "to: must not be before from.", "to");
  if (length > MAX_SLOT_RANGE_DAYS) {
    throw new AppError("invalid_range", `to: at most ${MAX_SLOT_RANGE_DAYS} days from 'from'.`, "to");
  }
}

/** The answer, the schedule version its data was read at, and when the clock alone may change it. */
async function computeFreeSlots(
  db: D1Database,
  now: Date,
  office: string,
  query: SlotsQuery,
  rules: Rules,
): Promise<{ answer: SlotsResponse; version: number; changesAt: Date }> {
  const data = await loadSchedule(db, office, query.from, query.to);
  if (!data) throw new AppError("unknown_location", "This office is not set up yet.");
  const { location } = data;
  const topic = query.topic === undefined ? undefined : data.topics.find((t) => t.key === query.topic);
  if (query.topic !== undefined && !(topic && (rules === "staff" || topic.bookable_online))) {
    throw new AppError("unknown_topic", `topic: '${query.topic}' is not a topic that can be booked here.`, "topic");
  }

  const basis = scheduleBasis(data);
  const settings = rules === "staff" ? staffSettings(basis.settings) : basis.settings;
  const days = scheduleDays({
    from: query.from,
    to: query.to,
    now,
    durationMinutes: topic?.duration_minutes ?? location.slot_minutes,
    ...basis,
    settings,
  });

  const tz = location.time_zone;
  const answer: SlotsResponse = {
    timezone: tz,
    ...(topic ? { topic: topic.key } : {}),
    days: days.map((d) => ({
      date: d.date,
      status: d.status,
      ...(d.reason ? { reason: d.reason } : {}),
      slots: d.slots.map((s) => ({ start: toOffsetIso(s.start, tz), end: toOffsetIso(s.end, tz), free: s.free })),
    })),
  };
  return { answer, version: data.version, changesAt: scheduleChangesAt(days, now, settings) };
}
