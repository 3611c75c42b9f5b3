import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "machine translation (Claude), from the German", nativeReview: null };

export default {
  notify: {
    heading: "Notification",
    offer: "Notify me when it is my turn",
    explain: "Your phone shows a message when it is almost your turn and when your number is called – even when this page is closed. For this we only store the address for the message, until your number is over.",
    working: "One moment …",
    on: "Notifications are on.",
    off: "Turn off",
    denied: "Your browser does not allow notifications. Keep this page open: it shows it here too.",
    failed: "Sorry, that did not work. Keep this page open: it shows it here too.",
  },
  leave: {
    heading: "Not waiting any more?",
    button: "I am not waiting any more",
    confirmQuestion: "Do you really want to leave? Your number will then no longer be valid.",
    confirm: "Yes, I am leaving",
    cancel: "No, I will keep waiting",
    working: "One moment …",
    done: "You are no longer waiting. Your place is now free. Thank you for letting us know!",
    tooLate: "Your number has just been called. Please come to us or tell the office.",
    failed: "Sorry, that did not work. Please try again.",
  },
  soundHint: "Tap the page once, then you will hear a sound when it is your turn.",
} satisfies Translation<typeof de>;
