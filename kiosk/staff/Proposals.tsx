/*
 * Proposals on the board: a request's latest round of proposed times, each with its state (open until …,
 * angenommen, nicht gewählt, keiner passt, abgelaufen, zurückgezogen) and "Zurückziehen" while open; and
 * the proposals residents accepted lately, which left the requests for their day's appointments.
 */
import type { BoardRequest } from "../../schemas/staff-board";
import { formatSlotName, formatWhen } from "../shared/format";
import { locale } from "../shared/locale";
import { timeZone } from "../shared/office";
import { PROPOSAL_TONE, proposalStateOf, requestRound } from "./board";
import { Icon } from "./parts";
import { board, forms } from "./state";
import { s } from "./i18n/board";

/** Under a request: where its latest round stands, and each proposed time with its state. */
export function RequestProposals({ request: r }: { request: BoardRequest }) {
  const t = s.value;
  const now = board.now.value;
  const tz = timeZone.value;
  const lang = locale.value;
  const round = requestRound(r, now);
  if (round.outcome === null || round.outcome === "accepted") return null;
  const who = r.name ?? r.email ?? "—";
  return (
    <div class="proposals">
      <p class={round.outcome === "open" ? "proposals__outcome" : "proposals__outcome proposals__outcome--back"}>
        <Icon name={round.outcome === "open" ? "clock" : "bell"} />
        {round.outcome === "open" ? t.waitingForAnswer({ until: formatSlotName(round.until!, tz, lang) }) : t.roundOutcome[round.outcome]}
      </p>
      <ul class="proposals__list" role="list" aria-label={`${t.proposalsLabel}: ${who}`}>
        {r.proposals.map((p) => {
          const state = proposalStateOf(p, now);
          const when = formatWhen(p.start, p.end, tz, lang);
          return (
            <li key={p.id}>
              <span>{when}</span>{" "}
              <span class={`badge badge--${PROPOSAL_TONE[state]}`}>
                {state === "open" ? t.proposalState.open({ until: formatSlotName(p.holdUntil, tz, lang) }) : t.proposalState[state]}
              </span>
              {state === "open" && (
                <button type="button" onClick={() => forms.open({ kind: "withdraw", request: r, proposal: p })}>
                  {t.withdraw}
                  <span class="visually-hidden">{`: ${who}, ${when}`}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Proposals accepted lately: who chose which time, and a link to that day's board. */
export function AcceptedProposals() {
  const t = s.value;
  const list = board.board.value?.accepted ?? [];
  const tz = timeZone.value;
  const lang = locale.value;
  if (list.length === 0) return null;
  return (
    <div class="accepted">
      <h3>{t.acceptedHeading}</h3>
      <ul role="list">
        {list.map((a) => {
          const who = a.name ?? "—";
          return (
            <li key={a.proposalId}>
              <Icon name="check" />
              {t.acceptedItem({ who, when: formatSlotName(a.start, tz, lang) })}
              {a.bookingStatus === "cancelled" && ` (${t.acceptedCancelled})`}{" "}
              {/* The board's address of a day (issue 11): the start's own local day, with the office's offset. */}
              <a href={`/staff/?day=${a.start.slice(0, 10)}&view=appointments`}>
                {t.openDay}
                <span class="visually-hidden">{`: ${who}`}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
