import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "the project team (English, from the German)", nativeReview: null };

export default {
  heading: { one: "We suggest a time for you", other: "We suggest times for you" },
  deadline: "Please answer by {when}. We keep the times free for you until then.",
  legend: "Which time suits you?",
  none: "No time suits me",
  chooseFirst: "Please choose a time or “No time suits me”.",
  confirm: "Confirm appointment",
  sendNone: "Send answer",
  explain: "The appointment is booked only when you click “Confirm appointment”. You then get an email.",
  ended: {
    declined: "You answered: no time suits you. We will get back to you with new times.",
    expired: "The time to answer has passed. We will get back to you. Or call us.",
    withdrawn: "These times no longer apply. We will get back to you.",
  },
} satisfies Translation<typeof de>;
