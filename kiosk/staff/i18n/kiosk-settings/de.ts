/*
 * A kiosk's settings in the board's device admin (Verwaltung → Geräte): whether the tablet prints each new
 * number on its receipt printer (migration 0016).
 */
export const audience = "staff";

export default {
  print: "Bon drucken",
  /** Read after the toggle's visible words, so a screen reader knows which tablet it is. */
  ofDevice: "– {label}",
  hint: "„Bon drucken“: Das Tablet druckt jede neue Nummer auf seinem Bondrucker (80 mm) aus. Ohne Druckdialog nur im Kiosk-Modus von Chromium mit --kiosk-printing (siehe Handbuch).",
  saved: "Einstellung des Tablets gespeichert.",
} as const;
