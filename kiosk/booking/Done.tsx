import { contactTexts } from "../shared/i18n/contact";
import { inviteHref } from "../shared/api";
import { t } from "../shared/i18n/flow";
import { BookedSummary } from "../shared/Summary";
import { DoneMark, StepHeading } from "../shared/ui";
import { tokenOfLink } from "../shared/secret-link";
import { flow, goTo } from "./state";

/** The confirmation: code, when, where, the calendar file, the manage link, and that a mail went out. */
export function DoneStep() {
  const s = t.value;
  const b = flow.booked.value!;
  const token = tokenOfLink(b.result.manageUrl);
  return (
    <section class="step step--done" aria-labelledby="step-heading">
      <StepHeading>
        <DoneMark />
        {s.doneHeading}
      </StepHeading>
      <BookedSummary booked={b} codeHint={s.codeHint} />
      <p>
        {s.mailSent} <strong class="email" dir="ltr">{b.email}</strong>
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
        <button type="button" onClick={flow.bookAnother}>
          {s.bookAnother}
        </button>
      </div>
    </section>
  );
}

/** After a request "nach Vereinbarung": what happens next, and the link to see or withdraw it. */
export function RequestDoneStep() {
  const s = t.value;
  const r = flow.requested.value!;
  return (
    <section class="step step--done" aria-labelledby="step-heading">
      <StepHeading>
        <DoneMark />
        {s.requestDoneHeading}
      </StepHeading>
      <p>{s.requestDoneText}</p>
      {r.email ? (
        <p>
          {s.mailSent} <strong class="email" dir="ltr">{r.email}</strong>
        </p>
      ) : (
        <>
          <p>
            {contactTexts.value.requestCallBack} <strong><bdi dir="ltr">{r.phone}</bdi></strong>
          </p>
          {/* No mail will bring the link: the page says to keep it. */}
          <p>{contactTexts.value.requestKeepLink}</p>
        </>
      )}
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
