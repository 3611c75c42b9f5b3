/*
 * Small pieces the board's sections share: state badges (icon + word, never colour alone), an action's
 * error beside it, and line icons. They render; the stores decide.
 */
import type { AppointmentState } from "../../schemas/staff-board";
import type { LazyFallbackProps } from "../shared/lazy";
import { badgeOf } from "./board";
import type { StaffFailure } from "./failure";
import { s } from "./i18n/board";

const PATHS: Readonly<Record<string, readonly string[]>> = {
  calendar: ["M4 6h16v14H4z", "M4 10h16", "M8 3v5M16 3v5"],
  clock: ["M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18", "M12 7v5l3 2"],
  bell: ["M6 16V11a6 6 0 0 1 12 0v5l2 2H4z", "M10 20h4"],
  talk: ["M4 5h16v11H10l-5 4v-4H4z"],
  check: ["M5 12.5l4.5 4.5L19 7"],
  cross: ["M6 6l12 12M18 6L6 18"],
  strike: ["M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18", "M6 18L18 6"],
  megaphone: ["M3 10v4h4l8 5V5L7 10z", "M18 9a4 4 0 0 1 0 6"],
  plus: ["M12 5v14M5 12h14"],
  printer: ["M7 9V3h10v6", "M7 17H4v-7h16v7h-3", "M7 14h10v7H7z"],
  search: ["M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13", "M15.5 15.5L21 21"],
  mail: ["M3 6h18v12H3z", "M3 7l9 6 9-6"],
  phone: ["M6 3h4l2 5-3 2a11 11 0 0 0 5 5l2-3 5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 4 5a2 2 0 0 1 2-2z"],
  live: ["M12 10a2 2 0 1 0 0 4a2 2 0 1 0 0-4", "M7.5 7.5a6.5 6.5 0 0 0 0 9M16.5 7.5a6.5 6.5 0 0 1 0 9"],
  polling: ["M20 12a8 8 0 1 1-2.3-5.7", "M20 4v5h-5"],
  offline: ["M3 3l18 18", "M5 9a11 11 0 0 1 4-2M12 6a11 11 0 0 1 7 3M8.5 12.5a5 5 0 0 1 7 0", "M12 18h.01"],
};

/** A decorative icon: the word beside it is what screen readers read. */
export function Icon({ name }: { name: string }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {(PATHS[name] ?? PATHS.talk!).map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

/** An appointment's state: icon and word in a tinted box; the word carries the meaning. */
export function StateBadge({ state }: { state: AppointmentState }) {
  const b = badgeOf(state);
  return (
    <span class={`badge badge--${b.tone}`}>
      <Icon name={b.icon} />
      {s.value.states[state]}
    </span>
  );
}

/**
 * An action's failure in plain words, right where the action is. Always in the DOM as a live region, so
 * a screen reader hears the words when they appear.
 */
export function ActionError({ id, failure }: { id: string; failure: StaffFailure | undefined | null }) {
  return (
    <p id={id} class={failure ? "action-error" : "action-error action-error--empty"} role="alert">
      {failure && (
        <>
          <span class="visually-hidden">{s.value.errorPrefix} </span>
          {s.value.failures[failure]}
        </>
      )}
    </p>
  );
}

/**
 * What shows while a section, dialog or the sign-in is fetched (kiosk/shared/lazy.tsx): a short note,
 * or, when the fetch failed, the failure with a button to try again.
 */
export function LazyFallback({ failed, retry }: LazyFallbackProps) {
  const t = s.value;
  if (!failed) return <p role="status">{t.loadingPart}</p>;
  return (
    <div class="alert" role="alert">
      <p>{t.failures.network}</p>
      <button type="button" onClick={retry}>
        {t.retry}
      </button>
    </div>
  );
}
