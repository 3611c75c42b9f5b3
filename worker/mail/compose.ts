import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { TimeOfDay } from "../../schemas/bookings";
import type { Locale } from "../../schemas/common";
import { qrTableHtml } from "../../kiosk/shared/qr";
import { LEGAL_LINK_TEXT, LEGAL_PAGES, legalPath } from "../../common/legal";
import { addDays, isoWeekday, localDate, localTime, zonedInstant } from "../../common/time";
import type { ComposedMail, MailBooking, MailContext, MailKind, MailOffice, MailProposals, MailTime } from "./types";

/*
 * Composes every mail the office sends: subject, plain text, HTML and, for appointments, the iCalendar
 * invite. Pure: no clock (ctx.now), no I/O, no randomness, so the same context always gives the same
 * message, byte for byte. Texts follow "einfache Sprache": short sentences, one thing per line.
 * Dates and times are written in words in the office's time zone, whatever zone the host runs in.
 */

/** Local hour of the reminder on the day before the appointment, in the office's zone. */
const REMINDER_LOCAL_TIME = "17:00";

/**
 * When the reminder for an appointment goes out: 17:00 local time (office zone) on the local day before.
 * Computed from local days, so it stays 17:00 across a DST change (15:00Z in summer, 16:00Z in winter).
 * The caller skips the reminder when this instant is not after `now` (a booking made that late has just
 * had its confirmation).
 */
export function reminderTime(startsAt: Date, timeZone: string): Date {
  return zonedInstant(addDays(localDate(startsAt, timeZone), -1), REMINDER_LOCAL_TIME, timeZone);
}

/** The office's message in a cancel mail when changed opening hours cancel the appointment, in the booking's language. */
export function hoursChangedMessage(locale: Locale): string {
  return (TEXTS[locale] ?? TEXTS.de).hoursChanged;
}

/** Builds the message of `kind` about `ctx.booking`. Throws when an appointment mail has no time. */
export function composeMail(kind: MailKind, ctx: MailContext): ComposedMail {
  const t = TEXTS[ctx.booking.locale] ?? TEXTS.de;
  const body = BODIES[kind](ctx, t);
  const invite = INVITES[kind];
  const ics = invite ? buildInvite(kind, ctx, invite, t) : null;
  const legal = legalLinks(ctx);
  return {
    kind,
    to: ctx.booking.email,
    subject: body.subject,
    text: renderText(body, t, legal),
    html: renderHtml(body, ctx.booking.locale, t, legal),
    ics,
    icsMethod: ics ? invite : null,
    messageId: messageIdFor(ctx.mailId, ctx.from),
    dedupeKey: kind === "booking_reminder" ? `reminder:${ctx.booking.id}:${ctx.booking.sequence}` : null,
  };
}

/** The invite's METHOD per kind; null: a plain mail without an invite. */
const INVITES: Record<MailKind, "REQUEST" | "CANCEL" | null> = {
  booking_confirmed: "REQUEST",
  booking_rescheduled: "REQUEST",
  booking_cancelled: "CANCEL",
  // The calendar already has the appointment from the confirmation; a reminder only reminds.
  booking_reminder: null,
  request_received: null,
  request_declined: null,
  // Nothing is booked before the resident chooses: the confirmation of the chosen time brings the invite.
  request_proposals: null,
  proposals_withdrawn: null,
  staff_sign_in: null,
  accessibility_feedback: null,
};

// ---------------------------------------------------------------------------------------------------
// Words

interface Texts {
  greeting: (name: string) => string;
  signOff: string;
  when: (instant: Date, timeZone: string) => string;
  until: (time: string) => string;
  labels: { topic: string; when: string; where: string; code: string; days: string; times: string; wish: string };
  codeHint: string;
  /** The QR code beside the check-in code, HTML part only: what a screen reader says, and what to do. */
  qr: { label: (code: string) => string; hint: string };
  bring: { intro: string; items: string[] };
  manage: { intro: string; link: string };
  manageRequest: { intro: string; link: string };
  rebook: (url: string) => string;
  /** A new appointment at an office the booking page does not book for: by phone, by mail (`also`: after the phone). */
  rebookByPhone: string;
  rebookByMail: (email: string, also: boolean) => string;
  phone: string;
  inviteHint: string;
  weekdays: string[];
  times: Record<TimeOfDay, string>;
  confirmed: { subject: (when: string, office: string) => string; headline: string };
  rescheduled: { subject: (when: string, office: string) => string; headline: string; lead: string };
  cancelled: { subject: (when: string, office: string) => string; headline: string; lead: string };
  reminder: { subject: (when: string, office: string) => string; headline: string; lead: string };
  requested: { subject: (office: string) => string; headline: string; lead: string; next: string };
  declined: { subject: (office: string) => string; headline: string; lead: string };
  proposals: {
    subject: (office: string) => string;
    headline: (count: number) => string;
    lead: (count: number) => string;
    choose: string;
    none: { intro: string; link: string };
    deadline: (when: string) => string;
  };
  withdrawn: {
    subject: (office: string) => string;
    headline: (count: number) => string;
    lead: (count: number) => string;
    still: (when: string) => string;
    none: { intro: string; link: string };
    contact: string;
  };
  /** Heading of a message staff wrote to the resident. */
  staffMessage: string;
  /** The office's message when changed opening hours cancel an appointment (services/affected.ts). */
  hoursChanged: string;
  inviteDescription: { manage: string; code: string; cancelled: string };
}

