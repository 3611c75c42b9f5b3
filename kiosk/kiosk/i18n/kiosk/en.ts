import type { Translation } from "../../../../common/i18n/messages";
import type { CatalogMeta } from "../../../../common/i18n/check";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "the project team (English, from the German)", nativeReview: null };

export default {
  kioskTitle: "The tablet at the office",
  languages: "Language",
  home: "Start again",
  back: "Back",
  cancel: "Cancel",
  done: "Done",

  pairHeading: "Set up this tablet",
  pairIntro: "This tablet is not set up yet. Please enter the pairing code.",
  pairWhere:
    "The office's administrator creates the code on the staff board under “Verwaltung → Geräte” (Administration → Devices). Please ask them. The code is valid for 15 minutes.",
  pairForgotten: "This tablet is no longer paired. Please set it up again.",
  pairCodeLabel: "Pairing code",
  pairSubmit: "Pair this tablet",
  pairing: "Pairing the tablet …",
  pairUnknown: "We do not know this code, or it has expired. Please get a new code.",
  pairWrongKind: "This code is for a call display, not for the tablet at the entrance.",
  pairFailed: "That did not work. Please check the connection and try again.",

  welcome: "Welcome!",
  openNow: "The office is open.",
  waitingNone: "Nobody is waiting right now.",
  waiting: { one: "{count} person is waiting right now.", other: "{count} people are waiting right now." },
  withAppointment: "I have an appointment",
  withAppointmentHint: "Enter the check-in code from the e-mail",
  withAppointmentHintQr: "Enter the check-in code or show the QR code",
  withoutAppointment: "Without an appointment",
  withoutAppointmentHint: "Take a number",
  bookLater: "Book an appointment for another day",
  loadingState: "One moment, please …",

  closedHeading: "The office is closed now.",
  nextOpening: "We are back: {when}",
  openingAt: "{day}, {time}",
  openingDate: "{weekday}, {date}",
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
  topicsUnsure: "Not sure? Then tap “{topic}”.",
  issuing: "Your number is coming. One moment, please …",
  closedNow: "The office has just closed. Numbers are given out during opening hours only.",
  topicGone: "This topic is not available without an appointment right now. Please choose another one.",
  failed: "That did not work. Please ask the staff.",

  ticketHeading: "Your number",
  aheadNone: "Nobody is before you.",
  ahead: { one: "{count} person is before you.", other: "{count} people are before you." },
  estimateNow: "It is your turn soon.",
  estimateUpTo: { one: "Waiting time: up to {count} minute.", other: "Waiting time: up to {count} minutes." },
  estimateRange: { one: "Waiting time: about {low} to {count} minute.", other: "Waiting time: about {low} to {count} minutes." },
  estimateHonest: "This is an estimate. Some conversations take longer.",
  ticketHint: "Please take a seat. We will call your number.",
  rememberNumber: "Please remember the number. Or take a photo.",
  statusQr: "Scan with your phone: then you see when it is your turn, even outside.",
  statusQrLabel: "QR code for your phone: number {label}, waiting time and call",

  checkinHeading: "Check in with your code",
  checkinHint: "The check-in code is in your email. It has 6 characters. Type it in here.",
  checkinCodeLabel: "Your code",
  typedNone: "Nothing typed yet. The code has {total} characters.",
  typed: "Typed: {code}. {n} of {total} characters.",
  missing: { one: "{count} character is still missing.", other: "{count} characters are still missing." },
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
  initialLabel: "First letter of your name: {initial}",
  appointment: "Your appointment: {time}, {topic}",
  welcomeHint: "Please take a seat. We will call your number.",

  tooEarlyFrom: "You can check in from {time}. Please take a seat and come back to the tablet then.",

  print: {
    issued: "{date}, {time}",
    topic: "Topic: {topic}",
    status: "See on your phone when it is your turn:",
  },
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
  yourCode: "Your code:",
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
  privacyMore: "More about privacy",
  moreBelow: "There is more below",
  tooMany:
    "There are already 2 appointments booked with this email address. You cannot book more here. You can first cancel one: the link is in your email.",
  pastClosing: "You may not be called today. Please ask at the reception desk.",
} satisfies Translation<typeof de>;
