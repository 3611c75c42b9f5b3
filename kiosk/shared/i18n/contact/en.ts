import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "the project team (English, from the German)", nativeReview: null };

export default {
  requestContactHint: "An email address or a phone number is enough.",
  requestCallBack: "You did not give an email address. We will call you:",
  requestKeepLink: "Save this link. With it you can see your request:",
  emailSuggest: "Did you mean this address?",
  lostLink: {
    intro: "Write your email address. We will send you the links to your appointments again.",
    submit: "Send links",
    sending: "Sending …",
    sent: "Thank you. If appointments are booked with this address, you will get an email shortly. Please also look in your spam folder.",
    securityHint: "Please wait a moment. We check that a person is asking.",
  },
} satisfies Translation<typeof de>;
