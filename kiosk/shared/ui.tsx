/*
 * Small building blocks every flow uses: headings that take the focus when their step appears, back
 * buttons, form fields with their hint and error, and the error summary. They render; stores decide.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { telHref } from "./format";
import { takeFocusRequest } from "./history";
import { t } from "./i18n/flow";
import type { LazyFallbackProps } from "./lazy";
import { phone } from "./office";

/**
 * A step's heading. When the step was reached by navigating (not on the page's first render) the
 * heading takes the focus, so screen readers read it and the next Tab starts here.
 */
export function StepHeading({ count, children }: { count?: [number, number] | undefined; children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!takeFocusRequest()) return;
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: "nearest" });
  }, []);
  return (
    <h2 ref={ref} id="step-heading" class="step-heading" tabIndex={-1}>
      {count && (
        <span class="step-count">
          {t.value.stepOf({ n: count[0], total: count[1] })}
          <span class="visually-hidden">: </span>
        </span>
      )}
      {children}
    </h2>
  );
}

/** The tick before a "done" heading; screen readers read the heading's words alone. */
export function DoneMark() {
  return (
    <span class="done-mark" aria-hidden="true">
      ✓{" "}
    </span>
  );
}

export function BackButton({ onClick, label }: { onClick: () => void; label?: string }) {
  return (
    <button type="button" class="back" onClick={onClick}>
      <span aria-hidden="true" class="icon--directional">←</span>{" "}
      {label ?? t.value.back}
    </button>
  );
}

/** Focuses a form control and brings it into view, as a link of the error summary does. */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  el?.focus();
  el?.scrollIntoView({ block: "center" });
}

export interface SummaryEntry {
  /** The id of the control to jump to. */
  id: string;
  message: string;
}

/**
 * "Bitte prüfen Sie diese Angaben": one link per error, each to its field. Takes the focus when it
 * appears (after a submit that found errors), so the list is read out at once.
 */
export function ErrorSummary({ entries, attempt }: { entries: SummaryEntry[]; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (entries.length > 0) ref.current?.focus();
    // Each attempt focuses it again, even when the errors are the same as before.
  }, [attempt]);
  if (entries.length === 0) return null;
  return (
    <div ref={ref} class="error-summary" role="group" tabIndex={-1} aria-labelledby="error-summary-title">
      <h3 id="error-summary-title">{t.value.errorSummary}</h3>
      <ul>
        {entries.map((e) => (
          <li key={e.id}>
            <a
              href={`#${e.id}`}
              onClick={(event) => {
                event.preventDefault();
                focusField(e.id);
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} class="field__error">
      <span class="visually-hidden">{t.value.errorPrefix} </span>
      {message}
    </p>
  );
}

interface TextFieldProps {
  id: string;
  name?: string;
  type?: "text" | "email" | "tel";
  inputMode?: "text" | "email" | "tel";
  autoComplete?: string;
  autoCapitalize?: "none" | "off" | "words" | "sentences";
  /** The label of the on-screen keyboard's Enter key ("next" from one field to the next). */
  enterKeyHint?: "next" | "done" | "go" | "send";
  spellcheck?: boolean;
  maxLength?: number;
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  multiline?: boolean;
  /** The visitor left the field (blur): where a check waits until then (the e-mail typo suggestion). */
  onLeave?: () => void;
}

/** A labelled text input (or textarea) with its hint and error, both tied to it for screen readers. */
export function TextField(props: TextFieldProps) {
  const { id, label, value, onValue, hint, error, optional, multiline, maxLength, onLeave, ...rest } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const common = {
    id,
    name: props.name,
    value,
    maxLength,
    class: "field__input",
    // E-mail addresses and phone numbers are written left to right in every language; names and notes
    // follow what is typed (an Arabic name on the German page, a Latin one on the Arabic page).
    dir: props.type === "email" || props.type === "tel" ? ("ltr" as const) : ("auto" as const),
    "aria-invalid": error ? ("true" as const) : undefined,
    "aria-describedby": describedBy(hintId, errorId),
    onInput: (e: Event) => onValue((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
    onBlur: onLeave,
  };
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for={id} class="field__label">
        {label}
        {optional && <span class="field__optional"> {t.value.optional}</span>}
      </label>
      {hint && (
        <p id={hintId} class="field__hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
      {multiline ? (
        <textarea {...common} rows={4} />
      ) : (
        <input
          {...common}
          // One literal for the checker: preact types each input type separately, not a union of them.
          type={(rest.type ?? "text") as "text"}
          inputMode={rest.inputMode}
          autoComplete={rest.autoComplete}
          autoCapitalize={rest.autoCapitalize}
          enterKeyHint={rest.enterKeyHint}
          spellcheck={rest.spellcheck}
        />
      )}
    </div>
  );
}

interface CheckFieldProps {
  id: string;
  name?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ComponentChildren;
  /** Ids of text that explains the box (the short privacy text). */
  describedBy?: string | undefined;
  error?: string | undefined;
}

/** A single checkbox with a big click area; its error sits above it, tied to it. */
export function CheckField({ id, name, checked, onChange, children, describedBy: more, error }: CheckFieldProps) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div class={error ? "field field--error" : "field"}>
      <FieldError id={`${id}-error`} message={error} />
      <div class="check">
        <input
          type="checkbox"
          id={id}
          name={name}
          checked={checked}
          onChange={(e) => onChange(e.currentTarget.checked)}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy(more, errorId)}
        />
        <label for={id}>{children}</label>
      </div>
    </div>
  );
}

/** A check-in code, big; screen readers get it letter by letter ("K 7 M …") instead of as a word. */
export function CheckInCode({ code }: { code: string }) {
  return (
    // Left to right in every language, as on the display, the ticket and in the mail.
    <p class="ticket__code" dir="ltr">
      <span aria-hidden="true">{code}</span>
      <span class="visually-hidden">{code.split("").join(" ")}</span>
    </p>
  );
}

/**
 * Something the page waits for (`loading`: what it says meanwhile), or, when it failed, the failure with
 * the office's phone and a retry: one live region.
 */
export function LoadStatus({ failed, retry, loading }: LazyFallbackProps & { loading: string }) {
  const s = t.value;
  return (
    <div class="status" role="status">
      {failed ? (
        <>
          <p class="status--error">
            {s.failed} <a dir="ltr" href={telHref(phone.value)}>{phone.value}</a>
          </p>
          <button type="button" onClick={retry}>
            {s.retry}
          </button>
        </>
      ) : (
        <p>{loading}</p>
      )}
    </div>
  );
}

/** A step whose part of the page is still being fetched (kiosk/shared/lazy.tsx). */
export function StepFallback(props: LazyFallbackProps) {
  return (
    <section class="step">
      <LoadStatus {...props} loading={t.value.loadingStep} />
    </section>
  );
}
