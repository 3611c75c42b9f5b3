import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { StatisticsFacts, StatsAppointmentCount } from "../../schemas/rows";
import { Statistics } from "../../schemas/statistics";
import { toCsv } from "../../common/csv";
import { zonedInstant } from "../../common/time";
import { computeStatistics, durations, isoWeek, statisticsTable } from "../../worker/domain/statistics";
import { givenAway } from "../helpers/suppression-check";

/*
 * The statistics from fixed facts: suppression thresholds, percentiles, the local day and hour of an
 * instant across midnight and the DST changes, ISO weeks at the turn of the year, an empty period; and
 * the CSV dialects (quoting, formula neutralising, decimal mark, dates).
 */

const TZ = "Europe/Berlin";
const at = (date: string, time: string) => zonedInstant(date, time, TZ).toISOString();

const TOPICS: StatisticsFacts["topics"] = [
  { id: 1, key: "coaching", label: { de: "Einzelcoaching", en: "Coaching" }, audience: "residents", active: true },
  { id: 2, key: "firmen", label: { de: "Beratung für Unternehmen" }, audience: "businesses", active: true },
  { id: 3, key: "alt", label: { de: "Altes Thema", en: "Old topic" }, audience: "everyone", active: false },
];

/**
 * Facts as the database gives them: unless a test sets them, the weeks' appointments and walk-ins are the
 * same as those counted by topic (all on Tuesday, 10 November), so that the weeks add up to the totals.
 */
function facts(over: Partial<StatisticsFacts> = {}): StatisticsFacts {
  const attended = (a: StatsAppointmentCount) => a.status === "checked_in" || a.status === "completed";
  return {
    office: { slug: "test", name: "Testbüro" },
    topics: TOPICS,
    appointments: [],
    appointmentHours: (over.appointments ?? []).map((a) => ({ hour: "2026-11-10T09", attended: attended(a), n: a.n })),
    requests: [],
    walkIns: [],
    walkInDays: (over.walkIns ?? []).map((w) => ({ day: "2026-11-10", n: w.n })),
    visitHours: [],
    durations: { waitWalkIn: [], waitAppointment: [], talkWalkIn: [], talkAppointment: [], fromCall: 0 },
    ...over,
  };
}

function appointment(over: Partial<StatsAppointmentCount> = {}): StatsAppointmentCount {
  return { topic_id: 1, source: "online", status: "confirmed", cancelled_by: null, n: 1, ...over };
}

/** The UTC hour bucket of an instant, as db/statistics.ts groups by it. */
const hourOf = (instant: string) => instant.slice(0, 13);

const NOV = { from: "2026-11-01", to: "2026-11-30" };

