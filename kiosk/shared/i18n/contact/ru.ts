import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  requestContactHint: "Достаточно адреса эл. почты или номера телефона.",
  requestCallBack: "Вы не указали адрес эл. почты. Мы Вам позвоним:",
  requestKeepLink: "Сохраните эту ссылку. По ней Вы увидите Ваш запрос:",
  emailSuggest: "Вы имели в виду этот адрес?",
  lostLink: {
    intro: "Напишите Ваш адрес эл. почты. Мы ещё раз пришлём Вам ссылки на Ваши записи на приём.",
    submit: "Прислать ссылки",
    sending: "Отправляется …",
    sent: "Спасибо. Если с этим адресом есть записи на приём, Вы скоро получите письмо. Пожалуйста, посмотрите также в папке «Спам».",
    securityHint: "Пожалуйста, подождите немного. Мы проверяем, что запрос отправляет человек.",
  },
} satisfies Translation<typeof de>;
