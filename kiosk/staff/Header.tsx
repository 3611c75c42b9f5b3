/*
 * The board's top bar: office, date, who is signed in, language, connection; then "Mein Raum" and the
 * big "Nächste Person aufrufen", which says beside it why it cannot be pressed when it cannot.
 */
import { formatDate } from "../shared/format";
import { locale, toggleLocale } from "../shared/locale";
import { viewsFor, type StaffView } from "./board";
import { ActionError, Icon } from "./parts";
import { board, view } from "./state";
import { s } from "./strings";

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
        <p class="topbar__me">{t.signedInAs(me.staff.name)}</p>
        <button type="button" class="topbar__button" onClick={toggleLocale}>
          <span lang={t.otherLocale}>{t.otherLocaleName}</span>
        </button>
        <button type="button" class="topbar__button" onClick={onSignOut}>
          {t.signOut}
        </button>
      </div>
    </header>
  );
}

/** The sections; the current one is marked for screen readers too (`aria-current`). */
export function Nav({ role }: { role: "staff" | "admin" }) {
  const t = s.value;
  const choose = (v: StaffView) => {
    view.value = v;
    // The new section is read from its start; the page stays at the top, with the bar in view.
    document.getElementById("main")?.focus({ preventScroll: true });
    scrollTo(0, 0);
  };
  return (
    <nav class="sections" aria-label={t.navLabel}>
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
  );
}

/** "Heute, Montag, 30. November 2026", my room and "call next", with the waiting count. */
export function BoardHead() {
  const t = s.value;
  const b = board.board.value;
  const next = board.callNext.value;
  const room = board.room.value;
  const busy = board.busy.value === "callNext";
  const reasonId = "call-next-reason";
  return (
    <div class="board-head">
      <h1 id="board-heading" tabIndex={-1}>
        {b ? t.todayHeading(formatDate(b.day, locale.value)) : t.views.today}
      </h1>
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
              {room && <span class="call-next__room">{t.intoRoom(room.name)}</span>}
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
          <strong>{b ? t.waitingCount(b.waiting) : ""}</strong>
        </p>
      </div>
    </div>
  );
}
