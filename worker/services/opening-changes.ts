import type { z } from "zod";
import type { AdminClosureRow, AdminExtraHoursRow } from "../../schemas/rows";
import type {
  ClosureCreate,
  ClosureCreated,
  ExtraHoursCreate,
  ExtraHoursDelete,
  ExtraHoursDeleted,
  ExtraHoursView,
  OpeningHoursUpdate,
} from "../../schemas/staff-settings";
import { textsOf } from "../../schemas/staff-settings";
import { staffAudit } from "../auth/audit";
import type { StaffScope } from "../context";
import { affectedUnchanged, insertClosure, isClosureOverlap, overlappingClosure, touchedBetween } from "../db/closures";
import { deleteExtraHours, extraHoursBetween, extraHoursById, insertExtraHours, isExtraHoursOverlap } from "../db/extra-hours";
import { extraSpan, loadLocation, openingRule, type LocationData } from "../db/locations";
import { allOpeningRules, replaceOpeningRules } from "../db/settings";
import { holidayOn, isHolidayRegion } from "../domain/holidays";
import { bookingsPutOutside, daysWindow, rulesAfterChange, type Hours } from "../domain/settings";
import { addDays, daysBetween, localDate } from "../../common/time";
import { compactTexts, textOr } from "../../common/texts";
import { AppError } from "../errors";
import { closureMessage, hoursChangedMessage } from "../mail/compose";
import { commitAffecting, presentAffected, presentAffectedProposals, type AffectingChange, type AffectingOutcome } from "./affected";
import { commit } from "./commit";

/*
 * Changes to when an office is open: closures, the weekly hours, one-day extra hours ("Sondertermin").
 * A change that leaves appointments or open proposed times on a closed day or outside the hours lists
 * them and is finished by services/affected.ts (cancel and withdraw all in the same batch, or keep them
 * for staff to handle one by one).
 * Every change is audited; the schedule version moves by trigger (migrations 0006, 0007).
 */

/** The longest closure in one go; longer is a typo more often than a plan. */
export const MAX_CLOSURE_DAYS = 366;
/** How far ahead extra hours may be set: a year, as a closure. */
export const MAX_EXTRA_HOURS_DAYS = 366;

type Parsed<T extends z.ZodType> = z.output<T>;

/**
 * Closes the office on local days `firstDay`…`lastDay`. Refused (409 `closure_overlap`, naming it) when
 * another closure of the office shares a day with it: checked first for a plain answer, and by the
 * INSERT itself (migration 0007) against two admins at once. The active appointments and open proposals
 * on those days (from now on) are the list of the change (services/affected.ts); once the closure is
 * stored, no seat can be taken or held on its days any more.
 */
export async function addClosure(s: StaffScope, body: Parsed<typeof ClosureCreate>): Promise<ClosureCreated> {
  const office = await officeOf(s);
  const { location } = office;
  const now = s.deps.now();
  const today = localDate(now, location.time_zone);
  if (body.lastDay < today) throw new AppError("invalid_request", `lastDay: a closure must not end before today (${today}).`, "lastDay");
  if (daysBetween(body.firstDay, body.lastDay) >= MAX_CLOSURE_DAYS) {
    throw new AppError("invalid_request", `lastDay: a closure lasts at most ${MAX_CLOSURE_DAYS} days.`, "lastDay");
  }
  const existing = await overlappingClosure(s.db, location.id, body.firstDay, body.lastDay);
  if (existing) throw closureOverlap(existing);

  const window = daysWindow(body.firstDay, body.lastDay, location.time_zone);
  // Appointments that have begun are what happened that day, not what the closure touches.
  const from = window.from > now ? window.from : now;
  const read = () => touchedBetween(s.db, location.id, from, window.until, now);
  const { bookings, proposals } = await read();
  const reason = compactTexts(textsOf(body, "reason"));
  let outcome: AffectingOutcome;
  try {
    outcome = await commitAffecting(s, {
      office,
      affected: { bookings, proposals },
      guard: affectedUnchanged(s.db, { locationId: location.id, bookings, proposals, now, between: { from, until: window.until } }),
      writes: [
        insertClosure(s.db, { locationId: location.id, firstDay: body.firstDay, lastDay: body.lastDay, reason, from: window.from, until: window.until, staffId: s.staff.id, now }),
        staffAudit(s, "closure.create", { kind: "closure", inserted: true }, {
          firstDay: body.firstDay,
          lastDay: body.lastDay,
          affectedBookings: bookings.length,
          affectedProposals: proposals.length,
          bookings: body.bookings?.action ?? null,
        }),
      ],
      decision: body.bookings,
      message: (locale) => closureMessage(locale, reason),
      cause: "closure",
      reread: read,
    });
  } catch (error) {
    // Another admin entered an overlapping closure at the same moment: named as if it had come first.
    if (isClosureOverlap(error)) {
      const first = await overlappingClosure(s.db, location.id, body.firstDay, body.lastDay);
      if (first) throw closureOverlap(first);
    }
    throw error;
  }
  return {
    id: outcome.written[0]!.meta.last_row_id,
    firstDay: body.firstDay,
    lastDay: body.lastDay,
    reason,
    ...affectedOutcome(outcome, location.time_zone),
  };
}

