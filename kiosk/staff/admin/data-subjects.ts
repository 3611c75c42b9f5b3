/*
 * "Datenschutz-Anfragen": the store of the admin section that serves requests of data subjects. Find a
 * person, choose what belongs to them, look at it, export it (JSON file, printable page) and erase it.
 * Pure signals and the API passed in, so tests/staff/ holds it still; the section only renders.
 */
import { batch, computed, signal } from "@preact/signals";
import type { DataSubjectMatches, DataSubjectRecord, DataSubjectSelection, Erased, FoundBooking } from "../../../schemas/data-subjects";
import { ApiError, call } from "../../shared/api";
import { staffFailure, type StaffFailure } from "../failure";
import { serverMessage } from "./form";

const path = (office: string) => `/api/staff/${encodeURIComponent(office)}/admin/data-subjects`;

/** `?booking=…&mail=…`: what a view or export is about, by id only (the search text never goes into a URL). */
export function selectionQuery(selection: DataSubjectSelection): string {
  return new URLSearchParams([...selection.bookings.map((id) => ["booking", id]), ...selection.mails.map((id) => ["mail", id])]).toString();
}

export function dataSubjectsApi(office: string) {
  const p = path(office);
  return {
    search: (query: string) => call<DataSubjectMatches>(`${p}/search`, { method: "POST", body: { query } }),
    record: (selection: DataSubjectSelection) => call<DataSubjectRecord>(`${p}/record?${selectionQuery(selection)}`),
    erase: (selection: DataSubjectSelection) => call<Erased>(`${p}/erase`, { method: "POST", body: selection }),
    /** Plain links: the browser downloads the file and opens the page itself (with the session cookie). */
    jsonHref: (selection: DataSubjectSelection) => `${p}/export.json?${selectionQuery(selection)}`,
    printHref: (selection: DataSubjectSelection) => `${p}/export.html?${selectionQuery(selection)}`,
  };
}
export type DataSubjectsApi = ReturnType<typeof dataSubjectsApi>;

/** What the confirm dialog lists: what goes now, and the bookings that stay because they are still active. */
export interface ErasePlan {
  bookings: FoundBooking[];
  mails: DataSubjectMatches["mails"];
  kept: FoundBooking[];
}

export function createDataSubjectsStore(api: DataSubjectsApi) {
  const query = signal("");
  const matches = signal<DataSubjectMatches | null>(null);
  const chosenBookings = signal<ReadonlySet<string>>(new Set());
  const chosenMails = signal<ReadonlySet<string>>(new Set());
  const record = signal<DataSubjectRecord | null>(null);
  /** What is under way: one thing at a time. */
  const busy = signal<"search" | "record" | "erase" | null>(null);
  const failure = signal<StaffFailure | null>(null);
  /** The API's words for a refusal (which field, which booking). */
  const failureDetail = signal<string | null>(null);
  const confirming = signal(false);
  /** What the last erasure emptied, said once above the results. */
  const erased = signal<Erased | null>(null);

  const selection = computed<DataSubjectSelection>(() => ({ bookings: [...chosenBookings.value], mails: [...chosenMails.value] }));
  const hasSelection = computed(() => chosenBookings.value.size + chosenMails.value.size > 0);

  /** The selection split into what an erasure takes now and what it must leave (active bookings). */
  const erasePlan = computed<ErasePlan>(() => {
    const found = matches.value;
    const chosen = found?.bookings.filter((b) => chosenBookings.value.has(b.id)) ?? [];
    return {
      bookings: chosen.filter((b) => b.erasable),
      mails: found?.mails.filter((m) => chosenMails.value.has(m.id)) ?? [],
      kept: chosen.filter((b) => !b.erasable),
    };
  });
  const canErase = computed(() => erasePlan.value.bookings.length + erasePlan.value.mails.length > 0);

  function fail(error: unknown): void {
    if (!(error instanceof ApiError)) console.warn(error);
    batch(() => {
      failure.value = staffFailure(error);
      failureDetail.value =
        error instanceof ApiError && error.status >= 400 && error.status < 500 && error.code !== "bad_response" ? serverMessage(error) : null;
    });
  }

  async function run<T>(kind: "search" | "record" | "erase", action: () => Promise<T>): Promise<T | null> {
    if (busy.value) return null;
    batch(() => {
      busy.value = kind;
      failure.value = null;
      failureDetail.value = null;
    });
    try {
      return await action();
    } catch (error) {
      fail(error);
      return null;
    } finally {
      busy.value = null;
    }
  }

  /** Searches; everything found is chosen, so "Anzeigen" shows all of it unless the admin unticks some. */
  async function search(): Promise<boolean> {
    const text = query.value.trim();
    if (text.length < 2) {
      batch(() => {
        failure.value = "invalid";
        failureDetail.value = null;
      });
      return false;
    }
    const found = await run("search", () => api.search(text));
    if (!found) return false;
    batch(() => {
      matches.value = found;
      chosenBookings.value = new Set(found.bookings.map((b) => b.id));
      chosenMails.value = new Set(found.mails.map((m) => m.id));
      record.value = null;
      erased.value = null;
    });
    return true;
  }

  function toggleBooking(id: string, on: boolean): void {
    chosenBookings.value = toggled(chosenBookings.value, id, on);
    record.value = null;
  }

  function toggleMail(id: string, on: boolean): void {
    chosenMails.value = toggled(chosenMails.value, id, on);
    record.value = null;
  }

  /** "Anzeigen": everything stored about the chosen rows. */
  async function view(): Promise<boolean> {
    if (!hasSelection.value) return false;
    const result = await run("record", () => api.record(selection.value));
    if (result) record.value = result;
    return result !== null;
  }

  function askErase(): void {
    if (canErase.value) confirming.value = true;
  }

  function cancelErase(): void {
    confirming.value = false;
  }

  /** "Ja, jetzt löschen": the plan's rows, in one request; then the search runs again and finds what is left. */
  async function confirmErase(): Promise<boolean> {
    const plan = erasePlan.value;
    const result = await run("erase", () => api.erase({ bookings: plan.bookings.map((b) => b.id), mails: plan.mails.map((m) => m.id) }));
    confirming.value = false;
    if (!result) return false;
    const left = await run("search", () => api.search(query.value.trim()));
    batch(() => {
      erased.value = result;
      record.value = null;
      if (left) {
        matches.value = left;
        chosenBookings.value = new Set(left.bookings.map((b) => b.id));
        chosenMails.value = new Set(left.mails.map((m) => m.id));
      }
    });
    return true;
  }

  return {
    query,
    matches,
    chosenBookings,
    chosenMails,
    record,
    busy,
    failure,
    failureDetail,
    confirming,
    erased,
    selection,
    hasSelection,
    erasePlan,
    canErase,
    search,
    toggleBooking,
    toggleMail,
    view,
    askErase,
    cancelErase,
    confirmErase,
    jsonHref: () => api.jsonHref(selection.value),
    printHref: () => api.printHref(selection.value),
  };
}
export type DataSubjectsStore = ReturnType<typeof createDataSubjectsStore>;

function toggled(set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}
