/*
 * The words of the "Statistik" section: German first (plain, short), English alongside. The CSV's own
 * column and measure names are German and come from the API (worker/domain/statistics.ts).
 */
import { computed } from "@preact/signals";
import type { BookingSource } from "../../../schemas/bookings";
import type { Locale } from "../../../schemas/common";
import type { Audience } from "../../../schemas/location";
import type { AppointmentMeasure, RequestMeasure, WalkInMeasure } from "../../../common/statistics";
import { locale } from "../../shared/locale";
import type { PeriodKind } from "./period";

const de = {
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
  quarter: (value: string) => `${value.slice(6)}. Quartal ${value.slice(0, 4)}`,
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
  apiMessage: (message: string) => `Antwort des Servers: ${message}`,
  retry: "Noch einmal versuchen",
  stale: (from: string, to: string) => `Noch die Zahlen von ${from} bis ${to} – die neuen werden geladen.`,
  heading: (from: string, to: string) => `${from} bis ${to}`,
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
  week: (week: number, year: number | null) => (year === null ? `KW ${week}` : `KW ${week}/${year}`),
  weekSeries: { appointments: "Termine gebucht", attended: "Termine wahrgenommen", walkIns: "ohne Termin" },
  topicsHeading: "Nach Thema",
  topicColumn: "Thema",
  audiencesHeading: "Nach Zielgruppe",
  audienceColumn: "Zielgruppe",
  audiences: { residents: "Bewohner*innen", businesses: "Unternehmen", everyone: "für alle/offen" } satisfies Record<Audience, string>,
  chartSeries: { appointments: "Termine gebucht", walkIns: "ohne Termin" },
  chartTitle: (what: string) => `Balkendiagramm: ${what}. Dieselben Zahlen stehen in der Tabelle daneben.`,
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
  fromCall: (n: number) => `${n} Gespräche ohne „Beginnen“ sind ab dem Aufruf gemessen.`,
  visitsHeading: "Besuche nach Wochentag und Stunde",
  visitsIntro: "Jede Wartenummer (ohne Termin und Anmeldung mit Termin) zur Stunde, in der sie gezogen wurde.",
  weekdayColumn: "Wochentag",
  hour: (h: number) => `${h} Uhr`,
  noVisits: "Keine Besuche in diesem Zeitraum.",
};

export type StatsStrings = typeof de;

const en: StatsStrings = {
  intro:
    "Anonymous numbers for the funders' reports (BIWAQ/ESF). Small numbers (1 or 2) show as “< 3” so that nobody " +
    "can be recognised; “withheld” (“geheim” in the export) stands where a “< 3” could otherwise be worked out from " +
    "the other numbers. The period's totals are exact. The export holds the same numbers.",
  overlapHint:
    "Periods that overlap (say a month and the same month without its last day) can be subtracted from each " +
    "other. For the reports, choose whole months, quarters or years.",
  periodLegend: "Period",
  kindLabel: "Kind",
  kinds: { month: "Month", quarter: "Quarter", year: "Year", custom: "Choose days" },
  choiceLabel: { month: "Month", quarter: "Quarter", year: "Year", custom: "" },
  quarter: (value: string) => `Q${value.slice(6)} ${value.slice(0, 4)}`,
  fromLabel: "From",
  toLabel: "To",
  show: "Show",
  customProblems: {
    missing: "Please give both days.",
    range: "Please choose days from 2000 to 2100.",
    order: "The last day is before the first.",
    tooLong: "At most one year (366 days).",
  },
  loading: "Loading the numbers …",
  failed: "The numbers could not be loaded.",
  apiMessage: (message: string) => `The server said: ${message}`,
  retry: "Try again",
  stale: (from: string, to: string) => `Still the numbers of ${from} to ${to} – the new ones are loading.`,
  heading: (from: string, to: string) => `${from} to ${to}`,
  exportHeading: "Export",
  exportExcel: "CSV for Excel (German)",
  exportRfc: "CSV (RFC 4180, international)",
  exportHint: "Both files hold exactly the numbers of this page.",
  totalsHeading: "Totals of the period",
  group: { appointments: "Appointments", walkIns: "Walk-ins", requests: "Requests by arrangement" },
  appointment: {
    booked: "booked",
    attended: "attended",
    noShow: "did not come",
    cancelledByResident: "cancelled by the person",
    cancelledByOffice: "cancelled by the office",
  },
  walkIn: { total: "numbers", served: "served", left: "not served" },
  request: { received: "received", proposed: "time proposed", declined: "declined" },
  channelsHeading: "Appointments by channel",
  channelColumn: "Channel",
  channels: { online: "online", staff: "phone/office", kiosk: "kiosk" },
  weeksHeading: "Per week",
  weekColumn: "Week",
  week: (week, year) => (year === null ? `Week ${week}` : `Week ${week} ${year}`),
  weekSeries: { appointments: "appointments booked", attended: "appointments attended", walkIns: "walk-ins" },
  topicsHeading: "By topic",
  topicColumn: "Topic",
  audiencesHeading: "By audience",
  audienceColumn: "Audience",
  audiences: { residents: "residents", businesses: "businesses", everyone: "for everyone/open" },
  chartSeries: { appointments: "appointments booked", walkIns: "walk-ins" },
  chartTitle: (what: string) => `Bar chart: ${what}. The table beside it holds the same numbers.`,
  heatTitle: "Heat map: visits by weekday and hour. The table beside it holds the same numbers.",
  timesHeading: "Waiting and conversation times",
  timesIntro:
    "In minutes. Waiting without appointment: from taking the number to the first call; with appointment: from " +
    "check-in, at the earliest from the appointment's start. Conversation: from “Begin” to “Done”, else from the call.",
  timesColumns: { what: "Measure", count: "Count", median: "Median", p90: "90 % at most" },
  waitWalkIns: "Waiting, walk-ins",
  waitAppointments: "Waiting, appointments",
  talkWalkIns: "Conversation, walk-ins",
  talkAppointments: "Conversation, appointments",
  fromCall: (n: number) => `${n} conversations without “Begin” are measured from the call.`,
  visitsHeading: "Visits by weekday and hour",
  visitsIntro: "Every queue number (walk-ins and appointment check-ins) in the hour it was taken.",
  weekdayColumn: "Weekday",
  hour: (h: number) => `${h}:00`,
  noVisits: "No visits in this period.",
};

export const STATS_STRINGS: Readonly<Record<Locale, StatsStrings>> = { de, en };

/** The section's words in the chosen language. */
export const statsStrings = computed(() => STATS_STRINGS[locale.value]);
