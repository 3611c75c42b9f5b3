import { LostLink } from "../shared/LostLink";
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { ManagedBooking } from "../../schemas/bookings";
import { formatAddress, formatDate, formatSlotName, formatWhen, listComma, telHref, weekdayName } from "../shared/format";
import { t } from "../shared/i18n/flow";
import { lazy } from "../shared/lazy";
import { catalogsReady, locale } from "../shared/locale";
import { Localized, OfficeWords } from "../shared/Localized";
import { Footer } from "../shared/Footer";
import { Masthead } from "../shared/Masthead";
import { NewBooking } from "../shared/NewBooking";
import { phone } from "../shared/office";
import { DayList, DaysPlaceholder, SlotList } from "../shared/Pickers";
import { QrCode } from "../shared/QrCode";
import { SkipLink } from "../shared/SkipLink";
import { BackButton, CheckInCode, LoadStatus, StepHeading } from "../shared/ui";
import {
  askCancel,
  askErase,
  back,
  booking,
  busy,
  chooseMoveDay,
  chooseMoveSlot,
  chooseOtherMoveTime,
  chosenDay,
  confirmCancel,
  confirmErase,
  confirmMove,
  erasedWhat,
  mailOnItsWay,
  eraser,
  failure,
  isRequest,
  moveDay,
  moveSlot,
  notice,
  phase,
  retry,
  slots,
  startMove,
  step,
  visit,
} from "./state";
import { manageText } from "./i18n/manage";
import type { ManageFailure } from "./view";

/** The manage page: the booking its link opens; cancel it or move it to another free time. */
export function App() {
  const s = t.value;
  return (
    <>
      <SkipLink />
      <Masthead />
      <main id="main" tabIndex={-1} class="page page--flow">
        <h1>{isRequest.value ? s.manageRequestTitle : s.manageTitle}</h1>
        <Body />
      </main>
      <Footer />
    </>
  );
}

function Call() {
  // A phone number reads left to right in every language (its digits and spaces kept in order).
  return (
    <bdi dir="ltr">
      <a href={telHref(phone.value)}>{phone.value}</a>
    </bdi>
  );
}

function Body() {
  const s = t.value;
  switch (phase.value) {
    case "loading":
      return (
        <div class="status" role="status">
          <p>{s.manageLoading}</p>
        </div>
      );
    case "notFound":
      return (
        <>
          <div class="status" role="status">
            <p class="status--error">
              {s.manageNotFound} <Call />
            </p>
          </div>
          <LostLink Form={LostLinkForm} />
        </>
      );
    case "error":
      return (
        <>
          <div class="status" role="status">
            <p class="status--error">
              {s.failed} <Call />
            </p>
          </div>
          <button type="button" onClick={retry}>
            {s.retry}
          </button>
        </>
      );
    case "ready":
      return <CurrentStep key={visit.value} />;
    case "erased":
      return <Erased />;
  }
}

function CurrentStep() {
  switch (step.value) {
    case "view":
      return <Overview />;
    case "cancel":
      return <CancelStep />;
    case "day":
      return <MoveDayStep />;
    case "time":
      return <MoveTimeStep />;
    case "confirmMove":
      return <ConfirmMoveStep />;
    case "erase":
      return <EraseStep />;
  }
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="summary__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function FailureText({ failure: f }: { failure: ManageFailure }) {
  const s = t.value;
  switch (f) {
    case "slotGone":
      return <p class="alert">{s.slotGone}</p>;
    case "closedDay":
      return (
        <p class="alert">
          {manageText.value.proposalClosedDay} <Call />
        </p>
      );
    case "past":
      return (
        <p class="alert">
          {s.bookingPast} <Call />
        </p>
      );
    case "changed":
      return <p class="alert">{s.changedElsewhere}</p>;
    case "cancelled":
      return <p class="alert">{s.cancelledElsewhere}</p>;
    case "expired":
      return (
        <p class="alert">
          {manageText.value.proposalExpired} <Call />
        </p>
      );
    case "rateLimited":
      return <p class="alert">{s.rateLimited(1)}</p>;
    case "network":
      return <p class="alert">{s.noAnswer}</p>;
    default:
      return (
        <p class="alert">
          {s.failedWithPhone} <Call />
        </p>
      );
  }
}

