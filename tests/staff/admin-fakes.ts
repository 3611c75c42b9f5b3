/*
 * Fakes for the admin panels' stores: an API whose every call fails loudly unless a test gives it an
 * answer, the settings of the seeded office, and ApiErrors shaped as the Worker sends them.
 */
import type { AdminSettings, AffectedBooking, AffectedProposal } from "../../schemas/staff-settings";
import type { AdminApi } from "../../kiosk/staff/admin/api";
import { ApiError } from "../../kiosk/shared/api";

/** The answers a test gives: plain values are fine, the fake wraps them in promises. */
export type FakeAnswers<T> = {
  [K in keyof T]?: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R | Promise<R> : never;
};

export function fakeAdminApi(over: FakeAnswers<AdminApi>): AdminApi & { calls: { name: string; args: unknown[] }[] } {
  const calls: { name: string; args: unknown[] }[] = [];
  const names: (keyof AdminApi)[] = [
    "settings", "saveOffice", "saveOpeningHours", "addClosure", "deleteClosure", "addExtraHours", "deleteExtraHours", "addTopic", "saveTopic", "addRoom", "saveRoom",
    "devices", "addDevice", "revokeDevice", "saveDisplay", "saveKioskSettings", "audit", "staff", "addStaff", "deactivateStaff", "sendSignInLink",
  ];
  const api = { calls } as AdminApi & { calls: typeof calls };
  for (const name of names) {
    (api as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      calls.push({ name, args });
      const f = over[name] as ((...a: unknown[]) => unknown) | undefined;
      if (!f) return Promise.reject(new Error(`unexpected call: ${name}`));
      return Promise.resolve().then(() => f(...args));
    };
  }
  return api;
}

/** A 400 as worker/validate.ts sends it: the field path, and the message prefixed with it. */
export const invalid = (field: string, message: string) => new ApiError("invalid_request", `${field}: ${message}`, 400, field);

export const settings = (over: Partial<AdminSettings> = {}): AdminSettings => ({
  office: {
    name: "Projektbüro BIWAQ",
    shortName: "Zukunft Kempten-Ost",
    street: "Anton-Fehr-Str. 6",
    postalCode: null,
    city: "Kempten (Allgäu)",
    phone: "0172 / 2315911",
    email: null,
    slotMinutes: 30,
    seatsPerSlot: 1,
    minNoticeMinutes: 120,
    horizonDays: 56,
    checkinOpensMinutes: 30,
    checkinClosesMinutes: 15,
    maxActiveBookingsPerEmail: 2,
    retentionDays: 30,
    proposalHoldHours: 48,
    providerBody: "Stadt Kempten (Allgäu)",
    providerDepartment: null,
    providerRepresentative: null,
    dpoContact: null,
    privacyAuthority: "Der Bayerische Landesbeauftragte für den Datenschutz\nWagmüllerstraße 18\n80538 München",
    accessibilityEnforcement: "Landesamt für Digitalisierung, Breitband und Vermessung",
  },
  timezone: "Europe/Berlin",
  today: "2026-11-30",
  openingRules: [
    { id: 1, weekday: 1, opens: "13:00", closes: "17:30", validFrom: "2020-01-01", validUntil: null },
    { id: 2, weekday: 3, opens: "09:00", closes: "13:00", validFrom: "2020-01-01", validUntil: null },
  ],
  closures: [],
  extraHours: [],
  topics: [
    {
      id: 1,
      key: "fragen",
      label: { de: "Allgemeine Fragen", en: "General questions" },
      description: { de: "", en: "" },
      audience: "everyone",
      durationMinutes: 30,
      bookableOnline: true,
      walkIn: true,
      icon: "chat",
      sort: 10,
      active: true,
    },
  ],
  rooms: [
    { id: 1, name: "Raum 1", sort: 10, active: true },
    { id: 2, name: "Raum 2", sort: 20, active: true },
  ],
  ...over,
});

/** A 409 `bookings_affected` as the Worker sends it: the appointments and open proposed times a change touches. */
export const affected = (bookings: AffectedBooking[], proposals: AffectedProposal[] = []) =>
  new ApiError("bookings_affected", "This change touches appointments.", 409, "bookings", undefined, { bookings, proposals });

/** A proposed time as such a list shows it (Monday 30 November 2026 unless `over` says otherwise). */
export const affectedProposal = (over: Partial<AffectedProposal> = {}): AffectedProposal => ({
  id: "p1",
  requestId: "r1",
  day: "2026-11-30",
  start: "2026-11-30T15:00:00+01:00",
  end: "2026-11-30T15:30:00+01:00",
  holdUntil: "2026-11-26T08:00:00+01:00",
  name: "Ayşe Yılmaz",
  topic: { de: "Allgemeine Fragen", en: "General questions" },
  mail: true,
  phone: null,
  ...over,
});

/** An appointment as such a list shows it (Monday 30 November 2026 unless `over` says otherwise). */
export const affectedBooking = (over: Partial<AffectedBooking> = {}): AffectedBooking => ({
  id: "b1",
  day: "2026-11-30",
  start: "2026-11-30T13:00:00+01:00",
  end: "2026-11-30T13:30:00+01:00",
  status: "confirmed",
  name: "Erika Müller",
  topic: { de: "Allgemeine Fragen", en: "General questions" },
  code: "K7M2Q",
  mail: true,
  phone: null,
  ...over,
});

/** Lets pending promise callbacks run. */
export const settle = () => new Promise((r) => setTimeout(r, 0));
