import type { ComponentChildren } from "preact";
import type { Failure } from "../booking/flow";
import { formatAddress, formatDate, formatSlotName, formatWhen, formatWeekdayHours } from "../shared/format";
import { pick, type Strings } from "../shared/i18n";
import { locale, t } from "../shared/locale";
import { hours, office, retentionDays, timeZone } from "../shared/office";
import { DayList, SlotList } from "../shared/Pickers";
import { CheckField, CheckInCode, ErrorSummary, TextField, type SummaryEntry } from "../shared/ui";
import {
  attempts,
  bookableTopics,
  booked,
  chooseDay,
  chooseOtherTime,
  chooseSlot,
  chooseTopic,
  chosenDay,
  chosenTopic,
  confirmDetails,
  day,
  details,
  detailsErrors,
  failure,
  openRequest,
  retrySlots,
  sending,
  setDetail,
  slot,
  slots,
  submitBooking,
  topicKey,
} from "./book";
import { Icon } from "./icons";
import { go } from "./nav";
import { BackButton, ScreenHeading } from "./parts";
import { k, resetSession } from "./state";

/*
 * Booking on the spot, made for touch: a tap on a topic goes on at once, days and times are the booking
 * page's pickers, the form asks only for what a booking needs, with keyboards that fit each field and
 * nothing remembered for the next visitor (autocomplete off on a shared tablet).
 */

