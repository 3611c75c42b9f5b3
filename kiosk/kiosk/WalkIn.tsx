import { locale } from "../shared/locale";
import { InMessage, Localized } from "../shared/Localized";
import { Icon } from "../shared/icons";
import { BackButton, NumberCard, ScreenHeading } from "./parts";
import {
  busy,
  chooseWalkInTopic,
  generalTopic,
  giveUp,
  k,
  kiosk,
  problem,
  resetSession,
  retrying,
  retryNow,
  ticket,
} from "./state";

/** "Worum geht es?": one big button per walk-in concern, an icon and a word; a tap gives the number. */
export function TopicsScreen() {
  const s = k.value;
  const lang = locale.value;
  const state = kiosk.value;
  const general = generalTopic.value;
  const closed = state !== null && !state.open;
  return (
    <section class="screen" aria-labelledby="screen-heading">
      <BackButton />
      <ScreenHeading>{s.topicsHeading}</ScreenHeading>
      {!closed && (
        <p class="lead">
          {s.topicsHint} {general && <InMessage message={(topic) => s.topicsUnsure({ topic })} text={general.label} locale={lang} />}
        </p>
      )}
      <div role="alert" class="alert-region">
        {(problem.value || closed) && (
          <p class="alert">
            {closed || problem.value === "closed" ? s.closedNow : problem.value === "topicGone" ? s.topicGone : s.failed}
          </p>
        )}
      </div>
      {closed ? (
        <div class="actions">
          <button type="button" class="button--primary" onClick={resetSession}>
            {s.home}
          </button>
        </div>
      ) : (
        <ul class="topic-grid" role="list">
          {(state?.walkInTopics ?? []).map((topic) => (
            <li key={topic.key}>
              <button
                type="button"
                class="topic-button"
                aria-disabled={busy.value ? "true" : undefined}
                onClick={() => chooseWalkInTopic(topic.key)}
              >
                <Icon name={topic.icon} class="topic-button__icon" />
                <span class="topic-button__label">
                  <Localized text={topic.label} locale={lang} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div role="status" class="status">
        {busy.value === "ticket" && <p>{s.issuing}</p>}
      </div>
    </section>
  );
}

/** The walk-in number, large, with the people ahead, the wait range and the QR code for the phone. */
export function TicketScreen() {
  const s = k.value;
  const view = ticket.value;
  if (!view) return null;
  return (
    <section class="screen" aria-labelledby="screen-heading">
      <ScreenHeading>
        {s.ticketHeading}
        <span class="visually-hidden">
          :{" "}
          <bdi dir="ltr">{view.label}</bdi>
        </span>
      </ScreenHeading>
      <NumberCard view={view} label={false} />
      <p class="lead">{s.ticketHint}</p>
      <p>{s.rememberNumber}</p>
      <div class="actions">
        <button type="button" class="button--primary button--big" onClick={resetSession}>
          {s.done}
        </button>
      </div>
    </section>
  );
}

/** The words for staff when the tablet gets no answer; `pending`: a number is on its way. */
export function NoConnectionPanel({ pending = false }: { pending?: boolean }) {
  const s = k.value;
  return (
    <section class="screen screen--alert" aria-labelledby="screen-heading">
      <ScreenHeading>{s.noConnectionHeading}</ScreenHeading>
      <p class="lead">{s.noConnectionText}</p>
      {pending && <p class="lead">{s.noConnectionSafe}</p>}
      <div role="status" class="status">
        {retrying.value && <p>{s.retrying}</p>}
      </div>
      {pending && (
        <div class="actions">
          <button type="button" class="button--primary" onClick={retryNow}>
            {s.retryNow}
          </button>
          <button type="button" onClick={giveUp}>
            {s.cancel}
          </button>
        </div>
      )}
    </section>
  );
}

/** A number or a check-in is on its way and gets no answer: it is tried again until it does. */
export function NoConnectionScreen() {
  return <NoConnectionPanel pending={busy.value === "ticket" || busy.value === "checkin"} />;
}
