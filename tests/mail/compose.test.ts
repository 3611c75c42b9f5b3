import { describe, expect, it } from "vitest";
import { qrMatrix } from "../../kiosk/shared/qr";
import { composeMail, reminderTime } from "../../worker/mail/compose";
import { composeFeedbackMail, parseFeedbackText, type FeedbackFields } from "../../worker/mail/feedback";
import type { MailKind } from "../../worker/mail/types";
import { BOOKING, OFFICE, mailContext } from "./support/context";
import { readInvite } from "./support/invite";

/*
 * composeMail and reminderTime, in Node under two host zones (TZ=UTC and TZ=Pacific/Kiritimati): the office
 * zone must come from the office, never from the machine. The invite is read back with ical.js.
 */

const BERLIN = "Europe/Berlin";

function invite(kind: MailKind, ...args: Parameters<typeof mailContext>) {
  const mail = composeMail(kind, mailContext(...args));
  if (mail.ics === null) throw new Error(`${kind} has no invite`);
  return { mail, invite: readInvite(mail.ics) };
}

describe("the confirmation's invite, field by field", () => {
  it.each([
    // starts (UTC), ends (UTC), in words (Berlin), until, why this one
    ["2026-11-30T12:00:00.000Z", "2026-11-30T13:00:00.000Z", "Montag, 30. November 2026, 13:00 Uhr", "14:00", "winter, +01:00"],
    ["2026-07-13T11:00:00.000Z", "2026-07-13T11:30:00.000Z", "Montag, 13. Juli 2026, 13:00 Uhr", "13:30", "summer, +02:00"],
    ["2026-03-30T11:00:00.000Z", "2026-03-30T12:00:00.000Z", "Montag, 30. März 2026, 13:00 Uhr", "14:00", "the Monday after spring forward"],
    ["2026-10-21T07:00:00.000Z", "2026-10-21T07:30:00.000Z", "Mittwoch, 21. Oktober 2026, 09:00 Uhr", "09:30", "the Wednesday before fall back"],
    ["2026-10-26T12:00:00.000Z", "2026-10-26T13:00:00.000Z", "Montag, 26. Oktober 2026, 13:00 Uhr", "14:00", "the Monday after fall back"],
    ["2026-10-25T00:30:00.000Z", "2026-10-25T02:30:00.000Z", "Sonntag, 25. Oktober 2026, 02:30 Uhr", "03:30", "across the doubled hour"],
    ["2026-11-30T23:30:00.000Z", "2026-12-01T00:00:00.000Z", "Dienstag, 1. Dezember 2026, 00:30 Uhr", "01:00", "already tomorrow in Kempten, not in UTC"],
  ])("%s–%s is %s (%s)", (starts, ends, words, until) => {
    const { mail, invite: cal } = invite("booking_confirmed", { startsAt: new Date(starts), endsAt: new Date(ends) });

    expect(mail.icsMethod).toBe("REQUEST");
    expect(cal.method).toBe("REQUEST");
    expect(cal.events).toHaveLength(1);
    const event = cal.events[0]!;
    expect(event.uid).toBe(`${BOOKING.id}@sprechstunde`);
    expect(event.sequence).toBe(0);
    expect(event.status).toBe("CONFIRMED");
    expect(event.stamp).toBe("2026-11-24T07:00:00.000Z");
    expect(event.start).toEqual({ instant: starts, form: "utc" });
    expect(event.end).toEqual({ instant: ends, form: "utc" });
    expect(event.organizer).toEqual({ address: "buero@example.org", cn: "Zukunft Kempten-Ost" });
    expect(event.attendees).toEqual([
      { address: "juergen.mueller@example.org", cn: "Jürgen Müller", rsvp: "FALSE", partstat: "ACCEPTED" },
    ]);
    expect(event.location).toBe("Zukunft Kempten-Ost, Anton-Fehr-Str. 6, Kempten (Allgäu)");
    expect(event.summary).toBe("Kompetenzanalyse für Jüngere – Zukunft Kempten-Ost");
    expect(event.description).toContain("https://termine.example.org/verwalten/abc123?x=1&y=2");
    expect(event.description).toContain("K7M2Q");

    expect(mail.subject).toBe(`Ihr Termin am ${words} – Zukunft Kempten-Ost`);
    expect(mail.text).toContain(`Wann: ${words} (bis ${until} Uhr)`);
    expect(mail.html).toContain(`${words} (bis ${until} Uhr)`);
  });

  it("writes every time as UTC or with a TZID that has its VTIMEZONE, never floating", () => {
    const { mail } = invite("booking_confirmed");
    const times = mail.ics!.split("\r\n").filter((line) => /^DT(START|END|STAMP)[;:]/.test(line));
    expect(times).toHaveLength(3);
    for (const line of times) {
      const utc = /^DT[A-Z]+:\d{8}T\d{6}Z$/.test(line);
      const zoned = /^DT[A-Z]+;TZID=([^:;]+):\d{8}T\d{6}$/.exec(line);
      expect(utc || (zoned !== null && mail.ics!.includes(`BEGIN:VTIMEZONE\r\nTZID:${zoned[1]}`)), line).toBe(true);
    }
  });

  it("names the office as organizer, from MAIL_FROM when the office has no address, and no one else as attendee", () => {
    const { invite: cal } = invite("booking_confirmed", {}, { office: { ...OFFICE, email: null } });
    const event = cal.events[0]!;
    expect(event.organizer).toEqual({ address: "termine@example.org", cn: "Zukunft Kempten-Ost" });
    expect(event.attendees.map((a) => a.address)).toEqual(["juergen.mueller@example.org"]);
  });
});

