/*
 * The manage page's store (`/manage#<token>`): the booking its link opens, and cancelling or moving it.
 * Rules are in view.ts; the day and time pickers share the booking page's slot store and components.
 */
import { batch, computed, signal } from "@preact/signals";
import type { ManagedBooking } from "../../schemas/bookings";
import type { Slot } from "../../schemas/slots";
import {
  acceptProposal,
  ApiError,
  type ApiErrorCode,
  cancelManagedBooking,
  declineProposals,
  eraseManagedBooking,
  getManagedBooking,
  rescheduleManagedBooking,
} from "../shared/api";
import { dayOf } from "../shared/days";
import { createStepHistory, takeFocusRequest } from "../shared/history";
import { t } from "../shared/i18n/flow";
import { preferLocale, syncDocument } from "../shared/locale";
import { loadOffice, office } from "../shared/office";
import { tokenFromHash } from "../shared/secret-link";
import { createSlotsStore } from "../shared/slots";
import { createEraseStore } from "./erase";
import {
  choiceFailure,
  erasedItems,
  factsOf,
  manageFailure,
  previousManageStep,
  resolveManageStep,
  type ErasedItem,
  type ManageFailure,
  type ManageStep,
} from "./view";

/** "erased": the holder erased their data; the page says what went and that the link works no more. */
export const phase = signal<"loading" | "ready" | "notFound" | "error" | "erased">("loading");
export const booking = signal<ManagedBooking | null>(null);
export const step = signal<ManageStep>("view");
export const moveDay = signal<string | null>(null);
export const moveSlot = signal<Slot | null>(null);
/** What the last change did, said once on the overview. */
export const notice = signal<"cancelled" | "moved" | "accepted" | "declined" | null>(null);
/**
 * The answer chosen to the proposed times: a time's id, or "none" ("keine Zeit passt"). A mail's link
 * chooses one in advance (`?proposal=`); only the button sends it, so opening the link changes nothing.
 */
export const choice = signal<string | null>(null);
export const failure = signal<ManageFailure | null>(null);
export const busy = signal(false);
export const eraser = createEraseStore({ erase: eraseManagedBooking });
/** What the erasure took away, for the page to say so (the booking itself is gone from the page too). */
export const erasedWhat = signal<ErasedItem[]>([]);
/** Whether a mail about the booking was still on its way when it was erased (it is emptied once sent). */
export const mailOnItsWay = signal(false);

export const slots = createSlotsStore(() => booking.value?.office.slug);
export const chosenDay = computed(() => dayOf(slots.days.value, moveDay.value));
export const isRequest = computed(() => booking.value?.kind === "request");

let token: string | null = null;

const nav = createStepHistory<ManageStep>({
  step,
  resolve: (wanted) => resolveManageStep(wanted, factsOf(booking.value, moveDay.value !== null, moveSlot.value !== null)),
  previous: previousManageStep,
  url: () => location.href,
});
export const visit = nav.visit;
export const back = nav.back;

/**
 * Loads the booking of the link open now. An answer that comes back after the link changed (`/manage#A`
 * still loading when `#B` opens: followHash) is dropped, so the page never shows A while acting on B.
 */
async function load(): Promise<void> {
  const asked = token;
  if (!asked) {
    phase.value = "notFound";
    return;
  }
  phase.value = "loading";
  try {
    const loaded = await getManagedBooking(asked);
    if (asked !== token) return;
    // The booking's own language (unless this device chose one), fetched before the booking shows, so
    // the page does not flash German first. A language that cannot be fetched leaves the page as it is.
    await preferLocale(loaded.locale);
    if (asked !== token) return;
    batch(() => {
      booking.value = loaded;
      phase.value = "ready";
    });
  } catch (error) {
    if (asked !== token) return;
    phase.value = error instanceof ApiError && error.code === "not_found" ? "notFound" : "error";
    if (phase.value === "error") console.warn(error);
  }
  // The booking's own office (footer, legal links, hours); without a booking, the page's.
  void loadOffice(booking.value?.office.slug).catch((error: unknown) => console.warn(error));
}

export function retry(): void {
  void load();
}

export function askCancel(): void {
  batch(() => {
    failure.value = null;
    notice.value = null;
  });
  nav.go("cancel");
}

/** "Ja, absagen". Cancelling twice is harmless for the API; a second click while busy does nothing. */
export async function confirmCancel(): Promise<void> {
  await change(() => cancelManagedBooking(token!), "cancelled");
}

export function askErase(): void {
  batch(() => {
    failure.value = null;
    notice.value = null;
  });
  eraser.reset();
  nav.go("erase");
}

