/*
 * "Schließtage": the list with "Löschen", and a form for a new date range with its reason. Days with
 * appointments ask first (AffectedDialog): close and cancel them all, or only close.
 */
import { locale } from "../../shared/locale";
import { AffectedDialog, AffectedOutcome } from "./AffectedDialog";
import { alsoIn, MoreLanguages } from "./MoreLanguages";
import { Confirm, Input, SaveButton, SaveStatus, useSubmit } from "./parts";
import { closureFieldId, type SettingsStore } from "./settings";
import { adminStrings } from "../i18n/admin";
import { daysText } from "./view";

export function ClosuresSection({ store }: { store: SettingsStore }) {
  const s = adminStrings.value;
  const loc = locale.value;
  const settings = store.settings.data.value;
  const d = store.closure.value;
  const errors = store.closureSaver.fieldErrors.value;
  const asking = store.confirmDeleteClosure.value;
  const { form, submit } = useSubmit(store.closureActions.add);
  if (!settings) return null;
  const set = store.closureActions.set;
  return (
    <>
      <p>{s.closuresIntro}</p>
      <h3>{s.closuresListHeading}</h3>
      {settings.closures.length === 0 ? (
        <p>{s.noClosures}</p>
      ) : (
        <ul class="admin-list" role="list">
          {settings.closures.map((c) => {
            const days = daysText(c.firstDay, c.lastDay, loc);
            return (
              <li key={c.id}>
                <p>
                  <strong>{days}</strong>
                  {c.lastDay < settings.today && <span class="admin-muted"> ({s.past})</span>}
                  <br />
                  {c.reason.de}
                  {c.reason.en && <span lang="en"> / {c.reason.en}</span>}
                  {alsoIn(c.reason) && <span class="admin-muted"> ({alsoIn(c.reason)})</span>}
                </p>
                {asking === c.id ? (
                  <Confirm
                    question={s.deleteQuestion({ days })}
                    yes={s.deleteYes}
                    busy={store.deleteSaver.saving.value}
                    onYes={store.closureActions.confirmDelete}
                    onNo={store.closureActions.cancelDelete}
                    returnTo={`closure-delete-${c.id}`}
                  />
                ) : (
                  <button type="button" id={`closure-delete-${c.id}`} onClick={() => store.closureActions.askDelete(c.id)} aria-label={s.deleteClosure({ days })}>
                    {s.deleteShort}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <SaveStatus saver={store.deleteSaver} />
      <h3>{s.closureAddHeading}</h3>
      <form ref={form} class="admin-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div class="admin-row">
          <Input id={closureFieldId("firstDay")} type="date" label={s.firstDayLabel} errors={errors} value={d.firstDay} onValue={(v) => set("firstDay", v)} />
          <Input id={closureFieldId("lastDay")} type="date" label={s.lastDayLabel} hint={s.lastDayHint} errors={errors} value={d.lastDay} onValue={(v) => set("lastDay", v)} />
        </div>
        <Input id={closureFieldId("reasonDe")} lang="de" label={s.reasonDeLabel} hint={s.reasonDeHint} errors={errors} value={d.reasonDe} maxLength={200} onValue={(v) => set("reasonDe", v)} />
        <Input id={closureFieldId("reasonEn")} lang="en" label={s.reasonEnLabel} hint={s.reasonEnHint} errors={errors} value={d.reasonEn} maxLength={200} onValue={(v) => set("reasonEn", v)} />
        <MoreLanguages field="reason" draft={d} idOf={closureFieldId} set={set} errors={errors} maxLength={200} />
        <div class="actions">
          <SaveButton saver={store.closureSaver} label={s.addClosure} />
        </div>
        {!store.closureFlow.asking.value && <SaveStatus saver={store.closureSaver} savedText={null} />}
        <AffectedOutcome flow={store.closureFlow} timeZone={settings.timezone} savedText={s.closureSaved} />
      </form>
      <AffectedDialog flow={store.closureFlow} saver={store.closureSaver} kind="closure" timeZone={settings.timezone} onDecide={store.closureActions.decide} />
    </>
  );
}