describe("small cells", () => {
  it("suppresses a breakdown's 1 and 2 but keeps the totals exact", () => {
    const s = computeStatistics(
      facts({
        appointments: [
          appointment({ n: 2 }),
          appointment({ topic_id: 2, source: "staff", n: 4 }),
          appointment({ topic_id: 2, source: "kiosk", status: "completed", n: 3 }),
        ],
      }),
      NOV,
      TZ,
    );
    expect(s.totals.appointments).toEqual({ booked: 9, attended: 3, noShow: 0, cancelledByResident: 0, cancelledByOffice: 0 });
    // 9 − 4 − 3 would give the 2 online away: the smallest other channel is withheld.
    expect(s.byChannel.map((c) => c.appointments.booked)).toEqual(["< 3", 4, "geheim"]);
    expect(s.byAudience.map((a) => a.audience)).toEqual(["residents", "businesses", "everyone"]);
    expect(Statistics.parse(s)).toEqual(s);
  });

  it.each([0, 3, 117])("shows a count of %s as it is", (n) => {
    const s = computeStatistics(facts({ appointments: n ? [appointment({ n })] : [] }), NOV, TZ);
    expect(s.byTopic[0]!.appointments.booked).toBe(n);
  });

  it.each([
    {
      // The reviewer's case: 1 booking at the kiosk was the total less online and phone.
      name: "a small channel: the smallest other non-zero channel is withheld",
      appointments: [appointment({ n: 5 }), appointment({ source: "staff", n: 4 }), appointment({ source: "kiosk" })],
      expect: (s: Statistics) => expect(s.byChannel.map((c) => c.appointments.booked)).toEqual([5, "geheim", "< 3"]),
    },
    {
      // The reviewer's case "coaching = total − firmen", and the same through the audiences.
      name: "a small topic: the other topic and audience are withheld",
      appointments: [appointment({ n: 2 }), appointment({ topic_id: 2, n: 6 })],
      expect: (s: Statistics) => {
        expect(s.byTopic.map((t) => t.appointments.booked)).toEqual(["< 3", "geheim"]);
        expect(s.byAudience.map((a) => a.appointments.booked)).toEqual(["< 3", "geheim", 0]);
      },
    },
    {
      // booked 9 = attended 8 + no-show 1 with nothing open: the no-show would be 9 − 8.
      name: "an outcome that is the rest of its row",
      appointments: [
        appointment({ status: "completed", n: 8 }),
        appointment({ status: "no_show" }),
        appointment({ topic_id: 2, status: "completed", n: 5 }),
        appointment({ topic_id: 2, status: "no_show", n: 4 }),
      ],
      expect: (s: Statistics) => {
        expect(s.byTopic[0]!.appointments.noShow).toBe("< 3");
        expect(Object.values(s.byTopic[0]!.appointments)).toContain("geheim");
      },
    },
  ])("$name", ({ appointments, expect: check }) => {
    const s = computeStatistics(facts({ appointments }), NOV, TZ);
    check(s);
    expect(givenAway(s)).toEqual([]);
  });

  it("withholds along weeks and the weekday × hour grid too", () => {
    const s = computeStatistics(
      facts({
        appointmentHours: [
          { hour: hourOf(at("2026-11-02", "10:00")), attended: true, n: 5 },
          { hour: hourOf(at("2026-11-10", "10:00")), attended: true, n: 1 },
        ],
        appointments: [appointment({ status: "completed", n: 6 })],
        visitHours: [
          { hour: hourOf(at("2026-11-02", "10:00")), n: 7 },
          { hour: hourOf(at("2026-11-03", "11:00")), n: 4 },
          { hour: hourOf(at("2026-11-04", "09:00")), n: 1 },
        ],
      }),
      NOV,
      TZ,
    );
    expect(s.byWeek.slice(1, 3).map((w) => [w.appointments, w.attended])).toEqual([
      ["geheim", "geheim"],
      ["< 3", "< 3"],
    ]);
    const grid = s.visits.flatMap((d) => d.hours.filter((n) => n !== 0));
    expect(grid).toEqual([7, "geheim", "< 3"]);
    expect(givenAway(s)).toEqual([]);
  });

  it("leaves no '< 3' to subtraction in a busy month of mixed facts", () => {
    // A fixed pseudo-random month: every topic, channel and outcome, many small cells.
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const statuses = ["confirmed", "completed", "no_show", "cancelled"] as const;
    const appointments = Array.from({ length: 40 }, () => {
      const status = statuses[rnd(4)]!;
      return appointment({
        topic_id: 1 + rnd(3),
        source: (["online", "staff", "kiosk"] as const)[rnd(3)]!,
        status,
        cancelled_by: status === "cancelled" ? (rnd(2) ? "resident" : "office") : null,
        n: 1 + rnd(3),
      });
    });
    const walkIns = Array.from({ length: 12 }, () => ({ topic_id: 1 + rnd(3), served: rnd(3) > 0, n: 1 + rnd(4) }));
    const requests = Array.from({ length: 8 }, () => ({ topic_id: 1 + rnd(3), proposed: rnd(2) === 0, declined: false, n: 1 + rnd(2) }));
    const s = computeStatistics(facts({ appointments, walkIns, requests }), NOV, TZ);
    const all = JSON.stringify([s.byChannel, s.byTopic, s.byAudience]);
    expect(all).toContain("< 3");
    expect(all).toContain("geheim");
    expect(givenAway(s)).toEqual([]);
  });
});

