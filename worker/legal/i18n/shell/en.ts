import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "the project team (English, from the German)", nativeReview: null };

export default {
  skip: "Skip to content",
  languages: "Language",
  navLabel: "Legal",
  errorPrefix: "Error: ",
  booking: "Book an appointment",
  notFoundTitle: "This page does not exist",
  notFoundText: "We do not know this office. Please check the link.",
  form: {
    heading: "Write to us",
    message: "Your message",
    messageHint: "What is not accessible? Where did you find it?",
    name: "Your name (optional)",
    contact: "E-mail address or phone number (optional)",
    contactHint: "Only if you would like an answer.",
    privacy:
      "What for: so that the office learns what is not accessible and can answer you. What we store: your message and, if you give them, your name and your contact. Where it goes: everything reaches the office as an e-mail. For how long: we delete the copy here {days} days after it was sent. The office handles the e-mail in its mailbox like other post. More about this:",
    privacyLink: "Privacy notice",
    submit: "Send message",
    problem: "Please check what you entered:",
    errors: {
      required: "Please write a message.",
      tooLong: "This is too long. At most {max} characters.",
      invalid: "There are characters here we do not accept. Please write text only.",
      unknown: "The form has a field we do not know. Please reload the page.",
      rateLimited: "Too many attempts in a short time. Please wait a few minutes, then send again.",
      unreadable: "Your message did not reach us properly. Please write it again and send it.",
      foreignOrigin: "We only take messages from this page. Please write your message here and send it.",
    },
    unavailable: "The form is not set up for this office. Please call us or write to us.",
  },
  thanksTitle: "Thank you for your message",
  thanksText: "Your message is being sent to the office. If you gave a contact, the office can answer you.",
  back: "Back to the accessibility statement",
} satisfies Translation<typeof de>;
