/** The words of the status page's alert, notifications and leaving (./de.ts is the source; the others are chunks of their own). */
import { defineCatalog } from "../../../shared/locale";
import de from "./de";

export const turn = defineCatalog(de, {
  en: () => import("./en"),
  tr: () => import("./tr"),
  ru: () => import("./ru"),
  uk: () => import("./uk"),
  ar: () => import("./ar"),
});
