import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "../../schemas/common";
import { Board } from "../../schemas/staff-board";
import { BookingsAffectedError, ClosureCreated, ExtraHoursDeleted, OpeningHoursChanged } from "../../schemas/staff-settings";
import { affectedUnchanged, touchedBetween } from "../../worker/db/closures";
import { daysWindow } from "../../worker/domain/settings";
import { NOW } from "../helpers/bookings";
import { createOffice, staffMember, type Office, type StaffMember } from "../helpers/fixtures";
import { accept, linksOf, proposalMailText, proposalRows, proposed, requestWithProposals, seatsByProposal, snapshot } from "../helpers/proposals";
import { auditOf, bookedOnline, eventsOf, requestedOnline, staffCall } from "../helpers/staff-bookings";
import { bookingStates, scheduleVersion } from "./closures-support";
import { expectError, signedInAdmin } from "./staff-settings-support";

/*
 * Issue 11 items 4 and 5 with the proposals of item 7: a closure, changed hours or a removed Sondertermin
 * that touches times proposed to residents (open, their seats held) lists them in its 409 beside the
 * appointments (`details.proposals`); "… und alle absagen" withdraws them in the change's own batch
 * (seats freed, the resident's mail with the reason and the times still open, the request back on the
 * board with its times marked withdrawn, audit rows); "Nur …" keeps them; a list that is out of date
 * (a time proposed, answered or withdrawn meanwhile) is refused with the new list and changes nothing.
 * Clock: Tuesday 24 November 2026, 08:00 in Kempten; Monday 30 November is the day closed.
 */

const MONDAY = "2026-11-30";
const closure = { firstDay: MONDAY, lastDay: MONDAY, reasonDe: "Krankheit im Team", reasonEn: "Illness in the team" };
const MON_13 = "2026-11-30T13:00:00+01:00";
const MON_15 = "2026-11-30T15:00:00+01:00";
const MON_17 = "2026-11-30T17:00:00+01:00";
const WED_09 = "2026-12-02T09:00:00+01:00";
/** Monday closes at 17:00 from now on. */
const SHORTER_MONDAY = [
  { weekday: 1, opens: "13:00", closes: "17:00" },
  { weekday: 3, opens: "09:00", closes: "13:00" },
];

/** The 409 `bookings_affected`, parsed: the appointments and the proposed times the change touches. */
async function touched(res: Response) {
  expect(res.status).toBe(409);
  return BookingsAffectedError.parse(await res.json()).error.details;
}

async function board(office: Office, member: StaffMember) {
  const res = await staffCall(office, member, "GET", "/board");
  expect(res.status).toBe(200);
  return Board.parse(await res.json());
}

