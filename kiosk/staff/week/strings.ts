/* The week at a glance: its words, German and English (the board's language). */
import { computed } from "@preact/signals";
import type { Locale } from "../../../schemas/common";
import type { DayStatus } from "../../../schemas/slots";
import { locale } from "../../shared/locale";

const de = {
  range: (from: string, to: string) => `${from} bis ${to}`,
  intro: "Freie Zeiten zählen ab jetzt, wie sie ein Termin am Telefon bekommen kann. Ein Tag öffnet sich mit einem Klick.",
  previousWeek: "Vorherige Woche",
  thisWeek: "Diese Woche",
  nextWeek: "Nächste Woche",
  weekNavLabel: "Woche wählen",
  shown: (range: string) => `Gezeigt: ${range}`,
  columns: { day: "Tag", opening: "Geöffnet", free: "Frei", booked: "Gebucht" },
  today: "heute",
  status: {
    open: "geöffnet",
    closed: "geschlossen",
    holiday: "Feiertag",
    closure: "Schließtag",
  } satisfies Record<DayStatus, string>,
  free: (n: number) => (n === 1 ? "1 Zeit" : `${n} Zeiten`),
  booked: (n: number) => (n === 1 ? "1 Termin" : `${n} Termine`),
  loading: "Die Woche wird geladen …",
  failed: "Die Woche lädt gerade nicht.",
  retry: "Noch einmal laden",
};

const en: typeof de = {
  range: (from, to) => `${from} to ${to}`,
  intro: "Free times count from now on, as a booking on the phone can get them. A day opens with a click.",
  previousWeek: "Previous week",
  thisWeek: "This week",
  nextWeek: "Next week",
  weekNavLabel: "Choose a week",
  shown: (range) => `Showing: ${range}`,
  columns: { day: "Day", opening: "Open", free: "Free", booked: "Booked" },
  today: "today",
  status: { open: "open", closed: "closed", holiday: "public holiday", closure: "closure day" },
  free: (n) => (n === 1 ? "1 time" : `${n} times`),
  booked: (n) => (n === 1 ? "1 appointment" : `${n} appointments`),
  loading: "Loading the week …",
  failed: "The week does not load right now.",
  retry: "Load again",
};

export const WEEK_STRINGS: Readonly<Record<Locale, typeof de>> = { de, en };
export const weekStrings = computed(() => WEEK_STRINGS[locale.value]);
