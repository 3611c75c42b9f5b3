/* "Anliegen": the topics in display order, one at a time edited in a form below the list. */
import type { Audience } from "../../../schemas/location";
import { Icon } from "../../shared/icons";
import { Check, FocusHeading, Input, SaveButton, SaveStatus, Select, useSubmit } from "./parts";
import { alsoIn, MoreLanguages } from "./MoreLanguages";
import { topicFieldId, type SettingsStore } from "./settings";
import { adminStrings } from "../i18n/admin";
import { TOPIC_ICONS } from "./sections";

const AUDIENCES: readonly Audience[] = ["everyone", "residents", "businesses"];

export function TopicsSection({ store }: { store: SettingsStore }) {
  const s = adminStrings.value;
  const settings = store.settings.data.value;
  const draft = store.topic.value;
  if (!settings) return null;
  return (
    <>
      <p>{s.topicsIntro}</p>
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">{s.topicColumns.label}</th>
            <th scope="col">{s.topicColumns.duration}</th>
            <th scope="col">{s.topicColumns.where}</th>
            <th scope="col">{s.topicColumns.state}</th>
            <th scope="col">{s.topicColumns.actions}</th>
          </tr>
        </thead>
        <tbody>
          {settings.topics.map((t) => {
            const where = [t.bookableOnline && s.online, t.walkIn && s.walkIn].filter(Boolean).join(", ") || s.nowhere;
            return (
              <tr key={t.id}>
                <th scope="row">
                  <Icon name={t.icon} class="admin-icon" /> {t.label.de}
                  {t.label.en && <span class="admin-muted" lang="en"> / {t.label.en}</span>}
                  {alsoIn(t.label) && <span class="admin-muted"> ({alsoIn(t.label)})</span>}
                </th>
                <td>{s.minutes(t.durationMinutes)}</td>
                <td>{where}</td>
                <td>{t.active ? s.active : s.inactive}</td>
                <td>
                  <button type="button" id={`topic-edit-${t.id}`} aria-label={s.editTopic({ label: t.label.de })} onClick={() => store.topicActions.edit(t)}>
                    {s.edit}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {draft ? (
        <TopicForm store={store} />
      ) : (
        <div class="actions">
          <button type="button" id="topic-new" onClick={() => store.topicActions.edit(null)}>
            + {s.newTopic}
          </button>
        </div>
      )}
      {/* Outside the form, so "Gespeichert" is still said when the form closes after saving. */}
      <SaveStatus saver={store.topicSaver} />
    </>
  );
}

function TopicForm({ store }: { store: SettingsStore }) {
  const s = adminStrings.value;
  const d = store.topic.value!;
  const errors = store.topicSaver.fieldErrors.value;
  const back = () => document.getElementById(d.id === null ? "topic-new" : `topic-edit-${d.id}`);
  const { form, submit } = useSubmit(store.topicActions.save, () => document.getElementById("admin-section-heading"));
  const set = store.topicActions.set;
  const close = () => {
    const target = back;
    store.topicActions.close();
    setTimeout(() => target()?.focus(), 0);
  };
  return (
    <form ref={form} class="admin-form admin-editor" noValidate aria-labelledby="topic-form-heading" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <FocusHeading id="topic-form-heading">{d.id === null ? s.newTopicHeading : s.editTopic({ label: d.labelDe })}</FocusHeading>
      {d.id === null && (
        <Input id={topicFieldId("key")} label={s.topicKeyLabel} hint={s.topicKeyHint} errors={errors} value={d.key} maxLength={40} onValue={(v) => set("key", v)} />
      )}
      <div class="admin-row">
        <Input id={topicFieldId("labelDe")} lang="de" label={s.labelDeLabel} errors={errors} value={d.labelDe} maxLength={120} onValue={(v) => set("labelDe", v)} />
        <Input id={topicFieldId("labelEn")} lang="en" label={s.labelEnLabel} hint={s.labelEnHint} errors={errors} value={d.labelEn} maxLength={120} onValue={(v) => set("labelEn", v)} />
      </div>
      <MoreLanguages field="label" draft={d} idOf={topicFieldId} set={set} errors={errors} maxLength={120} />
      <div class="admin-row">
        <Input id={topicFieldId("descriptionDe")} lang="de" multiline label={s.descriptionDeLabel} errors={errors} value={d.descriptionDe} maxLength={1000} onValue={(v) => set("descriptionDe", v)} />
        <Input id={topicFieldId("descriptionEn")} lang="en" multiline label={s.descriptionEnLabel} errors={errors} value={d.descriptionEn} maxLength={1000} onValue={(v) => set("descriptionEn", v)} />
      </div>
      <MoreLanguages field="description" draft={d} idOf={topicFieldId} set={set} errors={errors} maxLength={1000} multiline />
      <div class="admin-row">
        <Select id={topicFieldId("audience")} label={s.audienceLabel} errors={errors} value={d.audience} options={AUDIENCES.map((a) => [a, s.audiences[a]] as const)} onValue={(v) => set("audience", v)} />
        <Input id={topicFieldId("durationMinutes")} type="number" min={5} max={480} step={5} label={s.durationLabel} hint={s.durationHint} errors={errors} value={d.durationMinutes} onValue={(v) => set("durationMinutes", v)} />
      </div>
      <div class="admin-row">
        <Select
          id={topicFieldId("icon")}
          label={s.iconLabel}
          errors={errors}
          value={d.icon}
          options={[...new Set<string>([...TOPIC_ICONS, d.icon])].map((i) => [i, s.icons[i] ?? i] as const)}
          onValue={(v) => set("icon", v)}
        />
        <p class="admin-icon-preview" aria-hidden="true">
          <Icon name={d.icon} class="admin-icon admin-icon--large" />
        </p>
        <Input id={topicFieldId("sort")} type="number" label={s.sortLabel} hint={s.sortHint} errors={errors} value={d.sort} onValue={(v) => set("sort", v)} />
      </div>
      <Check id={topicFieldId("bookableOnline")} label={s.bookableOnlineLabel} checked={d.bookableOnline} onChange={(v) => set("bookableOnline", v)} />
      <Check id={topicFieldId("walkIn")} label={s.walkInLabel} checked={d.walkIn} onChange={(v) => set("walkIn", v)} />
      <Check id={topicFieldId("active")} label={s.activeLabel} checked={d.active} onChange={(v) => set("active", v)} />
      <div class="actions">
        <SaveButton saver={store.topicSaver} label={s.saveTopic} />
        <button type="button" onClick={close}>
          {s.cancel}
        </button>
      </div>
    </form>
  );
}