describe("a closure over days with open proposals", () => {
  it("lists them beside the appointments: open ones on those days only, with their person and deadline", async () => {
    const office = await createOffice({ seatsPerSlot: 2 });
    const admin = await signedInAdmin(office);
    const member = await staffMember(office);
    const booked = await bookedOnline(office); // Monday 13:00
    const { request, answer } = await requestWithProposals(office, member, [MON_13, MON_15, WED_09], { name: "Ayşe Yılmaz" });
    // Another request's round, answered "keiner passt": nothing open left to list.
    const answered = await requestWithProposals(office, member, ["2026-11-30T16:00:00+01:00"]);
    expect((await staffCall(office, member, "POST", `/requests/${answered.request.id}/decline`, { message: "Leider nicht möglich." })).status).toBe(200);
    // A round proposed two days before whose deadline passed an hour ago, not yet marked by the scheduled work.
    const late = await requestedOnline(office);
    await proposed(office, member, late.id, ["2026-11-30T14:00:00+01:00"], new Date(NOW.getTime() - 49 * 3_600_000));

    const list = await touched(await admin.post("/admin/closures", closure));
    expect(list.bookings.map((b) => b.id)).toEqual([booked.id]);
    expect(list.proposals).toEqual(
      answer.proposals.slice(0, 2).map((p) => ({
        id: p.id,
        requestId: request.id,
        day: MONDAY,
        start: p.start,
        end: p.end,
        holdUntil: "2026-11-26T08:00:00+01:00",
        name: "Ayşe Yılmaz",
        topic: { de: "Thema fragen", en: "Topic fragen" },
        mail: true,
        phone: null,
      })),
    );
    expect(await env.DB.prepare("SELECT count(*) AS n FROM closures WHERE location_id = ?1").bind(office.id).first()).toEqual({ n: 0 });
  });

  it("close and cancel all: one batch cancels the appointment and withdraws the times, mails both people, leaves the request open", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const member = await staffMember(office);
    const booked = await bookedOnline(office, { start: MON_15 });
    const { request, answer } = await requestWithProposals(office, member, [MON_13, MON_17, WED_09], { locale: "en" });
    const [mon13, mon17, wed09] = answer.proposals.map((p) => p.id) as [string, string, string];
    const version = await scheduleVersion(office);

    const list = await touched(await admin.post("/admin/closures", closure));
    expect(list.proposals.map((p) => p.id)).toEqual([mon13, mon17]);
    const res = await admin.post("/admin/closures", {
      ...closure,
      bookings: { action: "cancel", ids: list.bookings.map((b) => b.id), proposals: list.proposals.map((p) => p.id) },
    });
    expect(res.status).toBe(201);
    expect(ClosureCreated.parse(await res.json())).toMatchObject({ bookings: [], proposals: [], cancelled: 1, withdrawn: 2, mailed: 2 });

    // The appointment is cancelled; Monday's times are withdrawn with their seats, Wednesday's is still open and held.
    expect((await bookingStates([booked.id]))[0]).toMatchObject({ status: "cancelled", seats: 0 });
    expect((await proposalRows(request.id)).map((p) => [p.id, p.status])).toEqual([
      [mon13, "withdrawn"],
      [mon17, "withdrawn"],
      [wed09, "open"],
    ]);
    expect(await seatsByProposal(request.id)).toEqual({ [wed09]: 6 });
    // Seats freed and held again move the version: cached free times see the change (slots-cache.test.ts).
    expect(await scheduleVersion(office)).toBeGreaterThan(version);

    // The request is still open, one step on, with the staff member's event; the board shows its round as it is now.
    const row = await env.DB.prepare("SELECT kind, status, invite_sequence FROM bookings WHERE id = ?1").bind(request.id).first();
    expect(row).toEqual({ kind: "request", status: "requested", invite_sequence: 2 });
    expect((await eventsOf(request.id)).at(-1)).toEqual({ sequence: 2, status: "requested", actor: `staff:${admin.id}` });
    const onBoard = (await board(office, member)).requests.find((r) => r.id === request.id)!;
    expect(onBoard.proposals.map((p) => [p.id, p.status])).toEqual([
      [mon13, "withdrawn"],
      [mon17, "withdrawn"],
      [wed09, "open"],
    ]);

    // The resident's mail in their language: the reason, the times that went, a fresh link to the time still open.
    const text = await proposalMailText(request.id, "proposals_withdrawn");
    expect(text).toContain("Illness in the team");
    expect(text).toContain("We can no longer offer you these times:");
    expect(linksOf(text).times.map((t) => t.proposal)).toEqual([wed09]);
    expect(linksOf(text).none).not.toBeNull();

    const audit = (await auditOf(office)).filter((a) => a.actor_id === String(admin.id)).map((a) => [a.action, a.subject_id, a.detail]);
    expect(audit).toEqual([
      ["closure.create", expect.any(String), '{"firstDay":"2026-11-30","lastDay":"2026-11-30","affectedBookings":1,"affectedProposals":2,"bookings":"cancel"}'],
      ["booking.cancel", booked.id, '{"sequence":1,"message":true,"by":"office","cause":"closure"}'],
      ["proposal.withdraw", request.id, JSON.stringify({ sequence: 2, proposals: [mon13, mon17], message: true })],
    ]);

    // The time still open can be taken by the resident from the new mail's link.
    const link = linksOf(text).times[0]!;
    expect((await accept(office, link.token, link.proposal)).status).toBe(200);
  });

  it("a decision that leaves out a proposed time is refused with the whole list, changing nothing", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const member = await staffMember(office);
    const booked = await bookedOnline(office);
    await requestWithProposals(office, member, [MON_15]);
    const before = await snapshot(office);
    const list = await touched(await admin.post("/admin/closures", { ...closure, bookings: { action: "cancel", ids: [booked.id] } }));
    expect([list.bookings.length, list.proposals.length]).toEqual([1, 1]);
    expect(await snapshot(office)).toEqual(before);
  });

  it("a time proposed between the list and the click: 409 with the new list, nothing changed; then the new list goes through", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const member = await staffMember(office);
    const booked = await bookedOnline(office);
    const shown = await touched(await admin.post("/admin/closures", closure));
    expect(shown.proposals).toEqual([]);

    const { request } = await requestWithProposals(office, member, [MON_15]);
    const before = await snapshot(office);
    const decision = { action: "cancel", ids: [booked.id], proposals: [] as string[] };
    const again = await touched(await admin.post("/admin/closures", { ...closure, bookings: decision }));
    expect(again.bookings.map((b) => b.id)).toEqual([booked.id]);
    expect(again.proposals.map((p) => p.requestId)).toEqual([request.id]);
    expect(await snapshot(office)).toEqual(before);

    const res = await admin.post("/admin/closures", { ...closure, bookings: { ...decision, proposals: again.proposals.map((p) => p.id) } });
    expect(ClosureCreated.parse(await res.json())).toMatchObject({ cancelled: 1, withdrawn: 1 });
  });

  it("a time answered between the list and the click (accepted: an appointment now) is refused with the new list", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const member = await staffMember(office);
    const { request, links } = await requestWithProposals(office, member, [MON_15]);
    const shown = await touched(await admin.post("/admin/closures", closure));
    expect(shown.proposals).toHaveLength(1);
    expect((await accept(office, links.times[0]!.token, links.times[0]!.proposal)).status).toBe(200);

    const before = await snapshot(office);
    const again = await touched(await admin.post("/admin/closures", { ...closure, bookings: { action: "cancel", ids: [], proposals: shown.proposals.map((p) => p.id) } }));
    expect([again.bookings.map((b) => b.id), again.proposals]).toEqual([[request.id], []]);
    expect(await snapshot(office)).toEqual(before);
  });

  it("only close: the proposed times stay open with their seats and are listed with their days", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const member = await staffMember(office);
    const { request, answer } = await requestWithProposals(office, member, [MON_15]);
    const res = await admin.post("/admin/closures", { ...closure, bookings: { action: "keep" } });
    expect(res.status).toBe(201);
    const created = ClosureCreated.parse(await res.json());
    expect(created).toMatchObject({ bookings: [], cancelled: 0, withdrawn: 0, mailed: 0 });
    expect(created.proposals.map((p) => [p.id, p.day])).toEqual([[answer.proposals[0]!.id, MONDAY]]);
    expect((await proposalRows(request.id)).map((p) => p.status)).toEqual(["open"]);
    expect(await seatsByProposal(request.id)).toEqual({ [answer.proposals[0]!.id]: 6 });
    expect(await env.DB.prepare("SELECT count(*) AS n FROM mail_outbox WHERE booking_id = ?1 AND kind = 'proposals_withdrawn'").bind(request.id).first()).toEqual({ n: 0 });
  });

  it("only close, then the resident accepts the closed day's time: 409 slot_unavailable, nothing changed; the open day's time still goes", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const member = await staffMember(office);
    const { request, answer, links } = await requestWithProposals(office, member, [MON_15, WED_09]);
    const [monday, wednesday] = links.times as [(typeof links.times)[0], (typeof links.times)[0]];
    expect([monday.proposal, wednesday.proposal]).toEqual(answer.proposals.map((p) => p.id));
    expect((await admin.post("/admin/closures", { ...closure, bookings: { action: "keep" } })).status).toBe(201);

    const before = await snapshot(office);
    const res = await accept(office, monday.token, monday.proposal);
    expect(res.status).toBe(409);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.code).toBe("slot_unavailable");
    expect(body.error.message).toMatch(/closed/);
    // Still a request, both times still open with their seats, no history, no confirmation, no audit row.
    expect(await snapshot(office)).toEqual(before);
    expect((await proposalRows(request.id)).map((p) => p.status)).toEqual(["open", "open"]);

    expect((await accept(office, wednesday.token, wednesday.proposal)).status).toBe(200);
    const row = await env.DB.prepare("SELECT kind, status, starts_at FROM bookings WHERE id = ?1").bind(request.id).first();
    expect(row).toEqual({ kind: "slot", status: "confirmed", starts_at: "2026-12-02T08:00:00.000Z" });
  });

  it("a closure stored before its days had UTC bounds (migration 0007) refuses the accept all the same", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const { request, links } = await requestWithProposals(office, member, [MON_15]);
    await env.DB.prepare(
      "INSERT INTO closures (location_id, first_day, last_day, reason, created_at) VALUES (?1, ?2, ?2, '{\"de\":\"Alt\",\"en\":\"Old\"}', ?3)",
    )
      .bind(office.id, MONDAY, NOW.toISOString())
      .run();
    const before = await snapshot(office);
    await expectError(await accept(office, links.times[0]!.token, links.times[0]!.proposal), 409, "slot_unavailable");
    expect(await snapshot(office)).toEqual(before);
    expect((await proposalRows(request.id)).map((p) => p.status)).toEqual(["open"]);
  });

  it("a decision naming more than 300 appointments and times together is a 400 that changes nothing", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const ids = Array.from({ length: 200 }, (_, i) => `b${i}`);
    const proposals = Array.from({ length: 101 }, (_, i) => `p${i}`);
    await expectError(await admin.post("/admin/closures", { ...closure, bookings: { action: "cancel", ids, proposals } }), 400, "invalid_request", "bookings.proposals");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM closures WHERE location_id = ?1").bind(office.id).first()).toEqual({ n: 0 });
  });
});