describe("durations", () => {
  it.each([
    { name: "none", values: [], median: "< 3", p90: "< 3" },
    { name: "two values", values: [4, 8], median: "< 3", p90: "< 3" },
    { name: "three values", values: [9, 1, 5], median: 5, p90: 9 },
    { name: "an even count: mean of the middle two", values: [1, 2, 3, 10], median: 2.5, p90: 10 },
    // ten values: the 9th smallest is the nearest rank of 90 %
    { name: "ten values", values: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], median: 5.5, p90: 9 },
    { name: "eleven values: rank ⌈9.9⌉ = 10", values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], median: 6, p90: 10 },
    { name: "one decimal", values: [1 / 3, 2 / 3, 1], median: 0.7, p90: 1 },
  ])("$name", ({ values, median, p90 }) => {
    expect(durations(values)).toEqual({ count: values.length, median, p90 });
  });
});

describe("days, hours and weeks in Europe/Berlin", () => {
  it("counts an appointment at 00:30 local on its local day and week, not the UTC one", () => {
    // Sunday 29 Nov 2026 23:30 UTC is Monday 30 Nov 00:30 in Berlin: the week of 30 Nov.
    const s = computeStatistics(
      facts({ appointmentHours: [{ hour: "2026-11-29T23", attended: true, n: 1 }] }),
      { from: "2026-11-23", to: "2026-12-06" },
      TZ,
    );
    expect(s.byWeek.map((w) => [w.week, w.appointments, w.attended])).toEqual([
      ["2026-W48", 0, 0],
      ["2026-W49", "< 3", "< 3"],
    ]);
  });

  it.each([
    // spring forward: 29 March 2026, 02:00 → 03:00; 01:30 UTC is 03:30 CEST
    { name: "after the spring gap", instant: "2026-03-29T01:30:00.000Z", weekday: 7, hour: 3 },
    { name: "before the spring gap", instant: "2026-03-29T00:30:00.000Z", weekday: 7, hour: 1 },
    // fall back: 25 October 2026, 03:00 → 02:00; both 00:30 and 01:30 UTC are 02:30 local
    { name: "first 02:30 of the autumn overlap", instant: "2026-10-25T00:30:00.000Z", weekday: 7, hour: 2 },
    { name: "second 02:30 of the autumn overlap", instant: "2026-10-25T01:30:00.000Z", weekday: 7, hour: 2 },
    { name: "a minute before local midnight", instant: "2026-11-30T22:59:00.000Z", weekday: 1, hour: 23 },
    { name: "local midnight", instant: "2026-11-30T23:00:00.000Z", weekday: 2, hour: 0 },
  ])("a visit $name is on weekday $weekday, hour $hour", ({ instant, weekday, hour }) => {
    const s = computeStatistics(facts({ visitHours: [{ hour: hourOf(instant), n: 3 }] }), { from: "2026-01-01", to: "2026-12-31" }, TZ);
    const nonZero = s.visits.flatMap((d) => d.hours.flatMap((n, h) => (n === 0 ? [] : [[d.weekday, h, n]])));
    expect(nonZero).toEqual([[weekday, hour, 3]]);
  });

  it("splits the DST week of 29 March 2026 like any other (Monday to Sunday, clipped to the period)", () => {
    const s = computeStatistics(
      facts({ appointmentHours: [{ hour: hourOf(at("2026-03-29", "03:30")), attended: false, n: 1 }], walkInDays: [{ day: "2026-03-30", n: 4 }] }),
      { from: "2026-03-25", to: "2026-04-01" },
      TZ,
    );
    expect(s.byWeek.map((w) => [w.week, w.from, w.to, w.appointments, w.attended, w.walkIns])).toEqual([
      ["2026-W13", "2026-03-25", "2026-03-29", "< 3", 0, 0],
      ["2026-W14", "2026-03-30", "2026-04-01", 0, 0, 4],
    ]);
  });

  it.each([
    ["2026-01-01", "2026-W01", "2025-12-29"],
    ["2026-12-31", "2026-W53", "2026-12-28"],
    ["2027-01-03", "2026-W53", "2026-12-28"],
    ["2027-01-04", "2027-W01", "2027-01-04"],
    ["2024-12-30", "2025-W01", "2024-12-30"],
  ])("%s lies in ISO week %s (from %s)", (day, week, monday) => {
    expect(isoWeek(day)).toEqual({ week, monday });
  });
});

