/* The week at a glance: its words, German and English (the board's language). */
import type { Locale } from "../../../../schemas/common";
import type { DayStatus } from "../../../../schemas/slots";

export const audience = "staff";

export default {
  range: "{from} bis {to}",
  intro: "Freie Zeiten zählen ab jetzt, wie sie ein Termin am Telefon bekommen kann. Ein Tag öffnet sich mit einem Klick.",
  previousWeek: "Vorherige Woche",
  thisWeek: "Diese Woche",
  nextWeek: "Nächste Woche",
  weekNavLabel: "Woche wählen",
  shown: "Gezeigt: {range}",
  columns: { day: "Tag", opening: "Geöffnet", free: "Frei", booked: "Gebucht" },
  today: "heute",
  status: {
    open: "geöffnet",
    closed: "geschlossen",
    holiday: "Feiertag",
    closure: "Schließtag",
  } satisfies Record<DayStatus, string>,
  free: { one: "1 Zeit", other: "{count} Zeiten" },
  booked: { one: "1 Termin", other: "{count} Termine" },
  loading: "Die Woche wird geladen …",
  failed: "Die Woche lädt gerade nicht.",
  retry: "Noch einmal versuchen",
} as const;
