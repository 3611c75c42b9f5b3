import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ManagedBooking } from "../../schemas/bookings";
import { CheckedIn } from "../../schemas/kiosk";
import { SlotsResponse } from "../../schemas/slots";
import { Board } from "../../schemas/staff-board";
import { OutboxMail, ProposalsAnswer, StaffBooking } from "../../schemas/staff-bookings";
import { OfficeSettingsChanged } from "../../schemas/staff-settings";
import { bookingBody, mailsOf, NOW, post, tokenOf } from "../helpers/bookings";
import { createOffice, pairedDevice, staffMember } from "../helpers/fixtures";
import {
  accept,
  declineAll,
  linksOf,
  managed,
  proposalMailText,
  proposalRows,
  proposed,
  requestWithProposals,
  seatsByProposal,
  snapshot,
} from "../helpers/proposals";
import { auditOf, eventsOf, requestedOnline, staffCall } from "../helpers/staff-bookings";
import { readInvite } from "../mail/support/invite";

/*
 * Proposals the resident agrees to (issue 11 item 7), happy paths: staff propose one to three times for
 * a request "nach Vereinbarung", each of the topic's length, holding its seats at once until the
 * deadline; the resident answers from the manage page the mail's links open: one time (the booking is
 * confirmed with its invite and check-in code, the other times are freed) or "keiner passt" (all freed,
 * the request back on the board, marked). NOW is Tuesday 24 November 2026, 08:00 in Kempten.
 */

// Monday 30 November 13:00 and 15:00, Wednesday 2 December 09:00: inside the opening hours.
const MON_13 = "2026-11-30T13:00:00+01:00";
const MON_15 = "2026-11-30T15:00:00+01:00";
const WED_09 = "2026-12-02T09:00:00+01:00";
const THREE = [MON_13, MON_15, WED_09];
/** NOW + 48 hours: the deadline of a round proposed at NOW with the default hold. */
const DEADLINE = "2026-11-26T08:00:00+01:00";
/** A 60-minute topic of the test office ("Bewerbungstraining" in the words). */
const LONG = { topic: "kompetenzanalyse" };

async function board(office: Awaited<ReturnType<typeof createOffice>>, member: Awaited<ReturnType<typeof staffMember>>, now = NOW) {
  const res = await staffCall(office, member, "GET", "/board", undefined, { now });
  expect(res.status).toBe(200);
  return Board.parse(await res.json());
}

