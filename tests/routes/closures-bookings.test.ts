import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "../../schemas/common";
import { ClosureCreated, ClosureOverlapError } from "../../schemas/staff-settings";
import { cancelWrites } from "../../worker/services/booking/writes";
import { affectedUnchanged, insertClosure } from "../../worker/db/closures";
import { createBooking, runBookingBatch } from "../../worker/db/bookings";
import { daysWindow } from "../../worker/domain/settings";
import { seatUnits } from "../../worker/domain/schedule";
import { AppError } from "../../worker/errors";
import { bookingBody, mailsOf, NOW, post } from "../helpers/bookings";
import { createOffice, staffMember, takeSeats } from "../helpers/fixtures";
import { auditOf, bookedOnline, staffCall } from "../helpers/staff-bookings";
import { CONCURRENCY } from "../helpers/timeouts";
import { readInvite } from "../mail/support/invite";
import { affectedList, bookingStates, mailsWithText, scheduleVersion } from "./closures-support";
import { expectError, publicSlots, signedInAdmin, snapshot } from "./staff-settings-support";

/*
 * Issue 11 item 4: a closure over days with appointments lists them first (409 `bookings_affected`),
 * then either closes and cancels them all in one batch (mails with CANCEL invites in each person's
 * language, reminders withdrawn, audit rows) or only closes. A list out of date is refused with the new
 * one and changes nothing; once stored, a closure takes no seat any more; closures never overlap.
 * Clock: Tuesday 24 November 2026, 08:00 in Kempten; Monday 30 November is the closed day.
 */

const MONDAY = "2026-11-30";
const closure = { firstDay: MONDAY, lastDay: MONDAY, reasonDe: "Krankheit im Team", reasonEn: "Illness in the team" };