/** "Worum geht es?": the topics that can be booked, as big buttons. */
export function BookTopicScreen() {
  const s = t.value;
  const lang = locale.value;
  const topics = bookableTopics.value;
  return (
    <section class="screen" aria-labelledby="screen-heading">
      <BackButton />
      <ScreenHeading>{s.topicQuestion}</ScreenHeading>
      <p class="lead">{k.value.bookTopicHint}</p>
      {topics.length === 0 && <p role="status">{k.value.loadingState}</p>}
      <ul class="topic-grid" role="list">
        {topics.map((topic) => (
          <li key={topic.key}>
            <button type="button" class="topic-button" aria-current={topic.key === topicKey.value ? "true" : undefined} onClick={() => chooseTopic(topic.key)}>
              <Icon name={topic.icon} class="topic-button__icon" />
              <span class="topic-button__label">{pick(topic.label, lang)}</span>
              <span class="topic-button__meta">
                {s.minutes(topic.durationMinutes)}
                {topic.audience === "businesses" && ` · ${s.forBusinesses}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <RequestLink />
    </section>
  );
}

function SlotsStatus({ showing = true }: { showing?: boolean }) {
  const s = t.value;
  const topic = chosenTopic.value;
  const phase = slots.phase.value;
  return (
    <>
      <div class="status" role="status">
        {phase === "loading" && <p>{s.loading}</p>}
        {phase === "error" && <p class="status--error">{k.value.failed}</p>}
        {phase === "ready" && showing && topic && <p>{s.showing(pick(topic.label, locale.value), topic.durationMinutes)}</p>}
      </div>
      {phase === "error" && (
        <button type="button" onClick={retrySlots}>
          {s.retry}
        </button>
      )}
    </>
  );
}

function RequestLink() {
  return (
    <p class="start-more">
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
    <section class="screen" aria-labelledby="screen-heading">
      <BackButton />
      <ScreenHeading>{s.dayHeading}</ScreenHeading>
      {week.length > 0 && (
        <p>
          {s.openLabel} {week.map((w) => formatWeekdayHours(w.weekday, w.spans, lang)).join(", ")}. {s.otherwiseByArrangement}
        </p>
      )}
      <SlotsStatus />
      {slots.phase.value === "ready" && <DayList days={slots.days.value} onChoose={chooseDay} />}
      <RequestLink />
    </section>
  );
}

/** "Welche Uhrzeit passt Ihnen?" */
export function BookTimeScreen() {
  const s = t.value;
  const date = day.value;
  const view = chosenDay.value;
  const topic = chosenTopic.value;
  if (!date) return null;
  return (
    <section class="screen" aria-labelledby="screen-heading">
      <BackButton label={s.otherDay} />
      <ScreenHeading>{s.timeHeading}</ScreenHeading>
      <p id="chosen-day" class="chosen-day">
        {formatDate(date, locale.value)}
      </p>
      {topic && <p>{s.timeHint(topic.durationMinutes)}</p>}
      <SlotsStatus showing={false} />
      {slots.phase.value === "ready" &&
        (view?.kind === "free" ? (
          <SlotList slots={view.slots} date={date} timeZone={timeZone.value} labelledBy="chosen-day" chosen={slot.value?.start} onChoose={chooseSlot} />
        ) : (
          <p class="status--error">{s.noTimesLeft}</p>
        ))}
      <RequestLink />
    </section>
  );
}

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

type ContactField = "name" | "email" | "phone";

/**
 * Name, e-mail and phone for a shared tablet: the keyboard that fits each field (capital letters for
 * names, @ for the address, digits for the phone), "Weiter" on its Enter key, and nothing offered from
 * an earlier visitor's entries.
 */
export function KioskContactFields({
  prefix,
  values,
  onValue,
  message,
}: {
  prefix: string;
  values: Record<ContactField, string>;
  onValue: (field: ContactField, value: string) => void;
  message: (field: ContactField) => string | undefined;
}) {
  const s = t.value;
  return (
    <>
      <TextField
        id={`${prefix}-name`}
        name="name"
        autoComplete="off"
        autoCapitalize="words"
        spellcheck={false}
        enterKeyHint="next"
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
        autoComplete="off"
        autoCapitalize="none"
        spellcheck={false}
        enterKeyHint="next"
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
        autoComplete="off"
        enterKeyHint="done"
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

/** The privacy notice, folded under the consent box: the tablet has no other page to send people to. */
function PrivacyText() {
  const s = t.value;
  const p = s.privacy;
  const o = office.value;
  return (
    <div class="privacy">
      <h2>{p.whoHeading}</h2>
      <p>
        {p.whoText} {o && `${o.name}, ${formatAddress(o.address)}`}
        {o?.contact.phone && `, ${s.phone} ${o.contact.phone}`}
      </p>
      <h2>{p.whatHeading}</h2>
      <ul>
        {p.whatItems.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <h2>{p.whyHeading}</h2>
      <p>{p.whyText}</p>
      <p>{p.baseText}</p>
      <h2>{p.howLongHeading}</h2>
      <p>{p.howLongText(retentionDays.value)}</p>
      <h2>{p.whereHeading}</h2>
      <p>{p.whereText}</p>
      <h2>{p.rightsHeading}</h2>
      <p>{p.rightsText}</p>
    </div>
  );
}

export function KioskConsent({ id, checked, onChange, error }: { id: string; checked: boolean; onChange: (v: boolean) => void; error: string | undefined }) {
  const s = t.value;
  return (
    <div class="consent">
      <p id={`${id}-text`}>{s.consentText(retentionDays.value)}</p>
      <details class="privacy-more">
        <summary>{k.value.privacyMore}</summary>
        <PrivacyText />
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
  const d = details.value;
  const errors = detailsErrors.value;
  const message = (field: (typeof DETAIL_FIELDS)[number]) => (errors[field] ? s.fieldErrors[errors[field]] : undefined);
  const entries: SummaryEntry[] = DETAIL_FIELDS.filter((f) => errors[f]).map((f) => ({ id: `k-${f}`, message: message(f)! }));
  return (
    <section class="screen screen--form" aria-labelledby="screen-heading">
      <BackButton />
      <ScreenHeading>{s.detailsHeading}</ScreenHeading>
      <Chosen />
      <p>{s.detailsHint}</p>
      <form
        noValidate
        autoComplete="off"
        onSubmit={(e) => {
          e.preventDefault();
          confirmDetails();
        }}
      >
        <ErrorSummary entries={entries} attempt={attempts.value} />
        <KioskContactFields prefix="k" values={d} onValue={setDetail} message={message} />
        <KioskConsent id="k-consent" checked={d.consent} onChange={(v) => setDetail("consent", v)} error={message("consent")} />
        <div class="actions">
          <button type="submit" class="button--primary button--big">
            {s.next}
          </button>
        </div>
      </form>
    </section>
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

/** "Stimmt alles?": everything once more, then the booking is sent. */
export function BookReviewScreen() {
  const s = t.value;
  const lang = locale.value;
  const d = details.value;
  const sl = slot.value;
  const topic = chosenTopic.value;
  const o = office.value;
  if (!sl) return null;
  return (
    <section class="screen screen--form" aria-labelledby="screen-heading">
      <BackButton />
      <ScreenHeading>{s.reviewHeading}</ScreenHeading>
      <p>{s.reviewHint}</p>
      <dl class="summary">
        <Row label={s.topicLabel} onChange={() => go("bookTopic")}>
          {topic && pick(topic.label, lang)}
        </Row>
        <Row label={s.whenLabel} onChange={() => go("bookTime")}>
          {formatWhen(sl.start, sl.end, timeZone.value, lang)}
        </Row>
        {o && <Row label={s.whereLabel}>{`${o.shortName}, ${formatAddress(o.address)}`}</Row>}
        <Row label={s.nameShort} onChange={() => go("bookDetails")}>
          {d.name.trim()}
        </Row>
        <Row label={s.emailShort} onChange={() => go("bookDetails")}>
          {d.email.trim()}
        </Row>
        {d.phone.trim() && (
          <Row label={s.phoneShort} onChange={() => go("bookDetails")}>
            {d.phone.trim()}
          </Row>
        )}
      </dl>
      <div role="alert" class="alert-region">
        {failure.value && <KioskFailure failure={failure.value} />}
      </div>
      <div class="actions">
        {failure.value?.kind === "slotGone" ? (
          <button type="button" class="button--primary button--big" onClick={chooseOtherTime}>
            {s.chooseOtherTime}
          </button>
        ) : (
          <button type="button" class="button--primary button--big" aria-disabled={sending.value ? "true" : undefined} onClick={() => void submitBooking()}>
            {s.submitBooking}
          </button>
        )}
      </div>
      <div role="status" class="status">
        {sending.value && <p>{s.sendingBooking}</p>}
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
  const lang = locale.value;
  const b = booked.value;
  const o = office.value;
  if (!b) return null;
  return (
    <section class="screen screen--form" aria-labelledby="screen-heading">
      <ScreenHeading>
        <span class="done-mark" aria-hidden="true">
          ✓{" "}
        </span>
        {s.doneHeading}
      </ScreenHeading>
      <div class="ticket">
        <p class="ticket__label">{s.codeLabel}</p>
        <CheckInCode code={b.result.code} />
        <p class="ticket__hint">{k.value.bookDoneHint}</p>
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
        {s.mailSent} <strong class="email">{b.email}</strong> {k.value.mailInvite}
      </p>
      <div class="actions">
        <button type="button" class="button--primary button--big" onClick={resetSession}>
          {k.value.done}
        </button>
      </div>
    </section>
  );
}