/** The refusal of a closure that shares a day with `existing`, which it names (days and reason). */
function closureOverlap(existing: AdminClosureRow): AppError {
  const days = existing.first_day === existing.last_day ? existing.first_day : `${existing.first_day} – ${existing.last_day}`;
  return new AppError(
    "closure_overlap",
    `firstDay: these days overlap the closure ${days} ("${existing.reason.de}"). Delete or change that one first, or choose other days.`,
    "firstDay",
    {},
    { closure: { id: existing.id, firstDay: existing.first_day, lastDay: existing.last_day, reason: existing.reason } },
  );
}

/**
 * Replaces the weekly hours from local day `validFrom` on (db/settings.ts `replaceOpeningRules`). The
 * change's list is the future appointments it puts outside the hours: inside them under the current
 * hours, inside none under the new ones (extra hours counted on both sides), so unchanged hours list none.
 */
export async function changeOpeningHours(
  s: StaffScope,
  body: Parsed<typeof OpeningHoursUpdate>,
): Promise<AffectingOutcome & { validFrom: string; timeZone: string }> {
  const office = await officeOf(s);
  const { location } = office;
  const tz = location.time_zone;
  const now = s.deps.now();
  const today = localDate(now, tz);
  const validFrom = body.validFrom ?? today;
  // Past days keep the hours they had: their bookings and statistics were made under them.
  if (validFrom < today) throw new AppError("invalid_request", `validFrom: must be today (${today}) or later.`, "validFrom");

  const current = await allOpeningRules(s.db, location.id);
  const extraHours = (await extraHoursBetween(s.db, location.id, validFrom, "9999-12-31")).map(extraSpan);
  const before: Hours = { rules: current.map(openingRule), extraHours };
  const outcome = await commitHoursChange(s, office, {
    before,
    after: { rules: rulesAfterChange(before.rules, validFrom, body.rules), extraHours },
    between: { from: daysWindow(validFrom, validFrom, tz).from, until: null },
    decision: body.bookings,
    writes: (affected) => [
      ...replaceOpeningRules(s.db, location.id, validFrom, addDays(validFrom, -1), body.rules),
      staffAudit(s, "settings.opening_hours.replace", { kind: "location", id: location.id }, {
        validFrom,
        before: current.filter((r) => r.valid_until === null || r.valid_until >= validFrom).map((r) => `${r.weekday} ${r.opens}-${r.closes} from ${r.valid_from}`),
        after: body.rules.map((r) => `${r.weekday} ${r.opens}-${r.closes}`),
        ...affected,
        bookings: body.bookings?.action ?? null,
      }),
    ],
  });
  return { ...outcome, validFrom, timeZone: tz };
}

/**
 * Opens the office on one local day with a span of its own. Refused (409 `extra_hours_overlap`) when it
 * overlaps another span of that day's extra hours; weekly hours of the day may overlap it (the day's
 * spans are joined, domain: `spansOfDay`). Adding hours touches no appointment.
 */
export async function addExtraHours(s: StaffScope, body: Parsed<typeof ExtraHoursCreate>): Promise<ExtraHoursView> {
  const office = await officeOf(s);
  const { location } = office;
  const now = s.deps.now();
  const today = localDate(now, location.time_zone);
  if (body.day < today) throw new AppError("invalid_request", `day: must be today (${today}) or later.`, "day");
  const note = compactTexts(textsOf(body, "note"));
  if (daysBetween(today, body.day) > MAX_EXTRA_HOURS_DAYS) {
    throw new AppError("invalid_request", `day: at most ${MAX_EXTRA_HOURS_DAYS} days ahead.`, "day");
  }
  let id: number;
  try {
    const { result } = await commit(s, {
      batch: [
        insertExtraHours(s.db, { locationId: location.id, day: body.day, opens: body.opens, closes: body.closes, note, staffId: s.staff.id, now }),
        staffAudit(s, "extra_hours.create", { kind: "extra_hours", inserted: true }, { day: body.day, opens: body.opens, closes: body.closes }),
      ],
      mail: false,
      live: { office: location.slug, changes: ["settings"] },
    });
    id = result[0]!.meta.last_row_id;
  } catch (error) {
    if (!isExtraHoursOverlap(error)) throw error;
    const other = (await extraHoursBetween(s.db, location.id, body.day, body.day)).find((e) => e.opens < body.closes && body.opens < e.closes);
    throw new AppError(
      "extra_hours_overlap",
      `opens: overlaps the extra hours ${other ? `${other.opens}–${other.closes} ` : ""}on ${body.day}.`,
      "opens",
    );
  }
  return presentExtraHours(
    { id, day: body.day, opens: body.opens, closes: body.closes, note },
    await overlappingClosure(s.db, location.id, body.day, body.day),
    location.holiday_region,
  );
}

