import { describe, expect, it } from "vitest";
import { DataSubjectRecord, Erased } from "../../schemas/data-subjects";
import { ManagedBooking } from "../../schemas/bookings";
import { NOW, post } from "../helpers/bookings";
import { createOffice } from "../helpers/fixtures";
import { bookedOnline } from "../helpers/staff-bookings";
import { AFTER, personWithTraces, search, selection, traces } from "./data-subjects-support";
import { auditRows, expectError, signedInAdmin } from "./staff-settings-support";

/*
 * Who may ask about whom: only an office's admins, only about their own office; and the holder of a
 * manage link, only about their own booking, only once it is cancelled or over.
 */

const ROUTES: [string, string, unknown?][] = [
  ["POST", "/admin/data-subjects/search", { query: "Ayşe Yılmaz" }],
  ["GET", "/admin/data-subjects/record?booking=x"],
  ["GET", "/admin/data-subjects/export.json?booking=x"],
  ["GET", "/admin/data-subjects/export.html?booking=x"],
  ["GET", "/admin/data-subjects/export.schema.json"],
  ["POST", "/admin/data-subjects/erase", { bookings: ["x"] }],
];

describe("admins only, of their own office", () => {
  it("answers 403 to the role staff on every data-subject route", async () => {
    const office = await createOffice();
    const staff = await signedInAdmin(office, "staff", AFTER);
    for (const [method, path, body] of ROUTES) {
      const res = method === "GET" ? await staff.get(path) : await staff.post(path, body);
      await expectError(res, 403, "forbidden");
    }
    expect((await auditRows(office)).filter((r) => r.action.startsWith("data_subject."))).toEqual([]);
  });

  it("another office's admin finds nothing of this office, sees nothing of it and erases nothing", async () => {
    const office = await createOffice();
    const elsewhere = await createOffice();
    const p = await personWithTraces(office);
    const theirAdmin = await signedInAdmin(elsewhere, "admin", AFTER);

    for (const query of [p.email, p.name, p.phone, p.code]) {
      const found = await search(theirAdmin, query);
      expect(found.bookings).toEqual([]);
      expect(found.mails).toEqual([]);
    }
    const record = await theirAdmin.get(`/admin/data-subjects/record?${selection([p.bookingId, p.requestId], [p.looseMailId])}`);
    expect(DataSubjectRecord.parse(await record.json())).toMatchObject({ bookings: [], mails: [] });
    const html = await (await theirAdmin.get(`/admin/data-subjects/export.html?${selection([p.bookingId])}`)).text();
    expect(html).not.toContain(p.email);
    await expectError(await theirAdmin.post("/admin/data-subjects/erase", { bookings: [p.bookingId] }), 404, "not_found", "bookings.0");

    // Their path with this office's slug: the session guard refuses before anything is read.
    const res = await elsewhere.request(
      `http://localhost/api/staff/${office.slug}/admin/data-subjects/search`,
      { method: "POST", headers: { "Content-Type": "application/json", Origin: "http://localhost", Cookie: theirAdmin.cookie }, body: JSON.stringify({ query: p.email }) },
      AFTER,
    );
    await expectError(res, 403, "forbidden");

    const admin = await signedInAdmin(office, "admin", AFTER);
    expect((await search(admin, p.email)).bookings).toHaveLength(2);
  });

  it("refuses an erase from another site (same-origin check)", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office, "admin", AFTER);
    const p = await personWithTraces(office);
    const res = await office.request(
      `http://localhost/api/staff/${office.slug}/admin/data-subjects/erase`,
      { method: "POST", headers: { "Content-Type": "application/json", Origin: "https://evil.example", Cookie: admin.cookie }, body: JSON.stringify({ bookings: [p.bookingId] }) },
      AFTER,
    );
    expect(res.status).toBe(403);
    expect((await search(admin, p.email)).bookings).toHaveLength(2);
  });
});

