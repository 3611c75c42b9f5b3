import { LEGAL_LINK_TEXT } from "../../common/legal/links";
import { LEGAL_PAGES } from "../../common/legal/types";
import { frame } from "../shared/i18n/frame";
import { locale } from "../shared/locale";
import { ExtraHours, WeeklyHours } from "../shared/Hours";
import { extraHours, hours, office, timeZone } from "../shared/office";
import { openRequest, startBooking } from "./book";
import { nextOpeningWords } from "./opening";
import { BigChoice, ScreenHeading } from "./parts";
import { connection, k, kiosk, openCheckin, openLegal, openWalkIn } from "./state";
import { NoConnectionPanel } from "./WalkIn";

/**
 * The first screen. Open: "Ich habe einen Termin" and "Ohne Termin", two big buttons. Closed: when the
 * office opens again, in words, and booking a time right here (or asking for one).
 */
export function StartScreen() {
  const s = k.value;
  const state = kiosk.value;
  if (connection.value === "lost") return <NoConnectionPanel />;
  if (!state) {
    return (
      <section class="screen" aria-labelledby="screen-heading">
        <ScreenHeading>{s.welcome}</ScreenHeading>
        <p role="status">{s.loadingState}</p>
      </section>
    );
  }
  if (state.open) {
    return (
      <section class="screen" aria-labelledby="screen-heading">
        <ScreenHeading>{s.welcome}</ScreenHeading>
        <p class="lead">
          {s.openNow} {s.waiting(state.waiting)}
        </p>
        <div class="start-choices">
          <BigChoice icon="checkin" label={s.withAppointment} hint={s.withAppointmentHint} onClick={openCheckin} />
          <BigChoice icon="ticket" label={s.withoutAppointment} hint={s.withoutAppointmentHint} onClick={openWalkIn} primary />
        </div>
        <p class="start-more">
          <button type="button" class="button--quiet" onClick={startBooking}>
            {s.bookLater}
          </button>
        </p>
        <LegalButtons />
      </section>
    );
  }
  const lang = locale.value;
  return (
    <section class="screen" aria-labelledby="screen-heading">
      <ScreenHeading>{s.closedHeading}</ScreenHeading>
      <p class="next-opening">
        {state.nextOpening ? s.nextOpening(nextOpeningWords(state.nextOpening, new Date(), timeZone.value, lang)) : s.noNextOpening}
      </p>
      <p class="lead">{s.closedOffer}</p>
      <div class="start-choices">
        <BigChoice icon="calendar" label={s.bookHere} hint={s.bookHereHint} onClick={startBooking} primary />
        <BigChoice icon="mail" label={s.requestHere} hint={s.requestHereHint} onClick={openRequest} />
      </div>
      <p class="start-more">
        <button type="button" class="button--quiet" onClick={openCheckin}>
          {s.withAppointment}
        </button>
      </p>
      {(hours.value.length > 0 || extraHours.value.length > 0) && (
        <section class="hours-box" aria-labelledby="hours-heading">
          <h2 id="hours-heading">{s.hoursHeading}</h2>
          <WeeklyHours />
          <p>{s.otherwise}</p>
          <ExtraHours />
          {office.value?.contact.phone && (
            <p>
              {frame.value.phone} <span class="phone">{office.value.contact.phone}</span>
            </p>
          )}
        </section>
      )}
      <LegalButtons />
    </section>
  );
}

/** Impressum, privacy notice and accessibility statement, on the tablet itself. */
function LegalButtons() {
  const lang = locale.value;
  return (
    <p class="start-legal">
      {LEGAL_PAGES.map((page) => (
        <button key={page} type="button" class="button--quiet" onClick={() => openLegal(page)}>
          {LEGAL_LINK_TEXT[lang][page]}
        </button>
      ))}
    </p>
  );
}
