import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { Locale } from "../../schemas/common";
import { dateFormat } from "../../common/i18n/messages";
import { direction } from "../../common/i18n/languages";
import { qrTableHtml } from "../../kiosk/shared/qr";
import { LEGAL_LINK_TEXT, LEGAL_PAGES, legalPath } from "../../common/legal";
import { addDays, localDate, localTime, zonedInstant } from "../../common/time";
import { mailTexts, type MailTexts } from "./i18n/mail";
import type { ComposedMail, MailBooking, MailContext, MailKind, MailOffice, MailProposals, MailTime, StaffMessage } from "./types";

/*
 * Composes every mail the office sends: subject, plain text, HTML and, for appointments, the iCalendar
 * invite. Pure: no clock (ctx.now), no I/O, no randomness, so the same context always gives the same
 * message, byte for byte. The words come from the catalog of the booking's language (./i18n/mail/),
 * written in "einfache Sprache": short sentences, one thing per line. Dates are written in words by Intl
 * in that language, in the office's time zone, whatever zone the host runs in.
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

/** Builds the message of `kind` about `ctx.booking`. Throws when an appointment mail has no time. */
export function composeMail(kind: MailKind, ctx: MailContext): ComposedMail {
  const w = wordsFor(ctx.booking.locale);
  const body = BODIES[kind](ctx, w);
  const invite = INVITES[kind];
  const ics = invite ? buildInvite(kind, ctx, invite, w) : null;
  const legal = legalLinks(ctx);
  return {
    kind,
    to: ctx.booking.email,
    subject: body.subject,
    text: renderText(body, w, legal),
    html: renderHtml(body, w, legal),
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
  manage_links: null,
  staff_sign_in: null,
  accessibility_feedback: null,
};

// ---------------------------------------------------------------------------------------------------
// Words: the catalog worker/mail/i18n/mail/<language>.ts bound to the booking's language

/** "K7M2Q" → "K 7 M 2 Q": read out letter by letter, not as a word. */
const spelled = (code: string) => code.split("").join(" ");

/**
 * The mail's words in `locale`, with its dates: the day in words by Intl in the language (Arabic with
 * Latin digits, common/i18n/languages.ts), the clock time as "13:00", both in the office's time zone.
 */
interface Words {
  locale: Locale;
  t: MailTexts;
  /** "Montag, 30. November 2026, 13:00 Uhr". */
  when: (instant: Date, timeZone: string) => string;
  /** "Montag, 30. November 2026, 13:00 Uhr (bis 14:00 Uhr)". */
  span: (time: MailTime, timeZone: string) => string;
  /** The name of the ISO weekday `day` (1 Monday … 7 Sunday). */
  weekday: (day: number) => string;
}

function wordsFor(locale: Locale): Words {
  const t = mailTexts(locale);
  const days = new Map<string, Intl.DateTimeFormat>();
  const dayFormat = (timeZone: string) => {
    let f = days.get(timeZone);
    if (!f) days.set(timeZone, (f = dateFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone })));
    return f;
  };
  const weekdays = dateFormat(locale, { weekday: "long", timeZone: "UTC" });
  const when = (instant: Date, timeZone: string) => t.at({ date: dayFormat(timeZone).format(instant), time: localTime(instant, timeZone) });
  return {
    locale,
    t,
    when,
    span: (time, timeZone) => t.span({ when: when(time.startsAt, timeZone), until: t.until({ time: localTime(time.endsAt, timeZone) }) }),
    // 1 January 2024 was a Monday.
    weekday: (day) => (day >= 1 && day <= 7 ? weekdays.format(new Date(Date.UTC(2024, 0, day))) : String(day)),
  };
}

/** The office's message when changed opening hours cancel an appointment, in the booking's language. */
export function hoursChangedMessage(locale: Locale): string {
  return mailTexts(locale).hoursChanged;
}

/**
 * The office's message when a closure cancels an appointment, in the booking's language: that the office
 * is closed, and the reason as the office wrote it, in that language where it has one, else in German —
 * then kept apart from the sentence around it, so the HTML part marks it lang="de".
 */