describe("one event through its life: confirm → reschedule → cancel", () => {
  it("keeps the UID, raises SEQUENCE, and ends with METHOD:CANCEL and STATUS:CANCELLED", () => {
    const moved = { startsAt: new Date("2026-12-02T08:00:00Z"), endsAt: new Date("2026-12-02T09:00:00Z") };
    const steps = [
      invite("booking_confirmed", { sequence: 0 }, { mailId: "m1" }),
      invite("booking_rescheduled", { sequence: 1, ...moved }, { mailId: "m2" }),
      invite("booking_cancelled", { sequence: 2, ...moved }, { mailId: "m3" }),
    ];
    expect(steps.map((s) => [s.mail.icsMethod, s.invite.method, s.invite.events[0]!.status, s.invite.events[0]!.sequence])).toEqual([
      ["REQUEST", "REQUEST", "CONFIRMED", 0],
      ["REQUEST", "REQUEST", "CONFIRMED", 1],
      ["CANCEL", "CANCEL", "CANCELLED", 2],
    ]);
    expect(new Set(steps.map((s) => s.invite.events[0]!.uid))).toEqual(new Set([`${BOOKING.id}@sprechstunde`]));
    expect(steps[1]!.invite.events[0]!.start.instant).toBe("2026-12-02T08:00:00.000Z");
    expect(steps[1]!.mail.subject).toBe("Ihr Termin ist verschoben: Mittwoch, 2. Dezember 2026, 09:00 Uhr – Zukunft Kempten-Ost");
    expect(steps[2]!.mail.subject).toBe("Ihr Termin am Mittwoch, 2. Dezember 2026, 09:00 Uhr ist abgesagt – Zukunft Kempten-Ost");
    expect(steps[2]!.mail.text).toContain("Ihr Termin ist abgesagt.");
    expect(steps[2]!.mail.text).toContain("https://termine.example.org/");
    expect(steps.map((s) => s.mail.messageId)).toEqual(["<m1@example.org>", "<m2@example.org>", "<m3@example.org>"]);
  });
});

