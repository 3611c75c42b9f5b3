import { formatTime, telHref } from "../shared/format";
import { Footer } from "../shared/Footer";
import { Masthead } from "../shared/Masthead";
import { NewBooking } from "../shared/NewBooking";
import { locale } from "../shared/locale";
import { phone, timeZone } from "../shared/office";
import { SkipLink } from "../shared/SkipLink";
import { store } from "./state";
import { statusText } from "./i18n/status";
import { TurnPanel } from "./TurnPanel";
import { aheadInWords, waitInWords, type Screen } from "./view";

/**
 * The visitor's own view of their queue number: the number, large; how many are ahead and the wait in
 * words; "Sie sind dran – Raum 2" when called. It renders what the store says and decides nothing.
 */
export function App() {
  return (
    <>
      <SkipLink />
      <Masthead />
      <main id="main" tabIndex={-1} class="page page--flow status-page">
        <h1 tabIndex={-1}>{statusText.value.title}</h1>
        <Body screen={store.screen.value} />
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

function Body({ screen }: { screen: Screen }) {
  const s = statusText.value;
  if (screen.kind === "loading" || screen.kind === "unknown") {
    return (
      <div role="status" class="status">
        {screen.kind === "loading" ? (
          <p>{s.loading}</p>
        ) : (
          <p class="status--error">
            {s.unknown} <Call />
          </p>
        )}
      </div>
    );
  }
  const over = screen.kind === "done" || screen.kind === "cancelled" || screen.kind === "noShow";
  return (
    <>
      {/* Present from the start, so that filling it is announced at once, whatever the reader does. */}
      <div role="alert" class="call-region">
        {screen.kind === "called" && (
          <div class="call">
            <p class="call__title">
              {s.calledTitle}
              {screen.room && (
                <>
                  {" – "}
                  <span class="call__room">{screen.room}</span>
                </>
              )}
            </p>
            <p class="call__hint">{s.calledHint}</p>
          </div>
        )}
      </div>
      <Connection />
      <p class={`number number--${screen.kind}`}>
        {/* "W 7" as on the display and the ticket, whatever the page's direction. */}
        <bdi dir="ltr">{screen.label}</bdi>
      </p>
      <div role="status" class="status-region">
        <Message screen={screen} />
      </div>
      {screen.kind === "waiting" && <p class="status-note">{s.keepOpen}</p>}
      <TurnPanel />
      {over && (
        <div class="actions">
          <NewBooking label={s.bookLink} />
        </div>
      )}
    </>
  );
}

/** What the number's state means for its holder, in a polite live region: changes are read out. */
function Message({ screen }: { screen: Screen }) {
  const s = statusText.value;
  switch (screen.kind) {
    case "waiting":
      return (
        <>
          <p class="status-line">{aheadInWords(screen.ahead, s)}</p>
          <p class="wait">
            <span class="wait__label">{s.waitLabel}: </span>
            <strong>{waitInWords(screen.estimate, s.wait, locale.value)}</strong>
          </p>
          <p class="wait__hint">{screen.estimate.pastClosing ? s.pastClosing : s.waitHint}</p>
        </>
      );
    case "inProgress":
      return <p class="status-line">{screen.room ? s.inProgressInRoom({ room: screen.room }) : s.inProgress}</p>;
    case "done":
      return <p class="status-line">{s.done}</p>;
    case "noShow":
      return <p class="status-line">{s.noShow}</p>;
    case "cancelled":
      return <p class="status-line">{s.cancelled}</p>;
    default:
      return null;
  }
}

/** "Keine Verbindung – wir versuchen es weiter", with the time of what is still on screen. */
function Connection() {
  const s = statusText.value;
  const since = store.updatedAt.value;
  return (
    <div role="status" class="connection-region">
      {store.offline.value && (
        <p class="alert">
          {s.offline}
          {since && ` ${s.lastUpdate({ time: formatTime(since.toISOString(), timeZone.value) })}`}
        </p>
      )}
    </div>
  );
}
