import { Hono } from "hono";
import { DISPLAY_CALLS, type DisplayState } from "../../schemas/display";
import type { AppEnv } from "../app";
import { recentCalls } from "../db/display";
import { loadScheduleAround, scheduleBasis } from "../db/locations";
import { queueToday } from "../db/tickets";
import { openingState, ticketLabel } from "../domain/queue";
import { localDate, zonedInstant } from "../domain/time";
import { AppError } from "../errors";
import { requireDevice } from "./kiosk";

/*
 * The waiting room's call display (a paired display device): the day's last calls, how many wait, open
 * or not. Numbers and rooms only: the display hangs in a public room, so nothing here names anyone.
 */
export const displayRoutes = new Hono<AppEnv>();

displayRoutes.use("/display/*", requireDevice("display"));

displayRoutes.get("/display/state", async (c) => {
  const now = c.var.deps.now();
  const data = await loadScheduleAround(c.env.DB, c.var.device.location_slug, now);
  if (!data) throw new AppError("unknown_location", "This office is not set up any more.");
  const { location } = data;
  const today = localDate(now, location.time_zone);
  const [calls, queue] = await Promise.all([
    recentCalls(c.env.DB, location.id, today, zonedInstant(today, "00:00", location.time_zone), DISPLAY_CALLS),
    queueToday(c.env.DB, location.id, today),
  ]);
  return c.json({
    office: { slug: location.slug, name: location.name, shortName: location.short_name, timeZone: location.time_zone },
    now: now.toISOString(),
    calls: calls.map((call) => ({ id: call.id, label: ticketLabel(call.prefix, call.number), room: call.room, at: call.at })),
    waiting: queue.waiting,
    open: openingState(now, scheduleBasis(data)).open,
  } satisfies DisplayState);
});
