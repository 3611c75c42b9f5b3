import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "../../schemas/common";
import { SlotsResponse } from "../../schemas/slots";
import { StaffWeek } from "../../schemas/staff-week";
import { addClosure, createOffice, takeSeats, type OfficeOptions } from "../helpers/fixtures";
import { OPEN, signedIn, type Staff } from "./staff-queue-support";

/*
 * The week at a glance (issue 11 item 1), `GET /api/staff/:office/week?day=`: Monday to Sunday of the
 * week holding the day, each with its opening, its free times and its booked appointments. The free
 * times are the slot computation's own: each day's count is what `GET …/slots` (the phone booking's
 * rules) lists for that day, also with seats taken, on a closure day, a public holiday, a day past and
 * the days the clocks change. The clock is held at Monday 30 November 2026, 14:00 in Kempten (OPEN).
 */

async function weekOf(staff: Staff, day: string | null, now = OPEN): Promise<StaffWeek> {
  const res = await staff.get(day ? `/week?day=${day}` : "/week", now);
  expect(res.status, await res.clone().text()).toBe(200);
  return StaffWeek.parse(await res.json());
}

/** The staff slot computation for the same days: free starts per day, status and reason. */
async function slotsOf(staff: Staff, from: string, to: string, now = OPEN) {
  const res = await staff.get(`/slots?from=${from}&to=${to}`, now);
  expect(res.status).toBe(200);
  return SlotsResponse.parse(await res.json()).days.map((d) => ({
    date: d.date,
    status: d.status,
    reason: d.reason ?? null,
    free: d.slots.length,
  }));
}

/** The week's days without the booked counts: what the slot computation must say alike. */
const asSlots = (w: StaffWeek) => w.days.map(({ booked: _, ...d }) => d);

async function officeWithStaff(options: OfficeOptions = {}, now = OPEN) {
  const office = await createOffice(options);
  return { office, staff: await signedIn(office, now) };
}

