/*
 * The staff board at /staff: the sign-in when nobody is signed in; otherwise the top bar, the sections
 * ("Heute" and the panels of the settings) and the dialogs. Components render; stores decide.
 */
import { useEffect } from "preact/hooks";
import type { Me } from "../../schemas/auth";
import { lazy, whenIdle } from "../shared/lazy";
import { toggleLocale } from "../shared/locale";
import { loadOffice } from "../shared/office";
import { SkipLink } from "../shared/SkipLink";
import { Announcer } from "./Announcer";
import { BoardHead, Nav, TopBar } from "./Header";
import { Panel } from "./panels";
import { LazyFallback } from "./parts";
import { Appointments, Desk, LastCalls, MyRoom, Requests, WalkIns } from "./Sections";
import { me, signedIn, signOut, SignIn } from "./session";
import { board, forms, view } from "./state";
import { s } from "./strings";

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
            <button type="button" class="topbar__button" onClick={toggleLocale}>
              <span lang={s.value.otherLocale}>{s.value.otherLocaleName}</span>
            </button>
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
  return (
    <>
      <SkipLink />
      <TopBar me={who} onSignOut={() => void signOut()} />
      <Nav role={who.staff.role} />
      <main id="main" tabIndex={-1} class="staff-main">
        {view.value === "today" ? <Today /> : <Panel view={view.value} me={who} />}
      </main>
      <Announcer />
      {forms.dialog.value && <Dialogs />}
    </>
  );
}

function Today() {
  const t = s.value;
  const phase = board.phase.value;
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
      {phase === "ready" && (
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
    </>
  );
}
