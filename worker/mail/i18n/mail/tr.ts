import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  greeting: "Merhaba {name},",
  signOff: "Saygılarımızla",
  /** "30 Kasım 2026 Pazartesi, saat 13:00". */
  at: "{date}, saat {time}",
  /** Neutral "bitiş" rather than a suffix on the number, whose form depends on the digits. */
  until: "bitiş: {time}",
  span: "{when} ({until})",
  labels: { topic: "Konu", when: "Ne zaman", where: "Nerede", code: "Giriş kodunuz", days: "Günler", times: "Saat", wish: "İsteğiniz" },
  codeHint: "Girişteki tablete giriş kodunu yazın. Ya da kodu bize söyleyin.",
  qr: {
    label: "{code} giriş kodu ile giriş için QR kod",
    hint: "Tabletin kamerası varsa bu QR kodu da tablete gösterebilirsiniz.",
  },
  bring: {
    intro: "Yanınızda getirebilirsiniz:",
    cv: "Özgeçmişinizi, varsa.",
    letters: "Jobcenter'dan veya İş Ajansı'ndan (Agentur für Arbeit) gelen mektupları, varsa.",
    questions: "Sorularınızı. Onları bir kâğıda yazabilirsiniz.",
  },
  manage: { intro: "Gelemiyor musunuz? Lütfen randevuyu iptal edin veya başka bir saat seçin:", link: "Randevuyu iptal etmek veya değiştirmek" },
  manageRequest: { intro: "Talebinizi burada görebilirsiniz. Orada talebinizi geri de alabilirsiniz:", link: "Talebi görüntüle" },
  rebook: "Yeni bir randevu mu istiyorsunuz? Buradan alabilirsiniz: {url}",
  rebookByPhone: "Yeni bir randevu mu istiyorsunuz? Bizi arayın:",
  rebookByMail: "Yeni bir randevu mu istiyorsunuz? Bize yazın: {email}",
  rebookByMailAlso: "Ya da bize yazın: {email}",
  phone: "Sorunuz mu var? Bizi arayın:",
  inviteHint: "Takviminiz için randevuyu ekte bulabilirsiniz.",
  times: { morning: "öğleden önce", afternoon: "öğleden sonra", evening: "akşam" },
  confirmed: {
    subject: "Randevunuz: {when} – {office}",
    headline: "Randevunuz alındı.",
  },
  rescheduled: {
    subject: "Randevunuz değişti: {when} – {office}",
    headline: "Randevunuz değişti.",
    lead: "Yeni randevunuz:",
  },
  cancelled: {
    subject: "Randevunuz iptal edildi: {when} – {office}",
    headline: "Randevunuz iptal edildi.",
    lead: "Bu randevu gerçekleşmeyecek:",
  },
  reminder: {
    subject: "Hatırlatma: Randevunuz {when} – {office}",
    headline: "Randevunuzu hatırlatıyoruz.",
    lead: "Sizi bekliyoruz.",
  },
  requested: {
    subject: "Talebiniz bize ulaştı – {office}",
    headline: "Talebiniz bize ulaştı.",
    lead: "Teşekkürler! Bize şunu yazdınız:",
    next: "Size geri döneceğiz ve bir randevu önereceğiz.",
  },
  declined: {
    subject: "Talebinize yanıt – {office}",
    headline: "Maalesef bunun için size randevu veremiyoruz.",
    lead: "Bizden şunu talep ettiniz:",
  },
  proposals: {
    subject: "Size bir randevu öneriyoruz – {office}",
    headline: { one: "Size bir randevu öneriyoruz.", other: "Size {count} randevu öneriyoruz." },
    leadOne: "Bir randevu talep ettiniz. Size bu saati önerebiliriz:",
    leadMany: "Bir randevu talep ettiniz. Size bu saatleri önerebiliriz:",
    choose: "Size uyan saate tıklayın. Açılan sayfada „Randevuyu onayla“ düğmesine tıklayın. Randevu ancak o zaman alınmış olur.",
    none: { intro: "Hiçbir saat size uymuyor mu? O zaman buraya tıklayın. Size yeniden döneceğiz.", link: "Hiçbir saat uymuyor" },
    deadline: "Lütfen {when} tarihine kadar yanıt verin. Saatleri o zamana kadar sizin için boş tutuyoruz.",
  },
  withdrawn: {
    subject: "Randevu önerilerinizde değişiklik – {office}",
    headlineOne: "Maalesef önerdiğimiz bir saat artık mümkün değil.",
    headlineMany: "Maalesef önerdiğimiz saatler artık mümkün değil.",
    leadOne: "Bu saati size artık sunamıyoruz:",
    leadMany: "Bu saatleri size artık sunamıyoruz:",
    still: "Bu saatlerden birini hâlâ seçebilirsiniz, {when} tarihine kadar:",
    none: { intro: "Bu saatlerin hiçbiri size uymuyor mu? O zaman buraya tıklayın:", link: "Hiçbir saat uymuyor" },
    contact: "Size yeniden döneceğiz ve yeni bir saat önereceğiz.",
  },
  lostLink: {
    subject: "Randevularınızın bağlantıları – {office}",
    headline: "Bağlantılarınız burada.",
    lead: "Randevunuzun bağlantısını istediniz. Bu bağlantılarla randevularınızı görebilir, iptal edebilir veya değiştirebilirsiniz.",
    appointment: "{topic}: {when}",
    request: "Talep: {topic}",
    ignore: "Bağlantıyı siz istemediniz mi? O zaman bu e-postayı silmeniz yeterli. Randevularınız olduğu gibi kalır.",
  },
  staffMessage: "Ofisten mesaj",
  hoursChanged: "Çalışma saatlerimiz değişiyor. Ofis bu saatte artık açık değil.",
  closed: "Ofis bu gün kapalı. Sebep: {reason}",
  inviteDescription: { manage: "İptal etmek veya değiştirmek", code: "Giriş için giriş kodunuz", cancelled: "Bu randevu iptal edildi." },
} satisfies Translation<typeof de>;
