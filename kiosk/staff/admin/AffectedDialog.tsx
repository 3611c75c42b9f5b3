/*
 * The appointments a change touches: the question as a native modal <dialog> (the browser keeps the
 * focus inside, Escape cancels, the focus goes back to the button that sent the change), and what was
 * done afterwards, below the form, with a link per kept appointment to its day on the board.
 */
import { useEffect, useRef } from "preact/hooks";
import type { AffectedBooking } from "../../../schemas/staff-settings";
import { formatDate, formatWhen } from "../../shared/format";
import { locale, pick } from "../../shared/locale";
import { boardLink, type AffectedFlow, type Decision } from "./affected";
import type { Saver } from "./form";
import { SaveStatus } from "./parts";
import { adminStrings } from "./strings";

export type AffectedKind = "closure" | "hours" | "extra";

/** The list of touched appointments; `links`: each one opens its day on the board. */
function AffectedList({ bookings, timeZone, links, label }: { bookings: readonly AffectedBooking[]; timeZone: string; links: boolean; label: string }) {
  const s = adminStrings.value.affected;
  const loc = locale.value;
  return (
    <ul class="admin-affected-list" role="list" aria-label={label}>
      {bookings.map((b) => (
        <li key={b.id}>
          <strong>{formatWhen(b.start, b.end, timeZone, loc)}</strong>
          <br />
          {b.name} · {pick(b.topic, loc)} · {s.code} <span class="admin-code">{b.code}</span>
          {b.status === "checked_in" && <span class="admin-muted"> – {s.checkedIn}</span>}
          {b.status === "confirmed" && !b.mail && (
            <span class="admin-muted">
              {" "}
              – {s.noMail}
              {b.phone && <>: {b.phone}</>}
            </span>
          )}
          {links && (
            <>
              <br />
              <a href={boardLink(b.day)}>{s.toDay(formatDate(b.day, loc))}</a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The question: which appointments the change touches, and "… und alle absagen" / "Nur …" / "Abbrechen". */
export function AffectedDialog({
  flow,
  saver,
  kind,
  timeZone,
  onDecide,
}: {
  flow: AffectedFlow;
  saver: Saver;
  kind: AffectedKind;
  timeZone: string;
  onDecide: (action: Decision) => Promise<boolean>;
}) {
  // One <dialog> per question, also when its list comes back changed: it stays open and says so.
  return flow.asking.value ? <AffectedModal {...{ flow, saver, kind, timeZone, onDecide }} /> : null;
}

function AffectedModal({ flow, saver, kind, timeZone, onDecide }: Parameters<typeof AffectedDialog>[0]) {
  const s = adminStrings.value.affected;
  const ref = useRef<HTMLDialogElement>(null);
  /** Set once the question is over: the `close` event of our own closing must not end a next question. */
  const over = useRef(false);
  const question = flow.asking.value!;
  const n = question.bookings.length;
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      over.current = true;
      if (dialog?.open) dialog.close();
      // Back to the button that sent the change, unless the outcome below took the focus meanwhile.
      if (opener?.isConnected && dialog?.contains(document.activeElement)) opener.focus();
    };
  }, []);
  const busy = saver.saving.value;
  const decide = (action: Decision) => {
    if (!busy) void onDecide(action);
  };
  return (
    <dialog ref={ref} class="dialog admin-affected-dialog" aria-labelledby="affected-title" aria-describedby="affected-intro" onClose={() => over.current || flow.dismiss()}>
      <h2 id="affected-title">{s.title[kind]}</h2>
      <p role="status">{question.changed && <strong>{s.changed}</strong>}</p>
      <p id="affected-intro">{n === 0 ? s.none : s.intro(n)}</p>
      {n > 0 && <AffectedList bookings={question.bookings} timeZone={timeZone} links={false} label={s.listLabel} />}
      {n > 0 && (
        <ul class="admin-affected-hints">
          <li>{s.cancelAllHint}</li>
          <li>{s.keepHint}</li>
        </ul>
      )}
      <div class="actions">
        {n > 0 ? (
          <>
            <button type="button" class="button--primary" aria-disabled={busy ? "true" : undefined} onClick={() => decide("cancel")}>
              {s.cancelAll[kind]}
            </button>
            <button type="button" aria-disabled={busy ? "true" : undefined} onClick={() => decide("keep")}>
              {s.keep[kind]}
            </button>
          </>
        ) : (
          // Nothing left to cancel: the change goes through with the (empty) list it was shown.
          <button type="button" class="button--primary" aria-disabled={busy ? "true" : undefined} onClick={() => decide("cancel")}>
            {s.proceed[kind]}
          </button>
        )}
        <button type="button" onClick={() => ref.current?.close()}>
          {s.back}
        </button>
      </div>
      <SaveStatus saver={saver} savedText={null} />
    </dialog>
  );
}

/**
 * What the last change did: `savedText`, how many were cancelled and mailed, whom to call, and the
 * appointments that stay, each with a link to its day on the board. In a live region that is always
 * in the page; the heading takes the focus once staff decided in the dialog.
 */
export function AffectedOutcome({ flow, timeZone, savedText }: { flow: AffectedFlow; timeZone: string; savedText: string }) {
  const s = adminStrings.value.affected;
  const result = flow.result.value;
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (result?.action) setTimeout(() => heading.current?.focus(), 0);
  }, [result]);
  return (
    <div role="status" class="admin-affected-outcome">
      {result && (
        <div class={result.kept.length > 0 || result.toCall.length > 0 ? "notice admin-affected" : "admin-saved"}>
          <p ref={heading} tabIndex={-1}>
            <strong>{savedText}</strong>
            {result.cancelled > 0 && <> {s.cancelled(result.cancelled, result.mailed)}</>}
          </p>
          {result.toCall.length > 0 && (
            <>
              <p>{s.callHeading}</p>
              <AffectedList bookings={result.toCall} timeZone={timeZone} links label={s.callHeading} />
            </>
          )}
          {result.kept.length > 0 && (
            <>
              <p>
                <strong>{s.keptHeading(result.kept.length)}.</strong> {s.keptHint}
              </p>
              <AffectedList bookings={result.kept} timeZone={timeZone} links label={s.keptHeading(result.kept.length)} />
            </>
          )}
        </div>
      )}
    </div>
  );
}
