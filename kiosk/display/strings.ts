/*
 * The display's words. A waiting room has no language switch: German first, English alongside, always
 * both (English parts are marked lang="en" where they render).
 */
export const display = {
  title: { de: "Aufrufe", en: "Calls" },
  documentTitle: "Aufrufe – Anzeige im Wartebereich",
  nowCalling: { de: "Jetzt bitte", en: "Now please" },
  room: { de: "bitte in", en: "please go to" },
  noCallYet: { de: "Noch niemand aufgerufen.", en: "Nobody has been called yet." },
  closed: { de: "Das Büro ist jetzt geschlossen.", en: "The office is closed now." },
  earlier: { de: "Vorher aufgerufen", en: "Called before" },
  waiting: (n: number) => ({
    de: n === 1 ? "1 Person wartet" : `${n} Personen warten`,
    en: n === 1 ? "1 person waiting" : `${n} people waiting`,
  }),
  clock: { de: "Uhrzeit", en: "Time" },
  offline: { de: "Verbindung unterbrochen – wird wiederhergestellt", en: "Connection lost – reconnecting" },
  loading: { de: "Wird geladen …", en: "Loading …" },
  soundOn: { de: "Ton einschalten", en: "Turn on sound" },
  soundHint: { de: "Der Browser spielt Töne erst nach einem Klick.", en: "The browser plays sounds only after a click." },
  speech: { de: "Aufrufe ansagen (Sprache)", en: "Announce calls (speech)" },
  // Pairing
  pairHeading: { de: "Anzeige im Wartebereich einrichten", en: "Set up the waiting-room display" },
  pairIntro: {
    de: "Bitte geben Sie den Kopplungscode ein (8 Zeichen). Den Code erstellt die Administratorin oder der Administrator des Büros in der Team-Übersicht unter „Verwaltung → Geräte“. Bitte fragen Sie dort nach.",
    en: "Please enter the pairing code (8 characters). The office's administrator creates it on the staff board under “Verwaltung → Geräte” (Administration → Devices). Please ask them.",
  },
  pairForgotten: { de: "Diese Anzeige ist nicht mehr gekoppelt. Bitte neu koppeln.", en: "This display is no longer paired. Please pair it again." },
  pairLabel: { de: "Kopplungscode", en: "Pairing code" },
  pairSubmit: { de: "Koppeln", en: "Pair" },
  pairing: { de: "Wird gekoppelt …", en: "Pairing …" },
  pairUnknown: {
    de: "Dieser Code ist unbekannt, schon benutzt oder abgelaufen. Bitte lassen Sie einen neuen erstellen.",
    en: "This code is unknown, used or expired. Please ask for a new one.",
  },
  pairWrongKind: { de: "Dieser Code ist für ein Tablet am Eingang, nicht für eine Anzeige.", en: "This code is for an entrance tablet, not a display." },
  pairFailed: { de: "Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.", en: "That did not work. Please try again." },
};

export type Bi = { de: string; en: string };
