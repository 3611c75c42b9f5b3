import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  skipToContent: "Перейти до змісту",
  languageMenu: "Мова",
  languageListLabel: "Оберіть мову",
  languageFailed: "Ця мова зараз не завантажується. Будь ласка, спробуйте ще раз.",
  contactHeading: "Контакти",
  phone: "Телефон:",
  email: "Ел. пошта:",
  hoursHeading: "Години роботи",
  otherwiseByArrangement: "В інший час — за домовленістю.",
  extraHoursHeading: "Додаткові дні прийому",
  extraHoursHint: "У ці дні ми відкриті додатково. Ви можете записатися на прийом.",
  legalNav: "Правова інформація",
  rebookByPhone: "Бажаєте записатися знову? Зателефонуйте нам:",
  rebookByMail: "Бажаєте записатися знову? Напишіть нам:",
  rebookByMailAlso: "Або напишіть нам:",
} satisfies Translation<typeof de>;
