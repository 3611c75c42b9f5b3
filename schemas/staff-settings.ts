import { z } from "zod";
import { ClosingTime, ErrorBody, LocalDate, LocalTime, OffsetDateTime, Texts, UtcInstant } from "./common";
import { emailOr, multiLine, singleLine } from "./fields";
import { Audience, TopicKey } from "./location";

/*
 * Admin settings and devices: `/api/staff/:office/admin/…` (admins of that office only).
 * Requests are strict (an unknown field is a 400 naming it), so a typo never silently does nothing.
 * The limits here are the API's; they sit inside the database CHECKs, so the database never refuses.
 */

// ---------------------------------------------------------------------------------------------------
// Office settings

const text = (max: number) => singleLine(max).min(1, "must not be empty");
const optionalText = (max: number) =>
  singleLine(max)
    .nullable()
    .transform((v) => (v === "" ? null : v));
const minutes = (min: number, max: number) => z.number().int().min(min).max(max);
/** Several lines (an address block), required. */
const block = (max: number) => multiLine(max).min(1, "must not be empty");
/** Several lines, or empty / null: not configured (the legal pages then leave the line out). */
const optionalBlock = (max: number) =>
  multiLine(max)
    .nullable()
    .transform((v) => (v === "" ? null : v));

/** The office's contact data and booking rules, as stored; every field editable by admins. */
export const OfficeSettings = z.object({
  name: text(120),
  shortName: text(60),
  street: text(120),
  /** null: not shown. */
  postalCode: optionalText(10),
  city: text(80),
  phone: optionalText(40),
  email: emailOr(null).nullable(),
  /** Length of a bookable slot in minutes: 5 to 240, a multiple of 5 (the seat raster). */
  slotMinutes: minutes(5, 240).refine((v) => v % 5 === 0, "must be a multiple of 5"),
  /** Appointments that may run at once per slot; 0 stops online booking without closing the office. */
  seatsPerSlot: minutes(0, 20),
  /** How long before its start a slot can still be booked online (up to 14 days). */
  minNoticeMinutes: minutes(0, 14 * 24 * 60),
  /** How many days ahead slots are offered. */
  horizonDays: minutes(1, 366),
  /** Check-in at the kiosk opens this many minutes before the appointment … */
  checkinOpensMinutes: minutes(0, 240),
  /** … and closes this many minutes after its start. */
  checkinClosesMinutes: minutes(0, 240),
  maxActiveBookingsPerEmail: minutes(1, 20),
  /** Days after an appointment until its personal data is erased. */
  retentionDays: minutes(1, 3650),
  /**
   * Hours a resident has to answer times staff propose for a request (their seats are held until then,
   * never past the earliest time minus the minimum notice). Up to two weeks.
   */
  proposalHoldHours: minutes(1, 336),
  // The legal pages (Impressum, Datenschutz, Barrierefreiheit); null: not configured, the line is left out.
  /** The public body that runs the office, e.g. "Stadt Kempten (Allgäu)". */
  providerBody: optionalText(200),
  /** Its department, e.g. "Amt für Wirtschaft und Stadtentwicklung". */
  providerDepartment: optionalText(200),
  /** Who represents the body (e.g. the mayor), where it should be named. */
  providerRepresentative: optionalText(200),
  /** The data protection officer's contact, several lines; a Bavarian public body must name one. */
  dpoContact: optionalBlock(1000),
  /** The supervisory authority for complaints (Art. 77 DSGVO), several lines. */
  privacyAuthority: block(1000),
  /** The enforcement body for digital accessibility, several lines. */
  accessibilityEnforcement: block(1000),
});
export type OfficeSettings = z.infer<typeof OfficeSettings>;

/** `PUT /admin/settings/office`: any subset of the settings, at least one. */
export const OfficeSettingsUpdate = OfficeSettings.partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "give at least one setting to change");
export type OfficeSettingsUpdate = z.infer<typeof OfficeSettingsUpdate>;

