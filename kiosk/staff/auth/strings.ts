/*
 * The sign-in page's and the passkey panel's words: German first in plain language, English alongside
 * (the board's language switch chooses; `locale` is shared).
 */
import { computed } from "@preact/signals";
import type { Locale } from "../../../schemas/common";
import { locale } from "../../shared/locale";

const de = {
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
  tooMany: (minutes: number) => `Zu viele Versuche. Bitte warten Sie ${minutes} Minuten.`,
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
  added: (label: string) => `Passkey „${label}“ ist gespeichert.`,
  addFailed: "Der Passkey wurde nicht gespeichert. Versuchen Sie es noch einmal.",
  removeButton: (label: string) => `Entfernen: ${label}`,
  removed: (label: string) => `Passkey „${label}“ ist entfernt.`,
  confirmRemove: (label: string) => `Passkey „${label}“ wirklich entfernen?`,
  created: (date: string) => `Angelegt am ${date}`,
  lastUsed: (date: string) => `zuletzt benutzt am ${date}`,
  neverUsed: "noch nie benutzt",
};

const en: typeof de = {
  title: "Sign in",
  intro: "The staff board is for the team only. Please sign in.",
  passkeyHeading: "Sign in with a passkey",
  passkeyHint: "Is there a passkey on this PC already? Then click here. The PC asks for your PIN, fingerprint or face.",
  passkeyButton: "Sign in with a passkey",
  passkeyWorking: "Please confirm on the PC …",
  passkeyFailed: "That did not work. Try again, or ask for a sign-in link below.",
  passkeyUnsupported: "This browser cannot use passkeys. Please use the sign-in link.",
  linkHeading: "Sign-in link by e-mail",
  linkHint: "We send you a link. It works for 15 minutes, once.",
  emailLabel: "Your e-mail address",
  emailMissing: "Please enter your e-mail address.",
  linkButton: "Send link",
  linkSending: "One moment please …",
  linkSent: "If there is an account, an e-mail is on its way. Please open the link in it.",
  redeeming: "Signing you in …",
  linkInvalid: "This link no longer works. It was used already or is too old. Please ask for a new one.",
  tooMany: (minutes: number) => `Too many attempts. Please wait ${minutes} minutes.`,
  offline: "No connection. Please try again in a moment.",
  failed: "That did not work. Please try again.",

  panelHeading: "Passkeys",
  panelIntro: "With a passkey you sign in without a link: with PIN, fingerprint or face on the PC.",
  panelEmpty: "You have no passkey yet.",
  panelLoading: "Loading passkeys …",
  labelLabel: "Name for this PC (optional)",
  labelHint: "For example: PC room 1",
  addButton: "Add a passkey for this PC",
  adding: "Please confirm on the PC …",
  added: (label: string) => `Passkey “${label}” is saved.`,
  addFailed: "The passkey was not saved. Please try again.",
  removeButton: (label: string) => `Remove: ${label}`,
  removed: (label: string) => `Passkey “${label}” is removed.`,
  confirmRemove: (label: string) => `Really remove passkey “${label}”?`,
  created: (date: string) => `Added on ${date}`,
  lastUsed: (date: string) => `last used on ${date}`,
  neverUsed: "never used",
};

export const authStrings: Record<Locale, typeof de> = { de, en };

/** The words in the chosen language. */
export const a = computed(() => authStrings[locale.value]);
