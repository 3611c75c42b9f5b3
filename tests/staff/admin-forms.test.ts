import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, call } from "../../kiosk/shared/api";
import { apiFieldError, createSaver, serverMessage, wholeNumber } from "../../kiosk/staff/admin/form";
import { checkOffice, checkRules, officeDraft, officeFieldFor, officeFieldId, ruleFieldId, rulesDraft, rulesFieldFor } from "../../kiosk/staff/admin/rules";
import { closureFieldId, createSettingsStore, roomFieldId, topicFieldFor, topicFieldId } from "../../kiosk/staff/admin/settings";
import { ADMIN_STRINGS } from "./catalogs";
import { ClosureCreate, OfficeSettingsUpdate, TopicCreate, TopicUpdate } from "../../schemas/staff-settings";
import { fakeAdminApi, invalid, settle, settings } from "./admin-fakes";

/*
 * The save machinery every admin form shares, and the forms' own rules: booking rules send only what
 * changed, closures report the appointments on the closed days, topics keep their key, and each of the
 * API's field errors lands at the field it names.
 */

describe("the saver", () => {
  afterEach(() => void vi.unstubAllGlobals());

  it("saves once when clicked twice, and counts the save for the live region", async () => {
    const saver = createSaver();
    let calls = 0;
    let release!: () => void;
    const action = () => {
      calls++;
      return new Promise<string>((r) => (release = () => r("ok")));
    };
    const first = saver.run(action);
    const second = await saver.run(action);
    expect(second).toEqual({ ok: false });
    expect(saver.saving.value).toBe(true);
    release();
    expect(await first).toEqual({ ok: true, value: "ok" });
    expect(calls).toBe(1);
    expect(saver.saving.value).toBe(false);
    expect(saver.saved.value).toBe(1);
  });

  it("puts a 400 with a field at that field, the message without its path prefix", async () => {
    const saver = createSaver();
    const r = await saver.run(
      () => Promise.reject(invalid("reasonDe", "must not be empty")),
      (f) => (f === "reasonDe" ? "closure-reasonDe" : null),
    );
    expect(r.ok).toBe(false);
    expect(saver.fieldErrors.value).toEqual({ "closure-reasonDe": { kind: "server", message: "must not be empty" } });
    expect(saver.failure.value).toBe("invalid");
    expect(saver.saved.value).toBe(0);
  });

  it("says a refusal of a field the form does not show above the form instead of losing it", async () => {
    const saver = createSaver();
    await saver.run(() => Promise.reject(invalid("office.timezone", "unknown zone")), () => null);
    expect(saver.fieldErrors.value).toEqual({});
    expect(saver.failure.value).toBe("invalid");
    expect(saver.failureDetail.value).toBe("unknown zone");
  });

  it("clears the old errors when a save starts", async () => {
    const saver = createSaver();
    saver.check({ x: { kind: "client", key: "required" } });
    expect(saver.failure.value).toBe("invalid");
    await saver.run(() => Promise.resolve(1));
    expect(saver.fieldErrors.value).toEqual({});
    expect(saver.failure.value).toBeNull();
  });

  it("leaves a message alone that does not start with its field", () => {
    expect(serverMessage(new ApiError("invalid_request", "Unknown parameter: foo", 400, "foo"))).toBe("Unknown parameter: foo");
    expect(apiFieldError(new ApiError("internal", "x", 500, "start"), () => "f")).toBeNull();
    expect(apiFieldError(new ApiError("staff_exists", "email: taken", 409, "email"), () => "member-email")).toEqual({
      field: "member-email",
      problem: { kind: "server", message: "taken" },
    });
  });

  it.each([
    [401, "signedOut"],
    [403, "forbidden"],
    [429, "rateLimited"],
  ])("reads a %i that is not the API's JSON by its status: %s", async (status, failure) => {
    vi.stubGlobal("fetch", async () => new Response("<html>blocked</html>", { status, headers: { "content-type": "text/html" } }));
    const saver = createSaver();
    await saver.run(() => call("/api/staff/kempten-ost/admin/office", { method: "PUT", body: {} }));
    expect(saver.failure.value).toBe(failure);
    expect(saver.failureDetail.value).toBeNull();
  });

  it.each([
    ["30", 30],
    [" 7 ", 7],
    ["-5", -5],
    ["", null],
    ["1.5", null],
    ["1e3", null],
    ["abc", null],
  ])("wholeNumber(%j) = %j", (text, n) => {
    expect(wholeNumber(text)).toBe(n);
  });
});

