import { describe, expect, it } from "vitest";
import { Board } from "../../schemas/staff-board";
import type { AppointmentRow, BoardData, StaffTicketRow } from "../../schemas/rows";
import { boardDay, boardEstimates, currentTicket, noShowFrom, openingOf, presentBoard } from "../../worker/domain/board";
import { checkinRefusal } from "../../worker/domain/queue";
import type { QueueSnapshot, WaitingTicket } from "../../worker/domain/estimate";
import { zonedInstant } from "../../common/time";

/*
 * The staff board's answer from one day's rows: which ticket a room shows, from when a booked
 * appointment may be marked "did not come", and the UTC window of the day shown (DST days first).
 */

const TZ = "Europe/Berlin";
const DAY = "2026-11-30";
const utc = (time: string, date = DAY) => zonedInstant(date, time, TZ).toISOString();

let seq = 0;
function ticket(over: Partial<StaffTicketRow> & Pick<StaffTicketRow, "id">): StaffTicketRow {
  return {
    location_id: 1,
    locale: "de",
    local_day: DAY,
    prefix: "W",
    number: ++seq,
    kind: "walk_in",
    booking_id: null,
    status: "waiting",
    issued_at: utc("13:00"),
    room_id: null,
    room_name: null,
    called_at: null,
    first_call_at: null,
    call_count: 0,
    appointment_start: null,
    topic_key: "fragen",
    topic_label: { de: "Fragen" },
    seq,
    ...over,
  };
}

const inRoom = (id: string, roomId: number, status: "called" | "in_progress" | "done", calledAt: string, s?: number) =>
  ticket({ id, status, room_id: roomId, room_name: `Raum ${roomId}`, called_at: utc(calledAt), call_count: 1, ...(s ? { seq: s } : {}) });

describe("currentTicket: the ticket a room shows", () => {
  it.each<[string, StaffTicketRow[], string | null]>([
    ["nobody in the room", [ticket({ id: "w" })], null],
    ["the one called there", [inRoom("a", 1, "called", "13:10")], "a"],
    ["finished tickets do not count", [inRoom("a", 1, "done", "13:20"), inRoom("b", 1, "in_progress", "13:10")], "b"],
    ["another room's ticket does not count", [inRoom("a", 2, "called", "13:20")], null],
    ["of two not over, the one called last", [inRoom("late", 1, "called", "13:20"), inRoom("early", 1, "in_progress", "13:10")], "late"],
    ["same call instant: the later issued", [inRoom("second", 1, "called", "13:10", 900), inRoom("first", 1, "called", "13:10", 800)], "second"],
  ])("%s", (_name, tickets, expected) => {
    expect(currentTicket(tickets, 1)?.id ?? null).toBe(expected);
  });
});

describe("noShowFrom: when the kiosk's check-in has closed (15 minutes after the start)", () => {
  const start = utc("14:00");
  it.each<[string, AppointmentRow["status"], boolean, string | null]>([
    ["confirmed without a number", "confirmed", false, utc("14:15")],
    ["checked in (has a number): the ticket's no-show applies", "confirmed", true, null],
    ["checked in", "checked_in", true, null],
    ["cancelled", "cancelled", false, null],
    ["already a no-show", "no_show", false, null],
  ])("%s", (_name, status, hasTicket, expected) => {
    const t = hasTicket ? ticket({ id: "t", kind: "appointment", booking_id: "b" }) : null;
    expect(noShowFrom({ status, starts_at: start }, t, 15)?.toISOString() ?? null).toBe(expected);
  });

  it("begins at the last instant the kiosk still checks in; a moment later only the no-show is left", () => {
    const from = noShowFrom({ status: "confirmed", starts_at: start }, null, 15)!;
    const window = { opensMinutes: 30, closesMinutes: 15, timeZone: TZ };
    const booking = { status: "confirmed", startsAt: new Date(start) };
    expect(checkinRefusal(booking, new Date(from.getTime() - 1), window)).toBeNull();
    expect(checkinRefusal(booking, from, window)).toBeNull();
    expect(checkinRefusal(booking, new Date(from.getTime() + 1), window)).toBe("too_late");
  });
});

describe("boardDay: the day shown and its UTC window", () => {
  it.each<[string, string | undefined, string, string, string, string, number]>([
    ["a winter day", "2026-11-30", "2026-11-30T12:00:00Z", "2026-11-30", "2026-11-29T23:00:00.000Z", "2026-11-30T23:00:00.000Z", 24],
    ["spring forward: 23 hours", "2026-03-29", "2026-11-30T12:00:00Z", "2026-03-29", "2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z", 23],
    ["fall back: 25 hours", "2026-10-25", "2026-11-30T12:00:00Z", "2026-10-25", "2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z", 25],
    ["no day asked: today in Berlin, already the next day in UTC terms", undefined, "2026-11-30T23:30:00Z", "2026-12-01", "2026-11-30T23:00:00.000Z", "2026-12-01T23:00:00.000Z", 24],
  ])("%s", (_name, asked, now, day, from, until, hours) => {
    const shown = boardDay(asked, new Date(now), TZ);
    expect({ day: shown.day, from: shown.from.toISOString(), until: shown.until.toISOString() }).toEqual({ day, from, until });
    expect((shown.until.getTime() - shown.from.getTime()) / 3_600_000).toBe(hours);
  });
});

