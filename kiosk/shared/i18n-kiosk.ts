/*
 * The tablet kiosk's own words, beside the shared ones in i18n.ts (the booking steps on the tablet use
 * those). German first, in plain language: short sentences, one thing at a time, no blame.
 */
import type { Locale } from "../../schemas/common";

const de = {
  /** The kiosk's name, for the page title and the pairing screen. */
  kioskTitle: "Das Tablet im Büro",
  languages: "Sprache",
  home: "Zum Anfang",
  back: "Zurück",
  cancel: "Abbrechen",
  done: "Fertig",

  pairHeading: "Tablet einrichten",
  pairIntro: "Dieses Tablet ist noch nicht eingerichtet. Bitte geben Sie den Code zum Koppeln ein.",
  pairWhere: "Den Code erstellt die Administratorin oder der Administrator des Büros in der Team-Übersicht unter „Verwaltung → Geräte“. Bitte fragen Sie dort nach. Der Code gilt 15 Minuten.",
  pairForgotten: "Dieses Tablet ist nicht mehr gekoppelt. Bitte richten Sie es neu ein.",
  pairCodeLabel: "Code zum Koppeln",
  pairSubmit: "Tablet koppeln",
  pairing: "Das Tablet wird gekoppelt …",
  pairUnknown: "Diesen Code kennen wir nicht, oder er ist abgelaufen. Bitte holen Sie einen neuen Code.",
  pairWrongKind: "Dieser Code ist für eine Anzeige, nicht für ein Tablet am Eingang.",
  pairFailed: "Das hat nicht geklappt. Bitte prüfen Sie die Verbindung und versuchen Sie es noch einmal.",

  welcome: "Willkommen!",
  openNow: "Das Büro ist geöffnet.",
  waiting: (n: number) => (n === 0 ? "Gerade wartet niemand." : n === 1 ? "Gerade wartet 1 Person." : `Gerade warten ${n} Personen.`),
  withAppointment: "Ich habe einen Termin",
  withAppointmentHint: "Code eingeben oder QR-Code zeigen",
  withoutAppointment: "Ohne Termin",
  withoutAppointmentHint: "Eine Nummer ziehen",
  bookLater: "Termin für einen anderen Tag buchen",
  loadingState: "Einen Moment bitte …",

  closedHeading: "Das Büro ist jetzt geschlossen.",
  nextOpening: (words: string) => `Wir sind wieder da: ${words}`,
  noNextOpening: "Wann wir wieder da sind, steht noch nicht fest.",
  closedOffer: "Sie können hier einen Termin buchen. Dann bekommen Sie eine E-Mail mit allen Angaben.",
  bookHere: "Termin buchen",
  bookHereHint: "Tag und Uhrzeit wählen",
  requestHere: "Termin nach Vereinbarung",
  requestHereHint: "Sie können zu unseren Zeiten nicht? Wir melden uns.",
  hoursHeading: "Öffnungszeiten",
  otherwise: "Sonst nach Vereinbarung.",

  topicsHeading: "Worum geht es?",
  topicsHint: "Tippen Sie auf Ihr Thema. Dann bekommen Sie eine Nummer.",
  topicsUnsure: (general: string) => `Sie wissen es nicht genau? Dann tippen Sie auf „${general}“.`,
  issuing: "Ihre Nummer kommt. Einen Moment bitte …",
  closedNow: "Das Büro hat gerade geschlossen. Nummern gibt es nur zu den Öffnungszeiten.",
  topicGone: "Dieses Thema gibt es gerade nicht ohne Termin. Bitte wählen Sie ein anderes.",
  failed: "Das hat nicht geklappt. Bitte wenden Sie sich an das Personal.",

  ticketHeading: "Ihre Nummer",
  ahead: (n: number) => (n === 0 ? "Vor Ihnen ist niemand." : n === 1 ? "Vor Ihnen ist 1 Person." : `Vor Ihnen sind ${n} Personen.`),
  estimate: (low: number, high: number) =>
    high === 0 ? "Sie sind gleich dran." : low === 0 ? `Wartezeit: bis zu ${high} Minuten.` : `Wartezeit: etwa ${low} bis ${high} Minuten.`,
  estimateHonest: "Das ist eine Schätzung. Manche Gespräche dauern länger.",
  ticketHint: "Bitte nehmen Sie Platz. Wir rufen Ihre Nummer auf.",
  rememberNumber: "Bitte merken Sie sich die Nummer. Oder machen Sie ein Foto.",
  statusQr: "Mit dem Handy scannen: Dann sehen Sie auch draußen, wann Sie dran sind.",
  statusQrLabel: (label: string) => `QR-Code für Ihr Handy: Nummer ${label}, Wartezeit und Aufruf`,

  checkinHeading: "Anmelden mit Ihrem Code",
  checkinHint: "Der Code steht in Ihrer E-Mail. Er hat 6 Zeichen. Tippen Sie ihn hier ein.",
  checkinCodeLabel: "Ihr Code",
  typed: (code: string, n: number, total: number) =>
    n === 0 ? `Noch nichts eingegeben. Der Code hat ${total} Zeichen.` : `Eingegeben: ${code}. ${n} von ${total} Zeichen.`,
  missing: (n: number) => (n === 1 ? "Es fehlt noch 1 Zeichen." : `Es fehlen noch ${n} Zeichen.`),
  deleteLast: "Letztes Zeichen löschen",
  clearAll: "Alles löschen",
  checkinSubmit: "Anmelden",
  checkingIn: "Sie werden angemeldet. Einen Moment bitte …",
  showQr: "QR-Code zeigen",
  showQrHint: "Den QR-Code aus der E-Mail vor die Kamera halten",

  scanHeading: "QR-Code zeigen",
  scanHint: "Halten Sie den QR-Code aus Ihrer E-Mail vor die Kamera. Das Tablet liest ihn von selbst.",
  scanVideo: "Bild der Kamera",
  scanStarting: "Die Kamera startet …",
  scanFailed: "Die Kamera geht gerade nicht. Bitte tippen Sie den Code ein.",
  typeInstead: "Code lieber eintippen",

  welcomeHeading: "Willkommen! Sie sind angemeldet.",
  initialLabel: (initial: string) => `Anfangsbuchstabe Ihres Namens: ${initial}`,
  appointment: (time: string, topic: string) => `Ihr Termin: ${time} Uhr, ${topic}`,
  welcomeHint: "Bitte nehmen Sie Platz. Wir rufen Ihre Nummer auf.",

  refusals: {
    tooEarly: {
      heading: "Sie sind zu früh da",
      text: "Sie können sich erst kurz vor Ihrem Termin anmelden. Bitte nehmen Sie Platz und kommen Sie etwas später wieder zum Tablet.",
    },
    tooLate: {
      heading: "Die Zeit für Ihren Termin ist vorbei",
      text: "Sie sind leider zu spät für Ihren Termin. Sie können eine Nummer ohne Termin ziehen. Dann kommen Sie dran, sobald jemand frei ist.",
    },
    otherDay: {
      heading: "Ihr Termin ist an einem anderen Tag",
      text: "Heute haben Sie mit diesem Code keinen Termin. Den Tag finden Sie in Ihrer E-Mail.",
    },
    cancelled: {
      heading: "Dieser Termin ist abgesagt",
      text: "Der Termin mit diesem Code wurde abgesagt. Sie können einen neuen Termin buchen. Fragen Sie sonst bitte das Personal.",
    },
    already: {
      heading: "Sie sind schon angemeldet",
      text: "Mit diesem Code ist schon jemand angemeldet. Bitte nehmen Sie Platz. Wir rufen Ihre Nummer auf. Sonst fragen Sie bitte das Personal.",
    },
    unknown: {
      heading: "Diesen Code kennen wir nicht",
      text: "Bitte prüfen Sie den Code. Er steht in Ihrer E-Mail und hat 6 Zeichen. Oder fragen Sie das Personal.",
    },
  },
  yourCode: (code: string) => `Ihr Code: ${code}`,
  typeAgain: "Code noch einmal eingeben",
  takeNumber: "Nummer ohne Termin ziehen",

  noConnectionHeading: "Bitte wenden Sie sich an das Personal.",
  noConnectionText: "Das Tablet hat gerade keine Verbindung. Es versucht es weiter von selbst.",
  noConnectionSafe: "Keine Sorge: Sie bekommen Ihre Nummer nur einmal.",
  retrying: "Neuer Versuch …",
  retryNow: "Jetzt noch einmal versuchen",

  idleHeading: "Sind Sie noch da?",
  idleText: "Gleich beginnt das Tablet wieder von vorn. Was Sie eingegeben haben, wird dann gelöscht.",
  idleStay: "Ja, ich bin noch da",

  bookTitle: "Termin buchen",
  bookTopicHint: "Tippen Sie auf Ihr Thema.",
  bookDoneHint: "Mit diesem Code melden Sie sich am Tag des Termins hier am Tablet an. Er steht auch in der E-Mail.",
  mailInvite: "Darin ist auch eine Datei für Ihren Kalender.",
  privacyMore: "Mehr zum Datenschutz",
  tooMany: "Mit dieser E-Mail-Adresse sind schon 2 Termine gebucht. Mehr geht hier nicht. Sie können erst einen Termin absagen: Den Link dazu finden Sie in Ihrer E-Mail.",
};

