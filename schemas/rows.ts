import { z } from "zod";
import { ClosingTime, Locale, LocalTime, Texts, UtcInstant } from "./common";
import { BookingSource, BookingStatus, TimeOfDay } from "./bookings";
import { TicketStatus } from "./kiosk";
import { Audience } from "./location";
import { BoardMailKind, TicketKind } from "./staff-board";

/*
 * Rows as D1 returns them. worker/db maps every row through these, so a column that changed type or
 * went missing fails loudly at the edge of the data layer instead of deep inside the domain.
 */

const Flag = z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1);

/**
 * A stored local day, read as it is: the range of LocalDate is a rule for input, and an office's own
 * seed may well say its hours are valid from 1990 on.
 */
const StoredDay = z.iso.date();

/** One of the office's texts as stored (migration 0010): a JSON object, German always, read as Texts. */
export const StoredTexts = z.string().transform((text, ctx) => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = Texts.safeParse(value);
  if (parsed.success) return parsed.data;
  ctx.addIssue({ code: "custom", message: "not a JSON object of texts with German" });
  return z.NEVER;
});

export const LocationRow = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  short_name: z.string(),
  street: z.string(),
  postal_code: z.string().nullable(),
  city: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  time_zone: z.string(),
  holiday_region: z.string(),
  slot_minutes: z.number().int(),
  seats_per_slot: z.number().int(),
  min_notice_minutes: z.number().int(),
  horizon_days: z.number().int(),
  max_active_bookings_per_email: z.number().int(),
  checkin_opens_minutes: z.number().int(),
  checkin_closes_minutes: z.number().int(),
  retention_days: z.number().int(),
  // The legal pages' provider and bodies (migration 0003): shown as entered, null where not configured.
  provider_body: z.string().nullable(),
  provider_department: z.string().nullable(),
  provider_representative: z.string().nullable(),
  dpo_contact: z.string().nullable(),
  privacy_authority: z.string(),
  accessibility_enforcement: z.string(),
  /** How long a resident has to answer proposals, in hours (migration 0008). */
  proposal_hold_hours: z.number().int(),
});
export type LocationRow = z.infer<typeof LocationRow>;

export const TopicRow = z.object({
  id: z.number().int(),
  key: z.string(),
  label: StoredTexts,
  description: StoredTexts,
  audience: Audience,
  duration_minutes: z.number().int(),
  bookable_online: Flag,
  walk_in: Flag,
  icon: z.string(),
  sort_order: z.number().int(),
});
export type TopicRow = z.infer<typeof TopicRow>;

export const OpeningRuleRow = z.object({
  weekday: z.number().int().min(1).max(7),
  opens: LocalTime,
  closes: ClosingTime,
  valid_from: StoredDay,
  valid_until: StoredDay.nullable(),
});
export type OpeningRuleRow = z.infer<typeof OpeningRuleRow>;

export const ClosureRow = z.object({
  first_day: StoredDay,
  last_day: StoredDay,
  reason: StoredTexts,
});
export type ClosureRow = z.infer<typeof ClosureRow>;

/** One-day extra hours ("Sondertermin", migration 0007): a local day with one opening span. */
export const ExtraHoursRow = z.object({
  day: StoredDay,
  opens: LocalTime,
  closes: ClosingTime,
  note: StoredTexts,
});
export type ExtraHoursRow = z.infer<typeof ExtraHoursRow>;

/*
 * What admins edit (worker/db/settings.ts): the rows above with the id each change names, and for
 * topics and rooms also the ones switched off (`active`).
 */
export const AdminRuleRow = z.object({ id: z.number().int(), ...OpeningRuleRow.shape });
export type AdminRuleRow = z.infer<typeof AdminRuleRow>;

export const AdminClosureRow = z.object({ id: z.number().int(), ...ClosureRow.shape });
export type AdminClosureRow = z.infer<typeof AdminClosureRow>;

export const AdminExtraHoursRow = z.object({ id: z.number().int(), ...ExtraHoursRow.shape });
export type AdminExtraHoursRow = z.infer<typeof AdminExtraHoursRow>;

export const AdminTopicRow = TopicRow.extend({ active: Flag });
export type AdminTopicRow = z.infer<typeof AdminTopicRow>;

export const AdminRoomRow = z.object({
  id: z.number().int(),
  name: z.string(),
  sort_order: z.number().int(),
  active: Flag,
});
export type AdminRoomRow = z.infer<typeof AdminRoomRow>;

