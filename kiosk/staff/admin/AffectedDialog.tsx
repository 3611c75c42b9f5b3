/*
 * The appointments and open proposed times a change touches: the question as a native modal <dialog>
 * (the browser keeps the focus inside, Escape cancels, the focus goes back to the button that sent the
 * change), and what was done afterwards, below the form, with a link per kept appointment or proposed
 * time to its day on the board. Appointments and proposals are two lists, each with its own heading.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { AffectedBooking, AffectedProposal } from "../../../schemas/staff-settings";
import { formatDate, formatSlotName, formatWhen } from "../../shared/format";
import { locale, pick } from "../../shared/locale";
import { boardLink, touchesAny, type AffectedFlow, type Decision, type Touched } from "./affected";
import type { Saver } from "./form";
import { SaveStatus } from "./parts";
import { adminStrings } from "../i18n/admin";

export type AffectedKind = "closure" | "hours" | "extra";

/** One touched appointment or proposed time: when, who and what, `detail`, whom to call, and (with `link`) its day on the board. */
function Entry(e: {
  start: string;
  end: string;
  timeZone: string;
  name: string;
  topic: AffectedBooking["topic"];
  detail: ComponentChildren;
  /** The person has no address: no mail reaches them, staff call. */
  toCall: boolean;
  phone: string | null;
  link: { href: string; text: string } | null;
}) {
  const s = adminStrings.value.affected;
  const loc = locale.value;
  return (
    <li>
      <strong>{formatWhen(e.start, e.end, e.timeZone, loc)}</strong>
      <br />
      {e.name} · {pick(e.topic, loc)} · {e.detail}
      {e.toCall && (
        <span class="admin-muted">
          {" "}
          – {s.noMail}
          {e.phone && <>: {e.phone}</>}
        </span>
      )}
      {e.link && (
        <>
          <br />
          <a href={e.link.href}>{e.link.text}</a>
        </>
      )}
    </li>
  );
}

/** The list of touched appointments; `links`: each one opens its day on the board, at its appointments. */
function AffectedList({ bookings, timeZone, links, label }: { bookings: readonly AffectedBooking[]; timeZone: string; links: boolean; label: string }) {
  const s = adminStrings.value.affected;
  const loc = locale.value;
  return (
    <ul class="admin-affected-list" role="list" aria-label={label}>
      {bookings.map((b) => (
        <Entry
          key={b.id}
          {...{ start: b.start, end: b.end, timeZone, name: b.name, topic: b.topic, phone: b.phone }}
          detail={
            <>
              {s.code} <span class="admin-booking-code">{b.code}</span>
              {b.status === "checked_in" && <span class="admin-muted"> – {s.checkedIn}</span>}
            </>
          }
          toCall={b.status === "confirmed" && !b.mail}
          link={links ? { href: boardLink(b.day), text: s.toDay({ day: formatDate(b.day, loc) }) } : null}
        />
      ))}
    </ul>
  );
}

/** The list of touched proposed times, each with its deadline; `links`: each one opens its day on the board. */
function ProposalList({ proposals, timeZone, links, label }: { proposals: readonly AffectedProposal[]; timeZone: string; links: boolean; label: string }) {
  const s = adminStrings.value.affected;
  const loc = locale.value;
  return (
    <ul class="admin-affected-list" role="list" aria-label={label}>
      {proposals.map((p) => (
        <Entry
          key={p.id}
          {...{ start: p.start, end: p.end, timeZone, name: p.name, topic: p.topic, phone: p.phone }}
          detail={<span class="admin-muted">{s.openUntil({ until: formatSlotName(p.holdUntil, timeZone, loc) })}</span>}
          toCall={!p.mail}
          link={links ? { href: boardLink(p.day, false), text: s.proposalDay({ day: formatDate(p.day, loc) }) } : null}
        />
      ))}
    </ul>
  );
}

/** The question: which appointments and proposed times the change touches, and "… und alle absagen" / "Nur …" / "Abbrechen". */
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
  const m = question.proposals.length;
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
      <h2 id="affected-title">{m > 0 ? s.titleWithProposals[kind] : s.title[kind]}</h2>
      <p role="status">{question.changed && <strong>{s.changed}</strong>}</p>
      <p id="affected-intro">{n + m === 0 ? s.none : n > 0 ? s.intro(n) : s.proposalsIntro(m)}</p>
      {n > 0 && <AffectedList bookings={question.bookings} timeZone={timeZone} links={false} label={s.listLabel} />}
      {n > 0 && m > 0 && <p>{s.proposalsIntro(m)}</p>}
      {m > 0 && <ProposalList proposals={question.proposals} timeZone={timeZone} links={false} label={s.proposalsLabel} />}
      {n + m > 0 && (
        <ul class="admin-affected-hints">
          {n > 0 && <li>{s.cancelAllHint}</li>}
          {m > 0 && <li>{s.withdrawHint}</li>}
          {n > 0 && <li>{s.keepHint}</li>}
          {m > 0 && <li>{s.keepProposalsHint}</li>}
        </ul>
      )}
      <div class="actions">
        {n + m > 0 ? (
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

/** One list of people: appointments, then proposed times (either may be empty). */
function TouchedLists({ touched, timeZone, label }: { touched: Touched; timeZone: string; label: string }) {
  return (
    <>
      {touched.bookings.length > 0 && <AffectedList bookings={touched.bookings} timeZone={timeZone} links label={label} />}
      {touched.proposals.length > 0 && <ProposalList proposals={touched.proposals} timeZone={timeZone} links label={label} />}
    </>
  );
}

/**
 * What the last change did: `savedText`, how many were cancelled, withdrawn and mailed, whom to call,
 * and the appointments and proposed times that stay, each with a link to its day on the board. In a
 * live region that is always in the page; the heading takes the focus once staff decided in the dialog.
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
        <div class={touchesAny(result.kept) || touchesAny(result.toCall) ? "notice admin-affected" : "admin-saved"}>
          <p ref={heading} tabIndex={-1}>
            <strong>{savedText}</strong>
            {result.cancelled > 0 && <> {s.cancelled(result.cancelled)}</>}
            {result.withdrawn > 0 && <> {s.withdrawn(result.withdrawn)}</>}
            {result.cancelled + result.withdrawn > 0 && <> {s.mailed(result.mailed)}</>}
          </p>
          {touchesAny(result.toCall) && (
            <>
              <p>{s.callHeading}</p>
              <TouchedLists touched={result.toCall} timeZone={timeZone} label={s.callHeading} />
            </>
          )}
          {result.kept.bookings.length > 0 && (
            <>
              <p>
                <strong>{s.keptHeading(result.kept.bookings.length)}.</strong> {s.keptHint}
              </p>
              <AffectedList bookings={result.kept.bookings} timeZone={timeZone} links label={s.keptHeading(result.kept.bookings.length)} />
            </>
          )}
          {result.kept.proposals.length > 0 && (
            <>
              <p>
                <strong>{s.keptProposalsHeading(result.kept.proposals.length)}.</strong> {s.keptProposalsHint}
              </p>
              <ProposalList proposals={result.kept.proposals} timeZone={timeZone} links label={s.keptProposalsHeading(result.kept.proposals.length)} />
            </>
          )}
        </div>
      )}
    </div>
  );
}
