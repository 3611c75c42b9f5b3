import { z } from "zod";
import { Texts, LocalDate } from "./common";
import { BookingSource } from "./bookings";
import {
  APPOINTMENT_MEASURES,
  REQUEST_MEASURES,
  SMALL_CELL,
  WALK_IN_MEASURES,
  WITHHELD_CELL,
  type AppointmentMeasure,
  type RequestMeasure,
  type WalkInMeasure,
} from "../common/statistics";
import { daysBetween } from "../common/time";
import { Audience, TopicKey } from "./location";

/*
 * Anonymous statistics of an office for the funder's reports (BIWAQ / ESF):
 * `GET /api/staff/:office/statistics?from=&to=` (JSON) and `…/statistics.csv?from=&to=&format=` (the same
 * numbers as one table). Staff of the office, any role. Periods are local days of the office, inclusive.
 *
 * Small cells: a count of 1 or 2 in a breakdown (per channel, topic, audience, week, weekday × hour) is
 * answered as "< 3", and so is a median or 90th percentile over fewer than 3 values: a single visitor of
 * a rare topic at a rare hour could be recognised. Where cells add up to a shown figure, more cells are
 * answered as "geheim" until no "< 3" can be worked out by subtraction. Totals of the whole period are exact. The pages and the
 * CSV show exactly what this answer holds, so what staff see is what they report.
 */

export { APPOINTMENT_MEASURES, REQUEST_MEASURES, SMALL_CELL, WALK_IN_MEASURES, WITHHELD_CELL };
export type { AppointmentMeasure, RequestMeasure, WalkInMeasure };

/**
 * A count of a breakdown: exact from 3 on (and 0), else "< 3"; "geheim" where a count of 3 or more is
 * withheld so that no "< 3" can be worked out from the others by subtraction.
 */
export const Cell = z.union([z.number().int().nonnegative(), z.literal(SMALL_CELL), z.literal(WITHHELD_CELL)]);
export type Cell = z.infer<typeof Cell>;

/** Minutes (one decimal), or "< 3" when fewer than 3 values lie underneath. */
export const MinutesCell = z.union([z.number().nonnegative(), z.literal(SMALL_CELL)]);
export type MinutesCell = z.infer<typeof MinutesCell>;

const Count = z.number().int().nonnegative();

function measures<const K extends string, V extends z.ZodType>(keys: readonly K[], value: V) {
  return z.object(Object.fromEntries(keys.map((k) => [k, value])) as { [P in K]: V });
}

/**
 * Appointments on a day of the period (by the appointment's local day; a request with a proposed time
 * counts here too): booked (all of them, whatever became of them), attended (checked in or completed),
 * no-show, cancelled by the resident or by the office (staff or the system).
 */
export const AppointmentCounts = measures(APPOINTMENT_MEASURES, Count);
export const AppointmentCells = measures(APPOINTMENT_MEASURES, Cell);
/** Walk-in numbers of a day of the period: all, served (taken into a room), left (not served: gone, taken back, still waiting). */
export const WalkInCounts = measures(WALK_IN_MEASURES, Count);
export const WalkInCells = measures(WALK_IN_MEASURES, Cell);
/** Requests "nach Vereinbarung" made on a day of the period: received, given a time by staff, declined. */
export const RequestCounts = measures(REQUEST_MEASURES, Count);
export const RequestCells = measures(REQUEST_MEASURES, Cell);

/** The three groups of a breakdown row (per topic, per audience). */
const GroupCells = { appointments: AppointmentCells, walkIns: WalkInCells, requests: RequestCells };

/**
 * Durations in minutes: how many values there are (exact), their median (the middle value, the mean of
 * the two middle ones for an even count) and 90th percentile (nearest rank: the ⌈0.9·n⌉-th smallest),
 * rounded to one decimal.
 */
export const Durations = z.object({ count: Count, median: MinutesCell, p90: MinutesCell });
export type Durations = z.infer<typeof Durations>;

export const StatisticsPeriod = z.object({ from: LocalDate, to: LocalDate, days: z.number().int().positive() });

