/*
 * The status page's rules as pure functions: what to show for a number as the API describes it, the
 * wait range in words, and how long to wait before asking again. No clock, no DOM, no fetch: the store
 * (state.ts) feeds them and the tests hold them still.
 */
import { intlLocale } from "../../common/i18n/languages";
import type { Bound } from "../../common/i18n/messages";
import type { Locale } from "../../schemas/common";
import type { Estimate, TicketView } from "../../schemas/kiosk";
import type statusDe from "./i18n/status/de";

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

/** The status catalog's words for a wait (./i18n/status/de.ts `wait`), bound to a language. */
export type WaitWords = Bound<typeof statusDe>["wait"];

/**
 * A wait estimate in words, as a person would say it: "etwa 15 bis 30 Minuten", "bis zu 30 Minuten"
 * (nobody ahead, but the rooms may still be busy), "etwa 1 bis 2 Stunden", "etwa 45 Minuten bis
 * 2 Stunden" / "about 15 to 30 minutes", in the language of `words` (its plural forms, its decimal
 * sign: "1,5" / "1.5"). Up to 90 minutes it speaks in minutes; a longer wait is said in half hours,
 * rounded outwards, so the words never promise a shorter wait than the estimate.
 */
export function waitInWords(estimate: Estimate, words: WaitWords, locale: Locale): string {
  const number = (n: number) => new Intl.NumberFormat(intlLocale(locale)).format(n);
  const low = Math.min(estimate.low, estimate.high);
  let high = Math.max(estimate.low, estimate.high);
  if (high === 0) return words.shortly;
  if (high <= MINUTES_UP_TO) {
    if (low === 0) return words.upTo({ duration: words.minutes(high) });
    if (low === high) return words.about({ duration: words.minutes(high) });
    return words.range({ low: number(low), high: words.minutes(high) });
  }
  high = Math.ceil(high / HALF_HOUR) * HALF_HOUR;
  const hours = words.hours(high / 60);
  if (low === 0) return words.upTo({ duration: hours });
  if (low < 60) return words.range({ low: words.minutes(low), high: hours });
  const lowHours = Math.floor(low / HALF_HOUR) * HALF_HOUR;
  if (lowHours === high) return words.about({ duration: hours });
  return words.range({ low: number(lowHours / 60), high: hours });
}

/** What the page says about the people before the number: "Sie sind als Nächstes dran" for none. */
export function aheadInWords(ahead: number, words: Pick<Bound<typeof statusDe>, "next" | "ahead">): string {
  return ahead === 0 ? words.next : words.ahead(ahead);
}
