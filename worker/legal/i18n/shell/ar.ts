import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German; Modern Standard Arabic", nativeReview: null };

export default {
  skip: "انتقل إلى المحتوى",
  languages: "اللغة",
  navLabel: "المعلومات القانونية",
  errorPrefix: "خطأ: ",
  booking: "حجز موعد",
  notFoundTitle: "هذه الصفحة غير موجودة",
  notFoundText: "لا نعرف هذا المكتب. يرجى التحقق من الرابط.",
  form: {
    heading: "اكتبوا لنا ملاحظاتكم",
    message: "رسالتكم",
    messageHint: "ما الذي لا يمكن الوصول إليه؟ أين وجدتموه؟",
    name: "اسمكم (اختياري)",
    contact: "البريد الإلكتروني أو رقم الهاتف (اختياري)",
    contactHint: "فقط إذا كنتم تريدون ردًّا.",
    privacy:
      "لماذا: ليعرف المكتب ما الذي لا يمكن الوصول إليه ويستطيع الرد عليكم. ماذا نحفظ: رسالتكم، واسمكم ووسيلة التواصل إن ذكرتموهما. إلى أين: يصل كل شيء إلى المكتب كبريد إلكتروني. إلى متى: نحذف النسخة هنا بعد الإرسال بمدة محددة (عدد الأيام: {days}). يتعامل المكتب مع البريد في صندوقه مثل أي بريد آخر. لمزيد من المعلومات:",
    privacyLink: "بيان حماية البيانات",
    submit: "إرسال الرسالة",
    problem: "يرجى التحقق من بياناتكم:",
    errors: {
      required: "يرجى كتابة رسالة.",
      tooLong: "هذا طويل جدًا. الحد الأقصى لعدد الأحرف: {max}.",
      invalid: "توجد هنا رموز لا نقبلها. يرجى كتابة نص فقط.",
      unknown: "في النموذج حقل لا نعرفه. يرجى إعادة تحميل الصفحة.",
      rateLimited: "محاولات كثيرة في وقت قصير. يرجى الانتظار بضع دقائق. ثم أرسلوا مرة أخرى.",
      unreadable: "لم تصلنا رسالتكم بشكل صحيح. يرجى كتابتها مرة أخرى وإرسالها.",
      foreignOrigin: "نقبل الرسائل من هذه الصفحة فقط. يرجى كتابة رسالتكم هنا وإرسالها.",
    },
    unavailable: "النموذج غير مُعدّ لهذا المكتب. يرجى الاتصال بنا أو الكتابة إلينا.",
  },
  thanksTitle: "شكرًا على رسالتكم",
  thanksText: "يتم إرسال رسالتكم إلى المكتب. إذا ذكرتم وسيلة تواصل، يمكن للمكتب الرد عليكم.",
  back: "العودة إلى بيان إمكانية الوصول",
} satisfies Translation<typeof de>;
