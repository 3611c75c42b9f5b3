import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German; Modern Standard Arabic", nativeReview: null };

export default {
  skipToContent: "انتقل إلى المحتوى",
  languageMenu: "اللغة",
  languageListLabel: "اختر اللغة",
  languageFailed: "لا يمكن تحميل هذه اللغة الآن. يرجى المحاولة مرة أخرى.",
  contactHeading: "التواصل",
  phone: "الهاتف:",
  email: "البريد الإلكتروني:",
  hoursHeading: "أوقات الدوام",
  otherwiseByArrangement: "في الأوقات الأخرى بموعد مسبق.",
  extraHoursHeading: "أيام دوام إضافية",
  extraHoursHint: "في هذه الأيام نفتح بشكل إضافي. يمكنكم حجز موعد فيها.",
  legalNav: "المعلومات القانونية",
  rebookByPhone: "هل تريدون موعدًا جديدًا؟ اتصلوا بنا:",
  rebookByMail: "هل تريدون موعدًا جديدًا؟ اكتبوا لنا:",
  rebookByMailAlso: "أو اكتبوا لنا:",
} satisfies Translation<typeof de>;
