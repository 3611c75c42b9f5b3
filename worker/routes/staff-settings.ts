import { Hono, type Context } from "hono";
import type { AdminClosureRow, AdminRoomRow, AdminRuleRow, AdminTopicRow, LocationRow } from "../../schemas/rows";
import {
  AuditQuery,
  ClosureCreate,
  ExtraHoursCreate,
  ExtraHoursDelete,
  OfficeSettingsUpdate,
  OpeningHoursUpdate,
  RoomCreate,
  RoomUpdate,
  TopicCreate,
  TopicUpdate,
  type AdminSettings,
  type AuditList,
  type ClosureCreated,
  type ClosureDeleted,
  type ClosureView,
  type ExtraHoursDeleted,
  type ExtraHoursView,
  type OfficeSettings,
  type OfficeSettingsChanged,
  type OpeningHoursChanged,
  type OpeningRuleView,
  type RoomView,
  type TopicView,
} from "../../schemas/staff-settings";
import type { AppEnv, StaffScope } from "../context";
import { staffAudit } from "../auth/audit";
import { latestAuditEvents } from "../db/audit";
import { openingRule } from "../db/locations";
import { closureById, deleteClosure } from "../db/closures";
import {
  allOpeningRules,
  bookingsBeyondSeats,
  insertRoom,
  insertTopic,
  isUniqueViolation,
  loadAdminSettings,
  locationById,
  roomById,
  roomByName,
  topicById,
  topicByKey,
  updateOffice,
  updateRoom,
  updateTopic,
  type OfficeColumns,
  type RoomColumns,
  type TopicColumns,
} from "../db/settings";
import { changedFields } from "../domain/settings";
import { addDays, localDate } from "../../common/time";
import { AppError } from "../errors";
import { staffScopeOf } from "../scope";
import { commit, type Change } from "../services/commit";
import { addClosure, addExtraHours, affectedOutcome, changeOpeningHours, presentExtraHours, removeExtraHours } from "../services/opening-changes";
import { jsonBody, parseInput } from "../validate";
import { compactTexts } from "../../common/texts";

/*
 * Office settings and the audit log for admins: /api/staff/:office/admin/… (requireStaff and
 * requireAdmin are mounted once in app.ts). Every change is stored in one batch with its audit row, then
 * announced live (commitSettings).
 * A closure, new hours or removed extra hours that leave appointments on a closed day or outside the
 * hours list them first, and staff choose to cancel them all in the same change or keep them
 * (services/affected.ts); fewer seats keep every booking, and the answer counts those beyond them.
 */

type Ctx = Context<AppEnv>;

export const staffSettingsRoutes = new Hono<AppEnv>();

/** How far back `GET /admin/settings` lists ended closures and past extra hours. */
const RECENT_CLOSURE_DAYS = 30;

// ---------------------------------------------------------------------------------------------------
// Everything at once

staffSettingsRoutes.get("/admin/settings", async (c) => {
  const location = await currentLocation(c);
  const today = localDate(c.var.deps.now(), location.time_zone);
  const data = await loadAdminSettings(c.env.DB, location.id, today, addDays(today, -RECENT_CLOSURE_DAYS));
  if (!data) throw new AppError("unknown_location", "This office is not set up any more.");
  return c.json({
    office: presentOffice(data.location),
    timezone: data.location.time_zone,
    today,
    openingRules: data.rules.map(presentRule),
    closures: data.closures.map(presentClosure),
    extraHours: data.extraHours.map((e) =>
      presentExtraHours(e, data.closures.find((cl) => cl.first_day <= e.day && e.day <= cl.last_day) ?? null, data.location.holiday_region),
    ),
    topics: data.topics.map(presentTopic),
    rooms: data.rooms.map(presentRoom),
  } satisfies AdminSettings);
});

// ---------------------------------------------------------------------------------------------------
// Office settings

/** API field → column. Text fields are contact data of the office and its legal pages; numbers are booking rules. */
const OFFICE_COLUMNS = {
  name: "name",
  shortName: "short_name",
  street: "street",
  postalCode: "postal_code",
  city: "city",
  phone: "phone",
  email: "email",
  slotMinutes: "slot_minutes",
  seatsPerSlot: "seats_per_slot",
  minNoticeMinutes: "min_notice_minutes",
  horizonDays: "horizon_days",
  checkinOpensMinutes: "checkin_opens_minutes",
  checkinClosesMinutes: "checkin_closes_minutes",
  maxActiveBookingsPerEmail: "max_active_bookings_per_email",
  retentionDays: "retention_days",
  proposalHoldHours: "proposal_hold_hours",
  providerBody: "provider_body",
  providerDepartment: "provider_department",
  providerRepresentative: "provider_representative",
  dpoContact: "dpo_contact",
  privacyAuthority: "privacy_authority",
  accessibilityEnforcement: "accessibility_enforcement",
} as const satisfies Record<keyof OfficeSettings, keyof OfficeColumns>;

