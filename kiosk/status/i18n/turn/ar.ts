import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German; Modern Standard Arabic", nativeReview: null };

export default {
  notify: {
    heading: "الإشعار",
    offer: "أبلغوني عندما يحين دوري",
    explain: "يعرض هاتفكم رسالة عندما يقترب دوركم وعندما يتم استدعاؤكم – حتى لو كانت هذه الصفحة مغلقة. لهذا نحفظ فقط عنوان الرسالة حتى ينتهي رقم الانتظار الخاص بكم.",
    working: "لحظة من فضلكم …",
    on: "الإشعار مفعّل.",
    off: "إيقاف",
    denied: "متصفحكم لا يسمح بالإشعارات. يرجى إبقاء هذه الصفحة مفتوحة: ستعرض ذلك هنا أيضًا.",
    failed: "للأسف لم ينجح ذلك. يرجى إبقاء هذه الصفحة مفتوحة: ستعرض ذلك هنا أيضًا.",
  },
  leave: {
    heading: "لا تريدون الانتظار بعد الآن؟",
    button: "لن أنتظر بعد الآن",
    confirmQuestion: "هل تريدون المغادرة فعلًا؟ عندها لن يعود رقم الانتظار الخاص بكم صالحًا.",
    confirm: "نعم، سأغادر",
    cancel: "لا، سأواصل الانتظار",
    working: "لحظة من فضلكم …",
    done: "لم تعودوا في الانتظار. مكانكم أصبح متاحًا الآن. شكرًا لإبلاغنا!",
    tooLate: "تم استدعاؤكم للتو. يرجى الحضور إلينا أو إبلاغ المكتب.",
    failed: "للأسف لم ينجح ذلك. يرجى المحاولة مرة أخرى.",
  },
  soundHint: "يرجى لمس الصفحة مرة واحدة، وعندها ستسمعون صوتًا عندما يحين دوركم.",
} satisfies Translation<typeof de>;
