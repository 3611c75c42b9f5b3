import type { CatalogMeta } from "../../../../common/i18n/check";
import type { Translation } from "../../../../common/i18n/messages";
import type de from "./de";

export const meta: CatalogMeta = { producedBy: "the project team (English, from the German)", nativeReview: null };

export default {
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
  quarter: "Q{n} {year}",
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
  apiMessage: "The server said: {message}",
  retry: "Try again",
  stale: "Still the numbers of {from} to {to} – the new ones are loading.",
  heading: "{from} to {to}",
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
  week: "Week {week}",
  weekOfYear: "Week {week} {year}",
  weekSeries: { appointments: "appointments booked", attended: "appointments attended", walkIns: "walk-ins" },
  topicsHeading: "By topic",
  topicColumn: "Topic",
  audiencesHeading: "By audience",
  audienceColumn: "Audience",
  audiences: { residents: "residents", businesses: "businesses", everyone: "for everyone/open" },
  chartSeries: { appointments: "appointments booked", walkIns: "walk-ins" },
  chartTitle: "Bar chart: {what}. The table beside it holds the same numbers.",
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
  fromCall: "{n} conversations without “Begin” are measured from the call.",
  visitsHeading: "Visits by weekday and hour",
  visitsIntro: "Every queue number (walk-ins and appointment check-ins) in the hour it was taken.",
  weekdayColumn: "Weekday",
  hour: "{h}:00",
  withheld: "withheld",
  noVisits: "No visits in this period.",
} satisfies Translation<typeof de>;
