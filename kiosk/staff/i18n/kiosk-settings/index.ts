/** A kiosk's settings in the device admin, in the chosen language (./de.ts is the source; English is a chunk of its own). */
import { defineCatalog } from "../../../shared/locale";
import de from "./de";

export const kioskSettingsStrings = defineCatalog(de, { en: () => import("./en") });
