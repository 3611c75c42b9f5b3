import { z } from "zod";
import { OffsetDateTime, UtcInstant } from "./common";

/*
 * The call display in the waiting room (`GET /api/display/state`, a paired display device). It shows
 * queue numbers and rooms only: no field here may ever carry a name or other personal data.
 */

/** One call of a number into a room; a repeated call ("call again") is a new one with a new id. */
export const DisplayCall = z.object({
  /** The call's own id (queue_calls): a new id means a new chime, also for the same number. */
  id: z.number().int(),
  /** "W 7" */
  label: z.string(),
  /** "Raum 2" */
  room: z.string(),
  at: UtcInstant,
});
export type DisplayCall = z.infer<typeof DisplayCall>;

export const DisplayState = z.object({
  office: z.object({ slug: z.string(), name: z.string(), shortName: z.string(), timeZone: z.string() }),
  /** The server's clock, so a display with a wrong clock still shows the right time. */
  now: UtcInstant,
  /** Today's last calls, newest first (at most DISPLAY_CALLS). */
  calls: z.array(DisplayCall),
  /** Numbers of today still waiting. */
  waiting: z.number().int().nonnegative(),
  open: z.boolean(),
  /** When closed: the next opening (local start with offset; holidays, closures and extra hours count), null when none is in sight. */
  nextOpening: OffsetDateTime.nullable(),
  /** This display's own settings, made on the board (Verwaltung → Geräte): the screen has no switches. */
  settings: z.object({ sound: z.boolean(), speech: z.boolean() }),
});
export type DisplayState = z.infer<typeof DisplayState>;

/** How many calls the display lists: the current one large, the ones before it below. */
export const DISPLAY_CALLS = 6;