describe("the words of the confirmation", () => {
  it("has everything a visitor needs, in German by default", () => {
    const mail = composeMail("booking_confirmed", mailContext());
    for (const part of [
      "Guten Tag Jürgen Müller,",
      "Ihr Termin ist gebucht.",
      "Thema: Kompetenzanalyse für Jüngere",
      "Wann: Montag, 30. November 2026, 13:00 Uhr (bis 14:00 Uhr)",
      "Anton-Fehr-Str. 6, Kempten (Allgäu)",
      "Ihr Code: K7M2Q",
      "Bringen Sie gern mit:\n- Ihren Lebenslauf",
      "Jobcenter",
      "https://termine.example.org/verwalten/abc123?x=1&y=2",
      "Rufen Sie uns an: 0172 / 2315911",
    ]) {
      expect(mail.text).toContain(part);
    }
    expect(mail.to).toBe("juergen.mueller@example.org");
    expect(mail.html).toContain('<html lang="de" dir="ltr">');
    expect(mail.html).toContain("Guten Tag Jürgen Müller,");
    expect(mail.html).toMatch(/font-size:40px[^>]*><strong><bdi dir="ltr">K7M2Q<\/bdi><\/strong>/);
    expect(mail.html).toContain('href="https://termine.example.org/verwalten/abc123?x=1&amp;y=2"');
    expect(mail.html).toContain('<a href="tel:01722315911" dir="ltr">0172 / 2315911</a>');
  });

  it("writes the postal code when the office has one", () => {
    const mail = composeMail("booking_confirmed", mailContext({}, { office: { ...OFFICE, postalCode: "87435" } }));
    expect(mail.text).toContain("Anton-Fehr-Str. 6, 87435 Kempten (Allgäu)");
    expect(readInvite(mail.ics!).events[0]!.location).toBe("Zukunft Kempten-Ost, Anton-Fehr-Str. 6, 87435 Kempten (Allgäu)");
  });

  it("speaks English when the booking was made in English", () => {
    const mail = composeMail("booking_confirmed", mailContext({ locale: "en" }));
    expect(mail.subject).toBe("Your appointment on Monday, 30 November 2026, 13:00 – Zukunft Kempten-Ost");
    expect(mail.text).toContain("Hello Jürgen Müller,");
    expect(mail.text).toContain("Topic: Skills assessment for young people");
    expect(mail.text).toContain("When: Monday, 30 November 2026, 13:00 (until 14:00)");
    expect(mail.text).toContain("Call us: 0172 / 2315911");
    expect(mail.text).not.toContain("Guten Tag");
    expect(mail.html).toContain('<html lang="en" dir="ltr">');
    expect(readInvite(mail.ics!).events[0]!.summary).toBe("Skills assessment for young people – Zukunft Kempten-Ost");
  });

  it("escapes what people type into the HTML and keeps it verbatim in text and invite", () => {
    const name = `<script>alert("x")</script> & 'Ölçer'`;
    const mail = composeMail("booking_confirmed", mailContext({ name }));
    expect(mail.html).not.toContain("<script");
    expect(mail.html).toContain("Guten Tag &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Ölçer&#39;,");
    expect(mail.text).toContain(`Guten Tag ${name},`);
    expect(readInvite(mail.ics!).events[0]!.attendees.map((a) => a.cn)).toEqual([name]);
  });

  it("gives the same message for the same context (no clock, no randomness)", () => {
    expect(composeMail("booking_confirmed", mailContext())).toEqual(composeMail("booking_confirmed", mailContext()));
  });

  it("refuses an appointment mail for a booking without a time", () => {
    expect(() => composeMail("booking_confirmed", mailContext({ startsAt: null, endsAt: null }))).toThrow(/needs a booking with a time/);
  });
});

describe("Message-ID, dedupe key and invite per kind", () => {
  it.each([
    ["booking_confirmed", "REQUEST", null],
    ["booking_rescheduled", "REQUEST", null],
    ["booking_cancelled", "CANCEL", null],
    ["booking_reminder", null, `reminder:${BOOKING.id}:3`],
    ["request_received", null, null],
  ] as const)("%s: invite %s, dedupe key %s", (kind, method, dedupeKey) => {
    const mail = composeMail(kind, mailContext({ sequence: 3 }, { mailId: "abc" }));
    expect(mail.kind).toBe(kind);
    expect(mail.icsMethod).toBe(method);
    expect(mail.ics === null).toBe(method === null);
    if (mail.ics) expect(mail.ics).toContain(`\r\nMETHOD:${method}\r\n`);
    expect(mail.dedupeKey).toBe(dedupeKey);
    expect(mail.messageId).toBe("<abc@example.org>");
  });

  it.each([
    ["termine@Example.ORG", "<m@example.org>"],
    ['"Büro" <termine@mail.example.org>', "<m@mail.example.org>"],
    ["sprechstunde", "<m@sprechstunde.local>"],
  ])("From %s gives Message-ID %s", (from, messageId) => {
    expect(composeMail("booking_confirmed", mailContext({}, { from, mailId: "m" })).messageId).toBe(messageId);
  });
});