describe("propose: one to three times, each holding its seats at once", () => {
  it("three times for a 60-minute request: each of the topic's length, held until the deadline; one mail with a link per time and 'keiner passt'", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const request = await requestedOnline(office, LONG);
    const res = await staffCall(office, member, "POST", `/requests/${request.id}/propose`, { times: THREE, message: "Ich freue mich auf Sie." });
    expect(res.status).toBe(201);
    const answer = ProposalsAnswer.parse(await res.json());
    expect(answer.mailed).toBe(true);
    expect(answer.proposals.map((p) => [p.start, p.end, p.status, p.holdUntil])).toEqual([
      [MON_13, "2026-11-30T14:00:00+01:00", "open", DEADLINE],
      [MON_15, "2026-11-30T16:00:00+01:00", "open", DEADLINE],
      [WED_09, "2026-12-02T10:00:00+01:00", "open", DEADLINE],
    ]);

    // Twelve 5-minute units each, held for its proposal; the request is still a request.
    expect(await seatsByProposal(request.id)).toEqual(Object.fromEntries(answer.proposals.map((p) => [p.id, 12])));
    const row = await env.DB.prepare("SELECT kind, status, starts_at, invite_sequence FROM bookings WHERE id = ?1").bind(request.id).first();
    expect(row).toEqual({ kind: "request", status: "requested", starts_at: null, invite_sequence: 1 });

    // Held: nobody else gets those times, online or by phone, and the free times say so.
    expect((await post(office, "/api/bookings", bookingBody({ start: MON_13 }))).status).toBe(409);
    expect((await post(office, "/api/bookings", bookingBody({ start: "2026-11-30T13:30:00+01:00" }))).status).toBe(409);
    const phone = await staffCall(office, member, "POST", "/bookings", { topic: "fragen", start: WED_09, name: "Herr Schmid" });
    expect(phone.status).toBe(409);
    const slots = SlotsResponse.parse(await (await office.request("http://localhost/api/slots?from=2026-11-30&to=2026-11-30&topic=fragen", {}, NOW)).json());
    expect(slots.days[0]!.slots.map((s) => s.start.slice(11, 16))).toEqual(["14:00", "14:30", "16:00", "16:30", "17:00"]);

    // One mail, no invite yet: a link per time, "keiner passt", the deadline and the staff's message.
    const mails = await mailsOf(request.id);
    expect(mails.map((m) => [m.kind, m.status, m.ics_method])).toEqual([
      ["request_received", "captured", null],
      ["request_proposals", "captured", null],
    ]);
    const text = await proposalMailText(request.id);
    const links = linksOf(text);
    expect(links.times.map((l) => l.proposal)).toEqual(answer.proposals.map((p) => p.id));
    expect(links.none).not.toBeNull();
    expect(new Set([...links.times.map((l) => l.token), links.none!.token]).size).toBe(1);
    expect(text).toContain("Montag, 30. November 2026, 13:00 Uhr (bis 14:00 Uhr)");
    expect(text).toContain("Mittwoch, 2. Dezember 2026, 09:00 Uhr (bis 10:00 Uhr)");
    expect(text).toContain("Bitte antworten Sie bis Donnerstag, 26. November 2026, 08:00 Uhr.");
    expect(text).toContain("Nachricht vom Büro:\n  Ich freue mich auf Sie.");
    expect(text).toContain("Keine Zeit passt");

    // The history and the audit log.
    expect(await eventsOf(request.id)).toEqual([
      { sequence: 0, status: "requested", actor: "resident" },
      { sequence: 1, status: "requested", actor: `staff:${member.id}` },
    ]);
    const [audit] = await auditOf(office);
    expect(audit).toMatchObject({ action: "proposal.propose", actor_kind: "staff", actor_id: String(member.id), subject_id: request.id });
    expect(JSON.parse(audit!.detail!)).toEqual({
      sequence: 1,
      proposals: answer.proposals.map((p) => p.id),
      seats: [true, true, true],
      holdUntil: "2026-11-26T07:00:00.000Z",
      message: true,
    });

    // The board shows each time as open until the deadline.
    const [shown] = (await board(office, member)).requests;
    expect(shown!.proposals.map((p) => [p.id, p.status, p.holdUntil])).toEqual(answer.proposals.map((p) => [p.id, "open", DEADLINE]));
  });

  it("a link opens the manage page, which changes nothing: the request with its open times", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const { request, answer, links } = await requestWithProposals(office, member, [MON_13, WED_09]);
    const before = await snapshot(office);
    const page = await managed(office, links.times[1]!.token);
    expect(page).toMatchObject({ id: request.id, kind: "request", status: "requested", canCancel: true });
    expect(page.proposals).toEqual(answer.proposals);
    // The manage page itself is a static page: the proposal in its address is read by the page alone.
    expect(links.times[1]!.url).toBe(`http://localhost/manage?proposal=${answer.proposals[1]!.id}#${links.times[1]!.token}`);
    expect(await snapshot(office)).toEqual(before);
  });

  it("the deadline is never past the earliest time minus the minimum notice", async () => {
    const office = await createOffice(); // 120 minutes notice
    const member = await staffMember(office);
    const request = await requestedOnline(office);
    // Sunday 29 November, 20:00: 48 hours would end after Monday 13:00.
    const sunday = new Date("2026-11-29T19:00:00Z");
    const answer = await proposed(office, member, request.id, [WED_09, MON_13], sunday);
    expect(answer.proposals.map((p) => p.holdUntil)).toEqual(["2026-11-30T11:00:00+01:00", "2026-11-30T11:00:00+01:00"]);
  });

  it("the hold is the office's setting, admin-editable", async () => {
    const office = await createOffice();
    const admin = await staffMember(office, "admin");
    const change = await office.request(
      `http://localhost/api/staff/${office.slug}/admin/settings/office`,
      { method: "PUT", headers: { "Content-Type": "application/json", Origin: "http://localhost", Cookie: admin.cookie }, body: JSON.stringify({ proposalHoldHours: 24 }) },
      NOW,
    );
    expect(change.status).toBe(200);
    expect(OfficeSettingsChanged.parse(await change.json()).office.proposalHoldHours).toBe(24);
    expect((await auditOf(office)).map((a) => [a.action, a.detail])).toEqual([["settings.office.update", '{"proposal_hold_hours":{"from":48,"to":24}}']]);
    const request = await requestedOnline(office);
    const answer = await proposed(office, admin, request.id, [WED_09]);
    expect(answer.proposals[0]!.holdUntil).toBe("2026-11-25T08:00:00+01:00");
  });

  it("a time outside the opening hours holds no seat (Thursday evening), one across closing time only its part inside", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const request = await requestedOnline(office, LONG);
    const answer = await proposed(office, member, request.id, ["2026-11-26T18:00:00+01:00", "2026-11-30T17:00:00+01:00"]);
    expect(await seatsByProposal(request.id)).toEqual({ [answer.proposals[1]!.id]: 6 });
    const units = await env.DB.prepare("SELECT min(unit_start_at) AS first, max(unit_start_at) AS last FROM booking_seats WHERE booking_id = ?1").bind(request.id).first();
    expect(units).toEqual({ first: "2026-11-30T16:00:00.000Z", last: "2026-11-30T16:25:00.000Z" });
  });
});

