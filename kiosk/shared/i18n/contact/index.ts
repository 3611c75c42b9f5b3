/** Words of the flow's lazily loaded parts (./de.ts is the source); a page awaits `catalogsReady()` when such a chunk arrives. */
import { defineCatalog } from "../../locale";
import de from "./de";

export const contactTexts = defineCatalog(de, {
  en: () => import("./en"),
  tr: () => import("./tr"),
  ru: () => import("./ru"),
  uk: () => import("./uk"),
  ar: () => import("./ar"),
});
