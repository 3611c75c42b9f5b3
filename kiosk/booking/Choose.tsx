import { formatDate, formatWeekdayHours, listComma, telHref } from "../shared/format";
import { t } from "../shared/i18n/flow";
import { frame } from "../shared/i18n/frame";
import { catalogsReady, locale } from "../shared/locale";
import { InMessage, Localized } from "../shared/Localized";
import { LostLink } from "../shared/LostLink";
import { lazy } from "../shared/lazy";
import { hours, phone, timeZone } from "../shared/office";
import { ExtraHours } from "../shared/Hours";
import { DayList, DaysPlaceholder, SlotList, SlotsStatus } from "../shared/Pickers";
import { BackButton, ErrorSummary, FieldError, LoadStatus, StepFallback, StepHeading } from "../shared/ui";

import { back, flow, officePhase, openRequest, retryOffice } from "./state";
import { stepCount } from "./steps";

/** "Link verloren?" unfolded: in the later steps' chunk; its words are a catalog of their own, there before it shows. */
const LostLinkForm = lazy(
  () => import("./later").then(async (m) => (await catalogsReady(), m)),
  (m) => m.LostLinkForm,
  StepFallback,
);

/**
 * Whether the topic radio that is being clicked was reached by an arrow key. Browsers click a radio for
 * every arrow key in its group: that only selects (a keyboard user walks through the topics), while a tap,
 * a mouse click, Space or Enter chooses it and moves on.
 */
let byArrow = false;

function choose(key: string): void {
  flow.chooseTopic(key);
  flow.confirmTopic();
}

/**
 * Step 1, "Worum geht es?": one radio card per topic that can be booked. Tapping or clicking a card (or
 * Space on it; Enter sends the form) chooses it and moves on to the days, whose heading takes the focus and
 * is announced; going back shows the chosen one checked. "Weiter" stays for those who walk the cards with
 * the arrow keys (which only select) and for "no topic chosen yet".
 */
export function TopicStep() {
  if (officePhase.value !== "ready") {
    // Only the office's loading state until it is there: then its name, the topics and the footer appear
    // together below the page's heading, and nothing already on screen moves (no layout shift). A
    // different element, so that the step's section is new then rather than pushed down.
    return (
      <div class="step">
        <LoadStatus failed={officePhase.value === "error"} retry={retryOffice} loading={t.value.loading} />
      </div>
    );
  }
  const s = t.value;
  const lang = locale.value;
  const general = flow.generalTopic.value;
  const topics = flow.bookableTopics.value;
  const error = flow.topicError.value ? s.fieldErrors.topicMissing : undefined;
  return (
    <section class="step" aria-labelledby="step-heading">
      <p>{s.intro}</p>
      <p class="notice">
        {s.callInstead} <a dir="ltr" href={telHref(phone.value)}>{phone.value}</a>
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          flow.confirmTopic();
        }}
      >
        <ErrorSummary entries={error && topics[0] ? [{ id: `topic-${topics[0].key}`, message: error }] : []} attempt={flow.attempts.value} />
        <fieldset class="choices" aria-describedby={error ? "topic-hint topic-error" : "topic-hint"}>
          <legend>
            <StepHeading count={stepCount("topic")}>{s.topicQuestion}</StepHeading>
          </legend>
          <p id="topic-hint">
            {s.topicHint} {general && <InMessage message={(x) => s.topicUnsure({ general: x })} text={general.label} locale={lang} />}
          </p>
          <FieldError id="topic-error" message={error} />
          <ul
            class="choice-list"
            role="list"
            onPointerDown={() => {
              byArrow = false;
            }}
          >
            {topics.map((topic) => (
              <li key={topic.key} class="choice">
                <input
                  type="radio"
                  name="topic"
                  id={`topic-${topic.key}`}
                  checked={flow.topicKey.value === topic.key}
                  onChange={() => flow.chooseTopic(topic.key)}
                  onKeyDown={(e) => {
                    byArrow = e.key.startsWith("Arrow");
                    // Space on a radio that is already checked does nothing in browsers (no click): here it
                    // chooses that topic as it does an unchecked one (whose click then follows).
                    if (e.key === " " && e.currentTarget.checked) {
                      e.preventDefault();
                      choose(topic.key);
                    }
                  }}
                  onClick={() => (byArrow ? (byArrow = false) : choose(topic.key))}
                  aria-describedby={`topic-${topic.key}-desc`}
                />
                <label for={`topic-${topic.key}`}>
                  <span class="choice__label">
                    <Localized text={topic.label} locale={lang} />
                  </span>{" "}
                  <span class="choice__meta">
                    {s.minutes(topic.durationMinutes) + (topic.audience === "businesses" ? ` · ${s.forBusinesses}` : "")}
                  </span>
                </label>
                <p id={`topic-${topic.key}-desc`} class="choice__desc">
                  <Localized text={topic.description} locale={lang} />
                </p>
              </li>
            ))}
          </ul>
        </fieldset>
        {topics.length > 0 && (
          <div class="actions">
            <button type="submit" class="button--primary">
              {s.next}
            </button>
          </div>
        )}
      </form>
      <LostLink Form={LostLinkForm} />
    </section>
  );
}

