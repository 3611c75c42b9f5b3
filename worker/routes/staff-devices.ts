import { Hono } from "hono";
import { PAIRING_CODE_MINUTES, newPairingCode } from "../../common/limits";
import { DeviceCreate, DisplaySettingsUpdate, KioskSettingsUpdate, type DeviceCreated, type DeviceList, type DeviceView } from "../../schemas/staff-settings";
import { staffAudit } from "../auth/audit";
import type { AppEnv } from "../context";
import { createPairing, deviceOfLocation, listDevices, revokeDevice, setDisplaySettings, setKioskPrint, type DeviceListRow } from "../db/devices";
import { AppError } from "../errors";
import { sha256Hex } from "../random";
import { staffScopeOf } from "../scope";
import { commit } from "../services/commit";
import { jsonBody, parseInput } from "../validate";

/*
 * The office's paired kiosks and call displays, for admins: /api/staff/:office/admin/devices…
 * (requireStaff and requireAdmin are mounted once in app.ts). A new device gets a pairing code that the
 * answer shows once; revoking one ends its token at once. Boards hear of it live (`devices`).
 */

export const staffDeviceRoutes = new Hono<AppEnv>();

staffDeviceRoutes.get("/admin/devices", async (c) => {
  const now = c.var.deps.now();
  const devices = await listDevices(c.env.DB, c.var.staff.locationId);
  return c.json({ devices: devices.map((d) => presentDevice(d, now)) } satisfies DeviceList);
});

staffDeviceRoutes.post("/admin/devices", async (c) => {
  const body = parseInput(DeviceCreate, await jsonBody(c));
  const { random, now: clock } = c.var.deps;
  const now = clock();
  const id = random.id();
  // The same code as `npm run device -- add` makes; only its hash is stored, the answer shows it once.
  const code = newPairingCode();
  const expiresAt = new Date(now.getTime() + PAIRING_CODE_MINUTES * 60_000);
  const locationId = c.var.staff.locationId;
  const s = staffScopeOf(c);
  await commit(s, {
    batch: [
      createPairing(s.db, { id, locationId, kind: body.kind, label: body.label, codeHash: await sha256Hex(code), expiresAt, now }),
      staffAudit(s, "device.create", { kind: "device", id }, { kind: body.kind, label: body.label }),
    ],
    mail: false,
    live: { office: s.staff.office, changes: ["devices"] },
  });
  return c.json({ id, kind: body.kind, label: body.label, code, expiresAt: expiresAt.toISOString() } satisfies DeviceCreated, 201);
});

staffDeviceRoutes.post("/admin/devices/:id/revoke", async (c) => {
  const locationId = c.var.staff.locationId;
  const id = c.req.param("id");
  const device = /^[A-Za-z0-9_-]{1,100}$/.test(id) ? await deviceOfLocation(c.env.DB, locationId, id) : null;
  if (!device) throw new AppError("not_found", "There is no such device.");
  const now = c.var.deps.now();
  // Revoking twice changes nothing and records nothing: the first date stays.
  if (device.revoked_at === null) {
    const s = staffScopeOf(c);
    await commit(s, {
      batch: [
        revokeDevice(s.db, locationId, device.id, now),
        staffAudit(s, "device.revoke", { kind: "device", id: device.id }, { kind: device.kind, label: device.label }),
      ],
      mail: false,
      live: { office: s.staff.office, changes: ["devices"] },
    });
  }
  return c.json(presentDevice((await deviceOfLocation(c.env.DB, locationId, device.id))!, now) satisfies DeviceView);
});

/**
 * A call display's sound and speech (the screen itself has no switches). Only the settings given change;
 * the audit row records them, once per change that applied; the display hears it live ("devices").
 */
staffDeviceRoutes.put("/admin/devices/:id/display", async (c) => {
  const body = parseInput(DisplaySettingsUpdate, await jsonBody(c));
  const given = (["sound", "speech"] as const).filter((key) => body[key] !== undefined);
  if (given.length === 0) throw new AppError("invalid_request", "sound: give sound or speech (true or false), or both.", "sound");
  const locationId = c.var.staff.locationId;
  const id = c.req.param("id");
  const device = /^[A-Za-z0-9_-]{1,100}$/.test(id) ? await deviceOfLocation(c.env.DB, locationId, id) : null;
  if (!device) throw new AppError("not_found", "There is no such device.");
  if (device.kind !== "display") throw new AppError("invalid_request", `${given[0]}: only a call display has this setting, not a kiosk.`, given[0]);
  if (device.revoked_at !== null) throw new AppError("not_found", "This display is revoked; pair a new one.");
  const s = staffScopeOf(c);
  await commit(s, {
    batch: [
      setDisplaySettings(s.db, locationId, device.id, body),
      staffAudit(s, "device.display", { kind: "device", id: device.id }, Object.fromEntries(given.map((key) => [key, body[key]])), { ifChanged: true }),
    ],
    applied: (results) => results[0]!.results.length > 0,
    mail: false,
    live: { office: s.staff.office, changes: ["devices"] },
  });
  return c.json(presentDevice((await deviceOfLocation(c.env.DB, locationId, device.id))!, c.var.deps.now()) satisfies DeviceView);
});

/**
 * A kiosk's printed ticket ("Bon drucken"), for a tablet with a receipt printer. The audit row records a
 * change that applied; the kiosk hears it live ("devices") and with its next state.
 */
staffDeviceRoutes.put("/admin/devices/:id/kiosk", async (c) => {
  const { print } = parseInput(KioskSettingsUpdate, await jsonBody(c));
  const locationId = c.var.staff.locationId;
  const id = c.req.param("id");
  const device = /^[A-Za-z0-9_-]{1,100}$/.test(id) ? await deviceOfLocation(c.env.DB, locationId, id) : null;
  if (!device) throw new AppError("not_found", "There is no such device.");
  if (device.kind !== "kiosk") throw new AppError("invalid_request", "print: only a kiosk prints tickets, not a call display.", "print");
  if (device.revoked_at !== null) throw new AppError("not_found", "This kiosk is revoked; pair a new one.");
  const s = staffScopeOf(c);
  await commit(s, {
    batch: [
      setKioskPrint(s.db, locationId, device.id, print),
      staffAudit(s, "device.kiosk", { kind: "device", id: device.id }, { print }, { ifChanged: true }),
    ],
    applied: (results) => results[0]!.results.length > 0,
    mail: false,
    live: { office: s.staff.office, changes: ["devices"] },
  });
  return c.json(presentDevice((await deviceOfLocation(c.env.DB, locationId, device.id))!, c.var.deps.now()) satisfies DeviceView);
});

function presentDevice(d: DeviceListRow, now: Date): DeviceView {
  const expired = d.pairing_expires_at !== null && d.pairing_expires_at <= now.toISOString();
  return {
    id: d.id,
    kind: d.kind,
    label: d.label,
    createdAt: d.created_at,
    pairedAt: d.paired_at,
    lastSeenAt: d.last_seen_at,
    revokedAt: d.revoked_at,
    pendingPairing: d.pairing_expires_at === null ? null : { expiresAt: d.pairing_expires_at, expired },
    state: d.revoked_at ? "revoked" : d.paired_at ? "paired" : expired || d.pairing_expires_at === null ? "expired" : "pending",
    display: d.kind === "display" ? { sound: d.sound === 1, speech: d.speech === 1 } : null,
    kiosk: d.kind === "kiosk" ? { print: d.print_ticket === 1 } : null,
  };
}
