/*
 * The arithmetic of the charts, pure: what a cell shows, how long its bar is drawn, and how dark its
 * field in the heat map. The numbers always stand beside the colour and in the table next to each chart.
 */
import type { Cell, MinutesCell } from "../../../schemas/statistics";
import { SMALL_CELL, WITHHELD_CELL } from "../../../common/statistics";
import { intlLocale, type Locale } from "../../../common/i18n/languages";

/** A suppressed cell is drawn as half of the smallest shown count, so it looks small and never zero. */
export const SMALL_CELL_DRAWN = 1.5;

/** A bar's length; a withheld cell draws none (its word stands there instead). */
export function drawn(c: Cell): number {
  return c === SMALL_CELL ? SMALL_CELL_DRAWN : c === WITHHELD_CELL ? 0 : c;
}

/** A count or minutes as the page writes them: "< 3" stays, decimals in the page's language, `withheld` its word for a withheld cell. */
export function cellText(c: Cell | MinutesCell, locale: Locale, withheld: string): string {
  if (c === WITHHELD_CELL) return withheld;
  return typeof c === "number" ? c.toLocaleString(intlLocale(locale)) : c;
}

/** Heat map level 0 (none or withheld) to 4 (the busiest quarter); a "< 3" is level 1. */
export function heatLevel(c: Cell, max: number): 0 | 1 | 2 | 3 | 4 {
  if (c === 0 || c === WITHHELD_CELL) return 0;
  if (c === SMALL_CELL || max <= 0) return 1;
  const share = c / max;
  return share < 0.25 ? 1 : share < 0.5 ? 2 : share < 0.75 ? 3 : 4;
}

/** The hours a heat map shows: those with visits, widened to office hours 8–18 (whole hours, 0–23). */
export function shownHours(visits: readonly { hours: readonly Cell[] }[]): number[] {
  let first = 8;
  let last = 17;
  for (const d of visits) {
    d.hours.forEach((c, h) => {
      if (c !== 0) {
        first = Math.min(first, h);
        last = Math.max(last, h);
      }
    });
  }
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * A week's label maker for an answer: the week number alone, or with its ISO year where the period spans
 * two years (or its weeks two ISO years), so that week 1 of one year is not taken for week 1 of another.
 */
export function weekLabeller(
  data: { period: { from: string; to: string }; byWeek: readonly { week: string }[] },
  label: (week: number, year: number | null) => string,
): (week: string) => string {
  const years = new Set([data.period.from.slice(0, 4), data.period.to.slice(0, 4), ...data.byWeek.map((w) => w.week.slice(0, 4))]);
  return (week) => label(Number(week.slice(6)), years.size > 1 ? Number(week.slice(0, 4)) : null);
}