describe("an empty period", () => {
  it("is all zeros, every channel and audience listed, active topics only", () => {
    const s = computeStatistics(facts(), NOV, TZ);
    expect(s.totals).toEqual({
      appointments: { booked: 0, attended: 0, noShow: 0, cancelledByResident: 0, cancelledByOffice: 0 },
      walkIns: { total: 0, served: 0, left: 0 },
      requests: { received: 0, proposed: 0, declined: 0 },
      walkInsGone: 0,
    });
    expect(s.byTopic.map((t) => t.key)).toEqual(["coaching", "firmen"]);
    expect(s.byTopic[1]!.label.en).toBe("Beratung für Unternehmen");
    expect(s.byChannel.map((c) => c.channel)).toEqual(["online", "staff", "kiosk"]);
    // 1 November 2026 is a Sunday: its week is cut to one day, and the 30th starts the next.
    expect(s.byWeek.map((w) => w.week)).toEqual(["2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-W49"]);
    expect([s.byWeek[0]!.from, s.byWeek[0]!.to, s.byWeek[5]!.from, s.byWeek[5]!.to]).toEqual(["2026-11-01", "2026-11-01", "2026-11-30", "2026-11-30"]);
    expect(s.period.days).toBe(30);
    expect(s.waiting.walkIns).toEqual({ count: 0, median: "< 3", p90: "< 3" });
    expect(s.visits.every((d) => d.hours.every((n) => n === 0))).toBe(true);
  });

  it("lists a retired topic once it has numbers", () => {
    const s = computeStatistics(facts({ requests: [{ topic_id: 3, proposed: false, declined: true, n: 1 }] }), NOV, TZ);
    expect(s.byTopic.map((t) => t.key)).toEqual(["coaching", "firmen", "alt"]);
    expect(s.totals.requests).toEqual({ received: 1, proposed: 0, declined: 1 });
  });
});

