import type { StatisticsFacts } from "../../schemas/rows";
import {
  APPOINTMENT_MEASURES,
  REQUEST_MEASURES,
  SMALL_CELL,
  WALK_IN_MEASURES,
  WITHHELD_CELL,
  type Cell,
  type Durations,
  type MinutesCell,
  type AppointmentMeasure,
  type RequestMeasure,
  type Statistics,
  type WalkInMeasure,
} from "../../schemas/statistics";
import { textOr } from "../../common/texts";
import type { CsvValue } from "../../common/csv";
import type { Audience } from "../../schemas/location";
import type { BookingSource } from "../../schemas/bookings";
import { addDays, daysBetween, isoWeekday, localDate, localTime } from "../../common/time";
import { CellTable, MIN_CELL, suppress, type CellKind } from "./suppression";

/*
 * The statistics for the funder's reports, computed from the facts of one period (db/statistics.ts
 * `loadStatisticsFacts`). Pure: the time zone is an argument; nothing here reads the clock or D1.
 *
 * Days: an appointment counts on its local day, a request on the day it was made, a queue number on its
 * own day. The facts hold only what erasing personal data keeps (ids, times, topic, channel, status,
 * status history, queue numbers), so the numbers are the same before and after erasure.
 */

/**
 * Median and 90th percentile of `minutes` (unsorted), rounded to one decimal, each suppressed below
 * MIN_CELL values. Median: the middle value, the mean of the two middle ones for an even count. 90th
 * percentile: nearest rank, the ⌈0.9·n⌉-th smallest, so it is always a time someone actually waited.
 */
export function durations(minutes: readonly number[]): Durations {
  const n = minutes.length;
  if (n < MIN_CELL) return { count: n, median: SMALL_CELL, p90: SMALL_CELL };
  const sorted = [...minutes].sort((a, b) => a - b);
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { count: n, median: oneDecimal(median), p90: oneDecimal(sorted[Math.ceil(0.9 * n) - 1]!) };
}

function oneDecimal(x: number): MinutesCell {
  return Math.round(x * 10) / 10;
}

const CHANNELS: readonly BookingSource[] = ["online", "staff", "kiosk"];
const AUDIENCES: readonly Audience[] = ["residents", "businesses", "everyone"];

type Tally<K extends string> = Record<K, number>;
type AppointmentTally = Tally<AppointmentMeasure>;
type WalkInTally = Tally<WalkInMeasure>;
type RequestTally = Tally<RequestMeasure>;

interface Group {
  appointments: AppointmentTally;
  walkIns: WalkInTally;
  requests: RequestTally;
}

function zeros<K extends string>(keys: readonly K[]): Tally<K> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Tally<K>;
}

function newGroup(): Group {
  return { appointments: zeros(APPOINTMENT_MEASURES), walkIns: zeros(WALK_IN_MEASURES), requests: zeros(REQUEST_MEASURES) };
}

/*
 * Which measures of a group add up to which (the rest is what the row does not list: appointments still
 * open, requests still waiting or withdrawn). Suppression (suppression.ts) needs every such sum.
 */
const ROW_SUMS = {
  appointments: { whole: "booked", parts: ["attended", "noShow", "cancelledByResident", "cancelledByOffice"], rest: true },
  walkIns: { whole: "total", parts: ["served", "left"], rest: false },
  requests: { whole: "received", parts: ["proposed", "declined"], rest: true },
} as const;

type GroupName = keyof typeof ROW_SUMS;
const GROUP_NAMES = Object.keys(ROW_SUMS) as GroupName[];

/** Cell ids in a CellTable, by measure (and `rest`). */
type Ids = Record<string, number>;

/** A tally's cells in `table` by measure, a rest included where the row has one, with the row's sum. */
function addRow(table: CellTable, kind: CellKind, tally: Record<string, number>, name: GroupName): Ids {
  const shape = ROW_SUMS[name];
  const ids: Ids = Object.fromEntries(Object.entries(tally).map(([k, v]) => [k, table.add(kind, v)]));
  if (shape.rest) {
    const rest = tally[shape.whole]! - shape.parts.reduce((sum, m) => sum + tally[m]!, 0);
    // The rest of an exact total is exact too.
    ids.rest = table.add(kind === "total" ? "total" : "rest", rest);
  }
  table.sum(ids[shape.whole]!, [...shape.parts.map((m) => ids[m]!), ...(shape.rest ? [ids.rest!] : [])]);
  return ids;
}

