/*
 * The week at a glance (a chunk of its own, fetched when the section first opens): Monday to Sunday of
 * the week holding the day on show, each day with how it opens, its free times and its appointments;
 * each day's name is a link that opens that day. The free times are the API's, computed like the phone
 * booking's free times (GET …/week). It loads again when the office changed something.
 */
import "./week.css";
import { useEffect, useState } from "preact/hooks";
import { addDays, isoWeekday } from "../../../common/time";
import { intlLocale, type Locale } from "../../../common/i18n/languages";
import { locale, pick } from "../../shared/locale";
import { staffApi } from "../api";
import { go, officeToday, shownDay } from "../address";
import { placeQuery } from "../place";
import { board, sessionEnded } from "../state";
import { createWeekStore } from "./store";
import { weekStrings } from "../i18n/week";

const store = createWeekStore({ api: staffApi, onSignedOut: sessionEnded });


/** "Montag, 30. November" / "Monday, 30 November": a day of the week in the table. */
function dayName(date: string, lang: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
}

/** "30. November 2026" / "30 November 2026". */
function fullDate(date: string, lang: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
}

export function WeekPanel({ office }: { office: string }) {
  const t = weekStrings.value;
  const lang = locale.value;
  const day = shownDay();
  const monday = day ? addDays(day, 1 - isoWeekday(day)) : null;
  const changes = board.changes.value;
  const w = store.week.value;
  const [said, setSaid] = useState("");
  // A new week, or news of a change at the office: load (moving within the week needs nothing).
  useEffect(() => {
    if (monday) void store.load(office, monday);
  }, [office, monday, changes]);

  const range = w ? t.range({ from: fullDate(w.from, lang), to: fullDate(w.to, lang) }) : "";
  const move = (next: string | null) => {
    go({ day: next, view: "week" }, { focus: false });
    const target = next ?? officeToday();
    if (target) setSaid(t.shown({ range: fullDate(target, lang) }));
  };
  const today = officeToday();
  return (
    <div class="week">
      <p>{t.intro}</p>
      <div class="week__nav" role="group" aria-label={t.weekNavLabel}>
        <button type="button" aria-disabled={w ? undefined : "true"} onClick={() => w && move(addDays(w.from, -7))}>
          <span aria-hidden="true">← </span>
          {t.previousWeek}
        </button>
        <button type="button" onClick={() => move(null)}>
          {t.thisWeek}
        </button>
        <button type="button" aria-disabled={w ? undefined : "true"} onClick={() => w && move(addDays(w.from, 7))}>
          {t.nextWeek}
          <span aria-hidden="true"> →</span>
        </button>
        <p class="visually-hidden" role="status">
          {said}
        </p>
      </div>
      {!w ? (
        store.failure.value ? (
          <div class="alert">
            <p>{t.failed}</p>
            <button type="button" onClick={() => monday && void store.load(office, monday)}>
              {t.retry}
            </button>
          </div>
        ) : (
          <p role="status">{t.loading}</p>
        )
      ) : (
        <table class="week__table">
          <caption>{range}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columns.day}</th>
              <th scope="col">{t.columns.opening}</th>
              <th scope="col" class="week__number">{t.columns.free}</th>
              <th scope="col" class="week__number">{t.columns.booked}</th>
            </tr>
          </thead>
          <tbody>
            {w.days.map((d) => (
              <tr key={d.date} class={d.date === today ? "week__today" : d.status === "open" ? undefined : "week__shut"}>
                <th scope="row">
                  <a href={placeQuery({ day: d.date, view: "appointments" }) || "?"} aria-current={d.date === today ? "date" : undefined}>
                    {dayName(d.date, lang)}
                  </a>
                  {d.date === today && <span class="week__mark"> ({t.today})</span>}
                </th>
                <td>
                  {t.status[d.status]}
                  {d.reason && `: ${pick(d.reason, lang)}`}
                </td>
                <td class="week__number">{t.free(d.free)}</td>
                <td class="week__number">{t.booked(d.booked)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
