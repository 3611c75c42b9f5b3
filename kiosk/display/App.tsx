import { formatTime } from "../shared/format";
import { PAIRING_CODE_LENGTH } from "../../common/limits";
import { store, tick } from "./state";
import { display as s, type Bi } from "./i18n/display";
import { openingWords } from "./calls";

/**
 * The call display: the current call very large, the calls before it, how many wait, the time, and when
 * closed when it opens again. Numbers and rooms only, never a name. No switches once paired: sound and
 * speech are the device's settings (board → Verwaltung → Geräte). It renders what the store says.
 */
export function App() {
  return store.token.value ? <Calls /> : <Pair />;
}

/** German, then English in a quieter voice. */
function Both({ text, sep = " · " }: { text: Bi; sep?: string }) {
  return (
    <>
      {text.de}
      <span class="en" lang="en">
        {sep}
        {text.en}
      </span>
    </>
  );
}

function Calls() {
  const state = store.state.value;
  const current = store.current.value;
  const zone = state?.office.timeZone ?? "Europe/Berlin";
  const time = formatTime(new Date(tick.value + store.clockOffset.value).toISOString(), zone);
  // Closed: when it opens again (the server's clock: the display's own may be wrong).
  const opens = state && !state.open && state.nextOpening ? openingWords(state.nextOpening, new Date(state.now), zone) : null;
  return (
    // data-audio: whether the browser plays sound now, for whoever looks into the page (and the tests).
    <div class="display" data-audio={store.audioRunning.value ? "running" : "blocked"}>
      <header class="display__top">
        <p class="display__office">{state?.office.shortName ?? "\u00a0"}</p>
        <p class="display__clock">
          <span class="visually-hidden">
            {s.clock.de} / <span lang="en">{s.clock.en}</span>:{" "}
          </span>
          <time>{time}</time>
        </p>
      </header>
      <main class="display__main">
        <h1 class="visually-hidden">
          <Both text={s.title} sep=" / " />
        </h1>
        {/* Present from the start so that each new call is read out. */}
        <div class="visually-hidden" role="status" aria-live="assertive">
          {store.announcement.value && <p key={store.announcement.value.key}>{store.announcement.value.text}</p>}
        </div>
        <section class="current" aria-label={`${s.nowCalling.de} / ${s.nowCalling.en}`}>
          {/* Each its own element (keys): a centred line that changes its words would count as moving. */}
          {!state ? (
            <p class="current__empty" key="loading">
              <Both text={s.loading} />
            </p>
          ) : current ? (
            <>
              <p class="current__label">
                <Both text={s.nowCalling} />
              </p>
              <p class="current__number" key={current.id}>
                {current.label}
              </p>
              <p class="current__room">
                <span class="current__to">
                  <Both text={s.room} sep=" / " />
                </span>{" "}
                {current.room}
              </p>
            </>
          ) : (
            <div key={state.open ? "open" : "closed"}>
              <p class="current__empty">
                <Both text={state.open ? s.noCallYet : s.closed} />
              </p>
              {opens && (
                <p class="current__opens">
                  <Both text={opens} />
                </p>
              )}
            </div>
          )}
        </section>
        {store.earlier.value.length > 0 && (
          <section class="earlier" aria-labelledby="earlier-heading">
            <h2 id="earlier-heading">
              <Both text={s.earlier} />
            </h2>
            <ol class="earlier__list">
              {store.earlier.value.map((c) => (
                <li key={c.id}>
                  <span class="earlier__number">{c.label}</span> <span class="earlier__room">{c.room}</span>
                </li>
              ))}
            </ol>
          </section>
        )}
      </main>
      <footer class="display__bottom">
        {state ? (
          <p class="display__waiting">
            <Both text={s.waiting(state.waiting)} />
          </p>
        ) : (
          // While the state loads, the same line unseen keeps its place: the calls above do not move when it comes.
          <p class="display__waiting display__waiting--placeholder" aria-hidden="true">
            <Both text={s.waiting(0)} />
          </p>
        )}
        <div role="status" class="display__connection">
          {store.offline.value && (
            <p class="display__offline">
              <Both text={s.offline} />
            </p>
          )}
        </div>
        {/* Closed while calls are still on show (the last people are seen after closing time). */}
        {opens && current && (
          <p class="display__opens">
            <Both text={opens} />
          </p>
        )}
      </footer>
      {/* For staff, no control: any tap or key unlocks sound (state.ts). Fixed, so nothing moves when it comes or goes. */}
      {store.audioBlocked.value && (
        <p class="display__blocked">
          <Both text={s.soundBlocked} sep=" " />
        </p>
      )}
    </div>
  );
}

function Pair() {
  const problem = store.pairProblem.value;
  const message = problem === "unknown" ? s.pairUnknown : problem === "wrongKind" ? s.pairWrongKind : problem ? s.pairFailed : null;
  return (
    <main class="pair">
      <h1>
        {s.pairHeading.de}
        <span class="pair__en" lang="en">
          {s.pairHeading.en}
        </span>
      </h1>
      {store.unpairedBecause.value === "forgotten" && (
        <p class="notice">
          <Both text={s.pairForgotten} sep=" " />
        </p>
      )}
      <p>{s.pairIntro.de}</p>
      <p lang="en" class="en">
        {s.pairIntro.en}
      </p>
      <form
        class="pair__form"
        onSubmit={(e) => {
          e.preventDefault();
          void store.submitPair();
        }}
      >
        <label for="pair-code">
          <Both text={s.pairLabel} sep=" / " />
        </label>
        <input
          id="pair-code"
          name="code"
          value={store.pairCode.value}
          onInput={(e) => store.typePairCode(e.currentTarget.value)}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxLength={PAIRING_CODE_LENGTH}
          aria-describedby="pair-problem"
          aria-invalid={problem ? "true" : undefined}
        />
        <button type="submit" disabled={store.pairing.value}>
          <Both text={s.pairSubmit} sep=" / " />
        </button>
      </form>
      <div id="pair-problem" role="alert">
        {message && (
          <p class="alert">
            <Both text={message} sep=" " />
          </p>
        )}
      </div>
      <div role="status">{store.pairing.value && <Both text={s.pairing} sep=" / " />}</div>
    </main>
  );
}
