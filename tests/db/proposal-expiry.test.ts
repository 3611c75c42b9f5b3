import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Board } from "../../schemas/staff-board";
import { createApp } from "../../worker/app";
import worker from "../../worker/index";
import { DUE_EXPIRY_SQL } from "../../worker/db/proposals";
import type { LiveNotifier } from "../../worker/live/notifier";
import { runProposalExpiry } from "../../worker/services/proposal-expiry";
import { bookingBody, NOW, post } from "../helpers/bookings";
import { createOffice, staffMember, testDeps, type Office } from "../helpers/fixtures";
import { proposalRows, requestWithProposals, seatsByProposal, snapshot } from "../helpers/proposals";
import { forcedRace } from "../helpers/race";
import { auditOf, eventsOf, staffCall } from "../helpers/staff-bookings";

/*
 * The deadline of proposals in the scheduled work (issue 11 item 7): a round nobody answered ends as
 * `expired` at its deadline, by the Worker's real `scheduled` handler with a held clock: its seats are
 * freed, the request is back on the board marked so, with a system event and audit row. Not a minute
 * before; a request answered meanwhile is left alone; a second run changes nothing; a backlog is worked
 * off a bounded slice per run; and an answer racing the step loses one way or the other, never both.
 */

const MON_13 = "2026-11-30T13:00:00+01:00";
const MON_15 = "2026-11-30T15:00:00+01:00";
/** The deadline of a round proposed at NOW: 48 hours later. */
const DEADLINE = new Date(NOW.getTime() + 48 * 3_600_000);
const minutes = (m: number) => new Date(DEADLINE.getTime() + m * 60_000);

/** The Worker's own scheduled handler, run as the cron trigger would at `at`, and all it left to finish. */
async function scheduledAt(at: Date): Promise<void> {
  const ctx = createExecutionContext();
  const controller: ScheduledController = { scheduledTime: at.getTime(), cron: "* * * * *", noRetry: () => {} };
  await worker.scheduled(controller, env, ctx);
  await waitOnExecutionContext(ctx);
}

/** A notifier that records whom it told what. */
function recording(): LiveNotifier & { told: [string, string[]][] } {
  const told: [string, string[]][] = [];
  return { told, changed: async (office, changes) => void told.push([office, changes]) };
}

async function boardOf(office: Office, member: Awaited<ReturnType<typeof staffMember>>, now: Date) {
  return Board.parse(await (await staffCall(office, member, "GET", "/board", undefined, { now })).json());
}

