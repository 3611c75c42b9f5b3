import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ErrorBody } from "../../schemas/common";
import { SlotsResponse } from "../../schemas/slots";
import { Board } from "../../schemas/staff-board";
import { ProposalsAnswer, StaffBooking } from "../../schemas/staff-bookings";
import { BOARD_MAILS_SQL, BOOKED_STARTS_SQL } from "../../worker/db/board";
import { addClosure, createOffice, takeSeats, type Office } from "../helpers/fixtures";
import { accept, linksOf, proposalMailText } from "../helpers/proposals";
import { requestedOnline } from "../helpers/staff-bookings";
import { OPEN, after, roomsOf, signedIn, type Staff } from "./staff-queue-support";

/*
 * The staff board of any day (issue 11 item 1), `GET /api/staff/:office/board?day=`: a past day shows
 * what happened (attended, not come, walk-ins served), a coming one what is planned (appointments with
 * their times, a proposed request among them, the open requests, the free times left); the days the
 * clocks change have 23 and 25 hours; a closure day keeps the bookings still on it and says why it is
 * closed. The clock is held at Monday 30 November 2026, 14:00 in Kempten (OPEN).
 */

async function boardOf(staff: Staff, day?: string, now = OPEN): Promise<Board> {
  const res = await staff.get(day ? `/board?day=${day}` : "/board", now);
  expect(res.status, await res.clone().text()).toBe(200);
  return Board.parse(await res.json());
}

/** A number of local day `day` in a given state, written straight into D1. */
async function ticketOn(office: Office, day: string, n: number, status: string, issuedAt: string, bookingId: string | null = null): Promise<string> {
  const id = crypto.randomUUID();
  await env.DB.prepare(
    `INSERT INTO queue_tickets (id, location_id, local_day, prefix, number, kind, booking_id, topic_id, status, issued_at)
     SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, t.id, ?8, ?9 FROM topics AS t WHERE t.location_id = ?2 AND t.key = 'fragen'`,
  )
    .bind(id, office.id, day, bookingId ? "T" : "W", n, bookingId ? "appointment" : "walk_in", bookingId, status, issuedAt)
    .run();
  return id;
}

const setStatus = (id: string, status: string) => env.DB.prepare("UPDATE bookings SET status = ?2 WHERE id = ?1").bind(id, status).run();

/** The staff slot computation's free starts of one day, as the phone booking dialog sees them. */
async function freeStarts(staff: Staff, day: string, now = OPEN): Promise<string[]> {
  const res = await staff.get(`/slots?from=${day}&to=${day}`, now);
  expect(res.status).toBe(200);
  return SlotsResponse.parse(await res.json()).days[0]!.slots.map((s) => s.start);
}

