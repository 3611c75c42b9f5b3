import type { CatalogMeta } from "../../../../common/i18n/check";
import type { Translation } from "../../../../common/i18n/messages";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "the project team (English, from the German)", nativeReview: null };

export default {
  range: "{from} to {to}",
  intro: "Free times count from now on, as a booking on the phone can get them. A day opens with a click.",
  previousWeek: "Previous week",
  thisWeek: "This week",
  nextWeek: "Next week",
  weekNavLabel: "Choose a week",
  shown: "Showing: {range}",
  columns: { day: "Day", opening: "Open", free: "Free", booked: "Booked" },
  today: "today",
  status: { open: "open", closed: "closed", holiday: "public holiday", closure: "closure day" },
  free: { one: "1 time", other: "{count} times" },
  booked: { one: "1 appointment", other: "{count} appointments" },
  loading: "Loading the week …",
  failed: "The week does not load right now.",
  retry: "Try again",
} satisfies Translation<typeof de>;
