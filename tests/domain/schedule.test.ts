import { describe, expect, it } from "vitest";
import { scheduleChangesAt, scheduleDays, type OpeningRule, type ScheduleInput } from "../../worker/domain/schedule";
import { toOffsetIso, zonedInstant } from "../../common/time";

const TZ = "Europe/Berlin";

/** The Kempten-Ost office: Monday 13:00–17:30, Wednesday 09:00–13:00. */
const KEMPTEN_RULES: OpeningRule[] = [
  { weekday: 1, opens: "13:00", closes: "17:30", validFrom: "2020-06-01", validUntil: null },
  { weekday: 3, opens: "09:00", closes: "13:00", validFrom: "2020-06-01", validUntil: null },
];

/** A schedule for the days `from`…`to` as seen at local time `nowLocal` (`YYYY-MM-DD HH:MM`, Berlin). */
function schedule(from: string, to: string, nowLocal: string, overrides: Partial<ScheduleInput> = {}) {
  const [nowDate, nowTime] = nowLocal.split(" ") as [string, string];
  return scheduleDays({
    from,
    to,
    now: zonedInstant(nowDate, nowTime, TZ),
    settings: {
      timeZone: TZ,
      holidayRegion: "BY",
      slotMinutes: 30,
      seatsPerSlot: 1,
      minNoticeMinutes: 120,
      horizonDays: 56,
      ...overrides.settings,
    },
    rules: KEMPTEN_RULES,
    closures: [],
    extraHours: [],
    durationMinutes: 30,
    taken: new Map(),
    ...overrides,
  });
}

/** Local start times (`HH:MM+offset`) of a day's slots. */
function starts(day: { slots: { start: Date }[] } | undefined): string[] {
  return (day?.slots ?? []).map((s) => toOffsetIso(s.start, TZ).slice(11, 16) + toOffsetIso(s.start, TZ).slice(19));
}

const seat = (date: string, time: string) => zonedInstant(date, time, TZ).toISOString();

describe("DST weeks keep local opening hours", () => {
  it.each([
    ["2026-03-30", "+02:00", "Monday after the spring change", "2026-03-20 08:00"],
    ["2026-10-26", "+01:00", "Monday after the autumn change", "2026-10-20 08:00"],
  ])("%s opens at 13:00%s (%s)", (date, offset, _why, now) => {
    const [day] = schedule(date, date, now);
    expect(day?.status).toBe("open");
    expect(starts(day)[0]).toBe(`13:00${offset}`);
    expect(starts(day).at(-1)).toBe(`17:00${offset}`);
    expect(day?.slots).toHaveLength(9);
    expect(toOffsetIso(day!.slots[0]!.end, TZ)).toBe(`${date}T13:30:00${offset}`);
  });

  it("gives the exact UTC instants around the spring change", () => {
    const [friday, , , monday] = schedule("2026-03-27", "2026-03-30", "2026-03-20 08:00", {
      rules: [
        { weekday: 5, opens: "13:00", closes: "14:00", validFrom: "2020-01-01", validUntil: null },
        { weekday: 1, opens: "13:00", closes: "14:00", validFrom: "2020-01-01", validUntil: null },
      ],
    });
    expect(friday?.slots[0]?.start.toISOString()).toBe("2026-03-27T12:00:00.000Z");
    expect(monday?.slots[0]?.start.toISOString()).toBe("2026-03-30T11:00:00.000Z");
  });
});