staffSettingsRoutes.put("/admin/settings/office", async (c) => {
  const body = parseInput(OfficeSettingsUpdate, await jsonBody(c));
  const location = await currentLocation(c);
  const before = officeColumns(location);
  const after: OfficeColumns = { ...before };
  for (const [field, column] of Object.entries(OFFICE_COLUMNS) as [keyof OfficeSettings, keyof OfficeColumns][]) {
    if (body[field] !== undefined) (after as Record<string, unknown>)[column] = body[field];
  }
  const changed = changedFields(before, after);
  const s = staffScopeOf(c);
  const now = s.deps.now();
  if (Object.keys(changed).length > 0) {
    await commitSettings(s, {
      batch: [
        updateOffice(s.db, location.id, after),
        staffAudit(
          s,
          "settings.office.update",
          { kind: "location", id: location.id },
          // Numbers are rules and are kept as from/to; for contact texts only that they changed (a
          // phone number or address may name a person).
          Object.fromEntries(
            Object.entries(changed).map(([k, v]) => [k, typeof v.to === "number" || typeof v.from === "number" ? v : "changed"]),
          ),
        ),
      ],
    });
  }
  const stored = (await locationById(c.env.DB, location.id))!;
  return c.json({
    office: presentOffice(stored),
    bookingsBeyondSeats: await bookingsBeyondSeats(c.env.DB, location.id, stored.seats_per_slot, now),
  } satisfies OfficeSettingsChanged);
});

// ---------------------------------------------------------------------------------------------------
// Opening hours, closures and extra hours (services/opening-changes.ts): a change that touches
// appointments answers 409 `bookings_affected` with their list until staff say what happens to them.

staffSettingsRoutes.put("/admin/settings/opening-hours", async (c) => {
  const body = parseInput(OpeningHoursUpdate, await jsonBody(c));
  const s = staffScopeOf(c);
  const changed = await changeOpeningHours(s, body);
  const rules = (await allOpeningRules(c.env.DB, s.staff.locationId)).filter((r) => r.valid_until === null || r.valid_until >= changed.validFrom);
  return c.json({ validFrom: changed.validFrom, rules: rules.map(presentRule), ...affectedOutcome(changed, changed.timeZone) } satisfies OpeningHoursChanged);
});

// Closures: admins only for now, as the issue says (a sick colleague may argue for letting all staff).
staffSettingsRoutes.post("/admin/closures", async (c) => {
  const body = parseInput(ClosureCreate, await jsonBody(c));
  return c.json((await addClosure(staffScopeOf(c), body)) satisfies ClosureCreated, 201);
});

staffSettingsRoutes.post("/admin/closures/:id/delete", async (c) => {
  const location = await currentLocation(c);
  const id = idParam(c);
  const closure = id === null ? null : await closureById(c.env.DB, location.id, id);
  if (!closure) throw new AppError("not_found", "There is no such closure.");
  const s = staffScopeOf(c);
  await commitSettings(s, {
    batch: [
      deleteClosure(s.db, location.id, closure.id),
      staffAudit(s, "closure.delete", { kind: "closure", id: closure.id }, { firstDay: closure.first_day, lastDay: closure.last_day }),
    ],
  });
  return c.json({ id: closure.id, deleted: true } satisfies ClosureDeleted);
});

staffSettingsRoutes.post("/admin/extra-hours", async (c) => {
  const body = parseInput(ExtraHoursCreate, await jsonBody(c));
  return c.json((await addExtraHours(staffScopeOf(c), body)) satisfies ExtraHoursView, 201);
});

staffSettingsRoutes.post("/admin/extra-hours/:id/delete", async (c) => {
  const body = parseInput(ExtraHoursDelete, await jsonBody(c));
  return c.json((await removeExtraHours(staffScopeOf(c), idParam(c), body)) satisfies ExtraHoursDeleted);
});

// ---------------------------------------------------------------------------------------------------
// Topics: never deleted (bookings and tickets reference them); `active: false` retires one.

