import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  skipToContent: "Перейти к содержанию",
  languageMenu: "Язык",
  languageListLabel: "Выберите язык",
  languageFailed: "Этот язык сейчас не загружается. Пожалуйста, попробуйте ещё раз.",
  contactHeading: "Контакты",
  phone: "Телефон:",
  email: "Эл. почта:",
  hoursHeading: "Часы работы",
  otherwiseByArrangement: "В другое время — по договорённости.",
  extraHoursHeading: "Дополнительные дни приёма",
  extraHoursHint: "В эти дни мы открыты дополнительно. Вы можете записаться на приём.",
  legalNav: "Правовая информация",
  rebookByPhone: "Хотите записаться снова? Позвоните нам:",
  rebookByMail: "Хотите записаться снова? Напишите нам:",
  rebookByMailAlso: "Или напишите нам:",
} satisfies Translation<typeof de>;
