import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  heading: { one: "Size bir saat öneriyoruz", other: "Size saatler öneriyoruz" },
  deadline: "Lütfen {when} tarihine kadar cevap verin. O zamana kadar bu saatleri sizin için boş tutuyoruz.",
  legend: "Hangi saat size uyuyor?",
  none: "Hiçbir saat bana uymuyor",
  chooseFirst: "Lütfen bir saat ya da „Hiçbir saat bana uymuyor“ seçeneğini seçin.",
  confirm: "Randevuyu onayla",
  sendNone: "Cevabı gönder",
  explain: "Randevu ancak „Randevuyu onayla“ düğmesine tıkladığınızda alınmış olur. Sonra bir e-posta alırsınız.",
  ended: {
    declined: "Cevabınız: Hiçbir saat uymuyor. Size yeni önerilerle geri döneceğiz.",
    expired: "Cevap verme süresi doldu. Size geri döneceğiz. Ya da bizi arayın.",
    withdrawn: "Bu öneriler artık geçerli değil. Size geri döneceğiz.",
  },
} satisfies Translation<typeof de>;
