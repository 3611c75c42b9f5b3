import { formatDate, formatWeekdayHours, telHref } from "../shared/format";
import { pick } from "../shared/i18n";
import type { DayView } from "./days";
import { SlotList } from "./SlotList";
import { chosenMinutes, chosenTopic, days, hours, locale, phase, phone, retry, schedule, t } from "./state";

/** "Freie Termine": how to book for now, the weekly hours once, then the coming weeks day by day. */
export function Schedule() {
  const s = t.value;
  const lang = locale.value;
  const week = hours.value;
  const topic = chosenTopic.value;
  return (
    <section class="section" aria-labelledby="slots-heading">
      <h2 id="slots-heading">{s.slotsHeading}</h2>
      <div class="notice">
        <p>
          {s.bookingSoon} <a href={telHref(phone.value)}>{phone.value}</a>
        </p>
        <p>{s.byArrangement}</p>
      </div>
      {week.length > 0 && (
        <p>
          {s.openLabel} {week.map((w) => formatWeekdayHours(w.weekday, w.spans, lang)).join(", ")}.{" "}
          {s.otherwiseByArrangement}
        </p>
      )}
      <div class="status" role="status" aria-live="polite">
        {phase.value === "loading" && <p>{s.loading}</p>}
        {phase.value === "error" && (
          <p class="status--error">
            {s.failed} <a href={telHref(phone.value)}>{phone.value}</a>
          </p>
        )}
        {phase.value === "ready" && (
          <p>{s.showing(topic ? pick(topic.label, lang) : s.anyTopic, chosenMinutes.value)}</p>
        )}
      </div>
      {phase.value === "error" && (
        <button type="button" onClick={retry}>
          {s.retry}
        </button>
      )}
      {phase.value === "ready" && <DayList days={days.value} />}
    </section>
  );
}

function DayList({ days }: { days: DayView[] }) {
  const s = t.value;
  if (days.length === 0) return <p>{s.noDays}</p>;
  return (
    <ul class="days" role="list">
      {days.map((day) => (
        <li key={day.date} class="day">
          <h3 id={`day-${day.date}`}>{formatDate(day.date, locale.value)}</h3>
          <DayBody day={day} />
        </li>
      ))}
    </ul>
  );
}

function DayBody({ day }: { day: DayView }) {
  const s = t.value;
  const lang = locale.value;
  switch (day.kind) {
    case "free":
      return (
        <SlotList
          slots={day.slots}
          dateLabel={formatDate(day.date, lang)}
          timeZone={schedule.value?.timezone ?? "Europe/Berlin"}
          timeSuffix={s.timeSuffix}
          labelledBy={`day-${day.date}`}
        />
      );
    case "full":
      return <p class="day__note">{s.fullyBooked}</p>;
    case "holiday":
      return <p class="day__note day__note--closed">{s.holiday(pick(day.reason, lang))}</p>;
    case "closure":
      return <p class="day__note day__note--closed">{s.closure(pick(day.reason, lang))}</p>;
  }
}
