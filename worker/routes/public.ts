import { Hono, type Context } from "hono";
import type { LocationResponse, Topic } from "../../schemas/location";
import type { TopicRow } from "../../schemas/rows";
import { MAX_SLOT_RANGE_DAYS } from "../../schemas/limits";
import { SlotsQuery, type SlotsResponse } from "../../schemas/slots";
import { LocationQuery } from "../../schemas/location";
import type { AppEnv } from "../context";
import { loadLocation, loadSchedule, openingRule, scheduleBasis, type LocationData } from "../db/locations";
import { scheduleDays } from "../domain/schedule";
import { staffSettings } from "../domain/staff-booking";
import { daysBetween, localDate, toOffsetIso } from "../domain/time";
import { AppError } from "../errors";
import { parseInput } from "../validate";

/** Routes anyone may call: no personal data in or out. */
export const publicRoutes = new Hono<AppEnv>();

publicRoutes.get("/health", (c) => c.json({ ok: true as const }));

publicRoutes.get("/location", async (c) => {
  // `?office=` names another office (a status page shows the office of its own number).
  const { office } = parseInput(LocationQuery, c.req.query());
  const data = await loadLocation(c.env.DB, office ?? c.var.office);
  if (!data) throw new AppError("unknown_location", "This office is not set up yet.");
  const today = localDate(c.var.deps.now(), data.location.time_zone);
  const turnstileSiteKey = c.var.deps.turnstile ? (c.env.TURNSTILE_SITE_KEY ?? null) : null;
  return c.json({ ...presentLocation(data, today), turnstileSiteKey } satisfies LocationResponse);
});

publicRoutes.get("/slots", async (c) => c.json(await freeSlots(c, c.var.office, c.req.query(), "online")));

/**
 * The free slots of `office` for the query's local days, the one computation behind `GET /api/slots`
 * and the staff board's `GET /api/staff/:office/slots`. `online`: the minimum notice and topics bookable
 * online only. `staff`: the rules of a phone booking (domain/staff-booking.ts): no minimum notice, but
 * never a start before now, and any active topic.
 */
export async function freeSlots(
  c: Context<AppEnv>,
  office: string,
  rawQuery: Record<string, string>,
  rules: "online" | "staff",
): Promise<SlotsResponse> {
  const query = parseInput(SlotsQuery, rawQuery);
  const length = daysBetween(query.from, query.to) + 1;
  if (length < 1) throw new AppError("invalid_range", "to: must not be before from.", "to");
  if (length > MAX_SLOT_RANGE_DAYS) {
    throw new AppError("invalid_range", `to: at most ${MAX_SLOT_RANGE_DAYS} days from 'from'.`, "to");
  }

  const data = await loadSchedule(c.env.DB, office, query.from, query.to);
  if (!data) throw new AppError("unknown_location", "This office is not set up yet.");
  const { location } = data;
  const topic = query.topic === undefined ? undefined : data.topics.find((t) => t.key === query.topic);
  if (query.topic !== undefined && !(topic && (rules === "staff" || topic.bookable_online))) {
    throw new AppError("unknown_topic", `topic: '${query.topic}' is not a topic that can be booked here.`, "topic");
  }

  const basis = scheduleBasis(data);
  const days = scheduleDays({
    from: query.from,
    to: query.to,
    now: c.var.deps.now(),
    durationMinutes: topic?.duration_minutes ?? location.slot_minutes,
    ...basis,
    settings: rules === "staff" ? staffSettings(basis.settings) : basis.settings,
  });

  const tz = location.time_zone;
  return {
    timezone: tz,
    ...(topic ? { topic: topic.key } : {}),
    days: days.map((d) => ({
      date: d.date,
      status: d.status,
      ...(d.reason ? { reason: d.reason.de, reasonEn: d.reason.en } : {}),
      slots: d.slots.map((s) => ({ start: toOffsetIso(s.start, tz), end: toOffsetIso(s.end, tz), free: s.free })),
    })),
  };
}

function presentTopic(t: TopicRow): Topic {
  return {
    key: t.key,
    label: { de: t.label_de, en: t.label_en || t.label_de },
    description: { de: t.description_de, en: t.description_en || t.description_de },
    audience: t.audience,
    durationMinutes: t.duration_minutes,
    bookableOnline: t.bookable_online,
    walkIn: t.walk_in,
    icon: t.icon,
  };
}

/** The office as the public sees it; opening rules that ended before `today` are left out. */
function presentLocation({ location: l, topics, rules }: LocationData, today: string): Omit<LocationResponse, "turnstileSiteKey"> {
  return {
    slug: l.slug,
    name: l.name,
    shortName: l.short_name,
    address: { street: l.street, postalCode: l.postal_code, city: l.city },
    contact: { phone: l.phone, email: l.email },
    timezone: l.time_zone,
    openingHours: rules.filter((r) => r.valid_until === null || r.valid_until >= today).map(openingRule),
    byArrangement: true,
    booking: { slotMinutes: l.slot_minutes, minNoticeMinutes: l.min_notice_minutes, horizonDays: l.horizon_days },
    retentionDays: l.retention_days,
    topics: topics.map(presentTopic),
  };
}
