import { Hono } from "hono";
import { DISPLAY_CALLS, type DisplayState } from "../../schemas/display";
import type { AppEnv } from "../context";
import { displayDay } from "../db/display";
import { loadOfficeToday, scheduleBasis } from "../db/locations";
import { OPENING_LOOKAHEAD_DAYS, openingState, ticketLabel } from "../domain/queue";
import { toOffsetIso } from "../../common/time";
import { daysWindow } from "../domain/settings";
import { requireDevice } from "../auth/device";

/*
 * The waiting room's call display (a paired display device): the day's last calls that stand, how many
 * wait, open or not and when it opens next, and the display's own sound and speech settings. Numbers and
 * rooms only: the display hangs in a public room, so nothing here names anyone.
 */
export const displayRoutes = new Hono<AppEnv>();

displayRoutes.use("/display/*", requireDevice("display"));

displayRoutes.get("/display/state", async (c) => {
  const now = c.var.deps.now();
  // Closed, it says when it opens again, which may be weeks ahead: the closures and extra hours until then.
  const { data, today } = await loadOfficeToday(c.env.DB, c.var.device.location_slug, now, OPENING_LOOKAHEAD_DAYS);
  const { location } = data;
  const { open, nextOpening } = openingState(now, scheduleBasis(data));
  const { sound, speech } = c.var.device;
  const { calls, waiting } = await displayDay(c.env.DB, location.id, today, daysWindow(today, today, location.time_zone), DISPLAY_CALLS);
  return c.json({
    office: { slug: location.slug, name: location.name, shortName: location.short_name, timeZone: location.time_zone },
    now: now.toISOString(),
    calls: calls.map((call) => ({ id: call.id, label: ticketLabel(call.prefix, call.number), room: call.room, at: call.at })),
    waiting,
    open,
    nextOpening: nextOpening ? toOffsetIso(nextOpening, location.time_zone) : null,
    settings: { sound: sound === 1, speech: speech === 1 },
  } satisfies DisplayState);
});
