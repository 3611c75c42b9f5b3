import { useId } from "preact/hooks";
import { formatDate, formatHours, listComma, weekdayName } from "./format";
import { frame } from "./i18n/frame";
import { Fragment } from "preact";
import { locale } from "./locale";
import { Localized } from "./Localized";
import { extraHours, hours } from "./office";

/** The weekly opening hours in force today, a weekday a line ("Montag 13–17:30 Uhr"); nothing without any. */
export function WeeklyHours() {
  const lang = locale.value;
  if (hours.value.length === 0) return null;
  return (
    <ul class="hours" role="list">
      {hours.value.map((w) => (
        <li key={w.weekday}>
          <span class="hours__day">{weekdayName(w.weekday, lang)}</span>{" "}
          {w.spans.map((span) => formatHours(span.opens, span.closes, lang)).join(listComma(lang))}
        </li>
      ))}
    </ul>
  );
}

/*
 * The office's extra opening days ("Sondertermine"), e.g. "Samstag, 12. Dezember 2026: 10–14 Uhr –
 * Abendsprechstunde für Firmen", for the booking page and the kiosk. Nothing when there are none.
 * `headingLevel`: where it sits in the page's outline.
 */
export function ExtraHours({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const id = useId();
  const days = extraHours.value;
  if (days.length === 0) return null;
  const s = frame.value;
  const lang = locale.value;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section class="notice extra-hours" aria-labelledby={id}>
      <Heading id={id} class="extra-hours__heading">
        {s.extraHoursHeading}
      </Heading>
      <p>{s.extraHoursHint}</p>
      <ul role="list" class="extra-hours__list">
        {days.map((d) => (
          <li key={d.day}>
            <strong>{formatDate(d.day, lang)}:</strong> {d.spans.map((span) => formatHours(span.opens, span.closes, lang)).join(listComma(lang))}
            {d.notes.map((n, i) => (
              <Fragment key={i}>
                {" – "}
                <Localized text={n} locale={lang} />
              </Fragment>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