/** Records that, measure by measure, the rows add up to `whole`. */
function addColumns(table: CellTable, whole: Ids, rows: readonly Ids[]): void {
  for (const k of Object.keys(whole)) table.sum(whole[k]!, rows.map((r) => r[k]!));
}

/** What became of an appointment, by its status and who cancelled it. */
function outcome(status: string, cancelledBy: "resident" | "office" | null): AppointmentMeasure | null {
  if (status === "checked_in" || status === "completed") return "attended";
  if (status === "no_show") return "noShow";
  // db/statistics.ts tells the person's own cancellation from the office's (staff or the system).
  if (status === "cancelled") return cancelledBy === "resident" ? "cancelledByResident" : "cancelledByOffice";
  return null;
}

/** The local day and hour of a UTC hour bucket (`2026-11-30T13`) in `timeZone`. */
function localHour(utcHour: string, timeZone: string): { day: string; hour: number } {
  const instant = new Date(`${utcHour}:00:00.000Z`);
  return { day: localDate(instant, timeZone), hour: Number(localTime(instant, timeZone).slice(0, 2)) };
}

/** The ISO week (`2026-W45`) of a local day and the Monday it starts on. */
export function isoWeek(day: string): { week: string; monday: string } {
  const monday = addDays(day, 1 - isoWeekday(day));
  // The week belongs to the year of its Thursday.
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const number = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { week: `${year}-W${String(number).padStart(2, "0")}`, monday };
}

/** Facts of an office with nothing counted yet: the start of a generated or hand-made set (bench, tests). */
export function noFacts(office: StatisticsFacts["office"], topics: StatisticsFacts["topics"]): StatisticsFacts {
  return {
    office,
    topics,
    appointments: [],
    appointmentHours: [],
    requests: [],
    walkIns: [],
    walkInDays: [],
    visitHours: [],
    durations: { waitWalkIn: [], waitAppointment: [], talkWalkIn: [], talkAppointment: [], fromCall: 0 },
  };
}

/**
 * The statistics of the local days `from` to `to` (inclusive) in `timeZone`, from `facts` loaded for
 * exactly that period (db/statistics.ts). Totals are exact; breakdowns and medians are suppressed below
 * MIN_CELL.
 */
