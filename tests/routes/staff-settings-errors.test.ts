import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { TopicView } from "../../schemas/staff-settings";
import { createOffice, type Office } from "../helpers/fixtures";
import { NOW, expectError, signedInAdmin, snapshot, type Admin } from "./staff-settings-support";
import { CONCURRENCY } from "../helpers/timeouts";

/*
 * Refusals of the admin settings routes: each bad input is a 4xx naming its field, the database
 * (settings, rules, closures, topics, rooms, devices and the audit log) is unchanged afterwards, and
 * ids of another office are as unknown as ids that do not exist. Clock: Tuesday 24 November 2026.
 */

async function refused(office: Office, call: () => Promise<Response>, status: number, code: string, field?: string) {
  const before = await snapshot(office);
  await expectError(await call(), status, code, field);
  expect(await snapshot(office)).toEqual(before);
}

async function setUp(): Promise<{ office: Office; admin: Admin }> {
  const office = await createOffice();
  return { office, admin: await signedInAdmin(office) };
}

describe("PUT /admin/settings/office", () => {
  it.each([
    [{ slotMinutes: 7 }, "slotMinutes"],
    [{ slotMinutes: 245 }, "slotMinutes"],
    [{ slotMinutes: 0 }, "slotMinutes"],
    [{ seatsPerSlot: 21 }, "seatsPerSlot"],
    [{ seatsPerSlot: -1 }, "seatsPerSlot"],
    [{ seatsPerSlot: 1.5 }, "seatsPerSlot"],
    [{ horizonDays: 0 }, "horizonDays"],
    [{ horizonDays: 367 }, "horizonDays"],
    [{ minNoticeMinutes: -5 }, "minNoticeMinutes"],
    [{ retentionDays: 0 }, "retentionDays"],
    [{ maxActiveBookingsPerEmail: 0 }, "maxActiveBookingsPerEmail"],
    [{ checkinOpensMinutes: "30" }, "checkinOpensMinutes"],
    [{ name: "   " }, "name"],
    [{ email: "not-an-address" }, "email"],
    [{ timeZone: "Europe/Vienna" }, "timeZone"],
    [{}, undefined],
  ])("refuses %j", async (body, field) => {
    const { office, admin } = await setUp();
    await refused(office, () => admin.put("/admin/settings/office", body), 400, "invalid_request", field);
  });

  it("refuses a body that is not JSON", async () => {
    const { office, admin } = await setUp();
    await refused(office, () => admin.put("/admin/settings/office", "{seatsPerSlot: 2"), 400, "invalid_request");
  });
});

describe("PUT /admin/settings/opening-hours", () => {
  it.each([
    [[{ weekday: 1, opens: "13:00", closes: "17:30" }, { weekday: 1, opens: "17:00", closes: "18:00" }], "rules.1.opens"],
    [[{ weekday: 1, opens: "15:00", closes: "16:00" }, { weekday: 1, opens: "13:00", closes: "17:30" }], "rules.0.opens"],
    [[{ weekday: 1, opens: "13:00", closes: "17:30" }, { weekday: 1, opens: "13:00", closes: "14:00" }], "rules.1.opens"],
    [[{ weekday: 1, opens: "13:03", closes: "17:30" }], "rules.0.opens"],
    [[{ weekday: 1, opens: "13:00", closes: "17:31" }], "rules.0.closes"],
    [[{ weekday: 1, opens: "13:00", closes: "13:00" }], "rules.0.closes"],
    [[{ weekday: 1, opens: "18:00", closes: "08:00" }], "rules.0.closes"],
    [[{ weekday: 8, opens: "09:00", closes: "10:00" }], "rules.0.weekday"],
    [[{ weekday: 1, opens: "24:00", closes: "24:00" }], "rules.0.opens"],
    [[{ weekday: 1, opens: "9:00", closes: "10:00" }], "rules.0.opens"],
    [[{ weekday: 1, opens: "09:00", closes: "10:00", validUntil: "2027-01-01" }], "rules.0.validUntil"],
  ])("refuses the rules %j", async (rules, field) => {
    const { office, admin } = await setUp();
    await refused(office, () => admin.put("/admin/settings/opening-hours", { rules }), 400, "invalid_request", field);
  });

  it("allows spans that only touch, and a span until midnight", async () => {
    const { admin } = await setUp();
    const res = await admin.put("/admin/settings/opening-hours", {
      validFrom: "2026-12-01",
      rules: [
        { weekday: 1, opens: "09:00", closes: "12:00" },
        { weekday: 1, opens: "12:00", closes: "24:00" },
      ],
    });
    expect(res.status).toBe(200);
  });

  it("refuses to rewrite the hours of past days", async () => {
    const { office, admin } = await setUp();
    await refused(office, () => admin.put("/admin/settings/opening-hours", { validFrom: "2026-11-23", rules: [] }), 400, "invalid_request", "validFrom");
    await refused(office, () => admin.put("/admin/settings/opening-hours", { validFrom: "2026-02-30", rules: [] }), 400, "invalid_request", "validFrom");
  });
});

