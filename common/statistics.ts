/*
 * What the statistics' API and pages both name (no zod, so the pages can import it): the words of a
 * suppressed cell and the measures of each group, in the order tables and the CSV list them.
 */

/** What a suppressed cell (a count of 1 or 2, a median over fewer than 3 values) says instead. */
export const SMALL_CELL = "< 3";

/**
 * What a cell withheld to protect a "< 3" says instead (a count of 3 or more that would let a reader work
 * out a "< 3" by subtraction; see worker/domain/suppression.ts).
 */
export const WITHHELD_CELL = "geheim";

export const APPOINTMENT_MEASURES = ["booked", "attended", "noShow", "cancelledByResident", "cancelledByOffice"] as const;
export const WALK_IN_MEASURES = ["total", "served", "left"] as const;
export const REQUEST_MEASURES = ["received", "proposed", "declined"] as const;
export type AppointmentMeasure = (typeof APPOINTMENT_MEASURES)[number];
export type WalkInMeasure = (typeof WALK_IN_MEASURES)[number];
export type RequestMeasure = (typeof REQUEST_MEASURES)[number];
