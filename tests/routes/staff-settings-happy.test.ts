import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  AdminSettings,
  AuditList,
  BookingsAffectedError,
  ClosureCreated,
  ClosureDeleted,
  OfficeSettingsChanged,
  OpeningHoursChanged,
  RoomView,
  TopicView,
} from "../../schemas/staff-settings";
import { addClosure, createOffice, takeSeats } from "../helpers/fixtures";
import { NOW, TODAY, auditRows, publicLocation, publicSlots, recordingNotifier, signedInAdmin } from "./staff-settings-support";

/*
 * What admins change is stored, audited and visible at once: in GET /admin/settings and in the public
 * /api/location and /api/slots. Clock: Tuesday 24 November 2026, 08:00 in Kempten.
 */

// Monday 30 November 2026, 13:00 in Kempten (CET): the first slot of that Monday.
const MONDAY_13 = "2026-11-30T12:00:00.000Z";

describe("GET /admin/settings", () => {
  it("answers everything an admin edits, inactive topics and rooms included", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    await env.DB.prepare("UPDATE topics SET active = 0 WHERE location_id = ?1 AND key = 'intern'").bind(office.id).run();
    await addClosure(office, "2026-10-01", "2026-10-02", "Betriebsausflug"); // ended long ago: not listed
    await addClosure(office, "2026-11-20", "2026-11-20", "Fortbildung", "Training"); // recent: listed
    await addClosure(office, "2026-12-24", "2026-12-31", "Weihnachtspause");
    await env.DB.prepare("INSERT INTO opening_rules (location_id, weekday, opens, closes, valid_from, valid_until) VALUES (?1, 5, '09:00', '12:00', '2026-01-01', '2026-06-30')")
      .bind(office.id)
      .run(); // ended: history, not listed

    const res = await admin.get("/admin/settings");
    expect(res.status).toBe(200);
    const settings = AdminSettings.parse(await res.json());
    expect(settings.office).toEqual({
      name: "Testbüro Kempten-Ost",
      shortName: "Testbüro",
      street: "Anton-Fehr-Str. 6",
      postalCode: null,
      city: "Kempten (Allgäu)",
      phone: "0172 / 2315911",
      email: "buero@example.org",
      slotMinutes: 30,
      seatsPerSlot: 1,
      minNoticeMinutes: 120,
      horizonDays: 56,
      checkinOpensMinutes: 30,
      checkinClosesMinutes: 15,
      maxActiveBookingsPerEmail: 2,
      retentionDays: 30,
      proposalHoldHours: 48,
      providerBody: null,
      providerDepartment: null,
      providerRepresentative: null,
      dpoContact: null,
      privacyAuthority: expect.stringContaining("Der Bayerische Landesbeauftragte für den Datenschutz\n"),
      accessibilityEnforcement: expect.stringContaining("Landesamt für Digitalisierung, Breitband und Vermessung\n"),
    });
    expect(settings).toMatchObject({ timezone: "Europe/Berlin", today: TODAY });
    expect(settings.openingRules.map(({ id: _, ...r }) => r)).toEqual([
      { weekday: 1, opens: "13:00", closes: "17:30", validFrom: "2020-01-01", validUntil: null },
      { weekday: 3, opens: "09:00", closes: "13:00", validFrom: "2020-01-01", validUntil: null },
    ]);
    expect(settings.closures.map((c) => [c.firstDay, c.lastDay, c.reason])).toEqual([
      ["2026-11-20", "2026-11-20", { de: "Fortbildung", en: "Training" }],
      ["2026-12-24", "2026-12-31", { de: "Weihnachtspause" }],
    ]);
    expect(settings.topics.map((t) => [t.key, t.durationMinutes, t.bookableOnline, t.active])).toEqual([
      ["fragen", 30, true, true],
      ["kompetenzanalyse", 60, true, true],
      ["intern", 30, false, false],
    ]);
    expect(settings.rooms.map((r) => [r.name, r.sort, r.active])).toEqual([
      ["Raum 1", 1, true],
      ["Raum 2", 2, true],
    ]);
  });
});

