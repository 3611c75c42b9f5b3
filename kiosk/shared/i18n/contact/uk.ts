import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  requestContactHint: "Достатньо адреси ел. пошти або номера телефону.",
  requestCallBack: "Ви не вказали адресу ел. пошти. Ми Вам зателефонуємо:",
  requestKeepLink: "Збережіть це посилання. За ним Ви побачите Ваш запит:",
  emailSuggest: "Ви мали на увазі цю адресу?",
  lostLink: {
    intro: "Напишіть Вашу адресу ел. пошти. Ми ще раз надішлемо Вам посилання на Ваші записи на прийом.",
    submit: "Надіслати посилання",
    sending: "Надсилається …",
    sent: "Дякуємо. Якщо з цією адресою є записи на прийом, Ви скоро отримаєте лист. Будь ласка, подивіться також у папці «Спам».",
    securityHint: "Будь ласка, трохи зачекайте. Ми перевіряємо, що запит надсилає людина.",
  },
} satisfies Translation<typeof de>;
