/*
 * The board's place in the address (place.ts): the section and the day on show follow the address when
 * the page starts, on the browser's back and forward and on a click of one of the board's own links;
 * every change of either, from wherever it comes (a section button, the day's arrows, a search hit),
 * becomes an entry of the history. The one file of the board that reads and writes `location` and
 * `history` for it (the sign-in only takes its link out of the fragment).
 */
import { batch, effect } from "@preact/signals";
import { today } from "../shared/office";
import { inPagePlace, parsePlace, placeQuery, samePlace, type Place } from "./place";
import { board, view } from "./state";

/** The office's today, as the board last said it (or the office's data, before the first board). */
export function officeToday(): string | null {
  return board.board.value?.today ?? (today.value || null);
}

/** The day on show: the one asked for, else today. Null until today is known. */
export function shownDay(): string | null {
  return board.day.value ?? officeToday();
}

/** Moves the keyboard focus to the start of the new content (the page stays at the top, the bar in view). */
export function focusMain(): void {
  document.getElementById("main")?.focus({ preventScroll: true });
  scrollTo(0, 0);
}

export interface GoOptions {
  /** A booking or request to mark on the day (a search hit); its row takes the focus once shown. */
  mark?: string | null;
  /** Whether the focus moves to the new content (a new section); false where the pressed control stays. */
  focus?: boolean;
}

/** Shows `place`; today's date is written as "today", so the address follows the calendar. */
export function go(place: Place, options: GoOptions = {}): void {
  const day = place.day !== null && place.day === officeToday() ? null : place.day;
  batch(() => {
    view.value = place.view;
    void board.showDay(day, options.mark ?? null);
  });
  if (options.focus ?? true) focusMain();
}

/** A link of the board's own (`?day=…`) followed in the page, not by loading it anew. */
function followLinks(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element | null)?.closest?.("a[href]");
  if (!(link instanceof HTMLAnchorElement) || link.target || link.hasAttribute("download")) return;
  const place = inPagePlace(link.getAttribute("href")!, location);
  if (!place) return;
  event.preventDefault();
  go(place);
}

/** Shows the place the address names, as it names it (a day that is today stays written as that day). */
function showAddress(): Place {
  const place = parsePlace(location.search);
  batch(() => {
    view.value = place.view;
    void board.showDay(place.day);
  });
  return place;
}

let following = false;

/** Takes the place from the address and keeps the two together from then on; once per page. */
export function followAddress(): void {
  if (following) return;
  following = true;
  showAddress();
  effect(() => {
    const place: Place = { day: board.day.value, view: view.value };
    if (samePlace(place, parsePlace(location.search))) return;
    const query = placeQuery(place);
    history.pushState(history.state, "", `${location.pathname}${query}`);
  });
  // Back and forward: the entry's place, and the focus to its content as for any new section.
  addEventListener("popstate", () => {
    showAddress();
    focusMain();
  });
  document.addEventListener("click", followLinks);
}