describe("PUT /admin/settings/office", () => {
  it("changes only the given settings, audits what changed and the public pages follow", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    await takeSeats(office, MONDAY_13);
    expect((await publicSlots(office, "2026-11-30")).days[0]!.slots[0]!.start).toBe("2026-11-30T13:30:00+01:00");

    const res = await admin.put("/admin/settings/office", { seatsPerSlot: 2, name: "Quartiersbüro Ost", postalCode: "87439", horizonDays: 28 });
    expect(res.status).toBe(200);
    const changed = OfficeSettingsChanged.parse(await res.json());
    expect(changed.office).toMatchObject({ seatsPerSlot: 2, name: "Quartiersbüro Ost", postalCode: "87439", horizonDays: 28, slotMinutes: 30 });
    expect(changed.bookingsBeyondSeats).toBe(0);

    // The 13:00 slot has one seat of two taken: offered again, with one free.
    const [monday] = (await publicSlots(office, "2026-11-30")).days;
    expect(monday!.slots[0]).toMatchObject({ start: "2026-11-30T13:00:00+01:00", free: 1 });
    const location = await publicLocation(office);
    expect(location).toMatchObject({ name: "Quartiersbüro Ost", address: { postalCode: "87439" }, booking: { horizonDays: 28 } });
    expect(AdminSettings.parse(await (await admin.get("/admin/settings")).json()).office.seatsPerSlot).toBe(2);

    expect(await auditRows(office)).toEqual([
      {
        actor_kind: "staff",
        actor_id: String(admin.id),
        action: "settings.office.update",
        subject_kind: "location",
        subject_id: String(office.id),
        // Numbers from/to; contact texts only flagged (they may name a person).
        detail: { seats_per_slot: { from: 1, to: 2 }, horizon_days: { from: 56, to: 28 }, name: "changed", postal_code: "changed" },
      },
    ]);
  });

  it("lowering seats below what is booked keeps the bookings and counts them", async () => {
    const office = await createOffice({ seatsPerSlot: 2 });
    const admin = await signedInAdmin(office);
    await takeSeats(office, MONDAY_13, 30, 1);
    const second = await takeSeats(office, MONDAY_13, 60, 2);
    await takeSeats(office, "2026-11-23T12:00:00.000Z", 30, 2); // past: not counted

    const res = await admin.put("/admin/settings/office", { seatsPerSlot: 1 });
    const changed = OfficeSettingsChanged.parse(await res.json());
    expect(changed).toMatchObject({ office: { seatsPerSlot: 1 }, bookingsBeyondSeats: 1 });
    const kept = await env.DB.prepare("SELECT status FROM bookings WHERE id = ?1").bind(second).first();
    expect(kept).toEqual({ status: "confirmed" });
    // 13:00 and 13:30 are full for new bookings now.
    expect((await publicSlots(office, "2026-11-30")).days[0]!.slots[0]!.start).toBe("2026-11-30T14:00:00+01:00");
  });

  it("an unchanged value writes nothing and audits nothing", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const res = await admin.put("/admin/settings/office", { slotMinutes: 30, email: "buero@example.org" });
    expect(res.status).toBe(200);
    expect(await auditRows(office)).toEqual([]);
  });
});