staffSettingsRoutes.post("/admin/topics", async (c) => {
  const body = parseInput(TopicCreate, await jsonBody(c));
  const location = await currentLocation(c);
  const duplicate = () => new AppError("already_exists", `key: there is already a topic '${body.key}'.`, "key");
  if (await topicByKey(c.env.DB, location.id, body.key)) throw duplicate();
  const columns: TopicColumns = {
    label: compactTexts(body.label),
    description: compactTexts(body.description),
    audience: body.audience,
    duration_minutes: body.durationMinutes,
    bookable_online: body.bookableOnline,
    walk_in: body.walkIn,
    icon: body.icon,
    sort_order: body.sort,
    active: body.active,
  };
  const s = staffScopeOf(c);
  try {
    await commitSettings(s, {
      batch: [
        insertTopic(s.db, location.id, body.key, columns),
        staffAudit(s, "topic.create", { kind: "topic", inserted: true }, { key: body.key, ...columns }),
      ],
    });
  } catch (error) {
    // Two admins adding the same key at once: the second gets the same answer as if it came later.
    if (isUniqueViolation(error, "topics")) throw duplicate();
    throw error;
  }
  return c.json(presentTopic((await topicByKey(c.env.DB, location.id, body.key))!) satisfies TopicView, 201);
});

staffSettingsRoutes.put("/admin/topics/:id", async (c) => {
  const location = await currentLocation(c);
  const id = idParam(c);
  const topic = id === null ? null : await topicById(c.env.DB, location.id, id);
  if (!topic) throw new AppError("not_found", "There is no such topic.");
  const body = parseInput(TopicUpdate, await jsonBody(c));
  const { id: _id, key, ...before } = topic;
  const after: TopicColumns = {
    label: body.label ? compactTexts(body.label) : before.label,
    description: body.description ? compactTexts(body.description) : before.description,
    audience: body.audience ?? before.audience,
    duration_minutes: body.durationMinutes ?? before.duration_minutes,
    bookable_online: body.bookableOnline ?? before.bookable_online,
    walk_in: body.walkIn ?? before.walk_in,
    icon: body.icon ?? before.icon,
    sort_order: body.sort ?? before.sort_order,
    active: body.active ?? before.active,
  };
  const changed = changedFields(before, after);
  if (Object.keys(changed).length > 0) {
    // Existing bookings keep their times and seats; a new duration applies to new bookings only.
    const s = staffScopeOf(c);
    await commitSettings(s, {
      batch: [updateTopic(s.db, location.id, topic.id, after), staffAudit(s, "topic.update", { kind: "topic", id: topic.id }, { key, ...changed })],
    });
  }
  return c.json(presentTopic((await topicById(c.env.DB, location.id, topic.id))!) satisfies TopicView);
});

// ---------------------------------------------------------------------------------------------------
// Rooms: never deleted (calls reference them); `active: false` takes one out of use.

staffSettingsRoutes.post("/admin/rooms", async (c) => {
  const body = parseInput(RoomCreate, await jsonBody(c));
  const location = await currentLocation(c);
  const duplicate = () => new AppError("already_exists", `name: there is already a room '${body.name}'.`, "name");
  if (await roomByName(c.env.DB, location.id, body.name)) throw duplicate();
  const columns: RoomColumns = { name: body.name, sort_order: body.sort, active: body.active };
  const s = staffScopeOf(c);
  try {
    await commitSettings(s, {
      batch: [insertRoom(s.db, location.id, columns), staffAudit(s, "room.create", { kind: "room", inserted: true }, { ...columns })],
    });
  } catch (error) {
    if (isUniqueViolation(error, "rooms")) throw duplicate();
    throw error;
  }
  return c.json(presentRoom((await roomByName(c.env.DB, location.id, body.name))!) satisfies RoomView, 201);
});

