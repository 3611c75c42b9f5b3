/*
 * What every admin form shares: a save that cannot run twice at once, the API's refusals turned into
 * errors at the field they name (or into a failure of the whole form, read as the board reads them:
 * ../failure.ts), and a "Gespeichert" counter for the live region. Pure signals, no DOM:
 * tests/staff/admin-form.test.ts holds it still.
 */
import { batch, signal } from "@preact/signals";
import type { ClosureView } from "../../../schemas/staff-settings";
import { ApiError } from "../../shared/api";
import { staffFailure, type StaffFailure } from "../failure";

/**
 * A problem with one field. `client` keys come from the page's own check (words in strings.ts);
 * `server` carries the API's message for that field, shown as it came because the server decides.
 */
export type FieldProblem =
  | { kind: "client"; key: ClientProblem }
  | { kind: "server"; message: string }
  /** A new closure shares a day with this one (409 `closure_overlap`); said in the page's words, naming it. */
  | { kind: "closureOverlap"; closure: ClosureView };

/** The page's own checks; each has one sentence in strings.ts. */
export type ClientProblem =
  | "required"
  | "notANumber"
  | "notATime"
  | "outOfRange"
  | "raster"
  | "opensBeforeCloses"
  | "overlap"
  | "dateOrder"
  | "dateMissing"
  | "dateInPast"
  | "emailInvalid"
  | "keyInvalid";

export type FieldErrors = Readonly<Record<string, FieldProblem>>;

/**
 * The API names a field as the path into the request body (`rules.2.closes`, `reason.de`) and
 * prefixes its message with it (`rules.2.closes: …`, see worker/validate.ts). The prefix goes: the page
 * shows the message at that field already.
 */
export function serverMessage(error: ApiError): string {
  const prefix = error.field ? `${error.field}: ` : "";
  return prefix && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

/**
 * Where a field error of the API goes. `fieldFor` maps the API's path to the form's field key, or null
 * when the form has no such field: then the message stands above the form, so nothing is swallowed.
 * Any refusal (4xx) that names a field counts: a 409 `staff_exists` names `email`, too.
 */
export function apiFieldError(
  error: unknown,
  fieldFor: (apiField: string) => string | null,
): { field: string; problem: FieldProblem } | null {
  if (!(error instanceof ApiError) || error.status < 400 || error.status >= 500 || !error.field) return null;
  const field = fieldFor(error.field);
  return field === null ? null : { field, problem: { kind: "server", message: serverMessage(error) } };
}

export type SaveResult<T> = { ok: true; value: T } | { ok: false };

/**
 * One form's save state. `run` refuses to start while a save is under way (a double click saves once),
 * clears the old errors, and on failure puts the API's field error at its field or says why as a whole.
 */
export function createSaver() {
  const saving = signal(false);
  const fieldErrors = signal<FieldErrors>({});
  const failure = signal<StaffFailure | null>(null);
  /** The API's words for a refusal that names no field of this form. */
  const failureDetail = signal<string | null>(null);
  /** Raised by every successful save; the live region says "Gespeichert" when it changes. */
  const saved = signal(0);

  function reset(): void {
    batch(() => {
      fieldErrors.value = {};
      failure.value = null;
      failureDetail.value = null;
    });
  }

  /** Shows the page's own findings; true when there are none. */
  function check(errors: FieldErrors): boolean {
    batch(() => {
      fieldErrors.value = errors;
      failure.value = Object.keys(errors).length > 0 ? "invalid" : null;
      failureDetail.value = null;
    });
    return Object.keys(errors).length === 0;
  }

  /**
   * `stored`: whether the value means something was saved (default: always); an answer that only asks a
   * question back (the appointments a change touches) is no "Gespeichert".
   */
  async function run<T>(
    action: () => Promise<T>,
    fieldFor: (apiField: string) => string | null = () => null,
    stored: (value: T) => boolean = () => true,
  ): Promise<SaveResult<T>> {
    if (saving.value) return { ok: false };
    batch(() => {
      saving.value = true;
      fieldErrors.value = {};
      failure.value = null;
      failureDetail.value = null;
    });
    try {
      const value = await action();
      if (stored(value)) saved.value++;
      return { ok: true, value };
    } catch (error) {
      if (!(error instanceof ApiError)) console.warn(error);
      const at = apiFieldError(error, fieldFor);
      batch(() => {
        failure.value = staffFailure(error);
        if (at) fieldErrors.value = { [at.field]: at.problem };
        // Only the API's own refusal has words worth showing; a proxy's page has none.
        else if (error instanceof ApiError && error.status < 500 && error.code !== "network" && error.code !== "bad_response")
          failureDetail.value = serverMessage(error);
      });
      return { ok: false };
    } finally {
      saving.value = false;
    }
  }

  return { saving, fieldErrors, failure, failureDetail, saved, run, check, reset };
}

export type Saver = ReturnType<typeof createSaver>;

/** A whole number from a number field, or null when it is empty or no whole number. */
export function wholeNumber(text: string): number | null {
  const v = text.trim();
  return /^-?\d+$/.test(v) ? Number(v) : null;
}

/** A load with its state: the data, whether it is under way, and why it failed. */
export function createLoader<T>(load: () => Promise<T>) {
  const data = signal<T | null>(null);
  const loading = signal(false);
  const failure = signal<StaffFailure | null>(null);

  async function reload(): Promise<T | null> {
    loading.value = true;
    try {
      const value = await load();
      batch(() => {
        data.value = value;
        failure.value = null;
      });
      return value;
    } catch (error) {
      if (!(error instanceof ApiError)) console.warn(error);
      failure.value = staffFailure(error);
      return null;
    } finally {
      loading.value = false;
    }
  }

  return { data, loading, failure, reload };
}