describe("outcomes", () => {
  it("tells a resident's cancellation from the office's (staff or system)", () => {
    const s = computeStatistics(
      facts({
        appointments: [
          appointment({ status: "cancelled", cancelled_by: "resident" }),
          appointment({ status: "cancelled", cancelled_by: "office", n: 2 }),
          appointment({ status: "no_show" }),
          appointment({ status: "checked_in" }),
          appointment({ status: "completed" }),
          appointment({ status: "confirmed" }),
        ],
      }),
      NOV,
      TZ,
    );
    expect(s.totals.appointments).toEqual({ booked: 7, attended: 2, noShow: 1, cancelledByResident: 1, cancelledByOffice: 2 });
  });

  it("counts walk-ins gone from the queue by their own status page ('gegangen') in the totals, a part of those left", () => {
    const walkIns = [
      { topic_id: 1, served: true, n: 4 },
      { topic_id: 1, served: false, gone: true, n: 2 },
      { topic_id: 2, served: false, gone: false, n: 1 },
      { topic_id: 2, served: false, gone: true, n: 1 },
    ];
    const s = computeStatistics(facts({ walkIns }), NOV, TZ);
    expect(s.totals.walkIns).toEqual({ total: 8, served: 4, left: 4 });
    expect(s.totals.walkInsGone).toBe(3);
    expect(statisticsTable(s).find((row) => row[3] === "ohne Termin gegangen (selbst abgemeldet)")?.[4]).toBe(3);
  });

  it("counts walk-ins served and left, per topic and audience, a number without topic in the totals only", () => {
    const walkIns = [
      { topic_id: 1, served: true, n: 5 },
      { topic_id: 1, served: false, n: 2 },
      { topic_id: 2, served: true, n: 3 },
      { topic_id: null, served: false, n: 1 },
    ];
    const s = computeStatistics(facts({ walkIns }), NOV, TZ);
    expect(s.totals.walkIns).toEqual({ total: 11, served: 8, left: 3 });
    expect(s.totals.walkInsGone).toBe(0);
    // 7 − 5 would give the 2 away. Withholding the 5 is not enough: 11 − 7 − 3 leaves 1 walk-in without a
    // topic, so the topic's served are 8 − 3 − (0 or 1), at most 5, and its left 7 − that, at least 2. The
    // 7 is withheld instead (and the audience's, which is that topic's).
    expect(s.byTopic[0]!.walkIns).toEqual({ total: "geheim", served: 5, left: "< 3" });
    expect(s.byAudience.map((a) => a.walkIns.total)).toEqual(["geheim", 3, 0]);
    expect(givenAway(s)).toEqual([]);
  });
});

describe("CSV", () => {
  const rows = [
    ["Thema", "=HYPERLINK(\"http://x\")", "@SUM(A1)", "+1", "-2", "\tTab", "a;b", "a,b", "Zeile\neins"],
    [1.5, 0, { day: "2026-11-30" }, "< 3", "Grüße äöüß", "", "x", "y", "z"],
  ];

  it("excel: BOM, semicolons, decimal comma, TT.MM.JJJJ, CRLF, formulas neutralised", () => {
    const text = toCsv(rows, "excel");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const back: string[][] = parse(text, { bom: true, delimiter: ";" });
    expect(back[0]).toEqual(["Thema", "'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "'+1", "'-2", "'\tTab", "a;b", "a,b", "Zeile\neins"]);
    expect(back[1]).toEqual(["1,5", "0", "30.11.2026", "< 3", "Grüße äöüß", "", "x", "y", "z"]);
  });

  it("rfc4180: no BOM, commas, decimal point, ISO dates, quoting where needed", () => {
    const text = toCsv(rows, "rfc4180");
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.split("\r\n")[1]).toBe('1.5,0,2026-11-30,< 3,Grüße äöüß,,x,y,z');
    const back: string[][] = parse(text);
    expect(back[0]![7]).toBe("a,b");
    expect(back[0]![1]).toBe("'=HYPERLINK(\"http://x\")");
  });

  it("the table of a statistics holds its suppressed cells as they are", () => {
    const s = computeStatistics(facts({ appointments: [appointment()] }), NOV, TZ);
    const table = statisticsTable(s);
    expect(table[0]).toEqual(["Abschnitt", "Merkmal", "Ausprägung", "Kennzahl", "Wert"]);
    expect(table).toContainEqual(["Nach Thema", "Thema", "Einzelcoaching", "Termine gebucht", "< 3"]);
    expect(table).toContainEqual(["Summe", "gesamt", "alle", "Termine gebucht", 1]);
    // The legend explains both marks, right after the period, in words rather than numbers.
    expect(table.slice(4, 6).map((r) => r.slice(0, 3))).toEqual([
      ["Erläuterung", "Zeichen", "< 3"],
      ["Erläuterung", "Zeichen", "geheim"],
    ]);
    expect(table.slice(4, 6).map((r) => typeof r[4])).toEqual(["string", "string"]);
  });
});
