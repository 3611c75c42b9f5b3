import nodemailer from "nodemailer";
import { simpleParser, type ParsedMail } from "mailparser";
import { parse as parseHtml } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { closureMessage, composeMail, hoursChangedMessage } from "../../worker/mail/compose";
import { mailTexts } from "../../worker/mail/i18n/mail";
import type { ComposedMail, MailKind } from "../../worker/mail/types";
import type { Locale } from "../../schemas/common";
import { RESIDENT_LOCALES } from "../../common/i18n/languages";
import { mailContext } from "./support/context";
import { readInvite, type Invite } from "./support/invite";

/*
 * Every mail a resident gets, in each of the six languages: composed, put through nodemailer as the
 * SMTP transport sends it (text, HTML and the invite as text/calendar), and read back with mailparser;
 * the invite read with ical.js. The phrases below are written out here, not read from the catalogs, so a
 * catalog that falls back to German (or to another language) fails.
 */

/** Topic names per language, as the office's texts carry them. */
const TOPIC = {
  de: "Kompetenzanalyse für Jüngere",
  en: "Skills assessment for young people",
  tr: "Gençler için yetkinlik analizi",
  ru: "Анализ компетенций для молодёжи",
  uk: "Аналіз компетенцій для молоді",
  ar: "تحليل الكفاءات للشباب",
};

interface Expected {
  /** A word of the date in the language (the month of 30 November 2026). */
  month: string;
  greeting: string;
  headline: Record<"booking_confirmed" | "booking_rescheduled" | "booking_cancelled" | "booking_reminder", string>;
  /** The invite's DESCRIPTION: the code's label (REQUEST), or the cancel line (CANCEL). */
  inviteCode: string;
  inviteCancelled: string;
  dir: "ltr" | "rtl";
}

const EXPECTED: Record<Locale, Expected> = {
  de: {
    month: "November",
    greeting: "Guten Tag Jürgen Müller,",
    headline: {
      booking_confirmed: "Ihr Termin ist gebucht.",
      booking_rescheduled: "Ihr Termin ist verschoben.",
      booking_cancelled: "Ihr Termin ist abgesagt.",
      booking_reminder: "Wir erinnern Sie an Ihren Termin.",
    },
    inviteCode: "Ihr Code für den Eingang: K7M2Q",
    inviteCancelled: "Dieser Termin ist abgesagt.",
    dir: "ltr",
  },
  en: {
    month: "November",
    greeting: "Hello Jürgen Müller,",
    headline: {
      booking_confirmed: "Your appointment is booked.",
      booking_rescheduled: "Your appointment has moved.",
      booking_cancelled: "Your appointment is cancelled.",
      booking_reminder: "A reminder of your appointment.",
    },
    inviteCode: "Your code for the entrance: K7M2Q",
    inviteCancelled: "This appointment is cancelled.",
    dir: "ltr",
  },
  tr: {
    month: "Kasım",
    greeting: "Merhaba Jürgen Müller,",
    headline: {
      booking_confirmed: "Randevunuz alındı.",
      booking_rescheduled: "Randevunuz değişti.",
      booking_cancelled: "Randevunuz iptal edildi.",
      booking_reminder: "Randevunuzu hatırlatıyoruz.",
    },
    inviteCode: "Giriş için giriş kodunuz: K7M2Q",
    inviteCancelled: "Bu randevu iptal edildi.",
    dir: "ltr",
  },
  ru: {
    month: "ноября",
    greeting: "Здравствуйте, Jürgen Müller!",
    headline: {
      booking_confirmed: "Вы записаны на приём.",
      booking_rescheduled: "Ваш приём перенесён.",
      booking_cancelled: "Ваш приём отменён.",
      booking_reminder: "Напоминаем вам о приёме.",
    },
    inviteCode: "Ваш код регистрации для входа: K7M2Q",
    inviteCancelled: "Этот приём отменён.",
    dir: "ltr",
  },
  uk: {
    month: "листопада",
    greeting: "Добрий день, Jürgen Müller!",
    headline: {
      booking_confirmed: "Ви записані на прийом.",
      booking_rescheduled: "Ваш прийом перенесено.",
      booking_cancelled: "Ваш прийом скасовано.",
      booking_reminder: "Нагадуємо вам про прийом.",
    },
    inviteCode: "Ваш код реєстрації для входу: K7M2Q",
    inviteCancelled: "Цей прийом скасовано.",
    dir: "ltr",
  },
  ar: {
    month: "نوفمبر",
    greeting: "مرحبًا Jürgen Müller،",
    headline: {
      booking_confirmed: "تم حجز موعدكم.",
      booking_rescheduled: "تم تغيير موعدكم.",
      booking_cancelled: "تم إلغاء موعدكم.",
      booking_reminder: "نذكّركم بموعدكم.",
    },
    inviteCode: "رمز تسجيل الحضور عند المدخل: K7M2Q",
    inviteCancelled: "تم إلغاء هذا الموعد.",
    dir: "rtl",
  },
};