describe("closures", () => {
  it.each([
    [{ firstDay: "2026-12-02", lastDay: "2026-12-01", reasonDe: "Urlaub" }, "lastDay"],
    [{ firstDay: "2026-12-01", lastDay: "2026-12-01" }, "reasonDe"],
    [{ firstDay: "2026-12-01", lastDay: "2026-12-01", reasonDe: " " }, "reasonDe"],
    [{ firstDay: "1.12.2026", lastDay: "2026-12-01", reasonDe: "Urlaub" }, "firstDay"],
    [{ firstDay: "2026-11-02", lastDay: "2026-11-23", reasonDe: "Urlaub" }, "lastDay"],
    [{ firstDay: "2026-12-01", lastDay: "2027-12-02", reasonDe: "Umbau" }, "lastDay"],
    [{ firstDay: "2026-12-01", lastDay: "2026-12-01", reasonDe: "Urlaub", reasonEn: "x".repeat(201) }, "reasonEn"],
    [{ firstDay: "2026-12-01", lastDay: "2026-12-01", reasonDe: "Urlaub", staffOnly: true }, "staffOnly"],
  ])("refuses %j", async (body, field) => {
    const { office, admin } = await setUp();
    await refused(office, () => admin.post("/admin/closures", body), 400, "invalid_request", field);
  });

  it("a closure of another office, or none, cannot be deleted", async () => {
    const { office, admin } = await setUp();
    const other = await createOffice();
    const foreign = await env.DB.prepare(`INSERT INTO closures (location_id, first_day, last_day, reason) VALUES (?1, '2026-12-01', '2026-12-01', '{"de":"Urlaub"}') RETURNING id`)
      .bind(other.id)
      .first<{ id: number }>();
    await refused(office, () => admin.post(`/admin/closures/${foreign!.id}/delete`), 404, "not_found");
    await refused(office, () => admin.post("/admin/closures/999999999/delete"), 404, "not_found");
    await refused(office, () => admin.post("/admin/closures/abc/delete"), 404, "not_found");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM closures WHERE id = ?1").bind(foreign!.id).first()).toEqual({ n: 1 });
  });
});

describe("topics", () => {
  const topic = { key: "neu", label: { de: "Neu", en: "New" }, audience: "everyone", durationMinutes: 30 };

  it.each([
    [{ ...topic, key: "Neu" }, "key"],
    [{ ...topic, key: "1abc" }, "key"],
    [{ ...topic, durationMinutes: 33 }, "durationMinutes"],
    [{ ...topic, durationMinutes: 485 }, "durationMinutes"],
    [{ ...topic, audience: "kids" }, "audience"],
    [{ ...topic, label: { de: "", en: "New" } }, "label.de"],
    [{ ...topic, label: { de: "Neu" } }, "label.en"],
    [{ ...topic, icon: "<svg>" }, "icon"],
    [{ ...topic, id: 5 }, "id"],
  ])("refuses to create %j", async (body, field) => {
    const { office, admin } = await setUp();
    await refused(office, () => admin.post("/admin/topics", body), 400, "invalid_request", field);
  });

  it("refuses a second topic with a key the office has (inactive ones included)", async () => {
    const { office, admin } = await setUp();
    await env.DB.prepare("UPDATE topics SET active = 0 WHERE location_id = ?1 AND key = 'intern'").bind(office.id).run();
    await refused(office, () => admin.post("/admin/topics", { ...topic, key: "fragen" }), 409, "already_exists", "key");
    await refused(office, () => admin.post("/admin/topics", { ...topic, key: "intern" }), 409, "already_exists", "key");
  });

  it("of concurrent creations of one key exactly one succeeds", CONCURRENCY, async () => {
    const { office, admin } = await setUp();
    const answers = await Promise.all(Array.from({ length: 8 }, () => admin.post("/admin/topics", topic)));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM audit_events WHERE location_id = ?1 AND action = 'topic.create'").bind(office.id).first();
    expect(rows).toEqual({ n: 1 });
  });

  it("keeps the key and refuses bad changes; unknown and foreign ids are 404", async () => {
    const { office, admin } = await setUp();
    const other = await createOffice();
    const ids = async (o: Office) =>
      (await env.DB.prepare("SELECT id FROM topics WHERE location_id = ?1 ORDER BY sort_order").bind(o.id).all<{ id: number }>()).results.map((r) => r.id);
    const [mine] = await ids(office);
    const [foreign] = await ids(other);
    await refused(office, () => admin.put(`/admin/topics/${mine}`, { key: "anders" }), 400, "invalid_request", "key");
    await refused(office, () => admin.put(`/admin/topics/${mine}`, { durationMinutes: 0 }), 400, "invalid_request", "durationMinutes");
    await refused(office, () => admin.put(`/admin/topics/${mine}`, { active: "no" }), 400, "invalid_request", "active");
    await refused(office, () => admin.put(`/admin/topics/${mine}`, {}), 400, "invalid_request");
    await refused(office, () => admin.put(`/admin/topics/${foreign}`, { active: false }), 404, "not_found");
    await refused(office, () => admin.put("/admin/topics/0", { active: false }), 404, "not_found");
    await refused(office, () => admin.put("/admin/topics/fragen", { active: false }), 404, "not_found");
    const foreignRow = await env.DB.prepare("SELECT active FROM topics WHERE id = ?1").bind(foreign).first();
    expect(foreignRow).toEqual({ active: 1 });
    // The refusals left the topic as it was.
    const settings = await (await admin.get("/admin/settings")).json<{ topics: unknown[] }>();
    expect(TopicView.parse(settings.topics[0])).toMatchObject({ key: "fragen", durationMinutes: 30, active: true });
  });
});

