import { describe, expect, it } from "vitest";
import { ApiError } from "../../kiosk/shared/api";
import { createDevicesStore, DEVICE_LABEL_ID, formatCountdown, minutesLeft, secondsLeft } from "../../kiosk/staff/admin/devices";
import { createTeamStore, memberFieldId } from "../../kiosk/staff/admin/team";
import type { StaffAccount } from "../../schemas/auth";
import type { DeviceView } from "../../schemas/staff-settings";
import { fakeAdminApi, invalid } from "./admin-fakes";

/*
 * "Geräte" and "Team": the pairing code's countdown (formatted for eyes, in whole minutes for screen
 * readers, 0 once expired), creating and revoking devices, adding staff and the sign-in link notices.
 */

describe("the pairing code's countdown", () => {
  const expires = "2026-11-30T12:15:00.000Z";
  it.each([
    ["2026-11-30T12:00:00.000Z", 900, "15:00", 15],
    ["2026-11-30T12:00:00.400Z", 900, "15:00", 15],
    ["2026-11-30T12:05:55.000Z", 545, "9:05", 10],
    ["2026-11-30T12:14:30.000Z", 30, "0:30", 1],
    ["2026-11-30T12:14:59.001Z", 1, "0:01", 1],
    ["2026-11-30T12:15:00.000Z", 0, "0:00", 0],
    ["2026-11-30T13:00:00.000Z", 0, "0:00", 0],
  ])("at %s: %i s left, shown %s, said as %i minutes", (now, seconds, clock, minutes) => {
    const left = secondsLeft(expires, new Date(now));
    expect(left).toBe(seconds);
    expect(formatCountdown(left)).toBe(clock);
    expect(minutesLeft(left)).toBe(minutes);
  });
});

const device = (over: Partial<DeviceView>): DeviceView => ({
  id: "d1",
  kind: "kiosk",
  label: "Tablet Eingang",
  createdAt: "2026-11-30T11:00:00.000Z",
  pairedAt: null,
  lastSeenAt: null,
  revokedAt: null,
  pendingPairing: null,
  state: "paired",
  display: null,
  kiosk: { print: false },
  ...over,
});