const KINDS = ["booking_confirmed", "booking_rescheduled", "booking_cancelled", "booking_reminder"] as const;

/** Arabic-Indic and Extended Arabic-Indic digits: a time or code must never be written with them. */
const NON_LATIN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/;

function compose(kind: MailKind, locale: Locale): ComposedMail {
  // A moved or cancelled booking has been changed once: SEQUENCE 1.
  const sequence = kind === "booking_confirmed" || kind === "booking_reminder" ? 0 : 1;
  return composeMail(kind, mailContext({ locale, sequence, topicLabel: TOPIC }));
}

/** The message as the SMTP transport (worker/mail/transport.ts) hands it over, read back by mailparser. */
async function delivered(mail: ComposedMail): Promise<ParsedMail> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await transport.sendMail({
    from: '"Zukunft Kempten-Ost" <termine@example.org>',
    to: { name: "", address: mail.to },
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    ...(mail.ics === null ? {} : { icalEvent: { method: mail.icsMethod ?? "REQUEST", filename: "termin.ics", content: mail.ics } }),
    messageId: mail.messageId,
  });
  return simpleParser(info.message as Buffer);
}

const german = Object.fromEntries(KINDS.map((kind) => [kind, compose(kind, "de")])) as Record<(typeof KINDS)[number], ComposedMail>;