export const TakenSeatsRow = z.object({
  unit_start_at: z.string(),
  taken: z.number().int(),
});
export type TakenSeatsRow = z.infer<typeof TakenSeatsRow>;

const JsonArray = <T extends z.ZodType>(item: T) =>
  z
    .string()
    .nullable()
    .transform((text, ctx) => {
      if (text === null) return null;
      const parsed = z.array(item).safeParse(JSON.parse(text));
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", message: "not a JSON array of the expected items" });
        return z.NEVER;
      }
      return parsed.data;
    });

/** A booking with its topic and location, as the manage routes load it. */
export const BookingRow = z.object({
  id: z.string(),
  location_id: z.number().int(),
  location_slug: z.string(),
  kind: z.enum(["slot", "request"]),
  status: BookingStatus,
  topic_key: z.string(),
  topic_label: StoredTexts,
  topic_duration_minutes: z.number().int(),
  starts_at: z.string().nullable(),
  ends_at: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  locale: Locale,
  preferred_weekdays: JsonArray(z.number().int()),
  preferred_times: JsonArray(z.enum(["morning", "afternoon", "evening"])),
  wish: z.string().nullable(),
  code: z.string(),
  invite_sequence: z.number().int(),
  request_hash: z.string().nullable(),
  erased_at: z.string().nullable(),
});
export type BookingRow = z.infer<typeof BookingRow>;

/** A proposed time of a request (migration 0008); no personal data. Instants are UTC ISO. */
export const ProposalRow = z.object({
  id: z.string(),
  booking_id: z.string(),
  round: z.number().int(),
  starts_at: z.string(),
  ends_at: z.string(),
  hold_until: z.string(),
  status: z.enum(["open", "accepted", "not_chosen", "declined", "expired", "withdrawn"]),
  decided_at: z.string().nullable(),
});
export type ProposalRow = z.infer<typeof ProposalRow>;

/** A proposal with its request's person and topic, as staff lists show it (personal data: staff only). */
const ProposalOfPerson = z.object({
  id: z.string(),
  booking_id: z.string(),
  starts_at: z.string(),
  ends_at: z.string(),
  name: z.string().nullable(),
  topic_key: z.string(),
  topic_label: StoredTexts,
});

/** A proposal its resident accepted, with its booking's status now (worker/db/proposals.ts acceptedSince). */
export const AcceptedRow = ProposalOfPerson.extend({ decided_at: z.string(), status: BookingStatus });
export type AcceptedRow = z.infer<typeof AcceptedRow>;

/**
 * An open proposal with its request's contact and sequence, as a closure of its day or a change of hours
 * lists it (worker/db/proposals.ts openProposalsStarting).
 */
export const OpenProposalOnDay = ProposalOfPerson.extend({
  hold_until: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** The request's invite_sequence as read: a change decided on this list checks it is still so. */
  request_sequence: z.number().int(),
});
export type OpenProposalOnDay = z.infer<typeof OpenProposalOnDay>;

export const OutboxStatus = z.enum(["pending", "sending", "sent", "captured", "failed", "cancelled"]);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

/** A row of mail_outbox (PERSONAL DATA: recipient and bodies). Instants are UTC ISO text. */
export const OutboxRow = z.object({
  id: z.string(),
  location_id: z.number().int(),
  booking_id: z.string().nullable(),
  kind: z.enum(["booking_confirmed", "booking_rescheduled", "booking_cancelled", "booking_reminder", "request_received", "request_declined", "request_proposals", "proposals_withdrawn", "manage_links", "staff_sign_in", "accessibility_feedback"]),
  to_address: z.string(),
  subject: z.string(),
  text_body: z.string(),
  html_body: z.string().nullable(),
  ics: z.string().nullable(),
  ics_method: z.enum(["REQUEST", "CANCEL"]).nullable(),
  message_id: z.string(),
  dedupe_key: z.string().nullable(),
  status: OutboxStatus,
  attempts: z.number().int().nonnegative(),
  next_attempt_at: UtcInstant,
  last_error: z.string().nullable(),
  created_at: UtcInstant,
  sent_at: UtcInstant.nullable(),
  /** When its recipient, subject, bodies and invite were emptied (db/erasure.ts); null while they are kept. */
  erased_at: UtcInstant.nullable(),
});
export type OutboxRow = z.infer<typeof OutboxRow>;

// ---------------------------------------------------------------------------------------------------
// Queue tickets, calls and the staff board (worker/db/tickets.ts, display.ts, board.ts)

