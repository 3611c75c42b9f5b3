/*
 * The sections besides "Heute": passkeys (kiosk/staff/auth/) and the panels of kiosk/staff/admin/
 * (outbox, calendar feed, settings). Each gets the page's h1 here; the panels start at h2.
 */
import type { FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Me } from "../../schemas/auth";
import { AdminPanel, CalendarFeedPanel, OutboxPanel } from "./admin";
import { Loading } from "./admin/parts";
import { PasskeyPanel } from "./auth/PasskeyPanel";
import type { StaffView } from "./board";
import { s } from "./strings";

export function Panel({ view, me }: { view: Exclude<StaffView, "today">; me: Me }) {
  const t = s.value;
  const office = me.office.slug;
  return (
    <>
      <h1 id="panel-heading" class="panel-heading">
        {t.views[view]}
      </h1>
      {view === "stats" ? (
        <LazyStats office={office} />
      ) : view === "outbox" ? (
        <OutboxPanel office={office} />
      ) : view === "feed" ? (
        <CalendarFeedPanel office={office} />
      ) : view === "admin" ? (
        <AdminPanel office={office} role={me.staff.role} />
      ) : (
        <PasskeyPanel office={office} />
      )}
    </>
  );
}

/** The statistics section comes as a chunk of its own, fetched when it first opens. */
function LazyStats({ office }: { office: string }) {
  const [panel, setPanel] = useState<{ C: FunctionComponent<{ office: string }> } | null>(null);
  const [failed, setFailed] = useState(false);
  const load = () => {
    setFailed(false);
    import("./stats").then(
      (m) => setPanel({ C: m.StatsPanel }),
      () => setFailed(true),
    );
  };
  useEffect(load, []);
  return panel ? <panel.C office={office} /> : <Loading failure={failed ? "network" : null} onRetry={load} />;
}
