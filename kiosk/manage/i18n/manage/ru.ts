import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  qrLabel: "QR-код для регистрации с кодом регистрации {code}",
  qrHint: "Покажите этот код планшету у входа. Или введите код там.",
  eraseButton: "Удалить мои данные сейчас",
  eraseQuestion: "Вы хотите удалить свои данные сейчас?",
  eraseWhatGoes: "Это мы удалим сразу:",
  eraseGoes: {
    contact: "ваше имя, ваш адрес эл. почты и ваш номер телефона",
    note: "ваше сообщение нам",
    code: "код регистрации",
    mails: "письма, которые мы отправили вам об этом приёме",
  },
  eraseWhatStays:
    "Без вашего имени останется: день, время, тема и состоялся ли приём. Это нужно нам для статистики.",
  eraseLinkGoes: "После этого ссылка больше не будет работать. Отменить это нельзя.",
  eraseYes: "Да, удалить сейчас",
  eraseNo: "Нет, не удалять",
  erasing: "Ваши данные удаляются …",
  erasedHeading: "Ваши данные удалены.",
  erasedList: "Мы удалили:",
  erased: {
    name: "ваше имя",
    email: "ваш адрес эл. почты",
    phone: "ваш номер телефона",
    note: "ваше сообщение",
    wish: "ваше пожелание",
    code: "код регистрации",
    mails: "письма вам",
    link: "эту ссылку",
  },
  erasedMailOnItsWay: "Одно сообщение вам ещё в пути. Оно будет удалено, как только будет отправлено.",
  erasedLinkGone: "Эта ссылка больше не работает. Вы можете закрыть эту страницу.",
  accepted: "Вы записаны на приём. Скоро вы получите письмо с подтверждением.",
  declinedProposals: "Спасибо за ваш ответ. Мы свяжемся с вами и предложим новое время.",
  proposalExpired: "К сожалению, время для ответа истекло. Пожалуйста, позвоните нам:",
  proposalClosedDay: "К сожалению, в этот день офис закрыт. Пожалуйста, выберите другое время. Или позвоните нам:",
} satisfies Translation<typeof de>;