const WEEKDAYS_DE = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];
const WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "K7M2Q" → "K 7 M 2 Q": read out letter by letter, not as a word. */
const spelled = (code: string) => code.split("").join(" ");

/** Day and time in words, from fixed tables rather than Intl, so no ICU data decides how a mail reads. */
function inWords(instant: Date, timeZone: string, weekdays: string[], months: string[]) {
  const date = localDate(instant, timeZone);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return { weekday: weekdays[isoWeekday(date) - 1]!, day, month: months[month - 1]!, year, time: localTime(instant, timeZone) };
}

const TEXTS: Record<Locale, Texts> = {
  de: {
    greeting: (name) => `Guten Tag ${name},`,
    signOff: "Viele Grüße",
    // "Montag, 30. November 2026, 13:00 Uhr"
    when: (instant, timeZone) => {
      const w = inWords(instant, timeZone, WEEKDAYS_DE, MONTHS_DE);
      return `${w.weekday}, ${w.day}. ${w.month} ${w.year}, ${w.time} Uhr`;
    },
    until: (time) => `bis ${time} Uhr`,
    labels: { topic: "Thema", when: "Wann", where: "Wo", code: "Ihr Code", days: "Tage", times: "Uhrzeit", wish: "Ihr Wunsch" },
    codeHint: "Geben Sie den Code am Eingang am Tablet ein. Oder sagen Sie ihn uns.",
    qr: {
      label: (code) => `QR-Code für die Anmeldung mit dem Code ${spelled(code)}`,
      hint: "Oder zeigen Sie diesen QR-Code am Tablet im Eingang.",
    },
    bring: {
      intro: "Bringen Sie gern mit:",
      items: [
        "Ihren Lebenslauf, wenn Sie einen haben.",
        "Briefe vom Jobcenter oder von der Agentur für Arbeit, wenn Sie welche haben.",
        "Ihre Fragen. Sie können sie auf einen Zettel schreiben.",
      ],
    },
    manage: { intro: "Sie können nicht kommen? Sagen Sie bitte ab oder wählen Sie eine andere Zeit:", link: "Termin absagen oder verschieben" },
    manageRequest: { intro: "Hier sehen Sie Ihre Anfrage. Dort können Sie sie auch zurückziehen:", link: "Anfrage ansehen" },
    rebook: (url) => `Sie möchten einen neuen Termin? Hier können Sie buchen: ${url}`,
    rebookByPhone: "Sie möchten einen neuen Termin? Rufen Sie uns an:",
    rebookByMail: (email, also) => (also ? `Oder schreiben Sie uns: ${email}` : `Sie möchten einen neuen Termin? Schreiben Sie uns: ${email}`),
    phone: "Sie haben Fragen? Rufen Sie uns an:",
    inviteHint: "Den Termin für Ihren Kalender finden Sie im Anhang.",
    weekdays: WEEKDAYS_DE,
    times: { morning: "vormittags", afternoon: "nachmittags", evening: "abends" },
    confirmed: {
      subject: (when, office) => `Ihr Termin am ${when} – ${office}`,
      headline: "Ihr Termin ist gebucht.",
    },
    rescheduled: {
      subject: (when, office) => `Ihr Termin ist verschoben: ${when} – ${office}`,
      headline: "Ihr Termin ist verschoben.",
      lead: "Das ist Ihr neuer Termin:",
    },
    cancelled: {
      subject: (when, office) => `Ihr Termin am ${when} ist abgesagt – ${office}`,
      headline: "Ihr Termin ist abgesagt.",
      lead: "Dieser Termin findet nicht statt:",
    },
    reminder: {
      subject: (when, office) => `Erinnerung: Ihr Termin am ${when} – ${office}`,
      headline: "Wir erinnern Sie an Ihren Termin.",
      lead: "Wir freuen uns auf Sie.",
    },
    requested: {
      subject: (office) => `Ihre Anfrage ist angekommen – ${office}`,
      headline: "Ihre Anfrage ist angekommen.",
      lead: "Danke! Das haben Sie uns geschrieben:",
      next: "Wir melden uns bei Ihnen und schlagen Ihnen einen Termin vor.",
    },
    declined: {
      subject: (office) => `Antwort auf Ihre Anfrage – ${office}`,
      headline: "Leider können wir Ihnen dafür keinen Termin geben.",
      lead: "Sie haben bei uns angefragt:",
    },
    proposals: {
      subject: (office) => `Wir schlagen Ihnen einen Termin vor – ${office}`,
      headline: (n) => (n === 1 ? "Wir schlagen Ihnen einen Termin vor." : `Wir schlagen Ihnen ${n} Termine vor.`),
      lead: (n) => (n === 1 ? "Sie haben einen Termin angefragt. Diese Zeit können wir Ihnen anbieten:" : "Sie haben einen Termin angefragt. Diese Zeiten können wir Ihnen anbieten:"),
      choose: "Klicken Sie auf die Zeit, die Ihnen passt. Auf der Seite danach klicken Sie auf „Termin bestätigen“. Erst dann ist der Termin gebucht.",
      none: { intro: "Keine Zeit passt Ihnen? Dann klicken Sie hier. Wir melden uns dann wieder bei Ihnen.", link: "Keine Zeit passt" },
      deadline: (when) => `Bitte antworten Sie bis ${when}. So lange halten wir die Zeiten für Sie frei.`,
    },
    withdrawn: {
      subject: (office) => `Änderung bei Ihren Terminvorschlägen – ${office}`,
      headline: (n) => (n === 1 ? "Eine vorgeschlagene Zeit geht leider nicht mehr." : "Die vorgeschlagenen Zeiten gehen leider nicht mehr."),
      lead: (n) => (n === 1 ? "Diese Zeit können wir Ihnen nicht mehr anbieten:" : "Diese Zeiten können wir Ihnen nicht mehr anbieten:"),
      still: (when) => `Diese Zeiten können Sie noch wählen, bis ${when}:`,
      none: { intro: "Keine dieser Zeiten passt Ihnen? Dann klicken Sie hier:", link: "Keine Zeit passt" },
      contact: "Wir melden uns wieder bei Ihnen und schlagen Ihnen eine neue Zeit vor.",
    },
    staffMessage: "Nachricht vom Büro",
    hoursChanged: "Unsere Öffnungszeiten ändern sich. Zu dieser Zeit ist das Büro nicht mehr offen.",
    inviteDescription: { manage: "Absagen oder verschieben", code: "Ihr Code für den Eingang", cancelled: "Dieser Termin ist abgesagt." },
  },
  en: {
    greeting: (name) => `Hello ${name},`,
    signOff: "Kind regards",
    // "Monday, 30 November 2026, 13:00"
    when: (instant, timeZone) => {
      const w = inWords(instant, timeZone, WEEKDAYS_EN, MONTHS_EN);
      return `${w.weekday}, ${w.day} ${w.month} ${w.year}, ${w.time}`;
    },
    until: (time) => `until ${time}`,
    labels: { topic: "Topic", when: "When", where: "Where", code: "Your code", days: "Days", times: "Time", wish: "Your wish" },
    codeHint: "Type the code into the tablet at the entrance. Or tell it to us.",
    qr: {
      label: (code) => `QR code to check in with the code ${spelled(code)}`,
      hint: "Or show this QR code to the tablet at the entrance.",
    },
    bring: {
      intro: "You are welcome to bring:",
      items: [
        "Your CV, if you have one.",
        "Letters from the Jobcenter or the employment agency (Agentur für Arbeit), if you have any.",
        "Your questions. You can write them on a piece of paper.",
      ],
    },
    manage: { intro: "You cannot come? Please cancel or choose another time:", link: "Cancel or move the appointment" },
    manageRequest: { intro: "Here you can see your request. You can also withdraw it there:", link: "See your request" },
    rebook: (url) => `Would you like a new appointment? You can book here: ${url}`,
    rebookByPhone: "Would you like a new appointment? Call us:",
    rebookByMail: (email, also) => (also ? `Or write to us: ${email}` : `Would you like a new appointment? Write to us: ${email}`),
    phone: "Any questions? Call us:",
    inviteHint: "The appointment for your calendar is attached.",
    weekdays: WEEKDAYS_EN,
    times: { morning: "mornings", afternoon: "afternoons", evening: "evenings" },
    confirmed: {
      subject: (when, office) => `Your appointment on ${when} – ${office}`,
      headline: "Your appointment is booked.",
    },
    rescheduled: {
      subject: (when, office) => `Your appointment has moved: ${when} – ${office}`,
      headline: "Your appointment has moved.",
      lead: "This is your new appointment:",
    },
    cancelled: {
      subject: (when, office) => `Your appointment on ${when} is cancelled – ${office}`,
      headline: "Your appointment is cancelled.",
      lead: "This appointment will not take place:",
    },
    reminder: {
      subject: (when, office) => `Reminder: your appointment on ${when} – ${office}`,
      headline: "A reminder of your appointment.",
      lead: "We look forward to seeing you.",
    },
    requested: {
      subject: (office) => `We have received your request – ${office}`,
      headline: "We have received your request.",
      lead: "Thank you! This is what you sent us:",
      next: "We will get back to you and suggest a time.",
    },
    declined: {
      subject: (office) => `Reply to your request – ${office}`,
      headline: "Unfortunately, we cannot give you an appointment for this.",
      lead: "You asked us for:",
    },
    proposals: {
      subject: (office) => `We suggest a time for your appointment – ${office}`,
      headline: (n) => (n === 1 ? "We suggest a time for your appointment." : `We suggest ${n} times for your appointment.`),
      lead: (n) => (n === 1 ? "You asked us for an appointment. We can offer you this time:" : "You asked us for an appointment. We can offer you these times:"),
      choose: "Click the time that suits you. On the page that opens, click “Confirm appointment”. Only then is the appointment booked.",
      none: { intro: "None of the times suits you? Then click here. We will get back to you.", link: "No time suits me" },
      deadline: (when) => `Please answer by ${when}. We keep the times free for you until then.`,
    },
    withdrawn: {
      subject: (office) => `A change to the times we suggested – ${office}`,
      headline: (n) => (n === 1 ? "Unfortunately, one of the times we suggested is no longer possible." : "Unfortunately, the times we suggested are no longer possible."),
      lead: (n) => (n === 1 ? "We can no longer offer you this time:" : "We can no longer offer you these times:"),
      still: (when) => `You can still choose one of these times, until ${when}:`,
      none: { intro: "None of these times suits you? Then click here:", link: "No time suits me" },
      contact: "We will get back to you and suggest a new time.",
    },
    staffMessage: "Message from the office",
    hoursChanged: "Our opening hours are changing. The office is no longer open at this time.",
    inviteDescription: { manage: "Cancel or move", code: "Your code for the entrance", cancelled: "This appointment is cancelled." },
  },
};

