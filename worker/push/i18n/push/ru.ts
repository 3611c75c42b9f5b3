import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  soon: {
    title: "Скоро ваша очередь",
    body: "Номер очереди {number}: пожалуйста, оставайтесь рядом.",
  },
  called: {
    title: "Ваша очередь – {room}",
    titleNoRoom: "Ваша очередь",
    body: "Номер очереди {number}: пожалуйста, подойдите сейчас.",
  },
} satisfies Translation<typeof de>;
