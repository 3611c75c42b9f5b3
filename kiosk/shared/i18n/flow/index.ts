/**
 * The booking flow's words in the chosen language (./de.ts is the source; the other languages are chunks
 * of their own, fetched when chosen). Used by the booking page, the kiosk's booking steps and the manage page.
 */
import type { TimeOfDay, BookingStatus } from "../../../../schemas/bookings";
import { defineCatalog } from "../../locale";
import de from "./de";

export const t = defineCatalog(de, {
  en: () => import("./en"),
  tr: () => import("./tr"),
  ru: () => import("./ru"),
  uk: () => import("./uk"),
  ar: () => import("./ar"),
});

/** The bound catalog, as components read it (`t.value`). */
export type Strings = typeof t.value;

/** Why a form field is not accepted yet; each key has one sentence in the catalog's `fieldErrors`. */
export type FieldError = keyof typeof de.fieldErrors;

// The catalog names every booking status and time of day: a new one in the schema fails here.
de.status satisfies Record<BookingStatus, string>;
de.timesOfDay satisfies Record<TimeOfDay, string>;