export function computeStatistics(
  facts: StatisticsFacts,
  period: { from: string; to: string },
  timeZone: string,
): Statistics {
  const topicById = new Map(facts.topics.map((t) => [t.id, t]));
  const total = newGroup();
  const byTopic = new Map<number, Group>();
  const byAudience = new Map<Audience, Group>(AUDIENCES.map((a) => [a, newGroup()]));
  const byChannel = new Map<BookingSource, AppointmentTally>(CHANNELS.map((c) => [c, zeros(APPOINTMENT_MEASURES)]));
  const weeks = weeksOf(period.from, period.to);
  const weekOf = (day: string) => weeks.get(isoWeek(day).week);

  /** The groups a count of `topicId` adds to: the period's, its topic's and its audience's. */
  const groupsOf = (topicId: number | null): Group[] => {
    const topic = topicId === null ? undefined : topicById.get(topicId);
    if (!topic) return [total];
    let g = byTopic.get(topic.id);
    if (!g) byTopic.set(topic.id, (g = newGroup()));
    return [total, g, byAudience.get(topic.audience)!];
  };

  for (const a of facts.appointments) {
    const result = outcome(a.status, a.cancelled_by);
    for (const tally of [...groupsOf(a.topic_id).map((g) => g.appointments), byChannel.get(a.source)!]) {
      tally.booked += a.n;
      if (result) tally[result] += a.n;
    }
  }
  for (const h of facts.appointmentHours) {
    const week = weekOf(localHour(h.hour, timeZone).day);
    if (!week) continue;
    week.appointments += h.n;
    if (h.attended) week.attended += h.n;
  }

  for (const r of facts.requests) {
    for (const g of groupsOf(r.topic_id)) {
      g.requests.received += r.n;
      if (r.proposed) g.requests.proposed += r.n;
      if (r.declined) g.requests.declined += r.n;
    }
  }

  let walkInsGone = 0;
  for (const w of facts.walkIns) {
    if (w.gone) walkInsGone += w.n;
    for (const g of groupsOf(w.topic_id)) {
      g.walkIns.total += w.n;
      g.walkIns[w.served ? "served" : "left"] += w.n;
    }
  }
  for (const d of facts.walkInDays) {
    const week = weekOf(d.day);
    if (week) week.walkIns += d.n;
  }

  const visits = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const v of facts.visitHours) {
    const { day, hour } = localHour(v.hour, timeZone);
    visits[isoWeekday(day) - 1]![hour]! += v.n;
  }

  // Every shown count as a cell of one table with the sums between them, so that suppression can see
  // what a reader could work out (suppression.ts).
  const table = new CellTable();
  const totalIds = groupIds(table, "total", total);
  const channelIds = CHANNELS.map((c) => addRow(table, "cell", byChannel.get(c)!, "appointments"));
  addColumns(table, totalIds.appointments, channelIds);

  const topics = facts.topics.filter((t) => t.active || byTopic.has(t.id));
  const topicIds = topics.map((t) => groupIds(table, "cell", byTopic.get(t.id) ?? newGroup()));
  const audienceIds = AUDIENCES.map((a) => groupIds(table, "cell", byAudience.get(a)!));
  // What has no topic is in the totals only, never shown: a walk-in number taken without one. Bookings and
  // requests always have a topic, so a reader knows that their part is 0.
  const noTopic = withoutTopic(total, [...byAudience.values()]);
  const noTopicIds = {
    appointments: addRow(table, "total", noTopic.appointments, "appointments"),
    walkIns: addRow(table, "rest", noTopic.walkIns, "walkIns"),
    requests: addRow(table, "total", noTopic.requests, "requests"),
  };
  for (const g of GROUP_NAMES) {
    addColumns(table, totalIds[g], [...topicIds.map((x) => x[g]), noTopicIds[g]]);
    addColumns(table, totalIds[g], [...audienceIds.map((x) => x[g]), noTopicIds[g]]);
    AUDIENCES.forEach((a, i) => addColumns(table, audienceIds[i]![g], topicIds.filter((_, j) => topics[j]!.audience === a).map((x) => x[g])));
  }

  const weekIds = [...weeks.values()].map((w) => {
    const ids = { appointments: table.add("cell", w.appointments), attended: table.add("cell", w.attended), walkIns: table.add("cell", w.walkIns) };
    const rest = table.add("rest", w.appointments - w.attended);
    table.sum(ids.appointments, [ids.attended, rest]);
    return { ...ids, rest };
  });
  addColumns(
    table,
    {
      appointments: totalIds.appointments.booked!,
      attended: totalIds.appointments.attended!,
      walkIns: totalIds.walkIns.total!,
      rest: table.add("total", total.appointments.booked - total.appointments.attended),
    },
    weekIds,
  );

  const visitIds = visits.map((hours) => hours.map((n) => table.add("cell", n)));
  // The number of visits is not shown, but it is close to walk-ins plus check-ins: taken as known.
  table.sum(table.add("total", visits.flat().reduce((a, b) => a + b, 0)), visitIds.flat());

  const marks = suppress(table);
  const shown = (id: number): Cell => (marks[id] === "shown" ? table.values[id]! : marks[id] === "small" ? SMALL_CELL : WITHHELD_CELL);
  const cellsOf = <K extends string>(ids: Ids, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, shown(ids[k]!)])) as Record<K, Cell>;
  const groupCells = (ids: Record<GroupName, Ids>) => ({
    appointments: cellsOf(ids.appointments, APPOINTMENT_MEASURES),
    walkIns: cellsOf(ids.walkIns, WALK_IN_MEASURES),
    requests: cellsOf(ids.requests, REQUEST_MEASURES),
  });

  const d = facts.durations;
  return {
    office: facts.office,
    period: { from: period.from, to: period.to, days: daysBetween(period.from, period.to) + 1 },
    timeZone,
    totals: { appointments: total.appointments, walkIns: total.walkIns, requests: total.requests, walkInsGone },
    byChannel: CHANNELS.map((channel, i) => ({ channel, appointments: cellsOf(channelIds[i]!, APPOINTMENT_MEASURES) })),
    byTopic: topics.map((t, i) => ({
      key: t.key,
      // Staff read statistics in German or English: an English name that is missing is the German one.
      label: { de: t.label.de, en: textOr(t.label, "en") },
      audience: t.audience,
      ...groupCells(topicIds[i]!),
    })),
    byAudience: AUDIENCES.map((audience, i) => ({ audience, ...groupCells(audienceIds[i]!) })),
    byWeek: [...weeks.values()].map((w, i) => ({
      week: w.week,
      from: w.from,
      to: w.to,
      appointments: shown(weekIds[i]!.appointments),
      attended: shown(weekIds[i]!.attended),
      walkIns: shown(weekIds[i]!.walkIns),
    })),
    waiting: { walkIns: durations(d.waitWalkIn), appointments: durations(d.waitAppointment) },
    conversation: { walkIns: durations(d.talkWalkIn), appointments: durations(d.talkAppointment), fromCall: d.fromCall },
    visits: visitIds.map((hours, i) => ({ weekday: i + 1, hours: hours.map(shown) })),
  };
}

