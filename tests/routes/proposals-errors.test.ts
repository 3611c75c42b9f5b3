import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "../../schemas/common";
import { ManagedBooking } from "../../schemas/bookings";
import { bookingBody, NOW, post, tokenOf } from "../helpers/bookings";
import { createOffice, staffMember, takeSeats } from "../helpers/fixtures";
import { accept, declineAll, managed, proposalRows, requestWithProposals, seatsByProposal, snapshot } from "../helpers/proposals";
import { bookedOnline, requestedOnline, staffCall } from "../helpers/staff-bookings";

/*
 * Proposals (issue 11 item 7), refusals: each with its status, code and field, changing nothing. The
 * deadline holds before the scheduled work has run: an answer after it is refused by the answer itself.
 */

async function expectError(res: Response, status: number, code: string, field?: string) {
  expect(res.status).toBe(status);
  const { error } = ErrorBody.parse(await res.json());
  expect(error.code).toBe(code);
  if (field !== undefined) expect(error.field).toBe(field);
  return error;
}

const MON_13 = "2026-11-30T13:00:00+01:00";
const MON_15 = "2026-11-30T15:00:00+01:00";
/** Just past the deadline of a round proposed at NOW (NOW + 48 h). */
const AFTER_DEADLINE = new Date(NOW.getTime() + 48 * 3_600_000);

describe("propose refuses, changing nothing", () => {
  it("a time whose seat is taken: 409 slot_full naming which time; none of the round is held", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    await takeSeats(office, "2026-11-30T14:00:00.000Z"); // Monday 15:00 is booked
    const request = await requestedOnline(office);
    const before = await snapshot(office);
    const error = await expectError(
      await staffCall(office, member, "POST", `/requests/${request.id}/propose`, { times: [MON_13, MON_15] }),
      409,
      "slot_full",
      "times.1",
    );
    expect(error.message).toContain("2026-11-30T15:00:00+01:00");
    expect(await snapshot(office)).toEqual(before);
  });

  it("a time another request's open proposal holds: 409 slot_full, so two residents can never get one seat", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    await requestWithProposals(office, member, [MON_13]);
    const other = await requestedOnline(office);
    const before = await snapshot(office);
    await expectError(await staffCall(office, member, "POST", `/requests/${other.id}/propose`, { times: [MON_15, "2026-11-30T13:15:00+01:00"] }), 409, "slot_full", "times.1");
    expect(await snapshot(office)).toEqual(before);
  });

  it.each<[string, unknown, number, string, string]>([
    ["no time", { times: [] }, 400, "invalid_request", "times"],
    ["four times", { times: [MON_13, MON_15, "2026-12-02T09:00:00+01:00", "2026-12-02T10:00:00+01:00"] }, 400, "invalid_request", "times"],
    ["a length of its own (the topic's is the length)", { times: [MON_13], minutes: 45 }, 400, "invalid_request", "minutes"],
    ["the old single start", { start: MON_13 }, 400, "invalid_request", "times"],
    ["a time that is not one", { times: ["Montag"] }, 400, "invalid_request", "times.0"],
    ["a past time", { times: [MON_13, "2026-11-23T13:00:00+01:00"] }, 409, "booking_past", "times.1"],
    ["off the 5-minute grid", { times: ["2026-11-30T13:02:00+01:00"] }, 409, "slot_unavailable", "times.0"],
    ["more than a year ahead", { times: ["2027-12-01T13:00:00+01:00"] }, 409, "beyond_horizon", "times.0"],
    ["two times that overlap", { times: [MON_13, "2026-11-30T13:15:00+01:00"] }, 400, "invalid_request", "times.1"],
    // 08:00 now, two hours' notice: 10:55 leaves the resident 55 minutes to answer, less than the hour they get at least.
    ["too soon to answer", { times: [MON_15, "2026-11-24T10:55:00+01:00"] }, 409, "proposal_too_soon", "times.1"],
    ["a message too long", { times: [MON_13], message: "x".repeat(1001) }, 400, "invalid_request", "message"],
  ])("%s", async (_why, body, status, code, field) => {
    const office = await createOffice();
    const member = await staffMember(office);
    const request = await requestedOnline(office);
    const before = await snapshot(office);
    await expectError(await staffCall(office, member, "POST", `/requests/${request.id}/propose`, body), status, code, field);
    expect(await snapshot(office)).toEqual(before);
  });

  it("a request with open proposals: 409 proposals_open; a booking that is no open request: 409; another office's: 404", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const { request } = await requestWithProposals(office, member, [MON_13]);
    const booking = await bookedOnline(office, { start: MON_15 });
    const elsewhere = await createOffice();
    const theirs = await requestedOnline(elsewhere);
    const before = await snapshot(office);
    await expectError(await staffCall(office, member, "POST", `/requests/${request.id}/propose`, { times: ["2026-12-02T09:00:00+01:00"] }), 409, "proposals_open");
    await expectError(await staffCall(office, member, "POST", `/requests/${booking.id}/propose`, { times: ["2026-12-02T09:00:00+01:00"] }), 409, "booking_not_changeable");
    await expectError(await staffCall(office, member, "POST", `/requests/${theirs.id}/propose`, { times: ["2026-12-02T09:00:00+01:00"] }), 404, "not_found");
    expect(await snapshot(office)).toEqual(before);
  });

  it("once a round's deadline has passed unmarked, a new round first ends it (its seats free for the new one)", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const { request, answer } = await requestWithProposals(office, member, [MON_13]);
    const res = await staffCall(office, member, "POST", `/requests/${request.id}/propose`, { times: [MON_13] }, { now: AFTER_DEADLINE });
    expect(res.status).toBe(201);
    expect((await proposalRows(request.id)).map((p) => [p.id === answer.proposals[0]!.id, p.status])).toEqual([
      [true, "expired"],
      [false, "open"],
    ]);
  });
});