describe("the devices store", () => {
  it("creates a code, counts it down with the clock, and ends at expired", async () => {
    let now = new Date("2026-11-30T12:00:00.000Z");
    const list = [device({})];
    const api = fakeAdminApi({
      devices: () => ({ devices: list }),
      addDevice: (body) => {
        list.push(device({ id: "d2", ...body, state: "pending" }));
        return { id: "d2", kind: body.kind, label: body.label, code: "ACDEFGHJ", expiresAt: "2026-11-30T12:15:00.000Z" };
      },
    });
    const store = createDevicesStore(api, () => now);
    await store.load();
    store.kind.value = "display";
    store.label.value = "  Anzeige Wartebereich ";
    expect(await store.create()).toBe(true);
    expect(api.calls.find((c) => c.name === "addDevice")!.args[0]).toEqual({ kind: "display", label: "Anzeige Wartebereich" });
    expect(store.created.value?.code).toBe("ACDEFGHJ");
    expect(store.label.value).toBe("");
    expect(store.list.data.value!.devices).toHaveLength(2);
    expect(store.remaining.value).toBe(900);
    now = new Date("2026-11-30T12:10:00.000Z");
    store.tick();
    expect(formatCountdown(store.remaining.value)).toBe("5:00");
    expect(store.expired.value).toBe(false);
    now = new Date("2026-11-30T12:15:01.000Z");
    store.tick();
    expect(store.expired.value).toBe(true);
  });

  it("needs a name, and shows the server's refusal of it at the field", async () => {
    const api = fakeAdminApi({
      addDevice: () => {
        throw invalid("label", "Too long");
      },
    });
    const store = createDevicesStore(api);
    expect(await store.create()).toBe(false);
    expect(store.saver.fieldErrors.value).toEqual({ [DEVICE_LABEL_ID]: { kind: "client", key: "required" } });
    expect(api.calls).toEqual([]);
    store.label.value = "x";
    expect(await store.create()).toBe(false);
    expect(store.saver.fieldErrors.value).toEqual({ [DEVICE_LABEL_ID]: { kind: "server", message: "Too long" } });
    expect(store.created.value).toBeNull();
  });

  it("revokes only after the question, and hides the code of the device it revoked", async () => {
    const api = fakeAdminApi({
      devices: () => ({ devices: [device({ id: "d2", state: "revoked" })] }),
      addDevice: () => ({ id: "d2", kind: "kiosk", label: "T", code: "ACDEFGHJ", expiresAt: "2030-01-01T00:00:00.000Z" }),
      revokeDevice: () => undefined,
    });
    const store = createDevicesStore(api);
    store.label.value = "T";
    await store.create();
    expect(await store.revoke()).toBe(false);
    store.askRevoke("d2");
    expect(await store.revoke()).toBe(true);
    expect(api.calls.filter((c) => c.name === "revokeDevice")).toEqual([{ name: "revokeDevice", args: ["d2"] }]);
    expect(store.created.value).toBeNull();
    expect(store.confirmRevoke.value).toBeNull();
  });

  it("switches a display's chime or announcement, one setting at a time, and shows what the server stored", async () => {
    let stored = { sound: true, speech: false };
    const api = fakeAdminApi({
      devices: () => ({ devices: [device({ id: "d3", kind: "display", display: stored })] }),
      saveDisplay: (_id, change) => {
        stored = { ...stored, ...change };
        return device({ id: "d3", kind: "display", display: stored });
      },
    });
    const store = createDevicesStore(api);
    await store.load();
    const saving = store.setDisplay("d3", { speech: true });
    // Shown as switched at once, while the server has not answered yet.
    expect(store.displaySetting("d3", "speech", false)).toBe(true);
    expect(store.displaySetting("d3", "sound", true)).toBe(true);
    expect(store.displaySetting("d4", "speech", false)).toBe(false);
    expect(await saving).toBe(true);
    // Only the setting switched goes to the server: a colleague's change of the other one stays.
    expect(api.calls.filter((c) => c.name === "saveDisplay")).toEqual([{ name: "saveDisplay", args: ["d3", { speech: true }] }]);
    expect(store.list.data.value!.devices[0]!.display).toEqual({ sound: true, speech: true });
    expect(store.displaySaver.saved.value).toBe(1);
  });

  it("says why a display's setting was not saved, and shows the stored one again", async () => {
    const api = fakeAdminApi({
      devices: () => ({ devices: [device({ id: "d3", kind: "display", display: { sound: true, speech: false } })] }),
      saveDisplay: () => {
        throw new ApiError("network", "Failed to fetch", 0);
      },
    });
    const store = createDevicesStore(api);
    await store.load();
    expect(await store.setDisplay("d3", { sound: false })).toBe(false);
    expect(store.displaySaver.failure.value).toBe("network");
    expect(api.calls.filter((c) => c.name === "devices")).toHaveLength(2);
    expect(store.list.data.value!.devices[0]!.display).toEqual({ sound: true, speech: false });
  });

  it("turns a kiosk's 'Bon drucken' on and shows the list as it is then; a failure says why and changes nothing", async () => {
    let print = false;
    const api = fakeAdminApi({
      devices: () => ({ devices: [device({ kiosk: { print } })] }),
      saveKioskSettings: (_id, body) => {
        print = (body as { print: boolean }).print;
        return device({ kiosk: { print } });
      },
    });
    const store = createDevicesStore(api);
    await store.load();
    expect(await store.setKioskPrint("d1", true)).toBe(true);
    expect(api.calls.filter((c) => c.name === "saveKioskSettings")).toEqual([{ name: "saveKioskSettings", args: ["d1", { print: true }] }]);
    expect(store.list.data.value?.devices[0]?.kiosk).toEqual({ print: true });

    const failing = createDevicesStore(fakeAdminApi({ saveKioskSettings: () => { throw new ApiError("network", "Failed to fetch", 0); } }));
    expect(await failing.setKioskPrint("d1", true)).toBe(false);
    expect(failing.kioskSaver.failure.value).toBe("network");
  });

  it("keeps the question open when revoking fails, and says why", async () => {
    const api = fakeAdminApi({
      revokeDevice: () => {
        throw new ApiError("network", "Failed to fetch", 0);
      },
    });
    const store = createDevicesStore(api);
    store.askRevoke("d1");
    expect(await store.revoke()).toBe(false);
    expect(store.confirmRevoke.value).toBe("d1");
    expect(store.revokeSaver.failure.value).toBe("network");
  });
});

