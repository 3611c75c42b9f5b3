import type { ComponentChildren } from "preact";
import { formatAddress, formatSlotName, formatWhen, telHref } from "../shared/format";
import { pick } from "../shared/i18n";
import { locale, t } from "../shared/locale";
import { office, phone, retentionDays, timeZone } from "../shared/office";
import { BackButton, CheckField, ErrorSummary, StepHeading, TextField, type SummaryEntry } from "../shared/ui";
import { NOTE_MAX, stepCount, type DetailsField, type Failure } from "./flow";
import { SecurityCheck } from "./SecurityCheck";
import {
  attempts,
  back,
  chooseOtherTime,
  chosenTopic,
  confirmDetails,
  details,
  detailsErrors,
  failure,
  goTo,
  sending,
  setDetail,
  slot,
  submitBooking,
} from "./state";

const DETAIL_FIELDS: readonly DetailsField[] = ["name", "email", "phone", "note", "consent"];

/** What was chosen so far, in one line above the form: "Kompetenzanalyse · Montag, …, 13:30 Uhr". */
function Chosen() {
  const topic = chosenTopic.value;
  const sl = slot.value;
  if (!topic || !sl) return null;
  return (
    <p class="chosen">
      {pick(topic.label, locale.value)} · {formatSlotName(sl.start, timeZone.value, locale.value)}
    </p>
  );
}

/** Step 4, "Ihre Kontaktdaten": name, e-mail, phone and note, consent; errors next to each field. */
export function DetailsStep() {
  const s = t.value;
  const d = details.value;
  const errors = detailsErrors.value;
  const message = (field: DetailsField) => (errors[field] ? s.fieldErrors[errors[field]] : undefined);
  const entries: SummaryEntry[] = DETAIL_FIELDS.filter((f) => errors[f]).map((f) => ({ id: `f-${f}`, message: message(f)! }));
  return (
    <section class="step" aria-labelledby="step-heading">
      <BackButton onClick={back} />
      <StepHeading count={stepCount("details")}>{s.detailsHeading}</StepHeading>
      <Chosen />
      <p>{s.detailsHint}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          confirmDetails();
        }}
      >
        <ErrorSummary entries={entries} attempt={attempts.value} />
        <ContactFields prefix="f" values={d} onValue={setDetail} message={message} />
        <TextField
          id="f-note"
          name="note"
          multiline
          label={s.noteLabel}
          hint={s.noteHint}
          optional
          value={d.note}
          onValue={(v) => setDetail("note", v)}
          error={message("note")}
          maxLength={NOTE_MAX}
        />
        <Consent checked={d.consent} onChange={(v) => setDetail("consent", v)} error={message("consent")} id="f-consent" />
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
export function Consent({ id, checked, onChange, error }: { id: string; checked: boolean; onChange: (v: boolean) => void; error: string | undefined }) {
  const s = t.value;
  return (
    <div class="consent">
      <p id={`${id}-text`}>
        {s.consentText(retentionDays.value)} <a href="#datenschutz">{s.privacyLink}</a>
      </p>
      <CheckField id={id} name="consent" checked={checked} onChange={onChange} describedBy={`${id}-text`} error={error}>
        {s.consentLabel}
      </CheckField>
    </div>
  );
}

function Row({ label, children, onChange }: { label: string; children: ComponentChildren; onChange?: () => void }) {
  return (
    <div class="summary__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
      {onChange && (
        <dd class="summary__change">
          <button type="button" class="button--quiet" onClick={onChange}>
            {t.value.change}
            <span class="visually-hidden">: {label}</span>
          </button>
        </dd>
      )}
    </div>
  );
}

/** Step 5, "Stimmt alles?": everything once more, each part with "Ändern"; then the booking is sent. */
export function ReviewStep() {
  const s = t.value;
  const lang = locale.value;
  const d = details.value;
  const sl = slot.value!;
  const topic = chosenTopic.value;
  const o = office.value;
  return (
    <section class="step" aria-labelledby="step-heading">
      <BackButton onClick={back} />
      <StepHeading count={stepCount("review")}>{s.reviewHeading}</StepHeading>
      <p>{s.reviewHint}</p>
      <dl class="summary">
        <Row label={s.topicLabel} onChange={() => goTo("topic")}>
          {topic && pick(topic.label, lang)}
        </Row>
        <Row label={s.whenLabel} onChange={() => goTo("time")}>
          {formatWhen(sl.start, sl.end, timeZone.value, lang)}
        </Row>
        {o && <Row label={s.whereLabel}>{`${o.shortName}, ${formatAddress(o.address)}`}</Row>}
        <Row label={s.nameShort} onChange={() => goTo("details")}>
          {d.name.trim()}
        </Row>
        <Row label={s.emailShort} onChange={() => goTo("details")}>
          {d.email.trim()}
        </Row>
        {d.phone.trim() && (
          <Row label={s.phoneShort} onChange={() => goTo("details")}>
            {d.phone.trim()}
          </Row>
        )}
        {d.note.trim() && (
          <Row label={s.noteShort} onChange={() => goTo("details")}>
            {d.note.trim()}
          </Row>
        )}
      </dl>
      <SecurityCheck />
      <div role="alert" class="alert-region">
        {failure.value && <FailureText failure={failure.value} />}
      </div>
      {failure.value?.kind === "slotGone" ? (
        <div class="actions">
          <button type="button" class="button--primary" onClick={chooseOtherTime}>
            {s.chooseOtherTime}
          </button>
        </div>
      ) : (
        <div class="actions">
          <button
            type="button"
            class="button--primary"
            aria-disabled={sending.value ? "true" : undefined}
            onClick={() => void submitBooking()}
          >
            {s.submitBooking}
          </button>
        </div>
      )}
      <div role="status" class="status">
        {sending.value && <p>{s.sendingBooking}</p>}
      </div>
    </section>
  );
}

/** What went wrong, in words, with the phone number where calling is the way on. */
export function FailureText({ failure: f }: { failure: Failure<string> }) {
  const s = t.value;
  const call = <a href={telHref(phone.value)}>{phone.value}</a>;
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

type ContactField = "name" | "email" | "phone";

interface ContactFieldsProps {
  /** Prefix of the inputs' ids (`f` → `f-name`), which the error summary links to. */
  prefix: string;
  values: Record<ContactField, string>;
  onValue: (field: ContactField, value: string) => void;
  message: (field: ContactField) => string | undefined;
}

/** Name, e-mail and phone, as the booking form and the request form ask for them. */
export function ContactFields({ prefix, values, onValue, message }: ContactFieldsProps) {
  const s = t.value;
  return (
    <>
      <TextField
        id={`${prefix}-name`}
        name="name"
        autoComplete="name"
        label={s.nameLabel}
        value={values.name}
        onValue={(v) => onValue("name", v)}
        error={message("name")}
        maxLength={100}
      />
      <TextField
        id={`${prefix}-email`}
        name="email"
        type="email"
        inputMode="email"
        autoComplete="email"
        autoCapitalize="none"
        spellcheck={false}
        label={s.emailLabel}
        hint={s.emailHint}
        value={values.email}
        onValue={(v) => onValue("email", v)}
        error={message("email")}
      />
      <TextField
        id={`${prefix}-phone`}
        name="phone"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        optional
        label={s.phoneLabel}
        hint={s.phoneHint}
        value={values.phone}
        onValue={(v) => onValue("phone", v)}
        error={message("phone")}
        maxLength={40}
      />
    </>
  );
}
