import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  soon: {
    title: "Скоро ваша черга",
    body: "Номер черги {number}: будь ласка, залишайтеся поруч.",
  },
  called: {
    title: "Ваша черга – {room}",
    titleNoRoom: "Ваша черга",
    body: "Номер черги {number}: будь ласка, підійдіть зараз.",
  },
} satisfies Translation<typeof de>;
