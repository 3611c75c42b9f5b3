import { Footer } from "./Footer";
import { Masthead } from "./Masthead";
import { Schedule } from "./Schedule";
import { office, t } from "./state";
import { TopicChoice } from "./TopicChoice";

/** The booking page: what the office offers and when it has time. */
export function App() {
  const s = t.value;
  const o = office.value;
  return (
    <>
      <a class="skip-link" href="#main">
        {s.skipToContent}
      </a>
      <Masthead />
      <main id="main" tabIndex={-1} class="page">
        <h1>{s.title}</h1>
        {o && <p class="lead">{o.name}</p>}
        <p>{s.intro}</p>
        <TopicChoice />
        <Schedule />
      </main>
      <Footer />
    </>
  );
}
