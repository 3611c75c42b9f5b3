import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  skipToContent: "İçeriğe geç",
  languageMenu: "Dil",
  languageListLabel: "Dil seçin",
  languageFailed: "Bu dil şu anda yüklenmiyor. Lütfen tekrar deneyin.",
  contactHeading: "İletişim",
  phone: "Telefon:",
  email: "E-posta:",
  hoursHeading: "Açılış saatleri",
  otherwiseByArrangement: "Diğer zamanlar randevu ile.",
  extraHoursHeading: "Ek açılış günleri",
  extraHoursHint: "Bu günlerde ayrıca açığız. Bu günler için randevu alabilirsiniz.",
  legalNav: "Yasal bilgiler",
  rebookByPhone: "Yeni bir randevu mu istiyorsunuz? Bizi arayın:",
  rebookByMail: "Yeni bir randevu mu istiyorsunuz? Bize yazın:",
  rebookByMailAlso: "Ya da bize yazın:",
} satisfies Translation<typeof de>;
