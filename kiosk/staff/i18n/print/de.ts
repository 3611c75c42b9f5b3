/* The print list's words, German and English (the board's language). */
import type { Locale } from "../../../../schemas/common";
import type { AppointmentState } from "../../../../schemas/staff-board";

export const audience = "staff";

export default {
  title: "{office}: {date}",
  printedAt: "Gedruckt am {date} um {time} Uhr.",
  privacy:
    "Diese Liste enthält personenbezogene Daten. Bitte verschlossen aufbewahren und am Ende des Tages vernichten (Aktenvernichter).",
  appointments: "Termine",
  noAppointments: "Keine Termine an diesem Tag.",
  columns: { time: "Zeit", code: "Code", name: "Name", topic: "Thema", phone: "Telefon", notes: "Notizen" },
  walkIns: "Ohne Termin bedient",
  noWalkIns: "Bisher niemand.",
  walkInColumns: { number: "Nummer", topic: "Thema", issued: "Gekommen", notes: "Notizen" },
  /** The state beside the name when it is no longer simply "booked". */
  states: {
    booked: "",
    checked_in: "angemeldet",
    called: "aufgerufen",
    in_room: "im Gespräch",
    done: "wahrgenommen",
    no_show: "nicht erschienen",
    cancelled: "abgesagt",
  } satisfies Record<AppointmentState, string>,
} as const;