describe("the reminder", () => {
  it("reminds of the time, the code and the manage link, without an invite", () => {
    const mail = composeMail("booking_reminder", mailContext());
    expect(mail.subject).toBe("Erinnerung: Ihr Termin am Montag, 30. November 2026, 13:00 Uhr – Zukunft Kempten-Ost");
    expect(mail.text).toContain("K7M2Q");
    expect(mail.text).toContain("https://termine.example.org/verwalten/abc123?x=1&y=2");
    expect(mail.ics).toBeNull();
  });

  it.each([
    // appointment (UTC), reminder (UTC), why
    ["2026-11-30T12:00:00Z", "2026-11-29T16:00:00.000Z", "winter: 17:00 CET on Sunday"],
    ["2026-07-13T11:00:00Z", "2026-07-12T15:00:00.000Z", "summer: 17:00 CEST"],
    ["2026-03-30T11:00:00Z", "2026-03-29T15:00:00.000Z", "Monday after spring forward: the day before is already CEST"],
    ["2026-03-29T10:00:00Z", "2026-03-28T16:00:00.000Z", "on the spring-forward Sunday: the day before is still CET"],
    ["2026-10-26T12:00:00Z", "2026-10-25T16:00:00.000Z", "Monday after fall back: the day before is already CET"],
    ["2026-10-25T10:00:00Z", "2026-10-24T15:00:00.000Z", "on the fall-back Sunday: the day before is still CEST"],
    ["2026-11-30T23:30:00Z", "2026-11-30T16:00:00.000Z", "00:30 on 1 December local: the day before is 30 November"],
    ["2027-01-01T09:00:00Z", "2026-12-31T16:00:00.000Z", "across the new year"],
  ])("%s → %s (%s)", (startsAt, expected) => {
    expect(reminderTime(new Date(startsAt), BERLIN).toISOString()).toBe(expected);
  });
});

describe("the request received", () => {
  it("repeats what was asked, says what happens next, and has no invite or check-in code", () => {
    const mail = composeMail(
      "request_received",
      mailContext({
        kind: "request",
        startsAt: null,
        endsAt: null,
        preferredWeekdays: [5, 2],
        preferredTimes: ["morning", "evening"],
        wish: "Bitte nach 16 Uhr <wegen Arbeit> & Kita",
      }),
    );
    expect(mail.subject).toBe("Ihre Anfrage ist angekommen – Zukunft Kempten-Ost");
    expect(mail.ics).toBeNull();
    expect(mail.icsMethod).toBeNull();
    expect(mail.text).toContain("Thema: Kompetenzanalyse für Jüngere");
    expect(mail.text).toContain("Tage: Dienstag, Freitag");
    expect(mail.text).toContain("Uhrzeit: vormittags, abends");
    expect(mail.text).toContain("Ihr Wunsch: Bitte nach 16 Uhr <wegen Arbeit> & Kita");
    expect(mail.text).toContain("Wir melden uns bei Ihnen");
    expect(mail.text).toContain("https://termine.example.org/verwalten/abc123?x=1&y=2");
    expect(mail.text).not.toContain("K7M2Q");
    expect(mail.html).toContain("Bitte nach 16 Uhr &lt;wegen Arbeit&gt; &amp; Kita");
  });
});

describe("the check-in QR code in the HTML part", () => {
  /** The QR table of a mail read back as modules: each cell is `colspan` modules, dark with a bgcolor. */
  function qrOf(html: string): boolean[][] | null {
    const table = /<table role="img"[^>]*>(.*?)<\/table>/.exec(html);
    if (!table) return null;
    return [...table[1]!.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row]) =>
      [...row!.matchAll(/<td([^>]*)><\/td>/g)].flatMap(([, attrs]) =>
        Array<boolean>(Number(/colspan="(\d+)"/.exec(attrs!)?.[1] ?? 1)).fill(/bgcolor="#000000"/.test(attrs!)),
      ),
    );
  }

  it.each(["booking_confirmed", "booking_rescheduled", "booking_reminder"] as const)(
    "%s: a table that reads back as the QR code of the bare check-in code, right after the code",
    (kind) => {
      const mail = composeMail(kind, mailContext({ code: "DJRJM4" }));
      expect(qrOf(mail.html)).toEqual(qrMatrix("DJRJM4"));
      expect(mail.html.indexOf('role="img"')).toBeGreaterThan(mail.html.indexOf("<strong>DJRJM4</strong>"));
      expect(mail.html).toContain('aria-label="QR-Code für die Anmeldung mit dem Code D J R J M 4"');
      expect(mail.html).toContain("<p>Hat das Tablet eine Kamera, können Sie dort auch diesen QR-Code zeigen.</p>");
      // The plain text keeps the letters only; the code itself is the fallback everywhere.
      expect(mail.text).not.toMatch(/QR/);
      expect(mail.text).toContain("Ihr Code: DJRJM4");
    },
  );

  it("uses no SVG, no image and no data: URL, which mail clients block", () => {
    const { html } = composeMail("booking_confirmed", mailContext());
    expect(html).not.toMatch(/<svg|<img|data:/i);
    expect(html.length).toBeLessThan(16_000);
  });

  it("speaks English when the booking does", () => {
    const { html } = composeMail("booking_confirmed", mailContext({ locale: "en" }));
    expect(html).toContain('aria-label="QR code to check in with the code K 7 M 2 Q"');
    expect(html).toContain("<p>If the tablet has a camera, you can also show it this QR code.</p>");
    expect(qrOf(html)).toEqual(qrMatrix("K7M2Q"));
  });

  it.each(["booking_cancelled", "request_received"] as const)("%s has no QR code", (kind) => {
    const over = kind === "request_received" ? { kind: "request" as const, startsAt: null, endsAt: null } : {};
    expect(qrOf(composeMail(kind, mailContext(over)).html)).toBeNull();
  });
});