// ---------------------------------------------------------------------------------------------------
// Bodies: one neutral structure, rendered as plain text and as HTML

/*
 * Text that people wrote (a wish, a message from staff) may run over several lines. In the plain text
 * every such line is indented under its label, so no line of it can pass for a field of the mail
 * ("Ihr Code: …") or for a header; HTML escapes it and keeps its line breaks.
 */
type Block =
  | { kind: "para"; text: string }
  | { kind: "facts"; rows: [label: string, value: string][] }
  | { kind: "quote"; label: string; text: string }
  | { kind: "code"; label: string; code: string; hint: string; qr: { label: string; hint: string } }
  | { kind: "list"; intro: string; items: string[] }
  | { kind: "link"; intro: string; label: string; url: string }
  /** Several links to choose from (proposed times), one per line. */
  | { kind: "choices"; intro: string; items: { label: string; url: string }[] }
  | { kind: "phone"; intro: string; phone: string };

interface Body {
  subject: string;
  greeting: string;
  headline: string;
  blocks: Block[];
  office: string;
}

function address(office: MailOffice): string {
  const city = office.postalCode ? `${office.postalCode} ${office.city}` : office.city;
  return `${office.street}, ${city}`;
}

function topic(booking: MailBooking, locale: Locale): string {
  return (locale === "en" ? booking.topicLabel.en : booking.topicLabel.de) || booking.topicLabel.de;
}

