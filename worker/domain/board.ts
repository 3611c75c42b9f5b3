import type { Estimate } from "../../schemas/kiosk";
import type { Day } from "../../schemas/slots";
import type { Board, BoardOpening, BoardTicket } from "../../schemas/staff-board";
import type { AppointmentRow, BoardData, BoardMailRow, StaffTicketRow } from "../../schemas/rows";
import { appointmentState, waitedMinutes } from "./call-next";
import { estimateAll, estimateView, type QueueSnapshot } from "./estimate";
import { ticketLabel } from "./queue";
import { daysWindow } from "./settings";
import { localDate, toOffsetIso } from "../../common/time";
import { topicLabel } from "./booking";
import { presentProposal } from "./proposals";

/*
 * The staff board's answer, made from the rows of one local day (db/board.ts `loadBoard`). Pure: `now`
 * and the office's time zone are arguments; instants go out as local time with offset.
 */

/**
 * The local day the board shows, `day` or else today in `zone` at `now`, with its UTC window
 * [from, until): 24 hours, but 23 or 25 on the days the clocks change.
 */
export function boardDay(day: string | undefined, now: Date, zone: string): { day: string; from: Date; until: Date } {
  const shown = day ?? localDate(now, zone);
  return { day: shown, ...daysWindow(shown, shown, zone) };
}

/**
 * A room's current ticket: of the tickets called to or being served in it, the one called last (issue
 * order breaks a tie). Older ones stay in the list until staff finish them, but the room shows the latest.
 */
export function currentTicket(tickets: readonly StaffTicketRow[], roomId: number): StaffTicketRow | null {
  return (
    tickets
      .filter((t) => t.room_id === roomId && (t.status === "called" || t.status === "in_progress"))
      .sort((a, b) => (a.called_at ?? "").localeCompare(b.called_at ?? "") || a.seq - b.seq)
      .at(-1) ?? null
  );
}

/**
 * From when a booked appointment may be marked "Nicht erschienen": when the kiosk's check-in closes for
 * it (its start plus `checkinClosesMinutes`). Null unless it is confirmed and has no ticket: once checked
 * in, the ticket's own no-show applies; cancelled or finished bookings have nothing to mark.
 */
export function noShowFrom(
  booking: Pick<AppointmentRow, "status" | "starts_at">,
  ticket: StaffTicketRow | null,
  checkinClosesMinutes: number,
): Date | null {
  if (booking.status !== "confirmed" || ticket) return null;
  return new Date(Date.parse(booking.starts_at) + checkinClosesMinutes * 60_000);
}

/**
 * The wait ranges of today's waiting numbers, by ticket id, each as its status page gives it
 * (domain/estimate.ts `estimateAll`): the numbers the queue's reading lists (`snapshot`, with today's
 * closing), and the walk-ins waiting behind the listed ones (when the reading listed `listedAtMost`, its
 * cap), in the issue order of the board's `tickets`.
 */
export function boardEstimates(snapshot: QueueSnapshot, tickets: readonly StaffTicketRow[], now: Date, listedAtMost: number): Map<string, Estimate> {
  const listed = new Set(snapshot.waiting.map((t) => t.id));
  const walkIns = snapshot.waiting.filter((t) => t.kind === "walk_in");
  const lastListed = Math.max(0, ...walkIns.map((t) => t.issuedAt.getTime()));
  // Behind the listed walk-ins are only those issued after the last of them, and only when the listing
  // was full. A waiting row missing otherwise was called between the board's read and the queue's (two
  // batches): it gets no range rather than the last one's scaled (it would read as the longest wait).
  const behind =
    walkIns.length < listedAtMost
      ? []
      : tickets
          .filter((t) => t.status === "waiting" && t.kind === "walk_in" && !listed.has(t.id) && Date.parse(t.issued_at) > lastListed)
          .map((t) => t.id);
  return new Map([...estimateAll(snapshot, behind, now)].map(([id, e]) => [id, estimateView(e)]));
}

/**
 * A ticket row as the board shows it; `waitedMinutes` counts to `now` while it waits, and a waiting
 * number carries its wait range when `estimates` (today's, boardEstimates) has one.
 */
