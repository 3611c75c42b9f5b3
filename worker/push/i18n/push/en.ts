import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  soon: {
    title: "It is almost your turn",
    body: "Number {number}: please stay close by.",
  },
  called: {
    title: "It is your turn – {room}",
    titleNoRoom: "It is your turn",
    body: "Number {number}: please come now.",
  },
} satisfies Translation<typeof de>;
