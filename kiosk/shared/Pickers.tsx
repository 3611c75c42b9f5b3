import type { ComponentChildren } from "preact";
import type { Slot } from "../../schemas/slots";
import type { BookingFlow } from "./booking-flow";
import { byMonth, type DayView } from "./days";
import type { Phase } from "./slots";
import { formatDate, formatMonth, formatTime, listComma } from "./format";
import { t } from "./i18n/flow";
import { locale } from "./locale";
import { InMessage } from "./Localized";

/*
 * The day and time pickers, shared by booking and by moving a booking: the coming weeks by month, each
 * open day a button with its number of free times, closed days with their reason; then the day's times.
 */

export function DayList({ days, onChoose }: { days: DayView[]; onChoose: (date: string) => void }) {
  const s = t.value;
  const lang = locale.value;
  if (days.length === 0) return <p>{s.noDays}</p>;
  return (
    <>
      {byMonth(days).map((group) => (
        <section key={group.month} class="month" aria-labelledby={`month-${group.month}`}>
          <h3 id={`month-${group.month}`}>{formatMonth(group.days[0]!.date, lang)}</h3>
          <ul class="days" role="list">
            {group.days.map((day) => (
              <li key={day.date}>
                {day.kind === "free" ? (
                  <button type="button" class="day-button" onClick={() => onChoose(day.date)}>
                    <span class="day-button__date">{formatDate(day.date, lang)}</span>
                    <span class="visually-hidden">: </span>
                    <span class="day-button__meta">{s.freeTimes(day.slots.length)}</span>
                  </button>
                ) : (
                  <p class="day-closed">
                    <span class="day-closed__date">{formatDate(day.date, lang)}</span>
                    <span class="visually-hidden">: </span>
                    <span class={day.kind === "full" ? "day-closed__why" : "day-closed__why day-closed__why--closed"}>
                      {day.kind === "full"
                        ? s.fullyBooked
                        : day.kind === "holiday"
                          ? <InMessage message={(x) => (x ? s.holidayWithReason({ reason: x }) : s.holiday)} text={day.reason} locale={lang} />
                          : <InMessage message={(x) => (x ? s.closureWithReason({ reason: x }) : s.closure)} text={day.reason} locale={lang} />}
                    </span>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

interface SlotListProps {
  slots: readonly Slot[];
  /** The day in words; read out with each time, so a slot makes sense on its own. */
  date: string;
  timeZone: string;
  /** The id of the heading that names the list. */
  labelledBy: string;
  /** The start of the slot chosen before, marked as current. */
  chosen?: string | undefined;
  onChoose: (slot: Slot) => void;
}

/**
 * The free times of one day as buttons. Each shows "13:30" and is announced as
 * "Montag, 30. November 2026, 13:30 Uhr".
 */
export function SlotList({ slots, date, timeZone, labelledBy, chosen, onChoose }: SlotListProps) {
  const s = t.value;
  const dateLabel = formatDate(date, locale.value);
  return (
    <ul class="slots" role="list" aria-labelledby={labelledBy}>
      {slots.map((slot) => (
        <li key={slot.start}>
          <button
            type="button"
            class="slot-button"
            aria-current={slot.start === chosen ? "true" : undefined}
            onClick={() => onChoose(slot)}
          >
            <time dateTime={slot.start}>
              <span class="visually-hidden">
                {dateLabel}
                {listComma(locale.value)}
              </span>
              {formatTime(slot.start, timeZone)}
              {s.timeSuffix && <span class="visually-hidden">{s.timeSuffix}</span>}
            </time>
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * The free days' place while they load (`phase` of the slots store): at least as high as the screen, so
 * what follows (the request link, the footer) stays below the fold and nothing on screen moves when the
 * days arrive. Drawn as empty rows; screen readers hear the status line above it instead.
 */
export function DaysPlaceholder({ phase }: { phase: Phase }) {
  if (phase !== "idle" && phase !== "loading") return null;
  return <div class="days-placeholder" aria-hidden="true" />;
}

/** What the slots' status reads of the booking flow. */
type SlotsStatusStore = Pick<BookingFlow, "slots" | "chosenTopic" | "retrySlots">;

/**
 * "Freie Zeiten für: …" while the slots are there (`showing`, on the days); loading, or the surface's
 * own words for a failure (`failed`) with "Erneut versuchen", otherwise.
 */
export function SlotsStatus({ store, failed, showing = true }: { store: SlotsStatusStore; failed: ComponentChildren; showing?: boolean }) {
  const s = t.value;
  const topic = store.chosenTopic.value;
  const phase = store.slots.phase.value;
  return (
    <>
      <div class="status" role="status">
        {phase === "loading" && <p>{s.loading}</p>}
        {phase === "error" && <p class="status--error">{failed}</p>}
        {phase === "ready" && showing && topic && <p><InMessage message={(x) => s.showing(topic.durationMinutes, { topic: x })} text={topic.label} /></p>}
      </div>
      {phase === "error" && (
        <button type="button" onClick={store.retrySlots}>
          {s.retry}
        </button>
      )}
    </>
  );
}
