import { describe, expect, it } from "vitest";
import { holdsPlace } from "../../worker/domain/erasable";

/*
 * When a booking may be erased on request: not while it holds a place (an open request, an appointment
 * that has not ended), whatever asks (an admin or the holder). Clock: Monday 30 November 2026, 13:15 in
 * Kempten, in the middle of a 13:00–13:30 appointment.
 */

const NOW = new Date("2026-11-30T12:15:00.000Z");
const ENDS_LATER = "2026-11-30T12:30:00.000Z";
const ENDED = "2026-11-30T12:15:00.000Z";

describe("holdsPlace", () => {
  it.each<[string, string | null, boolean]>([
    ["requested", null, true],
    ["confirmed", ENDS_LATER, true],
    ["checked_in", ENDS_LATER, true],
    // Its end is now: over (the appointment ran from 13:00 to 13:15).
    ["confirmed", ENDED, false],
    ["checked_in", ENDED, false],
    ["completed", ENDS_LATER, false],
    ["no_show", ENDS_LATER, false],
    ["cancelled", ENDS_LATER, false],
    ["cancelled", null, false],
    ["declined", null, false],
  ])("%s ending %s → %s", (status, ends_at, expected) => {
    expect(holdsPlace({ status, ends_at }, NOW)).toBe(expected);
  });
});
