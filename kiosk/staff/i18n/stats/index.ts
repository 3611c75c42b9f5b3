/** The statistics section's words in the chosen language (./de.ts is the source; English is a chunk of its own, fetched when chosen). */
import type { Bound } from "../../../../common/i18n/messages";
import { defineCatalog } from "../../../shared/locale";
import de from "./de";

export type StatsStrings = Bound<typeof de>;

export const statsStrings = defineCatalog(de, { en: () => import("./en") });

/** A calendar week's label for `weekLabeller` (./chart.ts): with its year where the table spans two. */
export function weekText(t: StatsStrings): (week: number, year: number | null) => string {
  // The year as text: a number placeholder would be grouped ("2.026").
  return (week, year) => (year === null ? t.week({ week }) : t.weekOfYear({ week, year: String(year) }));
}