function startAndEnd(booking: MailBooking, kind: MailKind): { start: Date; end: Date } {
  if (!booking.startsAt || !booking.endsAt) throw new Error(`${kind} needs a booking with a time (booking ${booking.id})`);
  return { start: booking.startsAt, end: booking.endsAt };
}

function appointmentFacts(ctx: MailContext, t: Texts, kind: MailKind): Block {
  const { start, end } = startAndEnd(ctx.booking, kind);
  const zone = ctx.office.timeZone;
  return {
    kind: "facts",
    rows: [
      [t.labels.topic, topic(ctx.booking, ctx.booking.locale)],
      [t.labels.when, `${t.when(start, zone)} (${t.until(localTime(end, zone))})`],
      [t.labels.where, `${ctx.office.name}\n${address(ctx.office)}`],
    ],
  };
}

function phoneBlock(ctx: MailContext, t: Texts): Block[] {
  return ctx.office.phone ? [{ kind: "phone", intro: t.phone, phone: ctx.office.phone }] : [];
}

/**
 * How to get a new appointment: the booking page books for the deployment's default office only, so
 * another office's residents are given its phone and e-mail instead of a page that would book elsewhere.
 */
function rebookBlocks(ctx: MailContext, t: Texts): Block[] {
  const o = ctx.office;
  if (o.bookableOnline) return [{ kind: "para", text: t.rebook(bookingPage(ctx.manageUrl)) }, ...phoneBlock(ctx, t)];
  const blocks: Block[] = o.phone ? [{ kind: "phone", intro: t.rebookByPhone, phone: o.phone }] : [];
  if (o.email) blocks.push({ kind: "para", text: t.rebookByMail(o.email, blocks.length > 0) });
  return blocks;
}

