/*
 * The kiosk's building blocks: the screen heading that takes the focus, the back button, the big
 * buttons of the start screen, the number with its QR code, the on-screen keypad.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef } from "preact/hooks";
import type { TicketView } from "../../schemas/kiosk";
import { takeFocusRequest } from "../shared/history";
import { QrCode } from "../shared/QrCode";
import { Icon } from "../shared/icons";
import { codeChar, isComplete, KEYS } from "../shared/codes";
import type { LazyFallbackProps } from "../shared/lazy";
import { back, k } from "./state";

/**
 * A screen's heading. When the screen was reached by a tap (not on the first render) it takes the
 * focus, so a screen reader reads the new screen from its top.
 */
export function ScreenHeading({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocusRequest()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} id="screen-heading" class="screen-heading" tabIndex={-1}>
      {children}
    </h1>
  );
}

export function BackButton({ label, onClick = back }: { label?: string; onClick?: () => void }) {
  return (
    <button type="button" class="kiosk-back" onClick={onClick}>
      <Icon name="back" class="icon--flip" />
      {label ?? k.value.back}
    </button>
  );
}

/** One of the start screen's big choices: an icon, a word, a line that says what happens. */
export function BigChoice({ icon, label, hint, onClick, primary }: { icon: string; label: string; hint: string; onClick: () => void; primary?: boolean }) {
  return (
    <button type="button" class={primary ? "big-choice big-choice--primary" : "big-choice"} onClick={onClick}>
      <Icon name={icon} class="big-choice__icon" />
      <span class="big-choice__label">{label}</span>
      <span class="big-choice__hint">{hint}</span>
    </button>
  );
}

/** The number, large, with the people ahead, an honest wait range and the QR code of its status page. */
export function NumberCard({ view, label = true }: { view: TicketView; label?: boolean }) {
  const s = k.value;
  return (
    <div class="number-layout">
      <div class="number-card">
        {label && <p class="number-card__label">{s.ticketHeading}</p>}
        <p class="number-card__number" dir="ltr">
          {view.label}
        </p>
        <p class="number-card__ahead">{view.ahead === 0 ? s.aheadNone : s.ahead(view.ahead)}</p>
        <p class="number-card__estimate">{estimateWords(view.estimate.low, view.estimate.high)}</p>
        <p class="number-card__honest">{view.estimate.pastClosing ? s.pastClosing : s.estimateHonest}</p>
      </div>
      <div class="status-qr">
        <QrCode text={view.statusUrl} label={s.statusQrLabel({ label: view.label })} class="qr--kiosk" />
        <p>{s.statusQr}</p>
      </div>
    </div>
  );
}

/** An honest wait range: "gleich", "bis zu 30 Minuten" or "etwa 15 bis 60 Minuten". */
export function estimateWords(low: number, high: number): string {
  const s = k.value;
  if (high === 0) return s.estimateNow;
  return low === 0 ? s.estimateUpTo(high) : s.estimateRange(high, { low });
}

interface KeypadProps {
  id: string;
  label: string;
  value: string;
  length: number;
  submitLabel: string;
  busy: boolean;
  onKey: (key: string) => void;
  onDelete: () => void;
  onClear: () => void;
  onSubmit: () => void;
}

/**
 * The on-screen keypad: only the keys a code can have, big; the code so far in boxes; "Löschen",
 * "Alles löschen" and the submit button, which works once the code is complete. A real keyboard works
 * too (letters, Backspace, Enter), for staff and for tablets with a keyboard case.
 */
export function Keypad(props: KeypadProps) {
  const { id, label, value, length, submitLabel, busy } = props;
  const s = k.value;
  const latest = useRef(props);
  latest.current = props;
  // Before the first paint: a key pressed as soon as the keypad shows is not lost.
  useLayoutEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest("input, textarea, select, dialog")) return;
      const p = latest.current;
      if (e.key === "Backspace") {
        e.preventDefault();
        p.onDelete();
      } else if (e.key === "Enter") {
        if (target?.closest("button, a, summary")) return; // Enter on a focused button presses that button
        e.preventDefault();
        p.onSubmit();
      } else if (codeChar(e.key)) {
        e.preventDefault();
        p.onKey(e.key);
      }
    };
    addEventListener("keydown", onKeyDown);
    return () => removeEventListener("keydown", onKeyDown);
  }, []);
  const complete = isComplete(value, length);
  const spelled = value.split("").join(" ");
  return (
    <div class="keypad-block">
      <div class="code-display">
        <p id={`${id}-label`} class="code-display__label">
          {label}
        </p>
        <p class={length > 6 ? "code-boxes code-boxes--long" : "code-boxes"} aria-hidden="true">
          {Array.from({ length }, (_, i) => (
            <span key={i} class={i === value.length ? "code-box code-box--next" : "code-box"}>
              {value[i] ?? ""}
            </span>
          ))}
        </p>
        <p id={`${id}-typed`} class="visually-hidden" aria-live="polite" aria-atomic="true">
          {value.length === 0 ? s.typedNone({ total: length }) : s.typed({ code: spelled, n: value.length, total: length })}
        </p>
      </div>
      <div class="keypad" role="group" aria-labelledby={`${id}-label`}>
        {KEYS.map((key) => (
          <button key={key} type="button" class="key" onClick={() => props.onKey(key)}>
            {key}
          </button>
        ))}
      </div>
      <div class="keypad-actions">
        <button type="button" class="key-action" onClick={props.onDelete} disabled={value.length === 0}>
          <Icon name="erase" class="icon--flip" />
          <span>{s.deleteLast}</span>
        </button>
        <button type="button" class="key-action" onClick={props.onClear} disabled={value.length === 0}>
          {s.clearAll}
        </button>
        <button
          type="button"
          class="key-action key-action--submit"
          onClick={props.onSubmit}
          disabled={!complete}
          aria-disabled={busy ? "true" : undefined}
          aria-describedby={`${id}-missing`}
        >
          {submitLabel}
        </button>
      </div>
      <p id={`${id}-missing`} class="keypad-missing">
        {!complete && value.length > 0 ? s.missing(length - value.length) : ""}
      </p>
    </div>
  );
}

/**
 * A screen whose part of the page is still being fetched (kiosk/shared/lazy.tsx; usually it came long
 * before): a short note, or, when the fetch failed, the failure and a button to try again.
 */
export function ScreenFallback({ failed, retry }: LazyFallbackProps) {
  const s = k.value;
  return (
    <section class="screen">
      <div role="status" class="status">
        {failed ? (
          <>
            <p>{s.failed}</p>
            <button type="button" class="button--primary" onClick={retry}>
              {s.retryNow}
            </button>
          </>
        ) : (
          <p>{s.loadingState}</p>
        )}
      </div>
    </section>
  );
}
