import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German; Modern Standard Arabic", nativeReview: null };

export default {
  soon: {
    title: "اقترب دوركم",
    body: "رقم الانتظار {number}: يرجى البقاء بالقرب.",
  },
  called: {
    title: "حان دوركم – {room}",
    titleNoRoom: "حان دوركم",
    body: "رقم الانتظار {number}: يرجى الحضور الآن.",
  },
} satisfies Translation<typeof de>;
