import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { AdminSettings, ClosureCreated, ExtraHoursView, TopicView } from "../../schemas/staff-settings";
import { createOffice, type Office } from "../helpers/fixtures";
import { auditRows, expectError, NOW, publicLocation, publicSlots, signedInAdmin, snapshot, type Admin } from "./staff-settings-support";

/*
 * Issue 12 item 4: the office's own texts in the residents' six languages. Admins write German (required)
 * and English as before, Türkçe, Русский, Українська and العربية where they can; what they wrote reads
 * back the same on the admin panel and the public pages, a blank translation is no translation, and bad
 * input is a 400 naming its field with nothing changed. Clock: Tuesday 24 November 2026.
 */

async function setUp(): Promise<{ office: Office; admin: Admin }> {
  const office = await createOffice();
  return { office, admin: await signedInAdmin(office) };
}

async function settingsOf(admin: Admin): Promise<AdminSettings> {
  return AdminSettings.parse(await (await admin.get("/admin/settings")).json());
}

describe("topics in more languages", () => {
  it("stores the languages given, shows them on the admin panel and the public pages, and audits the change", async () => {
    const { office, admin } = await setUp();
    const res = await admin.post("/admin/topics", {
      key: "sprachen",
      label: { de: "Sprachkurs", en: "Language course", tr: "Dil kursu", ru: "Языковой курс", uk: "Мовний курс", ar: "دورة لغة" },
      description: { de: "Deutsch lernen.", en: "", ar: "تعلّم اللغة الألمانية." },
      audience: "residents",
      durationMinutes: 30,
    });
    expect(res.status).toBe(201);
    const created = TopicView.parse(await res.json());
    const label = { de: "Sprachkurs", en: "Language course", tr: "Dil kursu", ru: "Языковой курс", uk: "Мовний курс", ar: "دورة لغة" };
    // An empty English description is none: the page shows the German there.
    const description = { de: "Deutsch lernen.", ar: "تعلّم اللغة الألمانية." };
    expect([created.label, created.description]).toEqual([label, description]);
    expect((await settingsOf(admin)).topics.find((t) => t.key === "sprachen")).toMatchObject({ label, description });
    expect((await publicLocation(office)).topics.find((t) => t.key === "sprachen")).toMatchObject({ label, description });

    // A label in an update replaces the whole label: Turkish left out, Ukrainian blank → both gone.
    const updated = await admin.put(`/admin/topics/${created.id}`, { label: { de: "Sprachkurs", en: "Language course", ru: "Курс языка", uk: "  ", ar: "دورة لغة" } });
    expect(updated.status).toBe(200);
    const after = { de: "Sprachkurs", en: "Language course", ru: "Курс языка", ar: "دورة لغة" };
    expect(TopicView.parse(await updated.json()).label).toEqual(after);
    expect((await publicLocation(office)).topics.find((t) => t.key === "sprachen")!.label).toEqual(after);
    const stored = await env.DB.prepare("SELECT label FROM topics WHERE id = ?1").bind(created.id).first<{ label: string }>();
    expect(JSON.parse(stored!.label)).toEqual(after);

    const audit = await auditRows(office);
    expect(audit.at(-1)!.detail).toEqual({ key: "sprachen", label: { from: label, to: after } });
    // The same texts again (keys in another order) change nothing and are not audited.
    await admin.put(`/admin/topics/${created.id}`, { label: { ar: "دورة لغة", ru: "Курс языка", en: "Language course", de: "Sprachkurs" } });
    expect(await auditRows(office)).toHaveLength(audit.length);
  });

  it.each([
    ["label.de", { label: { de: "", en: "Course" } }],
    ["label.de", { label: { de: "   ", en: "Course" } }],
    ["label.en", { label: { de: "Kurs" } }],
    ["label.fr", { label: { de: "Kurs", en: "Course", fr: "Cours" } }],
    ["label.ar", { label: { de: "Kurs", en: "Course", ar: "د".repeat(121) } }],
    ["label.tr", { label: { de: "Kurs", en: "Course", tr: "Kurs\nzwei" } }],
    ["label.uk", { label: { de: "Kurs", en: "Course", uk: 7 } }],
    ["description.ru", { description: { de: "", en: "", ru: "я".repeat(1001) } }],
    ["description.es", { description: { de: "", en: "", es: "Curso" } }],
  ])("refuses a topic change with a bad %s, changing nothing", async (field, body) => {
    const { office, admin } = await setUp();
    const topic = (await settingsOf(admin)).topics[0]!;
    const before = await snapshot(office);
    await expectError(await admin.put(`/admin/topics/${topic.id}`, body), 400, "invalid_request", field);
    expect(await snapshot(office)).toEqual(before);
  });
});