describe("holidays and closures", () => {
  it.each([
    ["2026-04-06", "Ostermontag", "2026-03-30 08:00"],
    ["2026-05-25", "Pfingstmontag", "2026-05-18 08:00"],
    ["2029-08-15", "Mariä Himmelfahrt", "2029-08-01 08:00"],
    ["2027-11-01", "Allerheiligen", "2027-10-20 08:00"],
    ["2026-12-26", "2. Weihnachtstag", "2026-12-01 08:00"],
  ])("%s is closed for %s", (date, name, now) => {
    const [day] = schedule(date, date, now);
    expect(day).toMatchObject({ date, status: "holiday", reason: { de: name }, slots: [] });
    expect(day?.reason?.en).toBeTruthy();
  });

  it.each([
    ["2026-11-18", "Buß- und Bettag (Wednesday)", "2026-11-10 08:00", "09:00+01:00"],
    ["2026-02-16", "Rosenmontag (Monday)", "2026-02-10 08:00", "13:00+01:00"],
  ])("%s stays open: %s", (date, _name, now, first) => {
    const [day] = schedule(date, date, now);
    expect(day?.status).toBe("open");
    expect(starts(day)[0]).toBe(first);
  });

  it("closes the days of a closure with its reason, and only those", () => {
    const days = schedule("2026-11-30", "2026-12-09", "2026-11-24 08:00", {
      closures: [{ firstDay: "2026-12-01", lastDay: "2026-12-02", reason: { de: "Fortbildung", en: "Training" } }],
    });
    const byDate = new Map(days.map((d) => [d.date, d]));
    expect(byDate.get("2026-11-30")?.status).toBe("open");
    expect(byDate.get("2026-12-02")).toMatchObject({ status: "closure", reason: { de: "Fortbildung", en: "Training" } });
    expect(byDate.get("2026-12-07")?.status).toBe("open");
    expect(byDate.get("2026-12-09")?.status).toBe("open");
  });

  it("names the holiday when a closure falls on it", () => {
    const [day] = schedule("2026-04-06", "2026-04-06", "2026-03-30 08:00", {
      closures: [{ firstDay: "2026-04-01", lastDay: "2026-04-10", reason: { de: "Urlaub", en: "Holiday" } }],
    });
    expect(day).toMatchObject({ status: "holiday", reason: { de: "Ostermontag" } });
  });
});

describe("extra hours (Sondertermin)", () => {
  const note = { de: "Aktionstag", en: "Action day" };
  it("opens a day without weekly hours on that date only, with the same grid, notice and seats", () => {
    const days = schedule("2026-12-12", "2026-12-19", "2026-11-24 08:00", {
      extraHours: [{ day: "2026-12-12", opens: "10:00", closes: "12:00", note }],
      taken: new Map([[seat("2026-12-12", "10:30"), 1]]),
    });
    const byDate = new Map(days.map((d) => [d.date, d]));
    expect(byDate.get("2026-12-12")?.status).toBe("open");
    expect(starts(byDate.get("2026-12-12"))).toEqual(["10:00+01:00", "11:00+01:00", "11:30+01:00"]);
    expect(byDate.get("2026-12-19")).toMatchObject({ status: "closed", slots: [] }); // the next Saturday
  });

  it("adds to the weekly hours of the day; an overlapping span is joined, so no time is offered twice", () => {
    const [monday] = schedule("2026-11-30", "2026-11-30", "2026-11-24 08:00", {
      extraHours: [{ day: "2026-11-30", opens: "17:00", closes: "19:00", note }],
      durationMinutes: 60,
    });
    // 13:00–17:30 and 17:00–19:00 are one span 13:00–19:00: hourly topics run across 17:30.
    expect(starts(monday)).toEqual(["13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00", "17:30", "18:00"].map((t) => `${t}+01:00`));
  });

  it("loses to a public holiday and to a closure", () => {
    const days = schedule("2026-12-24", "2026-12-26", "2026-12-01 08:00", {
      extraHours: [
        { day: "2026-12-24", opens: "10:00", closes: "12:00", note },
        { day: "2026-12-26", opens: "10:00", closes: "12:00", note },
      ],
      closures: [{ firstDay: "2026-12-24", lastDay: "2026-12-24", reason: { de: "Heiligabend", en: "Christmas Eve" } }],
    });
    expect(days.map((d) => [d.date, d.status, d.slots.length])).toEqual([
      ["2026-12-24", "closure", 0],
      ["2026-12-25", "holiday", 0],
      ["2026-12-26", "holiday", 0], // 2. Weihnachtstag
    ]);
  });
});

