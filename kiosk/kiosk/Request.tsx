import { contactTexts } from "../shared/i18n/contact";
import { RequestFields } from "../shared/Forms";
import { t } from "../shared/i18n/flow";
import { DoneMark } from "../shared/ui";
import { flow } from "./book";
import { KioskConsent, KioskFailure } from "./Book";
import { BackButton, ScreenHeading } from "./parts";
import { k, resetSession } from "./state";

/** "Termin nach Vereinbarung anfragen": topic, days, times of day, a wish, contact, consent. */
export function RequestScreen() {
  const s = t.value;
  return (
    <section class="screen screen--form" aria-labelledby="screen-heading">
      <BackButton />
      <ScreenHeading>{s.requestHeading}</ScreenHeading>
      <p>{s.requestIntro}</p>
      <form
        noValidate
        autoComplete="off"
        onSubmit={(e) => {
          e.preventDefault();
          void flow.submitRequest();
        }}
      >
        <RequestFields store={flow} Consent={KioskConsent} tablet />
        <div role="alert" class="alert-region">
          {flow.requestFailed.value && <KioskFailure failure={flow.requestFailed.value} />}
        </div>
        <div class="actions">
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
    <section class="screen screen--form" aria-labelledby="screen-heading">
      <ScreenHeading>
        <DoneMark />
        {s.requestDoneHeading}
      </ScreenHeading>
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
      <div class="actions">
        <button type="button" class="button--primary button--big" onClick={resetSession}>
          {k.value.done}
        </button>
      </div>
    </section>
  );
}
