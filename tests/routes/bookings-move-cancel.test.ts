import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "../../schemas/common";
import { runRetention } from "../../worker/services/retention";
import { mailsOf, NOW, post, tokenOf } from "../helpers/bookings";
import { createOffice, staffMember, type Office, type StaffMember } from "../helpers/fixtures";
import { bookedOnline, bookingState, staffCall } from "../helpers/staff-bookings";

/*
 * A move of a booking that was cancelled says that it was cancelled (409 `booking_cancelled`), whether
 * the cancel came before the move read the booking (a page with a stale state) or landed while the move
 * was being written (the race): not "can no longer be moved" (`booking_past`) nor "changed at the same
 * moment" (`booking_changed`). For the holder of the manage link and for staff alike.
 */

/** Monday 30 November 13:00 … 16:30 and Wednesday 2 December 09:00 … 12:30: eight free half hours each. */
const MONDAY = Array.from({ length: 8 }, (_, i) => `2026-11-30T${String(13 + Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}:00+01:00`);
const WEDNESDAY = Array.from({ length: 8 }, (_, i) => `2026-12-02T${String(9 + Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}:00+01:00`);

/** The answer as `status code` (`200` when it succeeded). */
async function outcome(res: Response): Promise<string> {
  if (res.status === 200) return "200";
  return `${res.status} ${ErrorBody.parse(await res.json()).error.code}`;
}

/** Who moves and cancels: the holder through the manage link, or a staff member on the board. */
type Actor = {
  name: string;
  setUp(office: Office): Promise<StaffMember | null>;
  cancel(office: Office, member: StaffMember | null, booking: { id: string; manageUrl: string }): Promise<Response>;
  move(office: Office, member: StaffMember | null, booking: { id: string; manageUrl: string }, start: string): Promise<Response>;
};

const HOLDER: Actor = {
  name: "the holder of the manage link",
  setUp: async () => null,
  cancel: (office, _member, b) => post(office, `/api/bookings/manage/${tokenOf(b.manageUrl)}/cancel`, {}),
  move: (office, _member, b, start) => post(office, `/api/bookings/manage/${tokenOf(b.manageUrl)}/reschedule`, { start }),
};

const STAFF: Actor = {
  name: "staff",
  setUp: (office) => staffMember(office),
  cancel: (office, member, b) => staffCall(office, member, "POST", `/bookings/${b.id}/cancel`, {}),
  move: (office, member, b, start) => staffCall(office, member, "POST", `/bookings/${b.id}/move`, { start }),
};

describe.each([HOLDER, STAFF])("a move of a cancelled booking by $name", (actor) => {
  it("after the cancel (the page still showed it confirmed): 409 booking_cancelled, nothing changes", async () => {
    const office = await createOffice();
    const member = await actor.setUp(office);
    const booking = await bookedOnline(office);
    expect(await outcome(await actor.cancel(office, member, booking))).toBe("200");
    const mails = (await mailsOf(booking.id)).length;

    const res = await actor.move(office, member, booking, WEDNESDAY[0]!);
    expect(res.status).toBe(409);
    expect(ErrorBody.parse(await res.json()).error).toMatchObject({ code: "booking_cancelled", message: "This appointment was cancelled." });
    expect(await bookingState(booking.id)).toMatchObject({ status: "cancelled", starts_at: "2026-11-30T12:00:00.000Z", seats: 0 });
    expect(await mailsOf(booking.id)).toHaveLength(mails);
  });

  it(
    "while the cancel lands: the move either wins or says the booking was cancelled; the booking agrees",
    async () => {
      const office = await createOffice();
      const member = await actor.setUp(office);
      const bookings = [];
      for (const start of MONDAY) bookings.push(await bookedOnline(office, { start }));

      // Each booking's cancel and move at the same moment, all eight pairs at once.
      const answers = await Promise.all(
        bookings.map(async (b, i) => {
          const [cancel, move] = await Promise.all([actor.cancel(office, member, b), actor.move(office, member, b, WEDNESDAY[i]!)]);
          return { id: b.id, cancel: await outcome(cancel), move: await outcome(move) };
        }),
      );

      for (const { id, cancel, move } of answers) {
        const what = `${id}: cancel ${cancel}, move ${move}`;
        expect(["200", "409 booking_cancelled"], what).toContain(move);
        // A cancel that lost to the move says the booking changed: the holder looks again.
        expect(["200", "409 booking_changed"], what).toContain(cancel);
        const state = await bookingState(id);
        if (cancel === "200") {
          expect(state, what).toMatchObject({ status: "cancelled", seats: 0 });
        } else {
          expect(move, what).toBe("200");
          expect(state, what).toMatchObject({ status: "confirmed", seats: 6 });
        }
      }
    },
    60_000,
  );
});

describe("a reminder withdrawn by a cancel or a move", () => {
  const DAY = 86_400_000;
  it.each([
    ["cancel", (b: { manageUrl: string }) => `/api/bookings/manage/${tokenOf(b.manageUrl)}/cancel`, {}],
    ["move", (b: { manageUrl: string }) => `/api/bookings/manage/${tokenOf(b.manageUrl)}/reschedule`, { start: "2027-01-18T14:00:00+01:00" }],
  ] as const)("by a %s is due for erasure retention_days after it was withdrawn, as the privacy notice says", async (_what, path, body) => {
    const office = await createOffice({ horizonDays: 60 });
    const booking = await bookedOnline(office, { start: "2027-01-18T13:00:00+01:00", name: "Zora Sichtbar" });
    const withdrawnAt = new Date(NOW.getTime() + 3_600_000);
    expect((await post(office, path(booking), body, { now: withdrawnAt })).status).toBe(200);
    const reminders = (await mailsOf(booking.id)).filter((m) => m.kind === "booking_reminder" && m.status === "cancelled");
    expect(reminders.map((m) => m.next_attempt_at)).toEqual([withdrawnAt.toISOString()]);

    // The booking is weeks ahead (its own data stays); the withdrawn reminder, naming the person, goes.
    const days = (await env.DB.prepare("SELECT retention_days AS d FROM locations WHERE id = ?1").bind(office.id).first<{ d: number }>())!.d;
    await runRetention(env.DB, new Date(withdrawnAt.getTime() + days * DAY + DAY));
    const { results } = await env.DB.prepare("SELECT status, text_body FROM mail_outbox WHERE booking_id = ?1 AND kind = 'booking_reminder'")
      .bind(booking.id)
      .all<{ status: string; text_body: string }>();
    const withdrawn = results.filter((m) => m.status === "cancelled");
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]!.text_body).not.toContain("Zora Sichtbar");
  });
});
