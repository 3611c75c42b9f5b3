/*
 * "Datenschutz-Anfragen" (Art. 15, 17 DSGVO): find a person, tick what belongs to them, show it,
 * download it as JSON or open the printable page, and erase it after a confirm dialog that lists what
 * goes. Keyboard first: a form that submits with Enter, labelled checkboxes, native buttons and links,
 * a modal <dialog> that keeps the focus and gives it back. The store (data-subjects.ts) decides.
 */
import "./data-subjects.css";
import { useEffect, useRef } from "preact/hooks";
import type { DataSubjectRecord, FoundBooking, RecordBooking } from "../../../schemas/data-subjects";
import { locale, pick } from "../../shared/locale";
import type { DataSubjectsStore } from "./data-subjects";
import { useSignedOut } from "./parts";
import { adminStrings, type AdminStrings } from "../i18n/admin";
import { when } from "./view";

export function DataSubjectsSection({ store, timeZone }: { store: DataSubjectsStore; timeZone: string }) {
  const s = adminStrings.value;
  const d = s.ds;
  const found = store.matches.value;
  const busy = store.busy.value;
  useSignedOut(store.failure.value);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await store.search()) setTimeout(() => document.getElementById("ds-results")?.focus(), 0);
  };
  return (
    <div class="ds">
      <p>{d.intro}</p>
      <form class="admin-form ds-search" onSubmit={(e) => void submit(e)} role="search">
        <div class="field admin-field">
          <label for="ds-query" class="field__label">
            {d.queryLabel}
          </label>
          <p id="ds-query-hint" class="field__hint">
            {d.queryHint}
          </p>
          <input
            id="ds-query"
            class="field__input"
            type="search"
            autoComplete="off"
            spellcheck={false}
            maxLength={200}
            aria-describedby="ds-query-hint"
            value={store.query.value}
            onInput={(e) => (store.query.value = e.currentTarget.value)}
          />
        </div>
        <div class="actions">
          <button type="submit" class="button--primary" aria-disabled={busy ? "true" : undefined}>
            {busy === "search" ? d.searching : d.search}
          </button>
        </div>
      </form>
      <div role="alert" class="alert-region">
        {store.failure.value && (
          <div class="alert admin-alert">
            <p>{store.failure.value === "invalid" && !store.failureDetail.value ? d.tooShort : s.failures[store.failure.value]}</p>
            {store.failureDetail.value && <p>{s.serverProblem({ message: store.failureDetail.value })}</p>}
          </div>
        )}
      </div>
      <p role="status" class="admin-saved">
        {store.erased.value && `✓ ${erasedText(d, store.erased.value)}`}
      </p>
      {found && <Results store={store} timeZone={timeZone} />}
      {store.record.value && <Record record={store.record.value} timeZone={timeZone} />}
      <EraseDialog store={store} timeZone={timeZone} />
    </div>
  );
}

