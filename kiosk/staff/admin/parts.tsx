/*
 * Building blocks of the admin panels: a labelled field with its hint and error tied to it, the save
 * status with its live region, a two-button confirmation, and the focus moves after a save. They render;
 * the stores decide.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { locale, pick } from "../../shared/locale";
import { direction, type Locale } from "../../../common/i18n/languages";
import { me } from "../session";
import type { StaffFailure } from "../failure";
import type { FieldErrors, FieldProblem, Saver } from "./form";
import { adminStrings, type AdminStrings } from "../i18n/admin";
import { daysText } from "./view";

/**
 * A 401 means the session ended (timeout, signed out elsewhere): the board then shows its sign-in, as
 * it does for its own calls (kiosk/staff/main.tsx). Typed input is lost with it, as on the board.
 */
export function useSignedOut(failure: StaffFailure | null): void {
  useEffect(() => {
    if (failure === "signedOut") me.value = "signedOut";
  }, [failure]);
}

export function problemText(p: FieldProblem, s: AdminStrings): string {
  if (p.kind === "client") return s.problems[p.key];
  if (p.kind === "closureOverlap") {
    const c = p.closure;
    return s.closureOverlap({ days: daysText(c.firstDay, c.lastDay, locale.value), reason: pick(c.reason, locale.value) });
  }
  return s.serverProblem({ message: p.message });
}

const ids = (...list: (string | false | undefined)[]) => list.filter(Boolean).join(" ") || undefined;

interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  errors: FieldErrors;
  children: (aria: { id: string; "aria-describedby"?: string; "aria-invalid"?: "true" }) => ComponentChildren;
  class?: string;
}

/** A label, the control (from `children`, which gets the ids to wire), its hint and its error. */
export function Field({ id, label, hint, errors, children, class: cls }: FieldProps) {
  const s = adminStrings.value;
  const problem = errors[id];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = problem ? `${id}-error` : undefined;
  const described = ids(hintId, errorId);
  return (
    <div class={`field admin-field${problem ? " field--error" : ""}${cls ? ` ${cls}` : ""}`}>
      <label for={id} class="field__label">
        {label}
      </label>
      {hint && (
        <p id={hintId} class="field__hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={errorId} class="field__error">
          <span class="visually-hidden">{s.errorPrefix} </span>
          {problemText(problem, s)}
        </p>
      )}
      {children({ id, ...(described ? { "aria-describedby": described } : {}), ...(problem ? { "aria-invalid": "true" as const } : {}) })}
    </div>
  );
}

interface InputProps {
  id: string;
  label: string;
  hint?: string | undefined;
  errors: FieldErrors;
  value: string;
  onValue: (value: string) => void;
  type?: "text" | "email" | "date" | "number";
  min?: number;
  max?: number;
  step?: number;
  maxLength?: number;
  autoComplete?: string;
  class?: string;
  multiline?: boolean;
  /** The language the field is written in (an office text, MoreLanguages.tsx): its `lang` and `dir`. */
  lang?: Locale;
}

export function Input({ id, label, hint, errors, value, onValue, type = "text", multiline, class: cls, lang, ...rest }: InputProps) {
  const written = lang ? { lang, dir: direction(lang) } : {};
  return (
    <Field id={id} label={label} hint={hint} errors={errors} class={cls}>
      {(aria) =>
        multiline ? (
          <textarea {...aria} {...written} class="field__input" rows={3} value={value} maxLength={rest.maxLength} onInput={(e) => onValue(e.currentTarget.value)} />
        ) : (
          <input
            {...aria}
            {...written}
            class="field__input"
            // One literal for the checker: preact types each input type separately.
            type={type as "text"}
            inputMode={type === "number" ? "numeric" : undefined}
            value={value}
            min={rest.min}
            max={rest.max}
            step={rest.step}
            maxLength={rest.maxLength}
            autoComplete={rest.autoComplete ?? "off"}
            onInput={(e) => onValue(e.currentTarget.value)}
          />
        )
      }
    </Field>
  );
}

/**
 * A time typed as `HH:MM` (no picker: "24:00", until midnight, is a closing time no picker offers).
 * `ariaLabel` names it where several stand in a row under one legend.
 */
