/* "Geräte": kiosks and displays with their state, a display's chime and announcement, a new pairing code shown large, revoke with a question. */
import { useEffect } from "preact/hooks";
import type { DeviceKind } from "../../../schemas/staff-settings";
import { formatTime } from "../../shared/format";
import { locale } from "../../shared/locale";
import { DEVICE_KIND_ID, DEVICE_LABEL_ID, formatCountdown, minutesLeft, type DevicesStore } from "./devices";
import { Confirm, FocusHeading, Input, Loading, SaveButton, SaveStatus, Select, useSubmit } from "./parts";
import { adminStrings } from "../i18n/admin";
import { deviceSettingsStrings } from "../i18n/device-settings";
import { when } from "./view";
import { KioskPrintToggle } from "./KioskSettings";
import { kioskSettingsStrings } from "../i18n/kiosk-settings";

const KINDS: readonly DeviceKind[] = ["kiosk", "display"];

export function DevicesSection({ store, timeZone }: { store: DevicesStore; timeZone: string }) {
  const s = adminStrings.value;
  const ds = deviceSettingsStrings.value;
  const loc = locale.value;
  const data = store.list.data.value;
  const asking = store.confirmRevoke.value;
  const { form, submit } = useSubmit(store.create);
  return (
    <>
      <p>{s.devicesIntro}</p>
      <PairingCode store={store} timeZone={timeZone} />
      <h3>{s.devicesListHeading}</h3>
      {!data ? (
        <Loading failure={store.list.failure.value} onRetry={() => void store.load()} />
      ) : data.devices.length === 0 ? (
        <p>{s.noDevices}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{s.deviceColumns.label}</th>
              <th scope="col">{s.deviceColumns.kind}</th>
              <th scope="col">{s.deviceColumns.state}</th>
              <th scope="col">{s.deviceColumns.lastSeen}</th>
              <th scope="col">{ds.column}</th>
              <th scope="col">{s.deviceColumns.actions}</th>
            </tr>
          </thead>
          <tbody>
            {data.devices.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.label}</th>
                <td>{s.deviceKinds[d.kind]}</td>
                <td>
                  <span class={`admin-badge admin-badge--${d.state}`}>{s.deviceStates[d.state]}</span>
                  <KioskPrintToggle device={d} store={store} />
                </td>
                <td>{d.lastSeenAt ? when(d.lastSeenAt, timeZone, loc) : s.never}</td>
                <td>
                  {d.display && d.state !== "revoked" && (
                    <div class="admin-toggles">
                      {(["sound", "speech"] as const).map((key) => (
                        <label key={key} class="admin-toggle">
                          <input
                            type="checkbox"
                            checked={store.displaySetting(d.id, key, d.display![key])}
                            disabled={store.displaySaver.saving.value}
                            onChange={(e) => void store.setDisplay(d.id, { [key]: e.currentTarget.checked })}
                          />{" "}
                          {ds[key]}
                          <span class="visually-hidden"> {ds.ofDevice({ label: d.label })}</span>
                        </label>
                      ))}
                    </div>
                  )}
                </td>
                <td>
                  {d.state === "revoked" ? null : asking === d.id ? (
                    <Confirm
                      question={s.revokeQuestion({ label: d.label })}
                      yes={s.revokeYes}
                      busy={store.revokeSaver.saving.value}
                      onYes={store.revoke}
                      onNo={store.cancelRevoke}
                      returnTo={`device-revoke-${d.id}`}
                    />
                  ) : (
                    <button type="button" id={`device-revoke-${d.id}`} aria-label={s.revokeDevice({ label: d.label })} onClick={() => store.askRevoke(d.id)}>
                      {s.revoke}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SaveStatus saver={store.revokeSaver} />
      <SaveStatus saver={store.displaySaver} savedText={ds.saved} />
      {data?.devices.some((d) => d.display && d.state !== "revoked") && <p class="admin-muted">{ds.hint}</p>}
      <SaveStatus saver={store.kioskSaver} savedText={kioskSettingsStrings.value.saved} />
      {data?.devices.some((d) => d.kiosk && d.state !== "revoked") && <p class="admin-muted">{kioskSettingsStrings.value.hint}</p>}
      <h3>{s.pairHeading}</h3>
      <form ref={form} class="admin-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div class="admin-row">
          <Select
            id={DEVICE_KIND_ID}
            label={s.deviceKindLabel}
            errors={store.saver.fieldErrors.value}
            value={store.kind.value}
            options={KINDS.map((k) => [k, s.deviceKinds[k]] as const)}
            onValue={(v) => (store.kind.value = v)}
          />
          <Input
            id={DEVICE_LABEL_ID}
            label={s.deviceLabelLabel}
            hint={s.deviceLabelHint}
            errors={store.saver.fieldErrors.value}
            value={store.label.value}
            maxLength={60}
            onValue={(v) => (store.label.value = v)}
          />
        </div>
        <div class="actions">
          <SaveButton saver={store.saver} label={s.createCode} />
        </div>
        <SaveStatus saver={store.saver} savedText={null} />
      </form>
    </>
  );
}

/**
 * The one-time code, large and spaced, with how to use it and a countdown. The countdown ticks on
 * screen every second but is hidden from screen readers; they get the expiry time and whole minutes.
 */
function PairingCode({ store, timeZone }: { store: DevicesStore; timeZone: string }) {
  const s = adminStrings.value;
  const created = store.created.value;
  useEffect(() => {
    if (!created) return;
    const timer = setInterval(store.tick, 1000);
    return () => clearInterval(timer);
  }, [created]);
  if (!created) return null;
  const left = store.remaining.value;
  return (
    <section class="admin-code" aria-labelledby="pairing-code-heading">
      <FocusHeading id="pairing-code-heading">{s.codeHeading({ label: created.label })}</FocusHeading>
      {store.expired.value ? (
        <p class="alert">{s.codeExpired}</p>
      ) : (
        <>
          <p class="admin-code__code">
            <span aria-hidden="true">{created.code}</span>
            <span class="visually-hidden">{created.code.split("").join(" ")}</span>
          </p>
          <p>
            <strong>{s.codeValid({ time: formatTime(created.expiresAt, timeZone) })}</strong>{" "}
            <span aria-hidden="true">({s.codeLeft({ clock: formatCountdown(left) })})</span>
            <span class="visually-hidden">{s.codeLeftWords(minutesLeft(left))}</span>
          </p>
          <p>{s.codeHow({ page: created.kind === "kiosk" ? "/kiosk" : "/display" })}</p>
          <p class="admin-muted">{s.codeOnce}</p>
        </>
      )}
      <button type="button" onClick={store.closeCode}>
        {s.closeCode}
      </button>
    </section>
  );
}
