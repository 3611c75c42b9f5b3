/*
 * "Meine Daten jetzt löschen" on the manage page: the store of the erasure once its holder confirmed
 * it. The API is passed in, so tests hold it still. What the page then says comes from view.ts
 * (`erasedItems`): the booking as the page last showed it, since nothing of it can be read afterwards.
 */
import { signal } from "@preact/signals";
import type { Erased } from "../../schemas/data-subjects";
import { ApiError } from "../shared/api";
import { manageFailure, type ManageFailure } from "./view";

export type EraseState =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; erased: Erased }
  | { kind: "failed"; failure: ManageFailure };

export interface EraseApi {
  erase(token: string): Promise<Erased>;
}

export function createEraseStore(api: EraseApi) {
  const state = signal<EraseState>({ kind: "idle" });

  /** "Ja, jetzt löschen": one request at a time; a second tap while it runs does nothing. */
  async function confirm(token: string): Promise<EraseState> {
    if (state.value.kind === "busy" || state.value.kind === "done") return state.value;
    state.value = { kind: "busy" };
    try {
      state.value = { kind: "done", erased: await api.erase(token) };
    } catch (error) {
      if (!(error instanceof ApiError)) console.warn(error);
      state.value = { kind: "failed", failure: error instanceof ApiError ? manageFailure(error.code) : "other" };
    }
    return state.value;
  }

  /** Back to the start (the holder went back without erasing, or the booking was loaded again). */
  function reset(): void {
    if (state.value.kind !== "busy" && state.value.kind !== "done") state.value = { kind: "idle" };
  }

  return { state, confirm, reset };
}
