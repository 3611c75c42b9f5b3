/* "Räume": the rooms people are called to; rename, reorder, (de)activate, add. */
import { Check, FocusHeading, Input, SaveButton, SaveStatus, useSubmit } from "./parts";
import { roomFieldId, type SettingsStore } from "./settings";
import { adminStrings } from "../i18n/admin";

export function RoomsSection({ store }: { store: SettingsStore }) {
  const s = adminStrings.value;
  const settings = store.settings.data.value;
  const d = store.room.value;
  if (!settings) return null;
  return (
    <>
      <p>{s.roomsIntro}</p>
      {settings.rooms.length === 0 ? (
        <p>{s.noRooms}</p>
      ) : (
        <ul class="admin-list" role="list">
          {settings.rooms.map((r) => (
            <li key={r.id}>
              <p>
                <strong>{r.name}</strong> <span class="admin-muted">({r.active ? s.active : s.inactive})</span>
              </p>
              <button type="button" id={`room-edit-${r.id}`} aria-label={s.editRoom({ name: r.name })} onClick={() => store.roomActions.edit(r)}>
                {s.edit}
              </button>
            </li>
          ))}
        </ul>
      )}
      {d ? (
        <RoomForm store={store} />
      ) : (
        <div class="actions">
          <button type="button" id="room-new" onClick={() => store.roomActions.edit(null)}>
            + {s.newRoom}
          </button>
        </div>
      )}
      {/* Outside the form, so "Gespeichert" is still said when the form closes after saving. */}
      <SaveStatus saver={store.roomSaver} />
    </>
  );
}

function RoomForm({ store }: { store: SettingsStore }) {
  const s = adminStrings.value;
  const d = store.room.value!;
  const errors = store.roomSaver.fieldErrors.value;
  const { form, submit } = useSubmit(store.roomActions.save, () => document.getElementById("admin-section-heading"));
  const close = () => {
    const id = d.id === null ? "room-new" : `room-edit-${d.id}`;
    store.roomActions.close();
    setTimeout(() => document.getElementById(id)?.focus(), 0);
  };
  return (
    <form ref={form} class="admin-form admin-editor" noValidate aria-labelledby="room-form-heading" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <FocusHeading id="room-form-heading">{d.id === null ? s.newRoom : s.editRoom({ name: d.name })}</FocusHeading>
      <div class="admin-row">
        <Input id={roomFieldId("name")} label={s.roomNameLabel} hint={s.roomNameHint} errors={errors} value={d.name} maxLength={60} onValue={(v) => store.roomActions.set("name", v)} />
        <Input id={roomFieldId("sort")} type="number" label={s.sortLabel} hint={s.sortHint} errors={errors} value={d.sort} onValue={(v) => store.roomActions.set("sort", v)} />
      </div>
      <Check id="room-active" label={s.roomActiveLabel} checked={d.active} onChange={(v) => store.roomActions.set("active", v)} />
      <div class="actions">
        <SaveButton saver={store.roomSaver} label={s.saveRoom} />
        <button type="button" onClick={close}>
          {s.cancel}
        </button>
      </div>
    </form>
  );
}
