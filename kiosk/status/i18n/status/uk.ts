import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  title: "Ваш номер черги",
  loading: "Ваш номер черги завантажується …",
  unknown:
    "Ми не можемо знайти цей номер черги. Можливо, у посиланні бракує частини. Будь ласка, відскануйте QR-код ще раз або запитайте в офісі. Або зателефонуйте нам:",
  numberLabel: "Ваш номер черги:",
  next: "Ваша черга наступна.",
  ahead: {
    one: "Перед вами ще {count} людина.",
    few: "Перед вами ще {count} людини.",
    many: "Перед вами ще {count} людей.",
    other: "Перед вами ще {count} людини.",
  },
  waitLabel: "Час очікування",
  wait: {
    shortly: "зовсім недовго",
    upTo: "до {duration}",
    about: "близько {duration}",
    range: "приблизно від {low} до {high}",
    minutes: { one: "{count} хвилини", few: "{count} хвилин", many: "{count} хвилин", other: "{count} хвилини" },
    hours: { one: "{count} години", few: "{count} годин", many: "{count} годин", other: "{count} години" },
  },
  waitHint: "Це приблизна оцінка. Може бути швидше або довше.",
  keepOpen:
    "Не закривайте цю сторінку. Вона сама показує нові дані. Ви можете почекати й надворі: коли настане ваша черга, тут буде написано.",
  calledTitle: "Ваша черга",
  calledInRoom: "Ваша черга – {room}",
  calledHint: "Будь ласка, проходьте до нас.",
  inProgress: "Ваша розмова триває.",
  inProgressInRoom: "Ваша розмова триває – {room}.",
  done: "Ваша розмова закінчилася. Дякуємо за візит!",
  noShow: "Ваш номер черги викликали. Але вас не було. Будь ласка, зверніться до офісу.",
  cancelled: "Цей номер черги більше не дійсний. Будь ласка, візьміть новий номер черги на планшеті біля входу. Або запитайте в офісі.",
  offline: "Немає з’єднання – ми продовжуємо спроби.",
  lastUpdate: "Станом на {time}.",
  bookLink: "Записатися на прийом",
  documentTitle: "{label} – Ваш номер черги",
  documentTitleCalled: "{called}: {label}",
  pastClosing: "Можливо, сьогодні до вас уже не дійде черга. Будь ласка, запитайте на рецепції.",
} satisfies Translation<typeof de>;
