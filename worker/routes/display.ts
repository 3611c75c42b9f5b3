import { Hono } from "hono";
import { DISPLAY_CALLS, type DisplayState } from "../../schemas/display";
import type { AppEnv } from "../context";
import { displayDay } from "../db/display";
import { loadOfficeToday, scheduleBasis } from "../db/locations";
import { openingState, ticketLabel } from "../domain/queue";
import { daysWindow } from "../domain/settings";
import { requireDevice } from "../auth/device";

/*
 * The waiting room's call display (a paired display device): the day's last calls, how many wait, open
 * or not. Numbers and rooms only: the display hangs in a public room, so nothing here names anyone.
 */
export const displayRoutes = new Hono<AppEnv>();

displayRoutes.use("/display/*", requireDevice("display"));

displayRoutes.get("/display/state", async (c) => {
  const now = c.var.deps.now();
  const { data, today } = await loadOfficeToday(c.env.DB, c.var.device.location_slug, now);
  const { location } = data;
  const { calls, waiting } = await displayDay(c.env.DB, location.id, today, daysWindow(today, today, location.time_zone), DISPLAY_CALLS);
  return c.json({
    office: { slug: location.slug, name: location.name, shortName: location.short_name, timeZone: location.time_zone },
    now: now.toISOString(),
    calls: calls.map((call) => ({ id: call.id, label: ticketLabel(call.prefix, call.number), room: call.room, at: call.at })),
    waiting,
    open: openingState(now, scheduleBasis(data)).open,
  } satisfies DisplayState);
});