describe("PUT /admin/settings/opening-hours", () => {
  it("replaces the hours from a day on and keeps the earlier days as they were", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const outside = await takeSeats(office, "2026-12-07T12:00:00.000Z"); // Monday 7 December 13:00: outside the new hours
    await takeSeats(office, "2026-11-30T12:00:00.000Z"); // Monday 30 November: before the change

    const change = {
      validFrom: "2026-12-01",
      rules: [
        { weekday: 2, opens: "10:00", closes: "12:00" },
        { weekday: 2, opens: "14:00", closes: "16:30" },
        { weekday: 3, opens: "09:00", closes: "13:00" },
      ],
    };
    // First the list of what the change touches (nothing stored yet), then "Nur speichern".
    const asked = await admin.put("/admin/settings/opening-hours", change);
    expect(asked.status).toBe(409);
    expect(BookingsAffectedError.parse(await asked.json()).error.details.bookings.map((b) => [b.id, b.day, b.start])).toEqual([
      [outside, "2026-12-07", "2026-12-07T13:00:00+01:00"],
    ]);
    const res = await admin.put("/admin/settings/opening-hours", { ...change, bookings: { action: "keep", ids: [outside] } });
    expect(res.status).toBe(200);
    const changed = OpeningHoursChanged.parse(await res.json());
    expect(changed).toMatchObject({ cancelled: 0, mailed: 0 });
    expect(changed.bookings.map((b) => b.id)).toEqual([outside]);
    expect(changed.rules.map(({ id: _, ...r }) => r)).toEqual([
      { weekday: 2, opens: "10:00", closes: "12:00", validFrom: "2026-12-01", validUntil: null },
      { weekday: 2, opens: "14:00", closes: "16:30", validFrom: "2026-12-01", validUntil: null },
      { weekday: 3, opens: "09:00", closes: "13:00", validFrom: "2026-12-01", validUntil: null },
    ]);

    const stored = await env.DB.prepare("SELECT weekday, opens, closes, valid_from, valid_until FROM opening_rules WHERE location_id = ?1 ORDER BY valid_from, weekday, opens")
      .bind(office.id)
      .all();
    expect(stored.results).toEqual([
      { weekday: 1, opens: "13:00", closes: "17:30", valid_from: "2020-01-01", valid_until: "2026-11-30" },
      { weekday: 3, opens: "09:00", closes: "13:00", valid_from: "2020-01-01", valid_until: "2026-11-30" },
      { weekday: 2, opens: "10:00", closes: "12:00", valid_from: "2026-12-01", valid_until: null },
      { weekday: 2, opens: "14:00", closes: "16:30", valid_from: "2026-12-01", valid_until: null },
      { weekday: 3, opens: "09:00", closes: "13:00", valid_from: "2026-12-01", valid_until: null },
    ]);

    // Monday 30 November keeps its hours; from 1 December the new ones apply.
    const days = (await publicSlots(office, "2026-11-30", "2026-12-07")).days;
    const byDate = Object.fromEntries(days.map((d) => [d.date, d]));
    expect(byDate["2026-11-30"]!.status).toBe("open");
    expect(byDate["2026-11-30"]!.slots[0]!.start).toBe("2026-11-30T13:30:00+01:00");
    expect(byDate["2026-12-01"]!.slots.map((s) => s.start.slice(11, 16))).toEqual([
      "10:00", "10:30", "11:00", "11:30", "14:00", "14:30", "15:00", "15:30", "16:00",
    ]);
    expect(byDate["2026-12-07"]!.status).toBe("closed");
    // The booking of 7 December is kept; staff decide about it.
    expect(await env.DB.prepare("SELECT count(*) AS n FROM bookings WHERE location_id = ?1 AND status = 'confirmed'").bind(office.id).first()).toEqual({ n: 2 });

    const location = await publicLocation(office);
    expect(location.openingHours.filter((r) => r.validUntil === null).map((r) => [r.weekday, r.opens, r.closes])).toEqual([
      [2, "10:00", "12:00"],
      [2, "14:00", "16:30"],
      [3, "09:00", "13:00"],
    ]);

    const [row] = await auditRows(office);
    expect(row).toMatchObject({ action: "settings.opening_hours.replace", actor_id: String(admin.id), subject_kind: "location" });
    expect(row!.detail).toMatchObject({ validFrom: "2026-12-01", affectedBookings: 1, bookings: "keep", after: ["2 10:00-12:00", "2 14:00-16:30", "3 09:00-13:00"] });
  });

  it("starts today by default; a later change on the same day replaces the earlier one", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    // Today is a Tuesday: open today from 10:00 (08:00 now + 2 h notice → first slot 10:00).
    const first = OpeningHoursChanged.parse(await (await admin.put("/admin/settings/opening-hours", { rules: [{ weekday: 2, opens: "09:00", closes: "11:00" }] })).json());
    expect(first.validFrom).toBe(TODAY);
    expect((await publicSlots(office, TODAY)).days[0]!.slots.map((s) => s.start.slice(11, 16))).toEqual(["10:00", "10:30"]);

    // No rules at all: by arrangement only.
    const second = OpeningHoursChanged.parse(await (await admin.put("/admin/settings/opening-hours", { rules: [] })).json());
    expect(second).toEqual({ validFrom: TODAY, rules: [], bookings: [], proposals: [], cancelled: 0, withdrawn: 0, mailed: 0 });
    expect((await publicSlots(office, TODAY, "2026-11-30")).days.every((d) => d.status === "closed")).toBe(true);
    const rules = await env.DB.prepare("SELECT weekday, valid_from, valid_until FROM opening_rules WHERE location_id = ?1 ORDER BY weekday").bind(office.id).all();
    expect(rules.results).toEqual([
      { weekday: 1, valid_from: "2020-01-01", valid_until: "2026-11-23" },
      { weekday: 3, valid_from: "2020-01-01", valid_until: "2026-11-23" },
    ]);
  });
});

