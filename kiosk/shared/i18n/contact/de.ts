/*
 * Words of the booking flow's parts that come as chunks (loaded with them, not in the first load): the
 * request form's "e-mail or phone", the e-mail typo suggestion, and "Link verloren?" unfolded
 * (kiosk/shared/LostLinkForm.tsx; its answer never says whether the address has bookings, nor does "sent").
 */
export const audience = "residents";

export default {
  /** The request form: either is enough (the API refuses neither). */
  requestContactHint: "Eine E-Mail-Adresse oder eine Telefonnummer reicht.",
  /** After a request without an e-mail address: staff call; the page keeps the request's link. */
  requestCallBack: "Sie haben keine E-Mail-Adresse angegeben. Wir rufen Sie an:",
  requestKeepLink: "Speichern Sie diesen Link. Damit sehen Sie Ihre Anfrage:",
  /** Below the e-mail field when its domain looks mistyped ("gmail.con"); the button beside it is the address meant. */
  emailSuggest: "Meinten Sie diese Adresse?",
  /** "Link verloren?" unfolded. */
  lostLink: {
    intro: "Schreiben Sie Ihre E-Mail-Adresse. Wir schicken Ihnen die Links zu Ihren Terminen noch einmal.",
    submit: "Links schicken",
    sending: "Wird gesendet …",
    sent: "Danke. Wenn mit dieser Adresse Termine gebucht sind, bekommen Sie gleich eine E-Mail. Bitte schauen Sie auch im Spam-Ordner nach.",
    /** Below "Sicherheitsprüfung" when the office has Turnstile on (the booking form says "… ein Mensch bucht"). */
    securityHint: "Bitte warten Sie kurz. Wir prüfen, ob hier ein Mensch fragt.",
  },
} as const;
