import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German; Modern Standard Arabic", nativeReview: null };

export default {
  heading: {
    zero: "نقترح عليكم مواعيد",
    one: "نقترح عليكم موعدًا",
    two: "نقترح عليكم موعدين",
    few: "نقترح عليكم مواعيد",
    many: "نقترح عليكم مواعيد",
    other: "نقترح عليكم مواعيد",
  },
  deadline: "يرجى الرد حتى {when}. حتى ذلك الحين نحجز هذه الأوقات لكم.",
  legend: "أي وقت يناسبكم؟",
  none: "لا يناسبني أي وقت",
  chooseFirst: "يرجى اختيار وقت أو «لا يناسبني أي وقت».",
  confirm: "تأكيد الموعد",
  sendNone: "إرسال الرد",
  explain: "لا يتم حجز الموعد إلا عند النقر على «تأكيد الموعد». بعد ذلك تصلكم رسالة بريد إلكتروني.",
  ended: {
    declined: "لقد أجبتم: لا يناسبكم أي وقت. سنتواصل معكم بمقترحات جديدة.",
    expired: "انتهى وقت الرد. سنتواصل معكم. أو يمكنكم الاتصال بنا.",
    withdrawn: "هذه المقترحات لم تعد سارية. سنتواصل معكم.",
  },
} satisfies Translation<typeof de>;
