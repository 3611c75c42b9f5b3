/*
 * The status page's rules as pure functions: what to show for a number as the API describes it, the
 * wait range in words, and how long to wait before asking again. No clock, no DOM, no fetch: the store
 * (state.ts) feeds them and the tests hold them still.
 */
import type { Locale } from "../../schemas/common";
import type { Estimate, TicketView } from "../../schemas/kiosk";

/** How far the page has got with its number: still asking, have it, or the link leads nowhere. */
export type StatusPhase = "loading" | "ready" | "unknown";

/** What the page shows; one kind per thing the visitor has to understand or do. */
export type Screen =
  | { kind: "loading" }
  | { kind: "unknown" }
  | { kind: "waiting"; label: string; ahead: number; estimate: Estimate }
  | { kind: "called"; label: string; room: string | null }
  | { kind: "inProgress"; label: string; room: string | null }
  | { kind: "done"; label: string }
  | { kind: "noShow"; label: string }
  | { kind: "cancelled"; label: string };

export function screenOf(phase: StatusPhase, ticket: TicketView | null): Screen {
  if (phase === "unknown") return { kind: "unknown" };
  if (!ticket) return { kind: "loading" };
  const { label, room } = ticket;
  switch (ticket.status) {
    case "waiting":
      return { kind: "waiting", label, ahead: ticket.ahead, estimate: ticket.estimate };
    case "called":
      return { kind: "called", label, room };
    case "in_progress":
      return { kind: "inProgress", label, room };
    case "done":
      return { kind: "done", label };
    case "no_show":
      return { kind: "noShow", label };
    case "cancelled":
      return { kind: "cancelled", label };
  }
}

/**
 * Whether the page can stop asking: the conversation is over, the number was withdrawn, or the link
 * is unknown. A "no show" is not final: staff may call the number again when the visitor turns up.
 */
export function isFinal(screen: Screen): boolean {
  return screen.kind === "done" || screen.kind === "cancelled" || screen.kind === "unknown";
}

/** Asking every 5 s while all is well and no live channel brings the news. */
export const POLL_MS = 5_000;
/** Asking every minute while the live channel is open: a safety net, the news comes by itself. */
export const LIVE_POLL_MS = 60_000;
/** Never waiting longer than a minute between tries, however long the network has been gone. */
export const MAX_BACKOFF_MS = 60_000;

/**
 * Milliseconds until the next request after `failures` failed ones in a row: 5 s while all is well
 * (60 s while `live`, the office's live channel being open), then 10, 20, 40 and at most 60 s, so a
 * phone in a dead spot does not drain its battery and a busy server is not hammered. A Retry-After
 * (seconds, from a 429) is honoured when it asks for longer.
 */
export function nextPollDelay(failures: number, retryAfterSeconds?: number, live = false): number {
  const backoff = failures <= 0 ? (live ? LIVE_POLL_MS : POLL_MS) : Math.min(POLL_MS * 2 ** failures, MAX_BACKOFF_MS);
  return Math.max(backoff, (retryAfterSeconds ?? 0) * 1000);
}

const HALF_HOUR = 30;
/** Up to this many minutes a wait is said in minutes; above it in hours. */
const MINUTES_UP_TO = 90;

function minutes(n: number, locale: Locale): string {
  return locale === "de" ? (n === 1 ? "1 Minute" : `${n} Minuten`) : n === 1 ? "1 minute" : `${n} minutes`;
}

/** "1,5" (de) / "1.5" (en): `n` minutes as hours in half steps, without the unit. */
function hourNumber(n: number, locale: Locale): string {
  const h = n / 60;
  const text = Number.isInteger(h) ? String(h) : h.toFixed(1);
  return locale === "de" ? text.replace(".", ",") : text;
}

function hours(n: number, locale: Locale): string {
  const one = n === 60;
  return `${hourNumber(n, locale)} ${locale === "de" ? (one ? "Stunde" : "Stunden") : one ? "hour" : "hours"}`;
}

/**
 * A wait estimate in words, as a person would say it: "etwa 15 bis 30 Minuten", "bis zu 30 Minuten"
 * (nobody ahead, but the rooms may still be busy), "etwa 1 bis 2 Stunden", "etwa 45 Minuten bis
 * 2 Stunden" / "about 15 to 30 minutes". Up to 90 minutes it speaks in minutes; a longer wait is said
 * in half hours, rounded outwards, so the words never promise a shorter wait than the estimate.
 */
export function waitInWords(estimate: Estimate, locale: Locale): string {
  const de = locale === "de";
  const low = Math.min(estimate.low, estimate.high);
  let high = Math.max(estimate.low, estimate.high);
  if (high === 0) return de ? "nur noch kurz" : "only a short while";
  if (high <= MINUTES_UP_TO) {
    if (low === 0) return `${de ? "bis zu" : "up to"} ${minutes(high, locale)}`;
    if (low === high) return `${de ? "etwa" : "about"} ${minutes(high, locale)}`;
    return `${de ? "etwa" : "about"} ${low} ${de ? "bis" : "to"} ${minutes(high, locale)}`;
  }
  high = Math.ceil(high / HALF_HOUR) * HALF_HOUR;
  if (low === 0) return `${de ? "bis zu" : "up to"} ${hours(high, locale)}`;
  const to = de ? "bis" : "to";
  const about = de ? "etwa" : "about";
  if (low < 60) return `${about} ${minutes(low, locale)} ${to} ${hours(high, locale)}`;
  const lowHours = Math.floor(low / HALF_HOUR) * HALF_HOUR;
  if (lowHours === high) return `${about} ${hours(high, locale)}`;
  return `${about} ${hourNumber(lowHours, locale)} ${to} ${hours(high, locale)}`;
}
