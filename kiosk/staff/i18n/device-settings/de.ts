/*
 * A call display's settings in the board's device admin (Verwaltung → Geräte): its chime and its spoken
 * announcement are set here, since the public screen has no switches (migration 0014).
 */
export const audience = "staff";

export default {
  column: "Ton der Anzeige",
  sound: "Gong bei jedem Aufruf",
  speech: "Aufruf ansagen (Sprache)",
  /** Read after each toggle's visible words, so a screen reader knows which display it is. */
  ofDevice: "– {label}",
  hint: "Gong und Ansage einer Anzeige stellen Sie hier ein; die Anzeige selbst hat keine Schalter und übernimmt die Änderung sofort. Nach einem Neustart spielt ihr Browser Töne erst, wenn jemand einmal auf den Bildschirm tippt – außer im Kiosk-Modus mit der Autoplay-Einstellung (siehe Handbuch).",
  saved: "Einstellung der Anzeige gespeichert.",
} as const;
