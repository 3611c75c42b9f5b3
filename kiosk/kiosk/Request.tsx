import { contactTexts } from "../shared/i18n/contact";
import { RequestFields } from "../shared/Forms";
import { t } from "../shared/i18n/flow";
import { DoneMark } from "../shared/ui";
import { flow } from "./book";
import { KioskConsent, KioskFailure } from "./Book";
import { BackButton, ScreenHeading } from "./parts";
import { k, resetSession } from "./state";
import { ScrollArea } from "./Step";

/**
 * "Termin nach Vereinbarung anfragen": topic, days, times of day, a wish, contact, consent. Longer than
 * any tablet: the fields scroll in their own part, "Anfrage senden" stays on screen below them.
 */
export function RequestScreen() {
  const s = t.value;
  return (
    <section class="screen screen--step screen--request" aria-labelledby="screen-heading">
      <div class="step-head">
        <BackButton />
        <ScreenHeading>{s.requestHeading}</ScreenHeading>
      </div>
      <form
        class="step-form"
        noValidate
        autoComplete="off"
        onSubmit={(e) => {
          e.preventDefault();
          void flow.submitRequest();
        }}
      >
        <ScrollArea class="step-fields">
          <p>{s.requestIntro}</p>
          <RequestFields store={flow} Consent={KioskConsent} tablet />
        </ScrollArea>
        <div role="alert" class="alert-region">
          {flow.requestFailed.value && <KioskFailure failure={flow.requestFailed.value} />}
        </div>
        <div class="actions step-actions">
          <button type="submit" class="button--primary button--big" aria-disabled={flow.sending.value ? "true" : undefined}>
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

/** The request arrived: what happens next. */
export function RequestDoneScreen() {
  const s = t.value;
  const r = flow.requested.value;
  if (!r) return null;
  return (
    <section class="screen screen--step screen--form" aria-labelledby="screen-heading">
      <ScreenHeading>
        <DoneMark />
        {s.requestDoneHeading}
      </ScreenHeading>
      <ScrollArea>
        <p class="lead">{s.requestDoneText}</p>
        {r.email ? (
          <p>
            {s.mailSent} <strong class="email">{r.email}</strong>
          </p>
        ) : (
          <p>
            {contactTexts.value.requestCallBack} <strong><bdi dir="ltr">{r.phone}</bdi></strong>
          </p>
        )}
      </ScrollArea>
      <div class="actions step-actions">
        <button type="button" class="button--primary button--big" onClick={resetSession}>
          {k.value.done}
        </button>
      </div>
    </section>
  );
}
