import { describe, expect, it } from "vitest";
import { holdsPlace } from "../../worker/domain/erasable";

/*
 * When a booking may be erased on request: not while it holds a place (an open request; an appointment
 * until the end of its local day, so staff can still record attended or no-show and a visitor waiting
 * with their number keeps their status page), whatever asks (an admin or the holder). The appointment:
 * Monday 30 November 2026, 13:00–13:30 in Kempten (12:00–12:30Z); its local day ends at 23:00Z.
 */

const ZONE = "Europe/Berlin";
const ENDS = "2026-11-30T12:30:00.000Z";
const DURING = new Date("2026-11-30T12:15:00.000Z");
const RIGHT_AFTER = new Date("2026-11-30T12:31:00.000Z");
const LAST_MINUTE = new Date("2026-11-30T22:59:00.000Z");
const MIDNIGHT = new Date("2026-11-30T23:00:00.000Z");

describe("holdsPlace", () => {
  it.each<[string, string | null, Date, boolean]>([
    ["requested", null, MIDNIGHT, true],
    ["confirmed", ENDS, DURING, true],
    ["checked_in", ENDS, DURING, true],
    // Over, but the day is not: staff may still mark it attended or not shown.
    ["confirmed", ENDS, RIGHT_AFTER, true],
    ["checked_in", ENDS, LAST_MINUTE, true],
    // Midnight in Kempten (not in UTC): the day is over.
    ["confirmed", ENDS, MIDNIGHT, false],
    ["checked_in", ENDS, MIDNIGHT, false],
    ["completed", ENDS, DURING, false],
    ["no_show", ENDS, DURING, false],
    ["cancelled", ENDS, DURING, false],
    ["cancelled", null, DURING, false],
    ["declined", null, DURING, false],
  ])("%s ending %s at %s → %s", (status, ends_at, now, expected) => {
    expect(holdsPlace({ status, ends_at }, now, ZONE)).toBe(expected);
  });

  it("counts the local day across the change to summer time (29 March 2026 has 23 hours)", () => {
    // 09:00–09:30 CEST on Sunday 29 March is 07:00–07:30Z; the day ends at 22:00Z (midnight CEST).
    const b = { status: "confirmed", ends_at: "2026-03-29T07:30:00.000Z" };
    expect(holdsPlace(b, new Date("2026-03-29T21:59:00.000Z"), ZONE)).toBe(true);
    expect(holdsPlace(b, new Date("2026-03-29T22:00:00.000Z"), ZONE)).toBe(false);
  });
});