export function TimeInput({ id, label, hint, errors, value, onValue, ariaLabel }: Omit<InputProps, "type" | "class" | "multiline"> & { ariaLabel?: string }) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors} class="admin-field--time">
      {(aria) => (
        <input
          {...aria}
          class="field__input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="09:00"
          maxLength={5}
          aria-label={ariaLabel}
          value={value}
          onInput={(e) => onValue(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export function Select<V extends string>({
  id,
  label,
  hint,
  errors,
  value,
  options,
  onValue,
}: {
  id: string;
  label: string;
  hint?: string;
  errors: FieldErrors;
  value: V;
  options: readonly (readonly [V, string])[];
  onValue: (value: V) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(aria) => (
        <select {...aria} class="field__input" value={value} onChange={(e) => onValue(e.currentTarget.value as V)}>
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function Check({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div class="check admin-check">
      <input type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}

/**
 * Under a form: why it failed as a whole (an alert), and "Gespeichert" in a live region that is always
 * in the page, so screen readers hear it when it appears. It is cleared and set again on each save, so
 * a second save is announced too. `savedText` null: the panel says what happened itself.
 */
export function SaveStatus({ saver, failure, savedText }: { saver: Saver; failure?: StaffFailure | null; savedText?: string | null }) {
  const s = adminStrings.value;
  const [said, setSaid] = useState(false);
  const count = saver.saved.value;
  useEffect(() => {
    if (count === 0) return;
    setSaid(false);
    const show = setTimeout(() => setSaid(true), 50);
    const hide = setTimeout(() => setSaid(false), 6000);
    return () => {
      clearTimeout(show);
      clearTimeout(hide);
    };
  }, [count]);
  const f = failure ?? saver.failure.value;
  const detail = saver.failureDetail.value;
  useSignedOut(f);
  return (
    <>
      {f && (
        <div class="alert admin-alert" role="alert">
          <p>{Object.keys(saver.fieldErrors.value).length > 0 ? s.checkFields : s.failures[f]}</p>
          {detail && <p>{s.serverProblem({ message: detail })}</p>}
        </div>
      )}
      <p class="admin-saved" role="status">
        {said && !f && savedText !== null ? <span>✓ {savedText ?? s.saved}</span> : null}
      </p>
    </>
  );
}

/**
 * The form's submit button: says "Wird gespeichert …" while a save runs (the store ignores a second
 * save meanwhile, so the button stays focusable instead of being disabled under the keyboard).
 */
export function SaveButton({ saver, label }: { saver: Saver; label: string }) {
  const s = adminStrings.value;
  const busy = saver.saving.value;
  return (
    <button type="submit" class="button--primary" aria-disabled={busy ? "true" : undefined}>
      {busy ? s.saving : label}
    </button>
  );
}

/** A question with "Ja, …" and "Abbrechen"; takes the focus when it appears, and gives it back on cancel. */
export function Confirm({
  question,
  yes,
  onYes,
  onNo,
  busy,
  returnTo,
}: {
  question: string;
  yes: string;
  onYes: () => Promise<boolean> | void;
  onNo: () => void;
  busy?: boolean;
  /** Id of the button that asked; it is shown again on "Abbrechen" and gets the focus back. */
  returnTo: string;
}) {
  const s = adminStrings.value;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);
  const no = () => {
    onNo();
    focusLater(returnTo);
  };
  const yesClick = async () => {
    if (busy) return;
    // Done: the item changed or went away, so the section's heading takes the focus; failed: stay here.
    if ((await onYes()) === true) focusLater(document.getElementById("admin-section-heading") ? "admin-section-heading" : returnTo);
  };
  return (
    <div ref={ref} class="notice admin-confirm" role="group" aria-label={question} tabIndex={-1}>
      <p>{question}</p>
      <div class="actions">
        <button type="button" class="button--primary" onClick={() => void yesClick()} aria-disabled={busy ? "true" : undefined}>
          {yes}
        </button>
        <button type="button" onClick={no}>
          {s.cancel}
        </button>
      </div>
    </div>
  );
}

/** Moves the focus to the first field marked invalid inside `form`, as the error list would. */
export function focusFirstInvalid(form: HTMLElement | null): void {
  const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  el?.focus();
}

/**
 * Runs a save from a form and moves the focus as a keyboard user needs it: to the first invalid field
 * when the save was refused, or to `after` (a heading or button) when it went through and the form
 * went away.
 */
export function useSubmit(save: () => Promise<boolean>, after?: () => HTMLElement | null) {
  const form = useRef<HTMLFormElement>(null);
  const submit = async () => {
    const ok = await save();
    // After the render that shows the errors or the result.
    setTimeout(() => {
      if (!ok) focusFirstInvalid(form.current);
      else after?.()?.focus();
    }, 0);
  };
  return { form, submit };
}

/** A section's heading; takes the focus when the section is opened from the section list. */
export function SectionHeading({ id, children, focus }: { id: string; children: ComponentChildren; focus: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, []);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} class="admin-heading">
      {children}
    </h2>
  );
}

/** A heading that takes the focus when it appears (an editor opened below a list). */
export function FocusHeading({ id, children }: { id: string; children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h3 id={id} ref={ref} tabIndex={-1}>
      {children}
    </h3>
  );
}

export function Loading({ failure, onRetry }: { failure: StaffFailure | null; onRetry: () => void }) {
  const s = adminStrings.value;
  useSignedOut(failure);
  if (!failure) return <p role="status">{s.loading}</p>;
  return (
    <div class="alert" role="alert">
      <p>{s.failures[failure]}</p>
      <button type="button" onClick={onRetry}>
        {s.retry}
      </button>
    </div>
  );
}
