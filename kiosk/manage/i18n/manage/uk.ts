import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  qrLabel: "QR-код для реєстрації з кодом реєстрації {code}",
  qrHint: "Покажіть цей код планшету біля входу. Або введіть код там.",
  eraseButton: "Видалити мої дані зараз",
  eraseQuestion: "Ви хочете видалити свої дані зараз?",
  eraseWhatGoes: "Це ми видалимо одразу:",
  eraseGoes: {
    contact: "ваше ім’я, вашу адресу ел. пошти та ваш номер телефону",
    note: "ваше повідомлення нам",
    code: "код реєстрації",
    mails: "листи, які ми надіслали вам щодо цього прийому",
  },
  eraseWhatStays:
    "Без вашого імені залишиться: день, час, тема і чи відбувся прийом. Це потрібно нам для статистики.",
  eraseLinkGoes: "Після цього посилання більше не працюватиме. Скасувати це неможливо.",
  eraseYes: "Так, видалити зараз",
  eraseNo: "Ні, не видаляти",
  erasing: "Ваші дані видаляються …",
  erasedHeading: "Ваші дані видалено.",
  erasedList: "Ми видалили:",
  erased: {
    name: "ваше ім’я",
    email: "вашу адресу ел. пошти",
    phone: "ваш номер телефону",
    note: "ваше повідомлення",
    wish: "ваше побажання",
    code: "код реєстрації",
    mails: "листи вам",
    link: "це посилання",
  },
  erasedMailOnItsWay: "Одне повідомлення вам ще в дорозі. Його буде видалено, щойно його надішлють.",
  erasedLinkGone: "Це посилання більше не працює. Ви можете закрити цю сторінку.",
  accepted: "Вас записано на прийом. Незабаром ви отримаєте лист із підтвердженням.",
  declinedProposals: "Дякуємо за вашу відповідь. Ми зв’яжемося з вами і запропонуємо новий час.",
  proposalExpired: "На жаль, час для відповіді минув. Будь ласка, зателефонуйте нам:",
  proposalClosedDay: "На жаль, цього дня офіс зачинено. Будь ласка, оберіть інший час. Або зателефонуйте нам:",
} satisfies Translation<typeof de>;
