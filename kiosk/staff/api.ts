/*
 * The staff board's calls to `/api/staff/:office/…` (the session cookie goes along by itself). Types
 * only from the shared schemas, as in ../shared/api.ts: no zod in the page bundle.
 */
import type { SlotsResponse } from "../../schemas/slots";
import type { BoardSearchResult } from "../../schemas/staff-search";
import type { StaffWeek } from "../../schemas/staff-week";
import type { Board, BoardTicket, BookingNoShowResult, TicketActionResult } from "../../schemas/staff-board";
import type {
  DeclineBody,
  ProposalsAnswer,
  OutboxItem,
  ProposeBody,
  StaffBooking,
  StaffBookingCreate,
  StaffCancelBody,
  WithdrawProposalsBody,
} from "../../schemas/staff-bookings";
import { call } from "../shared/api";

/** A queue action on one number; `call` needs the room it calls to. */
export type TicketVerb = "call" | "recall" | "start" | "finish" | "no-show" | "requeue";

const base = (office: string) => `/api/staff/${encodeURIComponent(office)}`;

export interface StaffApi {
  /** The board of local day `day`, or of today when null. */
  board(office: string, day: string | null, signal?: AbortSignal): Promise<Board>;
  /** The week (Monday to Sunday) that holds `day`. */
  week(office: string, day: string, signal?: AbortSignal): Promise<StaffWeek>;
  /** The office's bookings and requests by name, e-mail address, phone number or check-in code. */
  search(office: string, query: string): Promise<BoardSearchResult>;
  /** Sends a mail of the outbox again (an appointment's newest mail, BoardAppointment.mail). */
  resendMail(office: string, mailId: string): Promise<OutboxItem>;
  callNext(office: string, roomId: number): Promise<TicketActionResult>;
  ticket(office: string, id: string, verb: TicketVerb, roomId?: number): Promise<TicketActionResult>;
  addWalkIn(office: string, topic: string): Promise<BoardTicket>;
  /** "Nicht erschienen" for a booked appointment that never checked in. */
  bookingNoShow(office: string, bookingId: string): Promise<BookingNoShowResult>;
  /** Free times of `topic` from `from` to `to` (local days, inclusive) by the phone booking's rules. */
  slots(office: string, from: string, to: string, topic: string): Promise<SlotsResponse>;
  book(office: string, body: StaffBookingCreate): Promise<StaffBooking>;
  cancel(office: string, bookingId: string, body: StaffCancelBody): Promise<StaffBooking>;
  move(office: string, bookingId: string, start: string): Promise<StaffBooking>;
  /** One to three times for a request; the resident chooses (schemas/staff-bookings.ts ProposeBody). */
  propose(office: string, requestId: string, body: ProposeBody): Promise<ProposalsAnswer>;
  /** Takes back open proposed times of a request. */
  withdrawProposals(office: string, requestId: string, body: WithdrawProposalsBody): Promise<ProposalsAnswer>;
  decline(office: string, requestId: string, body: DeclineBody): Promise<StaffBooking>;
}

export const staffApi: StaffApi = {
  board: (office, day, signal) => call(`${base(office)}/board${day ? `?day=${day}` : ""}`, { signal }),
  week: (office, day, signal) => call(`${base(office)}/week?day=${day}`, { signal }),
  search: (office, query) => call(`${base(office)}/search`, { method: "POST", body: { query } }),
  resendMail: (office, id) => call(`${base(office)}/outbox/${encodeURIComponent(id)}/resend`, { method: "POST", body: {} }),
  callNext: (office, roomId) => call(`${base(office)}/queue/call-next`, { method: "POST", body: { roomId } }),
  ticket: (office, id, verb, roomId) =>
    call(`${base(office)}/tickets/${encodeURIComponent(id)}/${verb}`, {
      method: "POST",
      body: verb === "call" ? { roomId } : {},
    }),
  addWalkIn: (office, topic) => call(`${base(office)}/tickets`, { method: "POST", body: { topic } }),
  bookingNoShow: (office, id) => call(`${base(office)}/bookings/${encodeURIComponent(id)}/no-show`, { method: "POST", body: {} }),
  slots: (office, from, to, topic) => call(`${base(office)}/slots?${new URLSearchParams({ from, to, topic })}`),
  book: (office, body) => call(`${base(office)}/bookings`, { method: "POST", body }),
  cancel: (office, id, body) => call(`${base(office)}/bookings/${encodeURIComponent(id)}/cancel`, { method: "POST", body }),
  move: (office, id, start) => call(`${base(office)}/bookings/${encodeURIComponent(id)}/move`, { method: "POST", body: { start } }),
  propose: (office, id, body) => call(`${base(office)}/requests/${encodeURIComponent(id)}/propose`, { method: "POST", body }),
  withdrawProposals: (office, id, body) =>
    call(`${base(office)}/requests/${encodeURIComponent(id)}/proposals/withdraw`, { method: "POST", body }),
  decline: (office, id, body) => call(`${base(office)}/requests/${encodeURIComponent(id)}/decline`, { method: "POST", body }),
};
