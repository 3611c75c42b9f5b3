/* "Team": staff accounts; add (a sign-in link is mailed), send a new link, deactivate after a question. */
import type { StaffRole } from "../../../schemas/auth";
import { Confirm, Input, Loading, SaveButton, SaveStatus, Select, useSubmit } from "./parts";
import { memberFieldId, type TeamStore } from "./team";
import { adminStrings } from "../i18n/admin";

const ROLES: readonly StaffRole[] = ["staff", "admin"];

export function TeamSection({ store }: { store: TeamStore }) {
  const s = adminStrings.value;
  const data = store.list.data.value;
  const d = store.draft.value;
  const errors = store.saver.fieldErrors.value;
  const notice = store.notice.value;
  const asking = store.confirmDeactivate.value;
  const busy = store.actionSaver.saving.value;
  const { form, submit } = useSubmit(store.add);
  return (
    <>
      <p>{s.teamIntro}</p>
      <p role="status" class="admin-saved">
        {notice ? <span>✓ {s.teamNotices[notice.kind]({ name: notice.name })}</span> : null}
      </p>
      <h3>{s.teamListHeading}</h3>
      {!data ? (
        <Loading failure={store.list.failure.value} onRetry={() => void store.load()} />
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{s.teamColumns.name}</th>
              <th scope="col">{s.teamColumns.email}</th>
              <th scope="col">{s.teamColumns.role}</th>
              <th scope="col">{s.teamColumns.passkeys}</th>
              <th scope="col">{s.teamColumns.state}</th>
              <th scope="col">{s.teamColumns.actions}</th>
            </tr>
          </thead>
          <tbody>
            {data.staff.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.name}</th>
                <td>{m.email}</td>
                <td>{s.roles[m.role]}</td>
                <td>{m.passkeys}</td>
                <td>{m.active ? s.active : s.inactive}</td>
                <td>
                  {asking === m.id ? (
                    <Confirm
                      question={s.deactivateQuestion({ name: m.name })}
                      yes={s.deactivateYes}
                      busy={busy}
                      onYes={store.deactivate}
                      onNo={store.cancelDeactivate}
                      returnTo={`member-deactivate-${m.id}`}
                    />
                  ) : (
                    <div class="admin-buttons">
                      <button type="button" aria-label={s.sendLinkFor({ name: m.name })} onClick={() => !busy && void store.sendLink(m.id)}>
                        {s.sendLink}
                      </button>
                      {m.active && (
                        <button type="button" id={`member-deactivate-${m.id}`} aria-label={s.deactivateFor({ name: m.name })} onClick={() => store.askDeactivate(m.id)}>
                          {s.deactivate}
                        </button>
                      )}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SaveStatus saver={store.actionSaver} savedText={null} />
      <h3>{s.memberAddHeading}</h3>
      <form ref={form} class="admin-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div class="admin-row">
          <Input id={memberFieldId("name")} label={s.memberNameLabel} errors={errors} value={d.name} maxLength={100} autoComplete="off" onValue={(v) => store.set("name", v)} />
          <Input id={memberFieldId("email")} type="email" label={s.memberEmailLabel} hint={s.memberEmailHint} errors={errors} value={d.email} maxLength={254} onValue={(v) => store.set("email", v)} />
          <Select id={memberFieldId("role")} label={s.memberRoleLabel} hint={s.memberRoleHint} errors={errors} value={d.role} options={ROLES.map((r) => [r, s.roles[r]] as const)} onValue={(v) => store.set("role", v)} />
        </div>
        <div class="actions">
          <SaveButton saver={store.saver} label={s.addMember} />
        </div>
        <SaveStatus saver={store.saver} savedText={null} />
      </form>
    </>
  );
}