describe("GET /board?day= for a past day", () => {
  it("shows what happened: attended, not come, cancelled, the walk-ins served and those who left; nothing to call", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const day = "2026-11-23"; // the Monday before
    const attended = await takeSeats(office, "2026-11-23T12:00:00.000Z"); // 13:00 local
    const missed = await takeSeats(office, "2026-11-23T12:30:00.000Z");
    const cancelled = await takeSeats(office, "2026-11-23T13:00:00.000Z");
    await setStatus(attended, "completed");
    await setStatus(missed, "no_show");
    await setStatus(cancelled, "cancelled");
    const attendedTicket = await ticketOn(office, day, 1, "done", "2026-11-23T11:55:00.000Z", attended);
    const served = await ticketOn(office, day, 1, "done", "2026-11-23T12:10:00.000Z");
    const gone = await ticketOn(office, day, 2, "no_show", "2026-11-23T12:20:00.000Z");
    await ticketOn(office, "2026-11-30", 1, "waiting", after(-10).toISOString()); // today's: not that day's

    const board = await boardOf(staff, day);
    expect(board).toMatchObject({ day, today: "2026-11-30", waiting: 0, calls: [], opening: { status: "open", reason: null, freeSlots: 0 } });
    expect(board.now).toBe("2026-11-30T14:00:00+01:00");
    expect(board.appointments.map((a) => [a.bookingId, a.start, a.state, a.ticket?.id ?? null, a.noShowFrom])).toEqual([
      [attended, "2026-11-23T13:00:00+01:00", "done", attendedTicket, null],
      [missed, "2026-11-23T13:30:00+01:00", "no_show", null, null],
      [cancelled, "2026-11-23T14:00:00+01:00", "cancelled", null, null],
    ]);
    expect(board.walkIns.map((t) => [t.id, t.label, t.status])).toEqual([
      [served, "W 1", "done"],
      [gone, "W 2", "no_show"],
    ]);
    expect(board.rooms.map((r) => r.current)).toEqual([null, null]);
    expect(await freeStarts(staff, day)).toEqual([]);
  });

  it("a number left waiting on a past day cannot be called today (the server refuses, 409 ticket_other_day)", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const rooms = await roomsOf(office);
    const left = await ticketOn(office, "2026-11-23", 3, "waiting", "2026-11-23T15:00:00.000Z");
    const board = await boardOf(staff, "2026-11-23");
    expect(board.walkIns.map((t) => [t.id, t.status])).toEqual([[left, "waiting"]]);
    // It does not count as waiting today, so "call next" does not reach it either.
    expect((await boardOf(staff)).waiting).toBe(0);
    const res = await staff.post(`/tickets/${left}/call`, { roomId: rooms["Raum 1"] });
    expect(res.status).toBe(409);
    expect(ErrorBody.parse(await res.json()).error.code).toBe("ticket_other_day");
    const next = await staff.post("/queue/call-next", { roomId: rooms["Raum 1"] });
    expect(ErrorBody.parse(await next.json()).error.code).toBe("queue_empty");
  });
});

