/*
 * The sections besides the day: the week (kiosk/staff/week/), statistics (kiosk/staff/stats/), passkeys
 * (kiosk/staff/auth/) and the panels of kiosk/staff/admin/ (outbox, calendar feed, settings). Each gets the
 * page's h1 here; the panels start at h2. None is needed for the board's first paint, so each is a chunk
 * fetched when its section first opens (kiosk/shared/lazy.tsx); the admin panels share one chunk with
 * their strings.
 */
import type { Me } from "../../schemas/auth";
import { lazy } from "../shared/lazy";
import { withWords } from "./lazy";
import type { StaffView } from "./board";
import { LazyFallback } from "./parts";
import { s } from "./i18n/board";

const WeekPanel = lazy(withWords(() => import("./week")), (m) => m.WeekPanel, LazyFallback);
const StatsPanel = lazy(withWords(() => import("./stats")), (m) => m.StatsPanel, LazyFallback);
const OutboxPanel = lazy(withWords(() => import("./admin")), (m) => m.OutboxPanel, LazyFallback);
const CalendarFeedPanel = lazy(withWords(() => import("./admin")), (m) => m.CalendarFeedPanel, LazyFallback);
const AdminPanel = lazy(withWords(() => import("./admin")), (m) => m.AdminPanel, LazyFallback);
const PasskeyPanel = lazy(withWords(() => import("./auth/PasskeyPanel")), (m) => m.PasskeyPanel, LazyFallback);

export function Panel({ view, me }: { view: Exclude<StaffView, "appointments">; me: Me }) {
  const t = s.value;
  const office = me.office.slug;
  return (
    <>
      <h1 id="panel-heading" class="panel-heading">
        {t.views[view]}
      </h1>
      {view === "stats" ? (
        <StatsPanel office={office} />
      ) : view === "week" ? (
        <WeekPanel office={office} />
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