describe("close and cancel all", () => {
  it("one batch: the closure, every appointment cancelled with its mail and CANCEL invite, reminders withdrawn, audit rows", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const member = await staffMember(office);
    const german = await bookedOnline(office); // 13:00
    const english = await bookedOnline(office, { start: "2026-11-30T14:00:00+01:00", locale: "en", name: "Jane Doe" });
    const phoned = await staffCall(office, member, "POST", "/bookings", { topic: "fragen", start: "2026-11-30T15:00:00+01:00", name: "Herr Ohne Mail", phone: "0831 5555" });
    expect(phoned.status).toBe(201);
    const phone = ((await phoned.json()) as { id: string }).id;
    const wednesday = await bookedOnline(office, { start: "2026-12-02T09:00:00+01:00" });

    const listed = await affectedList(await admin.post("/admin/closures", closure));
    expect(listed.map((b) => [b.id, b.day, b.start, b.status, b.mail])).toEqual([
      [german.id, MONDAY, "2026-11-30T13:00:00+01:00", "confirmed", true],
      [english.id, MONDAY, "2026-11-30T14:00:00+01:00", "confirmed", true],
      [phone, MONDAY, "2026-11-30T15:00:00+01:00", "confirmed", false],
    ]);
    expect(listed[2]!.phone).toBe("0831 5555");
    // Asking stored nothing.
    expect(await env.DB.prepare("SELECT count(*) AS n FROM closures WHERE location_id = ?1").bind(office.id).first()).toEqual({ n: 0 });

    const res = await admin.post("/admin/closures", { ...closure, bookings: { action: "cancel", ids: listed.map((b) => b.id) } });
    expect(res.status).toBe(201);
    const created = ClosureCreated.parse(await res.json());
    expect(created).toMatchObject({ firstDay: MONDAY, lastDay: MONDAY, bookings: [], cancelled: 3, mailed: 2 });

    expect(await bookingStates([german.id, english.id, phone, wednesday.id])).toEqual([
      { id: german.id, status: "cancelled", sequence: 1, seats: 0 },
      { id: english.id, status: "cancelled", sequence: 1, seats: 0 },
      { id: phone, status: "cancelled", sequence: 1, seats: 0 },
      { id: wednesday.id, status: "confirmed", sequence: 0, seats: 6 },
    ]);

    // Each person's mails: the confirmation, its reminder withdrawn, the cancellation with the reason in their language.
    for (const [booking, reason, rebook] of [
      [german, "Krankheit im Team", "Hier können Sie buchen: http://localhost/"],
      [english, "Illness in the team", "You can book here: http://localhost/"],
    ] as const) {
      const mails = await mailsWithText(booking.id);
      expect(mails.map((m) => [m.kind, m.status, m.ics_method])).toEqual([
        ["booking_confirmed", "captured", "REQUEST"],
        ["booking_reminder", "cancelled", null],
        ["booking_cancelled", "captured", "CANCEL"],
      ]);
      const [confirmation, , cancellation] = mails;
      expect(cancellation!.text_body).toContain(reason);
      expect(cancellation!.text_body).toContain(rebook);
      const before = readInvite(confirmation!.ics!);
      const after = readInvite(cancellation!.ics!);
      expect(after.method).toBe("CANCEL");
      expect(after.events[0]!.uid).toBe(before.events[0]!.uid);
      expect(after.events[0]!.sequence).toBeGreaterThan(before.events[0]!.sequence);
      expect(after.events[0]!.status).toBe("CANCELLED");
    }
    expect(await mailsOf(phone)).toEqual([]);
    expect((await mailsOf(wednesday.id)).map((m) => m.status)).toEqual(["captured", "captured"]);

    // History and audit: who cancelled, why, and the closure itself.
    const events = await env.DB.prepare("SELECT sequence, status, actor, detail FROM booking_events WHERE booking_id = ?1 ORDER BY sequence").bind(german.id).all();
    expect(events.results).toEqual([
      { sequence: 0, status: "confirmed", actor: "resident", detail: null },
      { sequence: 1, status: "cancelled", actor: `staff:${admin.id}`, detail: '{"by":"office","cause":"closure"}' },
    ]);
    const audit = (await auditOf(office)).filter((a) => a.actor_id === String(admin.id));
    expect(audit.map((a) => [a.action, a.subject_id, a.detail])).toEqual([
      ["closure.create", String(created.id), '{"firstDay":"2026-11-30","lastDay":"2026-11-30","affectedBookings":3,"affectedProposals":0,"bookings":"cancel"}'],
      ...[german.id, english.id, phone].map((id) => ["booking.cancel", id, '{"sequence":1,"message":true,"by":"office","cause":"closure"}']),
    ]);

    const [day] = (await publicSlots(office, MONDAY)).days;
    expect(day).toMatchObject({ status: "closure", reason: { de: "Krankheit im Team", en: "Illness in the team" }, slots: [] });
  });

  it("a person who has checked in is listed and left to staff; the others are cancelled", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const here = await bookedOnline(office);
    const later = await bookedOnline(office, { start: "2026-11-30T16:00:00+01:00" });
    await env.DB.prepare("UPDATE bookings SET status = 'checked_in', invite_sequence = 1 WHERE id = ?1").bind(here.id).run();
    const listed = await affectedList(await admin.post("/admin/closures", closure));
    expect(listed.map((b) => [b.id, b.status])).toEqual([[here.id, "checked_in"], [later.id, "confirmed"]]);
    const created = ClosureCreated.parse(
      await (await admin.post("/admin/closures", { ...closure, bookings: { action: "cancel", ids: [here.id, later.id] } })).json(),
    );
    expect(created).toMatchObject({ cancelled: 1, mailed: 1 });
    expect(created.bookings.map((b) => [b.id, b.status])).toEqual([[here.id, "checked_in"]]);
    expect((await bookingStates([here.id, later.id])).map((b) => b.status)).toEqual(["checked_in", "cancelled"]);
  });

  it("a list out of date (an appointment booked meanwhile) is refused with the new list, changing nothing", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const first = await bookedOnline(office);
    const listed = await affectedList(await admin.post("/admin/closures", closure));
    expect(listed.map((b) => b.id)).toEqual([first.id]);

    const meanwhile = await bookedOnline(office, { start: "2026-11-30T16:00:00+01:00" });
    const before = await snapshot(office);
    const again = await affectedList(await admin.post("/admin/closures", { ...closure, bookings: { action: "cancel", ids: [first.id] } }));
    expect(again.map((b) => b.id)).toEqual([first.id, meanwhile.id]);
    expect(await snapshot(office)).toEqual(before);

    // So is one cancelled meanwhile by its holder: the list has one too many.
    await env.DB.batch(cancelWrites(env.DB, meanwhile.id, 1, "resident", NOW));
    const fewer = await affectedList(await admin.post("/admin/closures", { ...closure, bookings: { action: "cancel", ids: [first.id, meanwhile.id] } }));
    expect(fewer.map((b) => b.id)).toEqual([first.id]);

    const res = await admin.post("/admin/closures", { ...closure, bookings: { action: "cancel", ids: [first.id] } });
    expect(ClosureCreated.parse(await res.json())).toMatchObject({ cancelled: 1, bookings: [] });
  });

  it("the batch's guard fails it as a whole: a stale list leaves the closure, cancels and mails unwritten", async () => {
    const office = await createOffice();
    const first = await takeSeats(office, "2026-11-30T12:00:00.000Z");
    const stale = [{ id: first, invite_sequence: 0 }];
    const second = await takeSeats(office, "2026-11-30T13:00:00.000Z"); // booked after the list was read
    const window = daysWindow(MONDAY, MONDAY, "Europe/Berlin");
    const member = await staffMember(office);
    const before = await snapshot(office);
    const version = await scheduleVersion(office);
    // The guard last, so that the closure and the cancel have run when it fails: the whole batch goes.
    const batch = [
      insertClosure(env.DB, { locationId: office.id, firstDay: closure.firstDay, lastDay: closure.lastDay, reason: { de: closure.reasonDe, en: closure.reasonEn }, from: window.from, until: window.until, staffId: member.id, now: NOW }),
      ...cancelWrites(env.DB, first, 1, "staff:1", NOW),
      affectedUnchanged(env.DB, { locationId: office.id, bookings: stale, proposals: [], now: NOW, between: { from: window.from, until: window.until } }),
    ];
    await expect(env.DB.batch(batch)).rejects.toThrow(/batch_guard_failed/);
    expect(await snapshot(office)).toEqual(before);
    expect(await bookingStates([first, second])).toEqual([
      { id: first, status: "confirmed", sequence: 0, seats: 6 },
      { id: second, status: "confirmed", sequence: 0, seats: 6 },
    ]);
    expect(await scheduleVersion(office)).toBe(version);
    // The same guard with the exact list lets the batch through.
    const exact = [
      { id: first, invite_sequence: 0 },
      { id: second, invite_sequence: 0 },
    ];
    await env.DB.batch([affectedUnchanged(env.DB, { locationId: office.id, bookings: exact, proposals: [], now: NOW, between: { from: window.from, until: window.until } })]);
  });

  it("a decision is refused when the days have no such appointments, and a body that names none is a 400", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const before = await snapshot(office);
    expect(await affectedList(await admin.post("/admin/closures", { ...closure, bookings: { action: "cancel", ids: ["nope"] } }))).toEqual([]);
    await expectError(await admin.post("/admin/closures", { ...closure, bookings: { action: "drop", ids: [] } }), 400, "invalid_request", "bookings.action");
    expect(await snapshot(office)).toEqual(before);
  });
});

