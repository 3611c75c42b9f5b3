import { Hono } from "hono";
import type { LocationResponse, Topic } from "../../schemas/location";
import type { TopicRow } from "../../schemas/rows";
import { PublicSlotsQuery } from "../../schemas/slots";
import { LocationQuery } from "../../schemas/location";
import type { AppEnv } from "../context";
import { upcomingExtraHours } from "../db/extra-hours";
import { extraSpan, loadLocation, openingRule, type LocationData } from "../db/locations";
import { holidayOn, isHolidayRegion } from "../domain/holidays";
import { addDays, localDate } from "../../common/time";
import { AppError } from "../errors";
import { freeSlotsJson } from "../services/slots";
import { booksOnline } from "../domain/booking";
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
  const lastDay = addDays(today, data.location.horizon_days);
  const region = data.location.holiday_region;
  const extraHours = (await upcomingExtraHours(c.env.DB, data.location.id, today))
    .filter((e) => e.day <= lastDay && !(isHolidayRegion(region) && holidayOn(e.day, region)))
    .map(extraSpan);
  const turnstileSiteKey = c.var.deps.turnstile ? (c.env.TURNSTILE_SITE_KEY ?? null) : null;
  const bookableOnline = booksOnline(data.location.slug, c.env.DEFAULT_LOCATION);
  return c.json({ ...presentLocation(data, today), extraHours, bookableOnline, turnstileSiteKey } satisfies LocationResponse);
});

publicRoutes.get("/slots", async (c) => {
  const { office, ...query } = parseInput(PublicSlotsQuery, c.req.query());
  // Already serialized (kept per schedule version, services/slots.ts): sent as it is.
  const body = await freeSlotsJson(c.env.DB, c.var.deps.now(), office ?? c.var.office, query, "online");
  return c.body(body, 200, { "Content-Type": "application/json" });
});

function presentTopic(t: TopicRow): Topic {
  return {
    key: t.key,
    label: t.label,
    description: t.description,
    audience: t.audience,
    durationMinutes: t.duration_minutes,
    bookableOnline: t.bookable_online,
    walkIn: t.walk_in,
    icon: t.icon,
  };
}

/** The office as the public sees it; opening rules that ended before `today` are left out. */
function presentLocation({ location: l, topics, rules }: LocationData, today: string): Omit<LocationResponse, "extraHours" | "bookableOnline" | "turnstileSiteKey"> {
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