describe("the hold setting refuses, changing nothing", () => {
  it("outside 1 to 336 hours a 400 naming it; for the role staff a 403", async () => {
    const office = await createOffice();
    const admin = await staffMember(office, "admin");
    const member = await staffMember(office);
    const put = (who: typeof admin, body: unknown) =>
      office.request(
        `http://localhost/api/staff/${office.slug}/admin/settings/office`,
        { method: "PUT", headers: { "Content-Type": "application/json", Origin: "http://localhost", Cookie: who.cookie }, body: JSON.stringify(body) },
        NOW,
      );
    for (const hours of [0, 337, 1.5, "48"]) await expectError(await put(admin, { proposalHoldHours: hours }), 400, "invalid_request", "proposalHoldHours");
    await expectError(await put(member, { proposalHoldHours: 24 }), 403, "forbidden");
    const row = await env.DB.prepare("SELECT proposal_hold_hours AS h FROM locations WHERE id = ?1").bind(office.id).first();
    expect(row).toEqual({ h: 48 });
  });
});

describe("answers refuse, changing nothing", () => {
  it("an expired proposal cannot be accepted, even before the scheduled work ran; nor can its round be declined", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const { request, answer, links } = await requestWithProposals(office, member, [MON_13, MON_15]);
    const token = links.none!.token;
    // A minute before the deadline the page still offers the times …
    expect((await managed(office, token, new Date(AFTER_DEADLINE.getTime() - 60_000))).proposals.map((p) => p.status)).toEqual(["open", "open"]);
    // … at the deadline it shows them expired, and accepting is refused, though nothing marked them yet.
    expect((await managed(office, token, AFTER_DEADLINE)).proposals.map((p) => p.status)).toEqual(["expired", "expired"]);
    const before = await snapshot(office);
    await expectError(await accept(office, token, answer.proposals[0]!.id, AFTER_DEADLINE), 409, "proposal_expired");
    await expectError(await declineAll(office, token, AFTER_DEADLINE), 409, "proposal_expired");
    expect(await snapshot(office)).toEqual(before);
    expect((await proposalRows(request.id)).map((p) => p.status)).toEqual(["open", "open"]);
  });

  it("unknown proposals and links: 404; a withdrawn time: 409 proposal_closed", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const { request, answer, links } = await requestWithProposals(office, member, [MON_13, MON_15]);
    const token = links.none!.token;
    await staffCall(office, member, "POST", `/requests/${request.id}/proposals/withdraw`, { proposals: [answer.proposals[0]!.id] });
    const other = await requestWithProposals(office, member, ["2026-12-02T09:00:00+01:00"]);
    const before = await snapshot(office);
    await expectError(await accept(office, token, "no-such-proposal"), 404, "not_found");
    await expectError(await accept(office, "A".repeat(43), answer.proposals[1]!.id), 404, "not_found");
    await expectError(await accept(office, token, answer.proposals[0]!.id), 409, "proposal_closed");
    // Another request's proposal with this request's link opens nothing.
    await expectError(await accept(office, token, other.answer.proposals[0]!.id), 404, "not_found");
    expect(await snapshot(office)).toEqual(before);
  });

  it("a request the resident withdrew: its times are closed", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const { request, answer, links } = await requestWithProposals(office, member, [MON_13]);
    await post(office, `/api/bookings/manage/${tokenOf(request.manageUrl)}/cancel`, {});
    await expectError(await accept(office, links.none!.token, answer.proposals[0]!.id), 409, "proposal_closed");
    await expectError(await declineAll(office, links.none!.token), 409, "proposal_closed");
    expect((await post(office, "/api/bookings", bookingBody({ start: MON_13 }))).status).toBe(201);
  });

  it("an open request cannot be erased; once withdrawn and erased, its proposal links open nothing", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const admin = await staffMember(office, "admin");
    const { request, answer, links } = await requestWithProposals(office, member, [MON_13]);
    const erase = (id: string) => staffCall(office, admin, "POST", "/admin/data-subjects/erase", { bookings: [id] });
    await expectError(await erase(request.id), 409, "booking_active", "bookings.0");
    expect(await seatsByProposal(request.id)).toEqual({ [answer.proposals[0]!.id]: 6 });
    const cancelled = await post(office, `/api/bookings/manage/${tokenOf(request.manageUrl)}/cancel`, {});
    expect(ManagedBooking.parse(await cancelled.json()).status).toBe("cancelled");
    expect((await erase(request.id)).status).toBe(200);
    await expectError(await accept(office, links.none!.token, answer.proposals[0]!.id), 404, "not_found");
    await expectError(await declineAll(office, links.none!.token), 404, "not_found");
  });

  it("withdraw: an unknown proposal 404 naming it, one that is no longer open 409", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const { request, answer, links } = await requestWithProposals(office, member, [MON_13, MON_15]);
    await declineAll(office, links.none!.token);
    const before = await snapshot(office);
    const withdraw = (ids: string[]) => staffCall(office, member, "POST", `/requests/${request.id}/proposals/withdraw`, { proposals: ids });
    await expectError(await withdraw([answer.proposals[0]!.id, "nope"]), 404, "not_found", "proposals.1");
    await expectError(await withdraw([answer.proposals[0]!.id]), 409, "proposal_closed");
    await expectError(await withdraw([]), 400, "invalid_request", "proposals");
    expect(await snapshot(office)).toEqual(before);
  });
});
