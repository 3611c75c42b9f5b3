import { describe, expect, it } from "vitest";
import type { OpeningSpan } from "../../schemas/location";
import type { Day, Slot } from "../../schemas/slots";
import { byMonth, dayOf, extraDays, slotRange, visibleDays, weeklyHours } from "../../kiosk/shared/days";

// The office's week: Monday 13:00–17:30, Wednesday 09:00–13:00; plus a Friday rule that ended and a
// Friday rule that starts in the new year, to prove that rules count only while they are in force.
const HOURS: OpeningSpan[] = [
  { weekday: 3, opens: "09:00", closes: "13:00", validFrom: "2020-06-01", validUntil: null },
  { weekday: 1, opens: "13:00", closes: "17:30", validFrom: "2020-06-01", validUntil: null },
  { weekday: 5, opens: "09:00", closes: "11:00", validFrom: "2020-06-01", validUntil: "2026-11-27" },
  { weekday: 5, opens: "10:00", closes: "12:00", validFrom: "2027-01-01", validUntil: null },
];

const slot = (start: string, end: string): Slot => ({ start, end, free: 1 });
const MON_13 = slot("2026-12-07T13:00:00+01:00", "2026-12-07T13:30:00+01:00");
const WED_09 = slot("2026-12-02T09:00:00+01:00", "2026-12-02T09:30:00+01:00");
const TODAY_17 = slot("2026-11-30T17:00:00+01:00", "2026-11-30T17:30:00+01:00");

const TODAY = "2026-11-30"; // a Monday

describe("slotRange", () => {
  it.each([
    [56, "2027-01-25", "the office's 8 weeks"],
    [0, TODAY, "no horizon: today only"],
    [61, "2027-01-30", "the most the API answers (62 days inclusive)"],
    [90, "2027-01-30", "a longer horizon is capped"],
  ])("horizon %d days ends on %s (%s)", (horizon, to) => {
    expect(slotRange(TODAY, horizon)).toEqual({ from: TODAY, to });
  });
});

describe("visibleDays", () => {
  const day = (date: string, status: Day["status"], extra: Partial<Day> = {}): Day => ({
    date,
    status,
    slots: [],
    ...extra,
  });

  it.each<[string, Day, unknown]>([
    ["open day with free slots", day("2026-12-02", "open", { slots: [WED_09] }), { date: "2026-12-02", kind: "free", slots: [WED_09] }],
    ["open day without free slots is full", day("2026-12-07", "open"), { date: "2026-12-07", kind: "full" }],
    ["today with slots left", day(TODAY, "open", { slots: [TODAY_17] }), { date: TODAY, kind: "free", slots: [TODAY_17] }],
    ["today with none left (too late, not full) is left out", day(TODAY, "open"), null],
    ["a day before today is left out", day("2026-11-23", "open", { slots: [MON_13] }), null],
    ["plain closed day is left out", day("2026-12-01", "closed"), null],
    [
      "holiday on an opening day",
      day("2027-01-06", "holiday", { reason: { de: "Heilige Drei Könige", en: "Epiphany" } }),
      { date: "2027-01-06", kind: "holiday", reason: { de: "Heilige Drei Könige", en: "Epiphany" } },
    ],
    ["holiday on a Saturday is left out", day("2026-12-26", "holiday", { reason: { de: "2. Weihnachtstag" } }), null],
    ["holiday on a Friday whose rule has ended is left out", day("2026-12-25", "holiday", { reason: { de: "1. Weihnachtstag" } }), null],
    [
      "holiday on a Friday under the new rule",
      day("2027-01-01", "holiday", { reason: { de: "Neujahr", en: "New Year's Day" } }),
      { date: "2027-01-01", kind: "holiday", reason: { de: "Neujahr", en: "New Year's Day" } },
    ],
    [
      "closure with a German reason only keeps it so (the page marks it as German)",
      day("2026-12-23", "closure", { reason: { de: "Betriebsausflug" } }),
      { date: "2026-12-23", kind: "closure", reason: { de: "Betriebsausflug" } },
    ],
    [
      "closure without any reason",
      day("2026-12-14", "closure"),
      { date: "2026-12-14", kind: "closure", reason: { de: "" } },
    ],
    ["closure on a Tuesday is left out", day("2026-12-15", "closure", { reason: { de: "Fortbildung" } }), null],
  ])("%s", (_, input, expected) => {
    expect(visibleDays([input], HOURS, TODAY)).toEqual(expected === null ? [] : [expected]);
  });

  it("keeps the API's order", () => {
    const days = [
      day(TODAY, "open"),
      day("2026-12-01", "closed"),
      day("2026-12-02", "open", { slots: [WED_09] }),
      day("2026-12-07", "open", { slots: [MON_13] }),
      day("2026-12-09", "closure", { reason: { de: "Betriebsausflug", en: "Staff outing" } }),
    ];
    expect(visibleDays(days, HOURS, TODAY).map((d) => `${d.date} ${d.kind}`)).toEqual([
      "2026-12-02 free",
      "2026-12-07 free",
      "2026-12-09 closure",
    ]);
  });
});