describe("only close", () => {
  it("keeps the appointments and lists them with their days; no seat can be taken on a closed day any more", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const member = await staffMember(office);
    const kept = await bookedOnline(office);
    const listed = await affectedList(await admin.post("/admin/closures", closure));
    const res = await admin.post("/admin/closures", { ...closure, bookings: { action: "keep", ids: listed.map((b) => b.id) } });
    expect(res.status).toBe(201);
    const created = ClosureCreated.parse(await res.json());
    expect(created).toMatchObject({ cancelled: 0, mailed: 0 });
    expect(created.bookings.map((b) => [b.id, b.day])).toEqual([[kept.id, MONDAY]]);
    expect(await bookingStates([kept.id])).toEqual([{ id: kept.id, status: "confirmed", sequence: 0, seats: 6 }]);
    expect((await mailsOf(kept.id)).map((m) => m.kind)).toEqual(["booking_confirmed", "booking_reminder"]);

    // Online the day is closed (the schedule says so) …
    await expectError(await post(office, "/api/bookings", bookingBody({ start: "2026-11-30T16:00:00+01:00" })), 409, "slot_unavailable");
    // … and a booking whose schedule was read before the closure came is refused by its own INSERT.
    const topic = await env.DB.prepare("SELECT id FROM topics WHERE location_id = ?1 AND key = 'fragen'").bind(office.id).first<{ id: number }>();
    const start = new Date("2026-11-30T15:00:00.000Z");
    const late = createBooking(
      env.DB,
      {
        id: crypto.randomUUID(), locationId: office.id, kind: "slot", status: "confirmed", topicId: topic!.id,
        startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 30 * 60_000).toISOString(), source: "online",
        name: "Zu spät", email: "spaet@example.org", phone: null, note: null, locale: "de", preferredWeekdays: null,
        preferredTimes: null, wish: null, code: "ZZZZZ", idempotencyKey: null, requestHash: null,
      },
      "hash-of-a-token",
      { units: seatUnits(start, new Date(start.getTime() + 30 * 60_000)), seatsPerSlot: 1 },
      2,
      NOW,
    );
    const refused = await runBookingBatch(env.DB, late).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("slot_unavailable");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM bookings WHERE code = 'ZZZZZ' AND location_id = ?1").bind(office.id).first()).toEqual({ n: 0 });

    // Staff move the kept appointment off the closed day: seats elsewhere are fine; within it they are not.
    await expectError(await staffCall(office, member, "POST", `/bookings/${kept.id}/move`, { start: "2026-11-30T16:00:00+01:00" }), 409, "slot_unavailable");
    const moved = await staffCall(office, member, "POST", `/bookings/${kept.id}/move`, { start: "2026-12-02T09:00:00+01:00" });
    expect(moved.status).toBe(200);
  });

  it("the answer lists what is on the days now, also an appointment booked after the dialog", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const first = await bookedOnline(office);
    await affectedList(await admin.post("/admin/closures", closure));
    const meanwhile = await bookedOnline(office, { start: "2026-11-30T16:00:00+01:00" });
    const created = ClosureCreated.parse(await (await admin.post("/admin/closures", { ...closure, bookings: { action: "keep", ids: [first.id] } })).json());
    expect(created.bookings.map((b) => b.id)).toEqual([first.id, meanwhile.id]);
  });

  it("the seat rule finds a closure through its index, however many closures the office has had", async () => {
    const office = await createOffice();
    const plan = await env.DB.prepare(
      "EXPLAIN QUERY PLAN SELECT 1 FROM closures WHERE location_id = ?1 AND ends_at > ?2 AND starts_at <= ?2",
    )
      .bind(office.id, "2026-11-30T12:00:00.000Z")
      .all<{ detail: string }>();
    expect(plan.results.map((r) => r.detail)).toEqual([expect.stringMatching(/^SEARCH closures USING (COVERING )?INDEX closures_by_location_instants/)]);
  });

  it("a closure over days without appointments is stored at once", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const version = await scheduleVersion(office);
    const res = await admin.post("/admin/closures", closure);
    expect(res.status).toBe(201);
    expect(ClosureCreated.parse(await res.json())).toMatchObject({ bookings: [], cancelled: 0, mailed: 0 });
    expect(await scheduleVersion(office)).toBe(version + 1);
    const stored = await env.DB.prepare("SELECT starts_at, ends_at FROM closures WHERE location_id = ?1").bind(office.id).first();
    expect(stored).toEqual({ starts_at: "2026-11-29T23:00:00.000Z", ends_at: "2026-11-30T23:00:00.000Z" });
  });
});