describe("GET /board?day= for a coming day", () => {
  it("shows its appointments with their times (a proposed request among them), the open requests and the free times left", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const day = "2026-12-02"; // Wednesday, 09:00–13:00
    const phone = await staff.post("/bookings", { topic: "fragen", start: "2026-12-02T09:30:00+01:00", name: "Erika Telefon", phone: "0831 555" });
    expect(phone.status).toBe(201);
    const booked = StaffBooking.parse(await phone.json());
    const proposedRequest = await requestedOnline(office, { name: "Ali Anfrage" });
    // Proposed and accepted by the resident from the mail's link: an appointment like any other.
    const proposal = await staff.post(`/requests/${proposedRequest.id}/propose`, { times: ["2026-12-02T11:00:00+01:00"] });
    expect(proposal.status).toBe(201);
    const round = ProposalsAnswer.parse(await proposal.json());
    const links = linksOf(await proposalMailText(proposedRequest.id));
    expect((await accept(office, links.none!.token, round.proposals[0]!.id, OPEN)).status).toBe(200);
    const open = await requestedOnline(office, { name: "Olga Offen" });

    const board = await boardOf(staff, day);
    expect(board).toMatchObject({ day, today: "2026-11-30", walkIns: [], waiting: 0, calls: [] });
    expect(board.appointments.map((a) => [a.bookingId, a.name, a.start, a.end, a.state, a.source])).toEqual([
      [booked.id, "Erika Telefon", "2026-12-02T09:30:00+01:00", "2026-12-02T10:00:00+01:00", "booked", "staff"],
      [proposedRequest.id, "Ali Anfrage", "2026-12-02T11:00:00+01:00", "2026-12-02T11:30:00+01:00", "booked", "online"],
    ]);
    // Still requests "nach Vereinbarung": the open one, to be given a time any day.
    expect(board.requests.map((r) => [r.id, r.name])).toEqual([[open.id, "Olga Offen"]]);
    // Eight half hours, two of them taken: the same count as the phone booking's free times.
    expect(board.opening).toEqual({ status: "open", reason: null, freeSlots: 6 });
    expect(await freeStarts(staff, day)).toHaveLength(6);
    // The phone booking without an address wrote no mail; the proposal's confirmation can be sent again.
    expect(board.appointments.map((a) => a.mail && { kind: a.mail.kind, resendable: a.mail.resendable })).toEqual([
      null,
      { kind: "booking_confirmed", resendable: true },
    ]);
  });

  it("names the newest mail about each appointment's state: the update after a move, the cancel after a cancel, never a reminder", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const make = async (start: string, name: string) => {
      const res = await staff.post("/bookings", { topic: "fragen", start, name, email: `${name.toLowerCase()}@example.org` });
      expect(res.status).toBe(201);
      return StaffBooking.parse(await res.json()).id;
    };
    const moved = await make("2026-12-02T09:00:00+01:00", "Moritz");
    const cancelled = await make("2026-12-02T10:00:00+01:00", "Clara");
    const kept = await make("2026-12-02T12:00:00+01:00", "Karl");
    expect((await staff.post(`/bookings/${moved}/move`, { start: "2026-12-02T09:30:00+01:00" })).status).toBe(200);
    expect((await staff.post(`/bookings/${cancelled}/cancel`, { by: "resident" })).status).toBe(200);
    const mailOf = async (id: string, kind: string) =>
      (await env.DB.prepare("SELECT id FROM mail_outbox WHERE booking_id = ?1 AND kind = ?2").bind(id, kind).first<{ id: string }>())!.id;
    // An erased mail is named but cannot be sent again.
    await env.DB.prepare("UPDATE mail_outbox SET erased_at = ?2 WHERE id = ?1").bind(await mailOf(kept, "booking_confirmed"), OPEN.toISOString()).run();

    const board = await boardOf(staff, "2026-12-02");
    expect(board.appointments.map((a) => [a.bookingId, a.mail])).toEqual([
      [moved, { id: await mailOf(moved, "booking_rescheduled"), kind: "booking_rescheduled", resendable: true }],
      [cancelled, { id: await mailOf(cancelled, "booking_cancelled"), kind: "booking_cancelled", resendable: true }],
      [kept, { id: await mailOf(kept, "booking_confirmed"), kind: "booking_confirmed", resendable: false }],
    ]);
    // What the board names is what the outbox sends again.
    const resend = await staff.post(`/outbox/${board.appointments[0]!.mail!.id}/resend`);
    expect(resend.status).toBe(200);
  });
});

describe("GET /board?day= on the days the clocks change (Europe/Berlin)", () => {
  it("the last Sunday of March has 23 hours: local midnight to midnight, 03:30 summer time after 01:30 winter time", async () => {
    const office = await createOffice();
    const staff = await signedIn(office, new Date("2026-03-20T10:00:00Z"));
    const now = new Date("2026-03-20T10:00:00Z");
    const before = await takeSeats(office, "2026-03-28T22:30:00.000Z"); // 23:30 on Saturday
    const first = await takeSeats(office, "2026-03-28T23:00:00.000Z"); // 00:00 on Sunday
    const winter = await takeSeats(office, "2026-03-29T00:30:00.000Z"); // 01:30 +01:00
    const summer = await takeSeats(office, "2026-03-29T01:30:00.000Z"); // 03:30 +02:00
    const last = await takeSeats(office, "2026-03-29T21:30:00.000Z"); // 23:30 +02:00
    const after = await takeSeats(office, "2026-03-29T22:00:00.000Z"); // 00:00 on Monday
    const board = await boardOf(staff, "2026-03-29", now);
    expect(board.appointments.map((a) => [a.bookingId, a.start])).toEqual([
      [first, "2026-03-29T00:00:00+01:00"],
      [winter, "2026-03-29T01:30:00+01:00"],
      [summer, "2026-03-29T03:30:00+02:00"],
      [last, "2026-03-29T23:30:00+02:00"],
    ]);
    expect(board.opening.status).toBe("closed"); // no hours on Sundays
    expect((await boardOf(staff, "2026-03-28", now)).appointments.map((a) => a.bookingId)).toEqual([before]);
    expect((await boardOf(staff, "2026-03-30", now)).appointments.map((a) => [a.bookingId, a.start])).toEqual([[after, "2026-03-30T00:00:00+02:00"]]);
  });

  it("the last Sunday of October has 25 hours: 02:30 twice, summer time and then winter time", async () => {
    const office = await createOffice();
    const now = new Date("2026-10-20T10:00:00Z");
    const staff = await signedIn(office, now);
    const first = await takeSeats(office, "2026-10-24T22:00:00.000Z"); // 00:00 +02:00
    const summer = await takeSeats(office, "2026-10-25T00:30:00.000Z"); // 02:30 +02:00
    const winter = await takeSeats(office, "2026-10-25T01:30:00.000Z"); // 02:30 +01:00
    const last = await takeSeats(office, "2026-10-25T22:30:00.000Z"); // 23:30 +01:00
    const monday = await takeSeats(office, "2026-10-25T23:00:00.000Z"); // 00:00 on Monday
    const board = await boardOf(staff, "2026-10-25", now);
    expect(board.appointments.map((a) => [a.bookingId, a.start])).toEqual([
      [first, "2026-10-25T00:00:00+02:00"],
      [summer, "2026-10-25T02:30:00+02:00"],
      [winter, "2026-10-25T02:30:00+01:00"],
      [last, "2026-10-25T23:30:00+01:00"],
    ]);
    expect((await boardOf(staff, "2026-10-26", now)).appointments.map((a) => a.bookingId)).toEqual([monday]);
  });
});

