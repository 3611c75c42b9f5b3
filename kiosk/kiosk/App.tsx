import { useEffect, useRef } from "preact/hooks";
import { catalogsReady } from "../shared/locale";
import { lazy, whenIdle } from "../shared/lazy";
import { LanguageMenu } from "../shared/LanguageMenu";
import { office } from "../shared/office";
import { CheckinScreen, RefusedScreen, ScanScreen, WelcomeScreen } from "./CheckIn";
import { token } from "./device";
import { Icon } from "../shared/icons";
import { preloadQr } from "../shared/QrCode";
import { PairScreen } from "./Pair";
import { PrintTicket } from "./Print";
import { ScreenFallback } from "./parts";
import { StartScreen } from "./Start";
import { busy, idleWarning, k, resetSession, screen, stillHere, visit } from "./state";
import { NoConnectionScreen, TicketScreen, TopicsScreen } from "./WalkIn";
import { OfficeWords } from "../shared/Localized";

// The chunk's own catalog (shared/i18n/contact) in the page's language before its steps show.
const later = () => import("./later").then(async (m) => (await catalogsReady(), m));
const BookTopicScreen = lazy(later, (m) => m.BookTopicScreen, ScreenFallback);
const BookDayScreen = lazy(later, (m) => m.BookDayScreen, ScreenFallback);
const BookTimeScreen = lazy(later, (m) => m.BookTimeScreen, ScreenFallback);
const BookDetailsScreen = lazy(later, (m) => m.BookDetailsScreen, ScreenFallback);
const BookReviewScreen = lazy(later, (m) => m.BookReviewScreen, ScreenFallback);
const BookDoneScreen = lazy(later, (m) => m.BookDoneScreen, ScreenFallback);
const RequestScreen = lazy(later, (m) => m.RequestScreen, ScreenFallback);
const RequestDoneScreen = lazy(later, (m) => m.RequestDoneScreen, ScreenFallback);
const LegalScreen = lazy(later, (m) => m.LegalScreen, ScreenFallback);

/** Fetches the later screens once the tablet shows its first screen and is idle. */
export function preloadLaterScreens(): void {
  const screens = [BookTopicScreen, BookDayScreen, BookTimeScreen, BookDetailsScreen, BookReviewScreen, BookDoneScreen, RequestScreen, RequestDoneScreen, LegalScreen];
  whenIdle(() => {
    screens.forEach((screen) => screen.preload());
    // The QR code of a walk-in number's status page.
    preloadQr();
  });
}

/**
 * The tablet: a bar with the office, "Zum Anfang" and the language menu; one screen below it. The start
 * screen offers the six languages as big buttons of its own, so the bar leaves the menu out there.
 */
export function App() {
  return (
    <>
      <TopBar />
      <main id="main" class="page kiosk-main">
        <CurrentScreen key={visit.value} />
      </main>
      <IdleDialog />
      <PrintTicket />
    </>
  );
}

function TopBar() {
  const s = k.value;
  const here = screen.value;
  const showHome = token.value !== null && here !== "start" && here !== "pair" && busy.value === null;
  return (
    <header class="kiosk-bar">
      <div class="kiosk-bar__inner">
        <p class="kiosk-bar__name">{token.value && office.value?.shortName ? <OfficeWords>{office.value.shortName}</OfficeWords> : s.kioskTitle}</p>
        {showHome && (
          <button type="button" class="kiosk-bar__home" onClick={resetSession}>
            <Icon name="home" />
            {s.home}
          </button>
        )}
        {here !== "start" && <LanguageMenu />}
      </div>
    </header>
  );
}

function CurrentScreen() {
  switch (screen.value) {
    case "pair":
      return <PairScreen />;
    case "start":
      return <StartScreen />;
    case "topics":
      return <TopicsScreen />;
    case "ticket":
      return <TicketScreen />;
    case "checkin":
      return <CheckinScreen />;
    case "scan":
      return <ScanScreen />;
    case "welcome":
      return <WelcomeScreen />;
    case "refused":
      return <RefusedScreen />;
    case "noConnection":
      return <NoConnectionScreen />;
    case "bookTopic":
      return <BookTopicScreen />;
    case "bookDay":
      return <BookDayScreen />;
    case "bookTime":
      return <BookTimeScreen />;
    case "bookDetails":
      return <BookDetailsScreen />;
    case "bookReview":
      return <BookReviewScreen />;
    case "bookDone":
      return <BookDoneScreen />;
    case "request":
      return <RequestScreen />;
    case "requestDone":
      return <RequestDoneScreen />;
    case "legal":
      return <LegalScreen />;
  }
}

/** "Sind Sie noch da?", twenty seconds before the tablet starts again; any touch keeps it going. */
function IdleDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  const open = idleWarning.value;
  const s = k.value;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      class="idle-dialog"
      aria-labelledby="idle-heading"
      aria-describedby="idle-text"
      onCancel={(e) => {
        e.preventDefault();
        stillHere();
      }}
    >
      <h2 id="idle-heading">{s.idleHeading}</h2>
      <p id="idle-text">{s.idleText}</p>
      <button type="button" class="button--primary button--big" onClick={stillHere}>
        {s.idleStay}
      </button>
    </dialog>
  );
}