describe("closures", () => {
  it("a closure over a booked day is stored, counts the bookings (kept) and closes the day publicly", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const booked = await takeSeats(office, MONDAY_13);
    await takeSeats(office, "2026-12-02T08:00:00.000Z"); // Wednesday 2 December 09:00

    const closure = { firstDay: "2026-11-30", lastDay: "2026-12-01", reasonDe: "Krankheit", reasonEn: "Illness" };
    const asked = await admin.post("/admin/closures", closure);
    expect(asked.status).toBe(409);
    expect(BookingsAffectedError.parse(await asked.json()).error.details.bookings.map((b) => b.id)).toEqual([booked]);
    const res = await admin.post("/admin/closures", { ...closure, bookings: { action: "keep", ids: [booked] } });
    expect(res.status).toBe(201);
    const created = ClosureCreated.parse(await res.json());
    expect(created).toMatchObject({ firstDay: "2026-11-30", lastDay: "2026-12-01", reason: { de: "Krankheit", en: "Illness" }, cancelled: 0 });
    expect(created.bookings.map((b) => [b.id, b.day, b.status])).toEqual([[booked, "2026-11-30", "confirmed"]]);

    const days = (await publicSlots(office, "2026-11-30", "2026-12-02")).days;
    expect(days.map((d) => [d.date, d.status, d.reason ?? null])).toEqual([
      ["2026-11-30", "closure", { de: "Krankheit", en: "Illness" }],
      ["2026-12-01", "closure", { de: "Krankheit", en: "Illness" }],
      ["2026-12-02", "open", null],
    ]);
    const settings = AdminSettings.parse(await (await admin.get("/admin/settings")).json());
    expect(settings.closures).toEqual([{ id: created.id, firstDay: "2026-11-30", lastDay: "2026-12-01", reason: { de: "Krankheit", en: "Illness" } }]);
    const row = await env.DB.prepare("SELECT created_by FROM closures WHERE id = ?1").bind(created.id).first();
    expect(row).toEqual({ created_by: admin.id });

    const deleted = await admin.post(`/admin/closures/${created.id}/delete`);
    expect(deleted.status).toBe(200);
    expect(ClosureDeleted.parse(await deleted.json())).toEqual({ id: created.id, deleted: true });
    expect((await publicSlots(office, "2026-11-30")).days[0]!.status).toBe("open");

    expect(await auditRows(office)).toEqual([
      {
        actor_kind: "staff", actor_id: String(admin.id), action: "closure.create", subject_kind: "closure", subject_id: String(created.id),
        detail: { firstDay: "2026-11-30", lastDay: "2026-12-01", affectedBookings: 1, affectedProposals: 0, bookings: "keep" },
      },
      {
        actor_kind: "staff", actor_id: String(admin.id), action: "closure.delete", subject_kind: "closure", subject_id: String(created.id),
        detail: { firstDay: "2026-11-30", lastDay: "2026-12-01" },
      },
    ]);
  });

  it("counts bookings by local day across the change to winter time", async () => {
    const office = await createOffice({ horizonDays: 366, rules: [[7, "00:00", "24:00"]] });
    const admin = await signedInAdmin(office, "admin", new Date("2026-10-20T07:00:00Z"));
    // Sunday 25 October 2026 (the clocks go back at 03:00): 00:30 local is 22:30Z the day before.
    await takeSeats(office, "2026-10-24T22:30:00.000Z");
    await takeSeats(office, "2026-10-25T22:30:00.000Z"); // 23:30 local the same Sunday (CET)
    await takeSeats(office, "2026-10-25T23:30:00.000Z"); // Monday 00:30: not in the closure
    const res = await admin.post("/admin/closures", { firstDay: "2026-10-25", lastDay: "2026-10-25", reasonDe: "Umzug" }, new Date("2026-10-20T07:00:00Z"));
    expect(res.status).toBe(409);
    const { bookings } = BookingsAffectedError.parse(await res.json()).error.details;
    expect(bookings.map((b) => [b.day, b.start])).toEqual([
      ["2026-10-25", "2026-10-25T00:30:00+02:00"],
      ["2026-10-25", "2026-10-25T23:30:00+01:00"],
    ]);
  });
});