/**
 * Removes extra hours. Its list is the future appointments and open proposals of that day that lay
 * inside the hours and lie outside them without this span (as for a change of weekly hours).
 */
export async function removeExtraHours(s: StaffScope, id: number | null, body: Parsed<typeof ExtraHoursDelete>): Promise<ExtraHoursDeleted> {
  const office = await officeOf(s);
  const { location } = office;
  const extra = id === null ? null : await extraHoursById(s.db, location.id, id);
  if (!extra) throw new AppError("not_found", "There are no such extra hours.");
  const sameDay = await extraHoursBetween(s.db, location.id, extra.day, extra.day);
  const rules = office.rules.map(openingRule);
  const outcome = await commitHoursChange(s, office, {
    before: { rules, extraHours: sameDay.map(extraSpan) },
    after: { rules, extraHours: sameDay.filter((e) => e.id !== extra.id).map(extraSpan) },
    between: daysWindow(extra.day, extra.day, location.time_zone),
    decision: body.bookings,
    writes: (affected) => [
      deleteExtraHours(s.db, location.id, extra.id),
      staffAudit(s, "extra_hours.delete", { kind: "extra_hours", id: extra.id }, {
        day: extra.day,
        opens: extra.opens,
        closes: extra.closes,
        ...affected,
        bookings: body.bookings?.action ?? null,
      }),
    ],
  });
  return { id: extra.id, deleted: true, ...affectedOutcome(outcome, location.time_zone) };
}

/**
 * Extra hours as admins see them; `closure`: the closure on their day, if any (it wins, as a public
 * holiday does: then the hours are not offered).
 */
export function presentExtraHours(e: AdminExtraHoursRow, closure: { first_day: string; last_day: string } | null, holidayRegion: string): ExtraHoursView {
  const holiday = isHolidayRegion(holidayRegion) && holidayOn(e.day, holidayRegion) !== undefined;
  const closed = closure !== null && closure.first_day <= e.day && e.day <= closure.last_day;
  return {
    id: e.id,
    day: e.day,
    opens: e.opens,
    closes: e.closes,
    note: e.note,
    overruledBy: holiday ? "holiday" : closed ? "closure" : null,
  };
}

/** The office of the signed-in member (with its weekly rules), for the change and its cancel mails. */
async function officeOf(s: StaffScope): Promise<LocationData> {
  const office = await loadLocation(s.db, s.staff.office);
  if (!office) throw new AppError("unknown_location", "This office is not set up any more.");
  return office;
}

/**
 * Finishes a change of hours (weekly or extra) from `before` to `after`: its list is the active
 * appointments and open proposals starting in `between` (from now on) that it puts outside the hours
 * (domain/settings.ts `bookingsPutOutside`: a time proposed outside the hours before is none of the
 * change's doing); its guard, that none of them changed and no seat was taken, held or given back since
 * (the schedule version). `writes` get the list's lengths for their audit row.
 */
async function commitHoursChange(
  s: StaffScope,
  office: LocationData,
  c: {
    before: Hours;
    after: Hours;
    between: { from: Date; until: Date | null };
    decision: AffectingChange["decision"];
    writes: (affected: { affectedBookings: number; affectedProposals: number }) => D1PreparedStatement[];
  },
): Promise<AffectingOutcome> {
  const { location } = office;
  const now = s.deps.now();
  const from = c.between.from > now ? c.between.from : now;
  const putOutside = <T extends { starts_at: string | null; ends_at: string | null }>(rows: readonly T[]): T[] =>
    bookingsPutOutside(
      rows.map((row) => ({ row, startsAt: new Date(row.starts_at!), endsAt: new Date(row.ends_at!) })),
      c.before,
      c.after,
      location.time_zone,
    ).map((t) => t.row);
  const read = async () => {
    const touched = await touchedBetween(s.db, location.id, from, c.between.until, now);
    return { ...touched, bookings: putOutside(touched.bookings), proposals: putOutside(touched.proposals) };
  };
  const { bookings, proposals, scheduleVersion } = await read();
  return commitAffecting(s, {
    office,
    affected: { bookings, proposals },
    guard: affectedUnchanged(s.db, { locationId: location.id, bookings, proposals, now, scheduleVersion }),
    writes: c.writes({ affectedBookings: bookings.length, affectedProposals: proposals.length }),
    decision: c.decision,
    message: hoursChangedMessage,
    cause: "hours",
    reread: read,
  });
}

/** What the answer says about the touched appointments and proposed times. */
export function affectedOutcome(o: AffectingOutcome, timeZone: string) {
  return {
    bookings: presentAffected(o.kept.bookings, timeZone),
    proposals: presentAffectedProposals(o.kept.proposals, timeZone),
    cancelled: o.cancelled,
    withdrawn: o.withdrawn,
    mailed: o.mailed,
  };
}