export function closureMessage(locale: Locale, reason: { de: string } & Partial<Record<Locale, string | null>>): StaffMessage {
  const own = reason[locale];
  if (own || locale === "de") return mailTexts(locale).closed({ reason: own || reason.de });
  // The sentence with a mark where the reason goes, cut there: the catalog's words stay as they are.
  const mark = "\u0000";
  const [before = "", after = ""] = mailTexts(locale).closed({ reason: mark }).split(mark);
  return { before, value: reason.de, lang: "de", after };
}

/** A staff message as plain text. */
function messageText(message: StaffMessage): string {
  return typeof message === "string" ? message : `${message.before}${message.value}${message.after}`;
}


// ---------------------------------------------------------------------------------------------------
// Bodies: one neutral structure, rendered as plain text and as HTML

/*
 * Text that people wrote (a wish, a message from staff) may run over several lines. In the plain text
 * every such line is indented under its label, so no line of it can pass for a field of the mail
 * ("Ihr Code: …") or for a header; HTML escapes it and keeps its line breaks.
 */
type Block =
  | { kind: "para"; text: string }
  /** `lang`: the value is in another language than the mail (an office text shown in German), HTML marks it. */
  | { kind: "facts"; rows: [label: string, value: string, lang?: Locale][] }
  /** `lang`: the part of the text in another language than the mail (a closure reason in German). */
  | { kind: "quote"; label: string; text: string; foreign?: { before: string; value: string; lang: Locale; after: string } }
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

/**
 * The topic's name in `locale`, else in German: the one place that reads the booking's topic label
 * (office texts, stored per language; a missing language falls back to the German name).
 */
function topicLabel(ctx: MailContext, locale: Locale): { text: string; lang: Locale } {
  const label: { de: string } & Partial<Record<Locale, string | null | undefined>> = ctx.booking.topicLabel;
  const own = label[locale];
  return own ? { text: own, lang: locale } : { text: label.de, lang: "de" };
}

/** The facts' topic row: the topic's name, marked German where the office has none in the mail's language. */
function topicRow(ctx: MailContext, w: Words): [string, string, Locale] {
  const { text, lang } = topicLabel(ctx, w.locale);
  return [w.t.labels.topic, text, lang];
}

function startAndEnd(booking: MailBooking, kind: MailKind): { start: Date; end: Date } {
  if (!booking.startsAt || !booking.endsAt) throw new Error(`${kind} needs a booking with a time (booking ${booking.id})`);
  return { start: booking.startsAt, end: booking.endsAt };
}

function appointmentFacts(ctx: MailContext, w: Words, kind: MailKind): Block {
  const { start, end } = startAndEnd(ctx.booking, kind);
  const zone = ctx.office.timeZone;
  return {
    kind: "facts",
    rows: [
      topicRow(ctx, w),
      [w.t.labels.when, w.span({ startsAt: start, endsAt: end }, zone)],
      [w.t.labels.where, `${ctx.office.name}\n${address(ctx.office)}`],
    ],
  };
}

function phoneBlock(ctx: MailContext, w: Words): Block[] {
  return ctx.office.phone ? [{ kind: "phone", intro: w.t.phone, phone: ctx.office.phone }] : [];
}

/**
 * How to get a new appointment: the booking page books for the deployment's default office only, so
 * another office's residents are given its phone and e-mail instead of a page that would book elsewhere.
 */
function rebookBlocks(ctx: MailContext, w: Words): Block[] {
  const o = ctx.office;
  if (o.bookableOnline) return [{ kind: "para", text: w.t.rebook({ url: ltrIn(w.locale, bookingPage(ctx.manageUrl)) }) }, ...phoneBlock(ctx, w)];
  const blocks: Block[] = o.phone ? [{ kind: "phone", intro: w.t.rebookByPhone, phone: o.phone }] : [];
  if (o.email) blocks.push({ kind: "para", text: (blocks.length > 0 ? w.t.rebookByMailAlso : w.t.rebookByMail)({ email: ltrIn(w.locale, o.email) }) });
  return blocks;
}