staffSettingsRoutes.put("/admin/rooms/:id", async (c) => {
  const location = await currentLocation(c);
  const id = idParam(c);
  const room = id === null ? null : await roomById(c.env.DB, location.id, id);
  if (!room) throw new AppError("not_found", "There is no such room.");
  const body = parseInput(RoomUpdate, await jsonBody(c));
  const { id: _id, ...before } = room;
  const after: RoomColumns = { name: body.name ?? before.name, sort_order: body.sort ?? before.sort_order, active: body.active ?? before.active };
  const duplicate = () => new AppError("already_exists", `name: there is already a room '${after.name}'.`, "name");
  if (after.name !== before.name && (await roomByName(c.env.DB, location.id, after.name))) throw duplicate();
  const changed = changedFields(before, after);
  if (Object.keys(changed).length > 0) {
    const s = staffScopeOf(c);
    try {
      await commitSettings(s, {
        batch: [updateRoom(s.db, location.id, room.id, after), staffAudit(s, "room.update", { kind: "room", id: room.id }, changed)],
      });
    } catch (error) {
      if (isUniqueViolation(error, "rooms")) throw duplicate();
      throw error;
    }
  }
  return c.json(presentRoom((await roomById(c.env.DB, location.id, room.id))!) satisfies RoomView);
});

// ---------------------------------------------------------------------------------------------------
// Audit log

staffSettingsRoutes.get("/admin/audit", async (c) => {
  const { limit } = parseInput(AuditQuery, c.req.query());
  const rows = await latestAuditEvents(c.env.DB, c.var.staff.locationId, limit);
  return c.json({
    events: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name },
      action: r.action,
      subject: { kind: r.subject_kind, id: r.subject_id },
      detail: parseDetail(r.detail),
    })),
  } satisfies AuditList);
});

// ---------------------------------------------------------------------------------------------------

/** The signed-in admin's office (the guard checked it matches the path). */
async function currentLocation(c: Ctx): Promise<LocationRow> {
  const location = await locationById(c.env.DB, c.var.staff.locationId);
  if (!location) throw new AppError("unknown_location", "This office is not set up any more.");
  return location;
}

/**
 * Commits a settings change with its audit row. No mail goes out; boards and devices hear that the
 * office's settings (hours, closures, topics, rooms) changed, and reload them.
 */
function commitSettings<R = D1Result[]>(s: StaffScope, change: Omit<Change<R>, "mail" | "live">) {
  return commit(s, { ...change, mail: false, live: { office: s.staff.office, changes: ["settings"] } });
}

/** The numeric `:id` of the path, or null when it is none (answered as 404 like an unknown id). */
function idParam(c: Ctx): number | null {
  const id = c.req.param("id") ?? "";
  return /^[1-9]\d{0,15}$/.test(id) ? Number(id) : null;
}

function parseDetail(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { text };
  }
}

function officeColumns(l: LocationRow): OfficeColumns {
  return {
    name: l.name,
    short_name: l.short_name,
    street: l.street,
    postal_code: l.postal_code,
    city: l.city,
    phone: l.phone,
    email: l.email,
    slot_minutes: l.slot_minutes,
    seats_per_slot: l.seats_per_slot,
    min_notice_minutes: l.min_notice_minutes,
    horizon_days: l.horizon_days,
    checkin_opens_minutes: l.checkin_opens_minutes,
    checkin_closes_minutes: l.checkin_closes_minutes,
    max_active_bookings_per_email: l.max_active_bookings_per_email,
    retention_days: l.retention_days,
    proposal_hold_hours: l.proposal_hold_hours,
    provider_body: l.provider_body,
    provider_department: l.provider_department,
    provider_representative: l.provider_representative,
    dpo_contact: l.dpo_contact,
    privacy_authority: l.privacy_authority,
    accessibility_enforcement: l.accessibility_enforcement,
  };
}

function presentOffice(l: LocationRow): OfficeSettings {
  const columns = officeColumns(l);
  return Object.fromEntries(
    Object.entries(OFFICE_COLUMNS).map(([field, column]) => [field, columns[column]]),
  ) as OfficeSettings;
}

function ruleText(r: AdminRuleRow): string {
  return `${r.weekday} ${r.opens}-${r.closes} from ${r.valid_from}`;
}

function presentRule(r: AdminRuleRow): OpeningRuleView {
  return { id: r.id, ...openingRule(r) };
}

function presentClosure(r: AdminClosureRow): ClosureView {
  return { id: r.id, firstDay: r.first_day, lastDay: r.last_day, reason: r.reason };
}

function presentTopic(t: AdminTopicRow): TopicView {
  return {
    id: t.id,
    key: t.key,
    label: t.label,
    description: t.description,
    audience: t.audience,
    durationMinutes: t.duration_minutes,
    bookableOnline: t.bookable_online,
    walkIn: t.walk_in,
    icon: t.icon,
    sort: t.sort_order,
    active: t.active,
  };
}

function presentRoom(r: AdminRoomRow): RoomView {
  return { id: r.id, name: r.name, sort: r.sort_order, active: r.active };
}
