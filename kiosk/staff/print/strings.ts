/* The print list's words, German and English (the board's language). */
import { computed } from "@preact/signals";
import type { Locale } from "../../../schemas/common";
import type { AppointmentState } from "../../../schemas/staff-board";
import { locale } from "../../shared/locale";

const de = {
  title: (office: string, date: string) => `${office}: ${date}`,
  printedAt: (date: string, time: string) => `Gedruckt am ${date} um ${time} Uhr.`,
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
};

const en: typeof de = {
  title: (office, date) => `${office}: ${date}`,
  printedAt: (date, time) => `Printed on ${date} at ${time}.`,
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
};

export const PRINT_STRINGS: Readonly<Record<Locale, typeof de>> = { de, en };
export const printStrings = computed(() => PRINT_STRINGS[locale.value]);
