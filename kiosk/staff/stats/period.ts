/*
 * The periods the statistics section offers: a month, a quarter, a year (the recent ones, newest first)
 * or any days, and the last full month as the default. Pure: "today" (the office's local day) is an
 * argument; tests/staff/stats-period.test.ts holds it still.
 */
import { isDayInRange } from "../../../common/field-rules";
import { addDays, daysBetween } from "../../../common/time";

export type PeriodKind = "month" | "quarter" | "year" | "custom";
export const PERIOD_KINDS: readonly PeriodKind[] = ["month", "quarter", "year", "custom"];

/** Local days, inclusive. */
export interface Period {
  from: string;
  to: string;
}

/** One entry of the month, quarter or year list: `2026-11`, `2026-Q4`, `2026`. */
export interface PeriodOption extends Period {
  value: string;
}

/** The longest period the API answers (a leap year). */
export const MAX_DAYS = 366;

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOfMonth = (year: number, month: number) => addDays(`${month === 12 ? year + 1 : year}-${pad(month === 12 ? 1 : month + 1)}-01`, -1);

function month(year: number, m: number): PeriodOption {
  return { value: `${year}-${pad(m)}`, from: `${year}-${pad(m)}-01`, to: lastDayOfMonth(year, m) };
}

/** The month before the one `today` lies in: the default, as reports are made for whole months. */
export function lastFullMonth(today: string): PeriodOption {
  const [y, m] = today.split("-").map(Number) as [number, number];
  return m === 1 ? month(y - 1, 12) : month(y, m - 1);
}

/** The `count` months up to and including the current one, newest first. */
export function monthOptions(today: string, count = 24): PeriodOption[] {
  let [y, m] = today.split("-").map(Number) as [number, number];
  const list: PeriodOption[] = [];
  for (let i = 0; i < count; i++) {
    list.push(month(y, m));
    if (--m === 0) [y, m] = [y - 1, 12];
  }
  return list;
}

/** The `count` quarters up to and including the current one, newest first. */
export function quarterOptions(today: string, count = 8): PeriodOption[] {
  let [y, m] = today.split("-").map(Number) as [number, number];
  let q = Math.ceil(m / 3);
  const list: PeriodOption[] = [];
  for (let i = 0; i < count; i++) {
    list.push({ value: `${y}-Q${q}`, from: `${y}-${pad(q * 3 - 2)}-01`, to: lastDayOfMonth(y, q * 3) });
    if (--q === 0) [y, q] = [y - 1, 4];
  }
  return list;
}

/** The `count` years up to and including the current one, newest first. */
export function yearOptions(today: string, count = 5): PeriodOption[] {
  const y = Number(today.slice(0, 4));
  return Array.from({ length: count }, (_, i) => ({ value: String(y - i), from: `${y - i}-01-01`, to: `${y - i}-12-31` }));
}

/** The list a kind offers (custom has none). */
export function optionsFor(kind: PeriodKind, today: string): PeriodOption[] {
  return kind === "month" ? monthOptions(today) : kind === "quarter" ? quarterOptions(today) : kind === "year" ? yearOptions(today) : [];
}

/**
 * What is wrong with days typed in by hand, or null; the API checks the same (schemas/statistics.ts, its
 * days 2000–2100 by common/field-rules.ts).
 */
export function customProblem(p: Period): "missing" | "range" | "order" | "tooLong" | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(p.from) || !/^\d{4}-\d{2}-\d{2}$/.test(p.to)) return "missing";
  if (!isDayInRange(p.from) || !isDayInRange(p.to)) return "range";
  if (p.to < p.from) return "order";
  return daysBetween(p.from, p.to) >= MAX_DAYS ? "tooLong" : null;
}
