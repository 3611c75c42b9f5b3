import type { Failure } from "../shared/booking-rules";
import { formatAddress, formatDate, formatWeekdayHours, listComma } from "../shared/format";
import type { ComponentProps } from "preact";
import { ContactFields, type ConsentBox } from "../shared/Forms";
import { LegalNotice } from "../shared/LegalNotice";
import { type Strings, t } from "../shared/i18n/flow";
import { frame } from "../shared/i18n/frame";
import { locale } from "../shared/locale";
import { Localized } from "../shared/Localized";
import { ExtraHours } from "../shared/Hours";
import { hours, office, retentionDays, timeZone } from "../shared/office";
import { DayList, DaysPlaceholder, SlotList, SlotsStatus } from "../shared/Pickers";
import { BookedSummary, Chosen, ReviewList } from "../shared/Summary";
import { CheckField, DoneMark, ErrorSummary, type SummaryEntry } from "../shared/ui";
import { chooseTopic, flow, openRequest, showStep } from "./book";
import { Icon } from "../shared/icons";
import { BackButton, ScreenHeading } from "./parts";
import { k, resetSession } from "./state";
import { ScrollArea } from "./Step";

/*
 * Booking on the spot, made for touch: a tap on a topic goes on at once, days and times are the booking
 * page's pickers, the form asks only for what a booking needs, with keyboards that fit each field and
 * nothing remembered for the next visitor (autocomplete off on a shared tablet). Each step fits the
 * tablet in either orientation: "Zurück" beside the heading, the step's buttons at the bottom, and what
 * can be long (days, times, the form) in a part that scrolls by itself (Step.tsx).
 */