describe("topics", () => {
  it("create, change and retire a topic; the public location follows, the key stays", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const res = await admin.post("/admin/topics", {
      key: "digital-lernen",
      label: { de: "Digitaler Lernort", en: "Digital learning place" },
      audience: "residents",
      durationMinutes: 45,
      icon: "laptop",
      sort: 5,
    });
    expect(res.status).toBe(201);
    const created = TopicView.parse(await res.json());
    expect(created).toMatchObject({
      key: "digital-lernen", description: { de: "" }, durationMinutes: 45, bookableOnline: true, walkIn: true, active: true, sort: 5,
    });
    expect((await publicLocation(office)).topics.find((t) => t.key === "digital-lernen")).toMatchObject({
      label: { de: "Digitaler Lernort", en: "Digital learning place" }, durationMinutes: 45, icon: "laptop",
    });
    // 45 minutes on a 30-minute grid: two half hours must be free.
    expect((await publicSlots(office, "2026-11-30", "2026-11-30", "digital-lernen")).days[0]!.slots.at(-1)!.start).toBe("2026-11-30T16:30:00+01:00");

    const updated = await admin.put(`/admin/topics/${created.id}`, { label: { de: "Lernort", en: "" }, durationMinutes: 30, bookableOnline: false });
    expect(updated.status).toBe(200);
    const view = TopicView.parse(await updated.json());
    expect(view).toMatchObject({ id: created.id, key: "digital-lernen", durationMinutes: 30, bookableOnline: false });
    // An emptied English name is no English name: pages show the German, marked as German.
    expect(view.label).toEqual({ de: "Lernort" });
    const shown = (await publicLocation(office)).topics.find((t) => t.key === "digital-lernen")!;
    expect([shown.label, shown.bookableOnline]).toEqual([{ de: "Lernort" }, false]);

    const retired = TopicView.parse(await (await admin.put(`/admin/topics/${created.id}`, { active: false })).json());
    expect(retired.active).toBe(false);
    expect((await publicLocation(office)).topics.map((t) => t.key)).toEqual(["fragen", "kompetenzanalyse", "intern"]);
    expect(AdminSettings.parse(await (await admin.get("/admin/settings")).json()).topics.find((t) => t.id === created.id)!.active).toBe(false);

    const rows = await auditRows(office);
    expect(rows.map((r) => [r.action, r.subject_id])).toEqual([
      ["topic.create", String(created.id)],
      ["topic.update", String(created.id)],
      ["topic.update", String(created.id)],
    ]);
    expect(rows[1]!.detail).toEqual({
      key: "digital-lernen",
      label: { from: { de: "Digitaler Lernort", en: "Digital learning place" }, to: { de: "Lernort" } },
      duration_minutes: { from: 45, to: 30 },
      bookable_online: { from: true, to: false },
    });
    expect(rows[2]!.detail).toEqual({ key: "digital-lernen", active: { from: true, to: false } });
  });
});

