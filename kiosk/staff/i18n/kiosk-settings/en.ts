import type { CatalogMeta } from "../../../../common/i18n/check";
import type { Translation } from "../../../../common/i18n/messages";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "the project team (English, from the German)", nativeReview: null };

export default {
  print: "Print tickets",
  ofDevice: "– {label}",
  hint: "“Print tickets”: the tablet prints every new number on its receipt printer (80 mm). Without a print dialog only in Chromium's kiosk mode with --kiosk-printing (see the manual).",
  saved: "Tablet setting saved.",
} satisfies Translation<typeof de>;
