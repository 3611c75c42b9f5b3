/*
 * Changes that touch appointments (a closure, new opening hours, removed extra hours), as the admin
 * panels run them: the change is sent without a decision; when the API lists the appointments and open
 * proposed times it touches (409 `bookings_affected`), the dialog shows them and staff choose "… und
 * alle absagen" or "Nur …", which sends the change again with that decision on exactly that list. A list
 * that changed meanwhile comes back as a new question. Pure signals, no DOM:
 * tests/staff/admin-affected.test.ts.
 */
import { batch, signal } from "@preact/signals";
import type { AffectedBooking, AffectedProposal, ClosureView } from "../../../schemas/staff-settings";
import { ApiError } from "../../shared/api";
import type { Saver } from "./form";

export type Decision = "cancel" | "keep";

/** What a change touches: appointments, and times proposed for requests that are still open. */
export interface Touched {
  bookings: AffectedBooking[];
  proposals: AffectedProposal[];
}

/** The appointments and proposals a refused change touches (409 `bookings_affected`); null for any other failure. */
export function affectedOf(error: unknown): Touched | null {
  if (!(error instanceof ApiError) || error.code !== "bookings_affected") return null;
  const list = (key: string) => {
    const value = error.details?.[key];
    return Array.isArray(value) ? value : [];
  };
  return { bookings: list("bookings") as AffectedBooking[], proposals: list("proposals") as AffectedProposal[] };
}

/** The closure a new one overlaps (409 `closure_overlap`); null for any other failure. */
export function overlapOf(error: unknown): ClosureView | null {
  if (!(error instanceof ApiError) || error.code !== "closure_overlap") return null;
  const closure = error.details?.["closure"];
  return closure && typeof closure === "object" ? (closure as ClosureView) : null;
}

/**
 * The staff board on a day, at its appointments: where staff handle a kept appointment. Without
 * `appointments`, the day as it opens (a kept proposed time is handled at its request, not in the list
 * of appointments).
 */
export function boardLink(day: string, appointments = true): string {
  return `/staff/?day=${encodeURIComponent(day)}${appointments ? "&view=appointments" : ""}`;
}

/** What the answer of such a change says about the appointments and proposals it touched. */
export interface AffectedAnswer extends Touched {
  cancelled: number;
  withdrawn: number;
  mailed: number;
}

/** What the page shows after the change: what was decided, what stays, whom to call. */
export interface AffectedResult {
  /** null: the change touched nothing, nobody was asked. */
  action: Decision | null;
  /** Still active: all when kept; the checked-in appointments when cancelled. */
  kept: Touched;
  cancelled: number;
  withdrawn: number;
  mailed: number;
  /** Cancelled or withdrawn without an address: no mail reached them, staff call them. */
  toCall: Touched;
}

export interface AffectedQuestion extends Touched {
  /** The list came back different from the one staff decided on. */
  changed: boolean;
}

/** Whether a list holds anything. */
export const touchesAny = (t: Touched) => t.bookings.length + t.proposals.length > 0;

const NOBODY: Touched = { bookings: [], proposals: [] };

/**
 * One change that may touch appointments. `send` calls the API with the body and, on the second call,
 * the decision; `saver` keeps its busy state and its errors (a refusal that is a question is none).
 */
export function createAffectedFlow<B extends object, R extends AffectedAnswer>(
  saver: Saver,
  send: (body: B & { bookings?: { action: Decision; ids: string[]; proposals: string[] } }) => Promise<R>,
  fieldFor?: (apiField: string) => string | null,
) {
  const asking = signal<AffectedQuestion | null>(null);
  const result = signal<AffectedResult | null>(null);
  let pending: B | null = null;

  type Outcome = { done: R } | { asked: Touched };

  async function attempt(body: B, decision?: { action: Decision; ids: string[]; proposals: string[] }): Promise<R | null> {
    const shown = asking.value ?? NOBODY;
    const r = await saver.run<Outcome>(
      async () => {
        try {
          return { done: await send(decision ? { ...body, bookings: decision } : body) };
        } catch (error) {
          const asked = affectedOf(error);
          if (asked) return { asked };
          throw error;
        }
      },
      fieldFor,
      (outcome) => "done" in outcome,
    );
    if (!r.ok) return null;
    const outcome = r.value;
    if ("asked" in outcome) {
      pending = body;
      asking.value = { ...outcome.asked, changed: decision !== undefined };
      return null;
    }
    const { done } = outcome;
    pending = null;
    batch(() => {
      asking.value = null;
      result.value = {
        action: decision?.action ?? null,
        kept: { bookings: done.bookings, proposals: done.proposals },
        cancelled: done.cancelled,
        withdrawn: done.withdrawn,
        mailed: done.mailed,
        toCall:
          decision?.action === "cancel"
            ? { bookings: shown.bookings.filter((b) => b.status === "confirmed" && !b.mail), proposals: shown.proposals.filter((p) => !p.mail) }
            : NOBODY,
      };
    });
    return done;
  }

  return {
    asking,
    result,
    /** Sends the change as staff entered it; true when it was stored (no question came back). */
    async submit(body: B): Promise<boolean> {
      result.value = null;
      return (await attempt(body)) !== null;
    },
    /** Sends it again with the decision on the list on show; true when stored. */
    async decide(action: Decision): Promise<boolean> {
      const question = asking.value;
      if (!pending || !question || saver.saving.value) return false;
      const decision = { action, ids: question.bookings.map((b) => b.id), proposals: question.proposals.map((p) => p.id) };
      return (await attempt(pending, decision)) !== null;
    },
    /** Closes the question without changing anything. */
    dismiss(): void {
      pending = null;
      asking.value = null;
    },
    /** Forgets the last result (a new change is being entered). */
    clear(): void {
      result.value = null;
    },
  };
}

export type AffectedFlow = ReturnType<typeof createAffectedFlow>;
