import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "the project team (English, from the German)", nativeReview: null };

export default {
  qrLabel: "QR code to check in with the code {code}",
  qrHint: "Show this code to the tablet at the entrance. Or type in the code there.",
  eraseButton: "Delete my data now",
  eraseQuestion: "Do you want to delete your data now?",
  eraseWhatGoes: "We delete this at once:",
  eraseGoes: {
    contact: "your name, your email address and your phone number",
    note: "your message to us",
    code: "the check-in code",
    mails: "the emails we sent you about this appointment",
  },
  eraseWhatStays:
    "This stays, without your name: day, time, topic and whether the appointment took place. We need it for our statistics.",
  eraseLinkGoes: "After that, this link does not work any more. You cannot undo this.",
  eraseYes: "Yes, delete now",
  eraseNo: "No, do not delete",
  erasing: "Deleting your data …",
  erasedHeading: "Your data is deleted.",
  erasedList: "We deleted:",
  erased: {
    name: "your name",
    email: "your email address",
    phone: "your phone number",
    note: "your message",
    wish: "your wish",
    code: "the check-in code",
    mails: "the emails to you",
    link: "this link",
  },
  erasedMailOnItsWay: "A message to you is still on its way. It will be deleted as soon as it has been sent.",
  erasedLinkGone: "This link does not work any more. You can close this page.",
  accepted: "Your appointment is booked. You will get an email with the confirmation shortly.",
  declinedProposals: "Thank you for your answer. We will get back to you with new times.",
  proposalExpired: "Unfortunately, the time to answer has passed. Please call us:",
  proposalClosedDay: "Sorry, the office is closed on that day. Please choose another time. Or call us:",
} satisfies Translation<typeof de>;
