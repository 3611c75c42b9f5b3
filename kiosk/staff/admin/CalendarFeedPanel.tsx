/*
 * "Kalender-Abo": what the feed is, in plain words; "Kalender-Abo erstellen" shows the webcal:// and
 * https addresses with copy buttons (only this once); "Abo beenden" after a warning.
 */
import { useMemo } from "preact/hooks";
import { feedApi } from "./api";
import { createFeedStore, type FeedStore } from "./feed";
import { Confirm, SaveStatus } from "./parts";
import { adminStrings } from "../i18n/admin";

export function CalendarFeedPanel({ office }: { office: string }) {
  const store = useMemo(() => createFeedStore(feedApi(office)), [office]);
  return <Feed store={store} />;
}

function Feed({ store }: { store: FeedStore }) {
  const s = adminStrings.value;
  const feed = store.feed.value;
  const busy = store.saver.saving.value;
  const copied = store.copied.value;
  const said = store.revoked.value ? s.feedRevoked : copied === "webcal" ? s.copiedWebcal : copied === "https" ? s.copiedHttps : copied === "failed" ? s.copyFailed : feed ? s.feedCreated : "";
  return (
    <div class="admin">
      {[s.feedIntro.what, s.feedIntro.fetches, s.feedIntro.secret].map((p) => (
        <p key={p}>{p}</p>
      ))}
      <p role="status" class="admin-saved">
        {said ? <span>{said}</span> : null}
      </p>
      {feed && (
        <section class="admin-feed" aria-labelledby="feed-address-heading">
          <h2 id="feed-address-heading">{s.feedAddress}</h2>
          <p class="admin-muted">{s.feedOnce}</p>
          <Address id="feed-webcal" label={s.feedAddress} value={feed.url} copyLabel={s.copyWebcal} onCopy={() => void store.copy("webcal")} />
          <Address id="feed-https" label={s.feedHttpsAddress} value={feed.httpsUrl} copyLabel={s.copyHttps} onCopy={() => void store.copy("https")} />
          <p>{s.feedHow}</p>
        </section>
      )}
      <div class="actions">
        <button type="button" class="button--primary" aria-disabled={busy ? "true" : undefined} onClick={() => !busy && void store.create()}>
          {feed ? s.feedCreateNew : s.feedCreate}
        </button>
        {!store.confirmRevoke.value && (
          <button type="button" id="feed-revoke" onClick={store.askRevoke}>
            {s.feedRevoke}
          </button>
        )}
      </div>
      <p class="admin-muted">{s.feedNewEndsOld}</p>
      {store.confirmRevoke.value && (
        <Confirm question={s.feedRevokeQuestion} yes={s.feedRevokeYes} busy={busy} onYes={store.revoke} onNo={store.cancelRevoke} returnTo="feed-revoke" />
      )}
      <SaveStatus saver={store.saver} savedText={null} />
    </div>
  );
}

/** A read-only address field (selected whole on focus) with its copy button. */
function Address({ id, label, value, copyLabel, onCopy }: { id: string; label: string; value: string; copyLabel: string; onCopy: () => void }) {
  const s = adminStrings.value;
  return (
    <div class="field admin-field admin-address">
      <label for={id} class="field__label">
        {label}
      </label>
      <div class="admin-row">
        <input id={id} class="field__input" type="text" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" aria-label={copyLabel} onClick={onCopy}>
          {s.copy}
        </button>
      </div>
    </div>
  );
}
