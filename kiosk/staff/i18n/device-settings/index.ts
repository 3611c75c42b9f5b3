/** A display's settings in the device admin, in the chosen language (./de.ts is the source; English is a chunk of its own, fetched when chosen). */
import type { Bound } from "../../../../common/i18n/messages";
import { defineCatalog } from "../../../shared/locale";
import de from "./de";

export type DeviceSettingsStrings = Bound<typeof de>;

export const deviceSettingsStrings = defineCatalog(de, { en: () => import("./en") });