function codeBlock(ctx: MailContext, w: Words): Block {
  return { kind: "code", label: w.t.labels.code, code: ctx.booking.code, hint: w.t.codeHint, qr: { label: w.t.qr.label({ code: spelled(ctx.booking.code) }), hint: w.t.qr.hint } };
}

function bringBlock(w: Words): Block {
  const b = w.t.bring;
  return { kind: "list", intro: b.intro, items: [b.cv, b.letters, b.questions] };
}

function manageBlock(ctx: MailContext, w: Words): Block {
  return { kind: "link", intro: w.t.manage.intro, label: w.t.manage.link, url: ctx.manageUrl };
}

/** What staff wrote to the resident, when they wrote something. */
function staffMessageBlock(ctx: MailContext, w: Words): Block[] {
  const m = ctx.staffMessage;
  if (!m) return [];
  return [{ kind: "quote", label: w.t.staffMessage, text: messageText(m), ...(typeof m === "string" ? {} : { foreign: m }) }];
}

function whenOf(ctx: MailContext, w: Words, kind: MailKind): string {
  return w.when(startAndEnd(ctx.booking, kind).start, ctx.office.timeZone);
}

const BODIES: Record<MailKind, (ctx: MailContext, w: Words) => Body> = {
  // Not about a booking: mail/sign-in.ts composes it, without a MailContext.
  staff_sign_in: () => {
    throw new Error("staff_sign_in mails are composed by mail/sign-in.ts");
  },
  // To the office, not to a resident: mail/feedback.ts composes it.
  accessibility_feedback: () => {
    throw new Error("accessibility_feedback mails are composed by mail/feedback.ts");
  },
  booking_confirmed: (ctx, w) => ({
    subject: w.t.confirmed.subject({ when: whenOf(ctx, w, "booking_confirmed"), office: ctx.office.shortName }),
    greeting: w.t.greeting({ name: ctx.booking.name }),
    headline: w.t.confirmed.headline,
    blocks: [
      ...staffMessageBlock(ctx, w),
      appointmentFacts(ctx, w, "booking_confirmed"),
      codeBlock(ctx, w),
      bringBlock(w),
      manageBlock(ctx, w),
      ...phoneBlock(ctx, w),
      { kind: "para", text: w.t.inviteHint },
    ],
    office: ctx.office.shortName,
  }),
  booking_rescheduled: (ctx, w) => ({
    subject: w.t.rescheduled.subject({ when: whenOf(ctx, w, "booking_rescheduled"), office: ctx.office.shortName }),
    greeting: w.t.greeting({ name: ctx.booking.name }),
    headline: w.t.rescheduled.headline,
    blocks: [
      ...staffMessageBlock(ctx, w),
      { kind: "para", text: w.t.rescheduled.lead },
      appointmentFacts(ctx, w, "booking_rescheduled"),
      codeBlock(ctx, w),
      bringBlock(w),
      manageBlock(ctx, w),
      ...phoneBlock(ctx, w),
      { kind: "para", text: w.t.inviteHint },
    ],
    office: ctx.office.shortName,
  }),
  booking_cancelled: (ctx, w) => ({
    subject: w.t.cancelled.subject({ when: whenOf(ctx, w, "booking_cancelled"), office: ctx.office.shortName }),
    greeting: w.t.greeting({ name: ctx.booking.name }),
    headline: w.t.cancelled.headline,
    blocks: [
      { kind: "para", text: w.t.cancelled.lead },
      appointmentFacts(ctx, w, "booking_cancelled"),
      ...staffMessageBlock(ctx, w),
      ...rebookBlocks(ctx, w),
    ],
    office: ctx.office.shortName,
  }),
  booking_reminder: (ctx, w) => ({
    subject: w.t.reminder.subject({ when: whenOf(ctx, w, "booking_reminder"), office: ctx.office.shortName }),
    greeting: w.t.greeting({ name: ctx.booking.name }),
    headline: w.t.reminder.headline,
    blocks: [
      appointmentFacts(ctx, w, "booking_reminder"),
      codeBlock(ctx, w),
      bringBlock(w),
      manageBlock(ctx, w),
      ...phoneBlock(ctx, w),
      { kind: "para", text: w.t.reminder.lead },
    ],
    office: ctx.office.shortName,
  }),
  request_received: (ctx, w) => {
    const b = ctx.booking;
    return {
      subject: w.t.requested.subject({ office: ctx.office.shortName }),
      greeting: w.t.greeting({ name: b.name }),
      headline: w.t.requested.headline,
      blocks: [
        { kind: "para", text: w.t.requested.lead },
        requestFacts(ctx, w),
        { kind: "para", text: w.t.requested.next },
        { kind: "link", intro: w.t.manageRequest.intro, label: w.t.manageRequest.link, url: ctx.manageUrl },
        ...phoneBlock(ctx, w),
      ],
      office: ctx.office.shortName,
    };
  },
  request_proposals: (ctx, w) => {
    const p = proposalsOf(ctx, "request_proposals");
    const deadline = p.deadline ? w.when(p.deadline, ctx.office.timeZone) : null;
    return {
      subject: w.t.proposals.subject({ office: ctx.office.shortName }),
      greeting: w.t.greeting({ name: ctx.booking.name }),
      headline: w.t.proposals.headline(p.open.length),
      blocks: [
        ...staffMessageBlock(ctx, w),
        ...choiceBlocks(ctx, w, p, p.open.length === 1 ? w.t.proposals.leadOne : w.t.proposals.leadMany, w.t.proposals.none),
        ...(deadline ? [{ kind: "para", text: w.t.proposals.deadline({ when: deadline }) } as const] : []),
        placeFacts(ctx, w),
        ...phoneBlock(ctx, w),
      ],
      office: ctx.office.shortName,
    };
  },
  proposals_withdrawn: (ctx, w) => {
    const p = proposalsOf(ctx, "proposals_withdrawn");
    const n = p.withdrawn.length;
    const deadline = p.deadline ? w.when(p.deadline, ctx.office.timeZone) : "";
    return {
      subject: w.t.withdrawn.subject({ office: ctx.office.shortName }),
      greeting: w.t.greeting({ name: ctx.booking.name }),
      headline: n === 1 ? w.t.withdrawn.headlineOne : w.t.withdrawn.headlineMany,
      blocks: [
        ...staffMessageBlock(ctx, w),
        { kind: "para", text: n === 1 ? w.t.withdrawn.leadOne : w.t.withdrawn.leadMany },
        { kind: "facts", rows: p.withdrawn.map((time): [string, string] => [w.t.labels.when, timeInWords(time, ctx, w)]) },
        ...(p.open.length > 0 ? choiceBlocks(ctx, w, p, w.t.withdrawn.still({ when: deadline }), w.t.withdrawn.none) : [{ kind: "para", text: w.t.withdrawn.contact } as const]),
        placeFacts(ctx, w),
        ...phoneBlock(ctx, w),
      ],
      office: ctx.office.shortName,
    };
  },
  // "Link verloren?": one link per active booking, newest first; no code (the links show it).
  manage_links: (ctx, w) => {
    if (!ctx.manageLinks) throw new Error(`manage_links needs the links (booking ${ctx.booking.id})`);
    const l = w.t.lostLink;
    return {
      subject: l.subject({ office: ctx.office.shortName }),
      greeting: w.t.greeting({ name: ctx.booking.name }),
      headline: l.headline,
      blocks: [
        { kind: "para", text: l.lead },
        ...ctx.manageLinks.map(({ booking, url }): Block => {
          const topic = topicLabel({ ...ctx, booking }, w.locale).text;
          return booking.kind === "slot" && booking.startsAt && booking.endsAt
            ? { kind: "link", intro: l.appointment({ topic, when: w.span({ startsAt: booking.startsAt, endsAt: booking.endsAt }, ctx.office.timeZone) }), label: w.t.manage.link, url }
            : { kind: "link", intro: l.request({ topic }), label: w.t.manageRequest.link, url };
        }),
        { kind: "para", text: l.ignore },
        ...phoneBlock(ctx, w),
      ],
      office: ctx.office.shortName,
    };
  },
  // A plain mail: the request had no time, so there is no invite to withdraw; the message is the point.
  request_declined: (ctx, w) => ({
    subject: w.t.declined.subject({ office: ctx.office.shortName }),
    greeting: w.t.greeting({ name: ctx.booking.name }),
    headline: w.t.declined.headline,
    blocks: [
      ...staffMessageBlock(ctx, w),
      { kind: "para", text: w.t.declined.lead },
      requestFacts(ctx, w),
      ...rebookBlocks(ctx, w),
    ],
    office: ctx.office.shortName,
  }),
};

