/* "Öffnungszeiten": per weekday zero or more spans, and the day they apply from. */
import { formatDate, weekdayName } from "../../shared/format";
import { locale } from "../../shared/locale";
import { plannedChanges, spanFieldId, spansOf, VALID_FROM_ID } from "./hours";
import { AffectedDialog, AffectedOutcome } from "./AffectedDialog";
import { Input, SaveButton, SaveStatus, TimeInput, useSubmit } from "./parts";
import type { SettingsStore } from "./settings";
import { adminStrings } from "../i18n/admin";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

export function HoursSection({ store }: { store: SettingsStore }) {
  const s = adminStrings.value;
  const draft = store.hours.value;
  const settings = store.settings.data.value;
  const errors = store.hoursSaver.fieldErrors.value;
  const { form, submit } = useSubmit(store.hoursActions.save);
  if (!draft || !settings) return null;
  const planned = plannedChanges(settings.openingRules, settings.today);
  // Keyboard users land in the new span's first field, or on "add" after removing one.
  const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);
  const add = (weekday: number) => {
    store.hoursActions.add(weekday);
    const last = store.hours.value && spansOf(store.hours.value, weekday).at(-1);
    if (last) focusLater(spanFieldId(last.key, "opens"));
  };
  const remove = (weekday: number, key: number) => {
    store.hoursActions.remove(key);
    focusLater(`hours-add-${weekday}`);
  };
  return (
    <form ref={form} class="admin-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <p>{s.hoursIntro}</p>
      {planned.length > 0 && (
        <p class="notice">{s.plannedChanges({ days: planned.map((d) => formatDate(d, locale.value)).join(", ") })}</p>
      )}
      <Input id={VALID_FROM_ID} type="date" label={s.validFromLabel} hint={s.validFromHint} errors={errors} value={draft.validFrom} onValue={store.hoursActions.setValidFrom} class="admin-field--short" />
      {WEEKDAYS.map((weekday) => {
        const day = weekdayName(weekday, locale.value);
        const spans = spansOf(draft, weekday);
        return (
          <fieldset key={weekday} class="admin-day">
            <legend>{day}</legend>
            {spans.length === 0 && <p class="admin-muted">{s.closedDay}</p>}
            {spans.map((span, i) => (
              <div key={span.key} class="admin-span">
                {(["opens", "closes"] as const).map((field) => (
                  <TimeInput
                    key={field}
                    id={spanFieldId(span.key, field)}
                    label={field === "opens" ? s.opensLabel : s.closesLabel}
                    ariaLabel={`${field === "opens" ? s.opensLabel : s.closesLabel} (${s.spanLabel({ weekday: day, n: i + 1 })})`}
                    errors={errors}
                    value={span[field]}
                    onValue={(v) => store.hoursActions.set(span.key, field, v)}
                  />
                ))}
                <button type="button" class="admin-remove" onClick={() => remove(weekday, span.key)} aria-label={s.removeSpan({ weekday: day, n: i + 1 })}>
                  {s.remove}
                </button>
              </div>
            ))}
            <button type="button" id={`hours-add-${weekday}`} class="button--quiet" onClick={() => add(weekday)}>
              + {s.addSpan({ weekday: day })}
            </button>
          </fieldset>
        );
      })}
      <div class="actions">
        <SaveButton saver={store.hoursSaver} label={s.saveHours} />
      </div>
      {!store.hoursFlow.asking.value && <SaveStatus saver={store.hoursSaver} savedText={null} />}
      <AffectedOutcome flow={store.hoursFlow} timeZone={settings.timezone} savedText={s.saved} />
      <AffectedDialog flow={store.hoursFlow} saver={store.hoursSaver} kind="hours" timeZone={settings.timezone} onDecide={store.hoursActions.decide} />
    </form>
  );
}
