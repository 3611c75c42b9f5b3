import { formatTime, telHref } from "../shared/format";
import { Footer } from "../shared/Footer";
import { Masthead } from "../shared/Masthead";
import { NewBooking } from "../shared/NewBooking";
import { locale } from "../shared/locale";
import { phone, timeZone } from "../shared/office";
import { SkipLink } from "../shared/SkipLink";
import { store } from "./state";
import { statusStrings } from "./strings";
import { TurnPanel } from "./TurnPanel";
import { waitInWords, type Screen } from "./view";

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
        <h1>{statusStrings.value.title}</h1>
        <Body screen={store.screen.value} />
      </main>
      <Footer />
    </>
  );
}

function Call() {
  return <a href={telHref(phone.value)}>{phone.value}</a>;
}

function Body({ screen }: { screen: Screen }) {
  const s = statusStrings.value;
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
      <p class={`number number--${screen.kind}`}>{screen.label}</p>
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
  const s = statusStrings.value;
  switch (screen.kind) {
    case "waiting":
      return (
        <>
          <p class="status-line">{s.ahead(screen.ahead)}</p>
          <p class="wait">
            <span class="wait__label">{s.waitLabel}: </span>
            <strong>{waitInWords(screen.estimate, locale.value)}</strong>
          </p>
          <p class="wait__hint">{s.waitHint}</p>
        </>
      );
    case "inProgress":
      return <p class="status-line">{s.inProgress(screen.room)}</p>;
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
  const s = statusStrings.value;
  const since = store.updatedAt.value;
  return (
    <div role="status" class="connection-region">
      {store.offline.value && (
        <p class="alert">
          {s.offline}
          {since && ` ${s.lastUpdate(formatTime(since.toISOString(), timeZone.value))}`}
        </p>
      )}
    </div>
  );
}
