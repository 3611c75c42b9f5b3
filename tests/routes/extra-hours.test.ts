import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { KioskState } from "../../schemas/kiosk";
import { AdminSettings, ExtraHoursDeleted, ExtraHoursView } from "../../schemas/staff-settings";
import { bookingBody, post } from "../helpers/bookings";
import { addClosure, createOffice, pairedDevice } from "../helpers/fixtures";
import { auditOf, bookedOnline } from "../helpers/staff-bookings";
import { affectedList, bookingStates, mailsWithText, scheduleVersion } from "./closures-support";
import { expectError, publicLocation, publicSlots, signedInAdmin, snapshot } from "./staff-settings-support";

/*
 * Issue 11 item 6: one-day extra hours ("Sondertermin"). Their slots appear on that date only and are
 * bookable online like the weekly hours; public holidays and closures still win; every change raises
 * the schedule version, is audited and shows on the public location (booking page, kiosk).
 * Clock: Tuesday 24 November 2026, 08:00 in Kempten; Saturday 12 December has no weekly hours.
 */

const SATURDAY = "2026-12-12";
const saturday = { day: SATURDAY, opens: "10:00", closes: "12:00", noteDe: "Aktionstag im Quartier", noteEn: "Neighbourhood day" };

describe("extra hours", () => {
  it("open a day of their own: slots on that date only, bookable online, the version raised, audited, public", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const version = await scheduleVersion(office);
    expect((await publicSlots(office, SATURDAY)).days[0]!.status).toBe("closed");

    const res = await admin.post("/admin/extra-hours", saturday);
    expect(res.status).toBe(201);
    const created = ExtraHoursView.parse(await res.json());
    expect(created).toEqual({ id: created.id, day: SATURDAY, opens: "10:00", closes: "12:00", note: { de: "Aktionstag im Quartier", en: "Neighbourhood day" }, overruledBy: null });
    expect(await scheduleVersion(office)).toBe(version + 1);

    const days = (await publicSlots(office, "2026-12-11", "2026-12-19")).days;
    expect(days.filter((d) => d.status === "open").map((d) => [d.date, d.slots.map((s) => s.start.slice(11, 16))])).toEqual([
      ["2026-12-12", ["10:00", "10:30", "11:00", "11:30"]],
      ["2026-12-14", ["13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00"]],
      ["2026-12-16", ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30"]],
    ]);
    expect(days.find((d) => d.date === "2026-12-19")!.status).toBe("closed");

    const booked = await post(office, "/api/bookings", bookingBody({ start: "2026-12-12T10:30:00+01:00" }));
    expect(booked.status).toBe(201);
    expect((await publicSlots(office, SATURDAY)).days[0]!.slots.map((s) => s.start.slice(11, 16))).toEqual(["10:00", "11:00", "11:30"]);

    expect((await publicLocation(office)).extraHours).toEqual([
      { day: SATURDAY, opens: "10:00", closes: "12:00", note: { de: "Aktionstag im Quartier", en: "Neighbourhood day" } },
    ]);
    const settings = AdminSettings.parse(await (await admin.get("/admin/settings")).json());
    expect(settings.extraHours).toEqual([created]);
    expect((await auditOf(office)).map((a) => [a.action, a.subject_id, a.detail])).toEqual([
      ["extra_hours.create", String(created.id), '{"day":"2026-12-12","opens":"10:00","closes":"12:00"}'],
    ]);
  });

  it("join the weekly hours of their day; a second span of the day must not overlap the first", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    expect((await admin.post("/admin/extra-hours", { day: "2026-11-30", opens: "17:00", closes: "19:00" })).status).toBe(201);
    const [monday] = (await publicSlots(office, "2026-11-30", "2026-11-30", "kompetenzanalyse")).days;
    expect(monday!.slots.map((s) => s.start.slice(11, 16)).slice(-4)).toEqual(["16:30", "17:00", "17:30", "18:00"]);

    const before = await snapshot(office);
    await expectError(await admin.post("/admin/extra-hours", { day: "2026-11-30", opens: "18:30", closes: "20:00" }), 409, "extra_hours_overlap", "opens");
    expect(await snapshot(office)).toEqual(before);
    expect((await admin.post("/admin/extra-hours", { day: "2026-11-30", opens: "19:00", closes: "20:00" })).status).toBe(201);
  });

  it("lose to a public holiday and to a closure, and the public is not told about them", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    await addClosure(office, "2026-12-19", "2026-12-19", "Weihnachtsfeier", "Christmas party");
    const holiday = ExtraHoursView.parse(await (await admin.post("/admin/extra-hours", { day: "2026-12-26", opens: "10:00", closes: "12:00" })).json());
    const closed = ExtraHoursView.parse(await (await admin.post("/admin/extra-hours", { day: "2026-12-19", opens: "10:00", closes: "12:00" })).json());
    expect([holiday.overruledBy, closed.overruledBy]).toEqual(["holiday", "closure"]);
    const days = (await publicSlots(office, "2026-12-19", "2026-12-26")).days;
    expect([days[0], days.at(-1)].map((d) => [d!.date, d!.status, d!.slots.length])).toEqual([
      ["2026-12-19", "closure", 0],
      ["2026-12-26", "holiday", 0],
    ]);
    expect((await publicLocation(office)).extraHours).toEqual([]);
    await expectError(await post(office, "/api/bookings", bookingBody({ start: "2026-12-26T10:00:00+01:00" })), 409, "slot_unavailable");
  });

  it("are the kiosk's next opening when they come first", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    // Thursday 10 December 2026, 08:00: without them the office next opens on Monday 14th at 13:00.
    const thursday = new Date("2026-12-10T07:00:00Z");
    const token = await pairedDevice(office, "kiosk");
    const state = async () =>
      KioskState.parse(await (await office.request("http://localhost/api/kiosk/state", { headers: { Authorization: `Bearer ${token}` } }, thursday)).json());
    expect((await state()).nextOpening).toBe("2026-12-14T13:00:00+01:00");
    await admin.post("/admin/extra-hours", saturday);
    expect(await state()).toMatchObject({ open: false, nextOpening: "2026-12-12T10:00:00+01:00" });
    // A closure weeks ahead is known too: the Monday after is skipped.
    await addClosure(office, "2026-12-12", "2026-12-14", "Umzug");
    expect((await state()).nextOpening).toBe("2026-12-16T09:00:00+01:00");
  });

  it("removed: their appointments are listed first, then kept or cancelled; the version raised, audited", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const created = ExtraHoursView.parse(await (await admin.post("/admin/extra-hours", saturday)).json());
    const booked = await bookedOnline(office, { start: "2026-12-12T11:00:00+01:00", locale: "en" });
    const version = await scheduleVersion(office);

    const listed = await affectedList(await admin.post(`/admin/extra-hours/${created.id}/delete`, {}));
    expect(listed.map((b) => [b.id, b.day])).toEqual([[booked.id, SATURDAY]]);
    const res = await admin.post(`/admin/extra-hours/${created.id}/delete`, { bookings: { action: "cancel", ids: [booked.id] } });
    expect(res.status).toBe(200);
    expect(ExtraHoursDeleted.parse(await res.json())).toEqual({ id: created.id, deleted: true, bookings: [], proposals: [], cancelled: 1, withdrawn: 0, mailed: 1 });
    expect((await bookingStates([booked.id]))[0]).toMatchObject({ status: "cancelled", seats: 0 });
    expect((await mailsWithText(booked.id)).at(-1)).toMatchObject({ kind: "booking_cancelled", ics_method: "CANCEL" });
    expect((await publicSlots(office, SATURDAY)).days[0]!.status).toBe("closed");
    // The cancel gave back 6 seats, the delete one more: every change moved the version.
    expect(await scheduleVersion(office)).toBe(version + 7);
    expect((await auditOf(office)).map((a) => a.action).slice(-2)).toEqual(["extra_hours.delete", "booking.cancel"]);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM extra_hours WHERE location_id = ?1").bind(office.id).first()).toEqual({ n: 0 });
  });

  it("refuse bad input with the field named, changing nothing; other offices' ids are unknown", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const other = ExtraHoursView.parse(await (await (await signedInAdmin(await createOffice())).post("/admin/extra-hours", saturday)).json());
    const before = await snapshot(office);
    for (const [body, field] of [
      [{ ...saturday, day: "2026-11-23" }, "day"],
      [{ ...saturday, day: "2027-12-01" }, "day"],
      [{ ...saturday, opens: "12:00", closes: "10:00" }, "closes"],
      [{ ...saturday, opens: "10:03" }, "opens"],
      [{ ...saturday, closes: "24:30" }, "closes"],
      [{ ...saturday, noteDe: "x".repeat(201) }, "noteDe"],
      [{ ...saturday, weekday: 6 }, "weekday"],
    ] as const) {
      await expectError(await admin.post("/admin/extra-hours", body), 400, "invalid_request", field);
    }
    await expectError(await admin.post(`/admin/extra-hours/${other.id}/delete`, {}), 404, "not_found");
    await expectError(await admin.post("/admin/extra-hours/abc/delete", {}), 404, "not_found");
    expect(await snapshot(office)).toEqual(before);
  });
});