describe("mails after a staff decision (issue 5)", () => {
  const request = { kind: "request" as const, startsAt: null, endsAt: null, preferredWeekdays: [3], preferredTimes: ["evening" as const], wish: "Nach der Arbeit" };

  it("request_declined: a plain mail with the staff's message, what was asked, the booking page, no link to the request", () => {
    const mail = composeMail("request_declined", mailContext(request, { staffMessage: "Abends haben wir leider nie geöffnet.\nRufen Sie uns gern an <bitte>." }));
    expect(mail.kind).toBe("request_declined");
    expect(mail.subject).toBe("Antwort auf Ihre Anfrage – Zukunft Kempten-Ost");
    expect(mail.ics).toBeNull();
    expect(mail.icsMethod).toBeNull();
    expect(mail.dedupeKey).toBeNull();
    expect(mail.to).toBe("juergen.mueller@example.org");
    expect(mail.text).toContain("Guten Tag Jürgen Müller,\n\nLeider können wir Ihnen dafür keinen Termin geben.");
    expect(mail.text).toContain("Nachricht vom Büro:\n  Abends haben wir leider nie geöffnet.\n  Rufen Sie uns gern an <bitte>.");
    expect(mail.text).toContain("Thema: Kompetenzanalyse für Jüngere\nTage: Mittwoch\nUhrzeit: abends\nIhr Wunsch: Nach der Arbeit");
    expect(mail.text).toContain("Hier können Sie buchen: https://termine.example.org/");
    expect(mail.text).not.toContain("abc123");
    expect(mail.text).toContain("0172 / 2315911");
    expect(mail.html).toContain("Rufen Sie uns gern an &lt;bitte&gt;.");
    expect(mail.html).not.toContain("<bitte>");
  });

  it("request_declined speaks English when the request was made in English", () => {
    const mail = composeMail("request_declined", mailContext({ ...request, locale: "en" }, { staffMessage: "We are closed in the evening." }));
    expect(mail.subject).toBe("Reply to your request – Zukunft Kempten-Ost");
    expect(mail.text).toContain("Unfortunately, we cannot give you an appointment for this.");
    expect(mail.text).toContain("Message from the office:\n  We are closed in the evening.");
    expect(mail.text).toContain("Days: Wednesday");
  });

  it("a proposed time: the confirmation with the staff's message first and the usual invite", () => {
    const { mail, invite: cal } = invite("booking_confirmed", { sequence: 1 }, { staffMessage: "Wir haben am Freitag Zeit für Sie." });
    expect(mail.text.indexOf("Nachricht vom Büro:\n  Wir haben am Freitag Zeit für Sie.")).toBeLessThan(mail.text.indexOf("Thema:"));
    expect(mail.text.indexOf("Ihr Termin ist gebucht.")).toBeLessThan(mail.text.indexOf("Nachricht vom Büro"));
    expect(cal.method).toBe("REQUEST");
    expect(cal.events[0]!.sequence).toBe(1);
  });

  it("a cancel by staff carries the message after the cancelled appointment; without one, no message block", () => {
    const withMessage = composeMail("booking_cancelled", mailContext({ sequence: 2 }, { staffMessage: "Frau Kull ist krank." }));
    expect(withMessage.text).toContain("Nachricht vom Büro:\n  Frau Kull ist krank.");
    expect(withMessage.text.indexOf("Wann:")).toBeLessThan(withMessage.text.indexOf("Nachricht vom Büro"));
    expect(readInvite(withMessage.ics!).events[0]).toMatchObject({ sequence: 2, status: "CANCELLED" });
    for (const kind of ["booking_confirmed", "booking_rescheduled", "booking_cancelled"] as const) {
      expect(composeMail(kind, mailContext()).text).not.toContain("Nachricht vom Büro");
    }
  });
});

