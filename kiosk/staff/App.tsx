/*
 * The staff board at /staff: the sign-in when nobody is signed in; otherwise the top bar, the sections
 * (the day, the week and the panels of the settings) with the search, the line that says what just
 * happened, and the dialogs. The day shows what its tense calls for: today the queue is run, a day to
 * come shows what is planned, a day gone by what happened (read only). Components render; stores decide.
 */
import { useEffect } from "preact/hooks";
import type { Me } from "../../schemas/auth";
import { lazy, whenIdle } from "../shared/lazy";
import { loadOffice } from "../shared/office";
import { SkipLink } from "../shared/SkipLink";
import { Announcer } from "./Announcer";
import { viewsFor } from "./board";
import { BoardHead, Nav, TopBar } from "./Header";
import { Panel } from "./panels";
import { lazily, withWords } from "./lazy";
import { PrintSlot } from "./print-slot";
import { LanguageSwitch } from "./LanguageSwitch";
import { LazyFallback } from "./parts";
import { Appointments, Desk, LastCalls, MyRoom, Requests, WalkIns } from "./Sections";
import { me, signedIn, signOut, SignIn } from "./session";
import { board, forms, view } from "./state";
import { s } from "./i18n/board";

/** The board's dialogs: a chunk of their own, fetched when the page is idle after signing in, or when one opens. */
const Dialogs = lazy(() => import("./Dialogs"), (m) => m.Dialogs, LazyFallback);

export function App() {
  const who = me.value;
  if (who === null) {
    return (
      <main id="main" class="staff-loading">
        <p role="status">{s.value.loadingMe}</p>
      </main>
    );
  }
  if (who === "signedOut") {
    return (
      <>
        <header class="topbar">
          <div class="topbar__inner">
            <p class="topbar__office">{s.value.pageTitle}</p>
            <LanguageSwitch />
          </div>
        </header>
        <SignIn onSignedIn={signedIn} />
      </>
    );
  }
  return <Signedin me={who} />;
}

function Signedin({ me: who }: { me: Me }) {
  useEffect(() => {
    board.start(who.office.slug);
    // The signed-in member's office (not the deployment's default): its topics and time zone for the dialogs.
    void loadOffice(who.office.slug).catch((error: unknown) => console.warn(error));
    const cancelPreload = whenIdle(Dialogs.preload);
    return () => {
      cancelPreload();
      board.stop();
    };
  }, [who.office.slug]);
  // An address may name a section this role has not (a link from an admin): the day instead.
  const shown = viewsFor(who.staff.role).includes(view.value) ? view.value : "appointments";
  return (
    <>
      <SkipLink />
      <TopBar me={who} onSignOut={() => void signOut()} />
      <Nav role={who.staff.role} office={who.office.slug} />
      <Announcer />
      <main id="main" tabIndex={-1} class="staff-main">
        {shown === "appointments" ? <Day /> : <Panel view={shown} me={who} />}
      </main>
      {forms.dialog.value && <Dialogs />}
    </>
  );
}

const past = lazily(withWords(() => import("./past")));

/** A day gone by, read only: what happened. Its tally comes as a chunk of its own. */
function PastDay() {
  const m = past.loaded.value;
  useEffect(() => void past.get().catch((error: unknown) => console.warn(error)), []);
  return (
    <div class="board">
      <div class="board__col">
        {m && <m.DayTally />}
        {m && <m.WalkInsOfDay />}
        <LastCalls />
      </div>
      <div class="board__col">
        <Appointments />
      </div>
    </div>
  );
}

function Day() {
  const t = s.value;
  const phase = board.phase.value;
  const tense = board.tense.value;
  return (
    <>
      <BoardHead />
      {phase === "loading" && <p role="status">{t.loadingBoard}</p>}
      {phase === "error" && (
        <div class="alert">
          <p>{t.boardFailed}</p>
          <button type="button" onClick={() => void board.refresh()}>
            {t.retry}
          </button>
        </div>
      )}
      {phase === "ready" && tense === "today" && (
        <div class="board">
          <div class="board__col">
            <MyRoom />
            <WalkIns />
            <Desk />
            <LastCalls />
          </div>
          <div class="board__col">
            <Appointments />
            <Requests />
          </div>
        </div>
      )}
      {phase === "ready" && tense === "future" && (
        <div class="board">
          <div class="board__col">
            <Appointments />
          </div>
          <div class="board__col">
            <Desk />
            <Requests />
          </div>
        </div>
      )}
      {phase === "ready" && tense === "past" && <PastDay />}
      <PrintSlot />
    </>
  );
}
