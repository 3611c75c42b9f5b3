import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German; Modern Standard Arabic", nativeReview: null };

export default {
  requestContactHint: "يكفي عنوان بريد إلكتروني أو رقم هاتف.",
  requestCallBack: "لم تذكروا عنوان بريد إلكتروني. سنتصل بكم:",
  requestKeepLink: "احفظوا هذا الرابط. يمكنكم به رؤية طلبكم:",
  emailSuggest: "هل تقصدون هذا العنوان؟",
  lostLink: {
    intro: "اكتبوا عنوان بريدكم الإلكتروني. سنرسل إليكم روابط مواعيدكم مرة أخرى.",
    submit: "إرسال الروابط",
    sending: "جارٍ الإرسال …",
    sent: "شكرًا. إذا كانت هناك مواعيد محجوزة بهذا العنوان، فستصلكم رسالة بريد إلكتروني قريبًا. يرجى النظر أيضًا في مجلد الرسائل غير المرغوب فيها.",
    securityHint: "يرجى الانتظار قليلًا. نتحقق من أن من يرسل هذا الطلب إنسان.",
  },
} satisfies Translation<typeof de>;
