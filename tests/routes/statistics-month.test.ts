import { eraseBookings, eraseFinishedMails } from "../../worker/db/erasure";
import { env } from "cloudflare:workers";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { Cell, Statistics } from "../../schemas/statistics";
import { givenAway } from "../helpers/suppression-check";
import { staffCall } from "../helpers/staff-bookings";
import { AUDIENCE_OF, generateMonth, MONTH, sessionAt, statisticsOf, type Expected, type Month, type TopicKey } from "./statistics-support";

/*
 * The statistics of a generated month (statistics-support.ts: bookings of all channels and outcomes,
 * cancellations by both sides, requests, walk-ins and calls, all through the real API) against the
 * tally the generator kept itself; the same numbers after every booking and mail of the office has been
 * erased; and the CSV in both dialects, read back with a real CSV parser, holding exactly the JSON's
 * numbers.
 */

const GENERATE_MS = 240_000;

let month: Month;
let before: Statistics;
beforeAll(async () => {
  month = await generateMonth();
  before = await statisticsOf(month);
}, GENERATE_MS);

/** What a breakdown cell must say, counted independently: 1 and 2 are "< 3". */
const shown = (n: number) => (n === 1 || n === 2 ? "< 3" : n);
/** The same, where the answer withheld a count of 3 or more ("geheim") to protect a "< 3". */
const seen = (answer: Cell, n: number) => (answer === "geheim" && n >= 3 ? "geheim" : shown(n));
const count = <T>(items: readonly T[], test: (x: T) => boolean) => items.filter(test).length;

function appointmentCounts(list: Expected["appointments"]) {
  return {
    booked: list.length,
    attended: count(list, (a) => a.outcome === "attended"),
    noShow: count(list, (a) => a.outcome === "noShow"),
    cancelledByResident: count(list, (a) => a.outcome === "cancelledByResident"),
    cancelledByOffice: count(list, (a) => a.outcome === "cancelledByOffice"),
  };
}
function walkInCounts(list: Expected["walkIns"]) {
  return { total: list.length, served: count(list, (w) => w.served), left: count(list, (w) => !w.served) };
}
function requestCounts(list: Expected["requests"]) {
  return { received: list.length, proposed: count(list, (r) => r.proposed), declined: count(list, (r) => r.declined) };
}
const cellsOf = <T extends Record<string, number>>(answer: Record<string, Cell>, counts: T) =>
  Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, seen(answer[k]!, v)]));

/** Median (mean of the middle two for an even count) and nearest-rank 90th percentile, written out here. */
function spread(values: number[]) {
  if (values.length < 3) return { count: values.length, median: "< 3", p90: "< 3" };
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  const median = n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
  return { count: n, median, p90: s[Math.ceil((9 * n) / 10) - 1]! };
}

/** The ISO week of a November 2026 day: 1 November is the Sunday of W44, W45 starts on the 2nd. */
const weekOf = (day: string) => {
  const d = Number(day.slice(8));
  return `2026-W${d === 1 ? 44 : 45 + Math.floor((d - 2) / 7)}`;
};