describe("the scheduled work ends rounds at their deadline", () => {
  it("not a minute before; at the deadline: seats freed, proposals expired, the request back on the board marked 'abgelaufen'", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const { request, answer } = await requestWithProposals(office, member, [MON_13, MON_15]);

    const before = await snapshot(office);
    await scheduledAt(minutes(-1));
    expect(await snapshot(office)).toEqual(before);

    await scheduledAt(minutes(0.5));
    expect((await proposalRows(request.id)).map((p) => [p.status, p.decided_at])).toEqual([
      ["expired", DEADLINE.toISOString()],
      ["expired", DEADLINE.toISOString()],
    ]);
    expect(await seatsByProposal(request.id)).toEqual({});
    expect((await post(office, "/api/bookings", bookingBody({ start: MON_13 }), { now: minutes(1) })).status).toBe(201);
    expect((await eventsOf(request.id)).at(-1)).toEqual({ sequence: 2, status: "requested", actor: "system" });
    const audit = (await auditOf(office)).filter((a) => a.action === "proposal.expire");
    expect(audit).toEqual([{ actor_kind: "system", actor_id: null, action: "proposal.expire", subject_kind: "booking", subject_id: request.id, detail: '{"sequence":2}' }]);

    const [shown] = (await boardOf(office, member, minutes(1))).requests;
    expect(shown!.proposals.map((p) => [p.id, p.status])).toEqual(answer.proposals.map((p) => [p.id, "expired"]));

    // A second run changes nothing more; staff may propose again.
    const after = await snapshot(office);
    await scheduledAt(minutes(2));
    expect(await snapshot(office)).toEqual(after);
    expect((await staffCall(office, member, "POST", `/requests/${request.id}/propose`, { times: ["2026-12-02T09:00:00+01:00"] }, { now: minutes(3) })).status).toBe(201);
  });

  it("tells the office's boards, and leaves alone a request answered before its deadline", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const answered = await requestWithProposals(office, member, [MON_13]);
    const waiting = await requestWithProposals(office, member, [MON_15]);
    const res = await post(office, `/api/bookings/manage/${answered.links.none!.token}/proposals/${answered.answer.proposals[0]!.id}/accept`, {}, { now: minutes(-10) });
    expect(res.status).toBe(200);
    const live = recording();
    expect((await runProposalExpiry(env.DB, minutes(1), live)).get(office.id)).toBe(1);
    expect(live.told).toContainEqual([office.slug, ["requests"]]);
    expect((await proposalRows(answered.request.id)).map((p) => p.status)).toEqual(["accepted"]);
    expect(await seatsByProposal(answered.request.id)).toEqual({ booking: 6 });
    expect((await proposalRows(waiting.request.id)).map((p) => p.status)).toEqual(["expired"]);
    const told = live.told.length;
    expect((await runProposalExpiry(env.DB, minutes(2), live)).has(office.id)).toBe(false);
    expect(live.told).toHaveLength(told);
  });

  it("works a backlog off a bounded slice per run", async () => {
    const office = await createOffice();
    const member = await staffMember(office);
    const starts = ["13:00", "13:30", "14:00", "14:30", "15:00"].map((t) => `2026-11-30T${t}:00+01:00`);
    const requests = [];
    for (const start of starts) requests.push((await requestWithProposals(office, member, [start])).request.id);
    const live = recording();
    const runs = [];
    for (let run = 0; run < 4; run++) runs.push((await runProposalExpiry(env.DB, minutes(1 + run), live, 2)).get(office.id));
    expect(runs).toEqual([2, 2, 1, undefined]);
    for (const id of requests) expect((await proposalRows(id)).map((p) => p.status)).toEqual(["expired"]);
  });

  it("finds what is due through its index, reading no other proposal", async () => {
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${DUE_EXPIRY_SQL}`).bind(DEADLINE.toISOString(), 10).all<{ detail: string }>();
    const plan = results.map((r) => r.detail).join("\n");
    expect(plan).toContain("USING INDEX proposals_open_due");
    expect(plan).not.toMatch(/SCAN p\b|SCAN proposals|USE TEMP B-TREE/);
  });
});

describe("an answer racing the deadline's step: one or the other, never both", () => {
  /** The resident's accept (its clock a moment before the deadline) and the step (at the deadline), forced into `order`. */
  async function race(order: ["accept", "expiry"] | ["expiry", "accept"]) {
    const office = await createOffice();
    const member = await staffMember(office);
    const { request, answer, links } = await requestWithProposals(office, member, [MON_13, MON_15]);
    const db = forcedRace(order);
    const [res] = await Promise.all([
      createApp(testDeps(minutes(-0.01))).request(
        `http://localhost/api/bookings/manage/${links.none!.token}/proposals/${answer.proposals[0]!.id}/accept`,
        { method: "POST", headers: { "Content-Type": "application/json", Origin: "http://localhost" }, body: "{}" },
        { ...env, DB: db("accept"), DEFAULT_LOCATION: office.slug },
      ),
      runProposalExpiry(db("expiry"), minutes(0), recording()),
    ]);
    return { res, request, answer };
  }

  it("the accept first: the appointment is confirmed, the step finds nothing to end", async () => {
    const { res, request } = await race(["accept", "expiry"]);
    expect(res.status).toBe(200);
    expect((await proposalRows(request.id)).map((p) => p.status)).toEqual(["accepted", "not_chosen"]);
    expect(await seatsByProposal(request.id)).toEqual({ booking: 6 });
    expect((await eventsOf(request.id)).map((e) => e.actor)).toEqual(["resident", expect.stringMatching(/^staff:/), "resident"]);
  });

  it("the step first: the accept is refused as expired, nothing is booked", async () => {
    const { res, request } = await race(["expiry", "accept"]);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("proposal_expired");
    expect((await proposalRows(request.id)).map((p) => p.status)).toEqual(["expired", "expired"]);
    expect(await seatsByProposal(request.id)).toEqual({});
    const row = await env.DB.prepare("SELECT kind, status FROM bookings WHERE id = ?1").bind(request.id).first();
    expect(row).toEqual({ kind: "request", status: "requested" });
  });
});
