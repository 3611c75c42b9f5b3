import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  title: "Ваш номер очереди",
  loading: "Ваш номер очереди загружается …",
  unknown:
    "Мы не можем найти этот номер очереди. Возможно, в ссылке не хватает части. Пожалуйста, отсканируйте QR-код ещё раз или спросите в офисе. Или позвоните нам:",
  numberLabel: "Ваш номер очереди:",
  next: "Ваша очередь следующая.",
  ahead: {
    one: "Перед вами ещё {count} человек.",
    few: "Перед вами ещё {count} человека.",
    many: "Перед вами ещё {count} человек.",
    other: "Перед вами ещё {count} человека.",
  },
  waitLabel: "Время ожидания",
  wait: {
    shortly: "совсем недолго",
    upTo: "до {duration}",
    about: "около {duration}",
    range: "примерно от {low} до {high}",
    minutes: { one: "{count} минуты", few: "{count} минут", many: "{count} минут", other: "{count} минуты" },
    hours: { one: "{count} часа", few: "{count} часов", many: "{count} часов", other: "{count} часа" },
  },
  waitHint: "Это примерная оценка. Может быть быстрее или дольше.",
  keepOpen:
    "Не закрывайте эту страницу. Она сама показывает новые данные. Вы можете подождать и на улице: когда подойдёт ваша очередь, здесь будет написано.",
  calledTitle: "Ваша очередь",
  calledInRoom: "Ваша очередь – {room}",
  calledHint: "Пожалуйста, проходите к нам.",
  inProgress: "Ваша беседа идёт.",
  inProgressInRoom: "Ваша беседа идёт – {room}.",
  done: "Ваша беседа закончена. Спасибо за визит!",
  noShow: "Ваш номер очереди вызывали. Но вас не было. Пожалуйста, обратитесь в офис.",
  cancelled: "Этот номер очереди больше не действует. Пожалуйста, возьмите новый номер очереди на планшете у входа. Или спросите в офисе.",
  offline: "Нет соединения – мы продолжаем попытки.",
  lastUpdate: "По состоянию на {time}.",
  bookLink: "Записаться на приём",
  documentTitle: "{label} – Ваш номер очереди",
  documentTitleCalled: "{called}: {label}",
  pastClosing: "Возможно, сегодня до вас уже не дойдёт очередь. Пожалуйста, спросите на ресепшене.",
} satisfies Translation<typeof de>;
