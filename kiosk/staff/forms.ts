/*
 * The board's dialogs: cancel or move an appointment, propose a time for a request or decline it, book
 * for a caller on the phone, add a walk-in at the desk. One dialog at a time; its fields, their errors
 * and what the API said live here. Validation is pure (exported for tests); the API has the last word.
 */
import { batch, signal } from "@preact/signals";
import { canonicalEmail } from "../../common/field-rules";
import { isLocale } from "../../common/i18n/languages";
import type { ProposalView } from "../../schemas/bookings";
import type { BoardAppointment, BoardRequest, BoardTicket } from "../../schemas/staff-board";
import type { ProposalsAnswer, StaffBooking } from "../../schemas/staff-bookings";
import type { Slot } from "../../schemas/slots";
import { ApiError } from "../shared/api";
import type { StaffApi } from "./api";
import { localToOffset, refetchAfter } from "./board";
import { staffFailure, type StaffFailure } from "./failure";

export type Dialog =
  | { kind: "cancel"; appointment: BoardAppointment }
  | { kind: "move"; appointment: BoardAppointment }
  | { kind: "propose"; request: BoardRequest }
  | { kind: "decline"; request: BoardRequest }
  | { kind: "withdraw"; request: BoardRequest; proposal: ProposalView }
  /** A phone booking; `request`: for a request that gave a phone number only (its name, phone and topic filled in). */
  | { kind: "phone"; request?: BoardRequest }
  | { kind: "walkIn" };

export type FieldKey =
  | "topic" | "day" | "slot" | "name" | "email" | "phone" | "note"
  | "date" | "time" | "date2" | "time2" | "date3" | "time3"
  | "message" | "by"
  /** The language of a phone booking's mails and manage page (one of RESIDENT_LOCALES). */
  | "locale";
export type Fields = Record<FieldKey, string>;
/** Why a field is not accepted yet, named by the key of its sentence in strings.ts (`fieldErrors`). */
export type FieldSentence =
  | "topic" | "slot" | "name" | "email" | "date" | "time" | "grid" | "taken" | "tooSoon" | "timeInvalid" | "message" | "by";
export type FieldErrors = Partial<Record<FieldKey, FieldSentence>>;

const EMPTY: Fields = {
  topic: "", day: "", slot: "", name: "", email: "", phone: "", note: "",
  date: "", time: "", date2: "", time2: "", date3: "", time3: "",
  message: "", by: "", locale: "de",
};

/** The proposal dialog's rows (one to three times, as the API takes): date and time fields; the first is required. */
export const PROPOSAL_ROWS = [
  ["date", "time"],
  ["date2", "time2"],
  ["date3", "time3"],
] as const satisfies readonly (readonly [FieldKey, FieldKey])[];

/** Cancelling asks who called the appointment off (the statistics count it): no answer is preselected. */
export function validateCancel(f: Fields): FieldErrors {
  return f.by === "resident" || f.by === "office" ? {} : { by: "by" };
}

/** Phone booking: a topic, a free time, a name; e-mail only when given, then well-formed. */
export function validatePhoneBooking(f: Fields): FieldErrors {
  const e: FieldErrors = {};
  if (!f.topic) e.topic = "topic";
  if (!f.slot) e.slot = "slot";
  if (f.name.trim().length < 2) e.name = "name";
  if (f.email.trim() && canonicalEmail(f.email) === null) e.email = "email";
  return e;
}

/**
 * Proposals: the first time complete, the second and third complete or left empty, every time on the
 * 5-minute grid (the API's rule). The length is the topic's, not a field (proposalMinutes).
 */
export function validatePropose(f: Fields): FieldErrors {
  const e: FieldErrors = {};
  PROPOSAL_ROWS.forEach(([d, t], i) => {
    const date = f[d].trim();
    const time = f[t].trim();
    if (i > 0 && !date && !time) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) e[d] = "date";
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) e[t] = "time";
    else if (Number(time.slice(3)) % 5 !== 0) e[t] = "grid";
  });
  return e;
}

/** The times of the filled rows as the API takes them: the local date and time in the office's zone, with its offset. */
export function proposedTimes(f: Fields, timeZone: string): string[] {
  return PROPOSAL_ROWS.filter(([d, t]) => f[d].trim() && f[t].trim()).map(([d, t]) => localToOffset(f[d].trim(), f[t].trim(), timeZone));
}

/**
 * How long every proposed time is: the topic's duration, as a booking of the topic would be (the API
 * takes no other); null when the topic is not among the office's active ones any more.
 */
