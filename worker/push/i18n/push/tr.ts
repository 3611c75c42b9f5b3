import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  soon: {
    title: "Sıranız birazdan geliyor",
    body: "Sıra numarası {number}: Lütfen yakınlarda kalın.",
  },
  called: {
    title: "Sıra sizde – {room}",
    titleNoRoom: "Sıra sizde",
    body: "Sıra numarası {number}: Lütfen şimdi gelin.",
  },
} satisfies Translation<typeof de>;
