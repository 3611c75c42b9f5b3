import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German; Modern Standard Arabic", nativeReview: null };

export default {
  title: "رقم انتظاركم",
  loading: "جارٍ تحميل رقم انتظاركم …",
  unknown:
    "لا نجد رقم الانتظار هذا. ربما ينقص جزء من الرابط. يرجى مسح رمز QR مرة أخرى أو السؤال في المكتب. أو الاتصال بنا:",
  numberLabel: "رقم انتظاركم:",
  next: "دوركم هو التالي.",
  ahead: {
    zero: "لا يوجد أحد قبلكم.",
    one: "يوجد قبلكم شخص واحد.",
    two: "يوجد قبلكم شخصان.",
    few: "يوجد قبلكم {count} أشخاص.",
    many: "يوجد قبلكم {count} شخصًا.",
    other: "يوجد قبلكم {count} شخص.",
  },
  waitLabel: "مدة الانتظار",
  wait: {
    shortly: "وقت قصير فقط",
    upTo: "حتى {duration}",
    about: "حوالي {duration}",
    range: "حوالي {low} إلى {high}",
    minutes: {
      zero: "{count} دقيقة",
      one: "دقيقة واحدة",
      two: "دقيقتين",
      few: "{count} دقائق",
      many: "{count} دقيقة",
      other: "{count} دقيقة",
    },
    hours: {
      zero: "{count} ساعة",
      one: "ساعة واحدة",
      two: "ساعتين",
      few: "{count} ساعات",
      many: "{count} ساعة",
      other: "{count} ساعة",
    },
  },
  waitHint: "هذا تقدير. قد يكون أسرع أو يستغرق وقتًا أطول.",
  keepOpen:
    "يرجى إبقاء هذه الصفحة مفتوحة. فهي تعرض المعلومات الجديدة تلقائيًا. يمكنكم أيضًا الانتظار في الخارج: عندما يحين دوركم، ستجدون ذلك هنا.",
  calledTitle: "حان دوركم",
  calledInRoom: "حان دوركم – {room}",
  calledHint: "يرجى الحضور إلينا الآن.",
  inProgress: "محادثتكم جارية.",
  inProgressInRoom: "محادثتكم جارية – {room}.",
  done: "انتهت محادثتكم. شكرًا على زيارتكم!",
  noShow: "تم النداء على رقم انتظاركم. لكنكم لم تكونوا موجودين. يرجى مراجعة المكتب.",
  cancelled: "رقم الانتظار هذا لم يعد صالحًا. يرجى أخذ رقم انتظار جديد من الجهاز اللوحي عند المدخل. أو السؤال في المكتب.",
  offline: "لا يوجد اتصال – نواصل المحاولة.",
  lastUpdate: "آخر تحديث: {time}.",
  bookLink: "حجز موعد",
  documentTitle: "{label} – رقم انتظاركم",
  documentTitleCalled: "{called}: {label}",
  pastClosing: "ربما لا يحين دوركم اليوم. يرجى السؤال في مكتب الاستقبال.",
} satisfies Translation<typeof de>;
