/*
 * The day and time pickers' rules for what to show, as pure functions of the API's answers and "today"
 * (a `YYYY-MM-DD` day in the office's zone); the store feeds them, the tests hold them still.
 */
import type { Texts } from "../../schemas/common";
import type { ExtraOpening, OpeningSpan } from "../../schemas/location";
import type { Day, Slot } from "../../schemas/slots";
import { MAX_SLOT_RANGE_DAYS } from "../../common/limits";
import { openingSpansOn, ruleInForce } from "../../common/opening-hours";
import { addDays } from "../../common/time";

/** One day as the page shows it. */
export type DayView =
  | { date: string; kind: "free"; slots: Slot[] }
  | { date: string; kind: "full" }
  | { date: string; kind: "holiday" | "closure"; reason: Texts };

/** The opening hours of one weekday (1 = Monday), earliest span first. */
export interface WeekdayHours {
  weekday: number;
  spans: { opens: string; closes: string }[];
}

/** The days to ask for: from today up to the booking horizon, capped at what the API answers at once. */
export function slotRange(today: string, horizonDays: number): { from: string; to: string } {
  return { from: today, to: addDays(today, Math.min(Math.max(horizonDays, 0), MAX_SLOT_RANGE_DAYS - 1)) };
}

/**
 * The days worth showing, in order: open days (with their free slots, or "full"), and holidays and
 * closures that fall on a day the office would otherwise be open. Plain closed days are left out (the
 * page says the weekly hours once), and so is today once nothing can be booked on it any more: its
 * empty list means "too late", not "fully booked".
 */
export function visibleDays(days: readonly Day[], hours: readonly OpeningSpan[], today: string): DayView[] {
  const shown: DayView[] = [];
  for (const day of days) {
    if (day.date < today) continue;
    if (day.status === "open") {
      if (day.slots.length > 0) shown.push({ date: day.date, kind: "free", slots: day.slots });
      else if (day.date !== today) shown.push({ date: day.date, kind: "full" });
    } else if ((day.status === "holiday" || day.status === "closure") && openingSpansOn(day.date, hours).length > 0) {
      shown.push({ date: day.date, kind: day.status, reason: day.reason ?? { de: "" } });
    }
  }
  return shown;
}

/** The weekly opening hours in force on `today`, Monday first; weekdays without hours are left out. */
export function weeklyHours(hours: readonly OpeningSpan[], today: string): WeekdayHours[] {
  const week: WeekdayHours[] = [];
  for (const h of [...hours].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens))) {
    if (!ruleInForce(h, today)) continue;
    let entry = week.find((w) => w.weekday === h.weekday);
    if (!entry) week.push((entry = { weekday: h.weekday, spans: [] }));
    entry.spans.push({ opens: h.opens, closes: h.closes });
  }
  return week;
}

/** The days grouped by calendar month (`YYYY-MM`), in order: a heading per month keeps a long list readable. */
export function byMonth<T extends { date: string }>(days: readonly T[]): { month: string; days: T[] }[] {
  const months: { month: string; days: T[] }[] = [];
  for (const day of days) {
    const month = day.date.slice(0, 7);
    const last = months.at(-1);
    if (last?.month === month) last.days.push(day);
    else months.push({ month, days: [day] });
  }
  return months;
}

/** The day view of `date` among the days on show, if it is there. */
export function dayOf(days: readonly DayView[], date: string | null): DayView | undefined {
  return date === null ? undefined : days.find((d) => d.date === date);
}

/** One day of extra hours ("Sondertermin") as the pages list it: its spans and notes, in order. */
export interface ExtraDay {
  day: string;
  spans: { opens: string; closes: string }[];
  notes: Texts[];
}

/** The office's extra hours from `today` on, one entry per day (a day may have several spans and notes). */
export function extraDays(extra: readonly ExtraOpening[], today: string): ExtraDay[] {
  const days: ExtraDay[] = [];
  for (const e of [...extra].sort((a, b) => a.day.localeCompare(b.day) || a.opens.localeCompare(b.opens))) {
    if (e.day < today) continue;
    let entry = days.at(-1);
    if (entry?.day !== e.day) days.push((entry = { day: e.day, spans: [], notes: [] }));
    entry.spans.push({ opens: e.opens, closes: e.closes });
    // The same note in every language: two spans of a day often carry one note.
    if (e.note.de && !entry.notes.some((n) => JSON.stringify(n) === JSON.stringify(e.note))) entry.notes.push(e.note);
  }
  return days;
}