describe("booking rules", () => {
  const office = settings().office;

  it("sends only the changed rules, as numbers the server accepts", () => {
    const draft = { ...rulesDraft(office), seatsPerSlot: "2", horizonDays: " 90 " };
    const { errors, changes } = checkRules(draft, office);
    expect(errors).toEqual({});
    expect(changes).toEqual({ seatsPerSlot: 2, horizonDays: 90 });
    expect(OfficeSettingsUpdate.safeParse(changes).success).toBe(true);
  });

  it.each([
    ["slotMinutes", "", "required"],
    ["slotMinutes", "thirty", "notANumber"],
    ["slotMinutes", "32", "raster"],
    ["slotMinutes", "245", "outOfRange"],
    ["seatsPerSlot", "21", "outOfRange"],
    ["seatsPerSlot", "-1", "outOfRange"],
    ["horizonDays", "0", "outOfRange"],
    ["maxActiveBookingsPerEmail", "0", "outOfRange"],
    ["retentionDays", "3651", "outOfRange"],
  ] as const)("%s = %j → %s, and the server refuses it too", (field, value, problem) => {
    const { errors } = checkRules({ ...rulesDraft(office), [field]: value }, office);
    expect(errors).toEqual({ [ruleFieldId(field)]: { kind: "client", key: problem } });
    const n = Number(value);
    if (value.trim() !== "" && Number.isFinite(n)) expect(OfficeSettingsUpdate.safeParse({ [field]: n }).success).toBe(false);
  });

  it("maps the API's field names to the rule fields", () => {
    expect(rulesFieldFor("slotMinutes")).toBe("rules-slotMinutes");
    expect(rulesFieldFor("name")).toBeNull();
  });

  it("saves nothing when nothing changed, but still says saved", async () => {
    const api = fakeAdminApi({ settings: () => settings() });
    const store = createSettingsStore(api);
    await store.load();
    expect(await store.rulesActions.save()).toBe(true);
    expect(api.calls.map((c) => c.name)).toEqual(["settings"]);
    expect(store.rulesSaver.saved.value).toBe(1);
  });

  it("shows the server's refusal at the rule it names, and keeps the draft", async () => {
    const api = fakeAdminApi({
      settings: () => settings(),
      saveOffice: () => {
        throw invalid("checkinClosesMinutes", "Too big");
      },
    });
    const store = createSettingsStore(api);
    await store.load();
    store.rulesActions.set("checkinClosesMinutes", "200");
    expect(await store.rulesActions.save()).toBe(false);
    expect(api.calls.at(-1)).toEqual({ name: "saveOffice", args: [{ checkinClosesMinutes: 200 }] });
    expect(store.rulesSaver.fieldErrors.value).toEqual({ "rules-checkinClosesMinutes": { kind: "server", message: "Too big" } });
    expect(store.rules.value!.checkinClosesMinutes).toBe("200");
  });
});

