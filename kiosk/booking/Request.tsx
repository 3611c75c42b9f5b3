import { RequestFields } from "../shared/Forms";
import { t } from "../shared/i18n/flow";
import { BackButton, StepHeading } from "../shared/ui";
import { Consent, FailureText } from "./Contact";
import { SecurityCheck } from "./SecurityCheck";
import { back, flow } from "./state";

/** "Termin nach Vereinbarung anfragen": topic, days, times of day, a wish, contact, consent. */
export function RequestStep() {
  const s = t.value;
  return (
    <section class="step" aria-labelledby="step-heading">
      <BackButton onClick={back} />
      <StepHeading>{s.requestHeading}</StepHeading>
      <p>{s.requestIntro}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void flow.submitRequest();
        }}
      >
        <RequestFields store={flow} Consent={Consent} />
        <SecurityCheck />
        <div role="alert" class="alert-region">
          {flow.requestFailed.value && <FailureText failure={flow.requestFailed.value} />}
        </div>
        <div class="actions">
          <button type="submit" class="button--primary" aria-disabled={flow.sending.value ? "true" : undefined}>
            {s.sendRequest}
          </button>
        </div>
        <div role="status" class="status">
          {flow.sending.value && <p>{s.sendingRequest}</p>}
        </div>
      </form>
    </section>
  );
}