describe("a generated month", () => {
  it("has data of every kind (so the comparisons below compare something)", () => {
    const e = month.expected;
    for (const outcome of ["attended", "noShow", "cancelledByResident", "cancelledByOffice", "open"]) {
      expect(count(e.appointments, (a) => a.outcome === outcome)).toBeGreaterThanOrEqual(3);
    }
    for (const channel of ["online", "staff", "kiosk"]) expect(count(e.appointments, (a) => a.channel === channel)).toBeGreaterThanOrEqual(3);
    // Phone bookings cancelled by staff on the person's word count as the person's.
    expect(e.cancelledForResident).toBeGreaterThanOrEqual(1);
    expect(count(e.walkIns, (w) => !w.served)).toBeGreaterThanOrEqual(3);
    expect(count(e.requests, (r) => r.declined)).toBeGreaterThanOrEqual(3);
    expect(e.fromCall).toBeGreaterThan(0);
  });

  it("gives the totals the generator counted", () => {
    const e = month.expected;
    expect(before.period).toEqual({ ...MONTH, days: 30 });
    expect(before.totals).toEqual({
      appointments: appointmentCounts(e.appointments),
      walkIns: walkInCounts(e.walkIns),
      requests: requestCounts(e.requests),
      // Nobody in the generated month leaves from the status page (tests/routes/status-push.test.ts counts that).
      walkInsGone: 0,
    });
  });

  it("breaks them down by channel, topic and audience, small cells as '< 3', none to be worked out", () => {
    const e = month.expected;
    expect(before.byChannel).toEqual(
      before.byChannel.map(({ channel, appointments }) => ({
        channel,
        appointments: cellsOf(appointments, appointmentCounts(e.appointments.filter((a) => a.channel === channel))),
      })),
    );
    const groups = (answer: Pick<Statistics["byAudience"][number], "appointments" | "walkIns" | "requests">, test: (topic: TopicKey) => boolean) => ({
      appointments: cellsOf(answer.appointments, appointmentCounts(e.appointments.filter((a) => test(a.topic)))),
      walkIns: cellsOf(answer.walkIns, walkInCounts(e.walkIns.filter((w) => test(w.topic)))),
      requests: cellsOf(answer.requests, requestCounts(e.requests.filter((r) => test(r.topic)))),
    });
    for (const key of ["fragen", "kompetenzanalyse", "intern"] as const) {
      const answer = before.byTopic.find((t) => t.key === key)!;
      expect(answer).toEqual({ key, label: { de: `Thema ${key}`, en: `Topic ${key}` }, audience: AUDIENCE_OF[key], ...groups(answer, (t) => t === key) });
    }
    for (const audience of ["residents", "businesses", "everyone"] as const) {
      const answer = before.byAudience.find((a) => a.audience === audience)!;
      expect(answer).toEqual({ audience, ...groups(answer, (t) => AUDIENCE_OF[t] === audience) });
    }
    expect(givenAway(before)).toEqual([]);
  });

  it("counts appointments, attendance and walk-ins per ISO week", () => {
    const e = month.expected;
    expect(before.byWeek.map((w) => w.week)).toEqual(["2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-W49"]);
    expect(before.byWeek.map((w) => [w.week, w.appointments, w.attended, w.walkIns])).toEqual(
      before.byWeek.map(({ week, ...w }) => [
        week,
        seen(w.appointments, count(e.appointments, (a) => weekOf(a.day) === week)),
        seen(w.attended, count(e.appointments, (a) => weekOf(a.day) === week && a.outcome === "attended")),
        seen(w.walkIns, count(e.walkIns, (x) => weekOf(x.day) === week)),
      ]),
    );
  });

  it("measures waiting and conversations as the clock was held, and visits by weekday and hour", () => {
    const e = month.expected;
    expect(before.waiting).toEqual({ walkIns: spread(e.waitWalkIn), appointments: spread(e.waitAppointment) });
    expect(before.conversation).toEqual({ walkIns: spread(e.talkWalkIn), appointments: spread(e.talkAppointment), fromCall: e.fromCall });
    expect(before.visits).toEqual(e.visits.map((hours, i) => ({ weekday: i + 1, hours: hours.map((n, h) => seen(before.visits[i]!.hours[h]!, n)) })));
  });

  it("gives identical statistics after every booking and mail of the office has been erased", async () => {
    const now = new Date("2027-06-01T08:00:00Z");
    const ids = async (sql: string) => (await env.DB.prepare(sql).bind(month.office.id).all<{ id: string }>()).results.map((r) => r.id);
    const bookings = await ids("SELECT id FROM bookings WHERE location_id = ?1");
    const mails = await ids("SELECT id FROM mail_outbox WHERE location_id = ?1");
    await env.DB.batch([...eraseBookings(env.DB, bookings, now), eraseFinishedMails(env.DB, mails, now)]);
    const left = await env.DB.prepare(
      `SELECT (SELECT count(*) FROM bookings WHERE location_id = ?1 AND (name IS NOT NULL OR email IS NOT NULL OR erased_at IS NULL)) AS people,
              (SELECT count(*) FROM mail_outbox WHERE location_id = ?1 AND to_address != '') AS mails`,
    )
      .bind(month.office.id)
      .first();
    expect(left).toEqual({ people: 0, mails: 0 });
    expect(await statisticsOf(month)).toEqual(before);
  });
});

