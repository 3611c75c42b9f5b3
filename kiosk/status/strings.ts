/*
 * The status page's words, in German ("einfache Sprache": short sentences, common words) and English.
 * Masthead, footer and the language switch use the shared strings (../shared/i18n.ts).
 */
import { computed } from "@preact/signals";
import type { Locale } from "../../schemas/common";
import { locale } from "../shared/locale";

const de = {
  title: "Ihre Nummer",
  loading: "Ihre Nummer wird geladen …",
  unknown:
    "Diese Nummer finden wir nicht. Vielleicht fehlt ein Teil vom Link. Bitte scannen Sie den QR-Code noch einmal oder fragen Sie im Büro. Oder rufen Sie uns an:",
  numberLabel: "Ihre Nummer:",
  ahead: (n: number) =>
    n === 0 ? "Sie sind als Nächstes dran." : n === 1 ? "Vor Ihnen ist noch 1 Person." : `Vor Ihnen sind noch ${n} Personen.`,
  waitLabel: "Wartezeit",
  waitHint: "Das ist eine Schätzung. Es kann schneller gehen oder länger dauern.",
  keepOpen: "Lassen Sie diese Seite offen. Sie zeigt neue Angaben von selbst. Sie können auch draußen warten: Wenn Sie dran sind, steht es hier.",
  calledTitle: "Sie sind dran",
  called: (room: string | null) => (room ? `Sie sind dran – ${room}` : "Sie sind dran"),
  calledHint: "Bitte kommen Sie jetzt zu uns.",
  inProgress: (room: string | null) => (room ? `Ihr Gespräch läuft – ${room}.` : "Ihr Gespräch läuft."),
  done: "Ihr Gespräch ist vorbei. Danke für Ihren Besuch!",
  noShow: "Ihre Nummer wurde aufgerufen. Aber Sie waren nicht da. Bitte melden Sie sich im Büro.",
  cancelled: "Diese Nummer gilt nicht mehr. Bitte holen Sie am Tablet im Eingang eine neue Nummer. Oder fragen Sie im Büro.",
  offline: "Keine Verbindung – wir versuchen es weiter.",
  lastUpdate: (time: string) => `Stand: ${time} Uhr.`,
  bookLink: "Einen Termin buchen",
  /** The tab's title; when called it says so, so a glance at the tab list is enough. */
  documentTitle: (label: string | null, called: string | null) =>
    called && label ? `${called}: ${label}` : label ? `${label} – Ihre Nummer` : "Ihre Nummer",
};

const en: typeof de = {
  title: "Your number",
  loading: "Loading your number …",
  unknown:
    "We cannot find this number. Maybe part of the link is missing. Please scan the QR code again or ask in the office. Or call us:",
  numberLabel: "Your number:",
  ahead: (n) => (n === 0 ? "You are next." : n === 1 ? "There is 1 person before you." : `There are ${n} people before you.`),
  waitLabel: "Waiting time",
  waitHint: "This is an estimate. It can be quicker or take longer.",
  keepOpen: "Keep this page open. It updates by itself. You can also wait outside: when it is your turn, it says so here.",
  calledTitle: "It is your turn",
  called: (room) => (room ? `It is your turn – ${room}` : "It is your turn"),
  calledHint: "Please come in now.",
  inProgress: (room) => (room ? `Your conversation is on – ${room}.` : "Your conversation is on."),
  done: "Your conversation is over. Thank you for coming!",
  noShow: "Your number was called. But you were not there. Please ask in the office.",
  cancelled: "This number is no longer valid. Please take a new number at the tablet at the entrance. Or ask in the office.",
  offline: "No connection – we keep trying.",
  lastUpdate: (time) => `As of ${time}.`,
  bookLink: "Book an appointment",
  documentTitle: (label, called) => (called && label ? `${called}: ${label}` : label ? `${label} – Your number` : "Your number"),
};

const STRINGS: Readonly<Record<Locale, typeof de>> = { de, en };

export const statusStrings = computed(() => STRINGS[locale.value]);
export type StatusStrings = typeof de;
