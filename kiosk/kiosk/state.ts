/*
 * The kiosk's store: what the tablet knows and the only place that fetches or decides. Components read
 * these signals and call the actions; the rules are pure (../shared/codes.ts, idle.ts, screens.ts,
 * opening.ts) and booking on the spot is the booking flow (book.ts).
 */
import { batch, computed, signal } from "@preact/signals";
import { CHECKIN_CODE_LENGTH, PAIRING_CODE_LENGTH } from "../../common/limits";
import type { LegalPage } from "../../common/legal/types";
import { localDate } from "../../common/time";
import type { CheckedIn, KioskState, TicketView } from "../../schemas/kiosk";
import type { Texts } from "../../schemas/common";
import { ApiError, newKey } from "../shared/api";
import { checkIn, getKioskState, pairAs, takeTicket, type PairProblem } from "../shared/api-kiosk";
import { deleteKey, isComplete, typeKey } from "../shared/codes";
import { concerns, followSlug } from "../shared/live";
import type { Locale } from "../../common/i18n/languages";
import { locale, setLocale, syncDocument } from "../shared/locale";
import { kioskCatalog } from "./i18n/kiosk";
import { office, reloadOffice, today } from "../shared/office";
import { keepAwake } from "../shared/wake";
import { flow, requestFrom } from "./book";
import { forgetDevice, rememberDevice, token } from "./device";
import { createIdleWatch } from "./idle";
import { go, onScreenChange, screen } from "./nav";
import { checkinOpensAt, checkinOutcome, isTransient, previousScreen, retryDelay, resetsOnIdle, ticketOutcome, warnsBeforeReset, type Refusal, type Screen } from "./screens";
import { scannerAvailable } from "./scanner";

export { screen, visit } from "./nav";

/** The kiosk's own words in the language on show. */
export const k = kioskCatalog;

/**
 * How often the start screen asks whether the office is open and how many wait. Changes made by anyone
 * arrive at once over the office's live channel (followLiveUpdates); this poll catches the clock
 * (opening and closing) and, faster, covers a live channel that is down. It is the kiosk's only poll:
 * the live follower does not poll on its own.
 */
const STATE_POLL_MS = 30_000;
const STATE_POLL_UNFOLLOWED_MS = 10_000;

// Pairing

export const pairCode = signal("");
export const pairProblem = signal<PairProblem | null>(null);

// The start screen

export const kiosk = signal<KioskState | null>(null);
/** Whether the last `GET /api/kiosk/state` answered: the start screen asks for staff when not. */
export const connection = signal<"ok" | "lost">("ok");
/** The concern to suggest to someone who is not sure: the office lists its general one first. */
export const generalTopic = computed(() => kiosk.value?.walkInTopics[0] ?? null);

// A number or a check-in on its way

/** `locale`: the language on show at the tap; the ticket keeps it, and retries send the same. */
type Pending = { kind: "ticket"; topic: string; locale: Locale; key: string } | { kind: "checkin"; code: string; locale: Locale; key: string };

export const code = signal("");
export const ticket = signal<TicketView | null>(null);
export const checkedIn = signal<CheckedIn | null>(null);
export const refusal = signal<Refusal | null>(null);
/** The code that was refused, shown with the explanation so a typo can be seen. */
export const refusedCode = signal("");
/** When check-in opens, after "too early" (ISO with offset), for "ab 13:30 Uhr"; null when not known. */
export const checkinOpens = signal<string | null>(null);

/**
 * The number to print (an 80 mm receipt, Print.tsx): the walk-in number or the check-in's, with its concern
 * and when it was taken. It is on the page whenever a number is on screen (print preview shows it), and
 * `auto` says whether this tablet prints it by itself (the device's setting "Bon drucken").
 */
export interface PrintJob {
  view: TicketView;
  /** The concern, per language (the walk-in topic tapped, or the appointment's topic). */
  topic: Texts | null;
  issuedAt: string;
  auto: boolean;
}
export const printJob = signal<PrintJob | null>(null);
/** A message on the topics or keypad screen: the office closed meanwhile, a topic went, or no luck. */
export const problem = signal<"closed" | "topicGone" | "failed" | null>(null);
export const busy = signal<Pending["kind"] | "pair" | null>(null);
export const retrying = signal(false);
/** "Sind Sie noch da?" */
export const idleWarning = signal(false);
/** Whether this browser can read QR codes with the camera (BarcodeDetector and a camera). */
export const canScan = signal(false);

