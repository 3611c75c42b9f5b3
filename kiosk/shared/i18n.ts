/*
 * Every word the front ends show, in German ("einfache Sprache": short sentences, common words) and
 * English. Office data (topics, closure reasons) comes bilingual from the API; see `pick`.
 */
import type { Bilingual, Locale } from "../../schemas/common";
import type { BookingStatus, TimeOfDay } from "../../schemas/bookings";

/** Why a form field is not accepted yet; each key has one sentence below. */
export type FieldError =
  | "topicMissing"
  | "nameMissing"
  | "nameShort"
  | "nameLong"
  | "emailMissing"
  | "emailInvalid"
  | "phoneInvalid"
  | "noteLong"
  | "wishLong"
  | "weekdaysMissing"
  | "timesMissing"
  | "consentMissing"
  | "invalid";

const de = {
  /** The other language, as offered on the switch (written in that language). */
  otherLocale: "en" as Locale,
  otherLocaleName: "English",
  skipToContent: "Zum Inhalt springen",
  title: "Termin buchen",
  intro: "So geht es: Thema wählen, Tag und Uhrzeit wählen, Name und E-Mail-Adresse eingeben. Fertig.",
  callInstead: "Sie möchten lieber anrufen? Gerne:",

  back: "Zurück",
  next: "Weiter",
  stepOf: (n: number, total: number) => `Schritt ${n} von ${total}`,
  optional: "(freiwillig)",
  errorPrefix: "Fehler:",
  errorSummary: "Bitte prüfen Sie diese Angaben:",
  fieldErrors: {
    topicMissing: "Bitte wählen Sie ein Thema.",
    nameMissing: "Bitte schreiben Sie Ihren Namen.",
    nameShort: "Der Name ist zu kurz. Bitte schreiben Sie Vor- und Nachnamen.",
    nameLong: "Der Name ist zu lang: höchstens 100 Zeichen.",
    emailMissing: "Bitte schreiben Sie Ihre E-Mail-Adresse.",
    emailInvalid: "Die E-Mail-Adresse stimmt so nicht. Beispiel: name@beispiel.de",
    phoneInvalid: "Bitte nur Ziffern, Leerzeichen und + ( ) / - schreiben.",
    noteLong: "Die Nachricht ist zu lang: höchstens 500 Zeichen.",
    wishLong: "Der Text ist zu lang: höchstens 1000 Zeichen.",
    weekdaysMissing: "Bitte wählen Sie mindestens einen Tag.",
    timesMissing: "Bitte wählen Sie mindestens eine Tageszeit.",
    consentMissing: "Bitte setzen Sie den Haken. Sonst dürfen wir Ihre Angaben nicht speichern.",
    invalid: "Diese Angabe stimmt so nicht. Bitte prüfen Sie sie.",
  } satisfies Record<FieldError, string>,

  topicQuestion: "Worum geht es?",
  topicHint: "Wählen Sie ein Thema. Dann klicken Sie auf „Weiter“.",
  topicUnsure: (general: string) => `Sie wissen es noch nicht genau? Dann wählen Sie „${general}“.`,
  minutes: (n: number) => `${n} Minuten`,
  forBusinesses: "für Unternehmen",

  dayHeading: "Welcher Tag passt Ihnen?",
  dayHint: "Hier sehen Sie die nächsten Wochen. Wählen Sie einen Tag.",
  openLabel: "Offen:",
  otherwiseByArrangement: "Sonst nach Vereinbarung.",
  loading: "Die freien Termine werden geladen …",
  failed: "Das hat nicht geklappt. Bitte versuchen Sie es noch einmal oder rufen Sie uns an:",
  retry: "Noch einmal versuchen",
  showing: (topic: string, minutes: number) => `Freie Zeiten für: ${topic} (${minutes} Minuten).`,
  noDays: "In den nächsten Wochen ist leider kein Termin frei. Bitte rufen Sie uns an.",
  freeTimes: (n: number) => (n === 1 ? "1 freie Zeit" : `${n} freie Zeiten`),
  fullyBooked: "Ausgebucht",
  holiday: (reason: string) => (reason ? `Feiertag: ${reason}` : "Feiertag"),
  closure: (reason: string) => (reason ? `Geschlossen: ${reason}` : "Geschlossen"),
  requestLink: "Keine passende Zeit? Termin nach Vereinbarung anfragen",

  timeHeading: "Welche Uhrzeit passt Ihnen?",
  timeHint: (minutes: number) => `Der Termin dauert ${minutes} Minuten. Wählen Sie eine Uhrzeit.`,
  noTimesLeft: "An diesem Tag ist keine Zeit mehr frei. Bitte wählen Sie einen anderen Tag.",
  otherDay: "Anderen Tag wählen",
  /** After a time, in the text that screen readers read: "13:00 Uhr". */
  timeSuffix: " Uhr",

  detailsHeading: "Ihre Kontaktdaten",
  detailsHint: "An Ihre E-Mail-Adresse schicken wir die Bestätigung.",
  nameLabel: "Vor- und Nachname",
  emailLabel: "E-Mail-Adresse",
  emailHint: "Zum Beispiel: name@beispiel.de",
  phoneLabel: "Telefonnummer",
  phoneHint: "Falls wir Sie kurz anrufen müssen.",
  noteLabel: "Nachricht an uns",
  noteHint: "Zum Beispiel: Ich bringe meinen Lebenslauf mit. Oder: Ich brauche Hilfe beim Übersetzen.",
  consentLabel: "Ich bin einverstanden: Das Büro speichert meine Angaben für diesen Termin.",
  consentText: (days: number) =>
    `Wir nutzen Ihre Angaben nur für den Termin. ${days} Tage nach dem Termin löschen wir sie.`,
  privacyLink: "Mehr zum Datenschutz",

  reviewHeading: "Stimmt alles?",
  reviewHint: "Bitte prüfen Sie Ihre Angaben. Dann buchen Sie den Termin.",
  topicLabel: "Thema",
  whenLabel: "Tag und Uhrzeit",
  whereLabel: "Ort",
  nameShort: "Name",
  emailShort: "E-Mail",
  phoneShort: "Telefon",
  noteShort: "Nachricht",
  change: "Ändern",
  submitBooking: "Termin verbindlich buchen",
  sendingBooking: "Der Termin wird gebucht. Bitte warten …",
  securityCheck: "Sicherheitsprüfung",
  securityHint: "Bitte warten Sie kurz. Wir prüfen, ob hier ein Mensch bucht.",
  securityWait: "Die Sicherheitsprüfung ist noch nicht fertig. Bitte warten Sie kurz und versuchen Sie es dann noch einmal.",
  securityFailed: "Die Sicherheitsprüfung hat nicht geklappt. Bitte versuchen Sie es noch einmal.",
  securityUnavailable: "Die Sicherheitsprüfung lädt nicht. Bitte laden Sie die Seite neu oder rufen Sie uns an:",
  slotGone: "Diese Zeit ist leider nicht mehr frei. Bitte wählen Sie eine andere Zeit.",
  slotTooSoon: "Diese Zeit ist zu bald. Online buchen geht bis 2 Stunden vorher. Bitte wählen Sie eine andere Zeit.",
  slotTooFar: "Diese Zeit ist zu weit weg. Bitte wählen Sie eine andere Zeit.",
  chooseOtherTime: "Andere Zeit wählen",
  tooMany: "Mit dieser E-Mail-Adresse sind schon 2 Termine gebucht. Mehr geht online nicht. Bitte rufen Sie uns an:",
  tooManyHint: "Oder sagen Sie erst einen Termin ab. Den Link dazu finden Sie in Ihrer E-Mail.",
  rateLimited: (minutes: number) =>
    `Zu viele Versuche in kurzer Zeit. Bitte warten Sie ${minutes === 1 ? "1 Minute" : `${minutes} Minuten`}. Dann versuchen Sie es noch einmal.`,
  noAnswer: "Wir haben keine Antwort bekommen. Vielleicht ist das Internet weg. Bitte versuchen Sie es noch einmal. Der Termin wird dabei nicht doppelt gebucht.",
  changedMeanwhile: "Ihre Angaben haben sich geändert. Bitte prüfen Sie sie und buchen Sie dann noch einmal.",
  failedWithPhone: "Das hat leider nicht geklappt. Bitte versuchen Sie es noch einmal oder rufen Sie uns an:",

  doneHeading: "Ihr Termin ist gebucht",
  codeLabel: "Ihr Code für die Anmeldung im Büro:",
  codeHint: "Bitte bringen Sie den Code mit. Er steht auch in der E-Mail.",
  addToCalendar: "In den Kalender eintragen",
  manageLink: "Termin ansehen, verschieben oder absagen",
  mailSent: "Wir haben Ihnen eine E-Mail mit diesen Angaben geschickt an:",
  bookAnother: "Noch einen Termin buchen",

  requestHeading: "Termin nach Vereinbarung anfragen",
  requestIntro: "Sie können zu unseren Öffnungszeiten nicht kommen? Sagen Sie uns, wann es Ihnen passt. Wir melden uns bei Ihnen.",
  weekdaysLegend: "An welchen Tagen können Sie kommen?",
  severalHint: "Sie können mehrere wählen.",
  timesLegend: "Zu welcher Tageszeit?",
  timesOfDay: { morning: "Vormittag", afternoon: "Nachmittag", evening: "Abend" } satisfies Record<TimeOfDay, string>,
  wishLabel: "Was sollen wir noch wissen?",
  wishHint: "Zum Beispiel: Ich kann erst ab 16 Uhr.",
  contactLegend: "So erreichen wir Sie",
  sendRequest: "Anfrage senden",
  sendingRequest: "Die Anfrage wird gesendet. Bitte warten …",
  requestDoneHeading: "Ihre Anfrage ist angekommen",
  requestDoneText: "Wir melden uns bei Ihnen und schlagen einen Termin vor.",
  requestManageLink: "Anfrage ansehen oder zurückziehen",
  backToBooking: "Zurück zur Terminbuchung",

  privacyHeading: "Datenschutz",
  privacy: {
    whoHeading: "Wer ist verantwortlich?",
    whoText: "Das Büro, bei dem Sie den Termin buchen:",
    whatHeading: "Was speichern wir?",
    whatItems: [
      "Ihren Namen und Ihre E-Mail-Adresse",
      "Ihre Telefonnummer und Ihre Nachricht, wenn Sie sie schreiben",
      "das Thema, den Tag und die Uhrzeit",
      "Ihre Sprache (Deutsch oder Englisch)",
    ],
    whyHeading: "Wofür?",
    whyText:
      "Damit wir den Termin für Sie freihalten. Damit wir Ihnen eine Bestätigung schicken können. Damit Sie den Termin verschieben oder absagen können. Wir geben Ihre Angaben nicht weiter. Wir machen damit keine Werbung.",
    baseText:
      "Wir speichern die Angaben, weil Sie einverstanden sind (Art. 6 Abs. 1 Buchstabe a DSGVO). Sie können das jederzeit zurücknehmen: Sagen Sie den Termin ab oder schreiben Sie uns.",
    howLongHeading: "Wie lange?",
    howLongText: (days: number) =>
      `${days} Tage nach dem Termin löschen wir Ihren Namen, Ihre Kontaktdaten und Ihre Nachricht. Es bleibt nur eine Zählung ohne Namen, zum Beispiel: wie viele Termine es gab.`,
    whereHeading: "Wo?",
    whereText:
      "Die Angaben liegen in einer Datenbank in der EU. Diese Seite setzt auf Ihrem Gerät keine Cookies. Ihr Gerät merkt sich nur die Sprache, die Sie wählen. (Die Tablets im Büro haben ein Geräte-Cookie. Es sagt nur, zu welchem Büro das Tablet gehört, nichts über Sie.)",
    turnstileText:
      "Beim Absenden prüft Cloudflare Turnstile, ob ein Mensch die Seite benutzt. Dafür schickt Ihr Browser technische Daten an Cloudflare.",
    rightsHeading: "Ihre Rechte",
    rightsText:
      "Sie können fragen, was wir über Sie gespeichert haben. Sie können Angaben berichtigen oder löschen lassen. Sie können sich bei der Aufsichtsbehörde für Datenschutz beschweren. Fragen? Rufen Sie uns an oder schreiben Sie uns.",
  },

  manageTitle: "Ihr Termin",
  manageRequestTitle: "Ihre Anfrage",
  manageLoading: "Ihr Termin wird geladen …",
  manageNotFound:
    "Diesen Termin finden wir nicht. Vielleicht fehlt ein Teil vom Link. Bitte öffnen Sie den Link aus Ihrer E-Mail noch einmal oder rufen Sie uns an:",
  statusLabel: "Stand",
  status: {
    requested: "Angefragt. Wir melden uns bei Ihnen.",
    confirmed: "Gebucht",
    checked_in: "Angemeldet",
    completed: "Vorbei",
    no_show: "Nicht gekommen",
    cancelled: "Abgesagt",
    declined: "Abgelehnt",
  } satisfies Record<BookingStatus, string>,
  wishShort: "Ihr Wunsch",
  weekdaysShort: "Tage",
  timesShort: "Tageszeit",
  cannotChange: "Online können Sie diesen Termin nicht mehr ändern. Bei Fragen rufen Sie uns bitte an:",
  cancelBooking: "Termin absagen",
  cancelRequest: "Anfrage zurückziehen",
  cancelQuestion: "Möchten Sie den Termin wirklich absagen?",
  cancelRequestQuestion: "Möchten Sie die Anfrage wirklich zurückziehen?",
  cancelExplain: "Dann ist die Zeit wieder frei für andere Menschen.",
  cancelYes: "Ja, absagen",
  cancelNo: "Nein, nicht absagen",
  cancelled: "Der Termin ist abgesagt. Sie können jederzeit einen neuen Termin buchen.",
  requestCancelled: "Die Anfrage ist zurückgezogen.",
  newBooking: "Neuen Termin buchen",
  moveBooking: "Termin verschieben",
  moveHeading: "Auf welchen Tag möchten Sie den Termin verschieben?",
  moveConfirmHeading: "Termin verschieben?",
  moveFrom: "Bisher:",
  moveTo: "Neu:",
  moveExplain: "Die alte Zeit wird dann frei.",
  moveYes: "Ja, verschieben",
  moved: "Der Termin ist verschoben.",
  bookingPast: "Der Termin hat schon angefangen oder ist vorbei. Bitte rufen Sie uns an:",
  changedElsewhere: "Der Termin wurde inzwischen geändert. Bitte sehen Sie ihn sich noch einmal an.",
  cancelledElsewhere: "Der Termin wurde inzwischen abgesagt. Sie können einen neuen Termin buchen.",

  contactHeading: "Kontakt",
  phone: "Telefon:",
  email: "E-Mail:",
  hoursHeading: "Öffnungszeiten",
};

