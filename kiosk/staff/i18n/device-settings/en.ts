import type { CatalogMeta } from "../../../../common/i18n/check";
import type { Translation } from "../../../../common/i18n/messages";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "the project team (English, from the German)", nativeReview: null };

export default {
  column: "Display sound",
  sound: "Chime on every call",
  speech: "Announce calls (speech)",
  ofDevice: "– {label}",
  hint: "A display's chime and announcement are set here; the display itself has no switches and follows a change at once. After a restart its browser plays sound only once someone taps the screen – unless it runs in kiosk mode with the autoplay setting (see the manual).",
  saved: "Display setting saved.",
} satisfies Translation<typeof de>;
