/*
 * "Postausgang": every mail with its status in words (and a sign, never colour alone), the error of a
 * failed one, "Erneut senden", and a reader for a mail's text in a modal dialog.
 */
import { useEffect, useMemo, useRef } from "preact/hooks";
import type { OutboxStatus } from "../../../schemas/rows";
import { locale } from "../../shared/locale";
import { timeZone } from "../../shared/office";
import { outboxApi } from "./api";
import { canResend, createOutboxStore, OUTBOX_STATUSES, statusSign, statusTone, type OutboxStore } from "./outbox";
import { Loading, SaveStatus, useSignedOut } from "./parts";
import { adminStrings } from "../i18n/admin";
import { when } from "./view";

export function OutboxPanel({ office }: { office: string }) {
  const store = useMemo(() => createOutboxStore(outboxApi(office)), [office]);
  useEffect(() => {
    void store.load();
  }, [store]);
  return <Outbox store={store} />;
}

function Outbox({ store }: { store: OutboxStore }) {
  const s = adminStrings.value;
  const data = store.list.data.value;
  const zone = timeZone.value;
  const loc = locale.value;
  /** The "Lesen" button that opened the reader, to give the focus back when it closes. */
  const opener = useRef<HTMLElement | null>(null);
  useSignedOut(store.readFailure.value);
  return (
    <div class="admin">
      <p>{s.outboxIntro}</p>
      <div class="admin-row admin-toolbar">
        <div class="field admin-field">
          <label for="outbox-filter" class="field__label">
            {s.filterLabel}
          </label>
          <select
            id="outbox-filter"
            class="field__input"
            value={store.filter.value ?? ""}
            onChange={(e) => store.setFilter((e.currentTarget.value || null) as OutboxStatus | null)}
          >
            <option value="">{s.filterAll}</option>
            {OUTBOX_STATUSES.map((st) => (
              <option key={st} value={st}>
                {s.outboxStatus[st]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => void store.load()}>
          {s.reload}
        </button>
      </div>
      <SaveStatus saver={store.resendSaver} savedText={store.resent.value?.status === "captured" ? s.resentCaptured : s.resent} />
      {!data ? (
        <Loading failure={store.list.failure.value} onRetry={() => void store.load()} />
      ) : data.mails.length === 0 ? (
        <p>{s.noMails}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{s.outboxColumns.created}</th>
              <th scope="col">{s.outboxColumns.to}</th>
              <th scope="col">{s.outboxColumns.subject}</th>
              <th scope="col">{s.outboxColumns.status}</th>
              <th scope="col">{s.outboxColumns.actions}</th>
            </tr>
          </thead>
          <tbody>
            {data.mails.map((m) => {
              const tone = statusTone(m.status);
              const sign = statusSign(tone);
              return (
                <tr key={m.id}>
                  <td>{when(m.createdAt, zone, loc)}</td>
                  <td>{m.to}</td>
                  <th scope="row">{m.subject}</th>
                  <td>
                    <span class={`admin-badge admin-badge--${tone}`}>
                      {sign && <span aria-hidden="true">{sign} </span>}
                      {s.outboxStatus[m.status]}
                    </span>
                    {m.attempts > 0 && <span class="admin-muted"> · {s.attempts(m.attempts)}</span>}
                    {m.erasedAt && <p class="admin-muted">{s.mailErased}</p>}
                    {m.status === "failed" && m.lastError && (
                      <p class="admin-error-text">
                        {s.errorLabel} {m.lastError}
                      </p>
                    )}
                  </td>
                  <td>
                    <div class="admin-buttons">
                      <button
                        type="button"
                        aria-label={s.readMail({ subject: m.subject })}
                        onClick={(e) => {
                          opener.current = e.currentTarget;
                          void store.read(m.id);
                        }}
                      >
                        {s.read}
                      </button>
                      {canResend(m) && (
                        <button type="button" aria-label={s.resendMail({ subject: m.subject })} onClick={() => void store.resend(m.id)}>
                          {s.resend}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {store.readFailure.value && (
        <p class="alert" role="alert">
          {s.failures[store.readFailure.value]}
        </p>
      )}
      <Reader store={store} onClosed={() => opener.current?.focus()} />
    </div>
  );
}

/** A mail's text in a modal `<dialog>`: the browser keeps the focus inside and Escape closes it. */
function Reader({ store, onClosed }: { store: OutboxStore; onClosed: () => void }) {
  const s = adminStrings.value;
  const ref = useRef<HTMLDialogElement>(null);
  const mail = store.reading.value;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (mail && !dialog.open) dialog.showModal();
    if (!mail && dialog.open) dialog.close();
  }, [mail]);
  return (
    <dialog
      ref={ref}
      class="admin-reader"
      aria-labelledby="reader-heading"
      onClose={() => {
        store.closeReader();
        onClosed();
      }}
    >
      {mail && (
        <>
          <h2 id="reader-heading">{mail.subject}</h2>
          <dl class="admin-facts">
            <dt>{s.mailTo}</dt>
            <dd>{mail.to}</dd>
            <dt>{s.mailStatus}</dt>
            <dd>{s.outboxStatus[mail.status]}</dd>
          </dl>
          {mail.erasedAt && <p>{s.mailErased}</p>}
          {mail.icsMethod && <p>{mail.icsMethod === "CANCEL" ? s.mailInviteCancel : s.mailInvite}</p>}
          <h3>{s.mailText}</h3>
          <pre class="admin-mail-text" tabIndex={0}>
            {mail.text}
          </pre>
          <div class="actions">
            {canResend(mail) && (
              <button type="button" onClick={() => void store.resend(mail.id)}>
                {s.resend}
              </button>
            )}
            <button type="button" class="button--primary" onClick={() => ref.current?.close()}>
              {s.close}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
