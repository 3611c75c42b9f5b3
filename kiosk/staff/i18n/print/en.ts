import type { CatalogMeta } from "../../../../common/i18n/check";
import type { Translation } from "../../../../common/i18n/messages";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "the project team (English, from the German)", nativeReview: null };

export default {
  title: "{office}: {date}",
  printedAt: "Printed on {date} at {time}.",
  privacy: "This list holds personal data. Please keep it locked away and destroy it at the end of the day (shredder).",
  appointments: "Appointments",
  noAppointments: "No appointments on this day.",
  columns: { time: "Time", code: "Code", name: "Name", topic: "Topic", phone: "Phone", notes: "Notes" },
  walkIns: "Served without appointment",
  noWalkIns: "Nobody yet.",
  walkInColumns: { number: "Number", topic: "Topic", issued: "Came", notes: "Notes" },
  states: {
    booked: "",
    checked_in: "checked in",
    called: "called",
    in_room: "in conversation",
    done: "attended",
    no_show: "did not come",
    cancelled: "cancelled",
  },
} satisfies Translation<typeof de>;
