import { Footer } from "../shared/Footer";
import { Masthead } from "../shared/Masthead";
import { t } from "../shared/locale";
import { office } from "../shared/office";
import { SkipLink } from "../shared/ui";
import { DayStep, TimeStep, TopicStep } from "./Choose";
import { DetailsStep, ReviewStep } from "./Contact";
import { DoneStep, RequestDoneStep } from "./Done";
import { Privacy } from "./Privacy";
import { RequestStep } from "./Request";
import { privacyOpen, step, visit } from "./state";

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
        {o && step.value === "topic" && !privacyOpen.value && <p class="lead">{o.name}</p>}
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