export type Strings = typeof de;

const en: Strings = {
  otherLocale: "de",
  otherLocaleName: "Deutsch",
  skipToContent: "Skip to content",
  title: "Book an appointment",
  intro: "How it works: choose a topic, choose a day and a time, enter your name and email address. Done.",
  callInstead: "Would you rather call? Please do:",

  back: "Back",
  next: "Next",
  stepOf: (n, total) => `Step ${n} of ${total}`,
  optional: "(optional)",
  errorPrefix: "Error:",
  errorSummary: "Please check these details:",
  fieldErrors: {
    topicMissing: "Please choose a topic.",
    nameMissing: "Please write your name.",
    nameShort: "The name is too short. Please write your first and last name.",
    nameLong: "The name is too long: at most 100 characters.",
    emailMissing: "Please write your email address.",
    emailInvalid: "This email address is not right. Example: name@example.com",
    phoneInvalid: "Please use only digits, spaces and + ( ) / -.",
    noteLong: "The message is too long: at most 500 characters.",
    wishLong: "The text is too long: at most 1000 characters.",
    weekdaysMissing: "Please choose at least one day.",
    timesMissing: "Please choose at least one time of day.",
    consentMissing: "Please tick the box. Otherwise we may not store your details.",
    invalid: "This is not right. Please check it.",
  },

  topicQuestion: "What is it about?",
  topicHint: "Choose a topic. Then click “Next”.",
  topicUnsure: (general) => `Not sure yet? Then choose “${general}”.`,
  minutes: (n) => `${n} minutes`,
  forBusinesses: "for businesses",

  dayHeading: "Which day suits you?",
  dayHint: "Here you see the next weeks. Choose a day.",
  openLabel: "Open:",
  otherwiseByArrangement: "Other times by arrangement.",
  loading: "Loading the free appointments …",
  failed: "That did not work. Please try again or call us:",
  retry: "Try again",
  showing: (topic, minutes) => `Free times for: ${topic} (${minutes} minutes).`,
  noDays: "Sorry, there is no free appointment in the next weeks. Please call us.",
  freeTimes: (n) => (n === 1 ? "1 free time" : `${n} free times`),
  fullyBooked: "Fully booked",
  holiday: (reason) => (reason ? `Public holiday: ${reason}` : "Public holiday"),
  closure: (reason) => (reason ? `Closed: ${reason}` : "Closed"),
  requestLink: "No time that suits you? Ask for an appointment by arrangement",

  timeHeading: "Which time suits you?",
  timeHint: (minutes) => `The appointment takes ${minutes} minutes. Choose a time.`,
  noTimesLeft: "There is no free time left on this day. Please choose another day.",
  otherDay: "Choose another day",
  timeSuffix: "",

  detailsHeading: "Your contact details",
  detailsHint: "We send the confirmation to your email address.",
  nameLabel: "First and last name",
  emailLabel: "Email address",
  emailHint: "For example: name@example.com",
  phoneLabel: "Phone number",
  phoneHint: "In case we need to call you.",
  noteLabel: "Message to us",
  noteHint: "For example: I will bring my CV. Or: I need help with translating.",
  consentLabel: "I agree: the office stores my details for this appointment.",
  consentText: (days) => `We use your details only for the appointment. We delete them ${days} days after the appointment.`,
  privacyLink: "More about data protection",

  reviewHeading: "Is everything correct?",
  reviewHint: "Please check your details. Then book the appointment.",
  topicLabel: "Topic",
  whenLabel: "Day and time",
  whereLabel: "Place",
  nameShort: "Name",
  emailShort: "Email",
  phoneShort: "Phone",
  noteShort: "Message",
  change: "Change",
  submitBooking: "Book the appointment",
  sendingBooking: "Booking the appointment. Please wait …",
  securityCheck: "Security check",
  securityHint: "Please wait a moment. We check that a person is booking.",
  securityWait: "The security check is not finished yet. Please wait a moment and try again.",
  securityFailed: "The security check did not work. Please try again.",
  securityUnavailable: "The security check does not load. Please reload the page or call us:",
  slotGone: "Sorry, this time is no longer free. Please choose another time.",
  slotTooSoon: "This time is too soon. You can book online up to 2 hours before. Please choose another time.",
  slotTooFar: "This time is too far ahead. Please choose another time.",
  chooseOtherTime: "Choose another time",
  tooMany: "There are already 2 appointments booked with this email address. You cannot book more online. Please call us:",
  tooManyHint: "Or first cancel an appointment. You find the link for that in your email.",
  rateLimited: (minutes) =>
    `Too many tries in a short time. Please wait ${minutes === 1 ? "1 minute" : `${minutes} minutes`}. Then try again.`,
  noAnswer: "We got no answer. Maybe the internet is down. Please try again. The appointment will not be booked twice.",
  changedMeanwhile: "Your details have changed. Please check them and then book again.",
  failedWithPhone: "Sorry, that did not work. Please try again or call us:",

  doneHeading: "Your appointment is booked",
  codeLabel: "Your code to check in at the office:",
  codeHint: "Please bring the code with you. It is also in the email.",
  addToCalendar: "Add to calendar",
  manageLink: "View, move or cancel the appointment",
  mailSent: "We have sent you an email with these details to:",
  bookAnother: "Book another appointment",

  requestHeading: "Ask for an appointment by arrangement",
  requestIntro: "You cannot come during our opening hours? Tell us when it suits you. We will get back to you.",
  weekdaysLegend: "On which days can you come?",
  severalHint: "You can choose more than one.",
  timesLegend: "At what time of day?",
  timesOfDay: { morning: "Morning", afternoon: "Afternoon", evening: "Evening" },
  wishLabel: "What else should we know?",
  wishHint: "For example: I can only come after 4 pm.",
  contactLegend: "How we can reach you",
  sendRequest: "Send request",
  sendingRequest: "Sending the request. Please wait …",
  requestDoneHeading: "We have your request",
  requestDoneText: "We will get back to you and suggest an appointment.",
  requestManageLink: "View or withdraw the request",
  backToBooking: "Back to booking",

  privacyHeading: "Privacy",
  privacy: {
    whoHeading: "Who is responsible?",
    whoText: "The office where you book the appointment:",
    whatHeading: "What do we store?",
    whatItems: [
      "your name and your email address",
      "your phone number and your message, if you write them",
      "the topic, the day and the time",
      "your language (German or English)",
    ],
    whyHeading: "What for?",
    whyText:
      "So that we keep the appointment free for you. So that we can send you a confirmation. So that you can move or cancel the appointment. We do not pass your details on. We do not use them for advertising.",
    baseText:
      "We store the details because you agree (Art. 6(1)(a) GDPR). You can take this back at any time: cancel the appointment or write to us.",
    howLongHeading: "How long?",
    howLongText: (days) =>
      `${days} days after the appointment we delete your name, your contact details and your message. Only a count without names stays, for example: how many appointments there were.`,
    whereHeading: "Where?",
    whereText:
      "The details are kept in a database in the EU. This page sets no cookies on your device. Your device only remembers the language you choose. (The tablets in the office carry a device cookie. It only says which office the tablet belongs to, nothing about you.)",
    turnstileText:
      "When you send, Cloudflare Turnstile checks that a person uses the page. For this, your browser sends technical data to Cloudflare.",
    rightsHeading: "Your rights",
    rightsText:
      "You can ask what we have stored about you. You can have details corrected or deleted. You can complain to a data protection authority. Questions? Call us or write to us.",
  },

  manageTitle: "Your appointment",
  manageRequestTitle: "Your request",
  manageLoading: "Loading your appointment …",
  manageNotFound:
    "We cannot find this appointment. Maybe part of the link is missing. Please open the link from your email again or call us:",
  statusLabel: "Status",
  status: {
    requested: "Requested. We will get back to you.",
    confirmed: "Booked",
    checked_in: "Checked in",
    completed: "Over",
    no_show: "Did not come",
    cancelled: "Cancelled",
    declined: "Declined",
  },
  wishShort: "Your wish",
  weekdaysShort: "Days",
  timesShort: "Time of day",
  cannotChange: "You cannot change this appointment online any more. If you have questions, please call us:",
  cancelBooking: "Cancel the appointment",
  cancelRequest: "Withdraw the request",
  cancelQuestion: "Do you really want to cancel the appointment?",
  cancelRequestQuestion: "Do you really want to withdraw the request?",
  cancelExplain: "Then the time is free again for other people.",
  cancelYes: "Yes, cancel",
  cancelNo: "No, do not cancel",
  cancelled: "The appointment is cancelled. You can book a new appointment at any time.",
  requestCancelled: "The request is withdrawn.",
  newBooking: "Book a new appointment",
  moveBooking: "Move the appointment",
  moveHeading: "To which day do you want to move the appointment?",
  moveConfirmHeading: "Move the appointment?",
  moveFrom: "Before:",
  moveTo: "New:",
  moveExplain: "The old time will then be free.",
  moveYes: "Yes, move it",
  moved: "The appointment is moved.",
  bookingPast: "The appointment has already begun or is over. Please call us:",
  changedElsewhere: "The appointment was changed in the meantime. Please look at it again.",
  cancelledElsewhere: "The appointment has been cancelled in the meantime. You can book a new one.",

  contactHeading: "Contact",
  phone: "Phone:",
  email: "Email:",
  hoursHeading: "Opening hours",
};

export const strings: Readonly<Record<Locale, Strings>> = { de, en };

/** The text of a bilingual API field in `locale`. */
export function pick(text: Bilingual, locale: Locale): string {
  return text[locale] || text.de;
}
