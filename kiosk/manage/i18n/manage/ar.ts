import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German; Modern Standard Arabic", nativeReview: null };

export default {
  qrLabel: "رمز QR لتسجيل الحضور برمز تسجيل الحضور {code}",
  qrHint: "يرجى عرض هذا الرمز على الجهاز اللوحي عند المدخل. أو إدخال الرمز هناك.",
  eraseButton: "حذف بياناتي الآن",
  eraseQuestion: "هل تريدون حذف بياناتكم الآن؟",
  eraseWhatGoes: "نحذف هذا فورًا:",
  eraseGoes: {
    contact: "اسمكم وعنوان بريدكم الإلكتروني ورقم هاتفكم",
    note: "رسالتكم إلينا",
    code: "رمز تسجيل الحضور",
    mails: "رسائل البريد الإلكتروني التي أرسلناها إليكم بخصوص هذا الموعد",
  },
  eraseWhatStays:
    "يبقى ما يلي، دون اسمكم: اليوم والوقت والموضوع وهل تم الموعد. نحتاج ذلك لإحصاءاتنا.",
  eraseLinkGoes: "بعد ذلك لن يعمل هذا الرابط. لا يمكن التراجع عن ذلك.",
  eraseYes: "نعم، احذفوا الآن",
  eraseNo: "لا، لا تحذفوا",
  erasing: "جارٍ حذف بياناتكم …",
  erasedHeading: "تم حذف بياناتكم.",
  erasedList: "لقد حذفنا:",
  erased: {
    name: "اسمكم",
    email: "عنوان بريدكم الإلكتروني",
    phone: "رقم هاتفكم",
    note: "رسالتكم",
    wish: "رغبتكم",
    code: "رمز تسجيل الحضور",
    mails: "رسائل البريد الإلكتروني إليكم",
    link: "هذا الرابط",
  },
  erasedMailOnItsWay: "لا تزال رسالة إليكم في الطريق. ستُحذف فور إرسالها.",
  erasedLinkGone: "هذا الرابط لم يعد يعمل. يمكنكم إغلاق هذه الصفحة.",
  accepted: "تم حجز موعدكم. ستصلكم قريبًا رسالة بريد إلكتروني بالتأكيد.",
  declinedProposals: "شكرًا على ردكم. سنتواصل معكم بمواعيد جديدة.",
  proposalExpired: "للأسف انتهى وقت الرد. يرجى الاتصال بنا:",
  proposalClosedDay: "للأسف المكتب مغلق في هذا اليوم. يرجى اختيار وقت آخر. أو الاتصال بنا:",
} satisfies Translation<typeof de>;
