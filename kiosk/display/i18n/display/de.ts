/*
 * The call display's words. A waiting room has no language switch: German first, English alongside,
 * always both (./index.ts pairs them; the English parts are marked lang="en" where they render). Numbers
 * and rooms are the message; the words around them stay few.
 */
export const audience = "staff";

export default {
  title: "Aufrufe",
  nowCalling: "Jetzt bitte",
  room: "bitte in",
  noCallYet: "Noch niemand aufgerufen.",
  closed: "Das Büro ist jetzt geschlossen.",
  earlier: "Vorher aufgerufen",
  waiting: { one: "1 Person wartet", other: "{count} Personen warten" },
  clock: "Uhrzeit",
  offline: "Verbindung unterbrochen – wird wiederhergestellt",
  loading: "Wird geladen …",
  /** Closed: when it opens again. Today: "Geöffnet ab 13:00"; `day` is a weekday ("Mittwoch"), with its date a week or more ahead. */
  opensToday: "Geöffnet ab {time}",
  opensTomorrow: "Geöffnet ab morgen, {time}",
  opensOn: "Geöffnet ab {day}, {time}",
  /** For staff: the browser holds sound back after a reload (no switches on the public screen, README). */
  soundBlocked: "Ton blockiert – einmal auf den Bildschirm tippen",
  /** A new call, spoken (German only) and read by screen readers (both languages): "Nummer W 7, bitte in Raum 2." */
  announce: "Nummer {label}, bitte in {room}.",
  // Pairing
  pairHeading: "Anzeige im Wartebereich einrichten",
  pairIntro:
    "Bitte geben Sie den Kopplungscode ein (8 Zeichen). Den Code erstellt die Administratorin oder der Administrator des Büros in der Team-Übersicht unter „Verwaltung → Geräte“. Bitte fragen Sie dort nach.",
  pairForgotten: "Diese Anzeige ist nicht mehr gekoppelt. Bitte neu koppeln.",
  pairLabel: "Kopplungscode",
  pairSubmit: "Koppeln",
  pairing: "Wird gekoppelt …",
  pairUnknown: "Dieser Code ist unbekannt, schon benutzt oder abgelaufen. Bitte lassen Sie einen neuen erstellen.",
  pairWrongKind: "Dieser Code ist für ein Tablet am Eingang, nicht für eine Anzeige.",
  pairFailed: "Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.",
} as const;
