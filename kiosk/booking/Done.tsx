import { inviteHref } from "../shared/api";
import { formatAddress, formatWhen } from "../shared/format";
import { pick } from "../shared/i18n";
import { locale, t } from "../shared/locale";
import { office, timeZone } from "../shared/office";
import { CheckInCode, StepHeading } from "../shared/ui";
import { manageToken } from "./flow";
import { bookAnother, booked, goTo, requested } from "./state";

/** The confirmation: code, when, where, the calendar file, the manage link, and that a mail went out. */
export function DoneStep() {
  const s = t.value;
  const lang = locale.value;
  const b = booked.value!;
  const o = office.value;
  const token = manageToken(b.result.manageUrl);
  return (
    <section class="step step--done" aria-labelledby="step-heading">
      <StepHeading>
        <span class="done-mark" aria-hidden="true">
          ✓{" "}
        </span>
        {s.doneHeading}
      </StepHeading>
      <div class="ticket">
        <p class="ticket__label">{s.codeLabel}</p>
        <CheckInCode code={b.result.code} />
        <p class="ticket__hint">{s.codeHint}</p>
      </div>
      <dl class="summary">
        <div class="summary__row">
          <dt>{s.whenLabel}</dt>
          <dd>{formatWhen(b.result.start, b.result.end, timeZone.value, lang)}</dd>
        </div>
        <div class="summary__row">
          <dt>{s.topicLabel}</dt>
          <dd>{pick(b.topic.label, lang)}</dd>
        </div>
        {o && (
          <div class="summary__row">
            <dt>{s.whereLabel}</dt>
            <dd>{`${o.shortName}, ${formatAddress(o.address)}`}</dd>
          </div>
        )}
      </dl>
      <p>
        {s.mailSent} <strong class="email">{b.email}</strong>
      </p>
      <div class="actions actions--stack">
        {token && (
          <a class="button button--primary" href={inviteHref(token)} download="termin.ics">
            {s.addToCalendar}
          </a>
        )}
        <a class="button" href={b.result.manageUrl}>
          {s.manageLink}
        </a>
        <button type="button" onClick={bookAnother}>
          {s.bookAnother}
        </button>
      </div>
    </section>
  );
}

/** After a request "nach Vereinbarung": what happens next, and the link to see or withdraw it. */
export function RequestDoneStep() {
  const s = t.value;
  const r = requested.value!;
  return (
    <section class="step step--done" aria-labelledby="step-heading">
      <StepHeading>
        <span class="done-mark" aria-hidden="true">
          ✓{" "}
        </span>
        {s.requestDoneHeading}
      </StepHeading>
      <p>{s.requestDoneText}</p>
      <p>
        {s.mailSent} <strong class="email">{r.email}</strong>
      </p>
      <div class="actions actions--stack">
        <a class="button" href={r.result.manageUrl}>
          {s.requestManageLink}
        </a>
        <button type="button" onClick={() => goTo("topic")}>
          {s.backToBooking}
        </button>
      </div>
    </section>
  );
}
