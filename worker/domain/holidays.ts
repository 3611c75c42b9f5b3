import { getHolidays } from "feiertagejs";

/*
 * Public holidays from feiertagejs, a maintained library of German holidays per federal state.
 * Its Bavarian list ('BY') includes Mariä Himmelfahrt, a holiday in Kempten as in most of Bavaria,
 * and leaves out the Augsburger Friedensfest (its own region 'AUGSBURG'); tests/domain/holidays.test.ts
 * checks its answers against the Bavarian holiday law for the years the office plans in.
 *
 * The library's `dateString` is derived from the host's time zone and is a day off east of UTC+12,
 * so the calendar day is read from the UTC fields of `date` (which the library sets to noon UTC).
 */

/**
 * A German federal state (or Augsburg), or `NONE`: an office that keeps no public holidays of its own
 * and enters every closed day as a closure (an office abroad, or the browser tests' always-open office,
 * which must be open on Christmas Day as on any other).
 */
export type HolidayRegion = Parameters<typeof getHolidays>[1] | "NONE";

const REGIONS: readonly string[] = [
  "BW", "BY", "BE", "BB", "HB", "HE", "HH", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH", "AUGSBURG", "NONE",
];

export function isHolidayRegion(region: string): region is HolidayRegion {
  return REGIONS.includes(region);
}

export interface Holiday {
  /** Local calendar day, `YYYY-MM-DD`. */
  date: string;
  name: { de: string; en: string };
}

const cache = new Map<string, ReadonlyMap<string, Holiday>>();

/** The public holidays of one year in a region, keyed by local day. Sundays' holidays included. */
export function holidaysOfYear(year: number, region: HolidayRegion): ReadonlyMap<string, Holiday> {
  const key = `${region}:${year}`;
  let holidays = cache.get(key);
  if (!holidays) {
    const byDate = new Map<string, Holiday>();
    for (const h of region === "NONE" ? [] : getHolidays(year, region)) {
      const date = h.date.toISOString().slice(0, 10);
      byDate.set(date, { date, name: { de: h.translate("de") ?? h.name, en: h.translate("en") ?? h.name } });
    }
    holidays = byDate;
    cache.set(key, holidays);
  }
  return holidays;
}

/** The holiday on a local day (`YYYY-MM-DD`) in a region, if there is one. */
export function holidayOn(date: string, region: HolidayRegion): Holiday | undefined {
  return holidaysOfYear(Number(date.slice(0, 4)), region).get(date);
}
