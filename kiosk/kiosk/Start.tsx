import { LEGAL_LINK_TEXT } from "../../common/legal/links";
import { LEGAL_PAGES } from "../../common/legal/types";
import { useSignal } from "@preact/signals";
import { LANGUAGES, RESIDENT_LOCALES, type Locale } from "../../common/i18n/languages";
import { frame } from "../shared/i18n/frame";
import { locale } from "../shared/locale";
import { ExtraHours, WeeklyHours } from "../shared/Hours";
import { extraHours, hours, office, timeZone } from "../shared/office";
import { openRequest, startBooking } from "./book";
import { nextOpeningWords } from "./opening";
import { BigChoice, ScreenHeading } from "./parts";
import { canScan, connection, k, kiosk, openCheckin, openLegal, openWalkIn, setLanguage } from "./state";
import { NoConnectionPanel } from "./WalkIn";

/**
 * The first screen, with the six languages as big buttons under its heading. Open: "Ich habe einen
 * Termin" and "Ohne Termin", two big buttons. Closed: when the office opens again, in words, and booking
 * a time right here (or asking for one).
 */
export function StartScreen() {
  const s = k.value;
  const state = kiosk.value;
  if (connection.value === "lost") {
    return (
      <>
        <NoConnectionPanel />
        <LanguageButtons />
      </>
    );
  }
  if (!state) {
    return (
      <section class="screen" aria-labelledby="screen-heading">
        <ScreenHeading>{s.welcome}</ScreenHeading>
        <LanguageButtons />
        <p role="status">{s.loadingState}</p>
      </section>
    );
  }
  if (state.open) {
    return (
      <section class="screen" aria-labelledby="screen-heading">
        <ScreenHeading>{s.welcome}</ScreenHeading>
        <LanguageButtons />
        <p class="lead">
          {s.openNow} {state.waiting === 0 ? s.waitingNone : s.waiting(state.waiting)}
        </p>
        <div class="start-choices">
          <BigChoice icon="checkin" label={s.withAppointment} hint={canScan.value ? s.withAppointmentHintQr : s.withAppointmentHint} onClick={openCheckin} />
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
    <section class="screen screen--closed" aria-labelledby="screen-heading">
      <ScreenHeading>{s.closedHeading}</ScreenHeading>
      <LanguageButtons />
      <p class="next-opening">
        {state.nextOpening
          ? s.nextOpening({ when: nextOpeningWords(state.nextOpening, new Date(), timeZone.value, lang, { at: s.openingAt, date: s.openingDate }) })
          : s.noNextOpening}
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
      {/* Beside the choices on a landscape tablet (kiosk.css), below them upright. */}
      <div class="closed-side">
        {(hours.value.length > 0 || extraHours.value.length > 0) && (
          <section class="hours-box" aria-labelledby="hours-heading">
            <h2 id="hours-heading">{s.hoursHeading}</h2>
            <WeeklyHours />
            <p>{s.otherwise}</p>
            <ExtraHours />
            {office.value?.contact.phone && (
              <p>
                {frame.value.phone}{" "}
                <span class="phone" dir="ltr">
                  {office.value.contact.phone}
                </span>
              </p>
            )}
          </section>
        )}
        <LegalButtons />
      </div>
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

/**
 * The six languages, each a big button named in itself (never a flag), in the order of the menus. A
 * tap switches the whole tablet for this visitor; the idle reset brings German back for the next.
 */
function LanguageButtons() {
  const current = locale.value;
  const failed = useSignal(false);
  const choose = (code: Locale) => {
    failed.value = false;
    setLanguage(code).catch(() => (failed.value = true));
  };
  return (
    <div class="start-languages">
      <div class="start-languages__list" role="group" aria-label={k.value.languages}>
        {RESIDENT_LOCALES.map((code) => (
          <button
            key={code}
            type="button"
            class="language-button"
            lang={code}
            dir={LANGUAGES[code].dir}
            aria-pressed={code === current}
            onClick={() => choose(code)}
          >
            {LANGUAGES[code].name}
          </button>
        ))}
      </div>
      <p class="start-languages__error" role="status">
        {failed.value ? frame.value.languageFailed : ""}
      </p>
    </div>
  );
}
