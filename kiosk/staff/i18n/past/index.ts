/** A past day's words in the chosen language (./de.ts is the source; English is a chunk of its own, fetched when chosen). */
import type { Bound } from "../../../../common/i18n/messages";
import { defineCatalog } from "../../../shared/locale";
import type { DayTally } from "../../board";
import de from "./de";

export type PastStrings = Bound<typeof de>;

export const pastStrings = defineCatalog(de, { en: () => import("./en") });

/** The day's tally as lines (attended, did not come, cancelled, walk-ins served). */
export function tallyLines(t: PastStrings, tally: DayTally): string[] {
  return [t.tally.attended(tally.attended), t.tally.noShow({ count: tally.noShow }), t.tally.cancelled({ count: tally.cancelled }), t.tally.walkInsServed({ count: tally.walkInsServed })];
}
