import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  title: "Sıra numaranız",
  loading: "Sıra numaranız yükleniyor …",
  unknown:
    "Bu sıra numarasını bulamıyoruz. Belki bağlantının bir kısmı eksik. Lütfen QR kodunu tekrar tarayın ya da ofiste sorun. Ya da bizi arayın:",
  numberLabel: "Sıra numaranız:",
  next: "Sıradaki sizsiniz.",
  ahead: { one: "Önünüzde {count} kişi var.", other: "Önünüzde {count} kişi var." },
  waitLabel: "Bekleme süresi",
  wait: {
    shortly: "çok kısa bir süre",
    upTo: "en fazla {duration}",
    about: "yaklaşık {duration}",
    range: "yaklaşık {low} ila {high}",
    minutes: { one: "{count} dakika", other: "{count} dakika" },
    hours: { one: "{count} saat", other: "{count} saat" },
  },
  waitHint: "Bu bir tahmindir. Daha hızlı da olabilir, daha uzun da sürebilir.",
  keepOpen:
    "Bu sayfayı açık bırakın. Yeni bilgileri kendisi gösterir. Dışarıda da bekleyebilirsiniz: Sıra size geldiğinde burada yazar.",
  calledTitle: "Sıra sizde",
  calledInRoom: "Sıra sizde – {room}",
  calledHint: "Lütfen şimdi yanımıza gelin.",
  inProgress: "Görüşmeniz devam ediyor.",
  inProgressInRoom: "Görüşmeniz devam ediyor – {room}.",
  done: "Görüşmeniz bitti. Ziyaretiniz için teşekkürler!",
  noShow: "Sıra numaranız çağrıldı. Ama siz orada değildiniz. Lütfen ofise başvurun.",
  cancelled: "Bu sıra numarası artık geçerli değil. Lütfen girişteki tabletten yeni bir sıra numarası alın. Ya da ofiste sorun.",
  offline: "Bağlantı yok – denemeye devam ediyoruz.",
  lastUpdate: "Son durum: saat {time}.",
  bookLink: "Randevu al",
  documentTitle: "{label} – Sıra numaranız",
  documentTitleCalled: "{called}: {label}",
  pastClosing: "Bugün sıranız gelmeyebilir. Lütfen danışma masasına sorun.",
} satisfies Translation<typeof de>;
