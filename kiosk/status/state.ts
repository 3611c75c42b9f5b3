/*
 * The status page's store (`/status#<token>`): one queue number, kept fresh by asking the API while the
 * page is visible (every 5 s, or every minute while the office's live channel is open), backing off
 * while the network is gone, and stopping once the number is finished. Whatever it last knew stays on
 * screen while it cannot reach the API.
 *
 * `refresh()` is the one way in for news: the poll timer calls it, so do "the page became visible" and
 * "back online", and the live channel of the number's office (kiosk/shared/live.ts: a WebSocket saying
 * "the queue changed" or "someone was called") calls it too. The poll is the fallback and the page's only
 * poll (the live follower does not poll); `setLive` sets its pace.
 */
import { batch, computed, effect, signal } from "@preact/signals";
import type { TicketView } from "../../schemas/kiosk";
import { ApiError, getTicketStatus } from "../shared/api";
import { syncDocument } from "../shared/locale";
import { loadOffice, office } from "../shared/office";
import { createRefresher } from "../shared/refresh";
import { tokenFromHash } from "../shared/secret-link";
import { statusText } from "./i18n/status";
import { followTicketLanguage } from "./language";
import { isFinal, nextPollDelay, screenOf, type StatusPhase } from "./view";

/** What the store needs from the world; the page passes the real ones, tests their own. */
export interface StatusDeps {
  load(token: string, signal: AbortSignal): Promise<TicketView>;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  now(): Date;
}

export type StatusStore = ReturnType<typeof createStatusStore>;

export function createStatusStore(deps: StatusDeps) {
  const ticket = signal<TicketView | null>(null);
  const phase = signal<StatusPhase>("loading");
  /** Failed requests in a row; more than none means "Keine Verbindung". */
  const failures = signal(0);
  /** When the ticket on screen was last confirmed by the API. */
  const updatedAt = signal<Date | null>(null);
  const screen = computed(() => screenOf(phase.value, ticket.value));
  const offline = computed(() => failures.value > 0);

  let token: string | null = null;
  let visible = true;
  let timer: unknown = null;
  let retryAfter: number | undefined;
  /** Whether the office's live channel is open: then news comes by itself and the poll is slow. */
  let live = false;

  function clear(): void {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
  }

  function schedule(): void {
    clear();
    if (!visible || !token || isFinal(screen.value)) return;
    timer = deps.setTimer(() => {
      timer = null;
      void refresh();
    }, nextPollDelay(failures.value, retryAfter, live));
  }

  /** One request for the number, then the next one planned. */
  async function load(signal: AbortSignal): Promise<void> {
    const asked = token;
    if (!asked || isFinal(screen.value)) return;
    clear();
    try {
      const answer = await deps.load(asked, signal);
      if (signal.aborted) return;
      retryAfter = undefined;
      batch(() => {
        ticket.value = answer;
        phase.value = "ready";
        failures.value = 0;
        updatedAt.value = deps.now();
      });
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof ApiError && error.code === "not_found") {
        batch(() => {
          phase.value = "unknown";
          ticket.value = null;
          failures.value = 0;
        });
      } else {
        retryAfter = error instanceof ApiError ? error.retryAfter : undefined;
        failures.value++;
      }
    }
    // A request queued behind this one clears the timer again as it starts.
    schedule();
  }

  const refresher = createRefresher(load);

  /** Asks the API now (unless a request is under way: then once more after it), then plans the next. */
  function refresh(): Promise<void> {
    return token && !isFinal(screen.value) ? refresher.refresh() : Promise.resolve();
  }

  /** Follows one number (a new `#token` in the same tab starts afresh). */
  function follow(next: string | null): void {
    refresher.cancel();
    retryAfter = undefined;
    clear();
    token = next;
    batch(() => {
      ticket.value = null;
      phase.value = next ? "loading" : "unknown";
      failures.value = 0;
      updatedAt.value = null;
    });
    if (next) void refresh();
  }

  /** Page Visibility: no requests while nobody looks; a fresh answer as soon as someone does. */
  function setVisible(now: boolean): void {
    visible = now;
    if (now) void refresh();
    else clear();
  }

  /**
   * The live channel opened (slow poll from now) or went (the usual pace: the next request comes within
   * 5 s, not up to a minute later). A request under way plans the next itself.
   */
  function setLive(now: boolean): void {
    if (now === live) return;
    live = now;
    if (!refresher.running && timer !== null) schedule();
  }

  return { ticket, phase, failures, updatedAt, screen, offline, follow, refresh, setVisible, setLive };
}

export const store = createStatusStore({
  load: (token, signal) => getTicketStatus(token, signal).then((ticket) => followTicketLanguage(ticket, token)),
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => new Date(),
});

/** Wires the store to the page: the token in the address, visibility, the network, the tab's title. */
export function start(): void {
  syncDocument(() => {
    const s = statusText.value;
    const view = store.screen.value;
    const label = "label" in view ? view.label : null;
    const called = view.kind !== "called" ? null : view.room ? s.calledInRoom({ room: view.room }) : s.calledTitle;
    const name = office.value?.shortName;
    const title = !label ? s.title : called ? s.documentTitleCalled({ called, label }) : s.documentTitle({ label });
    return name ? `${title} – ${name}` : title;
  });
  followTicketsOffice();
  store.setVisible(document.visibilityState === "visible");
  store.follow(tokenFromHash(location.hash));
  addEventListener("hashchange", () => store.follow(tokenFromHash(location.hash)));
  document.addEventListener("visibilitychange", () => store.setVisible(document.visibilityState === "visible"));
  addEventListener("online", () => void store.refresh());
  // The phone lost its network: ask at once, so the page says so now rather than at its next poll (a
  // dead socket is only noticed by its ping, up to half a minute later).
  addEventListener("offline", () => void store.refresh());
  // Back from the back/forward cache: the page may be minutes old.
  addEventListener("pageshow", (event) => {
    if (event.persisted) void store.refresh();
  });
}

/**
 * Once the number is known: its own office's name and phone (not the default office's), and that
 * office's live updates. A number that is unknown, or no answer at all, shows the default office's
 * phone number to call.
 */
function followTicketsOffice(): void {
  effect(() => {
    const slug = store.ticket.value?.office ?? null;
    if (!slug) {
      if (store.phase.value === "unknown" || store.offline.value) void loadOffice().catch((error: unknown) => console.warn(error));
    } else {
      void loadOffice(slug).catch((error: unknown) => console.warn(error));
    }
  });
  // The live channel is not needed for the first paint (the first answer comes by the API): its client
  // is a chunk of its own, fetched at once, so the first load stays in its budget. Until it comes, and
  // if it cannot come, the page polls at its usual pace.
  import("../shared/live")
    .then(({ concerns, followSlug }) =>
      followSlug(
        // A finished number changes no more: nothing left to follow.
        () => {
          const slug = store.ticket.value?.office ?? null;
          return slug && !isFinal(store.screen.value) ? slug : null;
        },
        "status",
        (changes) => {
          if (concerns(changes, "queue", "calls")) void store.refresh();
        },
        { pollMs: null, onStatus: (status) => store.setLive(status === "live") },
      ),
    )
    .catch((error: unknown) => console.warn(error));
}
