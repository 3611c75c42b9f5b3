/* "Protokoll": audit events, newest first (the API's order). */
import type { AuditList } from "../../../schemas/staff-settings";
import { locale } from "../../shared/locale";
import { detailText, when } from "./view";
import type { createLoader } from "./form";
import { Loading } from "./parts";
import { adminStrings } from "../i18n/admin";

export type AuditLoader = ReturnType<typeof createLoader<AuditList>>;

export function AuditSection({ audit, timeZone }: { audit: AuditLoader; timeZone: string }) {
  const s = adminStrings.value;
  const data = audit.data.value;
  return (
    <>
      <p>{s.auditIntro}</p>
      <div class="actions">
        <button type="button" onClick={() => void audit.reload()}>
          {s.reload}
        </button>
      </div>
      {!data ? (
        <Loading failure={audit.failure.value} onRetry={() => void audit.reload()} />
      ) : data.events.length === 0 ? (
        <p>{s.noAudit}</p>
      ) : (
        <table class="admin-table admin-table--compact">
          <thead>
            <tr>
              <th scope="col">{s.auditColumns.at}</th>
              <th scope="col">{s.auditColumns.who}</th>
              <th scope="col">{s.auditColumns.what}</th>
              <th scope="col">{s.auditColumns.subject}</th>
              <th scope="col">{s.auditColumns.detail}</th>
            </tr>
          </thead>
          <tbody>
            {data.events.map((e) => (
              <tr key={e.id}>
                <td>{when(e.at, timeZone, locale.value)}</td>
                <td>{e.actor.name ?? s.actors[e.actor.kind]}</td>
                <td>{s.actions[e.action] ?? <code>{e.action}</code>}</td>
                <td>{[e.subject.kind, e.subject.id].filter(Boolean).join(" ")}</td>
                <td class="admin-detail">{detailText(e.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