describe("GET /week", () => {
  it("this week, Monday to Sunday: free times from now on as the slot computation counts them, booked appointments per day", async () => {
    const { office, staff } = await officeWithStaff();
    await takeSeats(office, "2026-11-30T14:00:00.000Z"); // Monday 15:00
    await takeSeats(office, "2026-11-30T11:00:00.000Z"); // Monday 12:00, before the hours: booked all the same
    await takeSeats(office, "2026-12-02T08:00:00.000Z", 60); // Wednesday 09:00–10:00: two slots
    const cancelled = await takeSeats(office, "2026-12-02T11:00:00.000Z"); // Wednesday 12:00, then cancelled
    await env.DB.batch([
      env.DB.prepare("UPDATE bookings SET status = 'cancelled' WHERE id = ?1").bind(cancelled),
      env.DB.prepare("DELETE FROM booking_seats WHERE booking_id = ?1").bind(cancelled),
    ]);

    const week = await weekOf(staff, null);
    expect(week).toMatchObject({ from: "2026-11-30", to: "2026-12-06", today: "2026-11-30" });
    expect(week.days.map((d) => [d.date, d.status, d.free, d.booked])).toEqual([
      // 14:00 … 17:00 are seven starts, 15:00 is taken.
      ["2026-11-30", "open", 6, 2],
      ["2026-12-01", "closed", 0, 0],
      // 09:00 … 12:30 are eight starts, 09:00 and 09:30 are taken.
      ["2026-12-02", "open", 6, 1],
      ["2026-12-03", "closed", 0, 0],
      ["2026-12-04", "closed", 0, 0],
      ["2026-12-05", "closed", 0, 0],
      ["2026-12-06", "closed", 0, 0],
    ]);
    expect(asSlots(week)).toEqual(await slotsOf(staff, week.from, week.to));
    // Any day of the week gives the same week.
    expect(await weekOf(staff, "2026-12-06")).toEqual(week);
  });

  it("a day past has no free time but keeps its appointments; two seats count what is still free", async () => {
    const wednesday = new Date("2026-12-02T09:05:00Z"); // 10:05
    const { office, staff } = await officeWithStaff({ seatsPerSlot: 2 }, wednesday);
    await takeSeats(office, "2026-11-30T12:00:00.000Z"); // Monday, done by now
    await takeSeats(office, "2026-12-02T10:00:00.000Z", 30, 1); // Wednesday 11:00, seat 1
    await takeSeats(office, "2026-12-02T10:00:00.000Z", 30, 2); // and seat 2: full
    await takeSeats(office, "2026-12-02T11:00:00.000Z", 30, 1); // 12:00, one seat left
    const week = await weekOf(staff, "2026-12-02", wednesday);
    expect(week.today).toBe("2026-12-02");
    expect(week.days.slice(0, 3).map((d) => [d.date, d.free, d.booked])).toEqual([
      ["2026-11-30", 0, 1],
      ["2026-12-01", 0, 0],
      // From 10:05: 10:30, 11:30, 12:00 (one seat), 12:30 — 11:00 is full.
      ["2026-12-02", 4, 3],
    ]);
    expect(asSlots(week)).toEqual(await slotsOf(staff, week.from, week.to, wednesday));
  });

  it("a closure day and a public holiday say why and offer nothing; their bookings still count", async () => {
    const { office, staff } = await officeWithStaff({}, new Date("2027-05-10T08:00:00Z"));
    const now = new Date("2027-05-10T08:00:00Z");
    await takeSeats(office, "2027-05-17T11:00:00.000Z"); // Pfingstmontag 13:00, booked before it was seen
    await takeSeats(office, "2027-05-19T07:00:00.000Z"); // Wednesday 09:00
    await addClosure(office, "2027-05-19", "2027-05-19", "Fortbildung", "Training");
    const week = await weekOf(staff, "2027-05-19", now);
    expect(week.days.map((d) => [d.date, d.status, d.reason?.de ?? null, d.free, d.booked])).toEqual([
      ["2027-05-17", "holiday", "Pfingstmontag", 0, 1],
      ["2027-05-18", "closed", null, 0, 0],
      ["2027-05-19", "closure", "Fortbildung", 0, 1],
      ["2027-05-20", "closed", null, 0, 0],
      ["2027-05-21", "closed", null, 0, 0],
      ["2027-05-22", "closed", null, 0, 0],
      ["2027-05-23", "closed", null, 0, 0],
    ]);
    expect(week.days[2]!.reason).toEqual({ de: "Fortbildung", en: "Training" });
    expect(asSlots(week)).toEqual(await slotsOf(staff, week.from, week.to, now));
  });

  it("the weeks the clocks change: appointments count on their local day, the free times as the slot computation has them", async () => {
    // Open around the clock every day, so the short and the long Sunday have slots of their own.
    const rules: [number, string, string][] = [1, 2, 3, 4, 5, 6, 7].map((d) => [d, "00:00", "24:00"]);
    const { office, staff } = await officeWithStaff({ rules, horizonDays: 366 }, new Date("2026-03-01T10:00:00Z"));
    const now = new Date("2026-03-01T10:00:00Z");
    await takeSeats(office, "2026-03-28T23:30:00.000Z"); // Sunday 00:30 +01:00 (Saturday in UTC)
    await takeSeats(office, "2026-03-29T21:30:00.000Z"); // Sunday 23:30 +02:00
    await takeSeats(office, "2026-10-24T22:30:00.000Z"); // Sunday 00:30 +02:00 (Saturday in UTC)
    await takeSeats(office, "2026-10-25T22:30:00.000Z"); // Sunday 23:30 +01:00
    const march = await weekOf(staff, "2026-03-29", now);
    const october = await weekOf(staff, "2026-10-25", now);
    for (const week of [march, october]) {
      expect(week.days.map((d) => d.booked)).toEqual([0, 0, 0, 0, 0, 0, 2]);
      expect(asSlots(week)).toEqual(await slotsOf(staff, week.from, week.to, now));
    }
    // An ordinary day has 48 half hours; each Sunday loses the two taken ones (the slot computation's own
    // reading of the short and the long day is what the comparison above holds the week to).
    expect(march.days.slice(0, 6).map((d) => d.free)).toEqual([48, 48, 48, 48, 48, 48]);
    expect(october.days.slice(0, 6).map((d) => d.free)).toEqual([48, 48, 48, 48, 48, 48]);
  });

  it("refuses what is not a day: 400 naming the field", async () => {
    const { staff } = await officeWithStaff();
    for (const query of ["?day=2026-13-01", "?day=soon", "?from=2026-11-30"]) {
      const res = await staff.get(`/week${query}`);
      expect(res.status, query).toBe(400);
      expect(ErrorBody.parse(await res.json()).error.field, query).toBe(query.startsWith("?day") ? "day" : "from");
    }
  });
});
