import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { OpeningHoursChanged } from "../../schemas/staff-settings";
import { createOffice, staffMember } from "../helpers/fixtures";
import { auditOf, bookedOnline, requestedOnline, staffCall } from "../helpers/staff-bookings";
import { readInvite } from "../mail/support/invite";
import { affectedList, bookingStates, mailsWithText } from "./closures-support";
import { signedInAdmin, snapshot } from "./staff-settings-support";

/*
 * Issue 11 item 5: saving opening hours lists exactly the future appointments the new hours leave
 * outside them (inside the hours before, inside none after), never one for unchanged hours, and offers
 * the same two ways as a closure: save and cancel them all in one batch, or only save.
 * Clock: Tuesday 24 November 2026, 08:00 in Kempten (Monday 13:00–17:30, Wednesday 09:00–13:00).
 */

const KEMPTEN = [
  { weekday: 1, opens: "13:00", closes: "17:30" },
  { weekday: 3, opens: "09:00", closes: "13:00" },
];
/** Monday closes at 17:00 from now on. */
const SHORTER_MONDAY = [
  { weekday: 1, opens: "13:00", closes: "17:00" },
  { weekday: 3, opens: "09:00", closes: "13:00" },
];

describe("changed opening hours", () => {
  it("unchanged hours list none, also with appointments agreed outside the hours (the old '1 Termin außerhalb')", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const member = await staffMember(office);
    await bookedOnline(office);
    // Proposals for requests "nach Vereinbarung": an hour across Monday's closing time, and on a Thursday evening.
    for (const [start, topic] of [["2026-11-30T17:00:00+01:00", "kompetenzanalyse"], ["2026-11-26T18:00:00+01:00", "fragen"]] as const) {
      const request = await requestedOnline(office, { topic });
      expect((await staffCall(office, member, "POST", `/requests/${request.id}/propose`, { times: [start] })).status).toBe(201);
    }
    const res = await admin.put("/admin/settings/opening-hours", { rules: KEMPTEN });
    expect(res.status).toBe(200);
    expect(OpeningHoursChanged.parse(await res.json())).toMatchObject({ bookings: [], proposals: [], cancelled: 0, withdrawn: 0, mailed: 0 });
  });

  it("lists exactly the appointments inside the old hours and outside the new, from the day they apply", async () => {
    const office = await createOffice({ seatsPerSlot: 2 });
    const admin = await signedInAdmin(office);
    const member = await staffMember(office);
    const inside = await bookedOnline(office, { start: "2026-11-30T16:30:00+01:00" }); // ends 17:00: still inside
    const late = await bookedOnline(office, { start: "2026-11-30T17:00:00+01:00" }); // 17:00–17:30: outside now
    const nextWeek = await bookedOnline(office, { start: "2026-12-07T17:00:00+01:00" });
    const hourLong = await bookedOnline(office, { start: "2026-12-07T16:30:00+01:00", topic: "kompetenzanalyse" }); // 16:30–17:30
    await bookedOnline(office, { start: "2026-12-02T12:30:00+01:00" }); // Wednesday: unchanged
    const request = await requestedOnline(office);
    const proposal = await staffCall(office, member, "POST", `/requests/${request.id}/propose`, { times: ["2026-12-14T17:15:00+01:00"] }); // partly outside before, too
    expect(proposal.status).toBe(201);

    const all = await affectedList(await admin.put("/admin/settings/opening-hours", { rules: SHORTER_MONDAY }));
    expect(all.map((b) => [b.id, b.start])).toEqual([
      [late.id, "2026-11-30T17:00:00+01:00"],
      [hourLong.id, "2026-12-07T16:30:00+01:00"],
      [nextWeek.id, "2026-12-07T17:00:00+01:00"],
    ]);
    // From 1 December on, only that week's appointments are touched.
    const fromDecember = await affectedList(await admin.put("/admin/settings/opening-hours", { validFrom: "2026-12-01", rules: SHORTER_MONDAY }));
    expect(fromDecember.map((b) => b.id)).toEqual([hourLong.id, nextWeek.id]);
    expect(all.map((b) => b.id)).not.toContain(inside.id);
  });

  it("save and cancel all: the new hours and the cancels in one batch, each mail in its person's language", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const german = await bookedOnline(office, { start: "2026-11-30T17:00:00+01:00" });
    const english = await bookedOnline(office, { start: "2026-12-07T17:00:00+01:00", locale: "en" });
    const ids = (await affectedList(await admin.put("/admin/settings/opening-hours", { rules: SHORTER_MONDAY }))).map((b) => b.id);
    const res = await admin.put("/admin/settings/opening-hours", { rules: SHORTER_MONDAY, bookings: { action: "cancel", ids } });
    expect(res.status).toBe(200);
    expect(OpeningHoursChanged.parse(await res.json())).toMatchObject({ bookings: [], cancelled: 2, mailed: 2 });
    expect((await bookingStates([german.id, english.id])).map((b) => [b.status, b.seats])).toEqual([["cancelled", 0], ["cancelled", 0]]);

    const [de, en] = [await mailsWithText(german.id), await mailsWithText(english.id)];
    expect(de.at(-1)!.text_body).toContain("Unsere Öffnungszeiten ändern sich.");
    expect(en.at(-1)!.text_body).toContain("Our opening hours are changing.");
    for (const mails of [de, en]) {
      expect(mails.map((m) => [m.kind, m.status])).toEqual([["booking_confirmed", "captured"], ["booking_reminder", "cancelled"], ["booking_cancelled", "captured"]]);
      const invite = readInvite(mails.at(-1)!.ics!);
      expect([invite.method, invite.events[0]!.uid, invite.events[0]!.sequence]).toEqual(["CANCEL", readInvite(mails[0]!.ics!).events[0]!.uid, 1]);
    }
    const actions = (await auditOf(office)).filter((a) => a.actor_id === String(admin.id)).map((a) => [a.action, a.subject_id]);
    expect(actions).toEqual([["settings.opening_hours.replace", String(office.id)], ["booking.cancel", german.id], ["booking.cancel", english.id]]);
    const stored = await env.DB.prepare("SELECT closes FROM opening_rules WHERE location_id = ?1 AND weekday = 1 AND valid_until IS NULL").bind(office.id).first();
    expect(stored).toEqual({ closes: "17:00" });
  });

  it("a list out of date is refused with the new one, changing nothing", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const first = await bookedOnline(office, { start: "2026-11-30T17:00:00+01:00" });
    const listed = await affectedList(await admin.put("/admin/settings/opening-hours", { rules: SHORTER_MONDAY }));
    const meanwhile = await bookedOnline(office, { start: "2026-12-07T17:00:00+01:00" });
    const before = await snapshot(office);
    const again = await affectedList(
      await admin.put("/admin/settings/opening-hours", { rules: SHORTER_MONDAY, bookings: { action: "cancel", ids: listed.map((b) => b.id) } }),
    );
    expect(again.map((b) => b.id)).toEqual([first.id, meanwhile.id]);
    expect(await snapshot(office)).toEqual(before);
  });

  it("only save: the appointments stay and are listed with their days", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const late = await bookedOnline(office, { start: "2026-11-30T17:00:00+01:00" });
    const res = await admin.put("/admin/settings/opening-hours", { rules: SHORTER_MONDAY, bookings: { action: "keep", ids: [late.id] } });
    const changed = OpeningHoursChanged.parse(await res.json());
    expect(changed).toMatchObject({ cancelled: 0, mailed: 0 });
    expect(changed.bookings.map((b) => [b.id, b.day])).toEqual([[late.id, "2026-11-30"]]);
    expect((await bookingStates([late.id]))[0]).toMatchObject({ status: "confirmed", seats: 6 });
  });
});
