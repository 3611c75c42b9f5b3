/*
 * "Termine & Regeln": the office's booking rules as a form of number fields. Only changed fields go to
 * the API (PUT takes any subset), so saving one rule never overwrites another admin's change of another.
 * The limits below are the API's (schemas/staff-settings.ts `OfficeSettings`), repeated only to tell the
 * admin the allowed range beside the field; the server decides.
 */
import { canonicalEmail } from "../../../common/field-rules";
import type { OfficeSettings, OfficeSettingsUpdate } from "../../../schemas/staff-settings";
import { wholeNumber, type FieldErrors, type FieldProblem } from "./form";

export const RULE_FIELDS = [
  "slotMinutes",
  "seatsPerSlot",
  "minNoticeMinutes",
  "horizonDays",
  "checkinOpensMinutes",
  "checkinClosesMinutes",
  "maxActiveBookingsPerEmail",
  "retentionDays",
  "proposalHoldHours",
] as const satisfies readonly (keyof OfficeSettings)[];
export type RuleField = (typeof RULE_FIELDS)[number];

/** Allowed range of each rule, for the hint and the `min`/`max` of the field. */
export const RULE_RANGE: Readonly<Record<RuleField, readonly [number, number]>> = {
  slotMinutes: [5, 240],
  seatsPerSlot: [0, 20],
  minNoticeMinutes: [0, 14 * 24 * 60],
  horizonDays: [1, 366],
  checkinOpensMinutes: [0, 240],
  checkinClosesMinutes: [0, 240],
  maxActiveBookingsPerEmail: [1, 20],
  retentionDays: [1, 3650],
  proposalHoldHours: [1, 336],
};

export type RulesDraft = Record<RuleField, string>;

export const ruleFieldId = (field: RuleField) => `rules-${field}`;

export function rulesDraft(office: OfficeSettings): RulesDraft {
  return Object.fromEntries(RULE_FIELDS.map((f) => [f, String(office[f])])) as RulesDraft;
}

/**
 * The page's own check: a whole number, inside the range, slot length on the 5-minute raster. Returns
 * the errors by field id and the changed values (empty when nothing changed).
 */
export function checkRules(draft: RulesDraft, saved: OfficeSettings): { errors: FieldErrors; changes: OfficeSettingsUpdate } {
  const errors: Record<string, FieldProblem> = {};
  const changes: OfficeSettingsUpdate = {};
  for (const f of RULE_FIELDS) {
    const n = wholeNumber(draft[f]);
    const [min, max] = RULE_RANGE[f];
    if (draft[f].trim() === "") errors[ruleFieldId(f)] = { kind: "client", key: "required" };
    else if (n === null) errors[ruleFieldId(f)] = { kind: "client", key: "notANumber" };
    else if (n < min || n > max) errors[ruleFieldId(f)] = { kind: "client", key: "outOfRange" };
    else if (f === "slotMinutes" && n % 5 !== 0) errors[ruleFieldId(f)] = { kind: "client", key: "raster" };
    else if (n !== saved[f]) changes[f] = n;
  }
  return { errors, changes };
}

/** The form field of an API field path (`slotMinutes`), or null for a field this form does not show. */
export function rulesFieldFor(apiField: string): string | null {
  return (RULE_FIELDS as readonly string[]).includes(apiField) ? ruleFieldId(apiField as RuleField) : null;
}

// ---------------------------------------------------------------------------------------------------
// "Büro & Kontakt": name, address and contact as the public pages show them, and what the legal pages
// name (provider, data protection officer, supervisory and enforcement bodies).

export const BASE_FIELDS = ["name", "shortName", "street", "postalCode", "city", "phone", "email"] as const satisfies readonly (keyof OfficeSettings)[];
/** What the legal pages (Impressum, Datenschutz, Barrierefreiheit) are built from. */
export const LEGAL_FIELDS = [
  "providerBody",
  "providerDepartment",
  "providerRepresentative",
  "dpoContact",
  "privacyAuthority",
  "accessibilityEnforcement",
] as const satisfies readonly (keyof OfficeSettings)[];
export const OFFICE_FIELDS = [...BASE_FIELDS, ...LEGAL_FIELDS] as const;
export type BaseField = (typeof BASE_FIELDS)[number];
export type LegalField = (typeof LEGAL_FIELDS)[number];
export type OfficeField = (typeof OFFICE_FIELDS)[number];
export type OfficeDraft = Record<OfficeField, string>;

/** Fields the public pages leave out when empty (the API stores null). */
const OPTIONAL: ReadonlySet<OfficeField> = new Set(["postalCode", "phone", "email", "providerBody", "providerDepartment", "providerRepresentative", "dpoContact"]);
/** Fields of several lines (an address block): a text area. */
export const MULTI_LINE: ReadonlySet<OfficeField> = new Set(["dpoContact", "privacyAuthority", "accessibilityEnforcement"]);
/** The API's maximum lengths (schemas/staff-settings.ts), for `maxLength` on the inputs. */
export const OFFICE_MAX: Readonly<Record<OfficeField, number>> = {
  name: 120,
  shortName: 60,
  street: 120,
  postalCode: 10,
  city: 80,
  phone: 40,
  email: 200,
  providerBody: 200,
  providerDepartment: 200,
  providerRepresentative: 200,
  dpoContact: 1000,
  privacyAuthority: 1000,
  accessibilityEnforcement: 1000,
};

export const officeFieldId = (field: OfficeField) => `office-${field}`;

export function officeDraft(office: OfficeSettings): OfficeDraft {
  return Object.fromEntries(OFFICE_FIELDS.map((f) => [f, office[f] ?? ""])) as OfficeDraft;
}

/** Required fields filled, the address one the API takes; the changed values (empty optional ones as null). */
export function checkOffice(draft: OfficeDraft, saved: OfficeSettings): { errors: FieldErrors; changes: OfficeSettingsUpdate } {
  const errors: Record<string, FieldProblem> = {};
  const changes: Record<string, string | null> = {};
  for (const f of OFFICE_FIELDS) {
    const v = draft[f].trim();
    if (v === "" && !OPTIONAL.has(f)) errors[officeFieldId(f)] = { kind: "client", key: "required" };
    else if (f === "email" && v !== "" && canonicalEmail(v) === null) errors[officeFieldId(f)] = { kind: "client", key: "emailInvalid" };
    else {
      const value = v === "" ? null : v;
      if (value !== saved[f]) changes[f] = value;
    }
  }
  return { errors, changes: changes as OfficeSettingsUpdate };
}

export function officeFieldFor(apiField: string): string | null {
  return (OFFICE_FIELDS as readonly string[]).includes(apiField) ? officeFieldId(apiField as OfficeField) : null;
}
