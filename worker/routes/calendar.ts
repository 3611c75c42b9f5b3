import { Hono } from "hono";
import ical, { ICalEventStatus } from "ical-generator";
import type { AppEnv } from "../context";
import { feedBookings, feedLocation, type FeedBookingRow } from "../db/calendar";
import { addDays, localDate, zonedInstant } from "../../common/time";
import { AppError } from "../errors";
import { sha256Hex } from "../random";

/*
 * The private calendar feed of a staff member (`GET /api/calendar/<token>.ics`, subscribed as webcal://
 * in Outlook or Thunderbird). Public by necessity (calendar clients send no cookie), so the secret token
 * in the path is the only key: only its hash is looked up, it never reaches a log (app.ts masks the
 * path), and an unknown, revoked or inactive member's feed is a plain 404.
 */

export const calendarRoutes = new Hono<AppEnv>();

/** Days back from today that the feed still shows, so the last two weeks stay visible in the calendar. */
export const FEED_DAYS_BACK = 14;
/** How often a client should fetch the feed again (REFRESH-INTERVAL / X-PUBLISHED-TTL), seconds. */
export const FEED_REFRESH_SECONDS = 15 * 60;

calendarRoutes.get("/calendar/:file", async (c) => {
  const match = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(c.req.param("file"));
  const feed = match ? await feedLocation(c.env.DB, await sha256Hex(match[1]!)) : null;
  if (!feed) throw new AppError("not_found", "This calendar does not exist or has been revoked.");

  const now = c.var.deps.now();
  const tz = feed.location.time_zone;
  const today = localDate(now, tz);
  const from = zonedInstant(addDays(today, -FEED_DAYS_BACK), "00:00", tz);
  // Up to the end of the booking horizon, the last day anyone can book.
  const to = zonedInstant(addDays(today, feed.location.horizon_days + 1), "00:00", tz);
  const bookings = await feedBookings(c.env.DB, feed.location.id, from, to);

  return c.body(staffFeed(feed.location.short_name, bookings, now), 200, {
    "Content-Type": "text/calendar; charset=utf-8",
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex",
  });
});

/**
 * The feed's iCalendar text: one event per booking with topic, the resident's name and the check-in
 * code, nothing more (no address, phone or note: a calendar syncs to phones and other servers). UIDs
 * differ from the resident's invites, so a calendar holding both keeps them apart; SEQUENCE follows the
 * booking's changes. Times are UTC.
 */
function staffFeed(officeName: string, bookings: FeedBookingRow[], now: Date): string {
  const calendar = ical({
    prodId: { company: "sprechstunde", product: "sprechstunde", language: "DE" },
    name: `Termine ${officeName}`,
    ttl: FEED_REFRESH_SECONDS,
  });
  for (const b of bookings) {
    calendar.createEvent({
      id: `${b.id}-staff@sprechstunde`,
      sequence: b.invite_sequence,
      stamp: now,
      start: new Date(b.starts_at),
      end: new Date(b.ends_at),
      summary: `${b.topic_label_de} – ${b.name ?? "?"}`,
      description: `Code: ${b.code}${b.source === "staff" ? "\nTelefonisch gebucht" : ""}`,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