describe("the free times' version (issue 14's cache key)", () => {
  it("moves with every hold and every release, and not when an accepted time's seats only change hands", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const version = async () =>
      (await env.DB.prepare("SELECT schedule_version AS v FROM locations WHERE id = ?1").bind(office.id).first<{ v: number }>())!.v;
    const start = await version();
    const one = await requestWithProposals(office, member, [MON_13]);
    const held = await version();
    expect(held).toBeGreaterThan(start);
    // The only time taken: its seats are the booking's now, as they were the proposal's; no free time changed.
    expect((await accept(office, one.links.none!.token, one.answer.proposals[0]!.id)).status).toBe(200);
    expect(await version()).toBe(held);
    // One of two taken: the other is free again.
    const two = await requestWithProposals(office, member, [MON_15, WED_09]);
    const bothHeld = await version();
    expect((await accept(office, two.links.none!.token, two.answer.proposals[0]!.id)).status).toBe(200);
    const oneFreed = await version();
    expect(oneFreed).toBeGreaterThan(bothHeld);
    // "Keiner passt" frees all.
    const three = await requestWithProposals(office, member, ["2026-12-07T13:00:00+01:00"]);
    const again = await version();
    expect((await declineAll(office, three.links.none!.token)).status).toBe(200);
    expect(await version()).toBeGreaterThan(again);
  });
});