function Results({ store, timeZone }: { store: DataSubjectsStore; timeZone: string }) {
  const s = adminStrings.value;
  const d = s.ds;
  const lang = locale.value;
  const found = store.matches.value!;
  const none = found.bookings.length === 0 && found.mails.length === 0;
  const selection = store.hasSelection.value;
  return (
    <section aria-labelledby="ds-results">
      <h3 id="ds-results" tabIndex={-1}>
        {none ? d.nothingFound : d.found({ bookings: d.bookingsCount(found.bookings.length), mails: d.moreMails(found.mails.length) })}
      </h3>
      {found.truncated && <p class="notice">{d.truncated}</p>}
      {found.bookings.length > 0 && (
        <table class="admin-table admin-table--compact">
          <caption>{d.bookingsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{d.columns.choose}</th>
              <th scope="col">{d.columns.kind}</th>
              <th scope="col">{d.columns.when}</th>
              <th scope="col">{d.columns.topic}</th>
              <th scope="col">{d.columns.name}</th>
              <th scope="col">{d.columns.email}</th>
              <th scope="col">{d.columns.phone}</th>
              <th scope="col">{d.columns.code}</th>
              <th scope="col">{d.columns.status}</th>
              <th scope="col">{d.columns.by}</th>
            </tr>
          </thead>
          <tbody>
            {found.bookings.map((b) => (
              <tr key={b.id}>
                <td>
                  <Choose
                    id={`ds-b-${b.id}`}
                    label={d.chooseBooking({ what: bookingLabel(b, timeZone) })}
                    checked={store.chosenBookings.value.has(b.id)}
                    onChange={(on) => store.toggleBooking(b.id, on)}
                  />
                </td>
                <td>{d.kinds[b.kind]}</td>
                <td>{b.startsAt ? when(b.startsAt, timeZone, lang) : d.noTime}</td>
                <td>{pick(b.topic, lang)}</td>
                <td>{b.name}</td>
                <td class="email">{b.email}</td>
                <td>{b.phone}</td>
                <td>
                  <code>{b.code}</code>
                </td>
                <td>
                  {d.statuses[b.status]}
                  {!b.erasable && <strong> ({d.active})</strong>}
                </td>
                <td>{b.matchedBy.map((k) => d.keys[k]).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {found.mails.length > 0 && (
        <table class="admin-table admin-table--compact">
          <caption>{d.mailsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{d.mailColumns.choose}</th>
              <th scope="col">{d.mailColumns.created}</th>
              <th scope="col">{d.mailColumns.to}</th>
              <th scope="col">{d.mailColumns.subject}</th>
              <th scope="col">{d.mailColumns.status}</th>
              <th scope="col">{d.mailColumns.by}</th>
            </tr>
          </thead>
          <tbody>
            {found.mails.map((m) => (
              <tr key={m.id}>
                <td>
                  <Choose
                    id={`ds-m-${m.id}`}
                    label={d.chooseBooking({ what: m.subject || m.kind })}
                    checked={store.chosenMails.value.has(m.id)}
                    onChange={(on) => store.toggleMail(m.id, on)}
                  />
                </td>
                <td>{when(m.createdAt, timeZone, lang)}</td>
                <td class="email">{m.toAddress}</td>
                <td>{m.subject}</td>
                <td>{s.outboxStatus[m.status]}</td>
                <td>{m.matchedBy.map((k) => d.keys[k]).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!none && (
        <>
          <div class="actions">
            <button type="button" onClick={() => void store.view()} aria-disabled={!selection || store.busy.value ? "true" : undefined}>
              {store.busy.value === "record" ? d.loadingRecord : d.view}
            </button>
            {selection && (
              <>
                <a class="button" href={store.jsonHref()} download>
                  {d.downloadJson}
                </a>
                <a class="button" href={store.printHref()} target="_blank" rel="noopener" aria-describedby="ds-print-hint">
                  {d.printView}
                </a>
              </>
            )}
            <button
              type="button"
              id="ds-erase"
              class="button--danger"
              onClick={store.askErase}
              aria-disabled={store.canErase.value ? undefined : "true"}
              aria-describedby={store.canErase.value ? undefined : "ds-erase-hint"}
            >
              {d.eraseNow}
            </button>
          </div>
          <p id="ds-print-hint" class="field__hint">
            {d.printHint}
          </p>
          {!store.canErase.value && (
            <p id="ds-erase-hint" class="field__hint">
              {d.nothingToErase}
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** A row's checkbox: its label names the row for screen readers; the row itself shows what it is. */
function Choose({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <span class="check">
      <input type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label for={id} class="visually-hidden">
        {label}
      </label>
    </span>
  );
}

function bookingLabel(b: FoundBooking, timeZone: string): string {
  const d = adminStrings.value.ds;
  return `${d.kinds[b.kind]} ${b.startsAt ? when(b.startsAt, timeZone, locale.value) : b.code}`;
}

/** Everything stored about the chosen rows, as the API answered it. */
function Record({ record, timeZone }: { record: DataSubjectRecord; timeZone: string }) {
  const d = adminStrings.value.ds;
  const loose = record.mails.filter((m) => !record.bookings.some((b) => b.id === m.bookingId));
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), [record]);
  return (
    <section aria-labelledby="ds-record" class="ds-record">
      <h3 id="ds-record" ref={ref} tabIndex={-1}>
        {d.recordHeading}
      </h3>
      {record.bookings.map((b) => (
        <RecordEntry key={b.id} b={b} record={record} timeZone={timeZone} />
      ))}
      {loose.length > 0 && (
        <>
          <h4>{d.mailsCaption}</h4>
          <Mails mails={loose} timeZone={timeZone} />
        </>
      )}
      {record.bookings.length === 0 && record.mails.length === 0 && <p>{d.nothingFound}</p>}
    </section>
  );
}

function RecordEntry({ b, record, timeZone }: { b: RecordBooking; record: DataSubjectRecord; timeZone: string }) {
  const s = adminStrings.value;
  const d = s.ds;
  const lang = locale.value;
  const row = (label: string, value: string | null | undefined) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    ) : null;
  return (
    <article class="ds-entry">
      <h4>
        {d.kinds[b.kind]}: {pick(b.topic.label, lang)}
        {b.startsAt && `, ${when(b.startsAt, timeZone, lang)}`}
      </h4>
      <dl class="admin-facts">
        {row(d.fields.id, b.id)}
        {row(d.columns.status, d.statuses[b.status])}
        {row(d.fields.source, d.sources[b.source])}
        {row(d.fields.start, b.startsAt && when(b.startsAt, timeZone, lang))}
        {row(d.fields.end, b.endsAt && when(b.endsAt, timeZone, lang))}
        {row(d.columns.name, b.name)}
        {row(d.columns.email, b.email)}
        {row(d.columns.phone, b.phone)}
        {row(d.fields.note, b.note)}
        {row(d.fields.wish, b.wish)}
        {row(d.fields.weekdays, b.preferredWeekdays?.join(", "))}
        {row(d.fields.times, b.preferredTimes?.join(", "))}
        {row(d.columns.code, b.code)}
        {row(d.fields.locale, b.locale)}
        {row(d.fields.created, when(b.createdAt, timeZone, lang))}
        {row(d.fields.manageLinks, String(b.manageLinks))}
        {row(d.fields.idempotencyKey, b.idempotencyKey)}
      </dl>
      <h5>{d.history}</h5>
      <ol>
        {b.events.map((e) => (
          <li key={e.sequence}>
            {when(e.at, timeZone, lang)}: {d.statuses[e.status as RecordBooking["status"]] ?? e.status} ({actorText(e.actor)})
          </li>
        ))}
      </ol>
      {b.queueNumbers.length > 0 && (
        <>
          <h5>{d.queueNumbers}</h5>
          <ul>
            {b.queueNumbers.map((q) => (
              <li key={q.id}>
                {q.number}, {q.day}
              </li>
            ))}
          </ul>
        </>
      )}
      <h5>{d.mailsHeading}</h5>
      <Mails mails={record.mails.filter((m) => m.bookingId === b.id)} timeZone={timeZone} />
    </article>
  );
}

/** Who made a change (booking_events.actor: 'resident', 'system' or 'staff:<id>'), in words. */
function actorText(actor: string): string {
  const a = adminStrings.value.ds.actors;
  if (actor === "resident") return a.resident;
  if (actor === "system") return a.system;
  return actor.startsWith("staff:") ? a.staff : actor;
}

function Mails({ mails, timeZone }: { mails: DataSubjectRecord["mails"]; timeZone: string }) {
  const s = adminStrings.value;
  const lang = locale.value;
  if (mails.length === 0) return <p>{s.noMails}</p>;
  return (
    <ul class="ds-mails">
      {mails.map((m) => (
        <li key={m.id}>
          <details>
            <summary>
              {when(m.createdAt, timeZone, lang)} · {m.subject} · {s.outboxStatus[m.status]} · {m.toAddress}
            </summary>
            <pre class="admin-mail-text" tabIndex={0} aria-label={s.ds.mailBody({ subject: m.subject })}>
              {m.textBody}
            </pre>
          </details>
        </li>
      ))}
    </ul>
  );
}

/** "Diese Daten jetzt löschen?" as a modal dialog that lists what goes and what stays. */
function EraseDialog({ store, timeZone }: { store: DataSubjectsStore; timeZone: string }) {
  const s = adminStrings.value;
  const d = s.ds;
  const ref = useRef<HTMLDialogElement>(null);
  const open = store.confirming.value;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const plan = store.erasePlan.value;
  const erasing = store.busy.value === "erase";
  const yes = async () => {
    if (erasing) return;
    await store.confirmErase();
    setTimeout(() => document.getElementById("ds-results")?.focus(), 0);
  };
  return (
    <dialog
      ref={ref}
      class="admin-reader ds-confirm"
      aria-labelledby="ds-confirm-heading"
      onClose={() => {
        store.cancelErase();
        document.getElementById("ds-erase")?.focus();
      }}
    >
      {open && (
        <>
          <h2 id="ds-confirm-heading">{d.confirmTitle}</h2>
          <p>{d.confirmGoes}</p>
          <ul>
            {plan.bookings.map((b) => (
              <li key={b.id}>
                {bookingLabel(b, timeZone)}: {[b.name, b.email, b.phone].filter(Boolean).join(", ")}
              </li>
            ))}
          </ul>
          {plan.mails.length > 0 && (
            <>
              <p>{d.confirmMails}</p>
              <ul>
                {plan.mails.map((m) => (
                  <li key={m.id}>
                    {m.subject} ({m.toAddress})
                  </li>
                ))}
              </ul>
            </>
          )}
          {plan.kept.length > 0 && (
            <>
              <p>{d.confirmKept}</p>
              <ul>
                {plan.kept.map((b) => (
                  <li key={b.id}>{bookingLabel(b, timeZone)}</li>
                ))}
              </ul>
            </>
          )}
          <p>{d.confirmStays}</p>
          <p>
            <strong>{d.confirmFinal}</strong>
          </p>
          <div class="actions">
            <button type="button" class="button--danger" onClick={() => void yes()} aria-disabled={erasing ? "true" : undefined}>
              {erasing ? d.erasing : d.confirmYes}
            </button>
            <button type="button" class="button--primary" onClick={() => ref.current?.close()}>
              {s.cancel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

/** What an erasure did: the appointments and mails erased, and the mails erased once they are sent. */
function erasedText(d: AdminStrings["ds"], e: { bookings: number; mails: number; mailsOnTheirWay: number }): string {
  const done = d.erased({ bookings: d.bookingsCount(e.bookings), mails: d.mailsCount(e.mails) });
  return e.mailsOnTheirWay === 0 ? done : `${done} ${d.onTheirWay(e.mailsOnTheirWay)}`;
}
