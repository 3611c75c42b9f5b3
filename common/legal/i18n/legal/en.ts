import type { Translation } from "../../../i18n/messages";
import type { CatalogMeta } from "../../../i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "the project team (English, from the German); the accessibility summary: machine translation (Claude), from the German", nativeReview: null };

export default {
  days: { one: "{count} day", other: "{count} days" },
  fullText: {
    heading: "The exact wording (in German)",
    note: "The exact wording below is in German. Only the German version is binding. Any questions? Call us or write to us.",
  },
  impressum: {
    title: "Legal notice (Impressum)",
    lead: "These booking pages are offered by:",
    provider: "Provider",
    contact: "Contact",
    phone: "Phone",
    email: "E-mail",
    representative: "Represented by",
  },
  datenschutz: {
    title: "Privacy notice",
    lead: "This page says which data we store, what for and for how long. First in plain language, below it the exact wording.",
    plainHeading: "The main points in plain language",
    whoHeading: "Who is responsible?",
    who: "The office where you book the appointment. The address is further down.",
    whatHeading: "What do we store?",
    what: {
      nameEmail: "Your name and your e-mail address.",
      phoneMessage: "Your phone number and your message, if you write them.",
      topicTime: "The topic, the day and the time.",
      language: "The language you chose.",
      feedback: "If you write to us with the accessibility feedback form: your message and, if you give them, your name and your contact.",
    },
    whyHeading: "What for?",
    why: "So that we can keep the appointment for you. So that we can send you a confirmation. So that you can move or cancel the appointment. We do not pass on your details. We do not use them for advertising. For the reports to our funder we only count how many appointments there were: without names.",
    howLongHeading: "For how long?",
    howLong: {
      appointment: "{period} after the appointment we delete your name, your contact details and your message.",
      openRequest: "A request without an appointment stays stored until the office answers it.",
      closedRequest: "A request without an appointment is deleted {period} after it was declined or withdrawn.",
      mails: "E-mails to you are deleted {period} after we sent them.",
      feedback: "A message from the accessibility feedback form goes to the office as an e-mail. We delete the copy here {period} after it was sent. The office handles the e-mail in its mailbox like other post.",
      counts: "Only a count without names remains, for example: how many appointments there were.",
    },
    whereHeading: "Where?",
    where: "The details are kept in a database in the EU. The company Cloudflare runs it for us.",
    cookiesHeading: "Cookies",
    cookies: "These pages set no cookies on your device. Your device only remembers the language you choose.",
    rightsHeading: "Your rights",
    rights: "You can ask what we have stored about you. You can have details corrected or deleted. You can complain to the data protection authority. Questions? Call us or write to us.",
    erase: "Was your appointment cancelled? Or is the day of your appointment over? Then you can also delete your data yourself: open the link in the e-mail about your appointment or request and choose “Delete my data now”.",
  },
  barrierefreiheit: {
    title: "Accessibility statement",
    lead: "Everyone should be able to use these pages well. Here you can read what already works well and what does not yet.",
    plainHeading: "The main points in plain language",
    status: "The pages are partly accessible. These things do not work well yet:",
    gaps: {
      signLanguage: "There are no explanations in sign language or in Easy German (Leichte Sprache) yet.",
      translations: "A computer made the translations. No native speaker has checked them yet. The legal texts are only in German and English.",
      camera: "The QR code at the tablet needs the camera. But you can also type the code or tell it to us at the front desk.",
      display: "The call display does not announce numbers aloud everywhere. But every number is always shown large on the display. Staff also call it out.",
      screenReader: "We have not yet tested the pages carefully with screen readers.",
    },
    feedbackHeading: "Tell us",
    feedback: "Have you noticed something that is not accessible? Do you need content in another form? Then tell us. This is how to reach us:",
    enforcement: "Did you write to us and get no good answer after six weeks? Then you can turn to an office in Bavaria. It looks into your concern. It costs nothing. The address is below, in the section “Enforcement procedure”.",
    contact: { phone: "Phone", email: "E-mail" },
  },
} satisfies Translation<typeof de>;