/** The three groups' rows of `g` in `table`. */
function groupIds(table: CellTable, kind: CellKind, g: Group): Record<GroupName, Ids> {
  return {
    appointments: addRow(table, kind, g.appointments, "appointments"),
    walkIns: addRow(table, kind, g.walkIns, "walkIns"),
    requests: addRow(table, kind, g.requests, "requests"),
  };
}

/** The totals less what the audiences hold: the counts without a topic. */
function withoutTopic(total: Group, audiences: readonly Group[]): Group {
  const less = <K extends string>(name: GroupName, keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, (total[name] as Tally<K>)[k] - audiences.reduce((sum, a) => sum + (a[name] as Tally<K>)[k], 0)])) as Tally<K>;
  return {
    appointments: less("appointments", APPOINTMENT_MEASURES),
    walkIns: less("walkIns", WALK_IN_MEASURES),
    requests: less("requests", REQUEST_MEASURES),
  };
}

interface WeekTally {
  week: string;
  from: string;
  to: string;
  appointments: number;
  attended: number;
  walkIns: number;
}

/** The ISO weeks touching `from`…`to`, each clipped to the period, in order. */
function weeksOf(from: string, to: string): Map<string, WeekTally> {
  const weeks = new Map<string, WeekTally>();
  for (let day = from; day <= to; day = addDays(day, 7 - isoWeekday(day) + 1)) {
    const { week, monday } = isoWeek(day);
    const sunday = addDays(monday, 6);
    weeks.set(week, { week, from: day, to: sunday < to ? sunday : to, appointments: 0, attended: 0, walkIns: 0 });
  }
  return weeks;
}

// ---------------------------------------------------------------------------------------------------
// The statistics as one table (the CSV export): section; dimension; value; measure; number. German, as
// the reports are. Every number is taken from the answer as it is, "< 3" included.

/** The table's column heads. */
export const TABLE_HEAD = ["Abschnitt", "Merkmal", "Ausprägung", "Kennzahl", "Wert"] as const;

type Row = [string, string, string, string, CsvValue];

const APPOINTMENT_LABELS: Record<AppointmentMeasure, string> = {
  booked: "Termine gebucht",
  attended: "Termine wahrgenommen",
  noShow: "nicht erschienen",
  cancelledByResident: "abgesagt von der Person",
  cancelledByOffice: "abgesagt vom Büro",
};
const WALK_IN_LABELS: Record<WalkInMeasure, string> = {
  total: "ohne Termin (Wartenummern)",
  served: "ohne Termin bedient",
  left: "ohne Termin nicht bedient",
};
/** Part of "ohne Termin nicht bedient": who left the queue on the status page. */
const WALK_IN_GONE_LABEL = "ohne Termin gegangen (selbst abgemeldet)";
const REQUEST_LABELS: Record<RequestMeasure, string> = {
  received: "Anfragen erhalten",
  proposed: "Anfragen mit Terminvorschlag",
  declined: "Anfragen abgelehnt",
};
const CHANNEL_LABELS: Record<BookingSource, string> = { online: "online", staff: "Telefon/Büro", kiosk: "Kiosk" };
const AUDIENCE_LABELS: Record<Audience, string> = {
  residents: "Bewohner*innen",
  businesses: "Unternehmen",
  everyone: "für alle/offen",
};
const WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];

function groupRows(section: string, dimension: string, value: string, g: Omit<Statistics["byAudience"][number], "audience">): Row[] {
  return [
    ...APPOINTMENT_MEASURES.map((m): Row => [section, dimension, value, APPOINTMENT_LABELS[m], g.appointments[m]]),
    ...WALK_IN_MEASURES.map((m): Row => [section, dimension, value, WALK_IN_LABELS[m], g.walkIns[m]]),
    ...REQUEST_MEASURES.map((m): Row => [section, dimension, value, REQUEST_LABELS[m], g.requests[m]]),
  ];
}