/** On the booking page a failure to load the times says whom to call instead. */
function FreeTimesStatus({ showing }: { showing?: boolean }) {
  const failed = (
    <>
      {t.value.failed} <a dir="ltr" href={telHref(phone.value)}>{phone.value}</a>
    </>
  );
  return <SlotsStatus store={flow} failed={failed} showing={showing} />;
}

function RequestLink() {
  return (
    <p class="request-link">
      <button type="button" class="button--quiet" onClick={openRequest}>
        {t.value.requestLink}
      </button>
    </p>
  );
}

/** Step 2, "Welcher Tag passt Ihnen?": the coming weeks; open days as buttons, closed days with the reason. */
export function DayStep() {
  const s = t.value;
  const lang = locale.value;
  const week = hours.value;
  return (
    <section class="step" aria-labelledby="step-heading">
      <BackButton onClick={back} />
      <StepHeading count={stepCount("day")}>{s.dayHeading}</StepHeading>
      <p>{s.dayHint}</p>
      {week.length > 0 && (
        <p>
          {s.openLabel} {week.map((w) => formatWeekdayHours(w.weekday, w.spans, lang)).join(listComma(lang))}.{" "}
          {frame.value.otherwiseByArrangement}
        </p>
      )}
      <ExtraHours headingLevel={2} />
      <FreeTimesStatus />
      <DaysPlaceholder phase={flow.slots.phase.value} />
      {flow.slots.phase.value === "ready" && <DayList days={flow.slots.days.value} onChoose={flow.chooseDay} />}
      <RequestLink />
    </section>
  );
}

/** Step 3, "Welche Uhrzeit passt Ihnen?": the chosen day's free times as buttons. */
export function TimeStep() {
  const s = t.value;
  const date = flow.day.value!;
  const view = flow.chosenDay.value;
  const topic = flow.chosenTopic.value;
  return (
    <section class="step" aria-labelledby="step-heading">
      <BackButton onClick={back} label={s.otherDay} />
      <StepHeading count={stepCount("time")}>{s.timeHeading}</StepHeading>
      <p id="chosen-day" class="chosen-day">
        {formatDate(date, locale.value)}
      </p>
      {topic && <p>{s.timeHint(topic.durationMinutes)}</p>}
      <FreeTimesStatus showing={false} />
      {flow.slots.phase.value === "ready" &&
        (view?.kind === "free" ? (
          <SlotList
            slots={view.slots}
            date={date}
            timeZone={timeZone.value}
            labelledBy="chosen-day"
            chosen={flow.slot.value?.start}
            onChoose={flow.chooseSlot}
          />
        ) : (
          <p class="status--error">{s.noTimesLeft}</p>
        ))}
      <RequestLink />
    </section>
  );
}