describe("overlapping closures", () => {
  it.each([
    ["the same day twice", "2026-12-07", "2026-12-07"],
    ["overlapping its start", "2026-12-04", "2026-12-07"],
    ["overlapping its end", "2026-12-09", "2026-12-12"],
    ["inside it", "2026-12-08", "2026-12-08"],
    ["around it", "2026-12-01", "2026-12-31"],
  ])("are refused: %s, naming the existing one and changing nothing", async (_, firstDay, lastDay) => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const existing = ClosureCreated.parse(await (await admin.post("/admin/closures", { firstDay: "2026-12-07", lastDay: "2026-12-09", reasonDe: "Fortbildung" })).json());
    const before = await snapshot(office);
    const res = await admin.post("/admin/closures", { firstDay, lastDay, reasonDe: "Urlaub" });
    expect(res.status).toBe(409);
    const body = ClosureOverlapError.parse(await res.json());
    expect(body.error).toMatchObject({ code: "closure_overlap", field: "firstDay" });
    expect(body.error.details.closure).toEqual({ id: existing.id, firstDay: "2026-12-07", lastDay: "2026-12-09", reason: { de: "Fortbildung" } });
    expect(body.error.message).toContain("2026-12-07 – 2026-12-09");
    expect(await snapshot(office)).toEqual(before);
  });

  it("adjacent days are fine, and so are the same days at another office", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const other = await signedInAdmin(await createOffice());
    for (const [first, last] of [["2026-12-07", "2026-12-09"], ["2026-12-10", "2026-12-10"], ["2026-12-05", "2026-12-06"]]) {
      expect((await admin.post("/admin/closures", { firstDay: first, lastDay: last, reasonDe: "Urlaub" })).status).toBe(201);
    }
    expect((await other.post("/admin/closures", { firstDay: "2026-12-07", lastDay: "2026-12-07", reasonDe: "Urlaub" })).status).toBe(201);
  });

  it("two admins entering the same days at once: one closure, the other answer names it", CONCURRENCY, async () => {
    const office = await createOffice();
    const admins = await Promise.all(Array.from({ length: 8 }, () => signedInAdmin(office)));
    const answers = await Promise.all(admins.map((a) => a.post("/admin/closures", { firstDay: "2026-12-14", lastDay: "2026-12-15", reasonDe: "Umzug" })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, ...Array(7).fill(409)]);
    for (const r of answers.filter((a) => a.status === 409)) {
      expect(ErrorBody.parse(await r.json()).error.code).toBe("closure_overlap");
    }
    expect(await env.DB.prepare("SELECT count(*) AS n FROM closures WHERE location_id = ?1").bind(office.id).first()).toEqual({ n: 1 });
  });
});