/** "Montag, 30. November 2026, 13:00 Uhr (bis 14:00 Uhr)": a proposed time in words. */
function timeInWords(time: MailTime, ctx: MailContext, w: Words): string {
  return w.span(time, ctx.office.timeZone);
}

function proposalsOf(ctx: MailContext, kind: MailKind): MailProposals {
  if (!ctx.proposals) throw new Error(`${kind} needs the proposals (booking ${ctx.booking.id})`);
  return ctx.proposals;
}

/** The open times as links, "keiner passt" and the deadline; nothing when no time is open any more. */
function choiceBlocks(ctx: MailContext, w: Words, p: MailProposals, intro: string, none: { intro: string; link: string }): Block[] {
  if (p.open.length === 0) return [];
  return [
    { kind: "choices", intro, items: p.open.map((time) => ({ label: timeInWords(time, ctx, w), url: time.url })) },
    { kind: "para", text: w.t.proposals.choose },
    { kind: "link", intro: none.intro, label: none.link, url: p.noneUrl },
  ];
}

/** Where the appointment would be, and its topic. */
function placeFacts(ctx: MailContext, w: Words): Block {
  return {
    kind: "facts",
    rows: [
      topicRow(ctx, w),
      [w.t.labels.where, `${ctx.office.name}\n${address(ctx.office)}`],
    ],
  };
}