describe("rooms", () => {
  it("refuses bad and duplicate names; unknown and foreign ids are 404", async () => {
    const { office, admin } = await setUp();
    const other = await createOffice();
    const roomOf = async (o: Office, name: string) =>
      (await env.DB.prepare("SELECT id FROM rooms WHERE location_id = ?1 AND name = ?2").bind(o.id, name).first<{ id: number }>())!.id;
    await refused(office, () => admin.post("/admin/rooms", { name: "" }), 400, "invalid_request", "name");
    await refused(office, () => admin.post("/admin/rooms", { name: "x".repeat(61) }), 400, "invalid_request", "name");
    await refused(office, () => admin.post("/admin/rooms", { name: "Raum 1" }), 409, "already_exists", "name");
    await refused(office, () => admin.post("/admin/rooms", { name: " Raum 2 " }), 409, "already_exists", "name");
    const raum1 = await roomOf(office, "Raum 1");
    const foreign = await roomOf(other, "Raum 1");
    await refused(office, () => admin.put(`/admin/rooms/${raum1}`, { name: "Raum 2" }), 409, "already_exists", "name");
    await refused(office, () => admin.put(`/admin/rooms/${raum1}`, { sort: "first" }), 400, "invalid_request", "sort");
    await refused(office, () => admin.put(`/admin/rooms/${foreign}`, { name: "Gekapert" }), 404, "not_found");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM rooms WHERE location_id = ?1 AND name = 'Raum 1'").bind(other.id).first()).toEqual({ n: 1 });
  });
});

describe("GET /admin/audit", () => {
  it.each([["limit=0"], ["limit=201"], ["limit=ten"], ["since=2026-01-01"]])("refuses ?%s", async (query) => {
    const { admin } = await setUp();
    await expectError(await admin.get(`/admin/audit?${query}`), 400, "invalid_request", query.split("=")[0]);
  });
});

describe("who may", () => {
  const routes: [string, string][] = [
    ["GET", "/admin/settings"],
    ["PUT", "/admin/settings/office"],
    ["PUT", "/admin/settings/opening-hours"],
    ["POST", "/admin/closures"],
    ["POST", "/admin/closures/1/delete"],
    ["POST", "/admin/extra-hours"],
    ["POST", "/admin/extra-hours/1/delete"],
    ["POST", "/admin/topics"],
    ["PUT", "/admin/topics/1"],
    ["POST", "/admin/rooms"],
    ["PUT", "/admin/rooms/1"],
    ["GET", "/admin/devices"],
    ["POST", "/admin/devices"],
    ["POST", "/admin/devices/x/revoke"],
    ["GET", "/admin/audit"],
  ];

  it.each(routes)("%s %s: 401 without a session, 403 for plain staff and for another office's admin, changing nothing", async (method, path) => {
    const { office } = await setUp();
    const staff = await signedInAdmin(office, "staff");
    const otherAdmin = await signedInAdmin(await createOffice());
    const body = { seatsPerSlot: 2, rules: [], firstDay: "2026-12-01", lastDay: "2026-12-01", reasonDe: "x", name: "Raum 9", kind: "kiosk", label: "x", day: "2026-12-12", opens: "10:00", closes: "12:00" };
    const before = await snapshot(office);
    const anonymous = await office.request(`http://localhost/api/staff/${office.slug}${path}`, {
      method,
      headers: { "Content-Type": "application/json" },
      ...(method === "GET" ? {} : { body: JSON.stringify(body) }),
    });
    await expectError(anonymous, 401, "unauthorized");
    const send = (who: Admin) => (method === "GET" ? who.get(path) : method === "PUT" ? who.put(path, body) : who.post(path, body));
    await expectError(await send(staff), 403, "forbidden");
    // The other office's admin, on this office's path.
    const foreign = await office.request(`http://localhost/api/staff/${office.slug}${path}`, {
      method,
      headers: { "Content-Type": "application/json", Cookie: otherAdmin.cookie },
      ...(method === "GET" ? {} : { body: JSON.stringify(body) }),
    }, NOW);
    await expectError(foreign, 403, "forbidden");
    expect(await snapshot(office)).toEqual(before);
  });
});