describe("closures and extra hours in more languages", () => {
  it("a closure's reason in Turkish and Arabic reaches the admin list and the public calendar", async () => {
    const { office, admin } = await setUp();
    const res = await admin.post("/admin/closures", {
      firstDay: "2026-12-07",
      lastDay: "2026-12-07",
      reasonDe: "Fortbildung",
      reasonTr: "Eğitim",
      reasonRu: "",
      reasonAr: "تدريب",
    });
    expect(res.status).toBe(201);
    const reason = { de: "Fortbildung", tr: "Eğitim", ar: "تدريب" };
    expect(ClosureCreated.parse(await res.json()).reason).toEqual(reason);
    expect((await settingsOf(admin)).closures.find((c) => c.firstDay === "2026-12-07")!.reason).toEqual(reason);
    const [day] = (await publicSlots(office, "2026-12-07")).days;
    expect(day).toMatchObject({ status: "closure", reason });
  });

  it("the note of extra hours in Ukrainian reaches the admin list and the public location", async () => {
    const { office, admin } = await setUp();
    const res = await admin.post("/admin/extra-hours", { day: "2026-12-05", opens: "10:00", closes: "12:00", noteDe: "Samstagssprechstunde", noteUk: "Суботній прийом" });
    expect(res.status).toBe(201);
    const note = { de: "Samstagssprechstunde", uk: "Суботній прийом" };
    expect(ExtraHoursView.parse(await res.json()).note).toEqual(note);
    expect((await settingsOf(admin)).extraHours.map((e) => e.note)).toEqual([note]);
    expect((await publicLocation(office, NOW)).extraHours.map((e) => e.note)).toEqual([note]);
  });

  it.each([
    ["reasonDe", "/admin/closures", { firstDay: "2026-12-07", lastDay: "2026-12-07", reasonDe: "" }],
    ["reasonFr", "/admin/closures", { firstDay: "2026-12-07", lastDay: "2026-12-07", reasonDe: "Zu", reasonFr: "Fermé" }],
    ["reasonAr", "/admin/closures", { firstDay: "2026-12-07", lastDay: "2026-12-07", reasonDe: "Zu", reasonAr: "م".repeat(201) }],
    ["reasonRu", "/admin/closures", { firstDay: "2026-12-07", lastDay: "2026-12-07", reasonDe: "Zu", reasonRu: null }],
    ["noteTr", "/admin/extra-hours", { day: "2026-12-05", opens: "10:00", closes: "12:00", noteTr: "ş".repeat(201) }],
    ["notePl", "/admin/extra-hours", { day: "2026-12-05", opens: "10:00", closes: "12:00", notePl: "Sobota" }],
  ])("a bad %s is refused by POST %s, changing nothing", async (field, path, body) => {
    const { office, admin } = await setUp();
    const before = await snapshot(office);
    await expectError(await admin.post(path, body), 400, "invalid_request", field);
    expect(await snapshot(office)).toEqual(before);
  });
});

describe("the database's own check", () => {
  it("refuses a text without German or not a JSON object, whatever code writes it", async () => {
    const office = await createOffice();
    const insert = (reason: string) =>
      env.DB.prepare("INSERT INTO closures (location_id, first_day, last_day, reason) VALUES (?1, '2027-03-01', '2027-03-01', ?2)").bind(office.id, reason).run();
    for (const bad of ["{}", '{"en":"Closed"}', '{"de":1}', '["Zu"]', "Zu", '{"de":null}']) {
      await expect(insert(bad), bad).rejects.toThrow(/CHECK constraint failed/);
    }
    await expect(insert('{"de":"Zu","ar":"مغلق"}')).resolves.toBeTruthy();
  });
});