function Alerts() {
  return <div role="alert" class="alert-region">{failure.value && <FailureText failure={failure.value} />}</div>;
}

function when(b: ManagedBooking): string | null {
  return b.start && b.end ? formatWhen(b.start, b.end, b.office.timezone, locale.value) : null;
}

/** The booking as it is: status, code, when, where, contact; then what its holder can still do. */
function Overview() {
  const s = t.value;
  const lang = locale.value;
  const b = booking.value!;
  const time = when(b);
  const active = b.status === "confirmed" || b.status === "requested" || b.status === "checked_in";
  return (
    <section class="step" aria-labelledby="step-heading">
      <div role="status" class="status">
        {notice.value && <Notice text={noticeText(notice.value, b)} />}
      </div>
      <Alerts />
      <StepHeading>
        {b.status === "cancelled" || b.status === "declined" ? `${s.status[b.status]}: ` : ""}
        {time ?? <Localized text={b.topic.label} locale={lang} />}
      </StepHeading>
      {b.kind === "request" && b.proposals.length > 0 && <Proposals />}
      {b.kind === "slot" && b.status === "confirmed" && (
        <div class="ticket">
          <p class="ticket__label">{s.codeLabel}</p>
          <CheckInCode code={b.code} />
          <QrCode text={b.code} label={manageText.value.qrLabel({ code: b.code.split("").join(" ") })} />
          <p class="ticket__hint">{manageText.value.qrHint}</p>
        </div>
      )}
      <dl class="summary">
        <Row label={s.statusLabel}>
          <strong>{s.status[b.status]}</strong>
        </Row>
        <Row label={s.topicLabel}>
          <Localized text={b.topic.label} locale={lang} />
        </Row>
        {time && <Row label={s.whenLabel}>{time}</Row>}
        {b.preferredWeekdays && b.preferredWeekdays.length > 0 && (
          <Row label={s.weekdaysShort}>{b.preferredWeekdays.map((d) => weekdayName(d, lang)).join(listComma(lang))}</Row>
        )}
        {b.preferredTimes && b.preferredTimes.length > 0 && (
          <Row label={s.timesShort}>{b.preferredTimes.map((x) => s.timesOfDay[x]).join(listComma(lang))}</Row>
        )}
        {b.wish && <Row label={s.wishShort}>{b.wish}</Row>}
        <Row label={s.whereLabel}><OfficeWords>{`${b.office.name}, ${formatAddress(b.office)}`}</OfficeWords></Row>
        <Row label={s.nameShort}>{b.name}</Row>
        <Row label={s.emailShort}>
          <bdi dir="ltr" class="email">
            {b.email}
          </bdi>
        </Row>
        {b.phone && (
          <Row label={s.phoneShort}>
            <bdi dir="ltr">{b.phone}</bdi>
          </Row>
        )}
        {b.note && <Row label={s.noteShort}>{b.note}</Row>}
      </dl>
      <div class="actions actions--stack">
        {b.inviteUrl && b.status === "confirmed" && (
          <a class="button button--primary" href={b.inviteUrl} download="termin.ics">
            {s.addToCalendar}
          </a>
        )}
        {b.canReschedule && (
          <button type="button" onClick={startMove}>
            {s.moveBooking}
          </button>
        )}
        {b.canCancel && (
          <button type="button" onClick={askCancel}>
            {b.kind === "request" ? s.cancelRequest : s.cancelBooking}
          </button>
        )}
        {!active && <NewBooking label={s.newBooking} />}
        {b.canErase && (
          <button type="button" onClick={askErase}>
            {manageText.value.eraseButton}
          </button>
        )}
      </div>
      {active && !b.canCancel && !b.canReschedule && b.kind === "slot" && (
        <p>
          {s.cannotChange} <Call />
        </p>
      )}
    </section>
  );
}