export function presentTicket(t: StaffTicketRow, zone: string, now: Date, estimates?: ReadonlyMap<string, Estimate>): BoardTicket {
  const estimate = t.status === "waiting" ? estimates?.get(t.id) : undefined;
  return {
    id: t.id,
    label: ticketLabel(t.prefix, t.number),
    prefix: t.prefix,
    number: t.number,
    kind: t.kind,
    status: t.status,
    topic: t.topic_key
      ? { key: t.topic_key, label: t.topic_label ?? { de: "" } }
      : null,
    room: t.room_id !== null && t.room_name !== null ? { id: t.room_id, name: t.room_name } : null,
    issuedAt: toOffsetIso(new Date(t.issued_at), zone),
    calledAt: t.called_at ? toOffsetIso(new Date(t.called_at), zone) : null,
    callCount: t.call_count,
    waitedMinutes: waitedMinutes(new Date(t.issued_at), t.first_call_at ? new Date(t.first_call_at) : null, t.status, now),
    bookingId: t.booking_id,
    appointmentStart: t.appointment_start ? toOffsetIso(new Date(t.appointment_start), zone) : null,
    ...(estimate ? { estimate } : {}),
  };
}

/**
 * The shown day's opening from its day of the slot computation (services/slots.ts `freeSlots`, one day):
 * its status and reason, and how many slot starts are still free.
 */
export function openingOf(day: Day): BoardOpening {
  return {
    status: day.status,
    reason: day.reason ?? null,
    freeSlots: day.slots.length,
  };
}

/**
 * `GET /api/staff/:office/board`: the day's rooms, appointments, walk-ins, open requests and last calls,
 * with how the office opens that day (`opening`, see openingOf); today's waiting numbers with their wait
 * ranges (`estimates`, boardEstimates; none on other days).
 */
export function presentBoard(data: BoardData, now: Date, zone: string, opening: BoardOpening, estimates?: ReadonlyMap<string, Estimate>): Board {
  const view = (t: StaffTicketRow) => presentTicket(t, zone, now, estimates);
  const at = (iso: string) => toOffsetIso(new Date(iso), zone);
  const ticketOfBooking = new Map(data.tickets.filter((t) => t.booking_id).map((t) => [t.booking_id!, t]));
  const mailOf = new Map(data.mails.map((m) => [m.booking_id, m]));
  return {
    day: data.day,
    today: localDate(now, zone),
    now: toOffsetIso(now, zone),
    opening,
    office: { slug: data.office.slug, name: data.office.name },
    rooms: data.rooms.map((r) => {
      const t = currentTicket(data.tickets, r.id);
      return { id: r.id, name: r.name, current: t ? view(t) : null };
    }),
    appointments: data.appointments.map((b) => {
      const t = ticketOfBooking.get(b.id) ?? null;
      const from = noShowFrom(b, t, data.office.checkin_closes_minutes);
      return {
        bookingId: b.id,
        code: b.code,
        start: at(b.starts_at),
        end: at(b.ends_at),
        topic: { key: b.topic_key, label: topicLabel(b) },
        name: b.name,
        email: b.email,
        phone: b.phone,
        note: b.note,
        source: b.source,
        bookingStatus: b.status,
        state: appointmentState(b.status, t?.status ?? null),
        ticket: t ? view(t) : null,
        callCount: t?.call_count ?? 0,
        noShowFrom: from ? toOffsetIso(from, zone) : null,
        mail: mailOrNull(mailOf.get(b.id)),
      };
    }),
    walkIns: data.tickets.filter((t) => t.kind === "walk_in").map(view),
    requests: data.requests.map((r) => ({
      id: r.id,
      topic: { key: r.topic_key, label: topicLabel(r) },
      name: r.name,
      email: r.email,
      phone: r.phone,
      preferredWeekdays: r.preferred_weekdays,
      preferredTimes: r.preferred_times,
      wish: r.wish,
      createdAt: at(r.created_at),
      proposals: data.proposals.filter((p) => p.booking_id === r.id).map((p) => presentProposal(p, now, zone)),
    })),
    accepted: data.accepted.map((a) => ({
      proposalId: a.id,
      bookingId: a.booking_id,
      name: a.name,
      topic: { key: a.topic_key, label: topicLabel(a) },
      start: at(a.starts_at),
      end: at(a.ends_at),
      decidedAt: at(a.decided_at),
      bookingStatus: a.status,
    })),
    calls: data.calls.map((q) => ({ ticketId: q.ticket_id, label: ticketLabel(q.prefix, q.number), room: q.room, at: at(q.at) })),
    waiting: data.tickets.filter((t) => t.status === "waiting").length,
  };
}

function mailOrNull(m: BoardMailRow | undefined): Board["appointments"][number]["mail"] {
  return m ? { id: m.id, kind: m.kind, resendable: m.resendable } : null;
}