describe.each(RESIDENT_LOCALES.map((locale) => [locale] as const))("mails in %s", (locale) => {
  const e = EXPECTED[locale];

  it.each(KINDS.map((kind) => [kind] as const))("%s: subject, text and HTML in the language, parsed", async (kind) => {
    const mail = compose(kind, locale);
    const parsed = await delivered(mail);

    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.subject).toContain(e.month);
    expect(parsed.subject).toContain("13:00");
    expect(parsed.subject).toContain("Zukunft Kempten-Ost");

    const text = parsed.text ?? "";
    expect(text).toContain(e.greeting);
    expect(text).toContain(e.headline[kind]);
    expect(text).toContain(TOPIC[locale]);
    expect(text).toContain(e.month);
    if (kind !== "booking_cancelled") expect(text).toContain("K7M2Q");
    expect(text).not.toMatch(NON_LATIN_DIGITS);
    if (locale !== "de") {
      // Nothing of the German mail's own words is left (the office's name and address are German data).
      for (const word of ["Guten Tag", "Viele Grüße", "Termin", "Uhr", "Thema"]) expect(text).not.toContain(word);
    }

    const root = parseHtml(parsed.html || "");
    const html = root.querySelector("html")!;
    expect(html.getAttribute("lang")).toBe(locale);
    expect(html.getAttribute("dir")).toBe(e.dir);
    expect(root.querySelector("h1")!.text).toBe(e.headline[kind]);
    expect(root.querySelector("title")!.text).toBe(mail.subject);
    // The phone number reads left to right inside a right-to-left mail.
    expect(root.querySelector('a[href^="tel:"]')!.getAttribute("dir")).toBe("ltr");
    if (kind !== "booking_cancelled") {
      const code = root.querySelectorAll("bdi").find((b) => b.text === "K7M2Q");
      expect(code?.getAttribute("dir")).toBe("ltr");
    }
    // The legal links lead to the pages in the same language.
    const legal = root.querySelectorAll('a[href*="/datenschutz"]').map((a) => a.getAttribute("href"));
    expect(legal).toEqual([`https://termine.example.org/datenschutz?lang=${locale}&office=kempten-ost`]);
  });

  it("the invites: SUMMARY and DESCRIPTION in the language, everything else as in German", async () => {
    for (const kind of ["booking_confirmed", "booking_rescheduled", "booking_cancelled"] as const) {
      const mail = compose(kind, locale);
      const parsed = await delivered(mail);
      // The text/calendar part survives the trip through MIME unchanged.
      const calendarPart = parsed.attachments.find((a) => a.contentType === "text/calendar" || a.contentType === "application/ics");
      expect(calendarPart, `${kind}: a calendar part`).toBeTruthy();
      const invite = readInvite(calendarPart!.content.toString("utf8"));
      const reference = readInvite(german[kind].ics!);
      const [event] = invite.events;
      const [germanEvent] = reference.events;

      expect(event!.summary).toBe(`${TOPIC[locale]} – Zukunft Kempten-Ost`);
      if (kind === "booking_cancelled") {
        expect(event!.description).toBe(e.inviteCancelled);
      } else {
        // Arabic isolates the code with LRI … PDI (compose-bidi.test.ts); the words are the same.
        expect(event!.description.replace(/[\u2066\u2069]/g, "")).toContain(e.inviteCode);
        expect(event!.description).toContain("https://termine.example.org/verwalten/abc123?x=1&y=2");
      }
      if (locale !== "de") expect(event!.description).not.toBe(germanEvent!.description);

      const same = (i: Invite) => {
        const { summary: _s, description: _d, ...rest } = i.events[0]!;
        return { method: i.method, ...rest };
      };
      expect(same(invite)).toEqual(same(reference));
      expect(invite.method).toBe(kind === "booking_cancelled" ? "CANCEL" : "REQUEST");
      expect(event!.start).toEqual({ instant: "2026-11-30T12:00:00.000Z", form: "utc" });
    }
    // A reminder reminds; the calendar has the appointment already.
    expect(compose("booking_reminder", locale).ics).toBeNull();
  });
});

