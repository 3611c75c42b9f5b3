/** The print list's words in the chosen language (./de.ts is the source; English is a chunk of its own, fetched when chosen). */
import type { Bound } from "../../../../common/i18n/messages";
import { defineCatalog } from "../../../shared/locale";
import de from "./de";

export type PrintStrings = Bound<typeof de>;

export const printStrings = defineCatalog(de, { en: () => import("./en") });