function noticeText(n: NonNullable<typeof notice.value>, b: ManagedBooking): string {
  const s = t.value;
  switch (n) {
    case "moved":
      return s.moved;
    case "cancelled":
      return b.kind === "request" ? s.requestCancelled : s.cancelled;
    case "accepted":
      return manageText.value.accepted;
    case "declined":
      return manageText.value.declinedProposals;
  }
}

/** "Link verloren?" unfolded: a chunk of its own with its catalog, fetched when opened. */
const LostLinkForm = lazy(
  () => import("../shared/LostLinkForm").then(async (m) => {
    await catalogsReady();
    return m;
  }),
  (m) => m.LostLinkForm,
  (props) => <LoadStatus {...props} loading={t.value.manageLoading} />,
);

/** The proposed times' part: a chunk of its own, loaded for a request that has proposals (most bookings have none). */
const Proposals = lazy(
  // Its words in the page's language before it shows (its catalog is defined in the chunk).
  () => import("./Proposals").then(async (m) => {
    await catalogsReady();
    return m;
  }),
  (m) => m.ProposalChoice,
  (props) => <LoadStatus {...props} loading={t.value.manageLoading} />,
);

/**
 * What a move or cancel just did: it takes the focus and comes into view, so the person sees and hears
 * it wherever the button was (on a phone the overview's top is often out of view).
 */
function Notice({ text }: { text: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
    ref.current?.scrollIntoView({ block: "center" });
  }, []);
  return (
    <p ref={ref} class="notice" tabIndex={-1}>
      {text}
    </p>
  );
}

/** "Möchten Sie den Termin wirklich absagen?" with a clear yes and a clear no. */
function CancelStep() {
  const s = t.value;
  const b = booking.value!;
  const time = when(b);
  return (
    <section class="step" aria-labelledby="step-heading">
      <BackButton onClick={back} />
      <StepHeading>{b.kind === "request" ? s.cancelRequestQuestion : s.cancelQuestion}</StepHeading>
      <p class="chosen">
        <Localized text={b.topic.label} />
        {time && ` · ${time}`}
      </p>
      {b.kind === "slot" && <p>{s.cancelExplain}</p>}
      <Alerts />
      <div class="actions">
        <button
          type="button"
          class="button--primary"
          aria-disabled={busy.value ? "true" : undefined}
          onClick={() => void confirmCancel()}
        >
          {s.cancelYes}
        </button>
        <button type="button" onClick={back}>
          {s.cancelNo}
        </button>
      </div>
    </section>
  );
}

function SlotsStatus() {
  const s = t.value;
  const phase = slots.phase.value;
  return (
    <div class="status" role="status">
      {phase === "loading" && <p>{s.loading}</p>}
      {phase === "error" && (
        <p class="status--error">
          {s.failed} <Call />
        </p>
      )}
    </div>
  );
}

function MoveDayStep() {
  const s = t.value;
  return (
    <section class="step" aria-labelledby="step-heading">
      <BackButton onClick={back} />
      <StepHeading>{s.moveHeading}</StepHeading>
      <p class="chosen">
        {s.moveFrom} {when(booking.value!)}
      </p>
      <SlotsStatus />
      <DaysPlaceholder phase={slots.phase.value} />
      {slots.phase.value === "ready" && <DayList days={slots.days.value} onChoose={chooseMoveDay} />}
    </section>
  );
}