describe("the CSV export", () => {
  async function csv(format: string) {
    const now = new Date("2026-12-02T08:00:00Z");
    const res = await staffCall(month.office, await sessionAt(month.staff, now), "GET", `/statistics.csv?${new URLSearchParams({ ...MONTH, format })}`, undefined, { now });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="statistik-${month.office.slug}-2026-11-01-bis-2026-11-30.csv"`);
    return new Uint8Array(await res.arrayBuffer());
  }

  /** Every number of the JSON as [section, value, measure] → shown text, for the comparison with a CSV. */
  function jsonCells(s: Statistics, number: (n: number) => string): Map<string, string> {
    const cells = new Map<string, string>();
    const put = (section: string, value: string, measure: string, n: number | string) =>
      cells.set(`${section}|${value}|${measure}`, typeof n === "number" ? number(n) : n);
    const labels = {
      booked: "Termine gebucht", attended: "Termine wahrgenommen", noShow: "nicht erschienen",
      cancelledByResident: "abgesagt von der Person", cancelledByOffice: "abgesagt vom Büro",
      total: "ohne Termin (Wartenummern)", served: "ohne Termin bedient", left: "ohne Termin nicht bedient",
      received: "Anfragen erhalten", proposed: "Anfragen mit Terminvorschlag", declined: "Anfragen abgelehnt",
    } as Record<string, string>;
    const group = (section: string, value: string, g: { appointments: object; walkIns: object; requests: object }) => {
      for (const part of [g.appointments, g.walkIns, g.requests]) {
        for (const [k, n] of Object.entries(part)) put(section, value, labels[k]!, n as number | string);
      }
    };
    group("Summe", "alle", s.totals);
    put("Summe", "alle", "ohne Termin gegangen (selbst abgemeldet)", s.totals.walkInsGone);
    const channels = { online: "online", staff: "Telefon/Büro", kiosk: "Kiosk" };
    for (const c of s.byChannel) for (const [k, n] of Object.entries(c.appointments)) put("Termine nach Kanal", channels[c.channel], labels[k]!, n);
    for (const t of s.byTopic) group("Nach Thema", t.label.de, t);
    const audiences = { residents: "Bewohner*innen", businesses: "Unternehmen", everyone: "für alle/offen" };
    for (const a of s.byAudience) group("Nach Zielgruppe", audiences[a.audience], a);
    for (const w of s.byWeek) {
      put("Nach Woche", w.week, labels.booked!, w.appointments);
      put("Nach Woche", w.week, labels.attended!, w.attended);
      put("Nach Woche", w.week, labels.total!, w.walkIns);
    }
    for (const [section, d] of [["Wartezeit", s.waiting], ["Gesprächsdauer", s.conversation]] as const) {
      for (const [value, x] of [["ohne Termin", d.walkIns], ["mit Termin", d.appointments]] as const) {
        put(section, value, "Anzahl Werte", x.count);
        put(section, value, "Median (Minuten)", x.median);
        put(section, value, "90. Perzentil (Minuten)", x.p90);
      }
    }
    const days = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];
    for (const d of s.visits) {
      d.hours.forEach((n, h) => {
        if (n !== 0) put("Besuche nach Wochentag und Stunde", `${days[d.weekday - 1]}, ${String(h).padStart(2, "0")}:00–${String(h).padStart(2, "0")}:59`, "Besuche", n);
      });
    }
    return cells;
  }

  /** What the file says its marks mean, as [mark, meaning]. */
  const LEGEND = [
    ["< 3", "eins oder zwei: so kleine Zahlen stehen nicht genau da, damit niemand erkannt werden kann"],
    ["geheim", "drei oder mehr, zurückgehalten, damit sich kein „< 3“ aus den anderen Zahlen ausrechnen lässt"],
  ];
  const legend = (rows: string[][]) => rows.filter((r) => r[0] === "Erläuterung").map((r) => [r[2], r[4]]);

  function csvCells(rows: string[][]): Map<string, string> {
    const cells = new Map<string, string>();
    for (const [section, , value, measure, n] of rows.slice(1)) {
      if (section === "Zeitraum" || section === "Erläuterung" || measure === "erster Tag" || measure === "letzter Tag" || value === "alle" && section === "Gesprächsdauer") continue;
      cells.set(`${section}|${value}|${measure}`, n!);
    }
    return cells;
  }

  it("excel: UTF-8 with BOM, ';', decimal comma, TT.MM.JJJJ, CRLF, the JSON's numbers", async () => {
    const bytes = await csv("excel");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: false, fatal: true }).decode(bytes);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replaceAll("\r\n", "").includes("\n")).toBe(false);
    const rows: string[][] = parse(text, { delimiter: ";", bom: true, record_delimiter: "\r\n" });
    expect(rows[0]).toEqual(["Abschnitt", "Merkmal", "Ausprägung", "Kennzahl", "Wert"]);
    expect(rows).toContainEqual(["Zeitraum", "Büro", "Testbüro Kempten-Ost", "erster Tag", "01.11.2026"]);
    expect(rows).toContainEqual(["Zeitraum", "Büro", "Testbüro Kempten-Ost", "letzter Tag", "30.11.2026"]);
    expect(rows).toContainEqual(["Nach Woche", "Woche", "2026-W45", "erster Tag", "02.11.2026"]);
    expect(rows).toContainEqual(["Gesprächsdauer", "Art", "alle", "davon ab Aufruf gemessen (ohne „Beginnen“)", String(before.conversation.fromCall)]);
    expect(csvCells(rows)).toEqual(jsonCells(before, (n) => String(n).replace(".", ",")));
    expect(legend(rows)).toEqual(LEGEND);
  });

  it("rfc4180: UTF-8 without BOM, ',', decimal point, ISO dates, the same numbers", async () => {
    const bytes = await csv("rfc4180");
    expect(bytes[0]).not.toBe(0xef);
    const rows: string[][] = parse(new TextDecoder().decode(bytes), { record_delimiter: "\r\n" });
    expect(rows).toContainEqual(["Zeitraum", "Büro", "Testbüro Kempten-Ost", "erster Tag", "2026-11-01"]);
    expect(csvCells(rows)).toEqual(jsonCells(before, String));
    expect(legend(rows)).toEqual(LEGEND);
  });
});