describe("accept: the resident chooses one time", () => {
  it("one of three: confirmed with its time, the others' seats freed, the invite REQUEST (ical.js), the check-in code, the reminder; audited", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const { request, answer, links } = await requestWithProposals(office, member, THREE, LONG);
    const chosen = answer.proposals[1]!;
    const res = await accept(office, links.times[1]!.token, chosen.id);
    expect(res.status).toBe(200);
    const page = ManagedBooking.parse(await res.json());
    expect(page).toMatchObject({ kind: "slot", status: "confirmed", start: MON_15, end: "2026-11-30T16:00:00+01:00", canCancel: true, canReschedule: true });
    expect(page.proposals.map((p) => p.status)).toEqual(["not_chosen", "accepted", "not_chosen"]);
    expect(page.inviteUrl).toBe(`/api/bookings/manage/${links.times[1]!.token}/invite.ics`);

    // Its seats are the booking's now; the other two times are free for anyone.
    expect(await seatsByProposal(request.id)).toEqual({ booking: 12 });
    expect((await post(office, "/api/bookings", bookingBody({ start: MON_13 }))).status).toBe(201);
    expect((await post(office, "/api/bookings", bookingBody({ start: WED_09 }))).status).toBe(201);
    expect((await post(office, "/api/bookings", bookingBody({ start: MON_15 }))).status).toBe(409);

    // The confirmation with its invite (METHOD:REQUEST, the booking's UID, SEQUENCE of the change) and the reminder.
    const mails = await mailsOf(request.id);
    expect(mails.map((m) => [m.kind, m.ics_method])).toEqual([
      ["request_received", null],
      ["request_proposals", null],
      ["booking_confirmed", "REQUEST"],
      ["booking_reminder", null],
    ]);
    const invite = readInvite(mails[2]!.ics!);
    expect(invite.method).toBe("REQUEST");
    expect(invite.events[0]).toMatchObject({
      uid: `${request.id}@sprechstunde`,
      sequence: 2,
      status: "CONFIRMED",
      start: { instant: "2026-11-30T14:00:00.000Z", form: "utc" },
      end: { instant: "2026-11-30T15:00:00.000Z", form: "utc" },
    });
    expect(invite.events[0]!.description).toContain(page.code);
    expect(await proposalMailText(request.id, "booking_confirmed")).toContain(`Ihr Code: ${page.code}`);

    expect(await eventsOf(request.id)).toEqual([
      { sequence: 0, status: "requested", actor: "resident" },
      { sequence: 1, status: "requested", actor: `staff:${member.id}` },
      { sequence: 2, status: "confirmed", actor: "resident" },
    ]);
    // The check-in code works at the kiosk on the day, like any booking's.
    const tablet = await pairedDevice(office, "kiosk");
    const checkin = await post(office, "/api/kiosk/checkin", { code: page.code }, { now: new Date("2026-11-30T13:50:00Z"), headers: { Authorization: `Bearer ${tablet}` } });
    expect(checkin.status).toBe(201);
    CheckedIn.parse(await checkin.json());
    const audit = (await auditOf(office)).find((a) => a.action === "proposal.accept");
    expect(audit).toMatchObject({ actor_kind: "public", actor_id: null, subject_kind: "booking", subject_id: request.id });
    expect(JSON.parse(audit!.detail!)).toEqual({ sequence: 2, proposal: chosen.id });
    expect((await proposalRows(request.id)).map((p) => [p.status, p.decided_at])).toEqual([
      ["not_chosen", NOW.toISOString()],
      ["accepted", NOW.toISOString()],
      ["not_chosen", NOW.toISOString()],
    ]);
  });

  it("the same time again (a second click, a second tab) is harmless; another time of the round is refused", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const { request, answer, links } = await requestWithProposals(office, member, THREE);
    const token = links.none!.token;
    expect((await accept(office, token, answer.proposals[0]!.id)).status).toBe(200);
    const before = await snapshot(office);
    const again = await accept(office, token, answer.proposals[0]!.id);
    expect(again.status).toBe(200);
    expect(ManagedBooking.parse(await again.json())).toMatchObject({ status: "confirmed", start: MON_13 });
    const other = await accept(office, token, answer.proposals[2]!.id);
    expect(other.status).toBe(409);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe("proposal_closed");
    expect((await declineAll(office, token)).status).toBe(409);
    expect(await snapshot(office)).toEqual(before);
    expect((await mailsOf(request.id)).filter((m) => m.kind === "booking_confirmed")).toHaveLength(1);
  });

  it("the board shows the choice: the request leaves the list, the answer is listed with a link to its day", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const { request, answer, links } = await requestWithProposals(office, member, THREE, { name: "Rosa Request" });
    expect((await board(office, member)).requests.map((r) => r.id)).toEqual([request.id]);
    await accept(office, links.none!.token, answer.proposals[2]!.id);
    const after = await board(office, member);
    expect(after.requests).toEqual([]);
    expect(after.accepted).toEqual([
      {
        proposalId: answer.proposals[2]!.id,
        bookingId: request.id,
        name: "Rosa Request",
        topic: { key: "fragen", label: { de: "Thema fragen", en: "Topic fragen" } },
        start: WED_09,
        end: "2026-12-02T09:30:00+01:00",
        decidedAt: "2026-11-24T08:00:00+01:00",
        bookingStatus: "confirmed",
      },
    ]);
    // On its own day it is an appointment like any other.
    const day = await staffCall(office, member, "GET", "/board?day=2026-12-02");
    expect(Board.parse(await day.json()).appointments.map((a) => [a.bookingId, a.state])).toEqual([[request.id, "booked"]]);
  });
});