describe("every day of the range, in order", () => {
  it("lists closed weekdays too, with no slots", () => {
    const days = schedule("2026-11-30", "2026-12-06", "2026-11-24 08:00");
    expect(days.map((d) => [d.date, d.status])).toEqual([
      ["2026-11-30", "open"],
      ["2026-12-01", "closed"],
      ["2026-12-02", "open"],
      ["2026-12-03", "closed"],
      ["2026-12-04", "closed"],
      ["2026-12-05", "closed"],
      ["2026-12-06", "closed"],
    ]);
    expect(days.filter((d) => d.status === "closed").every((d) => d.slots.length === 0 && !d.reason)).toBe(true);
  });

  it("ends Wednesday's slots so the last one ends at closing time", () => {
    const [day] = schedule("2026-12-02", "2026-12-02", "2026-11-24 08:00");
    expect(starts(day)).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30"].map((t) => `${t}+01:00`));
  });

  it("applies an opening rule only within its validity", () => {
    const rules: OpeningRule[] = [
      { weekday: 1, opens: "13:00", closes: "14:00", validFrom: "2020-01-01", validUntil: "2026-11-30" },
      { weekday: 1, opens: "08:00", closes: "09:00", validFrom: "2026-12-07", validUntil: null },
    ];
    const days = schedule("2026-11-30", "2026-12-07", "2026-11-24 08:00", { rules });
    expect(starts(days[0])).toEqual(["13:00+01:00", "13:30+01:00"]);
    expect(starts(days[7])).toEqual(["08:00+01:00", "08:30+01:00"]);
  });
});

describe("minimum notice and horizon", () => {
  it("hides slots starting within the minimum notice", () => {
    // Monday 11:45: with 2 hours' notice 13:00 and 13:30 are too soon, 14:00 is not (13:45 is the limit).
    const [day] = schedule("2026-11-30", "2026-11-30", "2026-11-30 11:45");
    expect(starts(day)[0]).toBe("14:00+01:00");
  });

  it("hides past slots on the current day and keeps the day open", () => {
    const [day] = schedule("2026-11-30", "2026-11-30", "2026-11-30 18:00");
    expect(day).toMatchObject({ status: "open", slots: [] });
  });

  it("offers the horizon day itself and nothing after it", () => {
    const settings = { timeZone: TZ, holidayRegion: "BY" as const, slotMinutes: 30, seatsPerSlot: 1, minNoticeMinutes: 120 };
    const within = schedule("2026-12-07", "2026-12-07", "2026-11-30 08:00", { settings: { ...settings, horizonDays: 7 } });
    const beyond = schedule("2026-12-07", "2026-12-07", "2026-11-30 08:00", { settings: { ...settings, horizonDays: 6 } });
    expect(within[0]?.slots).toHaveLength(9);
    expect(beyond[0]).toMatchObject({ status: "open", slots: [] });
  });
});

describe("seats", () => {
  it("leaves out a slot whose only seat is taken", () => {
    const [day] = schedule("2026-11-30", "2026-11-30", "2026-11-24 08:00", {
      taken: new Map([[seat("2026-11-30", "13:30"), 1]]),
    });
    expect(starts(day).slice(0, 2)).toEqual(["13:00+01:00", "14:00+01:00"]);
  });

  it("counts the seats still free when a slot has more than one", () => {
    const [day] = schedule("2026-11-30", "2026-11-30", "2026-11-24 08:00", {
      settings: { timeZone: TZ, holidayRegion: "BY", slotMinutes: 30, seatsPerSlot: 2, minNoticeMinutes: 120, horizonDays: 56 },
      taken: new Map([[seat("2026-11-30", "13:00"), 1], [seat("2026-11-30", "13:30"), 2]]),
    });
    expect(day?.slots.slice(0, 2).map((s) => [toOffsetIso(s.start, TZ).slice(11, 16), s.free])).toEqual([
      ["13:00", 1],
      ["14:00", 2],
    ]);
  });

  it("offers a 60-minute topic only where both half hours are free and it ends by closing time", () => {
    const [day] = schedule("2026-11-30", "2026-11-30", "2026-11-24 08:00", {
      durationMinutes: 60,
      taken: new Map([[seat("2026-11-30", "14:30"), 1]]),
    });
    expect(starts(day)).toEqual(["13:00", "13:30", "15:00", "15:30", "16:00", "16:30"].map((t) => `${t}+01:00`));
    expect(toOffsetIso(day!.slots.at(-1)!.end, TZ)).toBe("2026-11-30T17:30:00+01:00");
  });

  it("offers nothing when online booking has no seats", () => {
    const [day] = schedule("2026-11-30", "2026-11-30", "2026-11-24 08:00", {
      settings: { timeZone: TZ, holidayRegion: "BY", slotMinutes: 30, seatsPerSlot: 0, minNoticeMinutes: 120, horizonDays: 56 },
    });
    expect(day).toMatchObject({ status: "open", slots: [] });
  });
});

