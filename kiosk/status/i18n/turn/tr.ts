import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  notify: {
    heading: "Bildirim",
    offer: "Sıram geldiğinde bana haber verin",
    explain: "Sıranız yaklaştığında ve çağrıldığınızda telefonunuz bir mesaj gösterir – bu sayfa kapalı olsa bile. Bunun için sıra numaranız bitene kadar sadece mesajın adresini saklarız.",
    working: "Bir dakika …",
    on: "Bildirim açık.",
    off: "Kapat",
    denied: "Tarayıcınız bildirimlere izin vermiyor. Bu sayfayı açık tutun: Burada da gösterilir.",
    failed: "Maalesef olmadı. Bu sayfayı açık tutun: Burada da gösterilir.",
  },
  leave: {
    heading: "Artık beklemiyor musunuz?",
    button: "Artık beklemiyorum",
    confirmQuestion: "Gerçekten gitmek istiyor musunuz? O zaman sıra numaranız artık geçerli olmaz.",
    confirm: "Evet, gidiyorum",
    cancel: "Hayır, beklemeye devam ediyorum",
    working: "Bir dakika …",
    done: "Artık beklemiyorsunuz. Yeriniz şimdi boş. Haber verdiğiniz için teşekkürler!",
    tooLate: "Az önce çağrıldınız. Lütfen yanımıza gelin veya ofise haber verin.",
    failed: "Maalesef olmadı. Lütfen tekrar deneyin.",
  },
  soundHint: "Sayfaya bir kez dokunun, sıranız geldiğinde bir ses duyarsınız.",
} satisfies Translation<typeof de>;
