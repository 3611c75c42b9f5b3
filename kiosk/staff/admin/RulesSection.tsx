/* "Termine & Regeln": the booking rules as number fields with their range; "Büro & Kontakt": name and address. */
import { Input, SaveButton, SaveStatus, useSubmit } from "./parts";
import { BASE_FIELDS, LEGAL_FIELDS, MULTI_LINE, OFFICE_MAX, officeFieldId, RULE_FIELDS, RULE_RANGE, ruleFieldId, type OfficeField } from "./rules";
import type { SettingsStore } from "./settings";
import { adminStrings } from "../i18n/admin";

export function RulesSection({ store }: { store: SettingsStore }) {
  const s = adminStrings.value;
  const draft = store.rules.value;
  const errors = store.rulesSaver.fieldErrors.value;
  const { form, submit } = useSubmit(store.rulesActions.save);
  if (!draft) return null;
  return (
    <form ref={form} class="admin-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <p>{s.rulesIntro}</p>
      <div class="admin-grid">
        {RULE_FIELDS.map((f) => {
          const { label, hint } = s.rules[f];
          const [min, max] = RULE_RANGE[f];
          return (
            <Input
              key={f}
              id={ruleFieldId(f)}
              type="number"
              label={label}
              hint={`${hint} ${s.range({ min, max })}`}
              errors={errors}
              value={draft[f]}
              min={min}
              max={max}
              step={f === "slotMinutes" ? 5 : 1}
              onValue={(v) => store.rulesActions.set(f, v)}
              class="admin-field--short"
            />
          );
        })}
      </div>
      <div class="actions">
        <SaveButton saver={store.rulesSaver} label={s.saveRules} />
      </div>
      <SaveStatus saver={store.rulesSaver} />
    </form>
  );
}

export function OfficeSection({ store }: { store: SettingsStore }) {
  const s = adminStrings.value;
  const draft = store.office.value;
  const errors = store.officeSaver.fieldErrors.value;
  const { form, submit } = useSubmit(store.officeActions.save);
  if (!draft) return null;
  const field = (f: OfficeField, { label, hint }: { label: string; hint: string }) => (
    <Input
      key={f}
      id={officeFieldId(f)}
      type={f === "email" ? "email" : "text"}
      multiline={MULTI_LINE.has(f)}
      label={label}
      hint={hint || undefined}
      errors={errors}
      value={draft[f]}
      maxLength={OFFICE_MAX[f]}
      onValue={(v) => store.officeActions.set(f, v)}
    />
  );
  return (
    <form ref={form} class="admin-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <p>{s.officeIntro}</p>
      {BASE_FIELDS.map((f) => field(f, s.officeFields[f]))}
      <fieldset class="admin-fieldset">
        <legend>{s.legalHeading}</legend>
        <p>{s.legalIntro}</p>
        {LEGAL_FIELDS.map((f) => field(f, s.legalFields[f]))}
      </fieldset>
      <div class="actions">
        <SaveButton saver={store.officeSaver} label={s.saveOffice} />
      </div>
      <SaveStatus saver={store.officeSaver} />
    </form>
  );
}