/** "Worum geht es?": the topics that can be booked, as big buttons. */
export function BookTopicScreen() {
  const s = t.value;
  const lang = locale.value;
  const topics = flow.bookableTopics.value;
  return (
    <section class="screen screen--step" aria-labelledby="screen-heading">
      <div class="step-head">
        <BackButton />
        <ScreenHeading>{s.topicQuestion}</ScreenHeading>
      </div>
      <p class="lead">{k.value.bookTopicHint}</p>
      {topics.length === 0 && <p role="status">{k.value.loadingState}</p>}
      <ScrollArea>
        <ul class="topic-grid topic-grid--rows" role="list">
          {topics.map((topic) => (
            <li key={topic.key}>
              <button type="button" class="topic-button" aria-current={topic.key === flow.topicKey.value ? "true" : undefined} onClick={() => chooseTopic(topic.key)}>
                <Icon name={topic.icon} class="topic-button__icon" />
                <span class="topic-button__label">
                  <Localized text={topic.label} locale={lang} />
                </span>
                <span class="topic-button__meta">
                  {s.minutes(topic.durationMinutes)}
                  {topic.audience === "businesses" && ` · ${s.forBusinesses}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </ScrollArea>
      <RequestLink />
    </section>
  );
}

function FreeTimesStatus({ showing }: { showing?: boolean }) {
  return <SlotsStatus store={flow} failed={k.value.failed} showing={showing} />;
}

function RequestLink() {
  return (
    <p class="start-more step-actions">
      <button type="button" class="button--quiet" onClick={openRequest}>
        {t.value.requestLink}
      </button>
    </p>
  );
}

/** "Welcher Tag passt Ihnen?" */
export function BookDayScreen() {
  const s = t.value;
  const lang = locale.value;
  const week = hours.value;
  return (
    <section class="screen screen--step" aria-labelledby="screen-heading">
      <div class="step-head">
        <BackButton />
        <ScreenHeading>{s.dayHeading}</ScreenHeading>
      </div>
      <FreeTimesStatus />
      <ScrollArea>
        {week.length > 0 && (
          <p>
            {s.openLabel} {week.map((w) => formatWeekdayHours(w.weekday, w.spans, lang)).join(listComma(lang))}. {frame.value.otherwiseByArrangement}
          </p>
        )}
        <ExtraHours headingLevel={2} />
        <DaysPlaceholder phase={flow.slots.phase.value} />
        {flow.slots.phase.value === "ready" && <DayList days={flow.slots.days.value} onChoose={flow.chooseDay} />}
      </ScrollArea>
      <RequestLink />
    </section>
  );
}

/** "Welche Uhrzeit passt Ihnen?" */
export function BookTimeScreen() {
  const s = t.value;
  const date = flow.day.value;
  const view = flow.chosenDay.value;
  const topic = flow.chosenTopic.value;
  if (!date) return null;
  return (
    <section class="screen screen--step" aria-labelledby="screen-heading">
      <div class="step-head">
        <BackButton label={s.otherDay} />
        <ScreenHeading>{s.timeHeading}</ScreenHeading>
      </div>
      <p id="chosen-day" class="chosen-day">
        {formatDate(date, locale.value)}
      </p>
      {topic && <p>{s.timeHint(topic.durationMinutes)}</p>}
      <FreeTimesStatus showing={false} />
      <ScrollArea>
        {flow.slots.phase.value === "ready" &&
          (view?.kind === "free" ? (
            <SlotList slots={view.slots} date={date} timeZone={timeZone.value} labelledBy="chosen-day" chosen={flow.slot.value?.start} onChoose={flow.chooseSlot} />
          ) : (
            <p class="status--error">{s.noTimesLeft}</p>
          ))}
      </ScrollArea>
      <RequestLink />
    </section>
  );
}

export function KioskConsent({ id, checked, onChange, error, request }: ComponentProps<ConsentBox>) {
  const s = t.value;
  return (
    <div class="consent">
      <p id={`${id}-text`}>{(request ? s.requestConsentText : s.consentText)(retentionDays.value)}</p>
      <details class="privacy-more">
        <summary>{k.value.privacyMore}</summary>
        {/* The tablet has no other page to send people to: the notice folds out here, its addresses as text. */}
        <LegalNotice page="datenschutz" level={2} links={false} />
      </details>
      <CheckField id={id} name="consent" checked={checked} onChange={onChange} describedBy={`${id}-text`} error={error}>
        {s.consentLabel}
      </CheckField>
    </div>
  );
}

const DETAIL_FIELDS = ["name", "email", "phone", "consent"] as const;

/** "Ihre Kontaktdaten": name, e-mail, phone (optional), consent. */
export function BookDetailsScreen() {
  const s = t.value;
  const d = flow.details.value;
  const errors = flow.detailsErrors.value;
  const message = (field: (typeof DETAIL_FIELDS)[number]) => (errors[field] ? s.fieldErrors[errors[field]] : undefined);
  const entries: SummaryEntry[] = DETAIL_FIELDS.filter((f) => errors[f]).map((f) => ({ id: `k-${f}`, message: message(f)! }));
  return (
    <section class="screen screen--step screen--form" aria-labelledby="screen-heading">
      <div class="step-head">
        <BackButton />
        <ScreenHeading>{s.detailsHeading}</ScreenHeading>
      </div>
      <Chosen topic={flow.chosenTopic.value} slot={flow.slot.value} />
      <form
        class="step-form"
        noValidate
        autoComplete="off"
        onSubmit={(e) => {
          e.preventDefault();
          flow.confirmDetails();
        }}
      >
        <ScrollArea class="step-fields step-fields--contact">
          <p>{s.detailsHint}</p>
          <ErrorSummary entries={entries} attempt={flow.attempts.value} />
          <ContactFields prefix="k" values={d} onValue={flow.setDetail} message={message} tablet />
          <KioskConsent id="k-consent" checked={d.consent} onChange={(v) => flow.setDetail("consent", v)} error={message("consent")} />
        </ScrollArea>
        <div class="actions step-actions">
          <button type="submit" class="button--primary button--big">
            {s.next}
          </button>
        </div>
      </form>
    </section>
  );
}

/** "Stimmt alles?": everything once more, then the booking is sent. */
export function BookReviewScreen() {
  const s = t.value;
  const sl = flow.slot.value;
  if (!sl) return null;
  return (
    <section class="screen screen--step screen--form" aria-labelledby="screen-heading">
      <div class="step-head">
        <BackButton />
        <ScreenHeading>{s.reviewHeading}</ScreenHeading>
      </div>
      <ScrollArea>
        <p>{s.reviewHint}</p>
        <ReviewList topic={flow.chosenTopic.value} slot={sl} details={flow.details.value} onChange={showStep} />
      </ScrollArea>
      <div role="alert" class="alert-region">
        {flow.failure.value && <KioskFailure failure={flow.failure.value} />}
      </div>
      <div class="actions step-actions">
        {flow.failure.value?.kind === "slotGone" ? (
          <button type="button" class="button--primary button--big" onClick={flow.chooseOtherTime}>
            {s.chooseOtherTime}
          </button>
        ) : (
          <button type="button" class="button--primary button--big" aria-disabled={flow.sending.value ? "true" : undefined} onClick={() => void flow.submitBooking()}>
            {s.submitBooking}
          </button>
        )}
      </div>
      <div role="status" class="status">
        {flow.sending.value && <p>{s.sendingBooking}</p>}
      </div>
    </section>
  );
}

/** What went wrong, in words; on a tablet the way on is the staff, not a phone number. */
export function KioskFailure({ failure: f }: { failure: Failure<string> }) {
  const s: Strings = t.value;
  const staff = k.value.noConnectionHeading;
  switch (f.kind) {
    case "slotGone":
      return <p class="alert">{f.reason === "tooSoon" ? s.slotTooSoon : f.reason === "tooFar" ? s.slotTooFar : s.slotGone}</p>;
    case "tooMany":
      return (
        <div class="alert">
          <p>{k.value.tooMany}</p>
          <p>{staff}</p>
        </div>
      );
    case "rateLimited":
      return <p class="alert">{s.rateLimited(f.minutes)}</p>;
    case "network":
      return (
        <div class="alert">
          <p>{s.noAnswer}</p>
          <p>{staff}</p>
        </div>
      );
    case "changed":
      return <p class="alert">{s.changedMeanwhile}</p>;
    default:
      return <p class="alert">{k.value.failed}</p>;
  }
}

/** The booking is made: the check-in code, when and where, and that the mail with the invite is on its way. */
export function BookDoneScreen() {
  const s = t.value;
  const b = flow.booked.value;
  if (!b) return null;
  return (
    <section class="screen screen--step screen--form" aria-labelledby="screen-heading">
      <ScreenHeading>
        <DoneMark />
        {s.doneHeading}
      </ScreenHeading>
      <ScrollArea class="booked">
        <BookedSummary booked={b} codeHint={k.value.bookDoneHint} />
        <p class="booked__mail">
          {s.mailSent} <strong class="email">{b.email}</strong> {k.value.mailInvite}
        </p>
      </ScrollArea>
      <div class="actions step-actions">
        <button type="button" class="button--primary button--big" onClick={resetSession}>
          {k.value.done}
        </button>
      </div>
    </section>
  );
}