let pending: Pending | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let retryAttempt = 0;

// Idle

const idle = createIdleWatch({
  clock: { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) },
  onWarn: () => {
    if (warnsBeforeReset(idleFacts())) idleWarning.value = true;
  },
  onActive: () => (idleWarning.value = false),
  onReset: () => {
    idleWarning.value = false;
    if (resetsOnIdle(idleFacts())) resetSession();
  },
});

function idleFacts() {
  return { screen: screen.value, locale: locale.value, busy: busy.value === "ticket" || busy.value === "checkin" };
}

/** "Ja, ich bin noch da". */
export function stillHere(): void {
  idle.activity();
}

/** Back to the start with nothing of the last visitor left: typed codes, numbers, forms, the language. */
export function resetSession(): void {
  settle();
  batch(() => {
    code.value = "";
    ticket.value = null;
    checkedIn.value = null;
    refusal.value = null;
    refusedCode.value = "";
    checkinOpens.value = null;
    printJob.value = null;
    problem.value = null;
    idleWarning.value = false;
    // German is bundled with the page, so the switch back needs no fetch and happens with the rest.
    locale.value = "de";
    flow.reset();
  });
  go(token.value ? "start" : "pair");
  void refreshState();
}

/**
 * A language button: for this visitor only (the kiosk saves no choice); the next one starts in German
 * again. The switch waits for the language's words; one that cannot be fetched leaves the screen as it
 * is (the promise rejects, for the button to say so).
 */
export function setLanguage(next: Locale): Promise<void> {
  return setLocale(next, { save: false });
}

// Pairing

export function typePairKey(key: string): void {
  pairCode.value = typeKey(pairCode.value, key, PAIRING_CODE_LENGTH);
  pairProblem.value = null;
}
export function deletePairKey(): void {
  pairCode.value = deleteKey(pairCode.value);
}
export function clearPairCode(): void {
  pairCode.value = "";
}

export async function submitPair(): Promise<void> {
  if (busy.value || !isComplete(pairCode.value, PAIRING_CODE_LENGTH)) return;
  busy.value = "pair";
  pairProblem.value = null;
  try {
    const paired = await pairAs("kiosk", pairCode.value);
    if ("problem" in paired) {
      pairProblem.value = paired.problem;
      return;
    }
    rememberDevice(paired.token);
    pairCode.value = "";
    // Pairing also tells the Worker which office this tablet belongs to: its hours and slots follow.
    loadOfficeOf(paired.token);
    busy.value = null;
    resetSession();
  } finally {
    if (busy.value === "pair") busy.value = null;
  }
}

// The start screen's facts

let stateTimer: ReturnType<typeof setTimeout> | null = null;
let stateFailures = 0;
/** Whether the office's live channel is open (then news comes by itself and the poll can be slow). */
let followedLive = false;

function planState(ms: number): void {
  if (stateTimer !== null) clearTimeout(stateTimer);
  stateTimer = setTimeout(() => void refreshState(), ms);
}

/**
 * The device token the shown office was asked for. `/api/location` names the tablet's office by the
 * device's cookie, which a kiosk call with the token restores when it went missing (cleared, expired):
 * so the office is asked for after the pairing or after the first kiosk answer, never before, or a
 * tablet whose cookie was gone would show the deployment's default office.
 */
let officeLoadedFor: string | null = null;

function loadOfficeOf(device: string): void {
  officeLoadedFor = device;
  void reloadOffice().catch((error: unknown) => {
    officeLoadedFor = null;
    console.warn(error);
  });
}

