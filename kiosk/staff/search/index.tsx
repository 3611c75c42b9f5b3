/*
 * The search's results below the field (a chunk of its own, fetched at the first search): each hit with
 * its day and time, topic, state and contact; activating one shows its day with its row marked and
 * focused, where every action on it is (move, cancel, send the mail again). Arrow keys, Home and End move
 * between hits, Tab works as everywhere, Escape closes and goes back to the field.
 */
import "./search.css";
import { useEffect, useRef } from "preact/hooks";
import type { BoardSearchHit } from "../../../schemas/staff-search";
import { formatSlotName } from "../../shared/format";
import { locale, pick } from "../../shared/locale";
import { timeZone } from "../../shared/office";
import { staffApi } from "../api";
import { go, officeToday, shownDay } from "../address";
import { sessionEnded } from "../state";
import { createSearchStore, hitPlace } from "./store";
import { searchStrings } from "../i18n/search";

export const search = createSearchStore({ api: staffApi, onSignedOut: sessionEnded, strings: () => searchStrings.value });

function open(hit: BoardSearchHit): void {
  const place = hitPlace(hit, shownDay(), officeToday());
  if (!place) return;
  search.close();
  go(place, { mark: hit.bookingId, focus: false });
}

/** Arrow keys, Home and End between the hits that open something. */
function moveFocus(event: KeyboardEvent, list: HTMLElement): void {
  const hits = [...list.querySelectorAll<HTMLElement>("button.hit")];
  const at = hits.indexOf(document.activeElement as HTMLElement);
  const to =
    event.key === "ArrowDown" ? Math.min(at + 1, hits.length - 1)
    : event.key === "ArrowUp" ? Math.max(at - 1, 0)
    : event.key === "Home" ? 0
    : event.key === "End" ? hits.length - 1
    : null;
  if (to === null || hits.length === 0) return;
  event.preventDefault();
  hits[to]!.focus();
}

export function SearchResults({ onClosed }: { onClosed: () => void }) {
  const t = searchStrings.value;
  const ref = useRef<HTMLDivElement>(null);
  const isOpen = search.open.value;
  const close = () => {
    search.close();
    onClosed();
  };
  // A click elsewhere on the page closes the results (the field and the list are one place).
  useEffect(() => {
    if (!isOpen) return;
    const outside = (event: MouseEvent) => {
      if (!(event.target as Element | null)?.closest(".search")) search.close();
    };
    document.addEventListener("mousedown", outside);
    return () => document.removeEventListener("mousedown", outside);
  }, [isOpen]);
  if (!isOpen) return null;
  const hits = search.phase.value === "ready" ? (search.result.value?.hits ?? []) : [];
  return (
    <div
      id="search-results"
      ref={ref}
      class="search-results"
      role="region"
      aria-label={t.resultsLabel}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          close();
        } else if (ref.current) moveFocus(e, ref.current);
      }}
    >
      {/* What the live region beside the field said, for the eye (read there already). */}
      <p class="search-results__count" aria-hidden="true">
        {search.said.value}
      </p>
      {hits.length > 0 && (
        <ul role="list" class="search-results__list">
          {hits.map((h) => (
            <li key={h.bookingId}>
              <Hit hit={h} />
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="search-results__close" onClick={close}>
        {t.close}
      </button>
    </div>
  );
}

function Hit({ hit }: { hit: BoardSearchHit }) {
  const t = searchStrings.value;
  const lang = locale.value;
  const when = hit.start ? formatSlotName(hit.start, timeZone.value, lang) : t.request;
  const openable = hitPlace(hit, shownDay(), officeToday()) !== null;
  const body = (
    <>
      <span class="hit__who">
        <strong>{hit.name ?? "—"}</strong> · {pick(hit.topic.label, lang)}
      </span>
      <span class="hit__when">
        {when} · {t.statuses[hit.status]}
        {!openable && ` (${t.closed})`}
      </span>
      <span class="hit__contact">
        {t.code} {hit.code}
        {hit.phone && ` · ${hit.phone}`}
        {hit.email && ` · ${hit.email}`}
      </span>
    </>
  );
  return openable ? (
    <button type="button" class="hit" onClick={() => open(hit)}>
      {body}
    </button>
  ) : (
    <div class="hit hit--closed">{body}</div>
  );
}