describe("proposed times: one link per time, 'keiner passt' and the deadline; no invite before a time is chosen", () => {
  const request = { kind: "request" as const, startsAt: null, endsAt: null, preferredWeekdays: [1] };
  const link = (choice: string) => `https://termine.example.org/manage?proposal=${choice}#tok`;
  const times = [
    { startsAt: new Date("2026-11-30T12:00:00Z"), endsAt: new Date("2026-11-30T13:00:00Z"), url: link("p1") },
    // Summer time: the office's offset, whatever the host's zone.
    { startsAt: new Date("2027-04-05T11:00:00Z"), endsAt: new Date("2027-04-05T12:00:00Z"), url: link("p2") },
  ];
  const proposals = { open: times, noneUrl: link("none"), deadline: new Date("2026-11-26T07:00:00Z"), withdrawn: [] };

  it("request_proposals in German: each time in words with its link, 'Keine Zeit passt', until when", () => {
    const mail = composeMail("request_proposals", mailContext(request, { proposals, staffMessage: "Ich freue mich auf Sie." }));
    expect(mail).toMatchObject({ subject: "Wir schlagen Ihnen einen Termin vor – Zukunft Kempten-Ost", ics: null, icsMethod: null, dedupeKey: null });
    expect(mail.text).toContain("Wir schlagen Ihnen 2 Termine vor.");
    expect(mail.text).toContain(
      "Diese Zeiten können wir Ihnen anbieten:\n" +
        `- Montag, 30. November 2026, 13:00 Uhr (bis 14:00 Uhr)\n  ${link("p1")}\n` +
        `- Montag, 5. April 2027, 13:00 Uhr (bis 14:00 Uhr)\n  ${link("p2")}`,
    );
    expect(mail.text).toContain(`Keine Zeit passt Ihnen? Dann klicken Sie hier. Wir melden uns dann wieder bei Ihnen.\n${link("none")}`);
    expect(mail.text).toContain("Bitte antworten Sie bis Donnerstag, 26. November 2026, 08:00 Uhr.");
    expect(mail.text).toContain("Nachricht vom Büro:\n  Ich freue mich auf Sie.");
    expect(mail.text).toContain("Thema: Kompetenzanalyse für Jüngere");
    expect(mail.html).toContain(`<a href="${link("p1")}" style="font-size:20px">Montag, 30. November 2026, 13:00 Uhr (bis 14:00 Uhr)</a>`);
    expect(mail.html).toContain(`<a href="${link("none")}" style="font-size:20px">Keine Zeit passt</a>`);
  });

  it("request_proposals in English, one time", () => {
    const mail = composeMail("request_proposals", mailContext({ ...request, locale: "en" }, { proposals: { ...proposals, open: times.slice(0, 1) } }));
    expect(mail.subject).toBe("We suggest a time for your appointment – Zukunft Kempten-Ost");
    expect(mail.text).toContain("We can offer you this time:\n- Monday, 30 November 2026, 13:00 (until 14:00)");
    expect(mail.text).toContain("Please answer by Thursday, 26 November 2026, 08:00.");
    expect(mail.text).toContain("None of the times suits you? Then click here.");
    expect(mail.html).toContain(`<a href="${link("none")}" style="font-size:20px">No time suits me</a>`);
  });

  it("proposals_withdrawn names what went and links what is still open; with nothing left, says the office will get back", () => {
    const withdrawn = [{ startsAt: times[0]!.startsAt, endsAt: times[0]!.endsAt }];
    const some = composeMail("proposals_withdrawn", mailContext(request, { proposals: { ...proposals, open: times.slice(1), withdrawn } }));
    expect(some.ics).toBeNull();
    expect(some.text).toContain("Eine vorgeschlagene Zeit geht leider nicht mehr.");
    expect(some.text).toContain("Wann: Montag, 30. November 2026, 13:00 Uhr (bis 14:00 Uhr)");
    expect(some.text).toContain(`Diese Zeiten können Sie noch wählen, bis Donnerstag, 26. November 2026, 08:00 Uhr:\n- Montag, 5. April 2027, 13:00 Uhr (bis 14:00 Uhr)\n  ${link("p2")}`);
    expect(some.text).not.toContain(link("p1"));
    const none = composeMail("proposals_withdrawn", mailContext({ ...request, locale: "en" }, { proposals: { open: [], noneUrl: "", deadline: null, withdrawn } }));
    expect(none.text).toContain("We will get back to you and suggest a new time.");
    expect(none.text).not.toContain("manage?proposal=");
  });

  it("a mail about proposals without them is a programming error, not an empty mail", () => {
    expect(() => composeMail("request_proposals", mailContext(request))).toThrow(/needs the proposals/);
  });
});

