/*
 * Weekly opening hours: the one rule for "which hours apply on this day" that the Worker's slot
 * computation and the pages' calendars share.
 */
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