function codeBlock(ctx: MailContext, t: Texts): Block {
  return { kind: "code", label: t.labels.code, code: ctx.booking.code, hint: t.codeHint, qr: { label: t.qr.label(ctx.booking.code), hint: t.qr.hint } };
}

function manageBlock(ctx: MailContext, t: Texts): Block {
  return { kind: "link", intro: t.manage.intro, label: t.manage.link, url: ctx.manageUrl };
}

/** What staff wrote to the resident, when they wrote something. */
function staffMessageBlock(ctx: MailContext, t: Texts): Block[] {
  return ctx.staffMessage ? [{ kind: "quote", label: t.staffMessage, text: ctx.staffMessage }] : [];
}

function whenOf(ctx: MailContext, t: Texts, kind: MailKind): string {
  return t.when(startAndEnd(ctx.booking, kind).start, ctx.office.timeZone);
}

const BODIES: Record<MailKind, (ctx: MailContext, t: Texts) => Body> = {
  // Not about a booking: mail/sign-in.ts composes it, without a MailContext.
  staff_sign_in: () => {
    throw new Error("staff_sign_in mails are composed by mail/sign-in.ts");
  },
  // To the office, not to a resident: mail/feedback.ts composes it.
  accessibility_feedback: () => {
    throw new Error("accessibility_feedback mails are composed by mail/feedback.ts");
  },
  booking_confirmed: (ctx, t) => ({
    subject: t.confirmed.subject(whenOf(ctx, t, "booking_confirmed"), ctx.office.shortName),
    greeting: t.greeting(ctx.booking.name),
    headline: t.confirmed.headline,
    blocks: [
      ...staffMessageBlock(ctx, t),
      appointmentFacts(ctx, t, "booking_confirmed"),
      codeBlock(ctx, t),
      { kind: "list", intro: t.bring.intro, items: t.bring.items },
      manageBlock(ctx, t),
      ...phoneBlock(ctx, t),
      { kind: "para", text: t.inviteHint },
    ],
    office: ctx.office.shortName,
  }),
  booking_rescheduled: (ctx, t) => ({
    subject: t.rescheduled.subject(whenOf(ctx, t, "booking_rescheduled"), ctx.office.shortName),
    greeting: t.greeting(ctx.booking.name),
    headline: t.rescheduled.headline,
    blocks: [
      ...staffMessageBlock(ctx, t),
      { kind: "para", text: t.rescheduled.lead },
      appointmentFacts(ctx, t, "booking_rescheduled"),
      codeBlock(ctx, t),
      { kind: "list", intro: t.bring.intro, items: t.bring.items },
      manageBlock(ctx, t),
      ...phoneBlock(ctx, t),
      { kind: "para", text: t.inviteHint },
    ],
    office: ctx.office.shortName,
  }),
  booking_cancelled: (ctx, t) => ({
    subject: t.cancelled.subject(whenOf(ctx, t, "booking_cancelled"), ctx.office.shortName),
    greeting: t.greeting(ctx.booking.name),
    headline: t.cancelled.headline,
    blocks: [
      { kind: "para", text: t.cancelled.lead },
      appointmentFacts(ctx, t, "booking_cancelled"),
      ...staffMessageBlock(ctx, t),
      ...rebookBlocks(ctx, t),
    ],
    office: ctx.office.shortName,
  }),
  booking_reminder: (ctx, t) => ({
    subject: t.reminder.subject(whenOf(ctx, t, "booking_reminder"), ctx.office.shortName),
    greeting: t.greeting(ctx.booking.name),
    headline: t.reminder.headline,
    blocks: [
      appointmentFacts(ctx, t, "booking_reminder"),
      codeBlock(ctx, t),
      { kind: "list", intro: t.bring.intro, items: t.bring.items },
      manageBlock(ctx, t),
      ...phoneBlock(ctx, t),
      { kind: "para", text: t.reminder.lead },
    ],
    office: ctx.office.shortName,
  }),
  request_received: (ctx, t) => {
    const b = ctx.booking;
    return {
      subject: t.requested.subject(ctx.office.shortName),
      greeting: t.greeting(b.name),
      headline: t.requested.headline,
      blocks: [
        { kind: "para", text: t.requested.lead },
        requestFacts(b, t),
        { kind: "para", text: t.requested.next },
        { kind: "link", intro: t.manageRequest.intro, label: t.manageRequest.link, url: ctx.manageUrl },
        ...phoneBlock(ctx, t),
      ],
      office: ctx.office.shortName,
    };
  },
  request_proposals: (ctx, t) => {
    const p = proposalsOf(ctx, "request_proposals");
    const deadline = p.deadline ? t.when(p.deadline, ctx.office.timeZone) : null;
    return {
      subject: t.proposals.subject(ctx.office.shortName),
      greeting: t.greeting(ctx.booking.name),
      headline: t.proposals.headline(p.open.length),
      blocks: [
        ...staffMessageBlock(ctx, t),
        ...choiceBlocks(ctx, t, p, t.proposals.lead(p.open.length), t.proposals.none),
        ...(deadline ? [{ kind: "para", text: t.proposals.deadline(deadline) } as const] : []),
        placeFacts(ctx, t),
        ...phoneBlock(ctx, t),
      ],
      office: ctx.office.shortName,
    };
  },
  proposals_withdrawn: (ctx, t) => {
    const p = proposalsOf(ctx, "proposals_withdrawn");
    const n = p.withdrawn.length;
    const deadline = p.deadline ? t.when(p.deadline, ctx.office.timeZone) : "";
    return {
      subject: t.withdrawn.subject(ctx.office.shortName),
      greeting: t.greeting(ctx.booking.name),
      headline: t.withdrawn.headline(n),
      blocks: [
        ...staffMessageBlock(ctx, t),
        { kind: "para", text: t.withdrawn.lead(n) },
        { kind: "facts", rows: p.withdrawn.map((time): [string, string] => [t.labels.when, timeInWords(time, ctx, t)]) },
        ...(p.open.length > 0 ? choiceBlocks(ctx, t, p, t.withdrawn.still(deadline), t.withdrawn.none) : [{ kind: "para", text: t.withdrawn.contact } as const]),
        placeFacts(ctx, t),
        ...phoneBlock(ctx, t),
      ],
      office: ctx.office.shortName,
    };
  },
  // A plain mail: the request had no time, so there is no invite to withdraw; the message is the point.
  request_declined: (ctx, t) => ({
    subject: t.declined.subject(ctx.office.shortName),
    greeting: t.greeting(ctx.booking.name),
    headline: t.declined.headline,
    blocks: [
      ...staffMessageBlock(ctx, t),
      { kind: "para", text: t.declined.lead },
      requestFacts(ctx.booking, t),
      ...rebookBlocks(ctx, t),
    ],
    office: ctx.office.shortName,
  }),
};