/** Answer of `PUT /admin/settings/office`. */
export const OfficeSettingsChanged = z.object({
  office: OfficeSettings,
  /**
   * Upcoming appointments holding a seat beyond `seatsPerSlot` (after lowering it). They are kept; new
   * bookings see the lower number. 0 when seats were not lowered below what is booked.
   */
  bookingsBeyondSeats: z.number().int().nonnegative(),
});
export type OfficeSettingsChanged = z.infer<typeof OfficeSettingsChanged>;

// ---------------------------------------------------------------------------------------------------
// Appointments a change of days or hours touches

/**
 * An active appointment (confirmed or checked in) that a closure, a change of hours or removed extra
 * hours would leave on a closed day or outside the hours. Staff see it in the change's dialog; `day`
 * (local) opens the board on it (`/staff/?day=YYYY-MM-DD&view=appointments`).
 */
export const AffectedBooking = z.object({
  id: z.string(),
  day: LocalDate,
  start: OffsetDateTime,
  end: OffsetDateTime,
  /** `checked_in`: the person is in the office with a queue number; a "cancel all" leaves it to staff. */
  status: z.enum(["confirmed", "checked_in"]),
  name: z.string(),
  topic: Texts,
  code: z.string(),
  /** Whether the person has an address, so a cancel sends them a mail with the cancel invite. */
  mail: z.boolean(),
  /** To call the person, above all one without an address. */
  phone: z.string().nullable(),
});
export type AffectedBooking = z.infer<typeof AffectedBooking>;

/**
 * A time proposed for a request "nach Vereinbarung", still open (its seats held until `holdUntil`), that
 * a closure covers or a change of hours leaves outside them. "… und alle absagen" withdraws it (the
 * resident gets a mail saying which times went and which are still open); "Nur …" keeps it, and `day`
 * opens the board on it (`/staff/?day=YYYY-MM-DD`).
 */
export const AffectedProposal = z.object({
  id: z.string(),
  /** The request it was proposed for. */
  requestId: z.string(),
  day: LocalDate,
  start: OffsetDateTime,
  end: OffsetDateTime,
  /** Until when the resident may answer. */
  holdUntil: OffsetDateTime,
  name: z.string(),
  topic: Texts,
  /** Whether the person has an address, so a withdrawal sends them a mail. */
  mail: z.boolean(),
  phone: z.string().nullable(),
});
export type AffectedProposal = z.infer<typeof AffectedProposal>;

/**
 * The most appointments and proposed times one decision names (together): their ids fit the 16 KB
 * request body (worker/middleware.ts). A change touching more is made in smaller steps (fewer days at a
 * time).
 */
export const MAX_DECIDED_BOOKINGS = 300;

const DecidedIds = z.array(z.string().min(1).max(64)).max(MAX_DECIDED_BOOKINGS).default([]);

/**
 * What happens to the appointments and open proposed times a change touches, as staff decided on the
 * list they were shown: `cancel` all of them (`ids` and `proposals`: that list; one batch with the
 * change: each appointment cancelled with a mail giving the reason and a link to book again, each
 * proposed time withdrawn with a mail to the resident), or `keep` them to handle one by one on the board.
 * Without it, a change that touches any is refused with 409 `bookings_affected` and the list
 * (`BookingsAffectedError`); so is a `cancel` whose list is out of date (an appointment booked, moved or
 * cancelled, a time proposed, answered or withdrawn meanwhile), with the new list.
 */
export const BookingsDecision = z
  .object({ action: z.enum(["cancel", "keep"]), ids: DecidedIds, proposals: DecidedIds })
  .strict()
  .refine((d) => d.ids.length + d.proposals.length <= MAX_DECIDED_BOOKINGS, {
    message: `names at most ${MAX_DECIDED_BOOKINGS} appointments and proposed times together; make the change in smaller steps`,
    path: ["proposals"],
  });
export type BookingsDecision = z.input<typeof BookingsDecision>;

