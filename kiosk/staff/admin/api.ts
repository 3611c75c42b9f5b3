/*
 * The staff board's calls for settings, devices, team, audit log, outbox and calendar feed. Types only
 * from the shared schemas (zod stays out of the bundle); every failure is the shared `ApiError`.
 * Stores take these as a parameter, so tests pass their own fakes.
 */
import type { StaffAccount, StaffCreate, StaffList } from "../../../schemas/auth";
import type { CalendarFeedCreated, OutboxItem, OutboxList, OutboxMail } from "../../../schemas/staff-bookings";
import type {
  AdminSettings,
  AuditList,
  ClosureCreate,
  ClosureCreated,
  DeviceCreate,
  DeviceCreated,
  DeviceList,
  DeviceView,
  DisplaySettingsUpdate,
  KioskSettingsUpdate,
  ExtraHoursCreate,
  ExtraHoursDelete,
  ExtraHoursDeleted,
  ExtraHoursView,
  OfficeSettings,
  OfficeSettingsUpdate,
  OpeningHoursChanged,
  OpeningHoursUpdate,
  RoomCreate,
  RoomUpdate,
  RoomView,
  TopicCreate,
  TopicUpdate,
  TopicView,
} from "../../../schemas/staff-settings";
import type { OutboxStatus } from "../../../schemas/rows";
import { answerError, ApiError, call } from "../../shared/api";

const base = (office: string) => `/api/staff/${encodeURIComponent(office)}`;
const admin = (office: string) => `${base(office)}/admin`;
const id = (value: string | number) => encodeURIComponent(String(value));

export function adminApi(office: string) {
  const a = admin(office);
  return {
    settings: () => call<AdminSettings>(`${a}/settings`),
    saveOffice: (body: OfficeSettingsUpdate) => call<OfficeSettings>(`${a}/settings/office`, { method: "PUT", body }),
    saveOpeningHours: (body: OpeningHoursUpdate) =>
      call<OpeningHoursChanged>(`${a}/settings/opening-hours`, { method: "PUT", body }),
    addClosure: (body: ClosureCreate) => call<ClosureCreated>(`${a}/closures`, { method: "POST", body }),
    deleteClosure: (closure: number) => post(`${a}/closures/${id(closure)}/delete`),
    addExtraHours: (body: ExtraHoursCreate) => call<ExtraHoursView>(`${a}/extra-hours`, { method: "POST", body }),
    deleteExtraHours: (extra: number, body: ExtraHoursDelete) =>
      call<ExtraHoursDeleted>(`${a}/extra-hours/${id(extra)}/delete`, { method: "POST", body }),
    addTopic: (body: TopicCreate) => call<TopicView>(`${a}/topics`, { method: "POST", body }),
    saveTopic: (topic: number, body: TopicUpdate) => call<TopicView>(`${a}/topics/${id(topic)}`, { method: "PUT", body }),
    addRoom: (body: RoomCreate) => call<RoomView>(`${a}/rooms`, { method: "POST", body }),
    saveRoom: (room: number, body: RoomUpdate) => call<RoomView>(`${a}/rooms/${id(room)}`, { method: "PUT", body }),
    devices: () => call<DeviceList>(`${a}/devices`),
    addDevice: (body: DeviceCreate) => call<DeviceCreated>(`${a}/devices`, { method: "POST", body }),
    revokeDevice: (device: string) => post(`${a}/devices/${id(device)}/revoke`),
    saveDisplay: (device: string, body: DisplaySettingsUpdate) =>
      call<DeviceView>(`${a}/devices/${id(device)}/display`, { method: "PUT", body }),
    saveKioskSettings: (device: string, body: KioskSettingsUpdate) =>
      call<DeviceView>(`${a}/devices/${id(device)}/kiosk`, { method: "PUT", body }),
    audit: (limit = 100) => call<AuditList>(`${a}/audit?limit=${limit}`),
    staff: () => call<StaffList>(`${a}/staff`),
    addStaff: (body: StaffCreate) => call<StaffAccount>(`${a}/staff`, { method: "POST", body }),
    deactivateStaff: (staff: number) => post(`${a}/staff/${id(staff)}/deactivate`),
    sendSignInLink: (staff: number) => post(`${a}/staff/${id(staff)}/sign-in-link`),
  };
}
export type AdminApi = ReturnType<typeof adminApi>;

export function outboxApi(office: string) {
  const o = `${base(office)}/outbox`;
  return {
    list: (status: OutboxStatus | null, limit = 100) => {
      const params = new URLSearchParams({ limit: String(limit) });
      if (status) params.set("status", status);
      return call<OutboxList>(`${o}?${params}`);
    },
    read: (mail: string) => call<OutboxMail>(`${o}/${id(mail)}`),
    resend: (mail: string) => call<OutboxItem>(`${o}/${id(mail)}/resend`, { method: "POST", body: {} }),
  };
}
export type OutboxApi = ReturnType<typeof outboxApi>;

export function feedApi(office: string) {
  const f = `${base(office)}/calendar-feed`;
  return {
    create: () => call<CalendarFeedCreated>(f, { method: "POST", body: {} }),
    revoke: () => post(`${f}/revoke`),
  };
}
export type FeedApi = ReturnType<typeof feedApi>;

/**
 * A POST whose answer the page does not read (revoke, deactivate, delete): some answer 204 without a
 * body, which `call` (JSON only) would take for a broken answer. Errors come as the usual `ApiError`.
 */
async function post(path: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, { method: "POST", headers: { accept: "application/json", "content-type": "application/json" }, body: "{}" });
  } catch (error) {
    throw new ApiError("network", error instanceof Error ? error.message : String(error), 0);
  }
  if (res.ok) return;
  throw answerError(path, res, await res.json().catch(() => null));
}