/** "Montag, 30. November 2026, 13:00 Uhr (bis 14:00 Uhr)": a proposed time in words. */
function timeInWords(time: MailTime, ctx: MailContext, t: Texts): string {
  const zone = ctx.office.timeZone;
  return `${t.when(time.startsAt, zone)} (${t.until(localTime(time.endsAt, zone))})`;
}

function proposalsOf(ctx: MailContext, kind: MailKind): MailProposals {
  if (!ctx.proposals) throw new Error(`${kind} needs the proposals (booking ${ctx.booking.id})`);
  return ctx.proposals;
}

/** The open times as links, "keiner passt" and the deadline; nothing when no time is open any more. */
function choiceBlocks(ctx: MailContext, t: Texts, p: MailProposals, intro: string, none: { intro: string; link: string }): Block[] {
  if (p.open.length === 0) return [];
  return [
    { kind: "choices", intro, items: p.open.map((time) => ({ label: timeInWords(time, ctx, t), url: time.url })) },
    { kind: "para", text: t.proposals.choose },
    { kind: "link", intro: none.intro, label: none.link, url: p.noneUrl },
  ];
}

/** Where the appointment would be, and its topic. */
function placeFacts(ctx: MailContext, t: Texts): Block {
  return {
    kind: "facts",
    rows: [
      [t.labels.topic, topic(ctx.booking, ctx.booking.locale)],
      [t.labels.where, `${ctx.office.name}\n${address(ctx.office)}`],
    ],
  };
}

