/*
 * The sign-in page's and the passkey panel's words: German first in plain language, English alongside
 * (the board's language switch chooses; `locale` is shared).
 */
import type { Locale } from "../../../../schemas/common";

export const audience = "staff";

export default {
  title: "Anmelden",
  intro: "Die Team-Übersicht ist nur für das Team. Bitte melden Sie sich an.",
  passkeyHeading: "Mit Passkey anmelden",
  passkeyHint: "Auf diesem PC ist schon ein Passkey? Dann klicken Sie hier. Danach fragt der PC nach Ihrer PIN, Ihrem Finger oder Ihrem Gesicht.",
  passkeyButton: "Mit Passkey anmelden",
  passkeyWorking: "Bitte bestätigen Sie am PC …",
  passkeyFailed: "Das hat nicht geklappt. Versuchen Sie es noch einmal. Oder fordern Sie unten einen Anmelde-Link an.",
  passkeyUnsupported: "Dieser Browser kann keine Passkeys. Bitte nutzen Sie den Anmelde-Link.",
  linkHeading: "Anmelde-Link per E-Mail",
  linkHint: "Wir schicken Ihnen einen Link. Er gilt 15 Minuten und nur einmal.",
  emailLabel: "Ihre E-Mail-Adresse",
  emailMissing: "Bitte schreiben Sie Ihre E-Mail-Adresse.",
  linkButton: "Link schicken",
  linkSending: "Einen Moment bitte …",
  linkSent: "Wenn es ein Konto gibt, kommt gleich eine E-Mail. Bitte öffnen Sie den Link darin.",
  redeeming: "Sie werden angemeldet …",
  linkInvalid: "Dieser Link gilt nicht mehr. Er war schon benutzt oder ist zu alt. Bitte fordern Sie einen neuen an.",
  tooMany: "Zu viele Versuche. Bitte warten Sie {minutes} Minuten.",
  offline: "Keine Verbindung. Bitte versuchen Sie es gleich noch einmal.",
  failed: "Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.",

  panelHeading: "Passkeys",
  panelIntro: "Mit einem Passkey melden Sie sich ohne Link an: mit PIN, Finger oder Gesicht am PC.",
  panelEmpty: "Sie haben noch keinen Passkey.",
  panelLoading: "Passkeys werden geladen …",
  labelLabel: "Name für diesen PC (freiwillig)",
  labelHint: "Zum Beispiel: PC Raum 1",
  addButton: "Passkey für diesen PC hinzufügen",
  adding: "Bitte bestätigen Sie am PC …",
  added: "Passkey „{label}“ ist gespeichert.",
  addFailed: "Der Passkey wurde nicht gespeichert. Versuchen Sie es noch einmal.",
  removeButton: "Entfernen: {label}",
  removed: "Passkey „{label}“ ist entfernt.",
  confirmRemove: "Passkey „{label}“ wirklich entfernen?",
  created: "Angelegt am {date}",
  lastUsed: "zuletzt benutzt am {date}",
  neverUsed: "noch nie benutzt",
} as const;