/** What a request asked for: topic, days, times of day and the wish, as far as given. */
function requestFacts(ctx: MailContext, w: Words): Block {
  const b = ctx.booking;
  const rows: [string, string, Locale?][] = [topicRow(ctx, w)];
  if (b.preferredWeekdays?.length) {
    rows.push([w.t.labels.days, [...b.preferredWeekdays].sort((x, y) => x - y).map(w.weekday).join(", ")]);
  }
  if (b.preferredTimes?.length) rows.push([w.t.labels.times, b.preferredTimes.map((x) => w.t.times[x]).join(", ")]);
  if (b.wish) rows.push([w.t.labels.wish, b.wish]);
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

/**
 * A phone number, code, URL or address inside right-to-left plain text (and an invite's DESCRIPTION),
 * where no markup can keep it left-to-right: wrapped in LRI … PDI (U+2066, U+2069), so "0831 2315911"
 * is not shown reversed around the Arabic words. Left-to-right languages get it as it is: nothing there
 * to isolate, and some plain-text clients show the marks as boxes.
 */
function ltrIn(locale: Locale, text: string): string {
  return direction(locale) === "rtl" ? `\u2066${text}\u2069` : text;
}

function renderText(body: Body, w: Words, legal: LegalLink[]): string {
  const ltr = (text: string) => ltrIn(w.locale, text);
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
        parts.push(`${block.label}: ${ltr(block.code)}\n${block.hint}`);
        break;
      case "list":
        parts.push([block.intro, ...block.items.map((item) => `- ${item}`)].join("\n"));
        break;
      case "link":
        parts.push(`${block.intro}\n${ltr(block.url)}`);
        break;
      case "choices":
        parts.push([block.intro, ...block.items.map((item) => `- ${item.label}\n  ${ltr(item.url)}`)].join("\n"));
        break;
      case "phone":
        parts.push(`${block.intro} ${ltr(block.phone)}`);
        break;
    }
  }
  parts.push(`${w.t.signOff}\n${body.office}`);
  parts.push(`--\n${legal.map(([label, url]) => `${label}: ${ltr(url)}`).join("\n")}`);
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