/** The 409 `bookings_affected`: the appointments and open proposed times the change touches, as they are now. */
export const BookingsAffectedError = ErrorBody.extend({
  error: ErrorBody.shape.error.extend({
    code: z.literal("bookings_affected"),
    details: z.object({ bookings: z.array(AffectedBooking), proposals: z.array(AffectedProposal) }),
  }),
});
export type BookingsAffectedError = z.infer<typeof BookingsAffectedError>;

/** What a change did to the appointments and proposed times it touched (the answers of closures, hours and extra hours). */
const AffectedOutcome = {
  /** The touched appointments still active after the change: all when kept; the checked-in ones when cancelled. */
  bookings: z.array(AffectedBooking),
  /** The touched proposed times still open after the change: all when kept, none when cancelled. */
  proposals: z.array(AffectedProposal),
  /** How many appointments were cancelled, and how many proposed times withdrawn. */
  cancelled: z.number().int().nonnegative(),
  withdrawn: z.number().int().nonnegative(),
  /** How many mails went to the people concerned: one per cancelled appointment and one per request whose times were withdrawn, if they have an address. */
  mailed: z.number().int().nonnegative(),
};

// ---------------------------------------------------------------------------------------------------
// Opening hours

/** A time on the 5-minute raster that seats are held on. */
const onRaster = (t: string) => /[05]$/.test(t);
const RasterTime = LocalTime.refine(onRaster, "must be on the 5-minute raster (e.g. 09:05)");
const RasterClosingTime = ClosingTime.refine(onRaster, "must be on the 5-minute raster (e.g. 17:30)");

/** One weekly opening span in a change of the hours (ISO weekday, 1 = Monday). */
export const OpeningRuleInput = z
  .object({ weekday: z.number().int().min(1).max(7), opens: RasterTime, closes: RasterClosingTime })
  .strict()
  .refine((r) => r.opens < r.closes, { message: "must be after opens", path: ["closes"] });
export type OpeningRuleInput = z.infer<typeof OpeningRuleInput>;

/**
 * `PUT /admin/settings/opening-hours`: the weekly hours from `validFrom` (a local day, today or later;
 * default today) on. The rules before stay as they were for the days before, so past days keep their hours.
 * An empty list means: open by arrangement only. Future appointments the new hours leave outside them
 * (inside the hours before, inside none after) need `bookings` (see BookingsDecision).
 */
export const OpeningHoursUpdate = z
  .object({ validFrom: LocalDate.optional(), rules: z.array(OpeningRuleInput).max(50), bookings: BookingsDecision.optional() })
  .strict()
  .superRefine((v, ctx) => {
    const sorted = v.rules.map((r, i) => ({ ...r, i })).sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
    for (let k = 1; k < sorted.length; k++) {
      const prev = sorted[k - 1]!;
      const cur = sorted[k]!;
      if (prev.weekday === cur.weekday && cur.opens < prev.closes) {
        ctx.addIssue({ code: "custom", message: `overlaps ${prev.opens}–${prev.closes} on the same weekday`, path: ["rules", cur.i, "opens"] });
        return;
      }
    }
  });
export type OpeningHoursUpdate = z.input<typeof OpeningHoursUpdate>;

/** A stored weekly rule with its validity (local days, inclusive; validUntil null: open-ended). */
export const OpeningRuleView = z.object({
  id: z.number().int(),
  weekday: z.number().int().min(1).max(7),
  opens: LocalTime,
  closes: ClosingTime,
  validFrom: LocalDate,
  validUntil: LocalDate.nullable(),
});
export type OpeningRuleView = z.infer<typeof OpeningRuleView>;

/** Answer of `PUT /admin/settings/opening-hours`. */
export const OpeningHoursChanged = z.object({
  validFrom: LocalDate,
  /** Every rule in force on `validFrom` or later. */
  rules: z.array(OpeningRuleView),
  ...AffectedOutcome,
});
export type OpeningHoursChanged = z.infer<typeof OpeningHoursChanged>;

// ---------------------------------------------------------------------------------------------------
// Closures

