import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  qrLabel: "Giriş için QR kodu, giriş kodu: {code}",
  qrHint: "Bu kodu girişteki tablete gösterin. Ya da kodu orada yazın.",
  eraseButton: "Verilerimi şimdi sil",
  eraseQuestion: "Verilerinizi şimdi silmek istiyor musunuz?",
  eraseWhatGoes: "Bunları hemen siliyoruz:",
  eraseGoes: {
    contact: "Adınızı, e-posta adresinizi ve telefon numaranızı",
    note: "Bize yazdığınız mesajı",
    code: "Giriş kodunu",
    mails: "Bu randevu için size gönderdiğimiz e-postaları",
  },
  eraseWhatStays:
    "Adınız olmadan şunlar kalır: gün, saat, konu ve randevunun yapılıp yapılmadığı. Bunlara istatistiğimiz için ihtiyacımız var.",
  eraseLinkGoes: "Bundan sonra bu bağlantı artık çalışmaz. Bunu geri alamazsınız.",
  eraseYes: "Evet, şimdi sil",
  eraseNo: "Hayır, silme",
  erasing: "Verileriniz siliniyor …",
  erasedHeading: "Verileriniz silindi.",
  erasedList: "Şunları sildik:",
  erased: {
    name: "Adınızı",
    email: "E-posta adresinizi",
    phone: "Telefon numaranızı",
    note: "Mesajınızı",
    wish: "İsteğinizi",
    code: "Giriş kodunu",
    mails: "Size gönderilen e-postaları",
    link: "Bu bağlantıyı",
  },
  erasedMailOnItsWay: "Size bir mesaj hâlâ yolda. Gönderilir gönderilmez silinecek.",
  erasedLinkGone: "Bu bağlantı artık çalışmıyor. Bu sayfayı kapatabilirsiniz.",
  accepted: "Randevunuz alındı. Birazdan onay içeren bir e-posta alacaksınız.",
  declinedProposals: "Cevabınız için teşekkürler. Size yeni önerilerle geri döneceğiz.",
  proposalExpired: "Maalesef cevap verme süresi doldu. Lütfen bizi arayın:",
  proposalClosedDay: "Maalesef ofis o gün kapalı. Lütfen başka bir saat seçin. Ya da bizi arayın:",
} satisfies Translation<typeof de>;
