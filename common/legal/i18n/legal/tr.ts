import type { Translation } from "../../../i18n/messages";
import type { CatalogMeta } from "../../../i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  days: { one: "{count} gün", other: "{count} gün" },
  fullText: {
    heading: "Tam metin (Almanca)",
    note: "Aşağıdaki tam metin Almancadır. Sadece Almanca metin bağlayıcıdır. Sorunuz mu var? Bizi arayın veya bize yazın.",
  },
  impressum: {
    title: "Künye (Impressum)",
    lead: "Bu randevu sayfalarını sunan:",
    provider: "Sunan kurum",
    contact: "İletişim",
    phone: "Telefon",
    email: "E-posta",
    representative: "Temsilci",
  },
  datenschutz: {
    title: "Veri koruma beyanı",
    lead: "Burada hangi verileri, ne için ve ne kadar süre sakladığımızı okuyabilirsiniz. Önce en önemli bilgiler sade bir dille. Aşağıda tam metin Almanca olarak yer alıyor.",
    plainHeading: "En önemli bilgiler sade bir dille",
    whoHeading: "Kim sorumlu?",
    who: "Randevu aldığınız ofis. Adres aşağıda yazıyor.",
    whatHeading: "Ne saklıyoruz?",
    what: {
      nameEmail: "Adınızı ve e-posta adresinizi.",
      phoneMessage: "Yazarsanız telefon numaranızı ve mesajınızı.",
      topicTime: "Konuyu, günü ve saati.",
      language: "Seçtiğiniz dili.",
      feedback: "Erişilebilirlik formu ile bize yazarsanız: Mesajınızı ve verirseniz adınızı ve iletişim bilginizi.",
    },
    whyHeading: "Ne için?",
    why: "Randevuyu sizin için ayırmak için. Size bir onay gönderebilmek için. Randevuyu değiştirebilmeniz veya iptal edebilmeniz için. Bilgilerinizi başkalarına vermiyoruz. Reklam için kullanmıyoruz. Destekçimize verdiğimiz raporlar için sadece kaç randevu olduğunu sayıyoruz: isim olmadan.",
    howLongHeading: "Ne kadar süre?",
    howLong: {
      appointment: "Randevudan {period} sonra adınızı, iletişim bilgilerinizi ve mesajınızı siliyoruz.",
      openRequest: "Randevusuz bir talep, ofis yanıt verene kadar saklanır.",
      closedRequest: "Randevusuz bir talebi, reddedildikten veya geri alındıktan {period} sonra siliyoruz.",
      mails: "Size gönderilen e-postaları, gönderildikten {period} sonra siliyoruz.",
      feedback: "Erişilebilirlik formundan gelen bir mesaj ofise e-posta olarak gider. Buradaki kopyayı gönderimden {period} sonra siliyoruz. Ofis, posta kutusundaki e-postayı diğer postalar gibi işler.",
      counts: "Geriye sadece isimsiz bir sayım kalır, örneğin: kaç randevu olduğu.",
    },
    whereHeading: "Nerede?",
    where: "Bilgiler AB'deki bir veri tabanında saklanır. Bu veri tabanını bizim için Cloudflare şirketi işletir.",
    cookiesHeading: "Çerezler",
    cookies: "Bu sayfalar cihazınıza çerez koymaz. Cihazınız sadece seçtiğiniz dili hatırlar.",
    rightsHeading: "Haklarınız",
    rights: "Sizin hakkınızda ne sakladığımızı sorabilirsiniz. Bilgileri düzelttirebilir veya sildirebilirsiniz. Veri koruma denetim makamına şikâyette bulunabilirsiniz. Sorunuz mu var? Bizi arayın veya bize yazın.",
    erase: "Randevunuz iptal mi edildi? Ya da randevu gününüz geçti mi? O zaman verilerinizi kendiniz de silebilirsiniz: Randevunuz veya talebiniz hakkındaki e-postadaki bağlantıyı açın ve „Verilerimi şimdi sil“ seçeneğini seçin.",
  },
  barrierefreiheit: {
    title: "Erişilebilirlik beyanı",
    lead: "Herkes bu sayfaları rahatça kullanabilmeli. Burada neyin iyi çalıştığını ve neyin henüz çalışmadığını okuyabilirsiniz.",
    plainHeading: "En önemli bilgiler sade bir dille",
    status: "Sayfalar kısmen erişilebilir. Şunlar henüz iyi çalışmıyor:",
    gaps: {
      signLanguage: "İşaret dilinde ve Kolay Almancada (Leichte Sprache) açıklamalar henüz yok.",
      translations: "Çevirileri bir bilgisayar yaptı. Anadili bu dil olan biri henüz kontrol etmedi. Hukuki metinler sadece Almanca ve İngilizce.",
      camera: "Tabletteki QR kod için kamera gerekir. Ama giriş kodunu yazabilir veya danışmada söyleyebilirsiniz.",
      display: "Çağrı ekranı numaraları her yerde sesli okumaz. Ama her numara her zaman ekranda büyük yazılıdır. Ekip de numarayı çağırır.",
      screenReader: "Sayfaları ekran okuyucularla henüz ayrıntılı test etmedik.",
    },
    feedbackHeading: "Bize söyleyin",
    feedback: "Erişilebilir olmayan bir şey mi fark ettiniz? Bir içeriğe başka bir biçimde mi ihtiyacınız var? O zaman bize söyleyin. Bize şöyle ulaşabilirsiniz:",
    enforcement: "Bize yazdınız ve altı hafta sonra iyi bir yanıt almadınız mı? O zaman Bavyera'daki bir kuruma başvurabilirsiniz. Kurum talebinizi inceler. Bu ücretsizdir. Adres aşağıdaki Almanca metinde, „Durchsetzungsverfahren“ bölümünde yazıyor.",
    contact: { phone: "Telefon", email: "E-posta" },
  },
} satisfies Translation<typeof de>;
