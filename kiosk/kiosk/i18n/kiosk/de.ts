/*
 * The tablet kiosk's own words, beside the frame's and the booking flow's (the booking steps on the
 * tablet use those). German first, in plain language: short sentences, one thing at a time, no blame.
 * Where a count of nobody reads differently ("Gerade wartet niemand."), it is a message of its own and
 * the code chooses it (kiosk/kiosk/*.tsx).
 */
export const audience = "residents";

export default {
  /** The kiosk's name, for the page title and the pairing screen. */
  kioskTitle: "Das Tablet im Büro",
  /** The start screen's group of language buttons. */
  languages: "Sprache",
  home: "Zum Anfang",
  back: "Zurück",
  cancel: "Abbrechen",
  done: "Fertig",

  pairHeading: "Tablet einrichten",
  pairIntro: "Dieses Tablet ist noch nicht eingerichtet. Bitte geben Sie den Code zum Koppeln ein.",
  pairWhere:
    "Den Code erstellt die Administratorin oder der Administrator des Büros in der Team-Übersicht unter „Verwaltung → Geräte“. Bitte fragen Sie dort nach. Der Code gilt 15 Minuten.",
  pairForgotten: "Dieses Tablet ist nicht mehr gekoppelt. Bitte richten Sie es neu ein.",
  pairCodeLabel: "Code zum Koppeln",
  pairSubmit: "Tablet koppeln",
  pairing: "Das Tablet wird gekoppelt …",
  pairUnknown: "Diesen Code kennen wir nicht, oder er ist abgelaufen. Bitte holen Sie einen neuen Code.",
  pairWrongKind: "Dieser Code ist für eine Anzeige, nicht für ein Tablet am Eingang.",
  pairFailed: "Das hat nicht geklappt. Bitte prüfen Sie die Verbindung und versuchen Sie es noch einmal.",

  welcome: "Willkommen!",
  openNow: "Das Büro ist geöffnet.",
  waitingNone: "Gerade wartet niemand.",
  waiting: { one: "Gerade wartet {count} Person.", other: "Gerade warten {count} Personen." },
  withAppointment: "Ich habe einen Termin",
  withAppointmentHint: "Den Code aus der E-Mail eingeben",
  /** Only where the tablet can read QR codes (BarcodeDetector and a camera). */
  withAppointmentHintQr: "Code eingeben oder QR-Code zeigen",
  withoutAppointment: "Ohne Termin",
  withoutAppointmentHint: "Eine Nummer ziehen",
  bookLater: "Termin für einen anderen Tag buchen",
  loadingState: "Einen Moment bitte …",

  closedHeading: "Das Büro ist jetzt geschlossen.",
  nextOpening: "Wir sind wieder da: {when}",
  /** `when` of nextOpening: `day` is "heute", "morgen", a weekday or a date (Intl), `time` "9:00". */
  openingAt: "{day}, {time} Uhr",
  /** A date a week or more away: "Donnerstag, 7. Januar". */
  openingDate: "{weekday}, {date}",
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
  topicsUnsure: "Sie wissen es nicht genau? Dann tippen Sie auf „{topic}“.",
  issuing: "Ihre Nummer kommt. Einen Moment bitte …",
  closedNow: "Das Büro hat gerade geschlossen. Nummern gibt es nur zu den Öffnungszeiten.",
  topicGone: "Dieses Thema gibt es gerade nicht ohne Termin. Bitte wählen Sie ein anderes.",
  failed: "Das hat nicht geklappt. Bitte wenden Sie sich an das Personal.",

  ticketHeading: "Ihre Nummer",
  aheadNone: "Vor Ihnen ist niemand.",
  ahead: { one: "Vor Ihnen ist {count} Person.", other: "Vor Ihnen sind {count} Personen." },
  estimateNow: "Sie sind gleich dran.",
  /** The wait range from 0: `count` is the upper end in minutes. */
  estimateUpTo: { one: "Wartezeit: bis zu {count} Minute.", other: "Wartezeit: bis zu {count} Minuten." },
  /** The wait range: `low` to `count` minutes. */
  estimateRange: { one: "Wartezeit: etwa {low} bis {count} Minute.", other: "Wartezeit: etwa {low} bis {count} Minuten." },
  estimateHonest: "Das ist eine Schätzung. Manche Gespräche dauern länger.",
  ticketHint: "Bitte nehmen Sie Platz. Wir rufen Ihre Nummer auf.",
  rememberNumber: "Bitte merken Sie sich die Nummer. Oder machen Sie ein Foto.",
  statusQr: "Mit dem Handy scannen: Dann sehen Sie auch draußen, wann Sie dran sind.",
  statusQrLabel: "QR-Code für Ihr Handy: Nummer {label}, Wartezeit und Aufruf",

  checkinHeading: "Anmelden mit Ihrem Code",
  checkinHint: "Der Code steht in Ihrer E-Mail. Er hat 6 Zeichen. Tippen Sie ihn hier ein.",
  checkinCodeLabel: "Ihr Code",
  /** For screen readers, after each key: nothing yet … */
  typedNone: "Noch nichts eingegeben. Der Code hat {total} Zeichen.",
  /** … or the characters so far, spelled (`code`: "D J R"). */
  typed: "Eingegeben: {code}. {n} von {total} Zeichen.",
  missing: { one: "Es fehlt noch {count} Zeichen.", other: "Es fehlen noch {count} Zeichen." },
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
  initialLabel: "Anfangsbuchstabe Ihres Namens: {initial}",
  appointment: "Ihr Termin: {time} Uhr, {topic}",
  welcomeHint: "Bitte nehmen Sie Platz. Wir rufen Ihre Nummer auf.",

  /** "Sie sind zu früh da" with the time check-in opens ("13:30"). */
  tooEarlyFrom: "Sie können sich ab {time} Uhr anmelden. Bitte nehmen Sie Platz und kommen Sie dann wieder zum Tablet.",

  /** The printed ticket (80 mm receipt): when it was taken, its concern, the way to its status page. */
  print: {
    issued: "{date}, {time} Uhr",
    topic: "Thema: {topic}",
    status: "Wann Sie dran sind, sehen Sie mit dem Handy:",
  },
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
  /** Before the refused code, shown large (left to right) beside it. */
  yourCode: "Ihr Code:",
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
  /** On the bottom edge of a part that scrolls, while its end is out of view; a tap scrolls on. */
  moreBelow: "Weiter unten gibt es mehr",
  tooMany:
    "Mit dieser E-Mail-Adresse sind schon 2 Termine gebucht. Mehr geht hier nicht. Sie können erst einen Termin absagen: Den Link dazu finden Sie in Ihrer E-Mail.",
  /** The wait range reaches past today's closing (estimate.pastClosing). */
  pastClosing: "Vielleicht kommen Sie heute nicht mehr dran. Bitte fragen Sie am Empfang.",
} as const;