describe("when the clock alone changes the answer (scheduleChangesAt)", () => {
  const SETTINGS = { timeZone: TZ, holidayRegion: "BY", slotMinutes: 30, seatsPerSlot: 1, minNoticeMinutes: 120, horizonDays: 56 } as const;
  const local = (at: string) => zonedInstant(at.slice(0, 10), at.slice(11, 16), TZ);

  it.each([
    // [why, days asked, now (Berlin), notice minutes, changes at (UTC)]
    ["the first listed start passes the notice", "2026-11-30", "2026-11-30 09:00", 120, "2026-11-30T10:00:00.001Z"],
    ["a day with nothing listed: the next midnight", "2026-12-01", "2026-11-30 09:00", 120, "2026-11-30T23:00:00.000Z"],
    ["a start tomorrow whose notice passes tonight", "2026-12-02", "2026-12-01 20:00", 600, "2026-12-01T22:00:00.001Z"],
    ["a start tomorrow whose notice passes after midnight: midnight", "2026-12-02", "2026-12-01 20:00", 120, "2026-12-01T23:00:00.000Z"],
    ["no notice: the first start itself (staff rules)", "2026-11-30", "2026-11-30 13:35", 0, "2026-11-30T13:00:00.001Z"],
    ["the night of the spring change: midnight at +01:00", "2026-03-30", "2026-03-28 22:00", 120, "2026-03-28T23:00:00.000Z"],
    ["the night of the autumn change: midnight at +02:00", "2026-10-26", "2026-10-24 22:00", 120, "2026-10-24T22:00:00.000Z"],
    ["a holiday listed nothing: midnight", "2026-12-25", "2026-12-24 10:00", 120, "2026-12-24T23:00:00.000Z"],
  ])("%s", (_why, date, now, notice, expected) => {
    const settings = { ...SETTINGS, minNoticeMinutes: notice };
    const days = schedule(date, date, now, { settings });
    expect(scheduleChangesAt(days, local(now), settings).toISOString()).toBe(expected);
  });

  it("matches scheduleDays: the same days until that instant, other days from it unless it is a midnight", () => {
    // Every 13 minutes across a week, the days asked for a fortnight stay as computed until the instant.
    const settings = SETTINGS;
    const ANY = "2000-01-01 00:00"; // replaced by `now`
    let at = local("2026-11-29 18:00").getTime();
    const end = local("2026-12-07 18:00").getTime();
    while (at < end) {
      const now = new Date(at);
      const days = schedule("2026-11-29", "2026-12-12", ANY, { now, settings });
      const changes = scheduleChangesAt(days, now, settings).getTime();
      expect(changes).toBeGreaterThan(at);
      const same = schedule("2026-11-29", "2026-12-12", ANY, { now: new Date(changes - 1), settings });
      expect(same).toEqual(days);
      // A local midnight is always an end (the horizon moves on), even where no day of the range reaches it.
      const midnight = toOffsetIso(new Date(changes), TZ).slice(11, 19) === "00:00:00";
      if (!midnight) expect(schedule("2026-11-29", "2026-12-12", ANY, { now: new Date(changes), settings })).not.toEqual(days);
      at += 13 * 60_000;
    }
  });
});