/** Asks whether the office is open, how many wait and which topics; again in 30 s (10 s without live news). */
export async function refreshState(): Promise<void> {
  if (stateTimer !== null) clearTimeout(stateTimer);
  stateTimer = null;
  const device = token.value;
  if (!device) return;
  let next = followedLive ? STATE_POLL_MS : STATE_POLL_UNFOLLOWED_MS;
  try {
    const state = await getKioskState(device);
    if (token.value !== device) return;
    batch(() => {
      kiosk.value = state;
      connection.value = "ok";
    });
    stateFailures = 0;
    const zone = office.value?.timezone;
    // A kiosk runs for days: the hours and "today" of the booking steps follow the calendar.
    if (officeLoadedFor !== device || !zone || today.value !== localDate(new Date(), zone)) loadOfficeOf(device);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return forgetDevice();
    if (!(error instanceof ApiError) || isTransient(error)) {
      connection.value = "lost";
      next = retryDelay(stateFailures++);
    }
    if (!(error instanceof ApiError)) console.warn(error);
  }
  planState(next);
}

// The office's legal documents

/** The one the legal screen shows. */
export const legalPage = signal<LegalPage>("datenschutz");

export function openLegal(page: LegalPage): void {
  problem.value = null;
  legalPage.value = page;
  go("legal");
}

// Walk-in numbers

export function openWalkIn(): void {
  problem.value = null;
  go("topics");
  void refreshState();
}

/** A concern was tapped: one number for this tap, however often it has to be retried. */
export function chooseWalkInTopic(topic: string): void {
  if (busy.value) return; // a double tap
  problem.value = null;
  void run({ kind: "ticket", topic, locale: locale.value, key: newKey() });
}

// Check-in

export function openCheckin(): void {
  batch(() => {
    problem.value = null;
    refusal.value = null;
  });
  go("checkin");
}

export function pressKey(key: string): void {
  code.value = typeKey(code.value, key, CHECKIN_CODE_LENGTH);
  problem.value = null;
}
export function deleteLast(): void {
  code.value = deleteKey(code.value);
}
export function clearCode(): void {
  code.value = "";
}

export function submitCheckin(): void {
  if (busy.value || !isComplete(code.value, CHECKIN_CODE_LENGTH)) return;
  problem.value = null;
  void run({ kind: "checkin", code: code.value, locale: locale.value, key: newKey() });
}

/** A code read from the camera: checked in at once, as if typed. */
export function scanned(value: string): void {
  code.value = value;
  submitCheckin();
}

export function openScan(): void {
  go("scan");
}

/** "Code noch einmal eingeben": back to the keypad with the refused code, to correct it. */
export function typeAgain(): void {
  code.value = refusedCode.value;
  go("checkin");
}

// Sending, and retrying without a second number

async function run(p: Pending): Promise<void> {
  const device = token.value;
  if (!device) return;
  pending = p;
  busy.value = p.kind;
  try {
    if (p.kind === "ticket") {
      const view = await takeTicket(device, p.topic, p.locale, p.key);
      if (pending !== p) return;
      settle();
      batch(() => {
        ticket.value = view;
        printJob.value = newPrintJob(view, kiosk.value?.walkInTopics.find((t) => t.key === p.topic)?.label ?? null);
      });
      go("ticket");
    } else {
      const view = await checkIn(device, p.code, p.locale, p.key);
      if (pending !== p) return;
      settle();
      batch(() => {
        checkedIn.value = view;
        code.value = "";
        printJob.value = newPrintJob(view, view.appointment.topic);
      });
      go("welcome");
    }
    void refreshState();
  } catch (error) {
    if (pending !== p) return;
    if (error instanceof ApiError && isTransient(error)) return waitAndRetry();
    settle();
    if (!(error instanceof ApiError)) {
      console.warn(error);
      return p.kind === "ticket" ? ticketFailed("other") : checkinFailed({ kind: "other" }, p.code);
    }
    if (error.status === 401) return forgetDevice();
    if (p.kind === "ticket") ticketFailed(ticketOutcome(error));
    else {
      checkinOpens.value = checkinOpensAt(error);
      checkinFailed(checkinOutcome(error), p.code);
    }
  }
}

function newPrintJob(view: TicketView, topic: Texts | null): PrintJob {
  return { view, topic, issuedAt: new Date().toISOString(), auto: kiosk.value?.printTicket ?? false };
}

function ticketFailed(outcome: ReturnType<typeof ticketOutcome>): void {
  problem.value = outcome === "closed" ? "closed" : outcome === "topicGone" ? "topicGone" : "failed";
  if (screen.value !== "topics") go("topics");
  void refreshState();
}

