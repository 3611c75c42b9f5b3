import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "the project team (English, from the German)", nativeReview: null };

export default {
  greeting: "Hello {name},",
  signOff: "Kind regards",
  /** "Monday, 30 November 2026, 13:00". */
  at: "{date}, {time}",
  until: "until {time}",
  span: "{when} ({until})",
  labels: { topic: "Topic", when: "When", where: "Where", code: "Your code", days: "Days", times: "Time", wish: "Your wish" },
  codeHint: "Type the code into the tablet at the entrance. Or tell it to us.",
  qr: {
    label: "QR code to check in with the code {code}",
    hint: "If the tablet has a camera, you can also show it this QR code.",
  },
  bring: {
    intro: "You are welcome to bring:",
    cv: "Your CV, if you have one.",
    letters: "Letters from the Jobcenter or the employment agency (Agentur für Arbeit), if you have any.",
    questions: "Your questions. You can write them on a piece of paper.",
  },
  manage: { intro: "You cannot come? Please cancel or choose another time:", link: "Cancel or move the appointment" },
  manageRequest: { intro: "Here you can see your request. You can also withdraw it there:", link: "See your request" },
  rebook: "Would you like a new appointment? You can book here: {url}",
  rebookByPhone: "Would you like a new appointment? Call us:",
  rebookByMail: "Would you like a new appointment? Write to us: {email}",
  rebookByMailAlso: "Or write to us: {email}",
  phone: "Any questions? Call us:",
  inviteHint: "The appointment for your calendar is attached.",
  times: { morning: "mornings", afternoon: "afternoons", evening: "evenings" },
  confirmed: {
    subject: "Your appointment on {when} – {office}",
    headline: "Your appointment is booked.",
  },
  rescheduled: {
    subject: "Your appointment has moved: {when} – {office}",
    headline: "Your appointment has moved.",
    lead: "This is your new appointment:",
  },
  cancelled: {
    subject: "Your appointment on {when} is cancelled – {office}",
    headline: "Your appointment is cancelled.",
    lead: "This appointment will not take place:",
  },
  reminder: {
    subject: "Reminder: your appointment on {when} – {office}",
    headline: "A reminder of your appointment.",
    lead: "We look forward to seeing you.",
  },
  requested: {
    subject: "We have received your request – {office}",
    headline: "We have received your request.",
    lead: "Thank you! This is what you sent us:",
    next: "We will get back to you and suggest a time.",
  },
  declined: {
    subject: "Reply to your request – {office}",
    headline: "Unfortunately, we cannot give you an appointment for this.",
    lead: "You asked us for:",
  },
  proposals: {
    subject: "We suggest a time for your appointment – {office}",
    headline: { one: "We suggest a time for your appointment.", other: "We suggest {count} times for your appointment." },
    leadOne: "You asked us for an appointment. We can offer you this time:",
    leadMany: "You asked us for an appointment. We can offer you these times:",
    choose: "Click the time that suits you. On the page that opens, click “Confirm appointment”. Only then is the appointment booked.",
    none: { intro: "None of the times suits you? Then click here. We will get back to you.", link: "No time suits me" },
    deadline: "Please answer by {when}. We keep the times free for you until then.",
  },
  withdrawn: {
    subject: "A change to the times we suggested – {office}",
    headlineOne: "Unfortunately, one of the times we suggested is no longer possible.",
    headlineMany: "Unfortunately, the times we suggested are no longer possible.",
    leadOne: "We can no longer offer you this time:",
    leadMany: "We can no longer offer you these times:",
    still: "You can still choose one of these times, until {when}:",
    none: { intro: "None of these times suits you? Then click here:", link: "No time suits me" },
    contact: "We will get back to you and suggest a new time.",
  },
  lostLink: {
    subject: "Your links to your appointments – {office}",
    headline: "Here are your links.",
    lead: "You asked for the link to your appointment. With these links you can see, cancel or move your appointments.",
    appointment: "{topic}: {when}",
    request: "Request: {topic}",
    ignore: "You did not ask for the link? Then just delete this e-mail. Your appointments stay as they are.",
  },
  staffMessage: "Message from the office",
  hoursChanged: "Our opening hours are changing. The office is no longer open at this time.",
  closed: "The office is closed on this day. Reason: {reason}",
  inviteDescription: { manage: "Cancel or move", code: "Your code for the entrance", cancelled: "This appointment is cancelled." },
} satisfies Translation<typeof de>;