export function proposalMinutes(topics: readonly { key: string; durationMinutes: number }[], topicKey: string): number | null {
  return topics.find((t) => t.key === topicKey)?.durationMinutes ?? null;
}

/** Declining needs a message: it is the whole content of the mail. */
export function validateDecline(f: Fields): FieldErrors {
  return f.message.trim() ? {} : { message: "message" };
}

export function validateMove(f: Fields): FieldErrors {
  return f.slot ? {} : { slot: "slot" };
}

export function validateWalkIn(f: Fields): FieldErrors {
  return f.topic ? {} : { topic: "topic" };
}

/** The API's refusal of a field (`field` of its error) as the form's own error on that field. */
export function fieldErrorOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || !error.field) return {};
  // A proposed time (`times.<i>`): at its row's time, saying why.
  const time = /^times\.(\d)$/.exec(error.field);
  if (time) {
    const row = PROPOSAL_ROWS[Number(time[1])];
    if (!row) return {};
    const why: FieldSentence = error.code === "slot_full" ? "taken" : error.code === "proposal_too_soon" ? "tooSoon" : "timeInvalid";
    return { [row[1]]: why };
  }
  const known: Record<string, FieldKey & FieldSentence> = { name: "name", email: "email", topic: "topic", start: "slot", message: "message", by: "by" };
  const key = known[error.field];
  return key ? { [key]: key } : {};
}

/** What a finished dialog leaves on the board (the live region says it). */
export type Notice =
  | { kind: "cancelled" | "declined"; who: string }
  | { kind: "moved"; who: string; start: string }
  | { kind: "proposed"; who: string; count: number; until: string }
  | { kind: "withdrawn"; who: string; start: string };

export interface FormsDeps {
  api: StaffApi;
  office: () => string | null;
  timeZone: () => string;
  today: () => string;
  /** A change went through: load the board again. */
  changed: () => void;
  onSignedOut: () => void;
}

export type FormsStore = ReturnType<typeof createFormsStore>;

