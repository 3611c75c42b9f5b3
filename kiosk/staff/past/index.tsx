/*
 * A day gone by, read only (a chunk of its own: days gone by are looked up now and then): how it went in
 * numbers (appointments attended, not come, cancelled; numbers served without an appointment) and that
 * day's numbers without an appointment with their outcome.
 */
import { formatTime } from "../../shared/format";
import { locale, pick } from "../../shared/locale";
import { timeZone } from "../../shared/office";
import { tallyOf } from "../board";
import { board } from "../state";
import { pastStrings, tallyLines } from "../i18n/past";

export function DayTally() {
  const t = pastStrings.value;
  const b = board.board.value;
  if (!b) return null;
  return (
    <section class="card" aria-labelledby="tally-heading">
      <h2 id="tally-heading">{t.tallyHeading}</h2>
      <ul class="tally" role="list">
        {tallyLines(t, tallyOf(b)).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

export function WalkInsOfDay() {
  const t = pastStrings.value;
  const list = board.board.value?.walkIns ?? [];
  return (
    <section class="card" aria-labelledby="walkins-day-heading">
      <h2 id="walkins-day-heading">{t.walkInsOfDayHeading}</h2>
      {list.length === 0 ? (
        <p>{t.noWalkInsOfDay}</p>
      ) : (
        <ol class="queue" role="list">
          {list.map((w) => (
            <li key={w.id} class="queue__row">
              <p class="queue__label">{w.label}</p>
              <p class="queue__topic">{w.topic ? pick(w.topic.label, locale.value) : ""}</p>
              <p>
                <time dateTime={w.issuedAt}>{formatTime(w.issuedAt, timeZone.value)}</time> · {t.ticketStates[w.status]}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
