/*
 * "Verwaltung": the admin sections, one at a time behind a list of section buttons (desktop first, so
 * the list stays beside the form). Staff without the admin role get a short note instead: the routes
 * behind these sections answer them 403 anyway. Each section is a chunk of its own, fetched when it is
 * first chosen (kiosk/shared/lazy.tsx); this panel keeps the stores, so a section's data outlives it.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import { lazy, type LazyFallbackProps } from "../../shared/lazy";
import { adminApi } from "./api";
import { createDevicesStore } from "./devices";
import { createDataSubjectsStore, dataSubjectsApi } from "./data-subjects";
import { createLoader } from "./form";
import { Loading, SectionHeading } from "./parts";
import { createSettingsStore } from "./settings";
import { adminStrings } from "../i18n/admin";
import type { AdminSection } from "./sections";
import { createTeamStore } from "./team";

function SectionFallback({ failed, retry }: LazyFallbackProps) {
  return <Loading failure={failed ? "network" : null} onRetry={retry} />;
}

const HoursSection = lazy(() => import("./HoursSection"), (m) => m.HoursSection, SectionFallback);
const ClosuresSection = lazy(() => import("./ClosuresSection"), (m) => m.ClosuresSection, SectionFallback);
const ExtraHoursSection = lazy(() => import("./ExtraHoursSection"), (m) => m.ExtraHoursSection, SectionFallback);
const RulesSection = lazy(() => import("./RulesSection"), (m) => m.RulesSection, SectionFallback);
const OfficeSection = lazy(() => import("./RulesSection"), (m) => m.OfficeSection, SectionFallback);
const TopicsSection = lazy(() => import("./TopicsSection"), (m) => m.TopicsSection, SectionFallback);
const RoomsSection = lazy(() => import("./RoomsSection"), (m) => m.RoomsSection, SectionFallback);
const DevicesSection = lazy(() => import("./DevicesSection"), (m) => m.DevicesSection, SectionFallback);
const TeamSection = lazy(() => import("./TeamSection"), (m) => m.TeamSection, SectionFallback);
const AuditSection = lazy(() => import("./AuditSection"), (m) => m.AuditSection, SectionFallback);
const DataSubjectsSection = lazy(() => import("./DataSubjectsSection"), (m) => m.DataSubjectsSection, SectionFallback);

const SECTIONS: readonly AdminSection[] = ["hours", "closures", "extraHours", "rules", "office", "topics", "rooms", "devices", "team", "audit", "dataSubjects"];
/** Sections fed by `GET settings`; the others load their own list when opened. */
const FROM_SETTINGS: ReadonlySet<AdminSection> = new Set(["hours", "closures", "extraHours", "rules", "office", "topics", "rooms"]);

export function AdminPanel({ office, role }: { office: string; role: "staff" | "admin" }) {
  if (role !== "admin") {
    return (
      <p class="notice" role="note">
        {adminStrings.value.adminOnly}
      </p>
    );
  }
  return <AdminSections key={office} office={office} />;
}

function AdminSections({ office }: { office: string }) {
  const s = adminStrings.value;
  const stores = useMemo(() => {
    const api = adminApi(office);
    return {
      settings: createSettingsStore(api),
      devices: createDevicesStore(api),
      team: createTeamStore(api),
      audit: createLoader(() => api.audit(100)),
      dataSubjects: createDataSubjectsStore(dataSubjectsApi(office)),
    };
  }, [office]);
  const [section, setSection] = useState<AdminSection>("hours");
  /** The heading takes the focus only after a section was chosen, not when the panel first shows. */
  const [chosen, setChosen] = useState(0);

  useEffect(() => {
    void stores.settings.load();
  }, [stores]);
  useEffect(() => {
    if (section === "devices") void stores.devices.load();
    if (section === "team") void stores.team.load();
    if (section === "audit") void stores.audit.reload();
  }, [section, stores]);

  const settings = stores.settings.settings;
  const timeZone = settings.data.value?.timezone ?? "Europe/Berlin";
  const choose = (next: AdminSection) => {
    setSection(next);
    setChosen((n) => n + 1);
  };

  let body;
  if (FROM_SETTINGS.has(section) && !settings.data.value) {
    body = <Loading failure={settings.failure.value} onRetry={() => void stores.settings.load()} />;
  } else {
    switch (section) {
      case "hours":
        body = <HoursSection store={stores.settings} />;
        break;
      case "closures":
        body = <ClosuresSection store={stores.settings} />;
        break;
      case "extraHours":
        body = <ExtraHoursSection store={stores.settings} />;
        break;
      case "rules":
        body = <RulesSection store={stores.settings} />;
        break;
      case "office":
        body = <OfficeSection store={stores.settings} />;
        break;
      case "topics":
        body = <TopicsSection store={stores.settings} />;
        break;
      case "rooms":
        body = <RoomsSection store={stores.settings} />;
        break;
      case "devices":
        body = <DevicesSection store={stores.devices} timeZone={timeZone} />;
        break;
      case "team":
        body = <TeamSection store={stores.team} />;
        break;
      case "audit":
        body = <AuditSection audit={stores.audit} timeZone={timeZone} />;
        break;
      case "dataSubjects":
        body = <DataSubjectsSection store={stores.dataSubjects} timeZone={timeZone} />;
        break;
    }
  }

  return (
    <div class="admin">
      <nav class="admin-nav" aria-label={s.sectionsLabel}>
        <ul role="list">
          {SECTIONS.map((sec) => (
            <li key={sec}>
              <button type="button" aria-current={section === sec ? "true" : undefined} onClick={() => choose(sec)}>
                {s.sections[sec]}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <section class="admin-section" aria-labelledby="admin-section-heading">
        <SectionHeading key={`${section}-${chosen}`} id="admin-section-heading" focus={chosen > 0}>
          {s.sections[section]}
        </SectionHeading>
        {body}
      </section>
    </div>
  );
}