describe("the guard of a change decided on proposed times", () => {
  it("fails the batch when a listed time was answered meanwhile, even though no seat moved (accepting keeps its seats)", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const { links } = await requestWithProposals(office, member, [MON_15]);
    const window = daysWindow(MONDAY, MONDAY, "Europe/Berlin");
    const read = await touchedBetween(env.DB, office.id, window.from, window.until, NOW);
    expect(read.proposals).toHaveLength(1);
    const guard = (g: { between?: typeof window; scheduleVersion?: number }) =>
      affectedUnchanged(env.DB, { locationId: office.id, bookings: read.bookings, proposals: read.proposals, now: NOW, ...g });
    // As read, both kinds of guard let the batch through.
    await env.DB.batch([guard({ between: window }), guard({ scheduleVersion: read.scheduleVersion })]);

    expect((await accept(office, links.times[0]!.token, links.times[0]!.proposal)).status).toBe(200);
    expect(await scheduleVersion(office)).toBe(read.scheduleVersion);
    await expect(env.DB.batch([guard({ scheduleVersion: read.scheduleVersion })])).rejects.toThrow(/batch_guard_failed/);
    await expect(env.DB.batch([guard({ between: window })])).rejects.toThrow(/batch_guard_failed/);
  });

  it("fails the batch when a listed time's deadline passed by the time it runs, or another time was proposed on those days", async () => {
    const office = await createOffice({ seatsPerSlot: 2 });
    const member = await staffMember(office);
    await requestWithProposals(office, member, [MON_15]);
    const window = daysWindow(MONDAY, MONDAY, "Europe/Berlin");
    const read = await touchedBetween(env.DB, office.id, window.from, window.until, NOW);
    const guard = (now: Date) =>
      affectedUnchanged(env.DB, { locationId: office.id, bookings: read.bookings, proposals: read.proposals, now, between: window });
    await expect(env.DB.batch([guard(new Date("2026-11-26T07:00:00Z"))])).rejects.toThrow(/batch_guard_failed/);
    await env.DB.batch([guard(NOW)]);
    await requestWithProposals(office, member, [MON_15]);
    await expect(env.DB.batch([guard(NOW)])).rejects.toThrow(/batch_guard_failed/);
  });
});