describe("GET /board?day= for a day the office is closed", () => {
  it("a closure day keeps the bookings still on it, says the closure's reason and offers no free time", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const stillBooked = await takeSeats(office, "2026-12-02T08:00:00.000Z"); // 09:00 local
    await addClosure(office, "2026-12-02", "2026-12-02", "Betriebsausflug", "Team outing");
    const board = await boardOf(staff, "2026-12-02");
    expect(board.opening).toEqual({ status: "closure", reason: { de: "Betriebsausflug", en: "Team outing" }, freeSlots: 0 });
    expect(board.appointments.map((a) => [a.bookingId, a.state])).toEqual([[stillBooked, "booked"]]);
    // The day after is open as usual (Thursday has no hours: closed, without a reason).
    expect((await boardOf(staff, "2026-12-03")).opening).toEqual({ status: "closed", reason: null, freeSlots: 0 });
  });

  it("a public holiday says its name", async () => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const board = await boardOf(staff, "2027-05-17"); // Pfingstmontag 2027, a Monday
    expect(board.opening).toEqual({ status: "holiday", reason: { de: "Pfingstmontag", en: "Whit Monday" }, freeSlots: 0 });
  });
});

describe("the board's reads of a day and a week use their indexes", () => {
  it.each([
    // By booking, never by office: an office's mails grow with its history, a day's bookings do not.
    ["the day's mails", BOARD_MAILS_SQL, ["mail_outbox_by_booking", "bookings_by_location_start"]],
    ["the week's appointment starts", BOOKED_STARTS_SQL, ["bookings_by_location_start"]],
  ])("%s: through its indexes, no table scan (EXPLAIN QUERY PLAN)", async (_what, sql, indexes) => {
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(1, "2026-11-29T23:00:00.000Z", "2026-11-30T23:00:00.000Z").all<{ detail: string }>();
    const searches = results.map((r) => r.detail).filter((d) => /^(SEARCH|SCAN) /.test(d));
    expect(searches.map((d) => /USING (?:COVERING )?INDEX (\w+)/.exec(d)?.[1] ?? d).sort()).toEqual([...indexes].sort());
  });
});

describe("GET /board?day= refuses what is not a day", () => {
  it.each(["2026-02-30", "30.11.2026", "1999-12-31", "2101-01-01", ""])("%j: 400 naming the field, nothing else read", async (day) => {
    const office = await createOffice();
    const staff = await signedIn(office);
    const res = await staff.get(`/board?day=${encodeURIComponent(day)}`);
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(await res.json()).error.field).toBe("day");
  });
});