export type KioskStrings = typeof de;

const en: KioskStrings = {
  kioskTitle: "The tablet at the office",
  languages: "Language",
  home: "Start again",
  back: "Back",
  cancel: "Cancel",
  done: "Done",

  pairHeading: "Set up this tablet",
  pairIntro: "This tablet is not set up yet. Please enter the pairing code.",
  pairWhere: "The office's administrator creates the code on the staff board under “Verwaltung → Geräte” (Administration → Devices). Please ask them. The code is valid for 15 minutes.",
  pairForgotten: "This tablet is no longer paired. Please set it up again.",
  pairCodeLabel: "Pairing code",
  pairSubmit: "Pair this tablet",
  pairing: "Pairing the tablet …",
  pairUnknown: "We do not know this code, or it has expired. Please get a new code.",
  pairWrongKind: "This code is for a call display, not for the tablet at the entrance.",
  pairFailed: "That did not work. Please check the connection and try again.",

  welcome: "Welcome!",
  openNow: "The office is open.",
  waiting: (n) => (n === 0 ? "Nobody is waiting right now." : n === 1 ? "1 person is waiting right now." : `${n} people are waiting right now.`),
  withAppointment: "I have an appointment",
  withAppointmentHint: "Enter the code or show the QR code",
  withoutAppointment: "Without an appointment",
  withoutAppointmentHint: "Take a number",
  bookLater: "Book an appointment for another day",
  loadingState: "One moment, please …",

  closedHeading: "The office is closed now.",
  nextOpening: (words) => `We are back: ${words}`,
  noNextOpening: "We do not know yet when we are back.",
  closedOffer: "You can book an appointment here. Then you get an email with all the details.",
  bookHere: "Book an appointment",
  bookHereHint: "Choose a day and a time",
  requestHere: "Appointment by arrangement",
  requestHereHint: "Our hours do not suit you? We will get back to you.",
  hoursHeading: "Opening hours",
  otherwise: "Other times by arrangement.",

  topicsHeading: "What is it about?",
  topicsHint: "Tap your topic. Then you get a number.",
  topicsUnsure: (general) => `Not sure? Then tap “${general}”.`,
  issuing: "Your number is coming. One moment, please …",
  closedNow: "The office has just closed. Numbers are given out during opening hours only.",
  topicGone: "This topic is not available without an appointment right now. Please choose another one.",
  failed: "That did not work. Please ask the staff.",

  ticketHeading: "Your number",
  ahead: (n) => (n === 0 ? "Nobody is before you." : n === 1 ? "1 person is before you." : `${n} people are before you.`),
  estimate: (low, high) =>
    high === 0 ? "It is your turn soon." : low === 0 ? `Waiting time: up to ${high} minutes.` : `Waiting time: about ${low} to ${high} minutes.`,
  estimateHonest: "This is an estimate. Some conversations take longer.",
  ticketHint: "Please take a seat. We will call your number.",
  rememberNumber: "Please remember the number. Or take a photo.",
  statusQr: "Scan with your phone: then you see when it is your turn, even outside.",
  statusQrLabel: (label) => `QR code for your phone: number ${label}, waiting time and call`,

  checkinHeading: "Check in with your code",
  checkinHint: "The code is in your email. It has 6 characters. Type it in here.",
  checkinCodeLabel: "Your code",
  typed: (code, n, total) => (n === 0 ? `Nothing typed yet. The code has ${total} characters.` : `Typed: ${code}. ${n} of ${total} characters.`),
  missing: (n) => (n === 1 ? "1 character is still missing." : `${n} characters are still missing.`),
  deleteLast: "Delete the last character",
  clearAll: "Delete all",
  checkinSubmit: "Check in",
  checkingIn: "Checking you in. One moment, please …",
  showQr: "Show the QR code",
  showQrHint: "Hold the QR code from the email to the camera",

  scanHeading: "Show the QR code",
  scanHint: "Hold the QR code from your email in front of the camera. The tablet reads it by itself.",
  scanVideo: "Camera picture",
  scanStarting: "The camera is starting …",
  scanFailed: "The camera does not work right now. Please type in the code.",
  typeInstead: "Type the code instead",

  welcomeHeading: "Welcome! You are checked in.",
  initialLabel: (initial) => `First letter of your name: ${initial}`,
  appointment: (time, topic) => `Your appointment: ${time}, ${topic}`,
  welcomeHint: "Please take a seat. We will call your number.",

  refusals: {
    tooEarly: {
      heading: "You are early",
      text: "You can check in only shortly before your appointment. Please take a seat and come back to the tablet a little later.",
    },
    tooLate: {
      heading: "The time of your appointment is over",
      text: "Sorry, you are too late for your appointment. You can take a number without an appointment. Then it is your turn as soon as someone is free.",
    },
    otherDay: {
      heading: "Your appointment is on another day",
      text: "You have no appointment today with this code. You find the day in your email.",
    },
    cancelled: {
      heading: "This appointment is cancelled",
      text: "The appointment with this code was cancelled. You can book a new appointment. Or please ask the staff.",
    },
    already: {
      heading: "You are already checked in",
      text: "Someone has already checked in with this code. Please take a seat. We will call your number. Or please ask the staff.",
    },
    unknown: {
      heading: "We do not know this code",
      text: "Please check the code. It is in your email and has 6 characters. Or ask the staff.",
    },
  },
  yourCode: (code) => `Your code: ${code}`,
  typeAgain: "Type the code again",
  takeNumber: "Take a number without an appointment",

  noConnectionHeading: "Please ask the staff.",
  noConnectionText: "The tablet has no connection right now. It keeps trying by itself.",
  noConnectionSafe: "Do not worry: you get your number only once.",
  retrying: "Trying again …",
  retryNow: "Try again now",

  idleHeading: "Are you still there?",
  idleText: "The tablet will start again soon. What you typed will then be deleted.",
  idleStay: "Yes, I am still here",

  bookTitle: "Book an appointment",
  bookTopicHint: "Tap your topic.",
  bookDoneHint: "With this code you check in here at the tablet on the day of the appointment. It is also in the email.",
  mailInvite: "It also has a file for your calendar.",
  privacyMore: "More about data protection",
  tooMany: "There are already 2 appointments booked with this email address. You cannot book more here. You can first cancel one: the link is in your email.",
};

export const kioskStrings: Readonly<Record<Locale, KioskStrings>> = { de, en };

/** The writing direction of a language: the layout uses logical properties, so `rtl` mirrors it. */
export const DIRECTION: Readonly<Record<Locale, "ltr" | "rtl">> = { de: "ltr", en: "ltr" };