/** `POST /admin/closures`: days the office is closed (local, inclusive), with a reason shown to the public. */
export const ClosureCreate = z
  .object({
    firstDay: LocalDate,
    lastDay: LocalDate,
    reasonDe: text(200),
    /** Empty or missing: the public pages show the German reason (marked as German) in English too. */
    reasonEn: singleLine(200).default(""),
    /** The other resident languages, each optional; empty or missing: German stands in, as for English. */
    reasonTr: singleLine(200).optional(),
    reasonRu: singleLine(200).optional(),
    reasonUk: singleLine(200).optional(),
    reasonAr: singleLine(200).optional(),
    /** What happens to the appointments on these days (needed when there are some; see BookingsDecision). */
    bookings: BookingsDecision.optional(),
  })
  .strict()
  .refine((v) => v.firstDay <= v.lastDay, { message: "must not be before firstDay", path: ["lastDay"] });
export type ClosureCreate = z.input<typeof ClosureCreate>;

type Suffix = "De" | "En" | "Tr" | "Ru" | "Uk" | "Ar";
const SUFFIX: Record<Suffix, keyof Texts> = { De: "de", En: "en", Tr: "tr", Ru: "ru", Uk: "uk", Ar: "ar" };

/**
 * One text of a request that names it in flat fields, `reasonDe`, `reasonEn`, … (closures, extra hours),
 * as Texts: German, and every other language given (blank ones are dropped when stored).
 */
export function textsOf<P extends string>(body: { [K in `${P}De`]: string } & { [K in `${P}${Exclude<Suffix, "De">}`]?: string }, prefix: P): Texts {
  const fields = body as Record<string, string | undefined>;
  const out: Texts = { de: fields[`${prefix}De`] ?? "" };
  for (const [suffix, locale] of Object.entries(SUFFIX)) {
    const value = fields[`${prefix}${suffix}`];
    if (locale !== "de" && value !== undefined) out[locale] = value;
  }
  return out;
}

export const ClosureView = z.object({
  id: z.number().int(),
  firstDay: LocalDate,
  lastDay: LocalDate,
  reason: Texts,
});
export type ClosureView = z.infer<typeof ClosureView>;

/** Answer of `POST /admin/closures` (201). */
export const ClosureCreated = ClosureView.extend(AffectedOutcome);
export type ClosureCreated = z.infer<typeof ClosureCreated>;

/** The 409 `closure_overlap`: the closure already entered on one of the days. */
export const ClosureOverlapError = ErrorBody.extend({
  error: ErrorBody.shape.error.extend({ code: z.literal("closure_overlap"), details: z.object({ closure: ClosureView }) }),
});

// ---------------------------------------------------------------------------------------------------
// One-day extra hours ("Sondertermin")

/** Extra hours as stored and shown: a local day, its span, the note to the public. */
export const ExtraHoursView = z.object({
  id: z.number().int(),
  day: LocalDate,
  opens: LocalTime,
  closes: ClosingTime,
  note: Texts,
  /** A public holiday or a closure on that day wins: then these hours are not offered (null: they are). */
  overruledBy: z.enum(["holiday", "closure"]).nullable(),
});
export type ExtraHoursView = z.infer<typeof ExtraHoursView>;

/**
 * `POST /admin/extra-hours`: the office opens on `day` (today or later, within a year) from `opens` to
 * `closes` (5-minute raster), bookable online like the weekly hours unless a public holiday or a
 * closure falls on it. Another span of the same day must not overlap it (409 `extra_hours_overlap`).
 */
export const ExtraHoursCreate = z
  .object({
    day: LocalDate,
    opens: RasterTime,
    closes: RasterClosingTime,
    /** Shown to the public with the day, e.g. "Abendsprechstunde für Firmen"; may be empty. */
    noteDe: singleLine(200).default(""),
    /** Empty: the German note is shown (marked as German) in English too. */
    noteEn: singleLine(200).default(""),
    /** The other resident languages, each optional; empty or missing: German stands in. */
    noteTr: singleLine(200).optional(),
    noteRu: singleLine(200).optional(),
    noteUk: singleLine(200).optional(),
    noteAr: singleLine(200).optional(),
  })
  .strict()
  .refine((v) => v.opens < v.closes, { message: "must be after opens", path: ["closes"] });