describe("rooms", () => {
  it("add, rename, reorder and take a room out of use", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const res = await admin.post("/admin/rooms", { name: "Besprechungsecke", sort: 3 });
    expect(res.status).toBe(201);
    const room = RoomView.parse(await res.json());
    expect(room).toMatchObject({ name: "Besprechungsecke", sort: 3, active: true });

    const renamed = RoomView.parse(await (await admin.put(`/admin/rooms/${room.id}`, { name: "Raum 3", active: false, sort: 0 })).json());
    expect(renamed).toEqual({ id: room.id, name: "Raum 3", sort: 0, active: false });
    const settings = AdminSettings.parse(await (await admin.get("/admin/settings")).json());
    expect(settings.rooms.map((r) => [r.name, r.active])).toEqual([
      ["Raum 3", false],
      ["Raum 1", true],
      ["Raum 2", true],
    ]);
    expect((await auditRows(office)).map((r) => [r.action, r.subject_id, r.detail])).toEqual([
      ["room.create", String(room.id), { name: "Besprechungsecke", sort_order: 3, active: true }],
      ["room.update", String(room.id), { name: { from: "Besprechungsecke", to: "Raum 3" }, sort_order: { from: 3, to: 0 }, active: { from: true, to: false } }],
    ]);
  });
});

describe("GET /admin/audit", () => {
  it("lists the office's latest events, newest first, with the admin's name", async () => {
    const office = await createOffice();
    const other = await createOffice();
    const admin = await signedInAdmin(office);
    const stranger = await signedInAdmin(other);
    await admin.put("/admin/settings/office", { seatsPerSlot: 2 }, new Date("2026-11-24T07:00:00Z"));
    await admin.post("/admin/rooms", { name: "Raum 3" }, new Date("2026-11-24T07:05:00Z"));
    await admin.post("/admin/closures", { firstDay: "2026-12-24", lastDay: "2026-12-24", reasonDe: "Heiligabend" }, new Date("2026-11-24T07:10:00Z"));
    await stranger.post("/admin/rooms", { name: "Raum 9" });

    const res = await admin.get("/admin/audit?limit=2");
    expect(res.status).toBe(200);
    const { events } = AuditList.parse(await res.json());
    expect(events.map((e) => [e.action, e.at, e.actor.id, e.actor.kind])).toEqual([
      ["closure.create", "2026-11-24T07:10:00.000Z", String(admin.id), "staff"],
      ["room.create", "2026-11-24T07:05:00.000Z", String(admin.id), "staff"],
    ]);
    expect(events[0]!.actor.name).toMatch(/^Mitarbeiterin /);
    expect(events[1]!.detail).toEqual({ name: "Raum 3", sort_order: 0, active: true });
    expect(AuditList.parse(await (await admin.get("/admin/audit")).json()).events).toHaveLength(3);
  });
});

describe("live updates", () => {
  it("every stored change is announced as 'settings'; a refused or empty one is not", async () => {
    const office = await createOffice();
    const live = recordingNotifier();
    const admin = await signedInAdmin(office, "admin", NOW, { live });
    await admin.put("/admin/settings/office", { seatsPerSlot: 2 });
    await admin.put("/admin/settings/office", { seatsPerSlot: 2 }); // unchanged
    await admin.put("/admin/settings/office", { seatsPerSlot: 99 }); // refused
    await admin.put("/admin/settings/opening-hours", { rules: [] });
    const closure = ClosureCreated.parse(await (await admin.post("/admin/closures", { firstDay: "2026-12-01", lastDay: "2026-12-01", reasonDe: "Urlaub" })).json());
    await admin.post(`/admin/closures/${closure.id}/delete`);
    const topic = TopicView.parse(await (await admin.post("/admin/topics", { key: "neu", label: { de: "Neu", en: "" }, audience: "everyone", durationMinutes: 30 })).json());
    await admin.put(`/admin/topics/${topic.id}`, { active: false });
    const room = RoomView.parse(await (await admin.post("/admin/rooms", { name: "Raum 3" })).json());
    await admin.put(`/admin/rooms/${room.id}`, { active: false });
    expect(live.told).toEqual(Array.from({ length: 8 }, () => [office.slug, ["settings"]]));
  });
});