const member = (over: Partial<StaffAccount>): StaffAccount => ({
  id: 1,
  name: "Franziska Kull",
  email: "f.kull@example.org",
  role: "admin",
  active: true,
  passkeys: 1,
  createdAt: "2026-11-01T08:00:00.000Z",
  ...over,
});

describe("the team store", () => {
  it("adds a person: checks name and address, then says the link went out", async () => {
    const staff = [member({})];
    const api = fakeAdminApi({
      staff: () => ({ staff }),
      addStaff: (body) => {
        const m = member({ id: 2, name: body.name, email: body.email, role: body.role, passkeys: 0 });
        staff.push(m);
        return m;
      },
    });
    const store = createTeamStore(api);
    await store.load();
    store.set("name", "A");
    store.set("email", "kein-at");
    expect(await store.add()).toBe(false);
    expect(store.saver.fieldErrors.value).toEqual({
      [memberFieldId("name")]: { kind: "client", key: "required" },
      [memberFieldId("email")]: { kind: "client", key: "emailInvalid" },
    });
    store.set("name", "Ayşe Yılmaz");
    store.set("email", " ayse@example.org ");
    expect(await store.add()).toBe(true);
    expect(api.calls.find((c) => c.name === "addStaff")!.args[0]).toEqual({ name: "Ayşe Yılmaz", email: "ayse@example.org", role: "staff" });
    expect(store.notice.value).toEqual({ kind: "added", name: "Ayşe Yılmaz" });
    expect(store.draft.value).toEqual({ name: "", email: "", role: "staff" });
    expect(store.list.data.value!.staff).toHaveLength(2);
  });

  it("shows the server's refusal of the address at the address field", async () => {
    const api = fakeAdminApi({
      addStaff: () => {
        throw invalid("email", "Invalid email address");
      },
    });
    const store = createTeamStore(api);
    store.set("name", "Ayşe Yılmaz");
    store.set("email", "ayse@example.org");
    expect(await store.add()).toBe(false);
    expect(store.saver.fieldErrors.value).toEqual({ [memberFieldId("email")]: { kind: "server", message: "Invalid email address" } });
    expect(store.notice.value).toBeNull();
  });

  it("sends a new link and deactivates after the question, naming the person", async () => {
    const api = fakeAdminApi({
      staff: () => ({ staff: [member({}), member({ id: 2, name: "Ayşe Yılmaz", role: "staff" })] }),
      sendSignInLink: () => undefined,
      deactivateStaff: () => undefined,
    });
    const store = createTeamStore(api);
    await store.load();
    expect(await store.sendLink(2)).toBe(true);
    expect(store.notice.value).toEqual({ kind: "linkSent", name: "Ayşe Yılmaz" });
    expect(await store.deactivate()).toBe(false);
    store.askDeactivate(2);
    expect(await store.deactivate()).toBe(true);
    expect(api.calls.filter((c) => c.name === "deactivateStaff")).toEqual([{ name: "deactivateStaff", args: [2] }]);
    expect(store.notice.value).toEqual({ kind: "deactivated", name: "Ayşe Yılmaz" });
  });
});