function checkinFailed(outcome: ReturnType<typeof checkinOutcome>, refused: string): void {
  if (outcome.kind !== "refused") {
    problem.value = "failed";
    if (screen.value !== "checkin") go("checkin");
    return;
  }
  batch(() => {
    refusal.value = outcome.refusal;
    refusedCode.value = refused;
    code.value = "";
  });
  go("refused");
}

/** No answer: "Bitte wenden Sie sich an das Personal", and the same request again (same key) until it answers. */
function waitAndRetry(): void {
  if (screen.value !== "noConnection") go("noConnection");
  retrying.value = false;
  retryTimer = setTimeout(() => retryNow(), retryDelay(retryAttempt++));
}

/** Tries the request on its way again at once (coming back online, or "Jetzt noch einmal versuchen"). */
export function retryNow(): void {
  if (!pending) return;
  if (retryTimer !== null) clearTimeout(retryTimer);
  retryTimer = null;
  retrying.value = true;
  void run(pending);
}

function settle(): void {
  if (retryTimer !== null) clearTimeout(retryTimer);
  retryTimer = null;
  retryAttempt = 0;
  pending = null;
  batch(() => {
    busy.value = null;
    retrying.value = false;
  });
}

/** "Abbrechen" while no connection: stops trying (a number that was issued meanwhile is left to staff). */
export function giveUp(): void {
  resetSession();
}

// Start

/**
 * Takes the tablet over: title, language and direction of the document, keeping awake, the inactivity
 * watch, the first facts. The language has been decided before (main.tsx: German, nothing remembered).
 */
export function start(): void {
  syncDocument(() => {
    const s = k.value;
    const name = office.value?.shortName;
    return name ? `${s.kioskTitle} – ${name}` : s.kioskTitle;
  });
  keepAwake();
  for (const type of ["pointerdown", "keydown", "input", "wheel"] as const) {
    addEventListener(type, () => idle.activity(), { capture: true, passive: true });
  }
  onScreenChange(() => idle.activity());
  addEventListener("online", () => {
    retryNow();
    if (connection.value === "lost") void refreshState();
  });
  // The tablet's own back gesture goes one screen back (or to the start), never off the kiosk.
  history.pushState({ kiosk: true }, "");
  addEventListener("popstate", () => {
    history.pushState({ kiosk: true }, "");
    backOrHome();
  });
  void scannerAvailable().then((ok) => (canScan.value = ok));
  followLiveUpdates();
  if (token.value) {
    go("start");
    // The office follows the first answer (see officeLoadedFor).
    void refreshState();
  } else {
    go("pair");
  }
}

/** "Zurück": the previous screen, or the start where there is none. */
export function back(): void {
  const previous = previousScreen(screen.value, requestFrom.value);
  if (previous) goBackTo(previous);
}

function backOrHome(): void {
  if (screen.value === "pair" || busy.value) return;
  const previous = previousScreen(screen.value, requestFrom.value);
  if (previous) goBackTo(previous);
  else if (screen.value !== "start") resetSession();
}

/**
 * Back to `previous`; back to the start screen forgets what was typed for a booking or request: the
 * start screen (in German) waits for the next visitor without an idle reset, and nobody may find the
 * last one's name, address or phone there. The language stays: it is still the same person.
 */
function goBackTo(previous: Screen): void {
  if (previous === "start") flow.reset();
  go(previous);
}

/**
 * Follows the tablet's own office live (its office comes with /api/location once paired): a new number,
 * a check-in or a call changes the count of people waiting; changed settings change topics and hours.
 */
function followLiveUpdates(): void {
  followSlug(
    () => (token.value ? (office.value?.slug ?? null) : null),
    "kiosk",
    (changes) => {
      // "devices": this tablet's own settings (the printed ticket) changed on the board.
      if (concerns(changes, "queue", "calls", "settings", "devices")) void refreshState();
      if (concerns(changes, "settings")) void reloadOffice().catch((error: unknown) => console.warn(error));
    },
    {
      pollMs: null, // refreshState polls, faster while the channel is down
      onStatus: (status) => {
        const wasLive = followedLive;
        followedLive = status === "live";
        // The channel just went: the next ask comes at the faster pace, not up to 30 s later.
        if (wasLive && !followedLive && stateTimer !== null && connection.value === "ok") planState(STATE_POLL_UNFOLLOWED_MS);
      },
    },
  );
}
