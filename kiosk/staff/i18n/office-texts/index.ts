/** The office-texts catalog in the staff board's language (./de.ts is the source; English is a chunk of its own). */
import { defineCatalog } from "../../../shared/locale";
import de from "./de";

export const officeTexts = defineCatalog(de, { en: () => import("./en") });
