import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "the project team (English, from the German)", nativeReview: null };

export default {
  title: "Your number",
  loading: "Loading your number …",
  unknown:
    "We cannot find this number. Maybe part of the link is missing. Please scan the QR code again or ask in the office. Or call us:",
  numberLabel: "Your number:",
  next: "You are next.",
  ahead: { one: "There is {count} person before you.", other: "There are {count} people before you." },
  waitLabel: "Waiting time",
  wait: {
    shortly: "only a short while",
    upTo: "up to {duration}",
    about: "about {duration}",
    range: "about {low} to {high}",
    minutes: { one: "{count} minute", other: "{count} minutes" },
    hours: { one: "{count} hour", other: "{count} hours" },
  },
  waitHint: "This is an estimate. It can be quicker or take longer.",
  keepOpen: "Keep this page open. It updates by itself. You can also wait outside: when it is your turn, it says so here.",
  calledTitle: "It is your turn",
  calledInRoom: "It is your turn – {room}",
  calledHint: "Please come in now.",
  inProgress: "Your conversation is on.",
  inProgressInRoom: "Your conversation is on – {room}.",
  done: "Your conversation is over. Thank you for coming!",
  noShow: "Your number was called. But you were not there. Please ask in the office.",
  cancelled: "This number is no longer valid. Please take a new number at the tablet at the entrance. Or ask in the office.",
  offline: "No connection – we keep trying.",
  lastUpdate: "As of {time}.",
  bookLink: "Book an appointment",
  documentTitle: "{label} – Your number",
  documentTitleCalled: "{called}: {label}",
  pastClosing: "You may not be called today. Please ask at the reception desk.",
} satisfies Translation<typeof de>;
