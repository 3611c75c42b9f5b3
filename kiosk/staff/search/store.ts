/*
 * The search's store: one search at a time (a late answer to an earlier one is dropped), whether the
 * results are open, what the live region says, and where a hit leads. The API and the session's end
 * come in as `deps`, so tests/staff/ drives it without a DOM or a server.
 */
import { batch, computed, signal } from "@preact/signals";
import type { BoardSearchHit, BoardSearchResult } from "../../../schemas/staff-search";
import { ApiError } from "../../shared/api";
import type { StaffApi } from "../api";
import { staffFailure, type StaffFailure } from "../failure";
import type { Place } from "../place";
import type { SearchStrings } from "../i18n/search";

export interface SearchDeps {
  api: Pick<StaffApi, "search">;
  onSignedOut: () => void;
  /** The search's words in the board's language (read inside a computed: a switch re-says). */
  strings: () => SearchStrings;
}

/** Why a search got no list: too short to send, no key to read from it, or the API's failure. */
export type SearchProblem = "tooShort" | "noKey" | StaffFailure;

/**
 * Where a hit leads: an appointment to its day; an open request to the requests of the day on show (or
 * today's, when a day gone by is on show: those list no requests). A request declined or withdrawn has
 * nothing left to open: null.
 */
export function hitPlace(hit: Pick<BoardSearchHit, "kind" | "status" | "day">, shownDay: string | null, today: string | null): Place | null {
  if (hit.day !== null) return { day: hit.day, view: "appointments" };
  if (hit.status !== "requested") return null;
  const stay = shownDay !== null && today !== null && shownDay >= today;
  return { day: stay ? shownDay : null, view: "appointments" };
}

export type SearchStore = ReturnType<typeof createSearchStore>;

export function createSearchStore(deps: SearchDeps) {
  const phase = signal<"idle" | "loading" | "ready" | "failed">("idle");
  const result = signal<BoardSearchResult | null>(null);
  const problem = signal<SearchProblem | null>(null);
  const open = signal(false);
  let sent = 0;

  /** What the live region says: searching, how many were found, or why nothing was. */
  const said = computed(() => {
    const t = deps.strings();
    if (!open.value) return "";
    if (phase.value === "loading") return t.searching;
    const p = problem.value;
    if (p === "tooShort") return t.tooShort;
    if (p === "noKey") return t.noKey;
    if (phase.value === "failed") return "";
    const r = result.value;
    if (!r) return "";
    const n = r.hits.length;
    if (n === 0) return t.nothingFound;
    return r.truncated ? t.foundMore(n) : t.found(n);
  });

  async function run(office: string, text: string): Promise<void> {
    const query = text.trim();
    const mine = ++sent;
    if (query.length < 2) {
      batch(() => {
        result.value = null;
        problem.value = "tooShort";
        phase.value = "failed";
        open.value = true;
      });
      return;
    }
    batch(() => {
      phase.value = "loading";
      problem.value = null;
      open.value = true;
    });
    try {
      const answer = await deps.api.search(office, query);
      if (mine !== sent) return;
      batch(() => {
        result.value = answer;
        phase.value = "ready";
      });
    } catch (error) {
      if (mine !== sent) return;
      const failure = staffFailure(error);
      if (failure === "signedOut") return deps.onSignedOut();
      // A text that is none of name, address, number or code: the API names the field.
      const noKey = error instanceof ApiError && error.field === "query";
      batch(() => {
        result.value = null;
        problem.value = noKey ? "noKey" : failure;
        phase.value = "failed";
      });
    }
  }

  function close(): void {
    open.value = false;
  }

  return { phase, result, problem, open, said, run, close };
}