describe("closures", () => {
  it("checks the dates and the German reason before sending", async () => {
    const api = fakeAdminApi({ settings: () => settings() });
    const store = createSettingsStore(api);
    await store.load();
    store.closureActions.set("firstDay", "2026-12-24");
    store.closureActions.set("lastDay", "2026-12-23");
    expect(await store.closureActions.add()).toBe(false);
    expect(store.closureSaver.fieldErrors.value).toEqual({
      [closureFieldId("lastDay")]: { kind: "client", key: "dateOrder" },
      [closureFieldId("reasonDe")]: { kind: "client", key: "required" },
    });
    expect(api.calls.map((c) => c.name)).toEqual(["settings"]);
  });

  it("adds one, says how many appointments fall on it, empties the form and reloads the list", async () => {
    let stored = settings();
    const api = fakeAdminApi({
      settings: () => stored,
      addClosure: (body) => {
        const c = { id: 7, firstDay: body.firstDay, lastDay: body.lastDay, reason: { de: body.reasonDe, en: body.reasonEn ?? "" } };
        stored = settings({ closures: [c] });
        return { ...c, bookings: [], proposals: [], cancelled: 0, withdrawn: 0, mailed: 0 };
      },
    });
    const store = createSettingsStore(api);
    await store.load();
    store.closureActions.set("firstDay", "2026-12-24");
    store.closureActions.set("lastDay", "2026-12-31");
    store.closureActions.set("reasonDe", " Weihnachtspause ");
    expect(await store.closureActions.add()).toBe(true);
    expect(api.calls[1]).toEqual({
      name: "addClosure",
      args: [{ firstDay: "2026-12-24", lastDay: "2026-12-31", reasonDe: "Weihnachtspause", reasonEn: "" }],
    });
    expect(store.closureFlow.result.value).toMatchObject({ action: null, kept: { bookings: [], proposals: [] } });
    expect(store.closure.value).toEqual({ firstDay: "", lastDay: "", reasonDe: "", reasonEn: "", reasonTr: "", reasonRu: "", reasonUk: "", reasonAr: "" });
    expect(store.settings.data.value!.closures).toHaveLength(1);
  });

  it("sends the reason's other languages that are filled in, trimmed, and maps their refusals to their fields", async () => {
    const api = fakeAdminApi({
      settings: () => settings(),
      addClosure: () => {
        throw invalid("reasonAr", "Too big: expected string to have <=200 characters");
      },
    });
    const store = createSettingsStore(api);
    await store.load();
    store.closureActions.set("firstDay", "2026-12-24");
    store.closureActions.set("lastDay", "2026-12-24");
    store.closureActions.set("reasonDe", "Heiligabend");
    store.closureActions.set("reasonTr", " Noel arifesi ");
    store.closureActions.set("reasonUk", "   ");
    store.closureActions.set("reasonAr", "ليلة عيد الميلاد");
    expect(await store.closureActions.add()).toBe(false);
    const body = api.calls.find((c) => c.name === "addClosure")!.args[0];
    expect(body).toEqual({ firstDay: "2026-12-24", lastDay: "2026-12-24", reasonDe: "Heiligabend", reasonEn: "", reasonTr: "Noel arifesi", reasonAr: "ليلة عيد الميلاد" });
    expect(ClosureCreate.safeParse(body).success).toBe(true);
    expect(Object.keys(store.closureSaver.fieldErrors.value)).toEqual([closureFieldId("reasonAr")]);
  });

  it("maps the server's lastDay refusal to the last-day field", async () => {
    const api = fakeAdminApi({
      settings: () => settings(),
      addClosure: () => {
        throw invalid("lastDay", "must not be before firstDay");
      },
    });
    const store = createSettingsStore(api);
    await store.load();
    store.closureActions.set("firstDay", "2026-12-24");
    store.closureActions.set("lastDay", "2026-12-24");
    store.closureActions.set("reasonDe", "Heiligabend");
    await store.closureActions.add();
    expect(store.closureSaver.fieldErrors.value).toEqual({ [closureFieldId("lastDay")]: { kind: "server", message: "must not be before firstDay" } });
  });

  it("deletes only after the question is answered", async () => {
    const api = fakeAdminApi({ settings: () => settings(), deleteClosure: () => undefined });
    const store = createSettingsStore(api);
    await store.load();
    expect(await store.closureActions.confirmDelete()).toBe(false);
    store.closureActions.askDelete(7);
    store.closureActions.cancelDelete();
    expect(await store.closureActions.confirmDelete()).toBe(false);
    store.closureActions.askDelete(7);
    expect(await store.closureActions.confirmDelete()).toBe(true);
    expect(api.calls.filter((c) => c.name === "deleteClosure")).toEqual([{ name: "deleteClosure", args: [7] }]);
    expect(store.confirmDeleteClosure.value).toBeNull();
  });
});

