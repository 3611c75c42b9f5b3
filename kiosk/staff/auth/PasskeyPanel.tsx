/*
 * "My passkeys" in the board's settings: the list, adding one for this PC, removing one. Status and
 * errors are announced in one live region; after removing, focus goes to the add button so it is not lost.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../../shared/api";
import { intlLocale } from "../../../common/i18n/languages";
import { locale } from "../../shared/locale";
import { addPasskey, failureText, listPasskeys, removePasskey, type Passkey } from "./store";
import { a } from "../i18n/auth";

const TIME_ZONE = "Europe/Berlin";

export function PasskeyPanel({ office }: { office: string }) {
  const s = a.value;
  const [passkeys, setPasskeys] = useState<Passkey[] | null>(null);
  const [label, setLabel] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const reload = () =>
    listPasskeys(office).then(setPasskeys, (error: unknown) => setMessage({ error: true, text: failureText(error, a.value) }));
  useEffect(() => {
    void reload();
  }, [office]);

  const add = async () => {
    setBusy(true);
    setMessage({ error: false, text: s.adding });
    try {
      const created = await addPasskey(office, label);
      setLabel("");
      setMessage({ error: false, text: a.value.added({ label: created.label }) });
      await reload();
    } catch (error) {
      // The authenticator's own refusals (cancelled, already registered) and a refused answer read the same.
      const text = error instanceof ApiError && error.code !== "passkey_invalid" ? failureText(error, a.value) : a.value.addFailed;
      setMessage({ error: true, text });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (passkey: Passkey) => {
    if (!confirm(a.value.confirmRemove({ label: passkey.label }))) return;
    setBusy(true);
    try {
      await removePasskey(office, passkey.id);
      setMessage({ error: false, text: a.value.removed({ label: passkey.label }) });
      await reload();
      addButton.current?.focus();
    } catch (error) {
      setMessage({ error: true, text: failureText(error, a.value) });
    } finally {
      setBusy(false);
    }
  };

  const date = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale(locale.value), { timeZone: TIME_ZONE, day: "numeric", month: "long", year: "numeric" }).format(
      new Date(iso),
    );
  return (
    <section class="passkeys" aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading">{s.panelHeading}</h2>
      <p>{s.panelIntro}</p>
      <div role="status" aria-live="polite" class={message?.error ? "status status--error" : "status"}>
        {message && <p>{message.text}</p>}
      </div>
      {passkeys === null ? (
        <p>{s.panelLoading}</p>
      ) : passkeys.length === 0 ? (
        <p>{s.panelEmpty}</p>
      ) : (
        <ul class="passkeys__list">
          {passkeys.map((k) => (
            <li key={k.id}>
              <strong>{k.label}</strong> – {s.created({ date: date(k.createdAt) })}, {k.lastUsedAt ? s.lastUsed({ date: date(k.lastUsedAt) }) : s.neverUsed}{" "}
              <button type="button" class="button button--quiet" disabled={busy} onClick={() => remove(k)}>
                {s.removeButton({ label: k.label })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="field">
        <label for="passkey-label" class="field__label">
          {s.labelLabel}
        </label>
        <p id="passkey-label-hint" class="field__hint">
          {s.labelHint}
        </p>
        <input
          id="passkey-label"
          class="field__input"
          type="text"
          maxLength={60}
          value={label}
          aria-describedby="passkey-label-hint"
          onInput={(e) => setLabel(e.currentTarget.value)}
        />
      </div>
      <button ref={addButton} type="button" class="button button--primary" disabled={busy} onClick={add}>
        {s.addButton}
      </button>
    </section>
  );
}