describe("keiner passt, withdraw, and the request itself ending", () => {
  it("'keiner passt': all seats freed, the request back on the board marked as such; staff may propose again", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const { request, answer, links } = await requestWithProposals(office, member, THREE);
    const res = await declineAll(office, links.none!.token);
    expect(res.status).toBe(200);
    const page = ManagedBooking.parse(await res.json());
    expect(page).toMatchObject({ kind: "request", status: "requested" });
    expect(page.proposals.map((p) => p.status)).toEqual(["declined", "declined", "declined"]);
    expect(await seatsByProposal(request.id)).toEqual({});
    expect((await post(office, "/api/bookings", bookingBody({ start: MON_13 }))).status).toBe(201);

    const [shown] = (await board(office, member)).requests;
    expect(shown!.id).toBe(request.id);
    expect(shown!.proposals.map((p) => [p.id, p.status, p.decidedAt])).toEqual(answer.proposals.map((p) => [p.id, "declined", "2026-11-24T08:00:00+01:00"]));
    expect((await auditOf(office)).map((a) => [a.action, a.actor_kind])).toEqual([
      ["proposal.propose", "staff"],
      ["proposal.decline", "public"],
    ]);
    // A second answer is harmless; no mail goes to the resident for it.
    expect((await declineAll(office, links.none!.token)).status).toBe(200);
    expect((await mailsOf(request.id)).map((m) => m.kind)).toEqual(["request_received", "request_proposals"]);

    // A new round: new times, a new mail, the old links open the page with the new times.
    const second = await proposed(office, member, request.id, ["2026-12-07T13:00:00+01:00"]);
    expect((await proposalRows(request.id)).map((p) => [p.round, p.status])).toEqual([
      [1, "declined"],
      [1, "declined"],
      [1, "declined"],
      [3, "open"],
    ]);
    expect((await managed(office, links.none!.token)).proposals.map((p) => p.id)).toEqual([second.proposals[0]!.id]);
    expect((await accept(office, links.none!.token, answer.proposals[0]!.id)).status).toBe(404);
  });

  it("staff withdraw one open time: its seat freed, the resident told which, with links to the two still open; the last one puts the request back", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const { request, answer } = await requestWithProposals(office, member, THREE);
    const [first, second, third] = answer.proposals;
    const res = await staffCall(office, member, "POST", `/requests/${request.id}/proposals/withdraw`, { proposals: [second!.id], message: "Da ist Teamsitzung." });
    expect(res.status).toBe(200);
    const after = ProposalsAnswer.parse(await res.json());
    expect(after.proposals.map((p) => p.status)).toEqual(["open", "withdrawn", "open"]);
    expect(after.mailed).toBe(true);
    expect(await seatsByProposal(request.id)).toEqual({ [first!.id]: 6, [third!.id]: 6 });

    const text = await proposalMailText(request.id, "proposals_withdrawn");
    expect(text).toContain("Diese Zeit können wir Ihnen nicht mehr anbieten:\n\nWann: Montag, 30. November 2026, 15:00 Uhr (bis 15:30 Uhr)");
    expect(text).toContain("Nachricht vom Büro:\n  Da ist Teamsitzung.");
    const links = linksOf(text);
    expect(links.times.map((l) => l.proposal)).toEqual([first!.id, third!.id]);
    // Its links work: the resident takes the third.
    expect((await accept(office, links.times[1]!.token, third!.id)).status).toBe(200);
    expect((await accept(office, links.times[1]!.token, second!.id)).status).toBe(409);

    // Another request: withdrawing its only open time puts it back, marked.
    const other = await requestWithProposals(office, member, ["2026-12-07T13:00:00+01:00"]);
    await staffCall(office, member, "POST", `/requests/${other.request.id}/proposals/withdraw`, { proposals: [other.answer.proposals[0]!.id] });
    const shown = (await board(office, member)).requests.find((r) => r.id === other.request.id);
    expect(shown!.proposals.map((p) => p.status)).toEqual(["withdrawn"]);
    expect(await proposalMailText(other.request.id, "proposals_withdrawn")).toContain("Wir melden uns wieder bei Ihnen");
    expect(linksOf(await proposalMailText(other.request.id, "proposals_withdrawn")).times).toEqual([]);
    expect((await auditOf(office)).filter((a) => a.action === "proposal.withdraw").map((a) => a.subject_id)).toEqual([request.id, other.request.id]);
  });

  it("the resident withdrawing the request, or staff declining it, takes its open times back and frees their seats", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const mine = await requestWithProposals(office, member, [MON_13]);
    const cancel = await post(office, `/api/bookings/manage/${tokenOf(mine.request.manageUrl)}/cancel`, {});
    expect(ManagedBooking.parse(await cancel.json()).proposals.map((p) => p.status)).toEqual(["withdrawn"]);
    expect(await seatsByProposal(mine.request.id)).toEqual({});

    const theirs = await requestWithProposals(office, member, [MON_15]);
    const declined = await staffCall(office, member, "POST", `/requests/${theirs.request.id}/decline`, { message: "Leider geht es doch nicht." });
    expect(StaffBooking.parse(await declined.json()).status).toBe("declined");
    expect((await proposalRows(theirs.request.id)).map((p) => p.status)).toEqual(["withdrawn"]);
    expect(await seatsByProposal(theirs.request.id)).toEqual({});
    expect((await accept(office, theirs.links.none!.token, theirs.answer.proposals[0]!.id)).status).toBe(409);
  });

  it("colleagues read the proposal mail in the outbox without the link's secret, its choice kept", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const { request, answer, links } = await requestWithProposals(office, member, [MON_13]);
    const [row] = (await env.DB.prepare("SELECT id FROM mail_outbox WHERE booking_id = ?1 AND kind = 'request_proposals'").bind(request.id).all<{ id: string }>()).results;
    const mail = OutboxMail.parse(await (await staffCall(office, member, "GET", `/outbox/${row!.id}`)).json());
    expect(mail.text).not.toContain(links.none!.token);
    expect(mail.text).toContain(`/manage?proposal=${answer.proposals[0]!.id}#…`);
    expect(mail.text).toContain("/manage?proposal=none#…");
  });
});
