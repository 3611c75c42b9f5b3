/** The board's words in the chosen language (./de.ts is the source; English is a chunk of its own, fetched when chosen). */
import type { Bound } from "../../../../common/i18n/messages";
import type { Estimate } from "../../../../schemas/kiosk";
import { defineCatalog } from "../../../shared/locale";
import de from "./de";

export type StaffStrings = Bound<typeof de>;

export const s = defineCatalog(de, { en: () => import("./en") });

/** A wait of `minutes` in words: under a minute, minutes, or hours and minutes from an hour on. */
export function waitedFor(t: StaffStrings, minutes: number): string {
  if (minutes < 1) return t.waitTime.underAMinute;
  if (minutes < 60) return t.waitTime.minutes(minutes);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? t.waitTime.hours({ h }) : t.waitTime.hoursMinutes({ h, m });
}

/**
 * A waiting number's wait range in words: "Aufruf gleich" (nothing left to wait), "Aufruf in bis zu
 * 10 Min." (nobody ahead, a conversation may still run), "Aufruf in etwa 10–25 Min.", with "vielleicht
 * heute nicht mehr dran" when it reaches past today's closing, as the person's status page warns.
 */
export function callIn(t: StaffStrings, e: Estimate): string {
  const range = e.high === 0 ? t.callIn.shortly : e.low === 0 ? t.callIn.upTo({ high: e.high }) : t.callIn.range({ low: e.low, high: e.high });
  return e.pastClosing ? t.callIn.pastClosing({ range }) : range;
}
