import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ManagedBooking } from "../../schemas/bookings";
import { ErrorBody } from "../../schemas/common";
import { bookingBody, post } from "../helpers/bookings";
import { createOffice, staffMember } from "../helpers/fixtures";
import { accept, proposalRows, requestWithProposals, seatsByProposal } from "../helpers/proposals";
import { eventsOf, requestedOnline, staffCall } from "../helpers/staff-bookings";
import { CONCURRENCY } from "../helpers/timeouts";

/*
 * Proposals under concurrency (issue 11 item 7): one seat is never given twice, whoever races for it.
 *   - the resident's answers: 50 accepts at once of the three proposals of one request (repeated clicks,
 *     other tabs): exactly one time is confirmed;
 *   - staff's proposals: 50 requests proposed for one seat at once: exactly one holds it, the others are
 *     refused naming the time. Two requests can never hold the same seat, so they never compete when
 *     their residents answer: the competition is decided when the seat is held (the primary key of
 *     booking_seats), not when it is chosen;
 *   - proposals and online bookings racing for one seat: exactly one holder.
 */

const MON_13 = "2026-11-30T13:00:00+01:00";

/** "200", "201", or "409 code" for a refusal. */
async function outcome(res: Response): Promise<string> {
  if (res.status < 300) return String(res.status);
  return `${res.status} ${ErrorBody.parse(await res.json()).error.code}`;
}

/** `SELECT count(*) …` of `from` (the rest of the query), bound to `binds`. */
async function count(from: string, ...binds: unknown[]): Promise<number> {
  return (await env.DB.prepare(`SELECT count(*) AS n ${from}`).bind(...binds).first<{ n: number }>())!.n;
}

function tally(outcomes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
  return counts;
}

describe("one seat, many hands", () => {
  it("50 concurrent accepts of the three proposals of one request: exactly one time confirmed, once", CONCURRENCY, async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const { request, answer, links } = await requestWithProposals(office, member, [MON_13, "2026-11-30T15:00:00+01:00", "2026-12-02T09:00:00+01:00"]);
    const token = links.none!.token;
    const ids = answer.proposals.map((p) => p.id);
    // Each click from a client of its own (the rate limit counts an IPv6 client by its /64).
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, n) => accept(office, token, ids[n % 3]!, undefined, { "CF-Connecting-IP": `2001:db8:${n + 1}::1` })),
    );
    const answers = await Promise.all(responses.map(async (res) => ({ res, body: res.status === 200 ? ManagedBooking.parse(await res.json()) : null })));

    const rows = await proposalRows(request.id);
    const won = rows.filter((p) => p.status === "accepted");
    expect(won).toHaveLength(1);
    expect(rows.filter((p) => p.status === "not_chosen")).toHaveLength(2);
    const winner = won[0]!.id;
    // Every click of the winning time answers the confirmed booking; every other is refused as closed.
    const expected: Record<string, number> = {};
    for (let n = 0; n < 50; n++) {
      const key = ids[n % 3] === winner ? "200" : "409 proposal_closed";
      expected[key] = (expected[key] ?? 0) + 1;
    }
    expect(tally(await Promise.all(answers.map(({ res, body }) => (body ? Promise.resolve("200") : outcome(res)))))).toEqual(expected);
    for (const { body } of answers) if (body) expect(body).toMatchObject({ kind: "slot", status: "confirmed", start: answer.proposals[ids.indexOf(winner)]!.start });

    // One booking, one history event, one confirmation, its seats alone.
    expect(await seatsByProposal(request.id)).toEqual({ booking: 6 });
    expect((await eventsOf(request.id)).filter((e) => e.status === "confirmed")).toHaveLength(1);
    expect(await count("FROM mail_outbox WHERE booking_id = ?1 AND kind = 'booking_confirmed'", request.id)).toBe(1);
    expect(await count("FROM audit_events WHERE subject_id = ?1 AND action = 'proposal.accept'", request.id)).toBe(1);
  });

  it("50 requests proposed for one seat at once: exactly one holds it, the others are refused naming the time", CONCURRENCY, async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const requests = [];
    for (let n = 0; n < 50; n++) requests.push(await requestedOnline(office));
    const outcomes = await Promise.all(
      requests.map(async (r) => {
        const res = await staffCall(office, member, "POST", `/requests/${r.id}/propose`, { times: [MON_13] });
        if (res.status === 201) return "201";
        const { error } = ErrorBody.parse(await res.json());
        return `${res.status} ${error.code} ${error.field}`;
      }),
    );
    expect(tally(outcomes)).toEqual({ "201": 1, "409 slot_full times.0": 49 });
    const seats = await env.DB.prepare("SELECT count(*) AS n, count(DISTINCT proposal_id) AS holders FROM booking_seats WHERE location_id = ?1").bind(office.id).first();
    expect(seats).toEqual({ n: 6, holders: 1 });
    expect(await count("FROM proposals WHERE location_id = ?1", office.id)).toBe(1);
    expect(await count("FROM mail_outbox WHERE location_id = ?1 AND kind = 'request_proposals'", office.id)).toBe(1);
  });

  it("30 online bookings and 30 proposals racing for one seat: exactly one holder", CONCURRENCY, async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const requests = [];
    for (let n = 0; n < 30; n++) requests.push(await requestedOnline(office));
    const outcomes = await Promise.all([
      ...requests.map(async (r) => outcome(await staffCall(office, member, "POST", `/requests/${r.id}/propose`, { times: [MON_13] }))),
      ...Array.from({ length: 30 }, async (_, n) =>
        outcome(await post(office, "/api/bookings", bookingBody({ start: MON_13 }), { headers: { "CF-Connecting-IP": `2001:db8:${n + 1}::1` } })),
      ),
    ]);
    expect(tally(outcomes)).toEqual({ "201": 1, "409 slot_full": 59 });
    const seats = await env.DB.prepare("SELECT count(*) AS n, count(DISTINCT booking_id) AS holders FROM booking_seats WHERE location_id = ?1").bind(office.id).first();
    expect(seats).toEqual({ n: 6, holders: 1 });
  });
});