/** What a request asked for: topic, days, times of day and the wish, as far as given. */
function requestFacts(b: MailBooking, t: Texts): Block {
  const rows: [string, string][] = [[t.labels.topic, topic(b, b.locale)]];
  if (b.preferredWeekdays?.length) {
    rows.push([t.labels.days, [...b.preferredWeekdays].sort((x, y) => x - y).map((d) => t.weekdays[d - 1] ?? String(d)).join(", ")]);
  }
  if (b.preferredTimes?.length) rows.push([t.labels.times, b.preferredTimes.map((x) => t.times[x]).join(", ")]);
  if (b.wish) rows.push([t.labels.wish, b.wish]);
  return { kind: "facts", rows };
}

/** The booking page: the front page of the site the manage link points into. */
function bookingPage(manageUrl: string): string {
  try {
    return `${new URL(manageUrl).origin}/`;
  } catch {
    return manageUrl;
  }
}

type LegalLink = [label: string, url: string];

/**
 * The office's Impressum, privacy notice and accessibility statement, in the mail's language, as absolute
 * links on the site the manage link points into: every mail a resident gets carries them.
 */
function legalLinks(ctx: MailContext): LegalLink[] {
  const origin = bookingPage(ctx.manageUrl).replace(/\/$/, "");
  const lang = ctx.booking.locale;
  return LEGAL_PAGES.map((page) => [LEGAL_LINK_TEXT[lang][page], `${origin}${legalPath(page, { lang, office: ctx.office.slug })}`]);
}

function renderText(body: Body, t: Texts, legal: LegalLink[]): string {
  const parts: string[] = [body.greeting, body.headline];
  for (const block of body.blocks) {
    switch (block.kind) {
      case "para":
        parts.push(block.text);
        break;
      case "facts":
        parts.push(block.rows.map(([label, value]) => `${label}: ${indented(value)}`).join("\n"));
        break;
      case "quote":
        parts.push(`${block.label}:\n  ${indented(block.text)}`);
        break;
      case "code":
        parts.push(`${block.label}: ${block.code}\n${block.hint}`);
        break;
      case "list":
        parts.push([block.intro, ...block.items.map((item) => `- ${item}`)].join("\n"));
        break;
      case "link":
        parts.push(`${block.intro}\n${block.url}`);
        break;
      case "choices":
        parts.push([block.intro, ...block.items.map((item) => `- ${item.label}\n  ${item.url}`)].join("\n"));
        break;
      case "phone":
        parts.push(`${block.intro} ${block.phone}`);
        break;
    }
  }
  parts.push(`${t.signOff}\n${body.office}`);
  parts.push(`--\n${legal.map(([label, url]) => `${label}: ${url}`).join("\n")}`);
  return `${parts.join("\n\n")}\n`;
}