describe("changed opening hours and a removed Sondertermin with open proposals", () => {
  it("list the times the new hours leave outside them (not those proposed outside the hours before), and withdraw them on 'cancel all'", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const member = await staffMember(office);
    // Monday 17:00–17:30 lies inside the hours now and outside them from the change on; Thursday evening never did.
    const { request, answer } = await requestWithProposals(office, member, [MON_17, MON_13, "2026-11-26T18:00:00+01:00"]);
    const idOf = (start: string) => answer.proposals.find((p) => p.start === start)!.id;
    const [mon13, mon17, thursday] = [idOf(MON_13), idOf(MON_17), idOf("2026-11-26T18:00:00+01:00")];

    const list = await touched(await admin.put("/admin/settings/opening-hours", { rules: SHORTER_MONDAY }));
    expect([list.bookings, list.proposals.map((p) => p.id)]).toEqual([[], [mon17]]);
    const res = await admin.put("/admin/settings/opening-hours", { rules: SHORTER_MONDAY, bookings: { action: "cancel", proposals: [mon17] } });
    expect(res.status).toBe(200);
    expect(OpeningHoursChanged.parse(await res.json())).toMatchObject({ bookings: [], proposals: [], cancelled: 0, withdrawn: 1, mailed: 1 });
    expect((await proposalRows(request.id)).map((p) => [p.id, p.status])).toEqual([
      [thursday, "open"],
      [mon13, "open"],
      [mon17, "withdrawn"],
    ]);
    expect(await proposalMailText(request.id, "proposals_withdrawn")).toContain("Unsere Öffnungszeiten ändern sich.");
  });

  it("unchanged hours list no proposed time, inside or outside the hours", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const member = await staffMember(office);
    await requestWithProposals(office, member, [MON_17, "2026-11-26T18:00:00+01:00"]);
    const res = await admin.put("/admin/settings/opening-hours", { rules: SHORTER_MONDAY.map((r) => (r.weekday === 1 ? { ...r, closes: "17:30" } : r)) });
    expect(res.status).toBe(200);
    expect(OpeningHoursChanged.parse(await res.json())).toMatchObject({ bookings: [], proposals: [], withdrawn: 0 });
  });

  it("a Sondertermin with a time proposed in it: listed on removal; 'Nur löschen' keeps it, 'Löschen und alle absagen' withdraws it", async () => {
    const office = await createOffice();
    const admin = await signedInAdmin(office);
    const member = await staffMember(office);
    const saturday = "2026-12-05";
    const extra = async () => {
      const res = await admin.post("/admin/extra-hours", { day: saturday, opens: "10:00", closes: "12:00" });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: number }).id;
    };
    const first = await extra();
    const { request, answer } = await requestWithProposals(office, member, ["2026-12-05T10:30:00+01:00"]);
    const proposal = answer.proposals[0]!.id;
    expect(await seatsByProposal(request.id)).toEqual({ [proposal]: 6 }); // inside the Sondertermin: held

    const list = await touched(await admin.post(`/admin/extra-hours/${first}/delete`, {}));
    expect(list.proposals.map((p) => [p.id, p.day])).toEqual([[proposal, saturday]]);
    const kept = ExtraHoursDeleted.parse(await (await admin.post(`/admin/extra-hours/${first}/delete`, { bookings: { action: "keep" } })).json());
    expect(kept.proposals.map((p) => p.id)).toEqual([proposal]);
    expect((await proposalRows(request.id)).map((p) => p.status)).toEqual(["open"]);

    // The same hours again, and this time removed with the proposal withdrawn.
    const second = await extra();
    const ids = (await touched(await admin.post(`/admin/extra-hours/${second}/delete`, {}))).proposals.map((p) => p.id);
    const res = await admin.post(`/admin/extra-hours/${second}/delete`, { bookings: { action: "cancel", proposals: ids } });
    expect(ExtraHoursDeleted.parse(await res.json())).toMatchObject({ withdrawn: 1, mailed: 1 });
    expect((await proposalRows(request.id)).map((p) => p.status)).toEqual(["withdrawn"]);
    expect(await seatsByProposal(request.id)).toEqual({});
  });
});