/** `200` of `GET /api/staff/:office/statistics`. */
export const Statistics = z.object({
  office: z.object({ slug: z.string(), name: z.string() }),
  period: StatisticsPeriod,
  timeZone: z.string(),
  totals: z.object({
    appointments: AppointmentCounts,
    walkIns: WalkInCounts,
    requests: RequestCounts,
    /**
     * Walk-in numbers whose holder left the queue on the status page ("Ich warte nicht mehr"): "gegangen",
     * a part of `walkIns.left`. A total only (exact, as the totals are); no breakdown shows it.
     */
    walkInsGone: Count,
  }),
  /** Appointments by where they were booked: online, by staff (phone or desk), at the kiosk. */
  byChannel: z.array(z.object({ channel: BookingSource, appointments: AppointmentCells })),
  /** Every topic that is offered or has numbers in the period. */
  byTopic: z.array(z.object({ key: TopicKey, label: Texts, audience: Audience, ...GroupCells })),
  /** Residents, businesses, and topics for everyone ("für alle/offen"). */
  byAudience: z.array(z.object({ audience: Audience, ...GroupCells })),
  /** ISO weeks (Monday to Sunday) as far as they lie in the period. */
  byWeek: z.array(
    z.object({
      /** `2026-W45` */
      week: z.string(),
      from: LocalDate,
      to: LocalDate,
      appointments: Cell,
      attended: Cell,
      walkIns: Cell,
    }),
  ),
  /**
   * Waiting, in minutes until the first call: a walk-in from getting the number; an appointment from the
   * later of check-in and the appointment's start (someone early waits by choice).
   */
  waiting: z.object({ walkIns: Durations, appointments: Durations }),
  /**
   * Conversation length in minutes: from "begin" to "done", or from the (last) call to "done" where staff
   * never pressed "begin"; `fromCall` says how many of the values were measured the second way.
   */
  conversation: z.object({ walkIns: Durations, appointments: Durations, fromCall: Count }),
  /**
   * Visits (every queue number: walk-ins and checked-in appointments) by the local weekday (1 = Monday)
   * and hour at which the number was taken; `hours[h]` counts h:00 to h:59.
   */
  visits: z.array(z.object({ weekday: z.number().int().min(1).max(7), hours: z.array(Cell).length(24) })),
});
export type Statistics = z.infer<typeof Statistics>;
export type AppointmentCells = z.infer<typeof AppointmentCells>;
export type WalkInCells = z.infer<typeof WalkInCells>;
export type RequestCells = z.infer<typeof RequestCells>;

/** The longest period in one go: a leap year. */
export const MAX_PERIOD_DAYS = 366;

const Period = {
  from: LocalDate,
  to: LocalDate,
};

function periodRule<T extends { from: string; to: string }>(p: T, ctx: z.RefinementCtx): void {
  if (p.to < p.from) ctx.addIssue({ code: "custom", message: "must not be before from", path: ["to"], input: p.to });
  else if (daysBetween(p.from, p.to) >= MAX_PERIOD_DAYS) {
    ctx.addIssue({ code: "custom", message: `a period is at most ${MAX_PERIOD_DAYS} days`, path: ["to"], input: p.to });
  }
}

/** Query of `GET …/statistics`: the first and last local day, inclusive. */
export const StatisticsQuery = z.object(Period).strict().superRefine(periodRule);
export type StatisticsQuery = z.infer<typeof StatisticsQuery>;

/**
 * The CSV's dialect. `excel`: what German spreadsheets open by double-click (UTF-8 with BOM, `;`, decimal
 * comma, dates `TT.MM.JJJJ`). `rfc4180`: UTF-8 without BOM, `,`, decimal point, ISO dates.
 */
export const CsvFormat = z.enum(["excel", "rfc4180"]);
export type CsvFormat = z.infer<typeof CsvFormat>;

/** Query of `GET …/statistics.csv`. */
export const StatisticsCsvQuery = z
  .object({ ...Period, format: CsvFormat.default("excel") })
  .strict()
  .superRefine(periodRule);