describe("the holder erases their own data from the manage link", () => {
  it("once cancelled: erased at once, audited with the booking id, and the link works no more", async () => {
    const office = await createOffice();
    const booked = await bookedOnline(office, { name: "Jürgen Groß", phone: "0831 777 888" });
    const token = new URL(booked.manageUrl).hash.slice(1);
    const before = ManagedBooking.parse(await (await office.request(`/api/bookings/manage/${token}`, {}, NOW)).json());
    expect(before.canErase).toBe(false);
    await expectError(await post(office, `/api/bookings/manage/${token}/erase`, {}), 409, "booking_active");

    const cancelled = await post(office, `/api/bookings/manage/${token}/cancel`, {});
    expect(ManagedBooking.parse(await cancelled.json()).canErase).toBe(true);
    const res = await post(office, `/api/bookings/manage/${token}/erase`, {});
    expect(res.status).toBe(200);
    const erased = Erased.parse(await res.json());
    expect(erased.bookings).toBe(1);
    expect(erased.mails).toBeGreaterThanOrEqual(2);

    expect(await traces(office, ["Jürgen", "Groß", before.email, booked.code, "777 888"])).toEqual([]);
    expect((await office.request(`/api/bookings/manage/${token}`, {}, NOW)).status).toBe(404);
    await expectError(await post(office, `/api/bookings/manage/${token}/erase`, {}), 404, "not_found");
    const audit = (await auditRows(office)).filter((r) => r.action === "booking.erase_by_holder");
    expect(audit).toEqual([{ actor_kind: "public", actor_id: null, action: "booking.erase_by_holder", subject_kind: "booking", subject_id: booked.id, detail: null }]);
  });

  it("once the appointment is over, without cancelling", async () => {
    const office = await createOffice();
    const booked = await bookedOnline(office);
    const token = new URL(booked.manageUrl).hash.slice(1);
    const view = ManagedBooking.parse(await (await office.request(`/api/bookings/manage/${token}`, {}, AFTER)).json());
    expect(view).toMatchObject({ status: "confirmed", canCancel: false, canErase: true });
    expect((await post(office, `/api/bookings/manage/${token}/erase`, {}, { now: AFTER })).status).toBe(200);
  });

  it("not on the appointment's own day, even once it is over: staff may still record it, and then it may go", async () => {
    const office = await createOffice();
    const rightAfter = new Date("2026-11-30T12:31:00Z"); // Monday 13:31 in Kempten, the 13:00–13:30 appointment is over
    const staff = await signedInAdmin(office, "staff", rightAfter);
    const admin = await signedInAdmin(office, "admin", rightAfter);
    const booked = await bookedOnline(office);
    const token = new URL(booked.manageUrl).hash.slice(1);
    const view = ManagedBooking.parse(await (await office.request(`/api/bookings/manage/${token}`, {}, rightAfter)).json());
    expect(view).toMatchObject({ status: "confirmed", canErase: false });
    await expectError(await post(office, `/api/bookings/manage/${token}/erase`, {}, { now: rightAfter }), 409, "booking_active");
    await expectError(await admin.post("/admin/data-subjects/erase", { bookings: [booked.id] }), 409, "booking_active", "bookings.0");

    expect((await staff.post(`/bookings/${booked.id}/no-show`, {})).status).toBe(200);
    const res = await post(office, `/api/bookings/manage/${token}/erase`, {}, { now: rightAfter });
    expect(res.status).toBe(200);
    expect(Erased.parse(await res.json()).bookings).toBe(1);
  });

  it("the day of the appointment ends at midnight in the office's zone, not in UTC", async () => {
    const office = await createOffice();
    const booked = await bookedOnline(office);
    const token = new URL(booked.manageUrl).hash.slice(1);
    await expectError(await post(office, `/api/bookings/manage/${token}/erase`, {}, { now: new Date("2026-11-30T22:59:00Z") }), 409, "booking_active");
    expect((await post(office, `/api/bookings/manage/${token}/erase`, {}, { now: new Date("2026-11-30T23:00:00Z") })).status).toBe(200);
  });

  it("a link that opens nothing erases nothing", async () => {
    const office = await createOffice();
    await expectError(await post(office, `/api/bookings/manage/${"x".repeat(43)}/erase`, {}), 404, "not_found");
    await expectError(await post(office, "/api/bookings/manage/short/erase", {}), 404, "not_found");
  });
});