describe("a new appointment after a cancel or decline: the booking page books for the default office only", () => {
  const request = { kind: "request" as const, startsAt: null, endsAt: null };
  const elsewhere = { ...OFFICE, slug: "immer-offen", bookableOnline: false };

  it.each(["booking_cancelled", "request_declined"] as const)("%s at the default office links the booking page", (kind) => {
    const mail = composeMail(kind, mailContext(kind === "request_declined" ? request : {}));
    expect(mail.text).toContain("Hier können Sie buchen: https://termine.example.org/");
  });

  it.each(["booking_cancelled", "request_declined"] as const)("%s at another office gives its phone and e-mail, no booking link", (kind) => {
    const over = kind === "request_declined" ? request : {};
    const de = composeMail(kind, mailContext(over, { office: elsewhere }));
    expect(de.text).not.toContain("Hier können Sie buchen");
    expect(de.text).toContain("Sie möchten einen neuen Termin? Rufen Sie uns an:");
    expect(de.text).toContain("0172 / 2315911");
    expect(de.text).toContain("Oder schreiben Sie uns: buero@example.org");
    // No link into the site but the manage page's legal links (which name the office).
    const links = [...new Set(de.text.match(/https?:\/\/\S+/g) ?? [])];
    expect(links.every((l) => /\?(.*&)?office=immer-offen/.test(l))).toBe(true);
    expect(de.html).not.toContain('href="https://termine.example.org/"');
    const en = composeMail(kind, mailContext({ ...over, locale: "en" }, { office: { ...elsewhere, phone: null } }));
    expect(en.text).toContain("Would you like a new appointment? Write to us: buero@example.org");
    expect(en.text).not.toContain("You can book here");
  });
});

describe("what people wrote, rendered so it cannot pose as part of the mail", () => {
  // A wish and a staff message that try to look like fields of the mail, a header and markup.
  const forged = "Nach der Arbeit\nIhr Code: ZZZZZ\n\nBcc: x@evil.example\n<b>fett</b> & \"so\"";
  const request = { kind: "request" as const, startsAt: null, endsAt: null, preferredWeekdays: [3], preferredTimes: ["evening" as const] };

  /** The lines of the text mail that start at the left margin, as a reader would take them for the mail's own. */
  const ownLines = (text: string) => text.split("\n").filter((line) => line !== "" && !line.startsWith("  "));

  it.each([
    ["a wish", "request_received", mailContext({ ...request, wish: forged })],
    ["a staff message", "request_declined", mailContext(request, { staffMessage: forged })],
    ["a staff message on a proposed time", "booking_confirmed", mailContext({}, { staffMessage: forged })],
  ] as const)("%s: each of its lines indented in the text, escaped with <br> in the HTML", (_what, kind, ctx) => {
    const mail = composeMail(kind, ctx);
    expect(mail.text).toContain("Nach der Arbeit\n  Ihr Code: ZZZZZ\n  \n  Bcc: x@evil.example\n  <b>fett</b> & \"so\"");
    expect(ownLines(mail.text)).not.toContain("Ihr Code: ZZZZZ");
    expect(ownLines(mail.text).filter((line) => /^Bcc:|^<b>/.test(line))).toEqual([]);
    expect(mail.html).toContain("Nach der Arbeit<br>Ihr Code: ZZZZZ<br><br>Bcc: x@evil.example<br>&lt;b&gt;fett&lt;/b&gt; &amp; &quot;so&quot;");
    expect(mail.html).not.toContain("<b>fett");
  });

  it("the invite carries a name with quotes, separators and backslashes as it was given, and no text of the person in DESCRIPTION", () => {
    const name = 'Dr. "Ali" Yıldız; O\'Neil, Jr. \\ Test: ok';
    const { mail, invite: cal } = invite("booking_confirmed", { name, email: "ali@example.org" });
    expect(cal.events[0]!.attendees).toEqual([expect.objectContaining({ address: "ali@example.org", cn: name })]);
    expect(cal.events[0]!.description).toBe(
      "Ihr Code für den Eingang: K7M2Q\nAbsagen oder verschieben: https://termine.example.org/verwalten/abc123?x=1&y=2\nSie haben Fragen? Rufen Sie uns an: 0172 / 2315911",
    );
    // Every line of the invite is a property or a folded continuation: nothing the name could add.
    expect(mail.ics!.split("\r\n").filter((line) => line !== "" && !/^[A-Z-]+[;:]|^ /.test(line))).toEqual([]);
  });
});

