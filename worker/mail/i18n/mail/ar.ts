import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German; Modern Standard Arabic", nativeReview: null };

export default {
  greeting: "مرحبًا {name}،",
  signOff: "مع أطيب التحيات",
  /** "الاثنين، 30 نوفمبر 2026، الساعة 13:00" (Latin digits). */
  at: "{date}، الساعة {time}",
  until: "حتى الساعة {time}",
  span: "{when} ({until})",
  labels: { topic: "الموضوع", when: "متى", where: "أين", code: "رمز تسجيل الحضور", days: "الأيام", times: "الوقت", wish: "طلبكم" },
  codeHint: "أدخلوا رمز تسجيل الحضور في الجهاز اللوحي عند المدخل. أو أخبرونا به.",
  qr: {
    label: "رمز QR لتسجيل الحضور بالرمز {code}",
    hint: "إذا كان للجهاز اللوحي كاميرا، يمكنكم أيضًا أن تعرضوا عليه رمز QR هذا.",
  },
  bring: {
    intro: "يمكنكم إحضار:",
    cv: "سيرتكم الذاتية، إن وُجدت.",
    letters: "رسائل من مركز العمل (Jobcenter) أو من وكالة العمل (Agentur für Arbeit)، إن وُجدت.",
    questions: "أسئلتكم. يمكنكم كتابتها على ورقة.",
  },
  manage: { intro: "لا يمكنكم الحضور؟ يرجى إلغاء الموعد أو اختيار وقت آخر:", link: "إلغاء الموعد أو تغيير الموعد" },
  manageRequest: { intro: "هنا ترون طلبكم. ويمكنكم أيضًا سحبه من هناك:", link: "عرض الطلب" },
  rebook: "هل تريدون موعدًا جديدًا؟ يمكنكم الحجز هنا: {url}",
  rebookByPhone: "هل تريدون موعدًا جديدًا؟ اتصلوا بنا:",
  rebookByMail: "هل تريدون موعدًا جديدًا؟ اكتبوا لنا: {email}",
  rebookByMailAlso: "أو اكتبوا لنا: {email}",
  phone: "هل لديكم أسئلة؟ اتصلوا بنا:",
  inviteHint: "تجدون الموعد لتقويمكم في المرفق.",
  times: { morning: "صباحًا", afternoon: "بعد الظهر", evening: "مساءً" },
  confirmed: {
    subject: "موعدكم: {when} – {office}",
    headline: "تم حجز موعدكم.",
  },
  rescheduled: {
    subject: "تم تغيير موعدكم: {when} – {office}",
    headline: "تم تغيير موعدكم.",
    lead: "هذا هو موعدكم الجديد:",
  },
  cancelled: {
    subject: "تم إلغاء موعدكم: {when} – {office}",
    headline: "تم إلغاء موعدكم.",
    lead: "هذا الموعد لن يتم:",
  },
  reminder: {
    subject: "تذكير: موعدكم {when} – {office}",
    headline: "نذكّركم بموعدكم.",
    lead: "نتطلع إلى لقائكم.",
  },
  requested: {
    subject: "وصلنا طلبكم – {office}",
    headline: "وصلنا طلبكم.",
    lead: "شكرًا! هذا ما كتبتموه لنا:",
    next: "سنتواصل معكم ونقترح عليكم موعدًا.",
  },
  declined: {
    subject: "ردّ على طلبكم – {office}",
    headline: "للأسف لا يمكننا إعطاؤكم موعدًا لهذا الأمر.",
    lead: "طلبتم منا:",
  },
  proposals: {
    subject: "نقترح عليكم موعدًا – {office}",
    headline: {
      zero: "لا نقترح عليكم أي موعد.",
      one: "نقترح عليكم موعدًا.",
      two: "نقترح عليكم موعدين.",
      few: "نقترح عليكم {count} مواعيد.",
      many: "نقترح عليكم {count} موعدًا.",
      other: "نقترح عليكم {count} موعد.",
    },
    leadOne: "طلبتم موعدًا. يمكننا أن نعرض عليكم هذا الوقت:",
    leadMany: "طلبتم موعدًا. يمكننا أن نعرض عليكم هذه الأوقات:",
    choose: "انقروا على الوقت الذي يناسبكم. في الصفحة التالية انقروا على «تأكيد الموعد». عندها فقط يتم حجز الموعد.",
    none: { intro: "لا يناسبكم أي وقت؟ انقروا هنا. سنتواصل معكم مرة أخرى.", link: "لا يناسبني أي وقت" },
    deadline: "يرجى الرد حتى {when}. حتى ذلك الحين نحجز هذه الأوقات لكم.",
  },
  withdrawn: {
    subject: "تغيير في المواعيد المقترحة عليكم – {office}",
    headlineOne: "للأسف لم يعد أحد الأوقات المقترحة ممكنًا.",
    headlineMany: "للأسف لم تعد الأوقات المقترحة ممكنة.",
    leadOne: "لم يعد بإمكاننا أن نعرض عليكم هذا الوقت:",
    leadMany: "لم يعد بإمكاننا أن نعرض عليكم هذه الأوقات:",
    still: "لا يزال بإمكانكم اختيار أحد هذه الأوقات، حتى {when}:",
    none: { intro: "لا يناسبكم أي من هذه الأوقات؟ انقروا هنا:", link: "لا يناسبني أي وقت" },
    contact: "سنتواصل معكم مرة أخرى ونقترح عليكم وقتًا جديدًا.",
  },
  lostLink: {
    subject: "روابط مواعيدكم – {office}",
    headline: "إليكم روابطكم.",
    lead: "لقد طلبتم رابط موعدكم. بهذه الروابط يمكنكم عرض مواعيدكم أو إلغاؤها أو تغيير موعدها.",
    appointment: "{topic}: {when}",
    request: "طلب: {topic}",
    ignore: "لم تطلبوا الرابط؟ يرجى حذف هذا البريد الإلكتروني فقط. تبقى مواعيدكم كما هي.",
  },
  staffMessage: "رسالة من المكتب",
  hoursChanged: "أوقات الدوام لدينا تتغير. لم يعد المكتب مفتوحًا في هذا الوقت.",
  closed: "المكتب مغلق في هذا اليوم. السبب: {reason}",
  inviteDescription: { manage: "إلغاء الموعد أو تغيير الموعد", code: "رمز تسجيل الحضور عند المدخل", cancelled: "تم إلغاء هذا الموعد." },
} satisfies Translation<typeof de>;