/** "Ja, jetzt löschen". Afterwards the page keeps nothing of the booking but the list of what went. */
export async function confirmErase(): Promise<void> {
  const b = booking.value;
  if (!token || !b) return;
  const result = await eraser.confirm(token);
  if (result.kind === "done") {
    batch(() => {
      erasedWhat.value = erasedItems(b, result.erased.mails);
      mailOnItsWay.value = result.erased.mailsOnTheirWay > 0;
      booking.value = null;
      phase.value = "erased";
    });
    nav.replace("view");
  } else if (result.kind === "failed") {
    failure.value = result.failure;
    // Not what the page showed (active again, or gone): show it as it is now.
    if (result.failure === "changed" || result.failure === "notFound") {
      await load();
      nav.replace("view");
    }
  }
}

export function startMove(): void {
  const b = booking.value;
  if (!b) return;
  batch(() => {
    failure.value = null;
    notice.value = null;
  });
  void slots.load(b.topic.key);
  nav.go("day");
}

export function chooseMoveDay(date: string): void {
  moveDay.value = date;
  nav.go("time");
}

export function chooseMoveSlot(s: Slot): void {
  batch(() => {
    moveSlot.value = s;
    failure.value = null;
  });
  nav.go("confirmMove");
}

export async function confirmMove(): Promise<void> {
  const s = moveSlot.value;
  if (!s) return;
  await change(() => rescheduleManagedBooking(token!, s.start), "moved");
}

/** After "this time is gone": fresh slots and the same day's times. */
export function chooseOtherMoveTime(): void {
  const b = booking.value;
  batch(() => {
    moveSlot.value = null;
    failure.value = null;
  });
  if (b) void slots.load(b.topic.key, true);
  nav.go("time");
}

export function choose(value: string): void {
  batch(() => {
    choice.value = value;
    failure.value = null;
  });
}

/**
 * Sends the chosen answer: the time ("Termin bestätigen"), which books it, or "keine Zeit passt". A
 * second click while busy does nothing; choosing the same time twice is harmless for the API.
 */
export async function confirmChoice(): Promise<void> {
  const c = choice.value;
  if (!c) return;
  if (c === "none") await change(() => declineProposals(token!), "declined");
  else await change(() => acceptProposal(token!, c), "accepted", choiceFailure);
}

async function change(
  action: () => Promise<ManagedBooking>,
  done: "cancelled" | "moved" | "accepted" | "declined",
  failureOf: (code: ApiErrorCode) => ManageFailure = manageFailure,
): Promise<void> {
  if (busy.value || !token) return;
  const asked = token;
  busy.value = true;
  failure.value = null;
  try {
    const result = await action();
    // Another link opened meanwhile (followHash): its page is not this answer's.
    if (asked !== token) return;
    batch(() => {
      booking.value = result;
      notice.value = done;
      moveDay.value = null;
      moveSlot.value = null;
    });
    nav.replace("view");
    // The overview's notice takes the focus (App.tsx `Notice`), not its heading: it says what happened.
    takeFocusRequest();
  } catch (error) {
    if (!(error instanceof ApiError)) console.warn(error);
    if (asked !== token) return;
    const f = error instanceof ApiError ? failureOf(error.code) : "other";
    failure.value = f;
    // The booking is not what the page showed: show it as it is now.
    if (f === "changed" || f === "cancelled" || f === "past" || f === "expired") {
      await load();
      nav.replace("view");
    }
  } finally {
    busy.value = false;
  }
}

/**
 * Another booking's link opened in this tab (`/manage#A` → `/manage#B`, or back to A): nothing of the
 * booking on show stays, the new one loads from its overview.
 */
function followHash(): void {
  const next = tokenFromHash(location.hash);
  if (next === token) return;
  token = next;
  batch(() => {
    booking.value = null;
    // The new link's own choice, if its mail chose a time (`?proposal=`); else none.
    choice.value = new URLSearchParams(location.search).get("proposal");
    notice.value = null;
    failure.value = null;
    moveDay.value = null;
    moveSlot.value = null;
    erasedWhat.value = [];
    mailOnItsWay.value = false;
  });
  eraser.reset();
  nav.replace("view");
  void load();
}

export function start(): void {
  token = tokenFromHash(location.hash);
  choice.value = new URLSearchParams(location.search).get("proposal");
  nav.start();
  addEventListener("hashchange", followHash);
  syncDocument(() => {
    const s = t.value;
    const name = office.value?.shortName;
    const title = isRequest.value ? s.manageRequestTitle : s.manageTitle;
    return name ? `${title} – ${name}` : title;
  });
  void load();
}