function durationRows(section: string, value: string, d: Durations): Row[] {
  return [
    [section, "Art", value, "Anzahl Werte", d.count],
    [section, "Art", value, "Median (Minuten)", d.median],
    [section, "Art", value, "90. Perzentil (Minuten)", d.p90],
  ];
}

/**
 * What the marks in the "Wert" column mean, for whoever opens the file without the board beside it: rows
 * of their own (section "Erläuterung"), with no number in them.
 */
const LEGEND: Row[] = [
  ["Erläuterung", "Zeichen", SMALL_CELL, "Bedeutung", "eins oder zwei: so kleine Zahlen stehen nicht genau da, damit niemand erkannt werden kann"],
  ["Erläuterung", "Zeichen", WITHHELD_CELL, "Bedeutung", `drei oder mehr, zurückgehalten, damit sich kein „${SMALL_CELL}“ aus den anderen Zahlen ausrechnen lässt`],
];

/** The statistics as rows under TABLE_HEAD, in the order of the answer. */
export function statisticsTable(s: Statistics): (readonly CsvValue[])[] {
  const period = "Zeitraum";
  const rows: Row[] = [
    [period, "Büro", s.office.name, "erster Tag", { day: s.period.from }],
    [period, "Büro", s.office.name, "letzter Tag", { day: s.period.to }],
    [period, "Büro", s.office.name, "Tage", s.period.days],
    ...LEGEND,
    ...groupRows("Summe", "gesamt", "alle", s.totals),
    ["Summe", "gesamt", "alle", WALK_IN_GONE_LABEL, s.totals.walkInsGone],
    ...s.byChannel.flatMap(({ channel, appointments }) =>
      APPOINTMENT_MEASURES.map((m): Row => ["Termine nach Kanal", "Kanal", CHANNEL_LABELS[channel], APPOINTMENT_LABELS[m], appointments[m]]),
    ),
    ...s.byTopic.flatMap((t) => groupRows("Nach Thema", "Thema", t.label.de, t)),
    ...s.byAudience.flatMap((a) => groupRows("Nach Zielgruppe", "Zielgruppe", AUDIENCE_LABELS[a.audience], a)),
    ...s.byWeek.flatMap((w): Row[] => [
      ["Nach Woche", "Woche", w.week, "erster Tag", { day: w.from }],
      ["Nach Woche", "Woche", w.week, "letzter Tag", { day: w.to }],
      ["Nach Woche", "Woche", w.week, APPOINTMENT_LABELS.booked, w.appointments],
      ["Nach Woche", "Woche", w.week, APPOINTMENT_LABELS.attended, w.attended],
      ["Nach Woche", "Woche", w.week, WALK_IN_LABELS.total, w.walkIns],
    ]),
    ...durationRows("Wartezeit", "ohne Termin", s.waiting.walkIns),
    ...durationRows("Wartezeit", "mit Termin", s.waiting.appointments),
    ...durationRows("Gesprächsdauer", "ohne Termin", s.conversation.walkIns),
    ...durationRows("Gesprächsdauer", "mit Termin", s.conversation.appointments),
    ["Gesprächsdauer", "Art", "alle", "davon ab Aufruf gemessen (ohne „Beginnen“)", s.conversation.fromCall],
    // Only the hours with visits: a table of 168 rows would be mostly zeros.
    ...s.visits.flatMap((d) =>
      d.hours.flatMap((n, hour): Row[] =>
        n === 0 ? [] : [["Besuche nach Wochentag und Stunde", "Wochentag, Stunde", `${WEEKDAYS[d.weekday - 1]}, ${hourSpan(hour)}`, "Besuche", n]],
      ),
    ),
  ];
  return [[...TABLE_HEAD], ...rows];
}

/** `13` → `13:00–13:59`. */
function hourSpan(hour: number): string {
  const h = String(hour).padStart(2, "0");
  return `${h}:00–${h}:59`;
}

/** The export's file name: `statistik-kempten-ost-2026-11-01-bis-2026-11-30.csv`. */
export function csvFileName(s: Statistics): string {
  return `statistik-${s.office.slug}-${s.period.from}-bis-${s.period.to}.csv`;
}
