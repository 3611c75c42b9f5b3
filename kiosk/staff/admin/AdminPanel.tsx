/*
 * "Verwaltung": the admin sections, one at a time behind a list of section buttons (desktop first, so
 * the list stays beside the form). Staff without the admin role get a short note instead: the routes
 * behind these sections answer them 403 anyway.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import { adminApi } from "./api";
import { AuditSection } from "./AuditSection";
import { ClosuresSection } from "./ClosuresSection";
import { createDevicesStore } from "./devices";
import { DevicesSection } from "./DevicesSection";
import { createDataSubjectsStore, dataSubjectsApi } from "./data-subjects";
import { DataSubjectsSection } from "./DataSubjectsSection";
import { ExtraHoursSection } from "./ExtraHoursSection";
import { createLoader } from "./form";
import { HoursSection } from "./HoursSection";
import { Loading, SectionHeading } from "./parts";
import { RoomsSection } from "./RoomsSection";
import { OfficeSection, RulesSection } from "./RulesSection";
import { createSettingsStore } from "./settings";
import { adminStrings, type AdminSection } from "./strings";
import { createTeamStore } from "./team";
import { TeamSection } from "./TeamSection";
import { TopicsSection } from "./TopicsSection";

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
