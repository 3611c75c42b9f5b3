import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  heading: {
    one: "Ми пропонуємо вам час",
    few: "Ми пропонуємо вам варіанти часу",
    many: "Ми пропонуємо вам варіанти часу",
    other: "Ми пропонуємо вам варіанти часу",
  },
  deadline: "Будь ласка, дайте відповідь до {when}. До того часу ми тримаємо цей час вільним для вас.",
  legend: "Який час вам підходить?",
  none: "Мені не підходить жоден час",
  chooseFirst: "Будь ласка, оберіть час або «Мені не підходить жоден час».",
  confirm: "Підтвердити прийом",
  sendNone: "Надіслати відповідь",
  explain: "Вас записано на прийом, лише коли ви натиснете «Підтвердити прийом». Потім ви отримаєте лист.",
  ended: {
    declined: "Ви відповіли: жоден час не підходить. Ми зв’яжемося з вами і запропонуємо новий час.",
    expired: "Час для відповіді минув. Ми зв’яжемося з вами. Або зателефонуйте нам.",
    withdrawn: "Ці пропозиції більше не діють. Ми зв’яжемося з вами.",
  },
} satisfies Translation<typeof de>;
