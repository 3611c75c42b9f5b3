/*
 * The sections besides the day: the week (kiosk/staff/week/), statistics, passkeys (kiosk/staff/auth/) and
 * the panels of kiosk/staff/admin/ (outbox, calendar feed, settings). Each gets the page's h1 here; the
 * panels start at h2.
 */
import type { FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Me } from "../../schemas/auth";
import { AdminPanel, CalendarFeedPanel, OutboxPanel } from "./admin";
import { Loading } from "./admin/parts";
import { PasskeyPanel } from "./auth/PasskeyPanel";
import type { StaffView } from "./board";
import { s } from "./strings";

export function Panel({ view, me }: { view: Exclude<StaffView, "appointments">; me: Me }) {
  const t = s.value;
  const office = me.office.slug;
  return (
    <>
      <h1 id="panel-heading" class="panel-heading">
        {t.views[view]}
      </h1>
      {view === "stats" ? (
        <LazyPanel key="stats" office={office} load={() => import("./stats").then((m) => m.StatsPanel)} />
      ) : view === "week" ? (
        <LazyPanel key="week" office={office} load={() => import("./week").then((m) => m.WeekPanel)} />
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

/** A section that comes as a chunk of its own (statistics, the week), fetched when it first opens. */
function LazyPanel({ office, load }: { office: string; load: () => Promise<FunctionComponent<{ office: string }>> }) {
  const [panel, setPanel] = useState<{ C: FunctionComponent<{ office: string }> } | null>(null);
  const [failed, setFailed] = useState(false);
  const fetchPanel = () => {
    setFailed(false);
    load().then(
      (C) => setPanel({ C }),
      () => setFailed(true),
    );
  };
  useEffect(fetchPanel, []);
  return panel ? <panel.C office={office} /> : <Loading failure={failed ? "network" : null} onRetry={fetchPanel} />;
}
