/** The frame's words in the chosen language (./de.ts is the source; the others are chunks of their own). */
import { defineCatalog } from "../../locale";
import de from "./de";

export const frame = defineCatalog(de, {
  en: () => import("./en"),
  tr: () => import("./tr"),
  ru: () => import("./ru"),
  uk: () => import("./uk"),
  ar: () => import("./ar"),
});