describe("weeklyHours", () => {
  it.each([
    [
      TODAY,
      [
        { weekday: 1, spans: [{ opens: "13:00", closes: "17:30" }] },
        { weekday: 3, spans: [{ opens: "09:00", closes: "13:00" }] },
      ],
    ],
    [
      "2026-11-27",
      [
        { weekday: 1, spans: [{ opens: "13:00", closes: "17:30" }] },
        { weekday: 3, spans: [{ opens: "09:00", closes: "13:00" }] },
        { weekday: 5, spans: [{ opens: "09:00", closes: "11:00" }] },
      ],
    ],
    [
      "2027-01-01",
      [
        { weekday: 1, spans: [{ opens: "13:00", closes: "17:30" }] },
        { weekday: 3, spans: [{ opens: "09:00", closes: "13:00" }] },
        { weekday: 5, spans: [{ opens: "10:00", closes: "12:00" }] },
      ],
    ],
  ])("on %s, Monday first", (today, expected) => {
    expect(weeklyHours(HOURS, today)).toEqual(expected);
  });

  it("joins two spans on one weekday, earliest first", () => {
    const split: OpeningSpan[] = [
      { weekday: 2, opens: "14:00", closes: "16:00", validFrom: "2020-01-01", validUntil: null },
      { weekday: 2, opens: "09:00", closes: "12:00", validFrom: "2020-01-01", validUntil: null },
    ];
    expect(weeklyHours(split, TODAY)).toEqual([
      { weekday: 2, spans: [{ opens: "09:00", closes: "12:00" }, { opens: "14:00", closes: "16:00" }] },
    ]);
  });
});

describe("byMonth and dayOf", () => {
  const days = [
    { date: "2026-11-30", kind: "full" as const },
    { date: "2026-12-02", kind: "free" as const, slots: [WED_09] },
    { date: "2026-12-07", kind: "free" as const, slots: [MON_13] },
    { date: "2027-01-06", kind: "holiday" as const, reason: { de: "Heilige Drei Könige", en: "Epiphany" } },
  ];

  it("groups the days by month, in order", () => {
    expect(byMonth(days).map((g) => [g.month, g.days.map((d) => d.date)])).toEqual([
      ["2026-11", ["2026-11-30"]],
      ["2026-12", ["2026-12-02", "2026-12-07"]],
      ["2027-01", ["2027-01-06"]],
    ]);
    expect(byMonth([])).toEqual([]);
  });

  it("finds the chosen day, or nothing", () => {
    expect(dayOf(days, "2026-12-07")).toBe(days[2]);
    expect(dayOf(days, "2026-12-08")).toBeUndefined();
    expect(dayOf(days, null)).toBeUndefined();
  });
});

describe("extraDays", () => {
  const note = (de: string, en = "") => ({ de, en });
  it("lists the extra opening days from today on, one entry per day with its spans and notes in order", () => {
    const days = extraDays(
      [
        { day: "2026-12-12", opens: "14:00", closes: "16:00", note: note("Aktionstag", "Action day") },
        { day: "2026-11-28", opens: "10:00", closes: "12:00", note: note("vorbei") },
        { day: "2026-12-12", opens: "10:00", closes: "12:00", note: note("Aktionstag", "Action day") },
        { day: "2026-12-05", opens: "18:00", closes: "20:00", note: note("") },
      ],
      "2026-11-30",
    );
    expect(days).toEqual([
      { day: "2026-12-05", spans: [{ opens: "18:00", closes: "20:00" }], notes: [] },
      { day: "2026-12-12", spans: [{ opens: "10:00", closes: "12:00" }, { opens: "14:00", closes: "16:00" }], notes: [note("Aktionstag", "Action day")] },
    ]);
  });
});