describe("presentBoard", () => {
  const appointment = (id: string, start: string, status: AppointmentRow["status"]): AppointmentRow => ({
    id,
    code: `C-${id}`,
    status,
    starts_at: utc(start),
    ends_at: utc(start.replace(/^(\d\d):00$/, "$1:30")),
    source: "online",
    name: "Erika Muster",
    email: null,
    phone: null,
    note: null,
    topic_key: "beratung",
    topic_label: { de: "Beratung" },
  });

  it("answers a board that its schema accepts, in local time with offset", () => {
    const checkedIn = ticket({ id: "t1", kind: "appointment", prefix: "T", booking_id: "b1", appointment_start: utc("14:00") });
    const called = inRoom("w1", 1, "called", "13:40");
    const data: BoardData = {
      day: DAY,
      office: { slug: "kempten-ost", name: "Zukunft Kempten-Ost", time_zone: TZ, checkin_closes_minutes: 15 },
      rooms: [
        { id: 1, name: "Raum 1" },
        { id: 2, name: "Raum 2" },
      ],
      tickets: [checkedIn, called, ticket({ id: "w2" })],
      appointments: [appointment("b1", "14:00", "checked_in"), appointment("b2", "15:00", "confirmed")],
      requests: [],
      proposals: [],
      accepted: [],
      calls: [{ id: 7, ticket_id: "w1", prefix: "W", number: called.number, room: "Raum 1", at: utc("13:40") }],
      mails: [{ booking_id: "b2", id: "m2", kind: "booking_rescheduled", status: "captured", erased_at: null, resendable: true }],
    };
    const opening = openingOf({ date: DAY, status: "open", slots: [] });
    const board = Board.parse(presentBoard(data, new Date(utc("14:05")), TZ, opening));
    expect(board.now).toBe("2026-11-30T14:05:00+01:00");
    expect([board.day, board.today, board.opening]).toEqual([DAY, DAY, { status: "open", reason: null, freeSlots: 0 }]);
    expect(board.appointments.map((a) => a.mail)).toEqual([null, { id: "m2", kind: "booking_rescheduled", resendable: true }]);
    expect(board.rooms.map((r) => r.current?.id ?? null)).toEqual(["w1", null]);
    expect(board.appointments.map((a) => [a.bookingId, a.state, a.ticket?.id ?? null, a.noShowFrom])).toEqual([
      ["b1", "checked_in", "t1", null],
      ["b2", "booked", null, "2026-11-30T15:15:00+01:00"],
    ]);
    expect(board.walkIns.map((t) => t.id)).toEqual(["w1", "w2"]);
    expect(board.calls).toEqual([{ ticketId: "w1", label: `W ${called.number}`, room: "Raum 1", at: "2026-11-30T13:40:00+01:00" }]);
    expect(board.waiting).toBe(2);
  });
});

describe("openingOf", () => {
  it("takes the day's status, its reason in the languages it has (a missing one is the reader's to fill) and counts its free starts", () => {
    const slot = { start: "2026-12-24T09:00:00+01:00", end: "2026-12-24T09:30:00+01:00", free: 1 };
    expect(openingOf({ date: "2026-12-02", status: "open", slots: [slot, slot] })).toEqual({ status: "open", reason: null, freeSlots: 2 });
    expect(openingOf({ date: "2026-12-25", status: "holiday", reason: { de: "1. Weihnachtstag", en: "Christmas Day" }, slots: [] })).toEqual({
      status: "holiday",
      reason: { de: "1. Weihnachtstag", en: "Christmas Day" },
      freeSlots: 0,
    });
    expect(openingOf({ date: "2026-12-28", status: "closure", reason: { de: "Betriebsausflug" }, slots: [] }).reason).toEqual({ de: "Betriebsausflug" });
  });
});

describe("the board's wait ranges beside the queue's reading (two batches, a call may fall between)", () => {
  const at = (hm: string) => new Date(`2026-11-30T${hm}:00Z`);
  const walkIn = (id: string, issued: string, seq: number): WaitingTicket => ({ id, kind: "walk_in", issuedAt: at(issued), appointmentStart: null, seq, topic: "antrag" });
  const row = (id: string, issued: string) => ({ id, status: "waiting", kind: "walk_in", issued_at: at(issued).toISOString() }) as StaffTicketRow;
  const snapshot = (waiting: WaitingTicket[]): QueueSnapshot => ({ rooms: 1, waiting, serving: [{ topic: "antrag", since: at("09:10") }], expected: [], topicMinutes: { antrag: 20 }, measured: [] });

  it("a number called between the two reads gets no range, not the last one's scaled up", () => {
    const e = boardEstimates(snapshot([walkIn("W2", "09:01", 2), walkIn("W3", "09:02", 3)]), [row("W1", "09:00"), row("W2", "09:01"), row("W3", "09:02")], at("09:10"), 60);
    expect(e.has("W1")).toBe(false);
    expect(e.get("W2")!.high).toBeLessThanOrEqual(e.get("W3")!.high);
  });

  it("the walk-ins behind a full listing get the last listed one's range, scaled; not when the listing was short", () => {
    const listed = [walkIn("W1", "09:00", 1), walkIn("W2", "09:01", 2)];
    const rows = [row("W1", "09:00"), row("W2", "09:01"), row("W3", "09:02")];
    const full = boardEstimates(snapshot(listed), rows, at("09:10"), 2);
    expect(full.get("W3")!.high).toBeGreaterThan(full.get("W2")!.high);
    expect(boardEstimates(snapshot(listed), rows, at("09:10"), 60).has("W3")).toBe(false);
  });
});
