/*
 * The words of the "Statistik" section: German first (plain, short), English alongside. The CSV's own
 * column and measure names are German and come from the API (worker/domain/statistics.ts).
 */
import type { BookingSource } from "../../../../schemas/bookings";
import type { Locale } from "../../../../schemas/common";
import type { Audience } from "../../../../schemas/location";
import type { AppointmentMeasure, RequestMeasure, WalkInMeasure } from "../../../../common/statistics";
import type { PeriodKind } from "../../stats/period";

export const audience = "staff";

export default {
  intro:
    "Anonyme Zahlen für die Berichte an die Förderer (BIWAQ/ESF). Kleine Zahlen (1 oder 2) stehen als „< 3“ da, " +
    "damit niemand zu erkennen ist; „geheim“ steht dort, wo man sonst eine „< 3“ aus den anderen Zahlen ausrechnen " +
    "könnte. Die Summen des Zeitraums sind genau. Der Export enthält dieselben Zahlen.",
  overlapHint:
    "Zeiträume, die sich überschneiden (etwa ein Monat und derselbe Monat ohne den letzten Tag), lassen sich " +
    "voneinander abziehen. Für die Berichte deshalb ganze Monate, Quartale oder Jahre wählen.",
  periodLegend: "Zeitraum",
  kindLabel: "Art",
  kinds: { month: "Monat", quarter: "Quartal", year: "Jahr", custom: "Frei wählen" } satisfies Record<PeriodKind, string>,
  choiceLabel: { month: "Monat", quarter: "Quartal", year: "Jahr", custom: "" } satisfies Record<PeriodKind, string>,
  /** A quarter: `{n}` its number (1–4), `{year}` the year. */
  quarter: "{n}. Quartal {year}",
  fromLabel: "Von",
  toLabel: "Bis",
  show: "Anzeigen",
  customProblems: {
    missing: "Bitte beide Tage angeben.",
    range: "Bitte Tage zwischen 2000 und 2100 wählen.",
    order: "Der letzte Tag liegt vor dem ersten.",
    tooLong: "Höchstens ein Jahr (366 Tage).",
  },
  loading: "Die Zahlen werden geladen …",
  failed: "Die Zahlen konnten nicht geladen werden.",
  apiMessage: "Antwort des Servers: {message}",
  retry: "Noch einmal versuchen",
  stale: "Noch die Zahlen von {from} bis {to} – die neuen werden geladen.",
  heading: "{from} bis {to}",
  exportHeading: "Export",
  exportExcel: "CSV für Excel (deutsch)",
  exportRfc: "CSV (RFC 4180, international)",
  exportHint: "Beide Dateien enthalten genau die Zahlen dieser Seite.",
  totalsHeading: "Summen des Zeitraums",
  group: { appointments: "Termine", walkIns: "Ohne Termin", requests: "Anfragen nach Vereinbarung" },
  appointment: {
    booked: "gebucht",
    attended: "wahrgenommen",
    noShow: "nicht erschienen",
    cancelledByResident: "abgesagt von der Person",
    cancelledByOffice: "abgesagt vom Büro",
  } satisfies Record<AppointmentMeasure, string>,
  walkIn: { total: "Wartenummern", served: "bedient", left: "nicht bedient" } satisfies Record<WalkInMeasure, string>,
  request: { received: "erhalten", proposed: "mit Terminvorschlag", declined: "abgelehnt" } satisfies Record<RequestMeasure, string>,
  channelsHeading: "Termine nach Kanal",
  channelColumn: "Kanal",
  channels: { online: "online", staff: "Telefon/Büro", kiosk: "Kiosk" } satisfies Record<BookingSource, string>,
  weeksHeading: "Pro Woche",
  weekColumn: "Woche",
  /** A calendar week; `weekOfYear` where the table spans more than one year. */
  week: "KW {week}",
  weekOfYear: "KW {week}/{year}",
  weekSeries: { appointments: "Termine gebucht", attended: "Termine wahrgenommen", walkIns: "ohne Termin" },
  topicsHeading: "Nach Thema",
  topicColumn: "Thema",
  audiencesHeading: "Nach Zielgruppe",
  audienceColumn: "Zielgruppe",
  audiences: { residents: "Bewohner*innen", businesses: "Unternehmen", everyone: "für alle/offen" } satisfies Record<Audience, string>,
  chartSeries: { appointments: "Termine gebucht", walkIns: "ohne Termin" },
  chartTitle: "Balkendiagramm: {what}. Dieselben Zahlen stehen in der Tabelle daneben.",
  heatTitle: "Farbfeld: Besuche nach Wochentag und Stunde. Dieselben Zahlen stehen in der Tabelle daneben.",
  timesHeading: "Wartezeit und Gesprächsdauer",
  timesIntro:
    "In Minuten. Wartezeit ohne Termin: von der Wartenummer bis zum ersten Aufruf; mit Termin: ab der Anmeldung, " +
    "frühestens ab Terminbeginn. Gesprächsdauer: von „Beginnen“ bis „Fertig“, sonst ab dem Aufruf.",
  timesColumns: { what: "Messung", count: "Anzahl", median: "Median", p90: "90 % höchstens" },
  waitWalkIns: "Wartezeit ohne Termin",
  waitAppointments: "Wartezeit mit Termin",
  talkWalkIns: "Gespräch ohne Termin",
  talkAppointments: "Gespräch mit Termin",
  fromCall: "{n} Gespräche ohne „Beginnen“ sind ab dem Aufruf gemessen.",
  visitsHeading: "Besuche nach Wochentag und Stunde",
  visitsIntro: "Jede Wartenummer (ohne Termin und Anmeldung mit Termin) zur Stunde, in der sie gezogen wurde.",
  weekdayColumn: "Wochentag",
  hour: "{h} Uhr",
  /** A number held back so that a "< 3" cannot be worked out (the CSV says "geheim" in either language). */
  withheld: "geheim",
  noVisits: "Keine Besuche in diesem Zeitraum.",
} as const;
