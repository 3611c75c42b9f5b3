import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { KioskState, Paired } from "../../schemas/kiosk";
import { CODE_ALPHABET, PAIRING_CODE_LENGTH } from "../../common/limits";
import { DisplayState } from "../../schemas/display";
import { DeviceCreated, DeviceList, DeviceView } from "../../schemas/staff-settings";
import { sha256Hex } from "../../worker/random";
import { post } from "../helpers/bookings";
import { createOffice, pairedDevice, type Office } from "../helpers/fixtures";
import { NOW, auditRows, expectError, recordingNotifier, signedInAdmin, snapshot } from "./staff-settings-support";

/*
 * Devices from the admin panel: a pairing code made here pairs a kiosk through the same
 * POST /api/devices/pair as `npm run device -- add`, once and for 15 minutes; revoking stops the
 * device's token at once. Clock: Tuesday 24 November 2026, 08:00 in Kempten.
 */

const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

function kioskState(office: Office, token: string, now = NOW): Promise<Response> {
  return office.request("http://localhost/api/kiosk/state", { headers: { Authorization: `Bearer ${token}` } }, now);
}

describe("POST /admin/devices", () => {
  it("makes a one-time code that pairs the kiosk; the list follows it from pending to paired to revoked", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);

    const res = await admin.post("/admin/devices", { kind: "kiosk", label: " Tablet Eingang " });
    expect(res.status).toBe(201);
    const created = DeviceCreated.parse(await res.json());
    expect(created).toMatchObject({ kind: "kiosk", label: "Tablet Eingang", expiresAt: "2026-11-24T07:15:00.000Z" });
    expect(created.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${PAIRING_CODE_LENGTH}}$`));
    // Only the hash is stored.
    const row = await env.DB.prepare("SELECT location_id, pairing_code_hash, token_hash FROM devices WHERE id = ?1").bind(created.id).first();
    expect(row).toEqual({ location_id: office.id, pairing_code_hash: await sha256Hex(created.code), token_hash: null });

    const pending = DeviceList.parse(await (await admin.get("/admin/devices")).json()).devices;
    expect(pending).toEqual([
      {
        id: created.id, kind: "kiosk", label: "Tablet Eingang", createdAt: NOW.toISOString(), pairedAt: null, lastSeenAt: null, revokedAt: null,
        pendingPairing: { expiresAt: "2026-11-24T07:15:00.000Z", expired: false }, state: "pending", display: null, kiosk: { print: false },
      },
    ]);

    const paired = await post(office, "/api/devices/pair", { code: created.code }, { now: at(14) });
    expect(paired.status).toBe(201);
    const { token } = Paired.parse(await paired.json());
    expect((await kioskState(office, token, at(15))).status).toBe(200);
    // Used up: the code pairs no second device.
    await expectError(await post(office, "/api/devices/pair", { code: created.code }, { now: at(14) }), 404, "unknown_code", "code");

    const [listed] = DeviceList.parse(await (await admin.get("/admin/devices", at(20))).json()).devices;
    expect(listed).toMatchObject({ state: "paired", pairedAt: at(14).toISOString(), pendingPairing: null, revokedAt: null });

    const revoked = await admin.post(`/admin/devices/${created.id}/revoke`, {}, at(30));
    expect(revoked.status).toBe(200);
    expect(DeviceView.parse(await revoked.json())).toMatchObject({ id: created.id, state: "revoked", revokedAt: at(30).toISOString() });
    await expectError(await kioskState(office, token, at(31)), 401, "unauthorized");

    // Revoking again changes nothing: the first date stays, no second audit row.
    const again = DeviceView.parse(await (await admin.post(`/admin/devices/${created.id}/revoke`, {}, at(40))).json());
    expect(again.revokedAt).toBe(at(30).toISOString());

    expect(await auditRows(office)).toEqual([
      { actor_kind: "staff", actor_id: String(admin.id), action: "device.create", subject_kind: "device", subject_id: created.id, detail: { kind: "kiosk", label: "Tablet Eingang" } },
      { actor_kind: "staff", actor_id: String(admin.id), action: "device.revoke", subject_kind: "device", subject_id: created.id, detail: { kind: "kiosk", label: "Tablet Eingang" } },
    ]);
  });

  it("a code runs out after 15 minutes and the list says so", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const created = DeviceCreated.parse(await (await admin.post("/admin/devices", { kind: "display", label: "Anzeige Wartebereich" })).json());
    await expectError(await post(office, "/api/devices/pair", { code: created.code }, { now: at(15) }), 404, "unknown_code", "code");
    const [listed] = DeviceList.parse(await (await admin.get("/admin/devices", at(16))).json()).devices;
    expect(listed).toMatchObject({ kind: "display", state: "expired", pendingPairing: { expiresAt: at(15).toISOString(), expired: true } });
  });

  it("revoking a device that has not paired yet withdraws its code", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const created = DeviceCreated.parse(await (await admin.post("/admin/devices", { kind: "kiosk", label: "Ersatztablet" })).json());
    expect((await admin.post(`/admin/devices/${created.id}/revoke`)).status).toBe(200);
    await expectError(await post(office, "/api/devices/pair", { code: created.code }, { now: at(1) }), 404, "unknown_code", "code");
  });

  it("revokes a device paired before (by `npm run device` or npm start)", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const token = await pairedDevice(office, "kiosk");
    expect((await kioskState(office, token)).status).toBe(200);
    const [device] = DeviceList.parse(await (await admin.get("/admin/devices")).json()).devices;
    expect((await admin.post(`/admin/devices/${device!.id}/revoke`)).status).toBe(200);
    await expectError(await kioskState(office, token), 401, "unauthorized");
  });
});

describe("live updates", () => {
  it("creating and revoking a device are announced as 'devices'", async () => {
    const office = await createOffice();
    const live = recordingNotifier();
    const admin = await signedInAdmin(office, "admin", NOW, { live });
    const created = DeviceCreated.parse(await (await admin.post("/admin/devices", { kind: "kiosk", label: "Tablet" })).json());
    await admin.post(`/admin/devices/${created.id}/revoke`);
    await admin.post(`/admin/devices/${created.id}/revoke`); // already revoked: nothing new
    expect(live.told).toEqual([
      [office.slug, ["devices"]],
      [office.slug, ["devices"]],
    ]);
  });
});

describe("PUT /admin/devices/:id/kiosk: the printed ticket (migration 0016)", () => {
  it("turns 'Bon drucken' on and off; the kiosk's state says so; one audit row and one live notice per change, none for a repeat", async () => {
    const office = await createOffice();
    const live = recordingNotifier();
    const admin = await signedInAdmin(office, "admin", NOW, { live });
    const token = await pairedDevice(office, "kiosk");
    const printing = async () => KioskState.parse(await (await kioskState(office, token)).json()).printTicket;
    expect(await printing()).toBe(false);
    const [device] = DeviceList.parse(await (await admin.get("/admin/devices")).json()).devices;
    expect(device!.kiosk).toEqual({ print: false });

    const on = await admin.put(`/admin/devices/${device!.id}/kiosk`, { print: true });
    expect(on.status).toBe(200);
    expect(DeviceView.parse(await on.json()).kiosk).toEqual({ print: true });
    expect(await printing()).toBe(true);
    expect((await admin.put(`/admin/devices/${device!.id}/kiosk`, { print: true })).status).toBe(200); // a repeat: nothing new
    expect(DeviceView.parse(await (await admin.put(`/admin/devices/${device!.id}/kiosk`, { print: false })).json()).kiosk).toEqual({ print: false });
    expect(await printing()).toBe(false);

    const rows = (await auditRows(office)).filter((r) => r.action === "device.kiosk");
    expect(rows.map((r) => r.detail)).toEqual([{ print: true }, { print: false }]);
    expect(live.told).toEqual([
      [office.slug, ["devices"]],
      [office.slug, ["devices"]],
    ]);
  });

  it("refuses a display, a revoked kiosk, another office's kiosk, a bad body and a staff member who is no admin, changing nothing", async () => {
    const office = await createOffice();
    const other = await createOffice();
    const admin = await signedInAdmin(office);
    const staff = await signedInAdmin(office, "staff");
    await pairedDevice(office, "display");
    await pairedDevice(office, "kiosk", true);
    await pairedDevice(office, "kiosk");
    await pairedDevice(other, "kiosk");
    const idOf = async (o: Office, kind: string, revoked: boolean) =>
      (await env.DB.prepare("SELECT id FROM devices WHERE location_id = ?1 AND kind = ?2 AND (revoked_at IS NOT NULL) = ?3").bind(o.id, kind, revoked ? 1 : 0).first<{ id: string }>())!.id;
    const kiosk = await idOf(office, "kiosk", false);
    const before = await snapshot(office);
    await expectError(await admin.put(`/admin/devices/${await idOf(office, "display", false)}/kiosk`, { print: true }), 400, "invalid_request", "print");
    await expectError(await admin.put(`/admin/devices/${await idOf(office, "kiosk", true)}/kiosk`, { print: true }), 404, "not_found");
    await expectError(await admin.put(`/admin/devices/${await idOf(other, "kiosk", false)}/kiosk`, { print: true }), 404, "not_found");
    await expectError(await admin.put(`/admin/devices/${kiosk}/kiosk`, { print: "yes" }), 400, "invalid_request", "print");
    await expectError(await admin.put(`/admin/devices/${kiosk}/kiosk`, {}), 400, "invalid_request", "print");
    expect((await staff.put(`/admin/devices/${kiosk}/kiosk`, { print: true })).status).toBe(403);
    expect(await snapshot(office)).toEqual(before);
  });
});

describe("refusals", () => {
  it.each([
    [{ kind: "printer", label: "Drucker" }, "kind"],
    [{ kind: "kiosk", label: "" }, "label"],
    [{ kind: "kiosk" }, "label"],
    [{ kind: "kiosk", label: "x".repeat(61) }, "label"],
    [{ kind: "kiosk", label: "Tablet", token: "abc" }, "token"],
  ])("refuses %j, creating nothing", async (body, field) => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const before = await snapshot(office);
    await expectError(await admin.post("/admin/devices", body), 400, "invalid_request", field);
    expect(await snapshot(office)).toEqual(before);
  });

  it("another office's device, or none, cannot be seen or revoked", async () => {
    const office = await createOffice();
    const other = await createOffice();
    const admin = await signedInAdmin(office);
    const foreignToken = await pairedDevice(other, "kiosk");
    const foreign = await env.DB.prepare("SELECT id FROM devices WHERE location_id = ?1").bind(other.id).first<{ id: string }>();
    expect(DeviceList.parse(await (await admin.get("/admin/devices")).json()).devices).toEqual([]);
    const before = await snapshot(office);
    await expectError(await admin.post(`/admin/devices/${foreign!.id}/revoke`), 404, "not_found");
    await expectError(await admin.post("/admin/devices/no-such-device/revoke"), 404, "not_found");
    expect(await snapshot(office)).toEqual(before);
    expect((await kioskState(other, foreignToken)).status).toBe(200);
  });
});

/** The display's own state as it asks for it (its settings ride along). */
async function displaySettings(office: Office, token: string, now = NOW): Promise<DisplayState["settings"]> {
  const res = await office.request("http://localhost/api/display/state", { headers: { Authorization: `Bearer ${token}` } }, now);
  expect(res.status).toBe(200);
  return DisplayState.parse(await res.json()).settings;
}

async function deviceIdOf(office: Office, kind: "kiosk" | "display"): Promise<string> {
  const row = await env.DB.prepare("SELECT id FROM devices WHERE location_id = ?1 AND kind = ?2 ORDER BY created_at DESC, rowid DESC")
    .bind(office.id, kind)
    .first<{ id: string }>();
  return row!.id;
}

describe("PUT /admin/devices/:id/display: a display's chime and announcement", () => {
  it("a new display chimes and does not speak; an admin switches each, audited, and the display reads it with its state", async () => {
    const office = await createOffice();
    const live = recordingNotifier();
    const admin = await signedInAdmin(office, "admin", NOW, { live });
    const token = await pairedDevice(office, "display");
    const id = await deviceIdOf(office, "display");
    expect(await displaySettings(office, token)).toEqual({ sound: true, speech: false });
    const [listed] = DeviceList.parse(await (await admin.get("/admin/devices")).json()).devices;
    expect(listed!.display).toEqual({ sound: true, speech: false });

    const speech = await admin.put(`/admin/devices/${id}/display`, { speech: true });
    expect(speech.status).toBe(200);
    expect(DeviceView.parse(await speech.json())).toMatchObject({ id, kind: "display", display: { sound: true, speech: true } });
    expect(await displaySettings(office, token)).toEqual({ sound: true, speech: true });

    // One setting at a time: the other one stays as it was.
    const quiet = DeviceView.parse(await (await admin.put(`/admin/devices/${id}/display`, { sound: false }, at(5))).json());
    expect(quiet.display).toEqual({ sound: false, speech: true });
    expect(await displaySettings(office, token)).toEqual({ sound: false, speech: true });
    const both = DeviceView.parse(await (await admin.put(`/admin/devices/${id}/display`, { sound: true, speech: false }, at(6))).json());
    expect(both.display).toEqual({ sound: true, speech: false });

    expect(await auditRows(office)).toEqual([
      { actor_kind: "staff", actor_id: String(admin.id), action: "device.display", subject_kind: "device", subject_id: id, detail: { speech: true } },
      { actor_kind: "staff", actor_id: String(admin.id), action: "device.display", subject_kind: "device", subject_id: id, detail: { sound: false } },
      { actor_kind: "staff", actor_id: String(admin.id), action: "device.display", subject_kind: "device", subject_id: id, detail: { sound: true, speech: false } },
    ]);
    // The display follows live: it refetches its state on "devices".
    expect(live.told).toEqual([
      [office.slug, ["devices"]],
      [office.slug, ["devices"]],
      [office.slug, ["devices"]],
    ]);
  });

  it("is for admins only: a staff member's change is refused and changes nothing", async () => {
    const office = await createOffice();
    const staff = await signedInAdmin(office, "staff");
    await pairedDevice(office, "display");
    const id = await deviceIdOf(office, "display");
    const before = await snapshot(office);
    await expectError(await staff.put(`/admin/devices/${id}/display`, { speech: true }), 403, "forbidden");
    expect(await snapshot(office)).toEqual(before);
  });

  it.each([
    [{}, "sound"],
    [{ sound: "yes" }, "sound"],
    [{ speech: 1 }, "speech"],
    [{ sound: null }, "sound"],
    [{ sound: true, volume: 3 }, "volume"],
    ["[true]", undefined],
  ])("refuses %j naming the field, changing nothing", async (body, field) => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    await pairedDevice(office, "display");
    const id = await deviceIdOf(office, "display");
    const before = await snapshot(office);
    await expectError(await admin.put(`/admin/devices/${id}/display`, body), 400, "invalid_request", field);
    expect(await snapshot(office)).toEqual(before);
  });

  it("refuses a kiosk (it has no chime to switch), a revoked display, another office's and an unknown device", async () => {
    const office = await createOffice();
    const other = await createOffice();
    const admin = await signedInAdmin(office);
    await pairedDevice(office, "kiosk");
    const kiosk = await deviceIdOf(office, "kiosk");
    await pairedDevice(office, "display", true);
    const revoked = await deviceIdOf(office, "display");
    await pairedDevice(other, "display");
    const foreign = await deviceIdOf(other, "display");
    const before = [await snapshot(office), await snapshot(other)];
    await expectError(await admin.put(`/admin/devices/${kiosk}/display`, { speech: true }), 400, "invalid_request", "speech");
    await expectError(await admin.put(`/admin/devices/${revoked}/display`, { speech: true }), 404, "not_found");
    await expectError(await admin.put(`/admin/devices/${foreign}/display`, { speech: true }), 404, "not_found");
    await expectError(await admin.put("/admin/devices/no-such-device/display", { speech: true }), 404, "not_found");
    expect([await snapshot(office), await snapshot(other)]).toEqual(before);
  });
});