/** The columns of queue_tickets that both the status page's and the staff board's reads return as stored. */
export const TicketColumns = z.object({
  id: z.string(),
  location_id: z.number().int(),
  local_day: z.string(),
  prefix: z.string(),
  number: z.number().int(),
  kind: TicketKind,
  /** An appointment ticket's booking (a replayed check-in must be of the same one); null for walk-ins. */
  booking_id: z.string().nullable(),
  status: TicketStatus,
  issued_at: z.string(),
  /** The language chosen at the kiosk (migration 0011); 'de' for numbers added at the staff desk. */
  locale: Locale,
});

/** A ticket as the staff board and call-next read it (worker/db/tickets.ts `selectStaffTicket`). */
export const StaffTicketRow = TicketColumns.extend({
  room_id: z.number().int().nullable(),
  room_name: z.string().nullable(),
  called_at: z.string().nullable(),
  /** The first call (queue_calls), for how long the number waited. */
  first_call_at: z.string().nullable(),
  call_count: z.number().int(),
  appointment_start: z.string().nullable(),
  topic_key: z.string().nullable(),
  topic_label: StoredTexts.nullable(),
  /** Insertion order: the tie-break for numbers issued in the same millisecond. */
  seq: z.number().int(),
});
export type StaffTicketRow = z.infer<typeof StaffTicketRow>;

/** The office as the staff board needs it. */
export const BoardOfficeRow = z.object({
  slug: z.string(),
  name: z.string(),
  time_zone: z.string(),
  /** Minutes after an appointment's start when the kiosk's check-in closes (and a no-show may be marked). */
  checkin_closes_minutes: z.number().int(),
});

export const BoardRoomRow = z.object({ id: z.number().int(), name: z.string() });

/** A slot booking of the day with its topic (personal data: staff only). */
export const AppointmentRow = z.object({
  id: z.string(),
  code: z.string(),
  status: BookingStatus,
  starts_at: z.string(),
  ends_at: z.string(),
  source: BookingSource,
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  topic_key: z.string(),
  topic_label: StoredTexts,
});
export type AppointmentRow = z.infer<typeof AppointmentRow>;

const JsonList = <T extends z.ZodType>(item: T) =>
  z
    .string()
    .nullable()
    .transform((text) => (text === null ? [] : z.array(item).parse(JSON.parse(text))));

/** An open request "nach Vereinbarung" with its topic (personal data: staff only); preferences not given read as []. */
export const RequestRow = z.object({
  id: z.string(),
  topic_key: z.string(),
  topic_label: StoredTexts,
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  preferred_weekdays: JsonList(z.number().int().min(1).max(7)),
  preferred_times: JsonList(TimeOfDay),
  wish: z.string().nullable(),
  created_at: z.string(),
});
export type RequestRow = z.infer<typeof RequestRow>;

/**
 * The newest mail about a booking's state (its confirmation, update or cancel; never a reminder), for the
 * board's "E-Mail erneut senden". `resendable` by the outbox's rule (db/outbox.ts RESENDABLE, not erased).
 */
export const BoardMailRow = z.object({
  booking_id: z.string(),
  id: z.string(),
  kind: BoardMailKind,
  status: OutboxStatus,
  erased_at: z.string().nullable(),
});
export type BoardMailRow = z.infer<typeof BoardMailRow> & { resendable: boolean };

/** A call of a number into a room (queue_calls): no personal data. */
export const CallRow = z.object({
  /** The call's own id: a repeated call is a new row, so the display chimes again. */
  id: z.number().int(),
  ticket_id: z.string(),
  prefix: z.string(),
  number: z.number().int(),
  /** The room's name. */
  room: z.string(),
  /** UTC ISO. */
  at: z.string(),
});
export type CallRow = z.infer<typeof CallRow>;

/** What the staff board shows of one local day (worker/db/board.ts `loadBoard`). */
export interface BoardData {
  /** The local day (`YYYY-MM-DD`) the board shows. */
  day: string;
  office: z.infer<typeof BoardOfficeRow>;
  /** Active rooms in display order. */
  rooms: z.infer<typeof BoardRoomRow>[];
  /** Every ticket of the day, in issue order. */
  tickets: StaffTicketRow[];
  /** Slot bookings starting within the day, cancelled ones included, in start order. */
  appointments: AppointmentRow[];
  /** Open requests "nach Vereinbarung" (any day), oldest first. */
  requests: RequestRow[];
  /** The latest round of proposals of each open request. */
  proposals: ProposalRow[];
  /** Proposals accepted lately, newest first. */
  accepted: AcceptedRow[];
  /** Of each appointment that has one, the newest mail about its state (BoardMailRow). */
  mails: BoardMailRow[];
  /** The day's last BOARD_CALLS (5) calls, newest first. */
  calls: CallRow[];
}