export type ExtraHoursCreate = z.input<typeof ExtraHoursCreate>;

/** `POST /admin/extra-hours/:id/delete`: appointments in the hours that go need a decision, as for a change of hours. */
export const ExtraHoursDelete = z.object({ bookings: BookingsDecision.optional() }).strict();
export type ExtraHoursDelete = z.input<typeof ExtraHoursDelete>;

/** Answer of `POST /admin/extra-hours/:id/delete`. */
export const ExtraHoursDeleted = z.object({ id: z.number().int(), deleted: z.literal(true), ...AffectedOutcome });
export type ExtraHoursDeleted = z.infer<typeof ExtraHoursDeleted>;

/** Answer of `POST /admin/closures/:id/delete`. */
export const ClosureDeleted = z.object({ id: z.number().int(), deleted: z.literal(true) });
export type ClosureDeleted = z.infer<typeof ClosureDeleted>;

// ---------------------------------------------------------------------------------------------------
// Topics

const Icon = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, "expected an icon name such as 'chat'");
/**
 * A topic's name as admins write it: German required, English as before (empty: German stands in), the
 * other resident languages optional. Strict: an unknown language is a 400 naming it (`label.fr`).
 */
const Label = z
  .object({
    de: text(120),
    en: singleLine(120),
    tr: singleLine(120).optional(),
    ru: singleLine(120).optional(),
    uk: singleLine(120).optional(),
    ar: singleLine(120).optional(),
  })
  .strict();
/** Shown under the topic on the booking page, where its line breaks are kept; languages as Label. */
const Description = z
  .object({
    de: multiLine(1000),
    en: multiLine(1000),
    tr: multiLine(1000).optional(),
    ru: multiLine(1000).optional(),
    uk: multiLine(1000).optional(),
    ar: multiLine(1000).optional(),
  })
  .strict();

/** A topic with everything admins can set. */
export const TopicView = z.object({
  id: z.number().int(),
  key: TopicKey,
  label: Texts,
  description: Texts,
  audience: Audience,
  durationMinutes: z.number().int(),
  bookableOnline: z.boolean(),
  walkIn: z.boolean(),
  icon: z.string(),
  sort: z.number().int(),
  /** Inactive topics are hidden from residents, kiosks and new bookings; existing bookings keep them. */
  active: z.boolean(),
});
export type TopicView = z.infer<typeof TopicView>;

const topicFields = {
  label: Label,
  description: Description,
  audience: Audience,
  /** 5 to 480 minutes, a multiple of 5. */
  durationMinutes: minutes(5, 480).refine((v) => v % 5 === 0, "must be a multiple of 5"),
  bookableOnline: z.boolean(),
  walkIn: z.boolean(),
  icon: Icon,
  sort: z.number().int().min(-10_000).max(10_000),
  active: z.boolean(),
};

/** `POST /admin/topics`: a new topic; its key is fixed for good (links and bookings use it). */
export const TopicCreate = z
  .object({
    key: TopicKey,
    ...topicFields,
    description: Description.default({ de: "", en: "" }),
    bookableOnline: z.boolean().default(true),
    walkIn: z.boolean().default(true),
    icon: Icon.default("chat"),
    sort: topicFields.sort.default(0),
    active: z.boolean().default(true),
  })
  .strict();
export type TopicCreate = z.input<typeof TopicCreate>;

/** `PUT /admin/topics/:id`: any subset of the fields except `key` (immutable); `active: false` retires it. */
export const TopicUpdate = z
  .object(topicFields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "give at least one field to change");
export type TopicUpdate = z.infer<typeof TopicUpdate>;

// ---------------------------------------------------------------------------------------------------
// Rooms

export const RoomView = z.object({
  id: z.number().int(),
  name: z.string(),
  sort: z.number().int(),
  /** Inactive rooms are not offered for calls; past calls keep them. */
  active: z.boolean(),
});
export type RoomView = z.infer<typeof RoomView>;