function MoveTimeStep() {
  const s = t.value;
  const b = booking.value!;
  const date = moveDay.value!;
  const view = chosenDay.value;
  return (
    <section class="step" aria-labelledby="step-heading">
      <BackButton onClick={back} label={s.otherDay} />
      <StepHeading>{s.timeHeading}</StepHeading>
      <p id="chosen-day" class="chosen-day">
        {formatDate(date, locale.value)}
      </p>
      <p>{s.timeHint(b.topic.durationMinutes)}</p>
      <SlotsStatus />
      {slots.phase.value === "ready" &&
        (view?.kind === "free" ? (
          <SlotList
            slots={view.slots}
            date={date}
            timeZone={b.office.timezone}
            labelledBy="chosen-day"
            chosen={moveSlot.value?.start}
            onChoose={chooseMoveSlot}
          />
        ) : (
          <p class="status--error">{s.noTimesLeft}</p>
        ))}
    </section>
  );
}

function ConfirmMoveStep() {
  const s = t.value;
  const b = booking.value!;
  const to = moveSlot.value!;
  const gone = failure.value === "slotGone";
  return (
    <section class="step" aria-labelledby="step-heading">
      <BackButton onClick={back} />
      <StepHeading>{s.moveConfirmHeading}</StepHeading>
      <dl class="summary">
        <Row label={s.moveFrom}>{when(b)}</Row>
        <Row label={s.moveTo}>
          <strong>{formatSlotName(to.start, b.office.timezone, locale.value)}</strong>
        </Row>
      </dl>
      <p>{s.moveExplain}</p>
      <Alerts />
      <div class="actions">
        {gone ? (
          <button type="button" class="button--primary" onClick={chooseOtherMoveTime}>
            {s.chooseOtherTime}
          </button>
        ) : (
          <button
            type="button"
            class="button--primary"
            aria-disabled={busy.value ? "true" : undefined}
            onClick={() => void confirmMove()}
          >
            {s.moveYes}
          </button>
        )}
        {!gone && (
          <button type="button" onClick={back}>
            {s.chooseOtherTime}
          </button>
        )}
      </div>
    </section>
  );
}

/** "Möchten Sie Ihre Daten jetzt löschen?": what goes, what stays, that the link stops working; a clear yes and no. */
function EraseStep() {
  const p = manageText.value;
  const b = booking.value!;
  const time = when(b);
  const busyNow = eraser.state.value.kind === "busy";
  return (
    <section class="step" aria-labelledby="step-heading">
      <BackButton onClick={back} />
      <StepHeading>{p.eraseQuestion}</StepHeading>
      <p class="chosen">
        <Localized text={b.topic.label} />
        {time && ` · ${time}`}
      </p>
      <p>{p.eraseWhatGoes}</p>
      <ul>
        {Object.entries(p.eraseGoes).map(([key, item]) => (
          <li key={key}>{item}</li>
        ))}
      </ul>
      <p>{p.eraseWhatStays}</p>
      <p>
        <strong>{p.eraseLinkGoes}</strong>
      </p>
      <Alerts />
      <div class="status" role="status">
        {busyNow && <p>{p.erasing}</p>}
      </div>
      <div class="actions">
        <button type="button" class="button--primary" aria-disabled={busyNow ? "true" : undefined} onClick={() => void confirmErase()}>
          {p.eraseYes}
        </button>
        <button type="button" onClick={back}>
          {p.eraseNo}
        </button>
      </div>
    </section>
  );
}

/** After the erasure: what went, and that this link opens nothing any more. */
function Erased() {
  const p = manageText.value;
  return (
    <section class="step" aria-labelledby="step-heading">
      <StepHeading>{p.erasedHeading}</StepHeading>
      <p>{p.erasedList}</p>
      <ul>
        {erasedWhat.value.map((item) => (
          <li key={item}>{p.erased[item]}</li>
        ))}
      </ul>
      {mailOnItsWay.value && <p>{p.erasedMailOnItsWay}</p>}
      <p>{p.erasedLinkGone}</p>
      <div class="actions actions--stack">
        <NewBooking label={t.value.newBooking} />
      </div>
    </section>
  );
}
