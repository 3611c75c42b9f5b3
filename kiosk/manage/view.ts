/*
 * The manage page's rules as pure functions: which step can be shown for the booking as it is now,
 * where "back" leads, and what an API error means for its holder.
 */
import type { ManagedBooking } from "../../schemas/bookings";
import type { ApiErrorCode } from "../shared/api";

export type ManageStep = "view" | "cancel" | "day" | "time" | "confirmMove" | "erase";

const STEPS: readonly ManageStep[] = ["view", "cancel", "day", "time", "confirmMove", "erase"];

export interface ManageFacts {
  canCancel: boolean;
  canReschedule: boolean;
  canErase: boolean;
  day: boolean;
  slot: boolean;
}

export function factsOf(b: ManagedBooking | null, day: boolean, slot: boolean): ManageFacts {
  return { canCancel: b?.canCancel ?? false, canReschedule: b?.canReschedule ?? false, canErase: b?.canErase ?? false, day, slot };
}

function canShow(step: ManageStep, f: ManageFacts): boolean {
  switch (step) {
    case "view":
      return true;
    case "cancel":
      return f.canCancel;
    case "day":
      return f.canReschedule;
    case "time":
      return f.canReschedule && f.day;
    case "confirmMove":
      return f.canReschedule && f.slot;
    case "erase":
      return f.canErase;
  }
}

const PREVIOUS: Readonly<Record<ManageStep, ManageStep | null>> = {
  view: null,
  cancel: "view",
  day: "view",
  time: "day",
  confirmMove: "time",
  erase: "view",
};

/** The step to show for `wanted`, falling back towards the overview (a cancelled booking cannot move). */
export function resolveManageStep(wanted: string | null, f: ManageFacts): ManageStep {
  let step: ManageStep | null = STEPS.includes(wanted as ManageStep) ? (wanted as ManageStep) : "view";
  while (step !== null && !canShow(step, f)) step = PREVIOUS[step];
  return step ?? "view";
}

export function previousManageStep(step: ManageStep): ManageStep | null {
  return PREVIOUS[step];
}

/** What went wrong with a cancel or a move, for the message and what the page offers next. */
export type ManageFailure = "slotGone" | "closedDay" | "past" | "changed" | "cancelled" | "expired" | "notFound" | "rateLimited" | "network" | "other";

export function manageFailure(code: ApiErrorCode): ManageFailure {
  switch (code) {
    case "slot_full":
    case "slot_unavailable":
    case "too_short_notice":
    case "beyond_horizon":
      return "slotGone";
    case "booking_past":
      return "past";
    case "booking_changed":
    // An erasure of a booking that is active again: the page showed it out of date.
    case "booking_active":
      return "changed";
    case "booking_cancelled":
      return "cancelled";
    // Proposed times: too late to answer, or answered, withdrawn or the request withdrawn meanwhile.
    case "proposal_expired":
      return "expired";
    case "proposal_closed":
      return "changed";
    case "not_found":
      return "notFound";
    case "rate_limited":
      return "rateLimited";
    case "network":
      return "network";
    default:
      return "other";
  }
}

/**
 * What went wrong with accepting a proposed time: as manageFailure, except that `slot_unavailable` means
 * the office is closed on that time's day (a closure added after the time was proposed).
 */
export function choiceFailure(code: ApiErrorCode): ManageFailure {
  return code === "slot_unavailable" ? "closedDay" : manageFailure(code);
}

/** What an erasure took away, in the order the page lists it. */
export type ErasedItem = "name" | "email" | "phone" | "note" | "wish" | "code" | "mails" | "link";

/**
 * What the page says was erased: the personal fields the booking had as the page last showed it, its
 * code, the mails sent about it (when there were any) and the link itself.
 */
export function erasedItems(b: ManagedBooking, mails: number): ErasedItem[] {
  const items: ErasedItem[] = ["name", "email"];
  if (b.phone) items.push("phone");
  if (b.note) items.push("note");
  if (b.wish) items.push("wish");
  items.push("code");
  if (mails > 0) items.push("mails");
  items.push("link");
  return items;
}
