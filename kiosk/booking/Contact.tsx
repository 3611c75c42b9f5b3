import { telHref } from "../shared/format";
import type { ComponentProps } from "preact";
import { ContactFields, type ConsentBox } from "../shared/Forms";
import { t } from "../shared/i18n/flow";
import { phone, retentionDays } from "../shared/office";
import { Chosen, ReviewList } from "../shared/Summary";
import { BackButton, CheckField, ErrorSummary, StepHeading, TextField, type SummaryEntry } from "../shared/ui";
import { NOTE_MAX, type DetailsField, type Failure } from "../shared/booking-rules";
import { SecurityCheck } from "./SecurityCheck";
import { back, flow, goTo } from "./state";
import { stepCount } from "./steps";

const DETAIL_FIELDS: readonly DetailsField[] = ["name", "email", "phone", "note", "consent"];

/** Step 4, "Ihre Kontaktdaten": name, e-mail, phone and note, consent; errors next to each field. */
export function DetailsStep() {
  const s = t.value;
  const d = flow.details.value;
  const errors = flow.detailsErrors.value;
  const message = (field: DetailsField) => (errors[field] ? s.fieldErrors[errors[field]] : undefined);
  const entries: SummaryEntry[] = DETAIL_FIELDS.filter((f) => errors[f]).map((f) => ({ id: `f-${f}`, message: message(f)! }));
  return (
    <section class="step" aria-labelledby="step-heading">
      <BackButton onClick={back} />
      <StepHeading count={stepCount("details")}>{s.detailsHeading}</StepHeading>
      <Chosen topic={flow.chosenTopic.value} slot={flow.slot.value} />
      <p>{s.detailsHint}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          flow.confirmDetails();
        }}
      >
        <ErrorSummary entries={entries} attempt={flow.attempts.value} />
        <ContactFields prefix="f" values={d} onValue={flow.setDetail} message={message} />
        <TextField
          id="f-note"
          name="note"
          multiline
          label={s.noteLabel}
          hint={s.noteHint}
          optional
          value={d.note}
          onValue={(v) => flow.setDetail("note", v)}
          error={message("note")}
          maxLength={NOTE_MAX}
        />
        <Consent checked={d.consent} onChange={(v) => flow.setDetail("consent", v)} error={message("consent")} id="f-consent" />
        <div class="actions">
          <button type="submit" class="button--primary">
            {s.next}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The consent box with its short privacy text and the link to the whole notice. */
export function Consent({ id, checked, onChange, error, request }: ComponentProps<ConsentBox>) {
  const s = t.value;
  return (
    <div class="consent">
      <p id={`${id}-text`}>
        {(request ? s.requestConsentText : s.consentText)(retentionDays.value)} <a href="#datenschutz">{s.privacyLink}</a>
      </p>
      <CheckField id={id} name="consent" checked={checked} onChange={onChange} describedBy={`${id}-text`} error={error}>
        {s.consentLabel}
      </CheckField>
    </div>
  );
}

/** Step 5, "Stimmt alles?": everything once more, each part with "Ändern"; then the booking is sent. */
export function ReviewStep() {
  const s = t.value;
  return (
    <section class="step" aria-labelledby="step-heading">
      <BackButton onClick={back} />
      <StepHeading count={stepCount("review")}>{s.reviewHeading}</StepHeading>
      <p>{s.reviewHint}</p>
      <ReviewList topic={flow.chosenTopic.value} slot={flow.slot.value!} details={flow.details.value} onChange={goTo} />
      <SecurityCheck />
      <div role="alert" class="alert-region">
        {flow.failure.value && <FailureText failure={flow.failure.value} />}
      </div>
      {flow.failure.value?.kind === "slotGone" ? (
        <div class="actions">
          <button type="button" class="button--primary" onClick={flow.chooseOtherTime}>
            {s.chooseOtherTime}
          </button>
        </div>
      ) : (
        <div class="actions">
          <button
            type="button"
            class="button--primary"
            aria-disabled={flow.sending.value ? "true" : undefined}
            onClick={() => void flow.submitBooking()}
          >
            {s.submitBooking}
          </button>
        </div>
      )}
      <div role="status" class="status">
        {flow.sending.value && <p>{s.sendingBooking}</p>}
      </div>
    </section>
  );
}

/** What went wrong, in words, with the phone number where calling is the way on. */
export function FailureText({ failure: f }: { failure: Failure<string> }) {
  const s = t.value;
  const call = <a dir="ltr" href={telHref(phone.value)}>{phone.value}</a>;
  switch (f.kind) {
    case "slotGone":
      return <p class="alert">{f.reason === "tooSoon" ? s.slotTooSoon : f.reason === "tooFar" ? s.slotTooFar : s.slotGone}</p>;
    case "tooMany":
      return (
        <div class="alert">
          <p>
            {s.tooMany} {call}
          </p>
          <p>{s.tooManyHint}</p>
        </div>
      );
    case "rateLimited":
      return <p class="alert">{s.rateLimited(f.minutes)}</p>;
    case "turnstile":
      return <p class="alert">{s.securityFailed}</p>;
    case "securityWait":
      return <p class="alert">{s.securityWait}</p>;
    case "network":
      return <p class="alert">{s.noAnswer}</p>;
    case "changed":
      return <p class="alert">{s.changedMeanwhile}</p>;
    default:
      return (
        <p class="alert">
          {s.failedWithPhone} {call}
        </p>
      );
  }
}