/** Every line after the first indented by two spaces (the first follows its label). */
function indented(text: string): string {
  return text.replaceAll("\n", "\n  ");
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const multiline = (text: string) => escapeHtml(text).replaceAll("\n", "<br>");

/*
 * Mail clients drop <style> and external CSS, so the little styling there is sits inline; the markup
 * (headings, a list, a table with header cells, a real link) reads the same without any of it.
 */
function renderHtml(body: Body, locale: Locale, t: Texts, legal: LegalLink[]): string {
  const out: string[] = [];
  for (const block of body.blocks) {
    switch (block.kind) {
      case "para":
        out.push(`<p>${multiline(block.text)}</p>`);
        break;
      case "quote":
        out.push(`<p>${escapeHtml(block.label)}:<br>${multiline(block.text)}</p>`);
        break;
      case "facts":
        out.push(
          `<table role="presentation" style="border-collapse:collapse">${block.rows
            .map(
              ([label, value]) =>
                `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 16px 4px 0">${escapeHtml(label)}:</th>` +
                `<td style="padding:4px 0">${multiline(value)}</td></tr>`,
            )
            .join("")}</table>`,
        );
        break;
      case "code":
        out.push(
          `<h2 style="margin:24px 0 0;font-size:20px">${escapeHtml(block.label)}:</h2>` +
            `<p style="margin:4px 0;font-size:40px;font-weight:bold;letter-spacing:6px;font-family:monospace"><strong>${escapeHtml(block.code)}</strong></p>` +
            `<p>${escapeHtml(block.hint)}</p>` +
            // The kiosk's camera reads the bare code; the letters above stay the fallback for every client.
            `${qrTableHtml(block.code, { label: block.qr.label })}` +
            `<p>${escapeHtml(block.qr.hint)}</p>`,
        );
        break;
      case "list":
        out.push(`<p>${escapeHtml(block.intro)}</p><ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`);
        break;
      case "link":
        out.push(
          `<p>${escapeHtml(block.intro)}<br><a href="${escapeHtml(block.url)}" style="font-size:20px">${escapeHtml(block.label)}</a></p>`,
        );
        break;
      case "choices":
        out.push(
          `<p>${escapeHtml(block.intro)}</p><ul>${block.items
            .map((item) => `<li style="margin:8px 0"><a href="${escapeHtml(item.url)}" style="font-size:20px">${escapeHtml(item.label)}</a></li>`)
            .join("")}</ul>`,
        );
        break;
      case "phone":
        out.push(`<p>${escapeHtml(block.intro)} <a href="tel:${escapeHtml(telUri(block.phone))}">${escapeHtml(block.phone)}</a></p>`);
        break;
    }
  }
  return (
    `<!doctype html>\n<html lang="${locale}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(body.subject)}</title>\n</head>\n` +
    `<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a;background:#ffffff">\n` +
    `<p>${escapeHtml(body.greeting)}</p>\n<h1 style="font-size:26px;margin:16px 0">${escapeHtml(body.headline)}</h1>\n` +
    `${out.join("\n")}\n<p>${escapeHtml(t.signOff)}<br>${escapeHtml(body.office)}</p>\n` +
    `<hr>\n<p style="font-size:16px">${legal.map(([label, url]) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`).join(" · ")}</p>\n` +
    `</body>\n</html>\n`
  );
}

/** "0172 / 2315911" → "01722315911": what a tel: link dials. */
function telUri(phone: string): string {
  return phone.replace(/[^0-9+]/g, "");
}

// ---------------------------------------------------------------------------------------------------
// The invite

/**
 * The iCalendar invite. UID fixed per booking and SEQUENCE from the booking, so calendars update (or
 * remove, with METHOD:CANCEL) the one event they already have. Times are UTC (`…Z`): never floating,
 * and no VTIMEZONE that a client could read differently.
 */
function buildInvite(kind: MailKind, ctx: MailContext, method: "REQUEST" | "CANCEL", t: Texts): string {
  const { booking, office } = ctx;
  const { start, end } = startAndEnd(booking, kind);
  const organizerEmail = office.email ?? addressOf(ctx.from);
  const cancelled = method === "CANCEL";
  const description = cancelled
    ? t.inviteDescription.cancelled
    : [
        `${t.inviteDescription.code}: ${booking.code}`,
        `${t.inviteDescription.manage}: ${ctx.manageUrl}`,
        ...(office.phone ? [`${t.phone} ${office.phone}`] : []),
      ].join("\n");

  const calendar = ical({
    prodId: { company: "sprechstunde", product: "sprechstunde", language: booking.locale.toUpperCase() },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: `${booking.id}@sprechstunde`,
    sequence: booking.sequence,
    stamp: ctx.now,
    start,
    end,
    summary: `${topic(booking, booking.locale)} – ${office.shortName}`,
    location: `${office.shortName}, ${address(office)}`,
    description,
    ...(cancelled ? {} : { url: ctx.manageUrl }),
    organizer: organizerEmail ? { name: office.shortName, email: organizerEmail } : null,
    attendees: [
      {
        email: booking.email,
        name: booking.name,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.ACCEPTED,
        rsvp: false,
      },
    ],
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

/** The bare address of `"Name" <a@b.c>` or `a@b.c`; null when there is none. */
function addressOf(mailbox: string): string | null {
  const angle = /<([^<>]+)>\s*$/.exec(mailbox);
  const candidate = (angle ? angle[1]! : mailbox).trim();
  return /^[^\s@]+@[^\s@]+$/.test(candidate) ? candidate : null;
}

/**
 * A mail about no booking (a staff sign-in link, accessibility feedback to the office): no invite, no
 * dedupe key, its Message-ID from its outbox id.
 */
export function plainMail(kind: MailKind, m: { to: string; mailId: string; from: string }, body: { subject: string; text: string; html: string }): ComposedMail {
  return { kind, to: m.to, ...body, ics: null, icsMethod: null, messageId: messageIdFor(m.mailId, m.from), dedupeKey: null };
}

/** A mail's Message-ID: its outbox id at the sender's domain (kept when the mail is sent again). */
export function messageIdFor(mailId: string, from: string): string {
  return `<${mailId}@${domainOf(from) ?? "sprechstunde.local"}>`;
}

function domainOf(mailbox: string): string | null {
  const address = addressOf(mailbox);
  return address ? address.slice(address.lastIndexOf("@") + 1).toLowerCase() : null;
}
