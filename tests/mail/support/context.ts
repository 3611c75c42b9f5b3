import type { MailBooking, MailContext, MailOffice } from "../../../worker/mail/types";

/*
 * Mail contexts for the mail tests, with fixed dates and the Kempten-Ost office as seeded (no postal code,
 * the published phone), but a test address instead of the office's real one.
 */

export const OFFICE: MailOffice = {
  slug: "kempten-ost",
  name: "Projektbüro BIWAQ „Zukunft Kempten-Ost – Leben und Arbeiten (LeA)“ im Quartiersbüro Soziale Stadt Kempten-Ost",
  shortName: "Zukunft Kempten-Ost",
  street: "Anton-Fehr-Str. 6",
  postalCode: null,
  city: "Kempten (Allgäu)",
  phone: "0172 / 2315911",
  email: "buero@example.org",
  timeZone: "Europe/Berlin",
  bookableOnline: true,
};

/** Monday 30 November 2026, 13:00–14:00 in Kempten (winter time, +01:00). */
export const WINTER = { startsAt: new Date("2026-11-30T12:00:00Z"), endsAt: new Date("2026-11-30T13:00:00Z") };

export const BOOKING: MailBooking = {
  id: "0b9d6c1e-6f2a-4c55-9d0e-2f5a8e1c7b10",
  kind: "slot",
  code: "K7M2Q",
  ...WINTER,
  topicLabel: { de: "Kompetenzanalyse für Jüngere", en: "Skills assessment for young people" },
  name: "Jürgen Müller",
  email: "juergen.mueller@example.org",
  locale: "de",
  sequence: 0,
  preferredWeekdays: null,
  preferredTimes: null,
  wish: null,
};

export function mailContext(booking: Partial<MailBooking> = {}, rest: Partial<Omit<MailContext, "booking">> = {}): MailContext {
  return {
    mailId: "mail-0001",
    office: OFFICE,
    booking: { ...BOOKING, ...booking },
    manageUrl: "https://termine.example.org/verwalten/abc123?x=1&y=2",
    from: '"Zukunft Kempten-Ost" <termine@example.org>',
    // Tuesday 24 November 2026, 08:00 in Kempten: when the booking was made.
    now: new Date("2026-11-24T07:00:00Z"),
    ...rest,
  };
}
