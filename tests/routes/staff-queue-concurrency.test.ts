import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "../../schemas/common";
import { TicketActionResult } from "../../schemas/staff-board";
import { createOffice } from "../helpers/fixtures";
import { after, roomsOf, signedIn, walkIn } from "./staff-queue-support";
import { CONCURRENCY } from "../helpers/timeouts";

// Two staff members pressing "Nächste Person aufrufen" at the same moment never get the same person,
// and a room with a number still called in it takes no second call (double click, two tabs).

describe("concurrent call-next", () => {
  it("50 calls from two rooms, round after round: one call per room, 48 × room_busy, each number called once", async () => {
    const office = await createOffice();
    const rooms = await roomsOf(office);
    const [anna, ben] = [await signedIn(office), await signedIn(office)];
    const waiting = [];
    for (let i = 0; i < 30; i++) waiting.push(await walkIn(office, after(-60 + i)));
    const called: string[] = [];

    for (let round = 0; ; round++) {
      expect(round).toBeLessThanOrEqual(15);
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          i % 2 ? ben.post("/queue/call-next", { roomId: rooms["Raum 2"] }) : anna.post("/queue/call-next", { roomId: rooms["Raum 1"] }),
        ),
      );
      const codes: Record<string, number> = {};
      const thisRound: { id: string; room: number }[] = [];
      for (const res of responses) {
        if (res.status === 200) {
          const { ticket } = TicketActionResult.parse(await res.json());
          expect(ticket.callCount).toBe(1);
          thisRound.push({ id: ticket.id, room: ticket.room!.id });
        } else {
          expect(res.status).toBe(409);
          const code = ErrorBody.parse(await res.json()).error.code;
          codes[code] = (codes[code] ?? 0) + 1;
        }
      }
      if (round === 15) {
        // Everyone has been called: the last round finds nobody.
        expect(thisRound).toEqual([]);
        expect(codes).toEqual({ queue_empty: 50 });
        break;
      }
      // One call per room, two different numbers; every other press found its room busy.
      expect(thisRound.map((t) => t.room).sort()).toEqual([rooms["Raum 1"], rooms["Raum 2"]].sort());
      expect(new Set(thisRound.map((t) => t.id)).size).toBe(2);
      expect(codes).toEqual({ room_busy: 48 });
      const busy = await env.DB.prepare(
        "SELECT room_id, count(*) AS n FROM queue_tickets WHERE location_id = ?1 AND status = 'called' GROUP BY room_id ORDER BY room_id",
      )
        .bind(office.id)
        .all<{ room_id: number; n: number }>();
      expect(busy.results.every((r) => r.n === 1)).toBe(true);
      expect(busy.results).toHaveLength(2);
      called.push(...thisRound.map((t) => t.id));
      // Both take their person in; the next round's calls finish these conversations.
      for (const t of thisRound) expect((await anna.post(`/tickets/${t.id}/start`)).status).toBe(200);
    }

    expect(called).toHaveLength(30);
    expect(new Set(called)).toEqual(new Set(waiting));
    const calls = await env.DB.prepare("SELECT ticket_id, count(*) AS n FROM queue_calls WHERE location_id = ?1 GROUP BY ticket_id")
      .bind(office.id)
      .all<{ ticket_id: string; n: number }>();
    expect(calls.results).toHaveLength(30);
    expect(calls.results.every((r) => r.n === 1)).toBe(true);
    const tickets = await env.DB.prepare(
      "SELECT status, count(*) AS n, sum(call_count) AS calls FROM queue_tickets WHERE location_id = ?1 GROUP BY status ORDER BY status",
    )
      .bind(office.id)
      .all<{ status: string; n: number; calls: number }>();
    // The last two are still in conversation (nobody called after them); every other one was seen and finished.
    expect(tickets.results).toEqual([
      { status: "done", n: 28, calls: 28 },
      { status: "in_progress", n: 2, calls: 2 },
    ]);
  }, 120_000); // 16 rounds of 50 requests on a shared, busy machine

  it("10 direct calls of 10 different numbers into one room at once: exactly one is called, 9 × room_busy", CONCURRENCY, async () => {
    const office = await createOffice();
    const rooms = await roomsOf(office);
    const staff = await signedIn(office);
    const waiting = [];
    for (let i = 0; i < 10; i++) waiting.push(await walkIn(office, after(-30 + i)));
    const responses = await Promise.all(waiting.map((id) => staff.post(`/tickets/${id}/call`, { roomId: rooms["Raum 1"] })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    for (const res of responses) {
      if (res.status === 409) expect(ErrorBody.parse(await res.json()).error.code).toBe("room_busy");
    }
    const called = await env.DB.prepare("SELECT count(*) AS n FROM queue_tickets WHERE location_id = ?1 AND status <> 'waiting'")
      .bind(office.id)
      .first<{ n: number }>();
    expect(called!.n).toBe(1);
    const calls = await env.DB.prepare("SELECT count(*) AS n FROM queue_calls WHERE location_id = ?1").bind(office.id).first<{ n: number }>();
    expect(calls!.n).toBe(1);
  });
});
