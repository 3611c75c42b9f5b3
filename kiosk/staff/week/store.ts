/*
 * The week's store: the week that holds a day, loaded when the day moves to another week or the office
 * changed something; an answer for a week no longer wanted is dropped. The API and the session's end
 * come in as `deps` (tests/staff/ drives it without a DOM).
 */
import { batch, signal } from "@preact/signals";
import type { StaffWeek } from "../../../schemas/staff-week";
import type { StaffApi } from "../api";
import { staffFailure, type StaffFailure } from "../failure";

export interface WeekDeps {
  api: Pick<StaffApi, "week">;
  onSignedOut: () => void;
}

export type WeekStore = ReturnType<typeof createWeekStore>;

export function createWeekStore(deps: WeekDeps) {
  const week = signal<StaffWeek | null>(null);
  const failure = signal<StaffFailure | null>(null);
  let wanted = "";

  /** Loads the week of `day` at `office`; the week on show stays until the new one is there. */
  async function load(office: string, day: string): Promise<void> {
    const key = `${office}|${day}`;
    wanted = key;
    failure.value = null;
    try {
      const answer = await deps.api.week(office, day);
      if (wanted !== key) return;
      batch(() => {
        week.value = answer;
        failure.value = null;
      });
    } catch (error) {
      if (wanted !== key) return;
      const f = staffFailure(error);
      if (f === "signedOut") return deps.onSignedOut();
      failure.value = f;
    }
  }

  return { week, failure, load };
}
