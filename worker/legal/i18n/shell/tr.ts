import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  skip: "İçeriğe geç",
  languages: "Dil",
  navLabel: "Yasal bilgiler",
  errorPrefix: "Hata: ",
  booking: "Randevu al",
  notFoundTitle: "Bu sayfa yok",
  notFoundText: "Bu ofisi tanımıyoruz. Lütfen bağlantıyı kontrol edin.",
  form: {
    heading: "Geri bildirim yazın",
    message: "Mesajınız",
    messageHint: "Erişilebilir olmayan ne? Nerede fark ettiniz?",
    name: "Adınız (isteğe bağlı)",
    contact: "E-posta adresi veya telefon numarası (isteğe bağlı)",
    contactHint: "Sadece yanıt istiyorsanız.",
    privacy:
      "Ne için: Ofis, erişilebilir olmayan şeyleri öğrenmeli ve size yanıt verebilmelidir. Ne saklıyoruz: Mesajınızı ve verirseniz adınızı ve iletişim bilginizi. Nereye: Her şey ofise e-posta olarak gider. Ne kadar süre: Buradaki kopyayı gönderimden {days} gün sonra siliyoruz. Ofis, posta kutusundaki e-postayı diğer postalar gibi işler. Daha fazlası:",
    privacyLink: "Veri koruma beyanı",
    submit: "Mesajı gönder",
    problem: "Lütfen bilgilerinizi kontrol edin:",
    errors: {
      required: "Lütfen bir mesaj yazın.",
      tooLong: "Bu çok uzun. En fazla {max} karakter.",
      invalid: "Burada kabul etmediğimiz karakterler var. Lütfen sadece metin yazın.",
      unknown: "Formda tanımadığımız bir alan var. Lütfen sayfayı yeniden yükleyin.",
      rateLimited: "Kısa sürede çok fazla deneme. Lütfen birkaç dakika bekleyin. Sonra yeniden gönderin.",
      unreadable: "Mesajınız bize doğru ulaşmadı. Lütfen yeniden yazın ve gönderin.",
      foreignOrigin: "Mesajları sadece bu sayfadan kabul ediyoruz. Lütfen mesajınızı burada yazın ve gönderin.",
    },
    unavailable: "Bu ofis için form kurulmamış. Lütfen bizi arayın veya bize yazın.",
  },
  thanksTitle: "Mesajınız için teşekkürler",
  thanksText: "Mesajınız ofise gönderiliyor. İletişim bilgisi verdiyseniz ofis size yanıt verebilir.",
  back: "Erişilebilirlik beyanına geri dön",
} satisfies Translation<typeof de>;
