import type { LegalFacts, LegalOffice, OfficeContact } from "../../common/legal";
import { LOCALE_STORAGE_KEY } from "../../common/limits";
import type { LocationRow } from "../../schemas/rows";
import type { AppDeps } from "../context";
import { DEVICE_COOKIE_DAYS, deviceCookieName } from "../auth/device";
import { STAFF_COOKIE } from "../auth/session";
import { SESSION_ABSOLUTE_HOURS, SESSION_IDLE_MINUTES } from "../db/staff";
import { RETENTION_BATCH } from "../services/retention";

/*
 * What the legal pages are built from: the office's settings (its location row) and what this
 * deployment does, taken from the code that does it, so the privacy notice cannot drift from it.
 */

/** Rate-limit windows are deleted a day after they began (db/housekeeping.ts). */
const RATE_LIMIT_HOURS = 24;
/** D1 Time Travel restores up to 30 days back (README, Deploy). */
const BACKUP_DAYS = 30;

/** The office's names, address and contact as pages and mails show them. */
export function officeContact(l: LocationRow): OfficeContact {
  return {
    slug: l.slug,
    name: l.name,
    shortName: l.short_name,
    street: l.street,
    postalCode: l.postal_code,
    city: l.city,
    phone: l.phone,
    email: l.email,
  };
}

export function legalOffice(l: LocationRow): LegalOffice {
  return {
    ...officeContact(l),
    providerBody: l.provider_body,
    providerDepartment: l.provider_department,
    providerRepresentative: l.provider_representative,
    dpoContact: l.dpo_contact,
    privacyAuthority: l.privacy_authority,
    accessibilityEnforcement: l.accessibility_enforcement,
    retentionDays: l.retention_days,
  };
}

export function legalFacts(deps: AppDeps): LegalFacts {
  return {
    turnstile: deps.turnstile !== null,
    rateLimitHours: RATE_LIMIT_HOURS,
    backupDays: BACKUP_DAYS,
    erasedPerMinute: RETENTION_BATCH,
    staffCookie: { name: STAFF_COOKIE, hours: SESSION_ABSOLUTE_HOURS, idleMinutes: SESSION_IDLE_MINUTES },
    deviceCookie: { names: [deviceCookieName("kiosk"), deviceCookieName("display")], days: DEVICE_COOKIE_DAYS },
    localeKey: LOCALE_STORAGE_KEY,
  };
}
