/*
 * "Sondertermine": one-day extra opening hours (a Saturday, an evening for businesses), listed with
 * "Löschen", and a form for a new one. Removing one whose hours hold appointments asks first
 * (AffectedDialog), as a change of the weekly hours does.
 */
import { formatDate, formatHours } from "../../shared/format";
import { locale, pick } from "../../shared/locale";
import { AffectedDialog, AffectedOutcome } from "./AffectedDialog";
import { alsoIn, MoreLanguages } from "./MoreLanguages";
import { Confirm, Input, SaveButton, SaveStatus, TimeInput, useSubmit } from "./parts";
import { extraFieldId, type SettingsStore } from "./settings";
import { adminStrings } from "../i18n/admin";

export function ExtraHoursSection({ store }: { store: SettingsStore }) {
  const s = adminStrings.value;
  const x = s.extra;
  const loc = locale.value;
  const settings = store.settings.data.value;
  const d = store.extra.value;
  const errors = store.extraSaver.fieldErrors.value;
  const asking = store.confirmDeleteExtra.value;
  const { form, submit } = useSubmit(store.extraActions.add);
  if (!settings) return null;
  const set = store.extraActions.set;
  return (
    <>
      <p>{x.intro}</p>
      <h3>{x.listHeading}</h3>
      {settings.extraHours.length === 0 ? (
        <p>{x.none}</p>
      ) : (
        <ul class="admin-list" role="list">
          {settings.extraHours.map((e) => {
            const what = x.what({ day: formatDate(e.day, loc), hours: formatHours(e.opens, e.closes, loc) });
            const note = pick(e.note, loc);
            return (
              <li key={e.id}>
                <p>
                  <strong>{what}</strong>
                  {e.day < settings.today && <span class="admin-muted"> ({s.past})</span>}
                  {e.overruledBy && <span class="admin-muted"> ({x.overruled[e.overruledBy]})</span>}
                  {note && (
                    <>
                      <br />
                      {note}
                      {alsoIn(e.note) && <span class="admin-muted"> ({alsoIn(e.note)})</span>}
                    </>
                  )}
                </p>
                {asking === e.id && !store.extraDeleteFlow.asking.value ? (
                  <Confirm
                    question={x.deleteQuestion({ what })}
                    yes={s.deleteYes}
                    busy={store.extraDeleteSaver.saving.value}
                    onYes={store.extraActions.confirmDelete}
                    onNo={store.extraActions.cancelDelete}
                    returnTo={`extra-delete-${e.id}`}
                  />
                ) : (
                  <button type="button" id={`extra-delete-${e.id}`} onClick={() => store.extraActions.askDelete(e.id)} aria-label={x.deleteLabel({ what })}>
                    {s.deleteShort}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!store.extraDeleteFlow.asking.value && <SaveStatus saver={store.extraDeleteSaver} savedText={null} />}
      <AffectedOutcome flow={store.extraDeleteFlow} timeZone={settings.timezone} savedText={x.deleted} />
      <AffectedDialog
        flow={store.extraDeleteFlow}
        saver={store.extraDeleteSaver}
        kind="extra"
        timeZone={settings.timezone}
        onDecide={store.extraActions.decide}
      />
      <h3>{x.addHeading}</h3>
      <form ref={form} class="admin-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div class="admin-row">
          <Input id={extraFieldId("day")} type="date" label={x.dayLabel} errors={errors} value={d.day} onValue={(v) => set("day", v)} />
          {(["opens", "closes"] as const).map((field) => (
            <TimeInput
              key={field}
              id={extraFieldId(field)}
              label={field === "opens" ? s.opensLabel : s.closesLabel}
              errors={errors}
              value={d[field]}
              onValue={(v) => set(field, v)}
            />
          ))}
        </div>
        <Input id={extraFieldId("noteDe")} lang="de" label={x.noteDeLabel} hint={x.noteDeHint} errors={errors} value={d.noteDe} maxLength={200} onValue={(v) => set("noteDe", v)} />
        <Input id={extraFieldId("noteEn")} lang="en" label={x.noteEnLabel} hint={x.noteEnHint} errors={errors} value={d.noteEn} maxLength={200} onValue={(v) => set("noteEn", v)} />
        <MoreLanguages field="note" draft={d} idOf={extraFieldId} set={set} errors={errors} maxLength={200} />
        <div class="actions">
          <SaveButton saver={store.extraSaver} label={x.add} />
        </div>
        <SaveStatus saver={store.extraSaver} savedText={x.added} />
      </form>
    </>
  );
}
