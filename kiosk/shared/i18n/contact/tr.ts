import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  requestContactHint: "Bir e-posta adresi veya bir telefon numarası yeterlidir.",
  requestCallBack: "E-posta adresi vermediniz. Sizi arayacağız:",
  requestKeepLink: "Bu bağlantıyı kaydedin. Onunla talebinizi görebilirsiniz:",
  emailSuggest: "Bu adresi mi demek istediniz?",
  lostLink: {
    intro: "E-posta adresinizi yazın. Randevularınızın bağlantılarını size tekrar göndereceğiz.",
    submit: "Bağlantıları gönder",
    sending: "Gönderiliyor …",
    sent: "Teşekkürler. Bu adresle randevu alınmışsa, birazdan bir e-posta alacaksınız. Lütfen spam klasörüne de bakın.",
    securityHint: "Lütfen kısa bir süre bekleyin. Bu isteği bir insanın gönderdiğini kontrol ediyoruz.",
  },
} satisfies Translation<typeof de>;
