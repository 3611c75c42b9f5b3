import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  heading: {
    one: "Мы предлагаем вам время",
    few: "Мы предлагаем вам варианты времени",
    many: "Мы предлагаем вам варианты времени",
    other: "Мы предлагаем вам варианты времени",
  },
  deadline: "Пожалуйста, ответьте до {when}. До этого момента мы держим это время для вас свободным.",
  legend: "Какое время вам подходит?",
  none: "Мне не подходит ни одно время",
  chooseFirst: "Пожалуйста, выберите время или «Мне не подходит ни одно время».",
  confirm: "Подтвердить приём",
  sendNone: "Отправить ответ",
  explain: "Вы записаны на приём, только когда нажмёте «Подтвердить приём». Затем вы получите письмо.",
  ended: {
    declined: "Вы ответили: ни одно время не подходит. Мы свяжемся с вами и предложим новое время.",
    expired: "Время для ответа истекло. Мы свяжемся с вами. Или позвоните нам.",
    withdrawn: "Эти предложения больше не действуют. Мы свяжемся с вами.",
  },
} satisfies Translation<typeof de>;
