import { Footer } from "../shared/Footer";
import { Masthead } from "../shared/Masthead";
import { t } from "../shared/i18n/flow";
import { office } from "../shared/office";
import { catalogsReady } from "../shared/locale";
import { lazy, whenIdle } from "../shared/lazy";
import { SkipLink } from "../shared/SkipLink";
import { StepFallback } from "../shared/ui";
import { DayStep, TimeStep, TopicStep } from "./Choose";
import { privacyOpen, step, visit } from "./state";
import { OfficeWords } from "../shared/Localized";

// The chunk's own catalog (shared/i18n/contact) in the page's language before its steps show.
const later = () => import("./later").then(async (m) => (await catalogsReady(), m));
const DetailsStep = lazy(later, (m) => m.DetailsStep, StepFallback);
const ReviewStep = lazy(later, (m) => m.ReviewStep, StepFallback);
const DoneStep = lazy(later, (m) => m.DoneStep, StepFallback);
const RequestDoneStep = lazy(later, (m) => m.RequestDoneStep, StepFallback);
const RequestStep = lazy(later, (m) => m.RequestStep, StepFallback);
const Privacy = lazy(later, (m) => m.Privacy, StepFallback);

/** Fetches the later steps once the first one shows and the page is idle. */
export function preloadLaterSteps(): void {
  whenIdle(() => [DetailsStep, ReviewStep, DoneStep, RequestDoneStep, RequestStep, Privacy].forEach((c) => c.preload()));
}

/** The booking page: one step at a time, from the topic to the confirmation. */
export function App() {
  const s = t.value;
  const o = office.value;
  return (
    <>
      <SkipLink />
      <Masthead />
      <main id="main" tabIndex={-1} class="page page--flow">
        <h1>{s.title}</h1>
        {o && step.value === "topic" && !privacyOpen.value && <p class="lead"><OfficeWords>{o.name}</OfficeWords></p>}
        {privacyOpen.value ? <Privacy /> : <CurrentStep key={visit.value} />}
      </main>
      <Footer />
    </>
  );
}

function CurrentStep() {
  switch (step.value) {
    case "topic":
      return <TopicStep />;
    case "day":
      return <DayStep />;
    case "time":
      return <TimeStep />;
    case "details":
      return <DetailsStep />;
    case "review":
      return <ReviewStep />;
    case "done":
      return <DoneStep />;
    case "request":
      return <RequestStep />;
    case "requestDone":
      return <RequestDoneStep />;
  }
}
