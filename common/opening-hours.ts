/*
 * Weekly opening hours: the one rule for "which hours apply on this day" that the Worker's slot
 * computation and the pages' calendars share.
 */
import type { OfficeTexts } from "./texts";
import { isoWeekday } from "./time";

/** A weekly opening span; days are local, inclusive, `validUntil` null for open-ended. */
export interface OpeningRule {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  opens: string;
  closes: string;
  validFrom: string;
  validUntil: string | null;
}

/** Whether a rule applies on a local day (`YYYY-MM-DD`) by its validity dates. */
export function ruleInForce(rule: OpeningRule, date: string): boolean {
  return rule.validFrom <= date && (rule.validUntil === null || date <= rule.validUntil);
}

/** The opening spans that apply on a local day, earliest first. */
export function openingSpansOn<R extends OpeningRule>(date: string, rules: readonly R[]): R[] {
  const weekday = isoWeekday(date);
  return rules.filter((r) => r.weekday === weekday && ruleInForce(r, date)).sort((a, b) => a.opens.localeCompare(b.opens));
}

/** A span of one day: local times `HH:MM` (`closes` may be `24:00`). */
export interface Span {
  opens: string;
  closes: string;
}

/**
 * One-day extra hours ("Sondertermin"): the office opens on local day `day` from `opens` to `closes`,
 * besides (or instead of) its weekly hours; `note` says what for, to the public.
 */
export interface ExtraSpan extends Span {
  day: string;
  note: OfficeTexts;
}

/**
 * The opening spans of a local day by its hours alone (holidays and closures are the schedule's
 * business): the weekly rules in force that day and the day's extra hours, earliest first. Spans that
 * overlap become one, so no time is offered twice; spans that only touch stay apart, as weekly ones do.
 */
export function spansOfDay(date: string, rules: readonly OpeningRule[], extraHours: readonly ExtraSpan[]): Span[] {
  const all = [
    ...openingSpansOn(date, rules).map(({ opens, closes }) => ({ opens, closes })),
    ...extraHours.filter((e) => e.day === date).map(({ opens, closes }) => ({ opens, closes })),
  ].sort((a, b) => a.opens.localeCompare(b.opens) || a.closes.localeCompare(b.closes));
  const merged: Span[] = [];
  for (const span of all) {
    const last = merged.at(-1);
    if (last && span.opens < last.closes) {
      if (span.closes > last.closes) last.closes = span.closes;
    } else merged.push({ ...span });
  }
  return merged;
}
