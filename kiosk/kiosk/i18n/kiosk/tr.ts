import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  kioskTitle: "Ofisteki tablet",
  languages: "Dil",
  home: "Başa dön",
  back: "Geri",
  cancel: "Vazgeç",
  done: "Tamam",

  pairHeading: "Tableti kurun",
  pairIntro: "Bu tablet henüz kurulmadı. Lütfen eşleştirme kodunu girin.",
  pairWhere:
    "Kodu ofisin yöneticisi ekip ekranında „Verwaltung → Geräte“ (Yönetim → Cihazlar) bölümünde oluşturur. Lütfen oraya sorun. Kod 15 dakika geçerlidir.",
  pairForgotten: "Bu tablet artık eşleştirilmiş değil. Lütfen yeniden kurun.",
  pairCodeLabel: "Eşleştirme kodu",
  pairSubmit: "Tableti eşleştir",
  pairing: "Tablet eşleştiriliyor …",
  pairUnknown: "Bu kodu tanımıyoruz veya kodun süresi dolmuş. Lütfen yeni bir kod alın.",
  pairWrongKind: "Bu kod bir çağrı ekranı için, girişteki tablet için değil.",
  pairFailed: "Bu olmadı. Lütfen bağlantıyı kontrol edin ve tekrar deneyin.",

  welcome: "Hoş geldiniz!",
  openNow: "Ofis açık.",
  waitingNone: "Şu anda kimse beklemiyor.",
  waiting: { one: "Şu anda {count} kişi bekliyor.", other: "Şu anda {count} kişi bekliyor." },
  withAppointment: "Randevum var",
  withAppointmentHint: "E-postadaki giriş kodunu girin",
  withAppointmentHintQr: "Giriş kodunu girin veya QR kodu gösterin",
  withoutAppointment: "Randevusuz",
  withoutAppointmentHint: "Sıra numarası alın",
  bookLater: "Başka bir gün için randevu alın",
  loadingState: "Lütfen bir dakika bekleyin …",

  closedHeading: "Ofis şu anda kapalı.",
  nextOpening: "Tekrar buradayız: {when}",
  openingAt: "{day}, saat {time}",
  openingDate: "{weekday}, {date}",
  noNextOpening: "Ne zaman tekrar burada olacağımız henüz belli değil.",
  closedOffer: "Burada randevu alabilirsiniz. Sonra tüm bilgileri içeren bir e-posta alırsınız.",
  bookHere: "Randevu al",
  bookHereHint: "Gün ve saat seçin",
  requestHere: "Anlaşarak randevu",
  requestHereHint: "Çalışma saatlerimiz size uymuyor mu? Size geri döneriz.",
  hoursHeading: "Çalışma saatleri",
  otherwise: "Diğer zamanlarda anlaşarak.",

  topicsHeading: "Konu nedir?",
  topicsHint: "Konunuza dokunun. Sonra bir sıra numarası alırsınız.",
  topicsUnsure: "Tam olarak bilmiyor musunuz? O zaman „{topic}“ seçeneğine dokunun.",
  issuing: "Sıra numaranız geliyor. Lütfen bir dakika bekleyin …",
  closedNow: "Ofis az önce kapandı. Sıra numaraları sadece çalışma saatlerinde verilir.",
  topicGone: "Bu konu şu anda randevusuz sunulmuyor. Lütfen başka bir konu seçin.",
  failed: "Bu olmadı. Lütfen personele başvurun.",

  ticketHeading: "Sıra numaranız",
  aheadNone: "Önünüzde kimse yok.",
  ahead: { one: "Önünüzde {count} kişi var.", other: "Önünüzde {count} kişi var." },
  estimateNow: "Az sonra sıra sizde.",
  estimateUpTo: { one: "Bekleme süresi: en fazla {count} dakika.", other: "Bekleme süresi: en fazla {count} dakika." },
  estimateRange: { one: "Bekleme süresi: yaklaşık {low} ila {count} dakika.", other: "Bekleme süresi: yaklaşık {low} ila {count} dakika." },
  estimateHonest: "Bu bir tahmindir. Bazı görüşmeler daha uzun sürer.",
  ticketHint: "Lütfen oturun. Sıra numaranızı çağıracağız.",
  rememberNumber: "Lütfen numarayı aklınızda tutun. Ya da bir fotoğrafını çekin.",
  statusQr: "Telefonunuzla tarayın: Böylece dışarıdayken de sıranın ne zaman size geldiğini görürsünüz.",
  statusQrLabel: "Telefonunuz için QR kod: {label} numarası, bekleme süresi ve çağrı",

  checkinHeading: "Kodunuzla giriş yapın",
  checkinHint: "Giriş kodu e-postanızda yazıyor. 6 karakterden oluşur. Buraya yazın.",
  checkinCodeLabel: "Kodunuz",
  typedNone: "Henüz bir şey girilmedi. Kod {total} karakterden oluşur.",
  typed: "Girilen: {code}. {total} karakterden {n} tanesi.",
  missing: { one: "{count} karakter daha eksik.", other: "{count} karakter daha eksik." },
  deleteLast: "Son karakteri sil",
  clearAll: "Hepsini sil",
  checkinSubmit: "Giriş yap",
  checkingIn: "Girişiniz yapılıyor. Lütfen bir dakika bekleyin …",
  showQr: "QR kodu göster",
  showQrHint: "E-postadaki QR kodu kameraya tutun",

  scanHeading: "QR kodu gösterin",
  scanHint: "E-postanızdaki QR kodu kameranın önüne tutun. Tablet onu kendisi okur.",
  scanVideo: "Kamera görüntüsü",
  scanStarting: "Kamera başlıyor …",
  scanFailed: "Kamera şu anda çalışmıyor. Lütfen kodu yazın.",
  typeInstead: "Kodu yazmayı tercih ediyorum",

  welcomeHeading: "Hoş geldiniz! Girişiniz yapıldı.",
  initialLabel: "Adınızın ilk harfi: {initial}",
  appointment: "Randevunuz: saat {time}, {topic}",
  welcomeHint: "Lütfen oturun. Sıra numaranızı çağıracağız.",

  tooEarlyFrom: "Saat {time} itibarıyla giriş yapabilirsiniz. Lütfen oturun ve o zaman tablete tekrar gelin.",

  print: {
    issued: "{date}, saat {time}",
    topic: "Konu: {topic}",
    status: "Sıranın ne zaman size geleceğini telefonunuzda görün:",
  },
  refusals: {
    tooEarly: {
      heading: "Erken geldiniz",
      text: "Girişi ancak randevunuzdan kısa süre önce yapabilirsiniz. Lütfen oturun ve biraz sonra tekrar tablete gelin.",
    },
    tooLate: {
      heading: "Randevunuzun zamanı geçti",
      text: "Maalesef randevunuza geç kaldınız. Randevusuz bir sıra numarası alabilirsiniz. O zaman biri boş olunca sıra size gelir.",
    },
    otherDay: {
      heading: "Randevunuz başka bir gün",
      text: "Bu kodla bugün randevunuz yok. Günü e-postanızda bulabilirsiniz.",
    },
    cancelled: {
      heading: "Bu randevu iptal edildi",
      text: "Bu koda ait randevu iptal edildi. Yeni bir randevu alabilirsiniz. Ya da lütfen personele sorun.",
    },
    already: {
      heading: "Girişiniz zaten yapıldı",
      text: "Bu kodla zaten giriş yapıldı. Lütfen oturun. Sıra numaranızı çağıracağız. Ya da lütfen personele sorun.",
    },
    unknown: {
      heading: "Bu kodu tanımıyoruz",
      text: "Lütfen kodu kontrol edin. Kod e-postanızda yazıyor ve 6 karakterden oluşur. Ya da personele sorun.",
    },
  },
  yourCode: "Kodunuz:",
  typeAgain: "Kodu tekrar girin",
  takeNumber: "Randevusuz sıra numarası alın",

  noConnectionHeading: "Lütfen personele başvurun.",
  noConnectionText: "Tabletin şu anda bağlantısı yok. Kendiliğinden denemeye devam ediyor.",
  noConnectionSafe: "Endişelenmeyin: Sıra numaranızı sadece bir kez alırsınız.",
  retrying: "Yeniden deneniyor …",
  retryNow: "Şimdi tekrar dene",

  idleHeading: "Hâlâ burada mısınız?",
  idleText: "Tablet birazdan baştan başlayacak. Girdiğiniz bilgiler o zaman silinir.",
  idleStay: "Evet, hâlâ buradayım",

  bookTitle: "Randevu al",
  bookTopicHint: "Konunuza dokunun.",
  bookDoneHint: "Randevu günü bu kodla burada, tablette giriş yaparsınız. Kod e-postada da yazıyor.",
  mailInvite: "E-postada takviminiz için bir dosya da var.",
  privacyMore: "Veri koruma hakkında daha fazla bilgi",
  moreBelow: "Aşağıda devamı var",
  tooMany:
    "Bu e-posta adresiyle zaten 2 randevu alınmış. Burada daha fazlası mümkün değil. Önce bir randevuyu iptal edebilirsiniz: Bunun bağlantısı e-postanızda.",
  pastClosing: "Bugün sıranız gelmeyebilir. Lütfen danışma masasına sorun.",
} satisfies Translation<typeof de>;
