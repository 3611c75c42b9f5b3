/*
 * The statistics section's store: the period chosen (a month, quarter or year from a list, or days typed
 * in) and the numbers of the period shown. The default is the last full month. Pure signals and calls
 * through `api`, tested without a DOM (tests/staff/stats-store.test.ts).
 */
import { batch, signal } from "@preact/signals";
import type { Statistics } from "../../../schemas/statistics";
import { ApiError, call } from "../../shared/api";
import { createLoader } from "../admin/form";
import { customProblem, lastFullMonth, optionsFor, type Period, type PeriodKind } from "./period";

export interface StatsApi {
  statistics(period: Period): Promise<Statistics>;
}

const base = (office: string) => `/api/staff/${encodeURIComponent(office)}`;

export function statsApi(office: string): StatsApi {
  return { statistics: (p) => call(`${base(office)}/statistics?${new URLSearchParams({ from: p.from, to: p.to })}`) };
}

/** The export's address for `period`; a plain link, so the browser downloads it with the session cookie. */
export function csvUrl(office: string, period: Period, format: "excel" | "rfc4180"): string {
  return `${base(office)}/statistics.csv?${new URLSearchParams({ from: period.from, to: period.to, format })}`;
}

export function createStatsStore(api: StatsApi, today: string) {
  const initial = lastFullMonth(today);
  const kind = signal<PeriodKind>("month");
  /** The chosen entry of the month, quarter or year list. */
  const choice = signal(initial.value);
  const custom = signal<Period>({ from: initial.from, to: initial.to });
  const problem = signal<ReturnType<typeof customProblem>>(null);
  /** The period whose numbers are (being) shown. */
  const shown = signal<Period>({ from: initial.from, to: initial.to });
  /** The API's own words for the last failed load (say, which day it refused), or null. */
  const failureMessage = signal<string | null>(null);
  const numbers = createLoader(async () => {
    try {
      const answer = await api.statistics(shown.value);
      failureMessage.value = null;
      return answer;
    } catch (error) {
      failureMessage.value = error instanceof ApiError && error.code !== "network" ? error.message : null;
      throw error;
    }
  });

  /** The period the form describes now, or null when typed-in days are not a period. */
  function chosen(): Period | null {
    if (kind.value === "custom") return customProblem(custom.value) ? null : custom.value;
    const option = optionsFor(kind.value, today).find((o) => o.value === choice.value);
    return option ? { from: option.from, to: option.to } : null;
  }

  return {
    kind,
    choice,
    custom,
    problem,
    shown,
    numbers,
    failureMessage,
    options: () => optionsFor(kind.value, today),
    /** Another kind of period: its list starts at the most recent entry (the last full month for months). */
    setKind(next: PeriodKind): void {
      batch(() => {
        kind.value = next;
        problem.value = null;
        const list = optionsFor(next, today);
        choice.value = next === "month" ? initial.value : list[0]?.value ?? "";
      });
    },
    /** Loads the chosen period's numbers; typed-in days that are no period say why instead. */
    async show(): Promise<void> {
      const period = chosen();
      problem.value = kind.value === "custom" ? customProblem(custom.value) : null;
      if (!period) return;
      shown.value = period;
      await numbers.reload();
    },
  };
}

export type StatsStore = ReturnType<typeof createStatsStore>;
