/*
 * The board's top bar: office, date, who is signed in, language, connection; the sections and the
 * search; then the day's head: which day (with the arrows to the next), how the office opens that day,
 * "Drucken", and on today "Mein Raum" and the big "Nächste Person aufrufen", which says beside it why it
 * cannot be pressed when it cannot.
 */
import type { ComponentChildren } from "preact";
import type { BoardOpening } from "../../schemas/staff-board";
import { formatDate } from "../shared/format";
import { locale, pick } from "../shared/locale";
import { go, officeToday, shownDay } from "./address";
import { viewsFor, type StaffView, type Tense } from "./board";
import { DayNav } from "./DayNav";
import { LanguageSwitch } from "./LanguageSwitch";
import { ActionError, Icon } from "./parts";
import { PrintButton } from "./print-slot";
import { SearchBox } from "./SearchBox";
import { board, view } from "./state";
import { s } from "./i18n/board";

export interface Me {
  staff: { id: number; name: string; role: "staff" | "admin" };
  office: { slug: string; name: string };
}

export function TopBar({ me, onSignOut }: { me: Me; onSignOut: () => void }) {
  const t = s.value;
  const c = board.connection.value;
  return (
    <header class="topbar">
      <div class="topbar__inner">
        <p class="topbar__office">{me.office.name}</p>
        <p class="topbar__connection" role="status">
          <span class={`conn conn--${c}`}>
            <Icon name={c} />
            <span class="visually-hidden">{t.connectionLabel} </span>
            {t.connection[c]}
          </span>
        </p>
        <p class="topbar__me">{t.signedInAs({ name: me.staff.name })}</p>
        <LanguageSwitch />
        <button type="button" class="topbar__button" onClick={onSignOut}>
          {t.signOut}
        </button>
      </div>
    </header>
  );
}

/**
 * The sections and the search; the current section is marked for screen readers too (`aria-current`).
 * A section keeps the day on show (the week of it, the day again when coming back).
 */
export function Nav({ role, office }: { role: "staff" | "admin"; office: string }) {
  const t = s.value;
  // The new section is read from its start (go moves the focus to it); the page stays at the top.
  const choose = (v: StaffView) => go({ day: board.day.value, view: v });
  return (
    <div class="sections">
      <nav aria-label={t.navLabel}>
        <ul role="list">
          {viewsFor(role).map((v) => (
            <li key={v}>
              <button type="button" aria-current={view.value === v ? "page" : undefined} onClick={() => choose(v)}>
                {t.views[v]}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <SearchBox office={office} />
    </div>
  );
}

/** Whether a day is gone by, today or to come, before its board has loaded too. */
function tenseOfShown(day: string | null, today: string | null): Tense | null {
  if (!day || !today) return null;
  return day < today ? "past" : day > today ? "future" : "today";
}

/**
 * The day's head: "Heute, Montag, 30. November 2026" (another day by its date and whether it is gone by
 * or to come), the day's arrows, how the office opens, "Drucken"; on today my room and "call next".
 */
export function BoardHead() {
  const t = s.value;
  const b = board.board.value;
  const day = shownDay();
  const tense = board.tense.value ?? tenseOfShown(day, officeToday());
  const date = day ? formatDate(day, locale.value) : "";
  return (
    <div class="board-head">
      <div class="board-head__day">
        <h1 id="board-heading" tabIndex={-1}>
          {tense === "today" ? t.todayHeading({ date }) : date || (board.day.value === null ? t.today : t.views.appointments)}
        </h1>
        {tense && tense !== "today" && <p class={`tense tense--${tense}`}>{t.tenseNote[tense]}</p>}
        {b && <Opening opening={b.opening} past={tense === "past"} />}
        <div class="board-head__tools">
          <DayNav />
          <PrintButton />
        </div>
      </div>
      {tense === "today" && <TodayControls />}
    </div>
  );
}

/** "Geöffnet – noch 4 Zeiten frei" ("Geöffnet" on a day gone by), "Geschlossen: Betriebsausflug", "Feiertag: Pfingstmontag". */
function Opening({ opening, past }: { opening: BoardOpening; past: boolean }) {
  const t = s.value;
  const reason = opening.reason ? pick(opening.reason, locale.value) : "";
  let text: ComponentChildren;
  switch (opening.status) {
    case "open":
      // Free times are for days to come; a day gone by was simply open.
      text = past ? t.opening.wasOpen : opening.freeSlots === 0 ? t.opening.full : t.opening.open(opening.freeSlots);
      break;
    case "closed":
      text = t.opening.closed;
      break;
    case "holiday":
      text = t.opening.holiday({ reason });
      break;
    case "closure":
      text = <strong>{t.opening.closure({ reason })}</strong>;
      break;
  }
  return <p class="board-head__opening">{text}</p>;
}

/** My room and "call next", with the waiting count: the queue runs today only. */
function TodayControls() {
  const t = s.value;
  const b = board.board.value;
  const next = board.callNext.value;
  const room = board.room.value;
  // Any action under way: the store takes one at a time, so this one would not be taken either.
  const busy = board.busy.value !== null;
  const reasonId = "call-next-reason";
  return (
    <div class="board-head__controls">
      <div class="room-choice">
        <label for="my-room">{t.myRoom}</label>
        <select
          id="my-room"
          value={board.roomId.value === null ? "" : String(board.roomId.value)}
          onChange={(e) => {
            const v = e.currentTarget.value;
            board.chooseRoom(v ? Number(v) : null);
          }}
        >
          <option value="">{t.chooseRoom}</option>
          {b?.rooms.map((r) => (
            <option key={r.id} value={String(r.id)}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      <div class="call-next">
        <button
          type="button"
          class="call-next__button"
          // aria-disabled keeps it focusable, so the reason beside it is found and read with it.
          aria-disabled={!next.enabled || busy ? "true" : undefined}
          aria-describedby={next.enabled ? undefined : reasonId}
          onClick={() => void board.callNextPerson()}
        >
          <Icon name="megaphone" />
          <span class="call-next__text">
            {t.callNext}
            {room && " "}
            {room && <span class="call-next__room">{t.intoRoom({ room: room.name })}</span>}
          </span>
        </button>
        {!next.enabled && (
          <p id={reasonId} class="call-next__reason">
            {t.callNextReason[next.reason]}
          </p>
        )}
        <ActionError id="call-next-error" failure={board.errors.value.callNext} />
      </div>
      <p class="waiting-count">
        <strong>{!b ? "" : b.waiting === 0 ? t.nobodyWaits : t.waitingCount(b.waiting)}</strong>
      </p>
    </div>
  );
}