describe("numbers, plurals and the office's messages per language", () => {
  it("the headline of proposed times follows each language's plural rules", () => {
    const cases: [Locale, number, string][] = [
      ["de", 1, "Wir schlagen Ihnen einen Termin vor."],
      ["de", 3, "Wir schlagen Ihnen 3 Termine vor."],
      ["tr", 3, "Size 3 randevu öneriyoruz."],
      ["ru", 1, "Мы предлагаем вам 1 вариант времени приёма."],
      ["ru", 3, "Мы предлагаем вам 3 варианта времени приёма."],
      ["ru", 5, "Мы предлагаем вам 5 вариантов времени приёма."],
      ["ru", 21, "Мы предлагаем вам 21 вариант времени приёма."],
      ["uk", 2, "Ми пропонуємо вам 2 варіанти часу прийому."],
      ["uk", 11, "Ми пропонуємо вам 11 варіантів часу прийому."],
      ["ar", 1, "نقترح عليكم موعدًا."],
      ["ar", 2, "نقترح عليكم موعدين."],
      ["ar", 3, "نقترح عليكم 3 مواعيد."],
      ["ar", 11, "نقترح عليكم 11 موعدًا."],
      ["ar", 100, "نقترح عليكم 100 موعد."],
    ];
    for (const [locale, n, want] of cases) expect(mailTexts(locale).proposals.headline(n), `${locale} ${n}`).toBe(want);
  });

  it("a proposals mail in Arabic: two times, the Arabic dual, dates with Latin digits", () => {
    const url = (id: string) => `https://termine.example.org/verwalten/abc123?proposal=${id}`;
    const mail = composeMail(
      "request_proposals",
      mailContext(
        { kind: "request", startsAt: null, endsAt: null, locale: "ar", topicLabel: TOPIC },
        {
          proposals: {
            open: [
              { startsAt: new Date("2026-11-30T12:00:00Z"), endsAt: new Date("2026-11-30T13:00:00Z"), url: url("p1") },
              { startsAt: new Date("2026-12-02T08:00:00Z"), endsAt: new Date("2026-12-02T09:00:00Z"), url: url("p2") },
            ],
            noneUrl: url("none"),
            deadline: new Date("2026-11-26T07:00:00Z"),
            withdrawn: [],
          },
        },
      ),
    );
    expect(mail.text).toContain("نقترح عليكم موعدين.");
    expect(mail.text).toContain("يمكننا أن نعرض عليكم هذه الأوقات:");
    expect(mail.text).toContain("الساعة 13:00 (حتى الساعة 14:00)");
    expect(mail.text).toContain("الساعة 09:00 (حتى الساعة 10:00)");
    expect(mail.text).not.toMatch(NON_LATIN_DIGITS);
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
  });

  it("a topic the office has not named in the mail's language: its German name, marked German in the HTML", () => {
    const mail = composeMail("booking_confirmed", mailContext({ locale: "ar", topicLabel: { de: TOPIC.de, en: TOPIC.en } }));
    const cell = parseHtml(mail.html).querySelectorAll("td").find((td) => td.text === TOPIC.de);
    expect(cell?.getAttribute("lang")).toBe("de");
    expect(cell?.getAttribute("dir")).toBe("ltr");
    expect(readInvite(mail.ics!).events[0]!.summary).toBe(`${TOPIC.de} – Zukunft Kempten-Ost`);
    // Named in the language: no mark.
    const named = composeMail("booking_confirmed", mailContext({ locale: "ar", topicLabel: TOPIC }));
    expect(parseHtml(named.html).querySelectorAll("td").find((td) => td.text === TOPIC.ar)?.getAttribute("lang")).toBeUndefined();
  });

  it("a request's weekdays and times of day in the language", () => {
    const mail = composeMail(
      "request_received",
      mailContext({ kind: "request", startsAt: null, endsAt: null, locale: "uk", preferredWeekdays: [3, 1], preferredTimes: ["morning", "evening"], wish: "Після 16:00" }),
    );
    expect(mail.text).toContain("Дні: понеділок, середа");
    expect(mail.text).toContain("Час: до обіду, увечері");
    expect(mail.text).toContain("Ваше побажання: Після 16:00");
  });

  it("changed hours and closures: the office's message in the booking's language; a reason without that language in German", () => {
    expect(hoursChangedMessage("de")).toBe("Unsere Öffnungszeiten ändern sich. Zu dieser Zeit ist das Büro nicht mehr offen.");
    expect(hoursChangedMessage("tr")).toBe("Çalışma saatlerimiz değişiyor. Ofis bu saatte artık açık değil.");
    expect(new Set(RESIDENT_LOCALES.map(hoursChangedMessage)).size).toBe(6);
    const reason = { de: "Fortbildung", en: "Training" };
    expect(closureMessage("de", reason)).toBe("Das Büro ist an diesem Tag geschlossen. Grund: Fortbildung");
    expect(closureMessage("en", reason)).toBe("The office is closed on this day. Reason: Training");
    // The German reason kept apart, so the HTML part can mark it (compose-bidi.test.ts).
    expect(closureMessage("ru", reason)).toEqual({ before: "В этот день офис закрыт. Причина: ", value: "Fortbildung", lang: "de", after: "" });
    expect(closureMessage("ar", { ...reason, ar: "تدريب" })).toBe("المكتب مغلق في هذا اليوم. السبب: تدريب");
  });
});