const roomFields = { name: text(60), sort: z.number().int().min(-10_000).max(10_000), active: z.boolean() };

/** `POST /admin/rooms`. */
export const RoomCreate = z
  .object({ ...roomFields, sort: roomFields.sort.default(0), active: z.boolean().default(true) })
  .strict();
export type RoomCreate = z.input<typeof RoomCreate>;

/** `PUT /admin/rooms/:id`: rename, reorder, (de)activate. */
export const RoomUpdate = z
  .object(roomFields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "give at least one field to change");
export type RoomUpdate = z.infer<typeof RoomUpdate>;

// ---------------------------------------------------------------------------------------------------
// Everything in one answer

/** `GET /admin/settings`: everything an admin can edit. */
export const AdminSettings = z.object({
  office: OfficeSettings,
  /** The office's time zone; days and times below are local to it. */
  timezone: z.string(),
  /** Today in that zone, so a page can tell past from upcoming without its own clock. */
  today: LocalDate,
  /** Rules in force today or later (history before today is kept in the database, not shown). */
  openingRules: z.array(OpeningRuleView),
  /** Closures that ended at most 30 days ago, and all upcoming ones, earliest first. */
  closures: z.array(ClosureView),
  /** Extra hours of at most 30 days ago and all upcoming ones, by day and time. */
  extraHours: z.array(ExtraHoursView),
  /** All topics, inactive included, in display order. */
  topics: z.array(TopicView),
  /** All rooms, inactive included, in display order. */
  rooms: z.array(RoomView),
});
export type AdminSettings = z.infer<typeof AdminSettings>;

// ---------------------------------------------------------------------------------------------------
// Devices

export const DeviceKind = z.enum(["kiosk", "display"]);
export type DeviceKind = z.infer<typeof DeviceKind>;

export const DeviceView = z.object({
  id: z.string(),
  kind: DeviceKind,
  label: z.string(),
  createdAt: UtcInstant,
  pairedAt: UtcInstant.nullable(),
  lastSeenAt: UtcInstant.nullable(),
  revokedAt: UtcInstant.nullable(),
  /** A pairing code is waiting to be typed in on the device (the code itself is shown only once). */
  pendingPairing: z.object({ expiresAt: UtcInstant, expired: z.boolean() }).nullable(),
  /** pending: code issued; paired: working; expired: code ran out unused; revoked: token stopped. */
  state: z.enum(["pending", "paired", "expired", "revoked"]),
});
export type DeviceView = z.infer<typeof DeviceView>;

export const DeviceList = z.object({ devices: z.array(DeviceView) });
export type DeviceList = z.infer<typeof DeviceList>;

/** `POST /admin/devices`: a new kiosk or display awaiting pairing. */
export const DeviceCreate = z.object({ kind: DeviceKind, label: text(60) }).strict();
export type DeviceCreate = z.infer<typeof DeviceCreate>;

/** Answer of `POST /admin/devices` (201): the one-time code; type it in at /kiosk or /display. */
export const DeviceCreated = z.object({
  id: z.string(),
  kind: DeviceKind,
  label: z.string(),
  code: z.string(),
  expiresAt: UtcInstant,
});
export type DeviceCreated = z.infer<typeof DeviceCreated>;

// ---------------------------------------------------------------------------------------------------
// Audit log

/** `GET /admin/audit?limit=` (1 to 200, default 50). */
export const AuditQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();

export const AuditEventView = z.object({
  id: z.number().int(),
  at: UtcInstant,
  actor: z.object({
    kind: z.enum(["staff", "device", "system", "public"]),
    id: z.string().nullable(),
    /** A staff member's name (colleagues see who changed what); null for others. */
    name: z.string().nullable(),
  }),
  action: z.string(),
  subject: z.object({ kind: z.string().nullable(), id: z.string().nullable() }),
  /** What changed, as stored (JSON object), or null. */
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditList = z.object({ events: z.array(AuditEventView) });
export type AuditList = z.infer<typeof AuditList>;