/** The mail's sentence with a value in another language marked with that language (and its direction). */
function foreignHtml(f: { before: string; value: string; lang: Locale; after: string }, mailLocale: Locale): string {
  const value = f.lang === mailLocale ? multiline(f.value) : `<span lang="${f.lang}" dir="${direction(f.lang)}">${multiline(f.value)}</span>`;
  return `${multiline(f.before)}${value}${multiline(f.after)}`;
}

/*
 * Mail clients drop <style> and external CSS, so the little styling there is sits inline; the markup
 * (headings, a list, a table with header cells, a real link) reads the same without any of it.
 */
function renderHtml(body: Body, w: Words, legal: LegalLink[]): string {
  const out: string[] = [];
  for (const block of body.blocks) {
    switch (block.kind) {
      case "para":
        out.push(`<p>${multiline(block.text)}</p>`);
        break;
      case "quote":
        out.push(`<p>${escapeHtml(block.label)}:<br>${block.foreign ? foreignHtml(block.foreign, w.locale) : multiline(block.text)}</p>`);
        break;
      case "facts":
        out.push(
          `<table role="presentation" style="border-collapse:collapse">${block.rows
            .map(
              ([label, value, lang]) =>
                `<tr><th scope="row" style="text-align:start;vertical-align:top;padding-block:4px;padding-inline:0 16px">${escapeHtml(label)}:</th>` +
                `<td style="padding-block:4px"${lang && lang !== w.locale ? ` lang="${lang}" dir="${direction(lang)}"` : ""}>${multiline(value)}</td></tr>`,
            )
            .join("")}</table>`,
        );
        break;
      case "code":
        out.push(
          `<h2 style="margin:24px 0 0;font-size:20px">${escapeHtml(block.label)}:</h2>` +
            `<p style="margin:4px 0;font-size:40px;font-weight:bold;letter-spacing:6px;font-family:monospace"><strong><bdi dir="ltr">${escapeHtml(block.code)}</bdi></strong></p>` +
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
        out.push(`<p>${escapeHtml(block.intro)} <a href="tel:${escapeHtml(telUri(block.phone))}" dir="ltr">${escapeHtml(block.phone)}</a></p>`);
        break;
    }
  }
  return (
    `<!doctype html>\n<html lang="${w.locale}" dir="${direction(w.locale)}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(body.subject)}</title>\n</head>\n` +
    `<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a;background:#ffffff">\n` +
    `<p>${escapeHtml(body.greeting)}</p>\n<h1 style="font-size:26px;margin:16px 0">${escapeHtml(body.headline)}</h1>\n` +
    `${out.join("\n")}\n<p>${escapeHtml(w.t.signOff)}<br>${escapeHtml(body.office)}</p>\n` +
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
function buildInvite(kind: MailKind, ctx: MailContext, method: "REQUEST" | "CANCEL", w: Words): string {
  const { booking, office } = ctx;
  const { start, end } = startAndEnd(booking, kind);
  const organizerEmail = office.email ?? addressOf(ctx.from);
  const cancelled = method === "CANCEL";
  const description = cancelled
    ? w.t.inviteDescription.cancelled
    : [
        `${w.t.inviteDescription.code}: ${ltrIn(w.locale, booking.code)}`,
        `${w.t.inviteDescription.manage}: ${ltrIn(w.locale, ctx.manageUrl)}`,
        ...(office.phone ? [`${w.t.phone} ${ltrIn(w.locale, office.phone)}`] : []),
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
    summary: `${topicLabel(ctx, booking.locale).text} – ${office.shortName}`,
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