describe("topics and rooms", () => {
  it("a new topic needs a valid key; the body passes the server's schema", async () => {
    const api = fakeAdminApi({ settings: () => settings(), addTopic: (b) => ({ ...settings().topics[0]!, ...b, id: 9 }) as never });
    const store = createSettingsStore(api);
    await store.load();
    store.topicActions.edit(null);
    expect(store.topic.value!.sort).toBe("20");
    store.topicActions.set("key", "Bewerbung!");
    store.topicActions.set("labelDe", "Bewerbung");
    store.topicActions.set("durationMinutes", "45");
    expect(await store.topicActions.save()).toBe(false);
    expect(store.topicSaver.fieldErrors.value).toEqual({ [topicFieldId("key")]: { kind: "client", key: "keyInvalid" } });
    store.topicActions.set("key", "bewerbung");
    expect(await store.topicActions.save()).toBe(true);
    const body = api.calls.find((c) => c.name === "addTopic")!.args[0];
    expect(TopicCreate.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({ key: "bewerbung", label: { de: "Bewerbung", en: "" }, durationMinutes: 45, sort: 20 });
    expect(store.topic.value).toBeNull();
  });

  it("a topic's other languages fill the draft and go back in its label and description, blank ones left out", async () => {
    const topic = { ...settings().topics[0]!, label: { de: "Fragen", en: "Questions", tr: "Sorular", ar: "أسئلة" }, description: { de: "Wir helfen.", ru: "Мы поможем." } };
    const api = fakeAdminApi({ settings: () => settings(), saveTopic: (_id, b) => ({ ...topic, ...b }) as never });
    const store = createSettingsStore(api);
    await store.load();
    store.topicActions.edit(topic);
    expect(store.topic.value).toMatchObject({ labelEn: "Questions", labelTr: "Sorular", labelRu: "", labelAr: "أسئلة", descriptionEn: "", descriptionRu: "Мы поможем." });
    store.topicActions.set("labelTr", "  ");
    store.topicActions.set("labelUk", " Питання ");
    expect(await store.topicActions.save()).toBe(true);
    const body = api.calls.find((c) => c.name === "saveTopic")!.args[1];
    expect(TopicUpdate.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({
      label: { de: "Fragen", en: "Questions", uk: "Питання", ar: "أسئلة" },
      description: { de: "Wir helfen.", en: "", ru: "Мы поможем." },
    });
    expect(body.label).not.toHaveProperty("tr");
  });

  it("an existing topic is saved without its key (keys never change)", async () => {
    const api = fakeAdminApi({ settings: () => settings(), saveTopic: (_id, b) => ({ ...settings().topics[0]!, ...b }) as never });
    const store = createSettingsStore(api);
    await store.load();
    store.topicActions.edit(settings().topics[0]!);
    store.topicActions.set("active", false);
    expect(await store.topicActions.save()).toBe(true);
    const call = api.calls.find((c) => c.name === "saveTopic")!;
    expect(call.args[0]).toBe(1);
    expect(call.args[1]).not.toHaveProperty("key");
    expect(TopicUpdate.safeParse(call.args[1]).success).toBe(true);
  });

  it.each([
    ["label.de", "topic-labelDe"],
    ["label.en", "topic-labelEn"],
    ["description.en", "topic-descriptionEn"],
    ["durationMinutes", "topic-durationMinutes"],
    ["key", "topic-key"],
    ["icon", "topic-icon"],
    ["label", "topic-labelDe"],
    ["label.ar", "topic-labelAr"],
    ["description.uk", "topic-descriptionUk"],
    ["label.fr", null],
    ["nonsense", null],
  ])("the API's %s goes to %s", (api, field) => {
    expect(topicFieldFor(api)).toBe(field);
  });

  it("a room's name is required; a server refusal of the name shows at it", async () => {
    const api = fakeAdminApi({
      settings: () => settings(),
      addRoom: () => {
        throw invalid("name", "must not be empty");
      },
    });
    const store = createSettingsStore(api);
    await store.load();
    store.roomActions.edit(null);
    expect(store.room.value!.sort).toBe("30");
    expect(await store.roomActions.save()).toBe(false);
    expect(store.roomSaver.fieldErrors.value).toEqual({ [roomFieldId("name")]: { kind: "client", key: "required" } });
    store.roomActions.set("name", "Raum 3");
    expect(await store.roomActions.save()).toBe(false);
    expect(store.roomSaver.fieldErrors.value).toEqual({ [roomFieldId("name")]: { kind: "server", message: "must not be empty" } });
    expect(store.room.value).not.toBeNull();
  });

  it("saving a topic does not throw away opening hours being typed", async () => {
    const api = fakeAdminApi({ settings: () => settings(), saveRoom: (_id, b) => ({ id: 1, name: "x", sort: 0, active: true, ...b }) });
    const store = createSettingsStore(api);
    await store.load();
    const key = store.hours.value!.spans[0]!.key;
    store.hoursActions.set(key, "closes", "18:00");
    store.roomActions.edit(settings().rooms[0]!);
    expect(await store.roomActions.save()).toBe(true);
    await settle();
    expect(store.hours.value!.spans[0]!.closes).toBe("18:00");
  });
});

describe("office name and contact", () => {
  const office = settings().office;

  it("sends only what changed; an emptied optional field goes as null", () => {
    const draft = { ...officeDraft(office), phone: "  ", postalCode: "87435", city: " Kempten (Allgäu) " };
    const { errors, changes } = checkOffice(draft, office);
    expect(errors).toEqual({});
    expect(changes).toEqual({ phone: null, postalCode: "87435" });
    expect(OfficeSettingsUpdate.safeParse(changes).success).toBe(true);
  });

  it("needs the name, street and town; checks the address roughly and leaves the rest to the server", () => {
    const { errors } = checkOffice({ ...officeDraft(office), name: " ", city: "", email: "buero@" }, office);
    expect(errors).toEqual({
      [officeFieldId("name")]: { kind: "client", key: "required" },
      [officeFieldId("city")]: { kind: "client", key: "required" },
      [officeFieldId("email")]: { kind: "client", key: "emailInvalid" },
    });
    expect(officeFieldFor("email")).toBe("office-email");
    expect(officeFieldFor("slotMinutes")).toBeNull();
  });

  it("the legal pages' fields: several lines kept, an emptied optional one as null, the bodies required", () => {
    const draft = {
      ...officeDraft(office),
      providerBody: "",
      dpoContact: "Datenschutzbeauftragter\nRathausplatz 29",
      accessibilityEnforcement: "  ",
    };
    const { errors, changes } = checkOffice(draft, office);
    expect(errors).toEqual({ [officeFieldId("accessibilityEnforcement")]: { kind: "client", key: "required" } });
    expect(changes).toEqual({ providerBody: null, dpoContact: "Datenschutzbeauftragter\nRathausplatz 29" });
    expect(OfficeSettingsUpdate.safeParse(changes).success).toBe(true);
    expect(officeFieldFor("dpoContact")).toBe("office-dpoContact");
  });

  it("saves through the store and shows what the server stored", async () => {
    let stored = settings();
    const api = fakeAdminApi({
      settings: () => stored,
      saveOffice: (changes) => {
        stored = settings({ office: { ...stored.office, ...(changes as object) } });
        return stored.office;
      },
    });
    const store = createSettingsStore(api);
    await store.load();
    store.officeActions.set("email", "buero@example.org");
    expect(await store.officeActions.save()).toBe(true);
    expect(api.calls.find((c) => c.name === "saveOffice")!.args[0]).toEqual({ email: "buero@example.org" });
    expect(store.office.value!.email).toBe("buero@example.org");
  });
});

describe("the office's legal settings", () => {
  it.each(["de", "en"] as const)("say which the pages need (%s): the DPO contact (Art. 13) and the representative (§ 5 DDG)", (lang) => {
    const { dpoContact, providerRepresentative } = ADMIN_STRINGS[lang].legalFields;
    expect(`${dpoContact.label} ${dpoContact.hint}`).toMatch(lang === "de" ? /nötig[^]*Art\. 13 Abs\. 1 Buchst\. b DSGVO/ : /needed[^]*Art\. 13\(1\)\(b\) GDPR/);
    expect(`${providerRepresentative.label} ${providerRepresentative.hint}`).toMatch(lang === "de" ? /nötig für das Impressum[^]*§ 5 DDG/ : /needed for the legal notice[^]*§ 5 DDG/);
  });
});