export function createFormsStore(deps: FormsDeps) {
  const dialog = signal<Dialog | null>(null);
  const fields = signal<Fields>(EMPTY);
  const fieldErrors = signal<FieldErrors>({});
  const failure = signal<StaffFailure | null>(null);
  const busy = signal(false);
  const notice = signal<Notice | null>(null);
  /** The phone booking that went through: its code is read out to the caller before closing. */
  const booked = signal<StaffBooking | null>(null);
  /** The walk-in number just given out at the desk, to tell the visitor. */
  const issued = signal<BoardTicket | null>(null);
  const slotPhase = signal<"idle" | "loading" | "ready" | "error">("idle");
  const slotList = signal<Slot[]>([]);
  let slotsFor = "";

  function open(d: Dialog): void {
    const today = deps.today();
    const start: Partial<Fields> =
      d.kind === "move"
        ? { topic: d.appointment.topic.key, day: d.appointment.start.slice(0, 10) }
        : d.kind === "propose"
          ? { date: today }
          : d.kind === "phone"
            ? { day: today, ...(d.request ? { topic: d.request.topic.key, name: d.request.name ?? "", phone: d.request.phone ?? "" } : {}) }
            : {};
    batch(() => {
      dialog.value = d;
      fields.value = { ...EMPTY, ...start };
      fieldErrors.value = {};
      failure.value = null;
      booked.value = null;
      issued.value = null;
      slotList.value = [];
      slotPhase.value = "idle";
      slotsFor = "";
    });
    if (d.kind === "move") void loadSlots();
  }

  function close(): void {
    dialog.value = null;
  }

  function set(key: FieldKey, value: string): void {
    fields.value = { ...fields.value, [key]: value };
    if (fieldErrors.value[key]) {
      const next = { ...fieldErrors.value };
      delete next[key];
      fieldErrors.value = next;
    }
    // A new topic or day means other free times: the chosen one may not exist there.
    if (key === "topic" || key === "day") {
      fields.value = { ...fields.value, slot: "" };
      void loadSlots();
    }
  }

  /** The free times of the chosen topic on the chosen day at the signed-in office, by the phone booking's rules. */
  async function loadSlots(force = false): Promise<void> {
    const { topic, day } = fields.value;
    const office = deps.office();
    if (!office || !topic || !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      slotPhase.value = "idle";
      slotList.value = [];
      return;
    }
    const key = `${office}|${topic}|${day}`;
    if (!force && key === slotsFor) return;
    slotsFor = key;
    // The list goes while the new one loads: a time of the day before must not be chosen for this one.
    batch(() => {
      slotPhase.value = "loading";
      slotList.value = [];
    });
    try {
      const answer = await deps.api.slots(office, day, day, topic);
      if (slotsFor !== key) return;
      const d = dialog.value;
      // Moving: the appointment's own time is not "another" time.
      const own = d?.kind === "move" ? d.appointment.start : null;
      batch(() => {
        slotList.value = (answer.days.find((x) => x.date === day)?.slots ?? []).filter((s) => s.start !== own);
        slotPhase.value = "ready";
      });
    } catch (error) {
      if (slotsFor !== key) return;
      console.warn(error);
      slotPhase.value = "error";
    }
  }

  function validate(d: Dialog): FieldErrors {
    switch (d.kind) {
      case "phone":
        return validatePhoneBooking(fields.value);
      case "propose":
        return validatePropose(fields.value);
      case "decline":
        return validateDecline(fields.value);
      case "move":
        return validateMove(fields.value);
      case "walkIn":
        return validateWalkIn(fields.value);
      case "cancel":
        return validateCancel(fields.value);
      case "withdraw":
        return {};
    }
  }

  /** Sends the open dialog; false when a field is not accepted (the errors say which) or the API refused. */
  async function submit(): Promise<boolean> {
    const d = dialog.value;
    const office = deps.office();
    if (!d || !office || busy.value) return false;
    const errs = validate(d);
    fieldErrors.value = errs;
    failure.value = null;
    if (Object.keys(errs).length > 0) return false;
    busy.value = true;
    const f = fields.value;
    const optional = (v: string) => (v.trim() ? v.trim() : undefined);
    try {
      switch (d.kind) {
        case "cancel": {
          const message = optional(f.message);
          const by = f.by === "resident" ? "resident" : "office";
          await deps.api.cancel(office, d.appointment.bookingId, { by, ...(message ? { message } : {}) });
          notice.value = { kind: "cancelled", who: d.appointment.name ?? d.appointment.code };
          dialog.value = null;
          break;
        }
        case "move": {
          const b = await deps.api.move(office, d.appointment.bookingId, f.slot);
          notice.value = { kind: "moved", who: d.appointment.name ?? d.appointment.code, start: b.start ?? f.slot };
          dialog.value = null;
          break;
        }
        case "propose": {
          const message = optional(f.message);
          const times = proposedTimes(f, deps.timeZone());
          const answer: ProposalsAnswer = await deps.api.propose(office, d.request.id, { times, ...(message ? { message } : {}) });
          notice.value = { kind: "proposed", who: d.request.name ?? "", count: answer.proposals.length, until: answer.proposals[0]?.holdUntil ?? "" };
          dialog.value = null;
          break;
        }
        case "withdraw": {
          const message = optional(f.message);
          await deps.api.withdrawProposals(office, d.request.id, { proposals: [d.proposal.id], ...(message ? { message } : {}) });
          notice.value = { kind: "withdrawn", who: d.request.name ?? "", start: d.proposal.start };
          dialog.value = null;
          break;
        }
        case "decline":
          await deps.api.decline(office, d.request.id, { message: f.message.trim() });
          notice.value = { kind: "declined", who: d.request.name ?? "" };
          dialog.value = null;
          break;
        case "phone": {
          const email = optional(f.email);
          const phone = optional(f.phone);
          const note = optional(f.note);
          booked.value = await deps.api.book(office, {
            topic: f.topic,
            start: f.slot,
            name: f.name.trim(),
            ...(email ? { email } : {}),
            ...(phone ? { phone } : {}),
            ...(note ? { note } : {}),
            locale: isLocale(f.locale) ? f.locale : "de",
          });
          break;
        }
        case "walkIn":
          issued.value = await deps.api.addWalkIn(office, f.topic);
          break;
      }
      deps.changed();
      return true;
    } catch (error) {
      const f = staffFailure(error);
      if (f === "signedOut") {
        deps.onSignedOut();
        return false;
      }
      if (f === "unexpected") console.warn(error);
      batch(() => {
        failure.value = f;
        fieldErrors.value = { ...fieldErrors.value, ...fieldErrorOf(error) };
      });
      if (f === "slotGone") {
        fields.value = { ...fields.value, slot: "" };
        void loadSlots(true);
      }
      // The board's own rule: a refusal that says the list was out of date loads it again (its words say so).
      if (refetchAfter(f)) deps.changed();
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { dialog, fields, fieldErrors, failure, busy, notice, booked, issued, slotPhase, slotList, open, close, set, submit, loadSlots };
}