// ---------------------------------------------------------------------------------------------------
// Statistics (worker/db/statistics.ts): counted by SQLite, bounded by the period, from columns that erasing
// personal data keeps, so erasing never changes a number. Instants are bucketed by their UTC hour
// (`YYYY-MM-DDTHH`): for a zone with whole-hour offsets (Europe/Berlin, DST included) that hour fixes the
// local day and hour.

export const StatsOfficeRow = z.object({ slug: z.string(), name: z.string() });

/** A topic as the statistics name it. */
export const StatsTopicRow = z.object({
  id: z.number().int(),
  key: z.string(),
  label: StoredTexts,
  audience: Audience,
  active: Flag,
});
export type StatsTopicRow = z.infer<typeof StatsTopicRow>;

const Count = z.number().int().nonnegative();
/** `2026-11-30T13`: an instant's UTC hour. */
const UtcHour = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}$/);

/** Appointments (slot bookings and requests with a proposed time) of one topic, channel and status. */
export const StatsAppointmentCount = z.object({
  topic_id: z.number().int(),
  source: BookingSource,
  status: BookingStatus,
  /** Who cancelled (the actor of the last 'cancelled' event): the person, or the office (staff, system). */
  cancelled_by: z.enum(["resident", "office"]).nullable(),
  n: Count,
});
export type StatsAppointmentCount = z.infer<typeof StatsAppointmentCount>;

/** Appointments starting in one UTC hour, attended or not. */
export const StatsAppointmentHour = z.object({ hour: UtcHour, attended: Flag, n: Count });
export type StatsAppointmentHour = z.infer<typeof StatsAppointmentHour>;

/** Requests "nach Vereinbarung" of one topic by what became of them. */
export const StatsRequestCount = z.object({ topic_id: z.number().int(), proposed: Flag, declined: Flag, n: Count });
export type StatsRequestCount = z.infer<typeof StatsRequestCount>;

/** Walk-in numbers of one topic, served (taken into a room) or not. */
/** `gone`: the holder left the queue from the status page ("Ich warte nicht mehr"; migration 0012). */
export const StatsWalkInCount = z.object({ topic_id: z.number().int().nullable(), served: Flag, gone: Flag.optional(), n: Count });
export type StatsWalkInCount = z.infer<typeof StatsWalkInCount>;

/** Walk-in numbers of one local day. */
export const StatsDayCount = z.object({ day: z.string(), n: Count });
/** Queue numbers (walk-ins and check-ins) taken in one UTC hour. */
export const StatsHourCount = z.object({ hour: UtcHour, n: Count });

/** The durations of one kind of queue number, each a list of whole milliseconds (SQLite's group_concat). */
export const StatsDurationRow = z.object({
  kind: TicketKind,
  /** From the number (or the appointment's start) to the first call; null when none was called. */
  wait: z.string().nullable(),
  /** Conversations staff finished; null when there were none. */
  talk: z.string().nullable(),
  /** Of those, measured from the call (nobody pressed "begin"). */
  from_call: Count,
});
export type StatsDurationRow = z.infer<typeof StatsDurationRow>;

/** Everything the statistics of one period are computed from (worker/domain/statistics.ts). */
export interface StatisticsFacts {
  office: { slug: string; name: string };
  topics: StatsTopicRow[];
  /** Appointments whose start lies in the period, counted by topic, channel and outcome … */
  appointments: StatsAppointmentCount[];
  /** … and by the hour they start (for the weeks). */
  appointmentHours: StatsAppointmentHour[];
  /** Requests made in the period. */
  requests: StatsRequestCount[];
  /** Walk-ins of the period's days, by topic and outcome … */
  walkIns: StatsWalkInCount[];
  /** … and by day. */
  walkInDays: z.infer<typeof StatsDayCount>[];
  /** Every queue number of the period's days by the hour it was taken. */
  visitHours: z.infer<typeof StatsHourCount>[];
  /** Durations in minutes; `fromCall`: conversations measured from the call. */
  durations: { waitWalkIn: number[]; waitAppointment: number[]; talkWalkIn: number[]; talkAppointment: number[]; fromCall: number };
}
