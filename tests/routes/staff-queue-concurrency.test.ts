import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "../../schemas/common";
import { TicketActionResult } from "../../schemas/staff-board";
import { createOffice } from "../helpers/fixtures";
import { after, roomsOf, signedIn, walkIn } from "./staff-queue-support";

// Two staff members pressing "Nächste Person aufrufen" at the same moment never get the same person.

describe("concurrent call-next", () => {
  it("50 calls from two rooms over 30 waiting numbers: each number called once, 20 × queue_empty, the DB agrees", async () => {
    const office = await createOffice();
    const rooms = await roomsOf(office);
    const [anna, ben] = [await signedIn(office), await signedIn(office)];
    const waiting = [];
    for (let i = 0; i < 30; i++) waiting.push(await walkIn(office, after(-60 + i)));

    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 ? ben.post("/queue/call-next", { roomId: rooms["Raum 2"] }) : anna.post("/queue/call-next", { roomId: rooms["Raum 1"] }),
      ),
    );

    const called: string[] = [];
    let empty = 0;
    for (const res of responses) {
      if (res.status === 200) {
        const { ticket } = TicketActionResult.parse(await res.json());
        expect(ticket.callCount).toBe(1);
        called.push(ticket.id);
      } else {
        expect(res.status).toBe(409);
        expect(ErrorBody.parse(await res.json()).error.code).toBe("queue_empty");
        empty++;
      }
    }
    expect(called).toHaveLength(30);
    expect(new Set(called).size).toBe(30);
    expect(new Set(called)).toEqual(new Set(waiting));
    expect(empty).toBe(20);

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
    // Each call finished the room's previous number: one number per room is still 'called'.
    expect(tickets.results).toEqual([
      { status: "called", n: 2, calls: 2 },
      { status: "done", n: 28, calls: 28 },
    ]);
    const perRoom = await env.DB.prepare("SELECT room_id, count(*) AS n FROM queue_tickets WHERE location_id = ?1 AND status = 'called' GROUP BY room_id ORDER BY room_id")
      .bind(office.id)
      .all<{ room_id: number; n: number }>();
    expect(perRoom.results).toEqual([{ room_id: rooms["Raum 1"], n: 1 }, { room_id: rooms["Raum 2"], n: 1 }]);
  });
});