describe("the legal pages in every mail a resident gets", () => {
  const KINDS: [MailKind, Partial<typeof BOOKING>][] = [
    ["booking_confirmed", {}],
    ["booking_rescheduled", {}],
    ["booking_cancelled", {}],
    ["booking_reminder", {}],
    ["request_received", { kind: "request", startsAt: null, endsAt: null, preferredWeekdays: [1] }],
    ["request_declined", { kind: "request", startsAt: null, endsAt: null, preferredWeekdays: [1] }],
    ["request_proposals", { kind: "request", startsAt: null, endsAt: null, preferredWeekdays: [1] }],
    ["proposals_withdrawn", { kind: "request", startsAt: null, endsAt: null, preferredWeekdays: [1] }],
  ];
  const PAGES = ["impressum", "datenschutz", "barrierefreiheit"];

  it.each(KINDS)("%s: text and HTML link Impressum, Datenschutz and Barrierefreiheit of the office, absolute", (kind, booking) => {
    const proposals = { open: [], noneUrl: "", deadline: null, withdrawn: [{ startsAt: BOOKING.startsAt!, endsAt: BOOKING.endsAt! }] };
    const mail = composeMail(kind, mailContext(booking, { proposals }));
    for (const page of PAGES) {
      const url = `https://termine.example.org/${page}?lang=de&office=kempten-ost`;
      expect(mail.text).toContain(url);
      expect(mail.html).toContain(`<a href="${url.replace("&", "&amp;")}">`);
    }
    expect(mail.text).toMatch(/\n--\nImpressum: https:\/\/termine\.example\.org\/impressum\?lang=de&office=kempten-ost\nDatenschutz: .*\nBarrierefreiheit: .*\n$/);
  });

  it("an English mail links the English pages, named in English", () => {
    const mail = composeMail("booking_confirmed", mailContext({ locale: "en" }));
    expect(mail.text).toContain("Legal notice: https://termine.example.org/impressum?lang=en&office=kempten-ost");
    expect(mail.text).toContain("Privacy: https://termine.example.org/datenschutz?lang=en&office=kempten-ost");
    expect(mail.html).toContain('<a href="https://termine.example.org/barrierefreiheit?lang=en&amp;office=kempten-ost">Accessibility</a>');
  });
});

describe("accessibility feedback: what the person filled in, read back from the text", () => {
  const compose = (fields: FeedbackFields) =>
    composeFeedbackMail({ ...fields, mailId: "m1", to: "office@example.org", officeName: "Büro", pageUrl: "https://example.org/barrierefreiheit", from: "noreply@example.org" });

  it.each<[string, FeedbackFields]>([
    ["plain", { message: "Die Schrift ist zu klein.", name: "Erika Huber", contact: "erika@example.org", lang: "de" }],
    ["fields left empty", { message: "Zu klein", name: null, contact: null, lang: "en" }],
    [
      "line breaks, blank lines and colons that look like labels",
      {
        message: "Erste Zeile\n\nName:\n  Mallory\nKontakt:\nSprache der Seite:\n  Englisch",
        name: "Dr. Erika: Huber\nvon Berg",
        contact: "Tel.: 0831 23456\nMail: erika@example.org\n",
        lang: "de",
      },
    ],
    ["the words that stand for an empty field, inside a value", { message: "(nicht angegeben)", name: "Erika (nicht angegeben)", contact: " x ", lang: "en" }],
  ])("gives the fields back: %s", (_, fields) => {
    expect(parseFeedbackText(compose(fields).text)).toEqual(fields);
  });

  it("is null for a text it did not compose", () => {
    expect(parseFeedbackText("Hallo Erika Huber,\nIhr Link: https://example.org")).toBeNull();
  });
});
